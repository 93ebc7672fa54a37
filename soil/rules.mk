# soil/: the OS behind the syscalls (fds, files, memory, time) and later
# the OCaml Soil library.

# --- memory, time, signals, the process (the lead's part) ---
KSRCS += soil/ranges.c soil/mm.c soil/clock.c soil/proc.c soil/signal.c
UNIT_TESTS += ranges
UNIT_SRCS_ranges := soil/ranges.c
