/*
 * efi_enter_kernel(bi, stack_top, entry): switches to the kernel stack and
 * calls entry(bi).  A zero frame pointer and return address end the
 * backtrace there.
 */
	.text
	.globl efi_enter_kernel
	.hidden efi_enter_kernel
	.type efi_enter_kernel, @function
efi_enter_kernel:
	mov	%rsi, %rsp
	xor	%ebp, %ebp
	push	%rbp		/* fake return address: ends the backtrace */
	jmp	*%rdx
	.size efi_enter_kernel, . - efi_enter_kernel
	.section .note.GNU-stack, "", @progbits
