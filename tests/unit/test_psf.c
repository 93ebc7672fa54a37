/*
 * Tests for the PSF font parser: fonts of both versions are built in
 * memory, parsed, and their unicode tables walked; broken headers and
 * tables must be rejected with the right error.
 */
#include <stdint.h>
#include <string.h>

#include "drivers/font/psf.h"
#include "tests/unit/check.h"

static uint8_t buf[8192];
static size_t len;

/* Appends n bytes. */
static void put(const void *p, size_t n)
{
	memcpy(buf + len, p, n);
	len += n;
}

/* Appends a little-endian 16-bit value. */
static void put16(uint32_t v)
{
	uint8_t b[2] = { v & 0xff, v >> 8 };

	put(b, 2);
}

/* Appends a little-endian 32-bit value. */
static void put32(uint32_t v)
{
	uint8_t b[4] = { v & 0xff, v >> 8 & 0xff, v >> 16 & 0xff, v >> 24 };

	put(b, 4);
}

/* Appends n glyph bytes, byte i being (seed + i) & 0xff. */
static void put_glyphs(size_t n, uint8_t seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf[len++] = (uint8_t)(seed + i);
}

/* Starts a PSF1 font of 256 or 512 glyphs of height 4 with the given mode. */
static void psf1_start(uint8_t mode)
{
	uint8_t h[4] = { 0x36, 0x04, mode, 4 };

	len = 0;
	put(h, 4);
	put_glyphs((mode & 1 ? 512 : 256) * 4, 7);
}

/* Starts a PSF2 header; the caller appends glyphs and table. */
static void psf2_header(uint32_t version, uint32_t header_size, uint32_t flags,
    uint32_t count, uint32_t charsize, uint32_t height, uint32_t width)
{
	static const uint8_t magic[4] = { 0x72, 0xb5, 0x4a, 0x86 };

	len = 0;
	put(magic, 4);
	put32(version);
	put32(header_size);
	put32(flags);
	put32(count);
	put32(charsize);
	put32(height);
	put32(width);
	while (len < header_size && len < sizeof(buf))
		buf[len++] = 0xee;
}

/* Walks the table of f into glyphs[]/cps[]; returns the count or the error. */
static int walk(const struct psf *f, uint32_t *glyphs, uint32_t *cps, int max)
{
	struct psf_uni it;
	int n = 0, r;

	psf_uni_begin(&it, f);
	while ((r = psf_uni_next(&it, &glyphs[n], &cps[n])) == 1)
		if (++n == max)
			return n;
	return r < 0 ? r : n;
}

static void test_psf1(void)
{
	struct psf f;
	uint32_t g[16], cp[16];
	int i;

	psf1_start(0x02);
	put16(0x41);
	put16(0xffff);
	put16(0x42);
	put16(0x0391);
	put16(0xfffe);
	put16(0x41);
	put16(0x0301);
	put16(0xffff);
	for (i = 2; i < 256; i++)
		put16(0xffff);
	CHECK(psf_parse(&f, buf, len) == 0);
	CHECK(f.version == 1);
	CHECK(f.width == 8 && f.height == 4 && f.row_bytes == 1);
	CHECK(f.glyph_bytes == 4 && f.count == 256);
	CHECK(f.glyphs == buf + 4);
	CHECK(f.glyphs[5] == 12);
	CHECK(f.table == buf + 4 + 1024);
	CHECK(walk(&f, g, cp, 16) == 3);
	CHECK(g[0] == 0 && cp[0] == 0x41);
	CHECK(g[1] == 1 && cp[1] == 0x42);
	CHECK(g[2] == 1 && cp[2] == 0x391);

	/* The 512-glyph mode, without a table. */
	psf1_start(0x01);
	CHECK(psf_parse(&f, buf, len) == 0);
	CHECK(f.count == 512 && f.table == NULL && f.table_size == 0);
	CHECK(walk(&f, g, cp, 16) == 0);

	/* An odd byte at the end of the table. */
	psf1_start(0x02);
	put16(0x41);
	buf[len++] = 0xff;
	CHECK(psf_parse(&f, buf, len) == 0);
	CHECK(walk(&f, g, cp, 16) == PSF_ETABLE);

	/* Entries for more glyphs than the font has. */
	psf1_start(0x02);
	for (i = 0; i < 256; i++)
		put16(0xffff);
	put16(0x41);
	CHECK(psf_parse(&f, buf, len) == 0);
	CHECK(walk(&f, g, cp, 16) == PSF_ETABLE);
}

static void test_psf1_malformed(void)
{
	struct psf f;

	psf1_start(0x00);
	CHECK(psf_parse(&f, buf, len - 1) == PSF_ESHORT);
	CHECK(psf_parse(&f, buf, 3) == PSF_ESHORT);
	CHECK(psf_parse(&f, buf, 0) == PSF_ESHORT);
	buf[2] = 0x08;
	CHECK(psf_parse(&f, buf, len) == PSF_EHEADER);
	buf[2] = 0;
	buf[3] = 0;
	CHECK(psf_parse(&f, buf, len) == PSF_EHEADER);
	buf[3] = 4;
	buf[1] = 0x05;
	CHECK(psf_parse(&f, buf, len) == PSF_EMAGIC);
}

