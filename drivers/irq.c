/*
 * Interrupt set-up and dispatch (see drivers/irq.h).  Vectors:
 *   0x00-0x1f  CPU exceptions (kernel/trap.c)
 *   0x20-0x2f  the masked 8259s: only their spurious IRQs, ignored
 *   0x30-0x3f  ISA IRQs 0-15 through the I/O APIC
 *   0xf0       local APIC timer: its only job is to end a hlt
 *   0xfe, 0xff local APIC error and spurious interrupts
 */
#include "drivers/acpi.h"
#include "drivers/ioapic.h"
#include "drivers/irq.h"
#include "drivers/lapic.h"
#include "drivers/madt.h"
#include "drivers/pic.h"
#include "kernel/kprintf.h"

#define ISA_VECTOR_BASE	0x30

struct handler {
	void (*fn)(void *arg);
	void *arg;
};

static struct madt madt;
static bool active;		/* the local APIC is on */
static unsigned ioapic_inputs;	/* over all I/O APICs */
static struct handler isa[MADT_ISA_IRQS];
static bool unexpected_reported;

/* Whether an interrupt can end a hlt; see drivers/irq.h. */
bool irq_active(void)
{
	return active;
}

/* Takes the I/O APICs the MADT lists; prints them. */
static void add_ioapics(void)
{
	const struct madt_ioapic *io;
	unsigned i;
	int n;

	for (i = 0; i < madt.nioapics; i++) {
		io = &madt.ioapic[i];
		if ((n = ioapic_add(io)) < 0) {
			kprintf("irq: no I/O APIC answers at 0x%x\n", io->addr);
			continue;
		}
		ioapic_inputs += (unsigned)n;
		kprintf("irq: I/O APIC %u at 0x%x, GSI %u-%u\n", io->id,
		    io->addr, io->gsi_base, io->gsi_base + (unsigned)n - 1);
	}
	if (madt.ioapics_dropped != 0)
		kprintf("irq: %u more I/O APICs not used\n",
		    madt.ioapics_dropped);
}

/* Reads the MADT.  Returns 0, or -1 (said why). */
static int read_madt(void)
{
	struct acpi_table t;
	int err;

	if ((err = acpi_find_table("APIC", 0, &t)) != 0) {
		kprintf("irq: MADT: %s\n", acpi_strerror(err));
		return -1;
	}
	if ((err = madt_parse(&t, &madt)) != 0) {
		kprintf("irq: MADT: %s\n", madt_strerror(err));
		return -1;
	}
	kprintf("irq: MADT: %u CPU%s, %u I/O APIC%s, %u ISA override%s%s\n",
	    madt.cpus, madt.cpus == 1 ? "" : "s", madt.nioapics,
	    madt.nioapics == 1 ? "" : "s", madt.overrides,
	    madt.overrides == 1 ? "" : "s",
	    madt.flags & MADT_PCAT_COMPAT ? ", 8259s present" : "");
	return 0;
}

/* Brings up the interrupt controllers; see drivers/irq.h. */
void irq_init(void)
{
	bool have_madt;

	have_madt = read_madt() == 0;
	/* Without a MADT saying otherwise, assume a PC's 8259s. */
	if (!have_madt || madt.flags & MADT_PCAT_COMPAT)
		pic_disable();
	if (lapic_init(have_madt ? madt.lapic_addr : 0) != 0) {
		kprintf("irq: the CPU has no local APIC: no interrupts, the "
		    "idle loop polls\n");
		return;
	}
	active = true;
	if (have_madt)
		add_ioapics();
	if (ioapic_inputs == 0)
		kprintf("irq: no I/O APIC: device drivers poll\n");
	lapic_timer_init();
}

/* Routes an ISA IRQ to handler; see drivers/irq.h. */
int irq_register(unsigned isa_irq, void (*handler)(void *arg), void *arg)
{
	const struct madt_route *r;

	if (isa_irq >= MADT_ISA_IRQS) {
		kprintf("irq: there is no ISA IRQ %u\n", isa_irq);
		return -1;
	}
	if (isa[isa_irq].fn != NULL) {
		kprintf("irq: ISA IRQ %u has a handler already\n", isa_irq);
		return -1;
	}
	if (ioapic_inputs == 0)
		return -1;
	r = &madt.isa[isa_irq];
	isa[isa_irq].fn = handler;
	isa[isa_irq].arg = arg;
	if (ioapic_route(r->gsi, ISA_VECTOR_BASE + isa_irq, r->flags,
	    lapic_id()) != 0) {
		isa[isa_irq].fn = NULL;
		kprintf("irq: ISA IRQ %u (GSI %u) cannot be routed to this "
		    "CPU\n", isa_irq, r->gsi);
		return -1;
	}
	kprintf("irq: ISA IRQ %u on GSI %u, %s, active %s\n", isa_irq, r->gsi,
	    r->flags & MADT_LEVEL ? "level" : "edge",
	    r->flags & MADT_ACTIVE_LOW ? "low" : "high");
	return 0;
}

/* Runs what vector stands for, then ends it; see drivers/irq.h. */
void irq_dispatch(uint64_t vector)
{
	const struct handler *h;

	/* Spurious: nothing is in service, so nothing to end. */
	if (vector == LAPIC_SPURIOUS_VECTOR ||
	    (vector >= PIC_VECTOR_BASE && vector < PIC_VECTOR_BASE + 16))
		return;
	if (vector >= ISA_VECTOR_BASE &&
	    vector < ISA_VECTOR_BASE + MADT_ISA_IRQS &&
	    (h = &isa[vector - ISA_VECTOR_BASE])->fn != NULL)
		h->fn(h->arg);
	else if (vector == LAPIC_ERROR_VECTOR)
		lapic_error();
	else if (vector != LAPIC_TIMER_VECTOR && !unexpected_reported) {
		unexpected_reported = true;
		kprintf("irq: unexpected vector %lu (further ones are not "
		    "reported)\n", vector);
	}
	lapic_eoi();
}
