/*
 * TSC calibration.  CPUID leaf 0x15 states the frequency on CPUs that know
 * it; elsewhere the TSC is counted against a reference clock in a few short
 * runs and the median kept, so one run stretched by an SMI (or, under
 * emulation, by a descheduled host thread) does not skew the result.
 */
#include "drivers/refclock.h"
#include "drivers/tsc.h"
#include "kernel/cpu.h"
#include "kernel/kprintf.h"

#define NS_PER_S	1000000000ull
#define US_PER_S	1000000ull
#define PPM		1000000ull

/*
 * Three runs of 1 ms: 3 ms of the boot.  A millisecond is 3580 PM timer
 * ticks, a resolution of 280 ppm, well within what timekeeping needs.
 */
#define RUNS		3
#define RUN_US		1000

/* Rates outside this range are measurement failures, not CPUs. */
#define HZ_MIN		100000000ull
#define HZ_MAX		10000000000ull

/*
 * A reference clock that has not ticked in EDGE_LIMIT TSC ticks is dead; a
 * run that lasts RUN_LIMIT ticks has a clock running far too slow.
 */
#define EDGE_LIMIT	(1ull << 24)
#define RUN_LIMIT	(1ull << 32)

/* What the delays assume before, or without, a measurement. */
#define GUESS_HZ	1000000000ull

static uint64_t hz;

/* The rate conversions use: measured, or a guess before that. */
static uint64_t rate(void)
{
	return hz != 0 ? hz : GUESS_HZ;
}

/* Returns whether f can be a TSC rate. */
static int plausible(uint64_t f)
{
	return f >= HZ_MIN && f <= HZ_MAX;
}

/*
 * Waits for rc to tick.  Stores the new count and the TSC just after it
 * was read; returns 0, or -1 when the clock does not tick.
 */
static int edge(const struct refclock *rc, uint64_t *count, uint64_t *tsc)
{
	uint64_t start, c0, c, t;

	start = rdtsc();
	c0 = rc->read();
	do {
		c = rc->read();
		t = rdtsc();
		if (t - start > EDGE_LIMIT)
			return -1;
	} while (c == c0);
	*count = c;
	*tsc = t;
	return 0;
}

/*
 * Counts TSC ticks over about RUN_US of rc, from one tick edge of rc to
 * another.  Returns the TSC rate in Hz, or 0 when rc misbehaves.
 */
static uint64_t run(const struct refclock *rc)
{
	uint64_t target, c0, t0, c, t, ticks;

	target = muldiv64(rc->hz, RUN_US, US_PER_S);
	if (edge(rc, &c0, &t0) != 0)
		return 0;
	do {
		c = rc->read();
		t = rdtsc();
		if (t - t0 > RUN_LIMIT)
			return 0;
		ticks = (c - c0) & rc->mask;
	} while (ticks < target);
	return muldiv64(t - t0, rc->hz, ticks);
}

/*
 * Measures the TSC against rc: stores the median rate in *f and the
 * spread of the runs, in parts per million of it, in *spread.  Returns 0,
 * or -1 when a run failed.
 */
static int measure(const struct refclock *rc, uint64_t *f, uint64_t *spread)
{
	uint64_t r[RUNS], tmp;
	int i, j;

	for (i = 0; i < RUNS; i++) {
		r[i] = run(rc);
		if (!plausible(r[i]))
			return -1;
		for (j = i; j > 0 && r[j - 1] > r[j]; j--) {
			tmp = r[j];
			r[j] = r[j - 1];
			r[j - 1] = tmp;
		}
	}
	*f = r[RUNS / 2];
	*spread = muldiv64(r[RUNS - 1] - r[0], PPM, *f);
	return 0;
}

/* Returns the largest standard CPUID leaf. */
static uint32_t cpuid_max(void)
{
	uint32_t r[4];

	cpuid(0, 0, r);
	return r[0];
}

/* The TSC rate CPUID leaf 0x15 states: crystal Hz * ratio, or 0. */
static uint64_t cpuid_15(void)
{
	uint32_t r[4];

	if (cpuid_max() < 0x15)
		return 0;
	cpuid(0x15, 0, r);
	if (r[0] == 0 || r[1] == 0 || r[2] == 0)
		return 0;
	return muldiv64(r[2], r[1], r[0]);
}

/* The nominal base frequency CPUID leaf 0x16 states, or 0. */
static uint64_t cpuid_16(void)
{
	uint32_t r[4];

	if (cpuid_max() < 0x16)
		return 0;
	cpuid(0x16, 0, r);
	return (uint64_t)(r[0] & 0xffff) * 1000000;
}

/* Prints f in MHz with three decimals, then the rest of the line. */
static void print_rate(uint64_t f, const char *how)
{
	kprintf("tsc: %lu.%03lu MHz %s\n", f / 1000000, f / 1000 % 1000, how);
}

int tsc_calibrate(void)
{
	static int (*const probe[])(struct refclock *) = {
		pmtimer_probe, hpet_probe, pit_probe,
	};
	struct refclock rc;
	uint64_t f, spread, start, us;
	char how[96];
	size_t i;

	if (plausible(f = cpuid_15())) {
		hz = f;
		print_rate(hz, "from CPUID leaf 0x15");
		return 0;
	}
	for (i = 0; i < sizeof probe / sizeof probe[0]; i++) {
		if (probe[i](&rc) != 0)
			continue;
		start = rdtsc();
		if (measure(&rc, &f, &spread) != 0) {
			kprintf("tsc: %s does not tick steadily; skipped\n",
			    rc.name);
			continue;
		}
		hz = f;
		us = muldiv64(rdtsc() - start, US_PER_S, hz);
		ksnprintf(how, sizeof how, "against %s: %d runs in "
		    "%lu.%lu ms, spread %lu ppm", rc.name, RUNS, us / 1000,
		    us / 100 % 10, spread);
		print_rate(hz, how);
		return 0;
	}
	if (plausible(f = cpuid_16())) {
		hz = f;
		print_rate(hz, "from CPUID leaf 0x16 (nominal: no clock to "
		    "measure against)");
		return 0;
	}
	hz = GUESS_HZ;
	print_rate(hz, "guessed: no clock to measure against, time will be off");
	return -1;
}

uint64_t tsc_hz(void)
{
	return hz;
}

uint64_t tsc_ns(uint64_t ticks)
{
	return muldiv64(ticks, NS_PER_S, rate());
}

void tsc_delay_us(uint64_t us)
{
	uint64_t start, n;

	start = rdtsc();
	n = muldiv64(us, rate(), US_PER_S);
	while (rdtsc() - start < n)
		cpu_relax();
}
