/*
 * Interrupt and exception entry stubs.  Each of the 256 vectors has a
 * 16-byte stub at trap_stubs + 16 * vector that pushes a zero error code
 * (where the CPU pushes none) and the vector number, then saves the
 * general registers in struct trap_frame order and calls trap_handler.
 * Vectors from 32 up are interrupts (drivers/irq.c), which push no error
 * code; every vector has a stub so that a stray one is reported, not a
 * fault on an empty gate.
 */
#include "kernel/regs.h"

	.text
	.align 16
	.globl trap_stubs
	.hidden trap_stubs
trap_stubs:
	.set vec, 0
	.rept 256
	/* Fails to assemble if the previous stub outgrew its 16 bytes. */
	.org trap_stubs + 16 * vec, 0xcc
	/* #DF, #TS, #NP, #SS, #GP, #PF, #AC, #CP push an error code */
	.if vec == 8 || (vec >= 10 && vec <= 14) || vec == 17 || vec == 21
	.else
	pushq	$0
	.endif
	pushq	$vec
	jmp	trap_common
	.set vec, vec + 1
	.endr

trap_common:
	SAVE_REGS
	mov	%rsp, %rdi
	cld
	call	trap_handler
	RESTORE_REGS
	add	$16, %rsp		/* the vector and error code */
	iretq

	.section .note.GNU-stack, "", @progbits
