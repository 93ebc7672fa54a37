/*
 * Reference clocks of known frequency, used to measure the TSC: free-running
 * counters that wrap at mask.
 */
#ifndef DRIVERS_REFCLOCK_H
#define DRIVERS_REFCLOCK_H

#include <stdint.h>

struct refclock {
	const char *name;
	uint64_t hz;
	uint64_t mask;			/* the counter counts modulo mask + 1 */
	uint64_t (*read)(void);
};

/* Each fills *rc and returns 0, or returns -1 when there is no such clock. */
int pmtimer_probe(struct refclock *rc);	/* ACPI PM timer (drivers/pmtimer.c) */
int hpet_probe(struct refclock *rc);	/* HPET main counter (drivers/hpet.c) */
int pit_probe(struct refclock *rc);	/* 8254 PIT channel 2 (drivers/pit.c) */

#endif
