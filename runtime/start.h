/*
 * Starting the program linked into the image: the OCaml runtime's main,
 * entered through musl's __libc_start_main on a Linux-style initial
 * stack.  Only images with a program link runtime/start.c; the kernel
 * finds program_start through a weak reference.
 */
#ifndef RUNTIME_START_H
#define RUNTIME_START_H

#include "efi/bootinfo.h"
#include "kernel/options.h"

/*
 * Sets up the process and runs the program; never returns.  Weak and
 * hidden: in an image without a program the reference is simply 0,
 * resolved by the linker with no dynamic relocation.
 */
void program_start(const struct bootinfo *bi, const struct options *o)
    __attribute__((noreturn, weak, visibility("hidden")));

#endif
