/*
 * PC Screen Font files, versions 1 and 2, as the Linux console loads them
 * (see kbd's psf documentation).  psf_parse checks a whole file held in
 * memory and points into it; nothing is copied or allocated.
 */
#ifndef DRIVERS_FONT_PSF_H
#define DRIVERS_FONT_PSF_H

#include <stddef.h>
#include <stdint.h>

#include "drivers/font/utf8.h"

/* The largest glyph accepted, in pixels each way. */
#define PSF_MAX_DIM 64

enum {
	PSF_ESHORT = -1,	/* the file ends inside its header or glyphs */
	PSF_EMAGIC = -2,	/* neither a PSF1 nor a PSF2 magic number */
	PSF_EHEADER = -3,	/* a header field is out of range */
	PSF_ETABLE = -4,	/* the unicode table is malformed */
};

struct psf {
	int version;		/* 1 or 2 */
	uint32_t width, height;	/* pixels */
	uint32_t row_bytes;	/* bytes per glyph row, MSB leftmost */
	uint32_t glyph_bytes;	/* bytes per glyph */
	uint32_t count;		/* glyphs */
	const uint8_t *glyphs;	/* count * glyph_bytes bytes */
	const uint8_t *table;	/* unicode table, or NULL if none */
	size_t table_size;
};

/* A walk over the unicode table's single code points. */
struct psf_uni {
	const struct psf *font;
	size_t pos;		/* next byte of font->table */
	uint32_t glyph;		/* glyph the entries being read describe */
	int in_seq;		/* inside a combining sequence, skipped */
	struct utf8 dec;	/* PSF2 tables are UTF-8 */
};

/* Checks the file data[0..size) and describes it in f; returns 0 or PSF_E*. */
int psf_parse(struct psf *f, const uint8_t *data, size_t size);

/* Returns a sentence saying what a PSF_E* error means. */
const char *psf_strerror(int err);

/* Starts a walk over f's unicode table (empty if f has none). */
void psf_uni_begin(struct psf_uni *it, const struct psf *f);

/*
 * Gives the next glyph/code point pair of the table.  Returns 1 with them
 * set, 0 at the end, PSF_ETABLE if the table is malformed.  Combining
 * sequences (several code points drawn as one glyph) are skipped.
 */
int psf_uni_next(struct psf_uni *it, uint32_t *glyph, uint32_t *cp);

#endif
