# runtime/: the OCaml runtime and musl, built from Debian packages, and how
# a program is started on the kernel (initial stack, auxv, syscall entry).
