/*
 * The Linux x86-64 syscall numbers Terrarium serves, and their handlers.
 */
#ifndef RUNTIME_SYSCALL_TABLE_H
#define RUNTIME_SYSCALL_TABLE_H

#define SYSCALL_TABLE_SIZE	512

/*
 * Every handler takes its arguments in the registers of the C calling
 * convention, which are the syscall's own (rdi, rsi, rdx, then r10 moved
 * to rcx, r8, r9), so one type serves all through a cast.
 */
typedef long (*syscall_fn)(long, long, long, long, long, long);

extern const syscall_fn syscall_table[SYSCALL_TABLE_SIZE];

#endif
