/*
 * The local APIC timer's one-shot settings for a delay: pure arithmetic,
 * tested on the host.
 */
#ifndef DRIVERS_LAPIC_COUNT_H
#define DRIVERS_LAPIC_COUNT_H

#include <stdint.h>

/* Delays are cut to this many TSC ticks (minutes); the caller re-arms. */
#define LAPIC_DELAY_MAX		(1ull << 40)

struct lapic_count {
	uint32_t divide;	/* divide configuration register value */
	uint32_t initial;	/* initial count register value, >= 1 */
};

/* The divide configuration register value for dividing by 1 << shift. */
uint32_t lapic_divide_code(unsigned shift);

/*
 * Settings for a one-shot delay of delay_tsc TSC ticks on a timer whose
 * input clock runs at timer_hz while the TSC runs at tsc_hz.  A delay
 * longer than early_tsc is aimed 1/16 short, so that a timer rate measured
 * up to 6% wrong still wakes the caller early, never late: the caller
 * re-arms for what is left.  The count is rounded up and uses the
 * smallest divisor it fits with (the finest resolution); a delay too long
 * even for the largest divisor gets the longest count.
 */
void lapic_count_for(uint64_t delay_tsc, uint64_t early_tsc, uint64_t tsc_hz,
    uint64_t timer_hz, struct lapic_count *c);

#endif
