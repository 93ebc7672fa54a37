/*
 * Random bytes from the CPU: RDSEED when it has it, else RDRAND, else a
 * weak generator stirred with TSC readings (a warning is printed on the
 * console at its first use).
 */
#ifndef DRIVERS_RNG_H
#define DRIVERS_RNG_H

#include <stddef.h>
#include <stdint.h>

/* Sources from worst to best. */
enum rng_quality {
	RNG_TSC,	/* no hardware source: not fit for cryptography */
	RNG_RDRAND,	/* the DRBG behind RDRAND */
	RNG_RDSEED,	/* the entropy source behind RDSEED */
};

/* Fills buf with n random bytes. Never fails. */
void rng_fill(void *buf, size_t n);

/* The source rng_fill uses. */
enum rng_quality rng_quality(void);

/* Uses no source better than best (for tests, and to try the fallback). */
void rng_limit(enum rng_quality best);

/*
 * The fallback's step: stirs one TSC reading into *state and returns an
 * output word.  Pure; exposed for its unit test.
 */
uint64_t rng_mix(uint64_t *state, uint64_t tsc);

#endif
