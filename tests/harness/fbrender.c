/*
 * fbrender: renders text through the kernel's framebuffer console into a
 * PPM picture, so a boot test can compare what the kernel showed (a QEMU
 * screendump) with what the same bytes must look like.
 *
 *	fbrender WIDTH HEIGHT rgbx|bgrx < text > out.ppm
 *
 * The pixel format picks how the console lays out pixel bytes; the PPM is
 * read from those bytes, so both formats must give the same picture.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/fbcon.h"

#define MAX_DIM 16384

/* Parses a dimension argument; returns it, or 0 after saying why. */
static uint32_t parse_dim(const char *name, const char *s)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v == 0 || v > MAX_DIM ||
	    s[0] == '-') {
		fprintf(stderr, "fbrender: %s '%s' is not a number in 1..%d\n",
		    name, s, MAX_DIM);
		return 0;
	}
	return (uint32_t)v;
}

/* Feeds standard input to the console in blocks; returns 0 or -1. */
static int render_stdin(struct fbcon *con)
{
	char buf[4096];
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		fbcon_write(con, buf, n);
	if (ferror(stdin)) {
		perror("fbrender: reading standard input");
		return -1;
	}
	return 0;
}

/* Writes the pixels as a P6 PPM to standard output; returns 0 or -1. */
static int write_ppm(const uint32_t *pixels, uint32_t width, uint32_t height,
    enum pixel_format fmt)
{
	const uint8_t *b;
	size_t i, n = (size_t)width * height;
	int r = fmt == PIXEL_RGBX ? 0 : 2;

	printf("P6\n%u %u\n255\n", width, height);
	for (i = 0; i < n; i++) {
		b = (const uint8_t *)&pixels[i];
		putchar(b[r]);
		putchar(b[1]);
		putchar(b[2 - r]);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("fbrender: writing standard output");
		return -1;
	}
	return 0;
}

/*
 * Renders standard input on a WIDTH x HEIGHT console and writes the picture
 * as a PPM; 2 for a usage mistake, 1 for another failure.
 */
int main(int argc, char **argv)
{
	struct fbcon con;
	enum pixel_format fmt;
	uint32_t width, height, *pixels, *cells;
	size_t ncells;
	int r, status = 1;

	if (argc != 4) {
		fprintf(stderr, "usage: fbrender WIDTH HEIGHT rgbx|bgrx "
		    "< text > out.ppm\n");
		return 2;
	}
	width = parse_dim("width", argv[1]);
	height = parse_dim("height", argv[2]);
	if (width == 0 || height == 0)
		return 2;
	if (strcmp(argv[3], "rgbx") == 0) {
		fmt = PIXEL_RGBX;
	} else if (strcmp(argv[3], "bgrx") == 0) {
		fmt = PIXEL_BGRX;
	} else {
		fprintf(stderr, "fbrender: pixel format '%s' is not rgbx or "
		    "bgrx\n", argv[3]);
		return 2;
	}
	ncells = fbcon_cells(width, height);
	pixels = malloc((size_t)width * height * sizeof(*pixels));
	if (pixels == NULL) {
		fprintf(stderr, "fbrender: out of memory\n");
		return 1;
	}
	cells = malloc((ncells ? ncells : 1) * sizeof(*cells));
	if (cells == NULL) {
		fprintf(stderr, "fbrender: out of memory\n");
		goto err_pixels;
	}
	r = fbcon_init(&con, pixels, width, height, width, fmt, cells, ncells,
	    0);
	if (r < 0) {
		fprintf(stderr, "fbrender: %ux%u: %s\n", width, height,
		    fbcon_strerror(r));
		goto err_cells;
	}
	if (render_stdin(&con) == 0 &&
	    write_ppm(pixels, width, height, fmt) == 0)
		status = 0;
err_cells:
	free(cells);
err_pixels:
	free(pixels);
	return status;
}
