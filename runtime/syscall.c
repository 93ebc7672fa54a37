/*
 * Syscall set-up and dispatch.  The handlers live in soil/ (the OS
 * semantics); runtime/syscall_table.c maps Linux numbers to them.
 */
#include <asm-generic/errno.h>
#include <asm/unistd.h>
#include <stdbool.h>
#include <stdint.h>
#include "kernel/backtrace.h"
#include "kernel/cpu.h"
#include "kernel/gdt.h"
#include "kernel/kprintf.h"
#include "kernel/memory.h"
#include "kernel/paging.h"
#include "kernel/panic.h"
#include "kernel/pmem.h"
#include "runtime/syscall.h"
#include "runtime/syscall_table.h"
#include "soil/signal.h"

#define MSR_EFER	0xc0000080
#define MSR_STAR	0xc0000081
#define MSR_LSTAR	0xc0000082
#define MSR_FMASK	0xc0000084
#define EFER_SCE	(1ull << 0)

/* Flags the CPU clears on entry: TF, IF, DF, AC. */
#define ENTRY_FLAGS_CLEARED	(0x100 | 0x200 | 0x400 | 0x40000)

#define SYSCALL_STACK_PAGES	16

extern char syscall_entry[];
extern uint64_t syscall_stack_top;

/* One bit per syscall number already reported as unsupported. */
static uint64_t reported[(SYSCALL_TABLE_SIZE + 63) / 64];

/* Gives syscalls their own stack and points the syscall MSRs at the entry. */
void syscall_init(void)
{
	char *stack = page_alloc(SYSCALL_STACK_PAGES + 1);

	if (!stack)
		panic("syscall: out of memory for the syscall stack");
	paging_guard_page((uint64_t)(uintptr_t)stack);
	syscall_stack_top = (uint64_t)(uintptr_t)stack +
	    (SYSCALL_STACK_PAGES + 1) * PAGE_SIZE;
	backtrace_add_stack((uint64_t)(uintptr_t)stack + PAGE_SIZE,
	    syscall_stack_top);
	/* STAR[47:32]: CS on entry; SS is the next descriptor. */
	wrmsr(MSR_STAR, (uint64_t)SEL_KERNEL_CODE << 32);
	wrmsr(MSR_LSTAR, (uint64_t)(uintptr_t)syscall_entry);
	wrmsr(MSR_FMASK, ENTRY_FLAGS_CLEARED);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/*
 * Says once per syscall that the program asked for one we lack; numbers
 * past the table, which Linux does not have either, share one report.
 */
static void report_unsupported(uint64_t nr)
{
	static bool reported_beyond;
	const char *name;

	if (nr < SYSCALL_TABLE_SIZE) {
		if (reported[nr / 64] & 1ull << nr % 64)
			return;
		reported[nr / 64] |= 1ull << nr % 64;
	} else if (reported_beyond) {
		return;
	} else {
		reported_beyond = true;
	}
	name = syscall_name(nr);
	kprintf("syscall: %s (%lu) is not supported; returning ENOSYS\n",
	    name ? name : "unknown", nr);
}

/* Runs the syscall f->rax; see runtime/syscall.h. */
void syscall_dispatch(struct trap_frame *f)
{
	uint64_t nr = f->rax;
	syscall_fn fn = nr < SYSCALL_TABLE_SIZE ? syscall_table[nr] : NULL;

	if (nr == __NR_rt_sigreturn) {
		signal_return(f);
		return;
	}
	if (!fn) {
		report_unsupported(nr);
		f->rax = (uint64_t)-ENOSYS;
		return;
	}
	f->rax = (uint64_t)fn((long)f->rdi, (long)f->rsi, (long)f->rdx,
	    (long)f->r10, (long)f->r8, (long)f->r9);
	signal_deliver_pending(f);
}
