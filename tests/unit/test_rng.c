/* The random source: the fallback mixer, the fill logic, source selection. */
#include <cpuid.h>
#include <stdint.h>
#include <string.h>
#include "drivers/rng.h"
#include "tests/unit/check.h"
#include "tests/unit/kstubs.h"

/* What the host CPU offers, found independently of rng.c. */
static enum rng_quality host_quality(void)
{
	unsigned a, b, c, d;
	enum rng_quality q = RNG_TSC;

	if (__get_cpuid(1, &a, &b, &c, &d) && c & bit_RDRND)
		q = RNG_RDRAND;
	if (__get_cpuid_count(7, 0, &a, &b, &c, &d) && b & bit_RDSEED)
		q = RNG_RDSEED;
	return q;
}

/* Times s occurs in the console log. */
static int count(const char *s)
{
	const char *p = kstubs_log();
	int n = 0;

	while ((p = strstr(p, s))) {
		n++;
		p++;
	}
	return n;
}

/* Fills of every small size write exactly n bytes, and fills differ. */
static void check_fill(const char *what)
{
	unsigned char buf[48], a[64], b[64];
	unsigned counts[256] = { 0 }, most = 0;
	static unsigned char big[65536];
	size_t n, i;
	int exact = 1;

	for (n = 0; n <= 20; n++) {
		memset(buf, 0xa5, sizeof(buf));
		rng_fill(buf + 8, n);
		for (i = 0; i < 8; i++)
			if (buf[i] != 0xa5 || buf[8 + n + i] != 0xa5)
				exact = 0;
	}
	if (!CHECK(exact))
		fprintf(stderr, "  %s: a fill wrote outside its buffer\n",
		    what);
	rng_fill(a, sizeof(a));
	rng_fill(b, sizeof(b));
	CHECK(memcmp(a, b, sizeof(a)) != 0);
	/* 256 of each byte value expected; 400 is far out for a sane source. */
	rng_fill(big, sizeof(big));
	for (i = 0; i < sizeof(big); i++)
		counts[big[i]]++;
	for (i = 0; i < 256; i++)
		if (counts[i] > most)
			most = counts[i];
	if (!CHECK(most < 400))
		fprintf(stderr, "  %s: a byte value came %u times in 64 KiB\n",
		    what, most);
}

/* The mixer: deterministic, sensitive to state and TSC, balanced bits. */
static void check_mix(void)
{
	uint64_t s1 = 1, s2 = 1, s3 = 2, x, prev = 0;
	unsigned bits[64] = { 0 }, i, b;
	int repeats = 0, unbalanced = 0;

	CHECK(rng_mix(&s1, 1000) == rng_mix(&s2, 1000));
	CHECK(s1 == s2);
	CHECK(rng_mix(&s1, 1000) != rng_mix(&s3, 1000));
	CHECK(rng_mix(&s1, 5) != rng_mix(&s2, 6));
	/* A stuck TSC still gives a changing stream. */
	for (i = 0; i < 20000; i++) {
		x = rng_mix(&s1, 42);
		if (x == prev)
			repeats++;
		prev = x;
		for (b = 0; b < 64; b++)
			bits[b] += x >> b & 1;
	}
	for (b = 0; b < 64; b++)
		if (bits[b] < 9500 || bits[b] > 10500)
			unbalanced++;
	CHECK(repeats == 0);
	CHECK(unbalanced == 0);
}

/* The mixer, each source this host has, and the TSC fallback's one warning. */
int main(void)
{
	enum rng_quality q = host_quality();

	check_mix();
	CHECK(rng_quality() == q);
	kstubs_log_clear();
	check_fill("hardware");
	if (q != RNG_TSC)
		CHECK(kstubs_log()[0] == '\0');
	if (q == RNG_RDSEED) {
		rng_limit(RNG_RDRAND);
		CHECK(rng_quality() == RNG_RDRAND);
		check_fill("rdrand");
	}

	/* The fallback warns once, at its first use. */
	rng_limit(RNG_TSC);
	CHECK(rng_quality() == RNG_TSC);
	if (q != RNG_TSC)
		CHECK(kstubs_log()[0] == '\0');
	check_fill("tsc");
	CHECK(strstr(kstubs_log(), "not fit for cryptography") != NULL);
	CHECK(count("rng:") == 1);
	return check_report("rng");
}
