/*
 * The program's start (see runtime/start.h).  The initial stack is what
 * Linux gives a static executable: argc, argv, envp and the auxiliary
 * vector, with the strings above them.  musl reads AT_PAGESZ, AT_RANDOM
 * (stack protector and malloc secrets), AT_HWCAP and AT_CLKTCK; with no
 * AT_PHDR it finds no TLS segment and uses its built-in TLS, set through
 * arch_prctl.
 */
#include <stdint.h>
#include "drivers/rng.h"
#include "drivers/tsc.h"
#include "kernel/cpu.h"
#include "kernel/image.h"
#include "kernel/kprintf.h"
#include "kernel/memory.h"
#include "kernel/paging.h"
#include "kernel/panic.h"
#include "kernel/pmem.h"
#include "kernel/string.h"
#include "kernel/trap.h"
#include "runtime/start.h"
#include "runtime/syscall.h"
#include "soil/clock.h"
#include "soil/console.h"
#include "soil/mm.h"
#include "soil/signal.h"
#include "soil/sys_file.h"

#define STACK_PAGES	2048	/* 8 MiB, Linux's default stack limit */
#define GUARD_PAGES	16	/* unmapped below it: a big frame still hits */

#define AT_NULL		0
#define AT_PAGESZ	6
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_SECURE	23
#define AT_RANDOM	25
#define AT_EXECFN	31
#define NAUX		12

#define CR0_MP		(1ull << 1)
#define CR0_EM		(1ull << 2)
#define CR0_TS		(1ull << 3)
#define CR4_OSFXSR	(1ull << 9)
#define CR4_OSXMMEXCPT	(1ull << 10)
#define MXCSR_DEFAULT	0x1f80

typedef int (*main_fn)(int, char **, char **);
int main(int argc, char **argv, char **envp);
int __libc_start_main(main_fn m, int argc, char **argv, void (*init)(void),
    void (*fini)(void), void (*ldso)(void));

static uint64_t guard_low, guard_high;	/* the program stack's guard */

/* argv[0] and /proc/self/exe: the image's name, as the loader gave it. */
static const char *program_name(const struct options *o)
{
	return *o->image_name ? o->image_name : "BOOTX64.EFI";
}

/* Copies s onto the stack below *sp; returns its address. */
static char *push_string(uint64_t *sp, const char *s)
{
	size_t n = strlen(s) + 1;

	*sp -= n;
	memcpy((char *)(uintptr_t)*sp, s, n);
	return (char *)(uintptr_t)*sp;
}

/*
 * Lays out argc, argv, envp, auxv and their strings below top; returns
 * the 16-byte aligned address of argc.
 */
static uint64_t build_stack(uint64_t top, const struct options *o)
{
	char *argv[OPTIONS_MAX_WORDS + 1], *envp[OPTIONS_MAX_WORDS], *platform;
	uint64_t sp = top, *w, aux[2 * NAUX];
	uint32_t id[4];
	int argc = 0, i, nwords, n;
	char random[16];

	argv[argc++] = push_string(&sp, program_name(o));
	for (i = 0; i < o->nargs; i++)
		argv[argc++] = push_string(&sp, o->args[i]);
	for (i = 0; i < o->nenv; i++)
		envp[i] = push_string(&sp, o->env[i]);
	platform = push_string(&sp, "x86_64");
	rng_fill(random, sizeof(random));
	sp -= sizeof(random);
	memcpy((void *)(uintptr_t)sp, random, sizeof(random));

	cpuid(1, 0, id);
	n = 0;
	aux[n++] = AT_PAGESZ;	aux[n++] = PAGE_SIZE;
	aux[n++] = AT_CLKTCK;	aux[n++] = 100;
	aux[n++] = AT_HWCAP;	aux[n++] = id[3];
	aux[n++] = AT_RANDOM;	aux[n++] = sp;
	aux[n++] = AT_PLATFORM;	aux[n++] = (uint64_t)(uintptr_t)platform;
	aux[n++] = AT_EXECFN;	aux[n++] = (uint64_t)(uintptr_t)argv[0];
	aux[n++] = AT_UID;	aux[n++] = 0;
	aux[n++] = AT_EUID;	aux[n++] = 0;
	aux[n++] = AT_GID;	aux[n++] = 0;
	aux[n++] = AT_EGID;	aux[n++] = 0;
	aux[n++] = AT_SECURE;	aux[n++] = 0;
	aux[n++] = AT_NULL;	aux[n++] = 0;

	nwords = 1 + argc + 1 + o->nenv + 1 + n;
	sp = (sp - (uint64_t)nwords * 8) & ~15ull;
	w = (uint64_t *)(uintptr_t)sp;
	*w++ = (uint64_t)argc;
	for (i = 0; i < argc; i++)
		*w++ = (uint64_t)(uintptr_t)argv[i];
	*w++ = 0;
	for (i = 0; i < o->nenv; i++)
		*w++ = (uint64_t)(uintptr_t)envp[i];
	*w++ = 0;
	memcpy(w, aux, (size_t)n * 8);
	return sp;
}

