/*
 * The IDT and the crash report.  Every CPU exception is fatal unless the
 * fault hook takes it: it prints the exception, error code, CR2, registers
 * and a backtrace on the console, then stops with a failure status.
 * Vectors from 32 up are interrupts, handed to drivers/irq.c.
 */
#include "drivers/irq.h"
#include "kernel/backtrace.h"
#include "kernel/console.h"
#include "kernel/cpu.h"
#include "kernel/gdt.h"
#include "kernel/kprintf.h"
#include "kernel/panic.h"
#include "kernel/trap.h"

#define NEXCEPTIONS	32
#define NVECTORS	256
#define STUB_SIZE	16
#define GATE_INTERRUPT	0x8e	/* present, ring 0, 64-bit interrupt gate */

#define PF_PRESENT	(1 << 0)
#define PF_WRITE	(1 << 1)
#define PF_FETCH	(1 << 4)

struct gate {
	uint16_t offset_lo;
	uint16_t selector;
	uint8_t ist;
	uint8_t type;
	uint16_t offset_mid;
	uint32_t offset_hi;
	uint32_t zero;
} __attribute__((packed));

extern char trap_stubs[];

static struct gate idt[NVECTORS];
static int (*fault_hook)(struct trap_frame *f, uint64_t addr);

static const char *const exception_names[NEXCEPTIONS] = {
	"#DE divide error", "#DB debug", "NMI", "#BP breakpoint",
	"#OF overflow", "#BR bound range", "#UD invalid opcode",
	"#NM device not available", "#DF double fault",
	"coprocessor segment overrun", "#TS invalid TSS",
	"#NP segment not present", "#SS stack fault",
	"#GP general protection", "#PF page fault", "reserved 15",
	"#MF x87 floating point", "#AC alignment check",
	"#MC machine check", "#XM SIMD floating point",
	"#VE virtualization", "#CP control protection",
	"reserved 22", "reserved 23", "reserved 24", "reserved 25",
	"reserved 26", "reserved 27", "#HV hypervisor injection",
	"#VC VMM communication", "#SX security", "reserved 31",
};

/*
 * Every vector gets a stack of its own class (DESIGN.md): interrupts only
 * arrive in the idle loop, but an exception inside a handler must not
 * reuse the stack the handler runs on.
 */
static uint8_t ist_for(int vector)
{
	if (vector >= NEXCEPTIONS)
		return IST_IRQ;
	switch (vector) {
	case 2:
		return IST_NMI;
	case 8:
		return IST_DOUBLE_FAULT;
	case 14:
		return IST_PAGE_FAULT;
	case 18:
		return IST_MACHINE_CHECK;
	default:
		return IST_EXCEPTION;
	}
}

/* Installs the IDT: exceptions report and stop, interrupts dispatch. */
void idt_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) idtr = { sizeof(idt) - 1,
	    (uint64_t)(uintptr_t)idt };
	uint64_t stub;
	int v;

	for (v = 0; v < NVECTORS; v++) {
		stub = (uint64_t)(uintptr_t)trap_stubs +
		    (uint64_t)v * STUB_SIZE;
		idt[v].offset_lo = stub & 0xffff;
		idt[v].selector = SEL_KERNEL_CODE;
		idt[v].ist = ist_for(v);
		idt[v].type = GATE_INTERRUPT;
		idt[v].offset_mid = stub >> 16 & 0xffff;
		idt[v].offset_hi = stub >> 32;
	}
	__asm__ volatile("lidt %0" : : "m"(idtr));
}

/*
 * Says what the faulting access was and whether it was a null pointer, from
 * the error code and CR2.
 */
static void print_page_fault(const struct trap_frame *f)
{
	kprintf("page fault: %s %s at address %p (%s)\n",
	    f->error & PF_FETCH ? "instruction fetch" :
	    f->error & PF_WRITE ? "write" : "read",
	    f->error & PF_PRESENT ? "violating page protection" :
	    "of an unmapped page", (void *)read_cr2(),
	    read_cr2() < 4096 ? "null pointer" : "see backtrace");
}

/* Dumps the saved registers and CR2/CR3 of a crash report. */
static void print_registers(const struct trap_frame *f)
{
	kprintf("rax %016lx rbx %016lx rcx %016lx rdx %016lx\n",
	    f->rax, f->rbx, f->rcx, f->rdx);
	kprintf("rsi %016lx rdi %016lx rbp %016lx rsp %016lx\n",
	    f->rsi, f->rdi, f->rbp, f->rsp);
	kprintf("r8  %016lx r9  %016lx r10 %016lx r11 %016lx\n",
	    f->r8, f->r9, f->r10, f->r11);
	kprintf("r12 %016lx r13 %016lx r14 %016lx r15 %016lx\n",
	    f->r12, f->r13, f->r14, f->r15);
	kprintf("rip %016lx rflags %08lx cs %04lx ss %04lx cr2 %016lx "
	    "cr3 %016lx\n",
	    f->rip, f->rflags, f->cs, f->ss, read_cr2(), read_cr3());
}

/* Lets hook handle exceptions first; see kernel/trap.h. */
void trap_set_fault_hook(int (*hook)(struct trap_frame *f, uint64_t addr))
{
	fault_hook = hook;
}

/*
 * Dispatches an interrupt, or reports an exception and stops unless the
 * fault hook handles it; called from kernel/trapentry.S.
 */
void trap_handler(struct trap_frame *f)
{
	static int reporting;
	const char *name;

	if (f->vector >= NEXCEPTIONS) {
		irq_dispatch(f->vector);
		return;
	}
	name = exception_names[f->vector];
	if (fault_hook && !reporting && fault_hook(f, read_cr2()) == 0)
		return;

	/*
	 * A fault while reporting one (say, in the screen code) would loop
	 * here forever: say it once on serial alone and stop.
	 */
	if (reporting) {
		console_serial_only();
		kprintf("\n*** CPU exception %lu (%s) at rip %p while "
		    "reporting a crash ***\n", f->vector, name, (void *)f->rip);
		stop_failed(PANIC_STATUS);
	}
	reporting = 1;

	kprintf("\n\033[1;31m*** CPU exception %lu: %s, error code 0x%lx ***"
	    "\033[0m\n", f->vector, name, f->error);
	if (f->vector == 14)
		print_page_fault(f);
	print_registers(f);
	backtrace_print(f->rip, f->rbp);
	stop_failed(PANIC_STATUS);
}
