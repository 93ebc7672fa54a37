/*
 * Device interrupts: the 8259 PICs masked, the local APIC and the I/O
 * APICs set up from the ACPI MADT, and handlers for ISA IRQs.  Interrupts
 * are enabled only in the idle loop (kernel/idle.h), so a handler runs
 * there, with interrupts off, never in the middle of the program or of a
 * syscall: it does the urgent part (take the byte, ack the device) and
 * leaves the rest to a poller.
 */
#ifndef DRIVERS_IRQ_H
#define DRIVERS_IRQ_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Routes ISA IRQ isa_irq (0-15; the MADT's interrupt source overrides
 * apply) to handler, called with arg each time the device interrupts.
 * Call it after irq_init.  Returns 0, or -1 when the IRQ is out of range,
 * taken or cannot be routed (said on the console) or the machine has no
 * I/O APIC (said once by irq_init); the driver then relies on its poller
 * alone, and whoever waits for it should wait with a deadline: nothing
 * else ends a hlt for it.
 */
int irq_register(unsigned isa_irq, void (*handler)(void *arg), void *arg);

/*
 * Kernel only: reads the MADT, masks the 8259s, enables the local APIC,
 * masks every I/O APIC input, starts the wake-up timer; prints what it
 * found.  Needs ACPI (acpi_init) and the TSC frequency (tsc_calibrate).
 */
void irq_init(void);

/* Kernel only: whether an interrupt can end a hlt (the local APIC is on). */
bool irq_active(void);

/* Called from kernel/trap.c for every vector from 32 up. */
void irq_dispatch(uint64_t vector);

#endif