static void test_psf2(void)
{
	static const uint8_t table[] = {
		'A', 0xff,
		0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xfe, 'e', 0xcc, 0x81, 0xff,
		0xf0, 0x9f, 0x98, 0x80, 0xff,
	};
	struct psf f;
	uint32_t g[16], cp[16];

	/* 10 pixels wide: two bytes a row. */
	psf2_header(0, 32, 1, 3, 6, 3, 10);
	put_glyphs(18, 1);
	put(table, sizeof(table));
	CHECK(psf_parse(&f, buf, len) == 0);
	CHECK(f.version == 2 && f.width == 10 && f.height == 3);
	CHECK(f.row_bytes == 2 && f.glyph_bytes == 6 && f.count == 3);
	CHECK(f.glyphs == buf + 32 && f.glyphs[17] == 18);
	CHECK(f.table == buf + 50 && f.table_size == sizeof(table));
	CHECK(walk(&f, g, cp, 16) == 4);
	CHECK(g[0] == 0 && cp[0] == 'A');
	CHECK(g[1] == 1 && cp[1] == 0xe9);
	CHECK(g[2] == 1 && cp[2] == 0x20ac);
	CHECK(g[3] == 2 && cp[3] == 0x1f600);

	/* A longer header: the glyphs start where it says. */
	psf2_header(0, 40, 0, 3, 6, 3, 10);
	put_glyphs(18, 1);
	CHECK(psf_parse(&f, buf, len) == 0);
	CHECK(f.glyphs == buf + 40 && f.table == NULL);
}

/* Parses a 3-glyph PSF2 font whose table is t[0..n); returns the walk. */
static int psf2_table(const uint8_t *t, size_t n)
{
	struct psf f;
	uint32_t g[16], cp[16];

	psf2_header(0, 32, 1, 3, 6, 3, 10);
	put_glyphs(18, 1);
	put(t, n);
	if (psf_parse(&f, buf, len) != 0)
		return 99;
	return walk(&f, g, cp, 16);
}

static void test_psf2_malformed(void)
{
	static const uint8_t broken[] = { 'A', 0xc3, 0xff };
	static const uint8_t cut[] = { 'A', 0xff, 0xe2, 0x82 };
	static const uint8_t overlong[] = { 0xc0, 0x80, 0xff };
	static const uint8_t surrogate[] = { 0xed, 0xa0, 0x80, 0xff };
	static const uint8_t too_many[] = { 0xff, 0xff, 0xff, 'A' };
	struct psf f;

	CHECK(psf2_table(broken, sizeof(broken)) == PSF_ETABLE);
	CHECK(psf2_table(cut, sizeof(cut)) == PSF_ETABLE);
	CHECK(psf2_table(overlong, sizeof(overlong)) == PSF_ETABLE);
	CHECK(psf2_table(surrogate, sizeof(surrogate)) == PSF_ETABLE);
	CHECK(psf2_table(too_many, sizeof(too_many)) == PSF_ETABLE);

	psf2_header(1, 32, 0, 3, 6, 3, 10);
	put_glyphs(18, 1);
	CHECK(psf_parse(&f, buf, len) == PSF_EHEADER);
	psf2_header(0, 16, 0, 3, 6, 3, 10);
	CHECK(psf_parse(&f, buf, 64) == PSF_EHEADER);
	psf2_header(0, 32, 0, 3, 5, 3, 10);
	put_glyphs(18, 1);
	CHECK(psf_parse(&f, buf, len) == PSF_EHEADER);
	psf2_header(0, 32, 0, 3, 0, 0, 10);
	put_glyphs(18, 1);
	CHECK(psf_parse(&f, buf, len) == PSF_EHEADER);
	psf2_header(0, 32, 0, 3, 3 * 9, 3, 65);
	put_glyphs(81, 1);
	CHECK(psf_parse(&f, buf, len) == PSF_EHEADER);
	psf2_header(0, 32, 0, 0, 6, 3, 10);
	CHECK(psf_parse(&f, buf, len) == PSF_EHEADER);
	psf2_header(0, 32, 0, 3, 6, 3, 10);
	put_glyphs(17, 1);
	CHECK(psf_parse(&f, buf, len) == PSF_ESHORT);
	/* A glyph count whose size overflows 32 bits. */
	psf2_header(0, 32, 0, 0xffffffff, 6, 3, 10);
	put_glyphs(18, 1);
	CHECK(psf_parse(&f, buf, len) == PSF_ESHORT);
	psf2_header(0, 4096, 0, 3, 6, 3, 10);
	CHECK(psf_parse(&f, buf, 100) == PSF_ESHORT);
	CHECK(psf_parse(&f, buf, 31) == PSF_ESHORT);
}

static void test_strerror(void)
{
	CHECK(strcmp(psf_strerror(PSF_ESHORT), psf_strerror(PSF_EMAGIC)) != 0);
	CHECK(strstr(psf_strerror(PSF_ETABLE), "unicode") != NULL);
	CHECK(strstr(psf_strerror(0), "unknown") != NULL);
}

int main(void)
{
	test_psf1();
	test_psf1_malformed();
	test_psf2();
	test_psf2_malformed();
	test_strerror();
	return check_report("psf");
}
