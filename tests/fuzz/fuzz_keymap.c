/*
 * Fuzz target for the keyboard's scancode decoder (drivers/keymap.c):
 * the first byte picks the scancode set, the rest is what the keyboard
 * sent.  Every answer must be a byte count the caller's buffer holds or
 * KEYMAP_UNKNOWN, and an unknown scancode is reported once at most.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/keymap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decodes one input's scancodes in the set its first byte picks. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keymap k;
	char out[KEYMAP_OUT_MAX];
	uint8_t seen[0x10000 / 8];
	size_t i;
	int r;

	if (size < 1)
		return 0;
	memset(seen, 0, sizeof(seen));
	keymap_init(&k, data[0] & 1 ? 2 : 1);
	for (i = 1; i < size; i++) {
		r = keymap_feed(&k, data[i], out);
		if (r == KEYMAP_UNKNOWN) {
			if (seen[k.unknown / 8] & 1u << k.unknown % 8)
				abort();
			seen[k.unknown / 8] |= (uint8_t)(1u << k.unknown % 8);
		} else if (r < 0 || r > KEYMAP_OUT_MAX) {
			abort();
		}
	}
	return 0;
}
