/*
 * Random bytes from RDSEED/RDRAND, or from the TSC (see drivers/rng.h).
 * Retries follow Intel's DRNG guide: RDRAND may fail transiently and is
 * retried 10 times; RDSEED fails whenever the entropy source is drained,
 * so it is retried with a pause between tries before RDRAND stands in.
 */
#include "drivers/rng.h"
#include "kernel/cpu.h"
#include "kernel/kprintf.h"
#include "kernel/string.h"

#define RDRAND_TRIES	10
#define RDSEED_TRIES	100

static int probed, warned;
static enum rng_quality hw = RNG_TSC, best = RNG_RDSEED;
static uint64_t tsc_state;

/* What the CPU has: CPUID.1:ECX[30] RDRAND, CPUID.7.0:EBX[18] RDSEED. */
static void probe(void)
{
	uint32_t r[4];
	uint32_t max;

	probed = 1;
	cpuid(0, 0, r);
	max = r[0];
	cpuid(1, 0, r);
	if (r[2] >> 30 & 1)
		hw = RNG_RDRAND;
	if (max >= 7) {
		cpuid(7, 0, r);
		if (r[1] >> 18 & 1)
			hw = RNG_RDSEED;
	}
}

/*
 * One RDRAND value; it may fail when the DRNG is drained, so a few tries
 * (Intel's advice is ten) before giving up.
 */
static int rdrand64(uint64_t *v)
{
	unsigned char ok;
	int i;

	for (i = 0; i < RDRAND_TRIES; i++) {
		__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return 1;
	}
	return 0;
}

/*
 * One RDSEED value; the entropy source refills slowly, so it gets more
 * tries, with a pause between them.
 */
static int rdseed64(uint64_t *v)
{
	unsigned char ok;
	int i;

	for (i = 0; i < RDSEED_TRIES; i++) {
		__asm__ volatile("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return 1;
		cpu_relax();
	}
	return 0;
}

/* The fallback step: a SplitMix64 output over a state that absorbs the TSC. */
uint64_t rng_mix(uint64_t *state, uint64_t tsc)
{
	uint64_t z;

	*state = (*state << 17 | *state >> 47) ^ tsc;
	*state += 0x9e3779b97f4a7c15ull;
	z = *state;
	z = (z ^ z >> 30) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ z >> 27) * 0x94d049bb133111ebull;
	return z ^ z >> 31;
}

/* The source in use. */
enum rng_quality rng_quality(void)
{
	if (!probed)
		probe();
	return hw < best ? hw : best;
}

/* Caps the source at best. */
void rng_limit(enum rng_quality b)
{
	best = b;
}

/* One word from the best source that delivers; the TSC never fails. */
static uint64_t word(enum rng_quality q)
{
	uint64_t v;

	if (q == RNG_RDSEED && rdseed64(&v))
		return v;
	if (q >= RNG_RDRAND && rdrand64(&v))
		return v;
	if (!warned) {
		warned = 1;
		kprintf("rng: no working RDSEED or RDRAND: random bytes come "
		    "from the TSC and are not fit for cryptography\n");
	}
	return rng_mix(&tsc_state, rdtsc());
}

/* Fills buf with n random bytes, a word at a time. */
void rng_fill(void *buf, size_t n)
{
	enum rng_quality q = rng_quality();
	unsigned char *p = buf;
	uint64_t v;

	while (n) {
		v = word(q);
		if (n < sizeof(v)) {
			memcpy(p, &v, n);
			return;
		}
		memcpy(p, &v, sizeof(v));
		p += sizeof(v);
		n -= sizeof(v);
	}
}
