# soil/: the OS behind the syscalls (fds, files, memory, time) and later
# the OCaml Soil library.
