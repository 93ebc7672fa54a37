/*
 * The time stamp counter: its frequency, measured once at boot, and
 * conversions from ticks to time.
 */
#ifndef DRIVERS_TSC_H
#define DRIVERS_TSC_H

#include <stdint.h>

/*
 * Measures the TSC frequency (CPUID leaf 0x15 when it gives it, else
 * against the ACPI PM timer, the HPET or the PIT) and prints the result.
 * Returns 0, or -1 when nothing worked and a guess is used instead.
 */
int tsc_calibrate(void);

/* The TSC frequency in Hz; 0 before tsc_calibrate. */
uint64_t tsc_hz(void);

/* Converts a number of TSC ticks to nanoseconds. */
uint64_t tsc_ns(uint64_t ticks);

/* Spins for at least us microseconds. */
void tsc_delay_us(uint64_t us);

/*
 * Returns a * b / c rounded down, with no floating point and no 128-bit
 * division: exact as long as (c - 1) * b and the result fit in 64 bits.
 */
static inline uint64_t muldiv64(uint64_t a, uint64_t b, uint64_t c)
{
	return a / c * b + a % c * b / c;
}

#endif
