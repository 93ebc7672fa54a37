/*
 * Tests for muldiv64, the overflow-free a * b / c behind every TSC
 * conversion, against 128-bit arithmetic.
 */
#include <stdint.h>

#include "drivers/tsc.h"
#include "tests/unit/check.h"

/* The exact answer, for comparison. */
static uint64_t wide(uint64_t a, uint64_t b, uint64_t c)
{
	return (uint64_t)((unsigned __int128)a * b / c);
}

int main(void)
{
	static const uint64_t hz[] = {
		100000000ull, 1000000000ull, 2893456789ull, 3999999999ull,
		10000000000ull,
	};
	uint64_t x, ticks;
	size_t i;
	int k, tried, wrong;

	/* A second of ticks is a second; a tick at 1 GHz is a nanosecond. */
	for (i = 0; i < sizeof hz / sizeof hz[0]; i++) {
		CHECK(muldiv64(hz[i], 1000000000ull, hz[i]) == 1000000000ull);
		CHECK(muldiv64(hz[i] * 3600, 1000000000ull, hz[i]) ==
		    3600000000000ull);
	}
	CHECK(muldiv64(1, 1000000000ull, 1000000000ull) == 1);
	CHECK(muldiv64(999999999, 1000000000ull, 1000000000ull) == 999999999);
	/* Rounds down. */
	CHECK(muldiv64(2, 1000000000ull, 3000000000ull) == 0);
	CHECK(muldiv64(5, 7, 3) == 11);
	/* Ten years of ticks at 10 GHz: a * b alone would overflow. */
	ticks = 10000000000ull * 86400 * 3650;
	CHECK(muldiv64(ticks, 1000000000ull, 10000000000ull) ==
	    86400ull * 3650 * 1000000000ull);
	/* Calibration: 10 ms of TSC against 3.3 ms of a 100 MHz HPET. */
	CHECK(muldiv64(9999999, 100000000ull, 333300) ==
	    wide(9999999, 100000000ull, 333300));
	/* Pseudo-random cases within the documented range. */
	x = 88172645463325252ull;
	tried = wrong = 0;
	for (k = 0; k < 100000; k++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		ticks = x >> (x & 31);
		i = (size_t)(x >> 40) % (sizeof hz / sizeof hz[0]);
		if (ticks / hz[i] > UINT64_MAX / 1000000000ull)
			continue;
		tried++;
		if (muldiv64(ticks, 1000000000ull, hz[i]) !=
		    wide(ticks, 1000000000ull, hz[i]))
			wrong++;
	}
	CHECK(tried > 50000);
	CHECK(wrong == 0);
	return check_report("tsc");
}
