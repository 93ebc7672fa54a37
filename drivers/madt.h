/*
 * The ACPI MADT (signature "APIC", ACPI 6.5 section 5.2.12): where the
 * local APIC and the I/O APICs are, how many processors there are, and
 * how ISA IRQs reach the I/O APICs' inputs (global system interrupts).
 * Pure parsing over the table bytes, shared by the kernel and the host
 * tests.
 */
#ifndef DRIVERS_MADT_H
#define DRIVERS_MADT_H

#include <stdbool.h>
#include <stdint.h>

#include "drivers/acpi.h"

enum {
	MADT_ESIG = -1,		/* not a MADT */
	MADT_ESHORT = -2,	/* too short for the fixed fields */
	MADT_EENTRY = -3,	/* an entry's length is wrong */
};

#define MADT_PCAT_COMPAT	(1u << 0)	/* dual 8259s are present */
#define MADT_MAX_IOAPICS	8
#define MADT_ISA_IRQS		16

/* Polarity and trigger of an interrupt input. */
#define MADT_ACTIVE_LOW		(1u << 0)
#define MADT_LEVEL		(1u << 1)

struct madt_ioapic {
	uint8_t id;
	uint32_t addr;		/* physical address of its registers */
	uint32_t gsi_base;	/* the global system interrupt of input 0 */
};

/* Where an ISA IRQ arrives. */
struct madt_route {
	uint32_t gsi;
	unsigned flags;		/* MADT_ACTIVE_LOW, MADT_LEVEL */
};

struct madt {
	uint64_t lapic_addr;	/* the local APICs' registers (xAPIC mode) */
	uint32_t flags;		/* MADT_PCAT_COMPAT */
	unsigned cpus;		/* enabled processor entries */
	unsigned nioapics;
	struct madt_ioapic ioapic[MADT_MAX_IOAPICS];
	unsigned ioapics_dropped;	/* I/O APICs beyond MADT_MAX_IOAPICS */
	struct madt_route isa[MADT_ISA_IRQS];	/* after the overrides */
	unsigned overrides;	/* interrupt source overrides applied */
};

/*
 * Decodes the MADT t.  Entries of types the kernel does not use are
 * skipped, as are overrides of other buses than ISA.  Returns 0 or a
 * negative MADT_E* code (*m is then unspecified).
 */
int madt_parse(const struct acpi_table *t, struct madt *m);

/* A sentence describing a MADT_E* code. */
const char *madt_strerror(int err);

#endif
