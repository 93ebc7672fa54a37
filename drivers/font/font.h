/*
 * The console font, compiled into the image.  build/gen/font.c is made at
 * build time by mkfont from Debian's Uni2-VGA16 PSF font; this header is
 * its interface.
 */
#ifndef DRIVERS_FONT_FONT_H
#define DRIVERS_FONT_FONT_H

#include <stdint.h>

/* Glyph indexes fit in 16 bits, so the console can pack them in a cell. */
#define FONT_MAX_GLYPHS 65536

/* One code point drawn by one glyph. */
struct font_map {
	uint32_t cp;
	uint32_t glyph;
};

struct font {
	uint32_t width, height;		/* pixels */
	uint32_t row_bytes;		/* bytes per glyph row, MSB leftmost */
	uint32_t glyph_bytes;		/* bytes per glyph */
	uint32_t count;			/* glyphs */
	const uint8_t *glyphs;		/* count * glyph_bytes */
	const struct font_map *map;	/* sorted by cp, no duplicate cp */
	uint32_t map_count;
	uint32_t fallback;		/* glyph for unmapped code points */
};

/* The built-in console font (generated). */
extern const struct font font_console;

/* Returns the glyph index drawing cp, or f->fallback when none does. */
uint32_t font_lookup(const struct font *f, uint32_t cp);

/* Returns the bitmap of glyph index g (which must be < f->count). */
const uint8_t *font_glyph(const struct font *f, uint32_t g);

#endif
