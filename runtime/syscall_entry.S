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
	push	%rax
	push	%rbx
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%rbp
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%rsp, %rdi
	xor	%ebp, %ebp		/* backtraces stop here */
	call	syscall_dispatch
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rbp
	pop	%rdi
	pop	%rsi
	pop	%rdx
	pop	%rcx
	pop	%rbx
	pop	%rax
	add	$16, %rsp
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