/* Allocates the program stack with its guard; returns its top. */
static uint64_t alloc_stack(void)
{
	char *p = page_alloc_dirty(GUARD_PAGES + STACK_PAGES);
	int i;

	if (!p)
		panic("start: no memory for the program's %d KiB stack",
		    STACK_PAGES * 4);
	for (i = 0; i < GUARD_PAGES; i++)
		paging_guard_page((uint64_t)(uintptr_t)p +
		    (uint64_t)i * PAGE_SIZE);
	guard_low = (uint64_t)(uintptr_t)p;
	guard_high = guard_low + GUARD_PAGES * PAGE_SIZE;
	return guard_high + STACK_PAGES * PAGE_SIZE;
}

/*
 * A page fault in the stack guard is the program running out of stack:
 * it gets SIGSEGV, on which OCaml raises Stack_overflow.
 */
static int stack_fault(struct trap_frame *f, uint64_t addr)
{
	if (f->vector != 14 || addr < guard_low || addr >= guard_high)
		return -1;
	return signal_deliver(f, 11, addr);
}

/* FPU and SSE as the System V ABI starts a process: default control words. */
static void fpu_init(void)
{
	uint64_t cr0, cr4;
	uint32_t mxcsr = MXCSR_DEFAULT;

	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	cr0 = (cr0 & ~(CR0_EM | CR0_TS)) | CR0_MP;
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	cr4 |= CR4_OSFXSR | CR4_OSXMMEXCPT;
	__asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
	__asm__ volatile("fninit; ldmxcsr %0" : : "m"(mxcsr));
}

/* Sets up the process and runs the program; see runtime/start.h. */
void program_start(const struct bootinfo *bi, const struct options *o)
{
	uint64_t sp, us;

	clock_init(&bi->time, bi->tsc_at_entry);
	mm_init(image_addr(_image_end));
	soil_set_exe_name(program_name(o));
	if (soil_files_init() < 0 || console_fds_init(o->stdio_ports) < 0)
		panic("start: the program's files could not be set up");
	syscall_init();
	trap_set_fault_hook(stack_fault);
	sp = build_stack(alloc_stack(), o);
	fpu_init();
	us = tsc_ns(rdtsc() - bi->tsc_at_entry) / 1000;
	kprintf("program: started %lu.%03lu ms after efi_main\n", us / 1000,
	    us % 1000);
	__asm__ volatile(
	    "mov %0, %%rsp\n\t"
	    "xor %%ebp, %%ebp\n\t"
	    "call *%1\n\t"
	    "ud2"
	    : : "r"(sp), "r"(__libc_start_main), "D"(main), "S"(o->nargs + 1),
	      "d"(sp + 8) : "memory");
	__builtin_unreachable();
}
