/*
 * Fuzz target for the console's input parser and the framebuffer console.
 *
 * The parser alone: every action must be within its documented range.
 * The console: the first three bytes choose a small framebuffer (size,
 * stride, pixel format), the rest is written in two pieces.  The
 * framebuffer is allocated to its exact size, so ASan catches any access
 * past it, and the padding between width and stride must keep its canary.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/ansi.h"
#include "drivers/fbcon.h"

#define CANARY 0xdeadbeefu

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts unless the action is one the parser documents. */
static void check_action(void *ctx, const struct ansi_action *a)
{
	int ok;

	(void)ctx;
	switch (a->op) {
	case ANSI_PUT:
		ok = a->a >= 0x20 && a->a <= 0x10ffff && a->a != 0x7f &&
		    !(a->a >= 0x80 && a->a <= 0x9f) &&
		    !(a->a >= 0xd800 && a->a <= 0xdfff);
		break;
	case ANSI_MOVE_TO:
		ok = a->a >= 0 && a->a < ANSI_MAX_PARAM && a->b >= 0 &&
		    a->b < ANSI_MAX_PARAM;
		break;
	case ANSI_MOVE_BY:
		ok = a->a >= -ANSI_MAX_PARAM && a->a <= ANSI_MAX_PARAM &&
		    a->b >= -ANSI_MAX_PARAM && a->b <= ANSI_MAX_PARAM &&
		    (a->a == 0) != (a->b == 0);
		break;
	case ANSI_ERASE_DISPLAY:
	case ANSI_ERASE_LINE:
		ok = a->a >= 0 && a->a <= 2;
		break;
	case ANSI_CURSOR:
	case ANSI_BOLD:
	case ANSI_REVERSE:
		ok = a->a == 0 || a->a == 1;
		break;
	case ANSI_FG:
	case ANSI_BG:
		ok = a->a >= ANSI_DEFAULT_COLOR && a->a < 16;
		break;
	default:
		ok = a->op >= ANSI_CR && a->op <= ANSI_ATTR_RESET;
		break;
	}
	if (!ok)
		abort();
}

/* Writes data to a console on a framebuffer the first bytes describe. */
static void fuzz_console(const uint8_t *data, size_t size)
{
	struct fbcon con;
	uint32_t width, height, stride, x, y, *pixels, *cells;
	enum pixel_format fmt;
	size_t n, half;

	if (size < 3)
		return;
	width = 1 + data[0] % 80;
	height = 1 + data[1] % 80;
	stride = width + data[2] % 8;
	fmt = data[2] & 0x80 ? PIXEL_BGRX : PIXEL_RGBX;
	data += 3;
	size -= 3;
	n = (size_t)stride * height;
	pixels = malloc(n * sizeof(*pixels));
	cells = malloc(fbcon_cells(width, height) * sizeof(*cells) + 1);
	if (pixels == NULL || cells == NULL)
		abort();
	for (x = 0; x < n; x++)
		pixels[x] = CANARY;
	if (fbcon_init(&con, pixels, width, height, stride, fmt, cells,
	    fbcon_cells(width, height), 0) == 0) {
		half = size / 2;
		fbcon_write(&con, (const char *)data, half);
		fbcon_write(&con, (const char *)data + half, size - half);
		for (y = 0; y < height; y++)
			for (x = width; x < stride; x++)
				if (pixels[(size_t)y * stride + x] != CANARY)
					abort();
	}
	free(cells);
	free(pixels);
}

/*
 * Runs one input through the parser alone, then through a console on the
 * framebuffer its first bytes describe.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ansi p;
	size_t i;

	ansi_init(&p, check_action, NULL);
	for (i = 0; i < size; i++)
		ansi_feed(&p, data[i]);
	fuzz_console(data, size);
	return 0;
}
