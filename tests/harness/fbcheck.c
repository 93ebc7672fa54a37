/*
 * fbcheck: checks console screenshots (P6 PPM, as QEMU's screendump
 * writes them).
 *
 *	fbcheck SHOT.ppm ROW TEXT
 *		each cell of text row ROW, from column 0, shows TEXT's
 *		character in the console font
 *	fbcheck --compare A.ppm B.ppm
 *		the two pictures are the same
 *
 * Exit status: 0 if they match, 1 if not (saying where), 2 on bad
 * arguments or files.  The row check knows only the font: a cell matches
 * when its pixels take one colour where the glyph has ink and another
 * where it has none, whatever the colours.  It shares no code with the
 * console, so a console bug cannot hide itself.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/readall.h"
#include "drivers/font/font.h"
#include "drivers/font/utf8.h"

#define MAX_DIM 32768
#define MAX_FILE (MAX_DIM * (size_t)MAX_DIM * 3 + 4096)

struct image {
	uint32_t width, height;
	uint8_t *rgb;		/* width * height * 3 bytes */
	uint8_t *file;		/* the file's bytes; rgb points into them */
};

/* Reads the whole file at path into *out; returns its size or -1. */
static long read_file(const char *path, uint8_t **out)
{
	FILE *f;
	size_t len;
	int r;

	f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "fbcheck: %s: %s\n", path, strerror(errno));
		return -1;
	}
	r = read_all(f, MAX_FILE, out, &len);
	fclose(f);
	if (r != 0) {
		fprintf(stderr, "fbcheck: %s: %s\n", path, strerror(r));
		return -1;
	}
	return (long)len;
}

/* Returns whether c is whitespace in a PPM header. */
static int ppm_space(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f';
}

/*
 * Reads a header number of at most 5 digits at data[*pos], skipping
 * whitespace and comments before it; returns it, or -1 if there is none.
 */
static long ppm_number(const uint8_t *data, size_t size, size_t *pos)
{
	long v = 0;
	size_t digits = 0;

	while (*pos < size) {
		if (data[*pos] == '#') {
			while (*pos < size && data[*pos] != '\n' &&
			    data[*pos] != '\r')
				(*pos)++;
		} else if (ppm_space(data[*pos])) {
			(*pos)++;
		} else {
			break;
		}
	}
	while (*pos < size && data[*pos] >= '0' && data[*pos] <= '9') {
		if (++digits > 5)
			return -1;
		v = v * 10 + (data[(*pos)++] - '0');
	}
	return digits ? v : -1;
}

/* Loads a P6 PPM with 8-bit samples; returns 0, or -1 after saying why. */
static int load_ppm(const char *path, struct image *img)
{
	long size, w, h, maxval;
	size_t pos = 2, need;

	size = read_file(path, &img->file);
	if (size < 0)
		return -1;
	if (size < 2 || img->file[0] != 'P' || img->file[1] != '6') {
		fprintf(stderr, "fbcheck: %s: not a binary PPM file (no P6 "
		    "magic number)\n", path);
		goto err_free;
	}
	w = ppm_number(img->file, (size_t)size, &pos);
	h = ppm_number(img->file, (size_t)size, &pos);
	maxval = ppm_number(img->file, (size_t)size, &pos);
	if (w < 0 || h < 0 || maxval < 0 || pos == (size_t)size ||
	    !ppm_space(img->file[pos])) {
		fprintf(stderr, "fbcheck: %s: malformed PPM header (expected "
		    "width, height and maxval)\n", path);
		goto err_free;
	}
	if (w == 0 || h == 0 || w > MAX_DIM || h > MAX_DIM) {
		fprintf(stderr, "fbcheck: %s: size %ldx%ld is not in 1..%d\n",
		    path, w, h, MAX_DIM);
		goto err_free;
	}
	if (maxval == 0 || maxval > 255) {
		fprintf(stderr, "fbcheck: %s: maxval %ld is not in 1..255 "
		    "(16-bit samples are not supported)\n", path, maxval);
		goto err_free;
	}
	pos++;
	need = (size_t)w * (size_t)h * 3;
	if ((size_t)size - pos < need) {
		fprintf(stderr, "fbcheck: %s: pixel data truncated: %zu bytes "
		    "for %ldx%ld pixels, need %zu\n", path,
		    (size_t)size - pos, w, h, need);
		goto err_free;
	}
	img->width = (uint32_t)w;
	img->height = (uint32_t)h;
	img->rgb = img->file + pos;
	return 0;
err_free:
	free(img->file);
	return -1;
}

