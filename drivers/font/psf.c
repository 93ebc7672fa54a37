/*
 * PSF1 and PSF2 console fonts.  Both store glyphs as rows of bits, most
 * significant bit leftmost, each row padded to whole bytes.  An optional
 * unicode table follows the glyphs: for each glyph in turn, the code points
 * it draws, then a terminator.  PSF1 writes them as 16-bit little-endian
 * values (0xFFFF ends a glyph, 0xFFFE starts combining sequences); PSF2 as
 * UTF-8 (0xFF ends a glyph, 0xFE starts sequences).
 */
#include "drivers/font/psf.h"
#include "drivers/le.h"

#define PSF1_MAGIC0 0x36
#define PSF1_MAGIC1 0x04
#define PSF1_MODE512 0x01
#define PSF1_MODEHASTAB 0x02
#define PSF1_MODEHASSEQ 0x04
#define PSF1_HEADER 4

#define PSF2_HEADER 32
#define PSF2_HAS_UNICODE_TABLE 0x01

/* Table markers, as values no code point takes. */
#define END_GLYPH 0x110000
#define START_SEQ 0x110001

/* Points f at the glyphs at data[off..) and a table after them if any. */
static int locate(struct psf *f, const uint8_t *data, size_t size,
    size_t off, int has_table)
{
	uint64_t glyphs_size = (uint64_t)f->count * f->glyph_bytes;

	if (glyphs_size > size - off)
		return PSF_ESHORT;
	f->glyphs = data + off;
	off += (size_t)glyphs_size;
	f->table = has_table ? data + off : NULL;
	f->table_size = has_table ? size - off : 0;
	return 0;
}

/* Describes a PSF1 file; its magic number has been checked. */
static int parse_psf1(struct psf *f, const uint8_t *data, size_t size)
{
	uint8_t mode;

	if (size < PSF1_HEADER)
		return PSF_ESHORT;
	mode = data[2];
	if (mode & ~(PSF1_MODE512 | PSF1_MODEHASTAB | PSF1_MODEHASSEQ))
		return PSF_EHEADER;
	f->version = 1;
	f->width = 8;
	f->height = data[3];
	f->row_bytes = 1;
	f->glyph_bytes = data[3];
	f->count = mode & PSF1_MODE512 ? 512 : 256;
	if (f->height == 0 || f->height > PSF_MAX_DIM)
		return PSF_EHEADER;
	return locate(f, data, size, PSF1_HEADER,
	    mode & (PSF1_MODEHASTAB | PSF1_MODEHASSEQ));
}

/* Describes a PSF2 file; its magic number has been checked. */
static int parse_psf2(struct psf *f, const uint8_t *data, size_t size)
{
	uint32_t header_size;

	if (size < PSF2_HEADER)
		return PSF_ESHORT;
	header_size = get32(data + 8);
	f->version = 2;
	f->count = get32(data + 16);
	f->glyph_bytes = get32(data + 20);
	f->height = get32(data + 24);
	f->width = get32(data + 28);
	if (get32(data + 4) != 0 || header_size < PSF2_HEADER)
		return PSF_EHEADER;
	if (f->width == 0 || f->width > PSF_MAX_DIM || f->height == 0 ||
	    f->height > PSF_MAX_DIM || f->count == 0)
		return PSF_EHEADER;
	f->row_bytes = (f->width + 7) / 8;
	if (f->glyph_bytes != f->row_bytes * f->height)
		return PSF_EHEADER;
	if (header_size > size)
		return PSF_ESHORT;
	return locate(f, data, size, header_size,
	    get32(data + 12) & PSF2_HAS_UNICODE_TABLE);
}

/* Checks the file data[0..size) and describes it in f; returns 0 or PSF_E*. */
int psf_parse(struct psf *f, const uint8_t *data, size_t size)
{
	static const uint8_t magic2[4] = { 0x72, 0xb5, 0x4a, 0x86 };

	if (size >= 2 && data[0] == PSF1_MAGIC0 && data[1] == PSF1_MAGIC1)
		return parse_psf1(f, data, size);
	if (size >= 4 && data[0] == magic2[0] && data[1] == magic2[1] &&
	    data[2] == magic2[2] && data[3] == magic2[3])
		return parse_psf2(f, data, size);
	return size < 4 ? PSF_ESHORT : PSF_EMAGIC;
}

/* Returns a sentence saying what a PSF_E* error means. */
const char *psf_strerror(int err)
{
	switch (err) {
	case PSF_ESHORT:
		return "the file ends inside the header or the glyphs";
	case PSF_EMAGIC:
		return "not a PSF1 or PSF2 font (bad magic number)";
	case PSF_EHEADER:
		return "a header field is out of range";
	case PSF_ETABLE:
		return "the unicode table is malformed";
	}
	return "unknown error";
}

/* Starts a walk over f's unicode table (empty if f has none). */
void psf_uni_begin(struct psf_uni *it, const struct psf *f)
{
	it->font = f;
	it->pos = 0;
	it->glyph = 0;
	it->in_seq = 0;
	utf8_init(&it->dec);
}

/*
 * Reads the next value of the table into *v: a code point, END_GLYPH or
 * START_SEQ.  Returns 1, 0 at the end of the table, PSF_ETABLE on a
 * truncated or invalid value.
 */
static int next_value(struct psf_uni *it, uint32_t *v)
{
	const struct psf *f = it->font;
	int32_t r;
	uint8_t b;

	if (f->version == 1) {
		if (it->pos == f->table_size)
			return 0;
		if (f->table_size - it->pos < 2)
			return PSF_ETABLE;
		*v = f->table[it->pos] | (uint32_t)f->table[it->pos + 1] << 8;
		it->pos += 2;
		if (*v >= 0xfffe)
			*v = *v == 0xffff ? END_GLYPH : START_SEQ;
		return 1;
	}
	do {
		if (it->pos == f->table_size)
			return it->dec.need ? PSF_ETABLE : 0;
		b = f->table[it->pos++];
		if (it->dec.need == 0 && b >= 0xfe) {
			*v = b == 0xff ? END_GLYPH : START_SEQ;
			return 1;
		}
		r = utf8_step(&it->dec, b);
	} while (r == UTF8_MORE);
	if (r < 0)
		return PSF_ETABLE;
	*v = (uint32_t)r;
	return 1;
}

/*
 * Gives the next glyph/code point pair of the table.  Returns 1 with them
 * set, 0 at the end, PSF_ETABLE if the table is malformed.  Combining
 * sequences (several code points drawn as one glyph) are skipped.
 */
int psf_uni_next(struct psf_uni *it, uint32_t *glyph, uint32_t *cp)
{
	const struct psf *f = it->font;
	uint32_t v;
	int r;

	for (;;) {
		if (it->pos < f->table_size && it->glyph >= f->count)
			return PSF_ETABLE;
		r = next_value(it, &v);
		if (r <= 0)
			return r;
		if (v == END_GLYPH) {
			it->glyph++;
			it->in_seq = 0;
		} else if (v == START_SEQ) {
			it->in_seq = 1;
		} else if (!it->in_seq) {
			*glyph = it->glyph;
			*cp = v;
			return 1;
		}
	}
}
