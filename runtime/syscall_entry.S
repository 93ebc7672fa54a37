/*
 * The syscall instruction lands here (MSR_LSTAR).  The CPU has put the
 * return address in rcx and the flags in r11 and cleared IF, DF, TF and
 * AC (MSR_FMASK); rsp is still the program's stack, and the program uses
 * the red zone below it, so nothing is pushed there: the entry switches to
 * its own stack first.  It saves every register as a struct trap_frame
 * (kernel/trap.h), so that a handler may replace the whole context
 * (rt_sigreturn), and leaves with iretq, which restores rip, rflags and
 * rsp together.  Everything runs at ring 0 and on one CPU, and syscalls
 * never nest (kernel code does not make them), so one stack is enough.
 */
#include "kernel/gdt.h"
#include "kernel/regs.h"

	.text
	.globl syscall_entry
	.hidden syscall_entry
syscall_entry:
	mov	%rsp, syscall_program_rsp(%rip)
	mov	syscall_stack_top(%rip), %rsp
	pushq	$SEL_KERNEL_DATA		/* ss */
	pushq	syscall_program_rsp(%rip)	/* rsp */
	push	%r11				/* rflags */
	pushq	$SEL_KERNEL_CODE		/* cs */
	push	%rcx				/* rip */
	pushq	$0				/* error */
	pushq	$-1				/* vector: none */
	SAVE_REGS
	mov	%rsp, %rdi
	xor	%ebp, %ebp		/* backtraces stop here */
	call	syscall_dispatch
	RESTORE_REGS
	add	$16, %rsp		/* the vector and error code */
	iretq

	.data
	.align 8
	.globl syscall_stack_top
	.hidden syscall_stack_top
syscall_stack_top:
	.quad	0
syscall_program_rsp:
	.quad	0

	.section .note.GNU-stack, "", @progbits
