/*
 * A text console on a linear 32-bit framebuffer, with the built-in font
 * (drivers/font/font.h), the 16 VGA colours and the escape sequences of
 * drivers/ansi.h.  A line feed also returns the carriage, as kprintf
 * expects.
 *
 * The console keeps the text as a grid of cells and, after each write,
 * draws only the cells whose pixels differ from what the screen shows.
 * It never reads the framebuffer (slow on real hardware) and scrolls by
 * redrawing the cells that changed, so a write of k lines past the bottom
 * costs one redraw, not k.  The caller provides the grid's memory:
 * fbcon_cells() words of it.
 */
#ifndef DRIVERS_FBCON_H
#define DRIVERS_FBCON_H

#include <stddef.h>
#include <stdint.h>

#include "drivers/ansi.h"
#include "efi/bootinfo.h"

enum {
	FBCON_ESIZE = -1,	/* framebuffer too small or stride < width */
	FBCON_EFORMAT = -2,	/* unknown pixel format */
	FBCON_ECELLS = -3,	/* the cell buffer is too small */
};

struct fbcon_attr {
	int8_t fg, bg;		/* 0-15 or ANSI_DEFAULT_COLOR */
	uint8_t bold, reverse;
};

struct fbcon {
	uint32_t *pixels;
	uint32_t width, height, stride;
	uint32_t palette[16];	/* ANSI order, in the framebuffer's format */
	uint32_t cols, rows;
	uint32_t *cells;	/* rows * cols, a ring: screen row 0 is top */
	uint32_t *shown;	/* rows * cols: what the pixels show now */
	uint32_t top;
	uint32_t cx, cy;	/* cx == cols: a character waits to wrap */
	uint32_t shown_cy;	/* row where the cursor was last drawn */
	uint32_t dirty_lo, dirty_hi;	/* rows to compare when flushing */
	uint32_t blank;		/* glyph index of the space */
	int cursor_on;
	struct fbcon_attr attr;
	struct fbcon_attr saved_attr;
	uint32_t saved_cx, saved_cy;
	struct ansi parser;
};

/* Returns how many cells fbcon_init needs for a width x height screen. */
size_t fbcon_cells(uint32_t width, uint32_t height);

/*
 * Starts a console on pixels (stride_pixels 32-bit pixels per scan line)
 * using cells[0..ncells) as its grid, and clears the screen unless
 * is_black says it is black already.  Returns 0 or FBCON_E*.
 */
int fbcon_init(struct fbcon *c, void *pixels, uint32_t width, uint32_t height,
    uint32_t stride_pixels, enum pixel_format fmt, uint32_t *cells,
    size_t ncells, int is_black);

/* Returns a sentence saying what a FBCON_E* error means. */
const char *fbcon_strerror(int err);

/* Prints s[0..n) (UTF-8 with escape sequences) and updates the screen. */
void fbcon_write(struct fbcon *c, const char *s, size_t n);

/* Returns the console's width in characters. */
uint32_t fbcon_cols(const struct fbcon *c);

/* Returns the console's height in characters. */
uint32_t fbcon_rows(const struct fbcon *c);

#endif
