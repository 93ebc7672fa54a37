/*
 * Assembler macros (for .S files only) that save and restore the general
 * registers in struct trap_frame order (kernel/trap.h): after SAVE_REGS,
 * rsp points at the frame's r15, below the vector, error code and the
 * iretq frame the entry pushed first.  The interrupt stubs and the
 * syscall entry share them so that both build the same frame.
 */
#ifndef KERNEL_REGS_H
#define KERNEL_REGS_H

	.macro SAVE_REGS
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
	.endm

	.macro RESTORE_REGS
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
	.endm

#endif
