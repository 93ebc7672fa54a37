/*
 * Fuzz target for the PSF font parser: a font that parses must have all
 * its glyphs inside the input, and walking its unicode table must end,
 * give glyph numbers below the count and code points Unicode has.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/font/psf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Keeps the glyph reads from being optimised away. */
static volatile uint32_t sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct psf f;
	struct psf_uni it;
	uint32_t glyph, cp, sum = 0;
	uint8_t *copy;
	size_t i, steps = 0;
	int r;

	/* An exact-size copy, so ASan sees any read past the end. */
	copy = malloc(size ? size : 1);
	if (copy == NULL)
		abort();
	memcpy(copy, data, size);
	if (psf_parse(&f, copy, size) == 0) {
		if (f.width == 0 || f.height == 0 || f.count == 0 ||
		    f.glyph_bytes != f.row_bytes * f.height)
			abort();
		for (i = 0; i < (size_t)f.count * f.glyph_bytes; i++)
			sum += f.glyphs[i];
		psf_uni_begin(&it, &f);
		while ((r = psf_uni_next(&it, &glyph, &cp)) == 1) {
			if (glyph >= f.count || cp > 0x10ffff || ++steps > size)
				abort();
		}
		if (r != 0 && r != PSF_ETABLE)
			abort();
	}
	sink = sum;
	free(copy);
	return 0;
}
