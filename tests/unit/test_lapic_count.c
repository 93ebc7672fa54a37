/*
 * Tests for the local APIC timer's one-shot settings: the divide register
 * encoding, chosen divisors and counts for known rates, and, over many
 * delays and rates, that a programmed delay is what was asked (less 1/16
 * above the early threshold) to within one divided tick late, or, when
 * it does not fit, the longest count, still shorter than asked.
 */
#include <stdint.h>

#include "drivers/lapic_count.h"
#include "tests/unit/check.h"

/* The divisor the divide register value code stands for, or 0. */
static unsigned divisor(uint32_t code)
{
	static const uint32_t codes[8] = { 0xb, 0x0, 0x1, 0x2, 0x3, 0x8, 0x9,
	    0xa };
	unsigned i;

	for (i = 0; i < 8; i++)
		if (codes[i] == code)
			return 1u << i;
	return 0;
}

/* The divide codes of the SDM's table. */
static void test_codes(void)
{
	/* Intel SDM vol. 3, figure 11-10. */
	CHECK(lapic_divide_code(0) == 0xb);
	CHECK(lapic_divide_code(1) == 0x0);
	CHECK(lapic_divide_code(2) == 0x1);
	CHECK(lapic_divide_code(3) == 0x2);
	CHECK(lapic_divide_code(4) == 0x3);
	CHECK(lapic_divide_code(5) == 0x8);
	CHECK(lapic_divide_code(6) == 0x9);
	CHECK(lapic_divide_code(7) == 0xa);
}

/* Counts worked out by hand for a few delays and rates. */
static void test_known(void)
{
	struct lapic_count c;

	/* 1 us at 2 GHz TSC, 1 GHz timer: 1000 ticks, one more for rounding. */
	lapic_count_for(2000, 2000000, 2000000000, 1000000000, &c);
	CHECK(c.divide == 0xb && c.initial == 1001);
	/* A deadline already passed fires at once. */
	lapic_count_for(0, 2000000, 2000000000, 1000000000, &c);
	CHECK(c.divide == 0xb && c.initial == 1);
	/* 10 s, aimed 1/16 short: 9.375e9 ticks need a divisor of 4. */
	lapic_count_for(20000000000ull, 2000000, 2000000000, 1000000000, &c);
	CHECK(c.divide == 0x1 && c.initial == 2343750001u);
	/* Beyond LAPIC_DELAY_MAX: cut, and with a divisor of 128 it fits. */
	lapic_count_for(UINT64_MAX, 2000000, 2000000000, 1000000000, &c);
	CHECK(c.divide == 0xa && c.initial ==
	    (LAPIC_DELAY_MAX - LAPIC_DELAY_MAX / 16) / 2 / 128 + 1);
	/* A timer much faster than the TSC: even 128 is not enough. */
	lapic_count_for(LAPIC_DELAY_MAX, 2000000, 100000000, 1500000000, &c);
	CHECK(c.divide == 0xa && c.initial == UINT32_MAX);
}

/* The programmed delay, in TSC ticks (exact, rounded down). */
static unsigned __int128 programmed(const struct lapic_count *c,
    uint64_t tsc_hz, uint64_t timer_hz)
{
	return (unsigned __int128)c->initial * divisor(c->divide) * tsc_hz /
	    timer_hz;
}

/*
 * Random delays up to 2^42 ticks over many clock rates: never early but by
 * rounding, late by a tick at most, or the longest count.
 */
static void test_bounds(void)
{
	static const uint64_t tsc_rates[] = { 100000000, 2095846000,
	    3600000000, 10000000000ull };
	static const uint64_t timer_rates[] = { 1000000, 19200000, 25000000,
	    100000000, 999508000, 1500000000 };
	struct lapic_count c;
	unsigned __int128 got, want, tick;
	uint64_t delay, early, x;
	unsigned i, j, k, bad;

	bad = 0;
	x = 88172645463325252ull;
	for (i = 0; i < sizeof tsc_rates / sizeof tsc_rates[0]; i++)
		for (j = 0; j < sizeof timer_rates / sizeof timer_rates[0]; j++)
			for (k = 0; k < 2000; k++) {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				/* Delays from 0 to 2^42 ticks, all scales. */
				delay = (x >> 20) >> (x % 43);
				early = tsc_rates[i] / 1000;
				lapic_count_for(delay, early, tsc_rates[i],
				    timer_rates[j], &c);
				if (divisor(c.divide) == 0 || c.initial == 0) {
					bad++;
					continue;
				}
				got = programmed(&c, tsc_rates[i],
				    timer_rates[j]);
				tick = (unsigned __int128)divisor(c.divide) *
				    tsc_rates[i] / timer_rates[j] + 1;
				want = delay > LAPIC_DELAY_MAX ?
				    LAPIC_DELAY_MAX : delay;
				if (want > early)
					want -= want / 16;
				/*
				 * The longest count, shorter than asked (the
				 * caller re-arms); else not early but by
				 * rounding, late by a tick at most.
				 */
				if (c.initial == UINT32_MAX && c.divide == 0xa)
					bad += got > want;
				else if (got + 1 < want || got > want + tick)
					bad++;
			}
	CHECK(bad == 0);
}

/* Runs the lapic_count cases; the status is check_report's. */
int main(void)
{
	test_codes();
	test_known();
	test_bounds();
	return check_report("lapic_count");
}
