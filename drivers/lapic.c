/*
 * The local APIC (Intel SDM vol. 3, chapter 11): enabling it, its
 * registers in either mode, end of interrupt and the error interrupt.
 * The firmware may have switched to x2APIC mode, which cannot be left
 * without disabling the APIC; both modes are served, chosen once here.
 */
#include "drivers/lapic.h"
#include "kernel/cpu.h"
#include "kernel/kprintf.h"

#define MSR_APIC_BASE		0x1b
#define APIC_BASE_EXTD		(1ull << 10)	/* x2APIC mode */
#define APIC_BASE_ENABLE	(1ull << 11)
#define APIC_BASE_ADDR		0x000ffffffffff000ull
#define MSR_X2APIC		0x800
#define CPUID_1_EDX_APIC	(1u << 9)
#define SVR_ENABLE		(1u << 8)

/* Highest LVT index (version register bits 16-23) that has each entry. */
#define MAXLVT_PERF		4
#define MAXLVT_THERMAL		5
#define MAXLVT_CMCI		6

static volatile uint32_t *regs;	/* the register page in xAPIC mode */
static bool x2apic;
static bool error_reported;

/* Reads a register; see drivers/lapic.h. */
uint32_t lapic_read(unsigned reg)
{
	if (x2apic)
		return (uint32_t)rdmsr(MSR_X2APIC + reg / 16);
	return regs[reg / 4];
}

/* Writes a register; see drivers/lapic.h. */
void lapic_write(unsigned reg, uint32_t v)
{
	if (x2apic)
		wrmsr(MSR_X2APIC + reg / 16, v);
	else
		regs[reg / 4] = v;
}

/* This CPU's APIC ID: all 32 bits in x2APIC mode, the top 8 otherwise. */
uint32_t lapic_id(void)
{
	uint32_t id;

	id = lapic_read(LAPIC_ID);
	return x2apic ? id : id >> 24;
}

/* Whether vector waits in the interrupt request register. */
bool lapic_pending(unsigned vector)
{
	return lapic_read(LAPIC_IRR + vector / 32 * 16) >> (vector % 32) & 1;
}

/* Ends the interrupt in service (x2APIC requires the value 0). */
void lapic_eoi(void)
{
	lapic_write(LAPIC_EOI, 0);
}

/* Reads the error status: a write latches the errors seen, then a read. */
static uint32_t error_status(void)
{
	lapic_write(LAPIC_ESR, 0);
	return lapic_read(LAPIC_ESR);
}

/* Handles the error interrupt; a bad vector or the like, said once. */
void lapic_error(void)
{
	uint32_t esr;

	esr = error_status();
	if (error_reported)
		return;
	error_reported = true;
	kprintf("lapic: error interrupt, status 0x%x (further ones are not "
	    "reported)\n", esr);
}

/* Masks the local sources no driver uses, by what this APIC has. */
static void mask_unused(void)
{
	unsigned maxlvt;

	maxlvt = lapic_read(LAPIC_VERSION) >> 16 & 0xff;
	lapic_write(LAPIC_LVT_TIMER, LAPIC_LVT_MASKED | LAPIC_TIMER_VECTOR);
	/* The 8259s' path in virtual-wire mode: they are masked too. */
	lapic_write(LAPIC_LVT_LINT0, LAPIC_LVT_MASKED);
	if (maxlvt >= MAXLVT_PERF)
		lapic_write(LAPIC_LVT_PERF, LAPIC_LVT_MASKED);
	if (maxlvt >= MAXLVT_THERMAL)
		lapic_write(LAPIC_LVT_THERMAL, LAPIC_LVT_MASKED);
	if (maxlvt >= MAXLVT_CMCI)
		lapic_write(LAPIC_LVT_CMCI, LAPIC_LVT_MASKED);
}

/* Enables the local APIC; see drivers/lapic.h. */
int lapic_init(uint64_t madt_addr)
{
	uint64_t base, addr;
	uint32_t r[4];

	cpuid(1, 0, r);
	if (!(r[3] & CPUID_1_EDX_APIC))
		return -1;
	base = rdmsr(MSR_APIC_BASE);
	if (!(base & APIC_BASE_ENABLE)) {
		base |= APIC_BASE_ENABLE;
		wrmsr(MSR_APIC_BASE, base);
	}
	x2apic = (base & APIC_BASE_EXTD) != 0;
	addr = base & APIC_BASE_ADDR;
	regs = (volatile uint32_t *)(uintptr_t)addr;
	mask_unused();
	lapic_write(LAPIC_TPR, 0);
	lapic_write(LAPIC_LVT_ERROR, LAPIC_ERROR_VECTOR);
	/* Errors from before: the first write latches them, the next clears. */
	error_status();
	error_status();
	lapic_write(LAPIC_SVR, SVR_ENABLE | LAPIC_SPURIOUS_VECTOR);
	if (x2apic)
		kprintf("lapic: id %u, x2APIC mode\n", lapic_id());
	else
		kprintf("lapic: id %u at 0x%lx\n", lapic_id(), addr);
	if (!x2apic && madt_addr != 0 && madt_addr != addr)
		kprintf("lapic: the MADT says 0x%lx; using the CPU's own "
		    "address\n", madt_addr);
	return 0;
}
