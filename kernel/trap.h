/*
 * CPU exceptions and interrupts: the IDT and what happens when one
 * arrives.
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

/* Installs the IDT: exceptions report and stop, interrupts dispatch. */
void idt_init(void);

/*
 * Lets hook handle exceptions before they are reported as crashes: it
 * gets the registers and CR2 and returns 0 when it handled the exception
 * (f may be rewritten; the CPU resumes with it), -1 to crash as usual.
 * The program start-up uses it to turn a stack-guard page fault into a
 * signal.
 */
void trap_set_fault_hook(int (*hook)(struct trap_frame *f, uint64_t addr));
/* Called from kernel/trapentry.S with the saved registers. */
void trap_handler(struct trap_frame *f);

#endif