/* Returns the colour of pixel (x, y) as 0xRRGGBB. */
static uint32_t pixel(const struct image *img, uint32_t x, uint32_t y)
{
	const uint8_t *p = img->rgb + ((size_t)y * img->width + x) * 3;

	return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

/*
 * Checks that the cell at pixel (x0, y0) shows glyph g in two colours.
 * Returns 1 if it does; else 0, with *bad_x, *bad_y a pixel that differs.
 */
static int cell_matches(const struct image *img, uint32_t x0, uint32_t y0,
    uint32_t g, uint32_t *bad_x, uint32_t *bad_y)
{
	const struct font *f = &font_console;
	const uint8_t *bits = font_glyph(f, g);
	uint32_t color[2], x, y, c;
	int seen[2] = { 0, 0 }, ink;

	for (y = 0; y < f->height; y++) {
		for (x = 0; x < f->width; x++) {
			ink = (bits[y * f->row_bytes + x / 8] >> (7 - x % 8)) & 1;
			c = pixel(img, x0 + x, y0 + y);
			if (!seen[ink]) {
				seen[ink] = 1;
				color[ink] = c;
			}
			if (c != color[ink] || (seen[!ink] && c == color[!ink])) {
				*bad_x = x0 + x;
				*bad_y = y0 + y;
				return 0;
			}
		}
	}
	return 1;
}

/* The row check; returns the exit status. */
static int check_row(const char *path, const char *row_arg, const char *text)
{
	const struct font *f = &font_console;
	struct image img;
	struct utf8 dec;
	unsigned long row;
	uint32_t col = 0, x0, y0, bad_x, bad_y;
	const char *start = text, *s;
	char *end;
	int32_t cp;
	int status = 0;

	errno = 0;
	row = strtoul(row_arg, &end, 10);
	if (errno != 0 || end == row_arg || *end != '\0' || row_arg[0] == '-' ||
	    row > MAX_DIM) {
		fprintf(stderr, "fbcheck: row '%s' is not a number\n", row_arg);
		return 2;
	}
	if (load_ppm(path, &img) < 0)
		return 2;
	y0 = (uint32_t)row * f->height;
	utf8_init(&dec);
	for (s = text; *s != '\0'; s++) {
		cp = utf8_step(&dec, (uint8_t)*s);
		if (cp == UTF8_MORE)
			continue;
		if (cp < 0) {
			fprintf(stderr, "fbcheck: TEXT is not valid UTF-8\n");
			status = 2;
			break;
		}
		x0 = col * f->width;
		if (y0 + f->height > img.height || x0 + f->width > img.width) {
			printf("fbcheck: row %lu column %u: outside the %ux%u "
			    "screenshot\n", row, col, img.width, img.height);
			status = 1;
			break;
		}
		if (!cell_matches(&img, x0, y0, font_lookup(f, (uint32_t)cp),
		    &bad_x, &bad_y)) {
			printf("fbcheck: row %lu column %u: not '%.*s' (U+%04X): "
			    "pixel (%u, %u) breaks the glyph\n", row, col,
			    (int)(s + 1 - start), start, (unsigned)cp, bad_x,
			    bad_y);
			status = 1;
		}
		col++;
		start = s + 1;
	}
	if (status == 0 && dec.need != 0) {
		fprintf(stderr, "fbcheck: TEXT is not valid UTF-8\n");
		status = 2;
	}
	free(img.file);
	return status;
}

/* The picture comparison; returns the exit status. */
static int compare(const char *path_a, const char *path_b)
{
	struct image a, b;
	size_t i, n, differ = 0, first = 0;
	int status = 2;

	if (load_ppm(path_a, &a) < 0)
		return 2;
	if (load_ppm(path_b, &b) < 0)
		goto err_a;
	if (a.width != b.width || a.height != b.height) {
		printf("fbcheck: sizes differ: %s is %ux%u, %s is %ux%u\n",
		    path_a, a.width, a.height, path_b, b.width, b.height);
		status = 1;
		goto err_b;
	}
	n = (size_t)a.width * a.height;
	for (i = 0; i < n; i++) {
		if (memcmp(a.rgb + i * 3, b.rgb + i * 3, 3) != 0) {
			if (differ++ == 0)
				first = i;
		}
	}
	if (differ == 0) {
		printf("fbcheck: 0 of %zu pixels differ\n", n);
		status = 0;
	} else {
		printf("fbcheck: %zu of %zu pixels differ, the first at (%zu, "
		    "%zu)\n", differ, n, first % a.width, first / a.width);
		status = 1;
	}
err_b:
	free(b.file);
err_a:
	free(a.file);
	return status;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--compare") == 0)
		return compare(argv[2], argv[3]);
	if (argc == 4 && argv[1][0] != '-')
		return check_row(argv[1], argv[2], argv[3]);
	fprintf(stderr, "usage: fbcheck SCREENSHOT.ppm ROW TEXT\n"
	    "       fbcheck --compare A.ppm B.ppm\n");
	return 2;
}
