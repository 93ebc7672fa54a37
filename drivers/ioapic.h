/*
 * I/O APICs: each takes a range of global system interrupts (GSIs), the
 * device interrupt lines, and sends each one to a local APIC vector, or
 * holds it masked.
 */
#ifndef DRIVERS_IOAPIC_H
#define DRIVERS_IOAPIC_H

#include <stdint.h>

#include "drivers/madt.h"

/*
 * Takes the I/O APIC the MADT lists as io and masks all its inputs.
 * Returns how many inputs it has, or -1 when nothing answers there or
 * too many were added.
 */
int ioapic_add(const struct madt_ioapic *io);

/*
 * Sends gsi to vector of the local APIC apic_id, with the polarity and
 * trigger of flags (MADT_ACTIVE_LOW, MADT_LEVEL), unmasked.  Returns 0,
 * or -1 when no I/O APIC has that input or the APIC ID does not fit.
 */
int ioapic_route(uint32_t gsi, unsigned vector, unsigned flags,
    uint32_t apic_id);

#endif
