/*
 * A stand-alone driver for libFuzzer-style targets, so `make test` can run
 * every target under ASan/UBSan with plain gcc: each seed file given is
 * run as it is, then mutated deterministically (bit flips, byte changes,
 * truncations, insertions) for a fixed number of rounds.  `make fuzz`
 * links the same targets with clang's real libFuzzer instead.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT	65536
#define ROUNDS		4000

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Applies one random mutation to buf (of *len bytes, room MAX_INPUT). */
static void mutate(uint8_t *buf, size_t *len)
{
	size_t at = *len ? next() % *len : 0;

	switch (next() % 5) {
	case 0:
		if (*len)
			buf[at] ^= 1u << (next() % 8);
		break;
	case 1:
		if (*len)
			buf[at] = (uint8_t)next();
		break;
	case 2:
		*len = *len ? next() % *len : 0;
		break;
	case 3:
		if (*len < MAX_INPUT) {
			memmove(buf + at + 1, buf + at, *len - at);
			buf[at] = (uint8_t)next();
			(*len)++;
		}
		break;
	default:
		if (*len)
			buf[at] = (uint8_t[]){ 0, 0xff, 0x7f, 0x80, 0x1b, '[' }[next() % 6];
		break;
	}
}

static int run_seed(const char *path)
{
	static uint8_t seed[MAX_INPUT], buf[MAX_INPUT];
	size_t n, len;
	int round, k;
	FILE *f = fopen(path, "rb");

	if (!f) {
		perror(path);
		return 1;
	}
	n = fread(seed, 1, sizeof(seed), f);
	fclose(f);
	LLVMFuzzerTestOneInput(seed, n);
	for (round = 0; round < ROUNDS; round++) {
		memcpy(buf, seed, n);
		len = n;
		for (k = 1 + next() % 8; k; k--)
			mutate(buf, &len);
		LLVMFuzzerTestOneInput(buf, len);
	}
	return 0;
}

int main(int argc, char **argv)
{
	static uint8_t random_input[4096];
	size_t i;
	int a, status = 0;

	for (a = 1; a < argc; a++)
		status |= run_seed(argv[a]);
	for (a = 0; a < ROUNDS; a++) {
		for (i = 0; i < sizeof(random_input); i++)
			random_input[i] = (uint8_t)next();
		LLVMFuzzerTestOneInput(random_input, next() % sizeof(random_input));
	}
	return status;
}
