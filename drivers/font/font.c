/*
 * Looking glyphs up in a font made by mkfont.
 */
#include "drivers/font/font.h"

/* Returns the glyph index drawing cp, or f->fallback when none does. */
uint32_t font_lookup(const struct font *f, uint32_t cp)
{
	uint32_t lo = 0, hi = f->map_count, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (f->map[mid].cp == cp)
			return f->map[mid].glyph;
		if (f->map[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return f->fallback;
}

/* Returns the bitmap of glyph index g (which must be < f->count). */
const uint8_t *font_glyph(const struct font *f, uint32_t g)
{
	return f->glyphs + (uint64_t)g * f->glyph_bytes;
}
