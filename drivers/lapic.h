/*
 * The local APIC of the one CPU the kernel runs on (xAPIC registers in
 * memory, or x2APIC MSRs when the firmware left x2APIC mode on), and its
 * timer, the idle loop's alarm clock.
 */
#ifndef DRIVERS_LAPIC_H
#define DRIVERS_LAPIC_H

#include <stdbool.h>
#include <stdint.h>

/* The vectors the local APIC itself raises. */
#define LAPIC_TIMER_VECTOR	0xf0
#define LAPIC_ERROR_VECTOR	0xfe
#define LAPIC_SPURIOUS_VECTOR	0xff	/* low 4 bits set, as old APICs need */

/* Register offsets in the xAPIC page (x2APIC MSR = 0x800 + offset / 16). */
#define LAPIC_ID		0x020
#define LAPIC_VERSION		0x030
#define LAPIC_TPR		0x080
#define LAPIC_EOI		0x0b0
#define LAPIC_SVR		0x0f0
#define LAPIC_IRR		0x200	/* 8 registers, 16 bytes apart */
#define LAPIC_ESR		0x280
#define LAPIC_LVT_CMCI		0x2f0
#define LAPIC_LVT_TIMER		0x320
#define LAPIC_LVT_THERMAL	0x330
#define LAPIC_LVT_PERF		0x340
#define LAPIC_LVT_LINT0		0x350
#define LAPIC_LVT_LINT1		0x360
#define LAPIC_LVT_ERROR		0x370
#define LAPIC_TIMER_INITIAL	0x380
#define LAPIC_TIMER_CURRENT	0x390
#define LAPIC_TIMER_DIVIDE	0x3e0

#define LAPIC_LVT_MASKED	(1u << 16)
#define LAPIC_TIMER_ONESHOT	(0u << 17)
#define LAPIC_TIMER_TSC_DEADLINE (2u << 17)

/*
 * Enables the local APIC: spurious and error vectors, priority 0, LINT0
 * (the 8259s' path) and the other local sources masked.  Prints what it
 * found; madt_addr is where the MADT says the registers are (0: unknown).
 * Returns 0, or -1 when the CPU has no local APIC.
 */
int lapic_init(uint64_t madt_addr);

/* This CPU's local APIC ID. */
uint32_t lapic_id(void);

/* Reads and writes a register (an LAPIC_* offset). */
uint32_t lapic_read(unsigned reg);
void lapic_write(unsigned reg, uint32_t v);

/* Whether vector is pending (its IRR bit is set). */
bool lapic_pending(unsigned vector);

/* Ends the interrupt being handled. */
void lapic_eoi(void);

/* Handles the error interrupt: reports the error status once. */
void lapic_error(void);

/*
 * Starts the timer in TSC-deadline mode where the CPU offers it, else in
 * one-shot mode measured against the TSC, and checks that it interrupts.
 * Prints the mode.  Returns 0, or -1 when there is no working timer (the
 * idle loop then polls).  Needs tsc_calibrate and the IDT.
 */
int lapic_timer_init(void);

/*
 * Arms the timer to interrupt at or a little before TSC deadline_tsc
 * (earlier arms are replaced).  Returns false when there is no timer.
 */
bool lapic_timer_arm(uint64_t deadline_tsc);

/* Disarms the timer. */
void lapic_timer_stop(void);

#endif
