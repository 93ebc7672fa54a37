/*
 * CPU exceptions: the IDT and what happens when one arrives.
 */
#ifndef KERNEL_TRAP_H
#define KERNEL_TRAP_H

#include <stdint.h>

/* Registers as kernel/trapentry.S saves them, lowest address first. */
struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;	/* pushed by the CPU */
};

/* Installs the IDT: every exception vector reports and stops. */
void idt_init(void);
/* Called from kernel/trapentry.S with the saved registers. */
void trap_handler(struct trap_frame *f);

#endif
