/*
 * The syscall personality's entry: musl and the OCaml runtime execute the
 * `syscall` instruction at ring 0 and land in runtime/syscall_entry.S,
 * which calls syscall_dispatch with the saved registers.
 */
#ifndef RUNTIME_SYSCALL_H
#define RUNTIME_SYSCALL_H

#include "kernel/trap.h"

/* Gives syscalls their own stack and points the syscall MSRs at the entry. */
void syscall_init(void);

/*
 * Runs the syscall in f->rax with the arguments in rdi, rsi, rdx, r10, r8
 * and r9; puts the result (or -errno) in f->rax.  A handler may replace
 * the whole frame (rt_sigreturn).
 */
void syscall_dispatch(struct trap_frame *f);

/* The name of syscall nr, or NULL when Linux has none by that number. */
const char *syscall_name(unsigned long nr);

#endif
