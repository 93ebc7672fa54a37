/*
 * The framebuffer text console.
 *
 * A cell is one 32-bit word: glyph index in bits 0-15, foreground colour in
 * 16-19, background in 20-23, and CURSOR in bit 24 for the cell the cursor
 * is drawn on.  `cells` holds the text as a ring of rows, so scrolling
 * moves no memory; `shown` holds, by screen row, the word each cell was
 * last drawn with.  flush() draws the cells where the two differ.
 */
#include "drivers/fbcon.h"
#include "drivers/font/font.h"
#include "kernel/string.h"

#define FG_SHIFT 16
#define BG_SHIFT 20
#define CURSOR (1u << 24)

#define DEFAULT_FG 7
#define DEFAULT_BG 0

/* The VGA text-mode colours, in the order of the ANSI colour numbers. */
static const uint32_t vga_rgb[16] = {
	0x000000, 0xaa0000, 0x00aa00, 0xaa5500,
	0x0000aa, 0xaa00aa, 0x00aaaa, 0xaaaaaa,
	0x555555, 0xff5555, 0x55ff55, 0xffff55,
	0x5555ff, 0xff55ff, 0x55ffff, 0xffffff,
};

static const struct fbcon_attr default_attr = {
	ANSI_DEFAULT_COLOR, ANSI_DEFAULT_COLOR, 0, 0
};

/* Returns how many cells fbcon_init needs for a width x height screen. */
size_t fbcon_cells(uint32_t width, uint32_t height)
{
	return 2 * (size_t)(width / font_console.width) *
	    (height / font_console.height);
}

/* Returns a sentence saying what a FBCON_E* error means. */
const char *fbcon_strerror(int err)
{
	switch (err) {
	case FBCON_ESIZE:
		return "the framebuffer cannot hold one character, or its "
		    "stride is less than its width";
	case FBCON_EFORMAT:
		return "unknown pixel format";
	case FBCON_ECELLS:
		return "the cell buffer is smaller than fbcon_cells() asks";
	}
	return "unknown error";
}

/* Returns the console's width in characters. */
uint32_t fbcon_cols(const struct fbcon *c)
{
	return c->cols;
}

/* Returns the console's height in characters. */
uint32_t fbcon_rows(const struct fbcon *c)
{
	return c->rows;
}

/* Returns screen row r of the text. */
static uint32_t *row(struct fbcon *c, uint32_t r)
{
	uint32_t i = c->top + r;

	if (i >= c->rows)
		i -= c->rows;
	return c->cells + (size_t)i * c->cols;
}

/* Returns the cell word drawing glyph with the current attributes. */
static uint32_t cell(const struct fbcon *c, uint32_t glyph)
{
	uint32_t fg, bg, t;

	fg = c->attr.fg == ANSI_DEFAULT_COLOR ? DEFAULT_FG :
	    (uint32_t)c->attr.fg;
	bg = c->attr.bg == ANSI_DEFAULT_COLOR ? DEFAULT_BG :
	    (uint32_t)c->attr.bg;
	if (c->attr.bold && fg < 8)
		fg += 8;
	if (c->attr.reverse) {
		t = fg;
		fg = bg;
		bg = t;
	}
	return glyph | fg << FG_SHIFT | bg << BG_SHIFT;
}

/* Notes that screen rows [lo, hi) must be compared at the next flush. */
static void dirty(struct fbcon *c, uint32_t lo, uint32_t hi)
{
	if (lo < c->dirty_lo)
		c->dirty_lo = lo;
	if (hi > c->dirty_hi)
		c->dirty_hi = hi;
}

/* Blanks columns [from, to) of screen rows [lo, hi). */
static void erase(struct fbcon *c, uint32_t lo, uint32_t hi, uint32_t from,
    uint32_t to)
{
	uint32_t blank = cell(c, c->blank), r, x, *p;

	for (r = lo; r < hi; r++) {
		p = row(c, r);
		for (x = from; x < to; x++)
			p[x] = blank;
	}
	dirty(c, lo, hi);
}

/* Moves the cursor to the next line, scrolling at the bottom. */
static void newline(struct fbcon *c)
{
	c->cx = 0;
	if (c->cy + 1 < c->rows) {
		c->cy++;
		return;
	}
	c->top = c->top + 1 == c->rows ? 0 : c->top + 1;
	erase(c, c->rows - 1, c->rows, 0, c->cols);
	dirty(c, 0, c->rows);
}

/* Returns v clamped to [0, n). */
static uint32_t clamp(int64_t v, uint32_t n)
{
	if (v < 0)
		return 0;
	if (v >= n)
		return n - 1;
	return (uint32_t)v;
}

/* Puts code point cp at the cursor and advances it. */
static void put(struct fbcon *c, uint32_t cp)
{
	if (c->cx == c->cols)
		newline(c);
	row(c, c->cy)[c->cx] = cell(c, font_lookup(&font_console, cp));
	dirty(c, c->cy, c->cy + 1);
	c->cx++;
}

/* Carries out an erase of the display (ED) or of the line (EL). */
static void erase_mode(struct fbcon *c, enum ansi_op op, int32_t mode)
{
	uint32_t x = c->cx < c->cols ? c->cx : c->cols - 1;

	if (mode == 2) {
		if (op == ANSI_ERASE_DISPLAY)
			erase(c, 0, c->rows, 0, c->cols);
		else
			erase(c, c->cy, c->cy + 1, 0, c->cols);
	} else if (mode == 0) {
		erase(c, c->cy, c->cy + 1, x, c->cols);
		if (op == ANSI_ERASE_DISPLAY)
			erase(c, c->cy + 1, c->rows, 0, c->cols);
	} else {
		erase(c, c->cy, c->cy + 1, 0, x + 1);
		if (op == ANSI_ERASE_DISPLAY)
			erase(c, 0, c->cy, 0, c->cols);
	}
}

/* Sets a colour from an ANSI_FG or ANSI_BG argument. */
static void set_color(int8_t *color, int32_t v)
{
	*color = v >= 0 && v < 16 ? (int8_t)v : ANSI_DEFAULT_COLOR;
}

/* Returns the console to its state after fbcon_init, screen blank. */
static void reset(struct fbcon *c)
{
	c->attr = default_attr;
	c->saved_attr = default_attr;
	c->cx = c->cy = 0;
	c->saved_cx = c->saved_cy = 0;
	c->cursor_on = 1;
	erase(c, 0, c->rows, 0, c->cols);
}

/* Carries out one action of the parser on the text (not the pixels). */
static void act(void *ctx, const struct ansi_action *a)
{
	struct fbcon *c = ctx;
	uint32_t x = c->cx < c->cols ? c->cx : c->cols - 1;

	switch (a->op) {
	case ANSI_PUT:
		put(c, (uint32_t)a->a);
		break;
	case ANSI_CR:
		c->cx = 0;
		break;
	case ANSI_LF:
		newline(c);
		break;
	case ANSI_BS:
		c->cx = x > 0 ? x - 1 : 0;
		break;
	case ANSI_TAB:
		c->cx = clamp((int64_t)(x / 8 + 1) * 8, c->cols);
		break;
	case ANSI_MOVE_TO:
		c->cy = clamp(a->a, c->rows);
		c->cx = clamp(a->b, c->cols);
		break;
	case ANSI_MOVE_BY:
		c->cy = clamp((int64_t)c->cy + a->a, c->rows);
		c->cx = clamp((int64_t)x + a->b, c->cols);
		break;
	case ANSI_ERASE_DISPLAY:
	case ANSI_ERASE_LINE:
		erase_mode(c, a->op, a->a);
		break;
	case ANSI_SAVE:
		c->saved_cx = c->cx;
		c->saved_cy = c->cy;
		c->saved_attr = c->attr;
		break;
	case ANSI_RESTORE:
		c->cx = c->saved_cx;
		c->cy = c->saved_cy;
		c->attr = c->saved_attr;
		break;
	case ANSI_RESET:
		reset(c);
		break;
	case ANSI_CURSOR:
		c->cursor_on = a->a;
		break;
	case ANSI_ATTR_RESET:
		c->attr = default_attr;
		break;
	case ANSI_BOLD:
		c->attr.bold = (uint8_t)a->a;
		break;
	case ANSI_REVERSE:
		c->attr.reverse = (uint8_t)a->a;
		break;
	case ANSI_FG:
		set_color(&c->attr.fg, a->a);
		break;
	case ANSI_BG:
		set_color(&c->attr.bg, a->a);
		break;
	}
}

/* Draws cell word v at screen row r, column x. */
static void draw(struct fbcon *c, uint32_t r, uint32_t x, uint32_t v)
{
	const struct font *f = &font_console;
	const uint8_t *bits = font_glyph(f, v & 0xffff);
	uint32_t fg = c->palette[v >> FG_SHIFT & 15];
	uint32_t bg = c->palette[v >> BG_SHIFT & 15];
	uint32_t *p, t, gx, gy, diff, ink;

	if (v & CURSOR) {
		t = fg;
		fg = bg;
		bg = t;
	}
	p = c->pixels + (size_t)r * f->height * c->stride +
	    (size_t)x * f->width;
	/* Branch-free: a mask of all ones on ink picks fg out of fg ^ bg. */
	diff = fg ^ bg;
	for (gy = 0; gy < f->height; gy++) {
		for (gx = 0; gx < f->width; gx++) {
			ink = bits[gx >> 3] >> (~gx & 7) & 1;
			p[gx] = bg ^ (diff & (0u - ink));
		}
		bits += f->row_bytes;
		p += c->stride;
	}
}

/* Draws every cell whose word differs from what the screen shows. */
static void flush(struct fbcon *c)
{
	uint32_t r, x, want, *text, *shown;
	uint32_t cur_x = c->cx < c->cols ? c->cx : c->cols - 1;

	dirty(c, c->shown_cy, c->shown_cy + 1);
	dirty(c, c->cy, c->cy + 1);
	for (r = c->dirty_lo; r < c->dirty_hi; r++) {
		text = row(c, r);
		shown = c->shown + (size_t)r * c->cols;
		for (x = 0; x < c->cols; x++) {
			want = text[x];
			if (c->cursor_on && r == c->cy && x == cur_x)
				want |= CURSOR;
			if (shown[x] != want) {
				draw(c, r, x, want);
				shown[x] = want;
			}
		}
	}
	c->shown_cy = c->cy;
	c->dirty_lo = c->rows;
	c->dirty_hi = 0;
}

/* Paints pixels [x0, x1) of scan lines [y0, y1) with colour px. */
static void fill(struct fbcon *c, uint32_t x0, uint32_t x1, uint32_t y0,
    uint32_t y1, uint32_t px)
{
	uint32_t x, y, *p;

	for (y = y0; y < y1; y++) {
		p = c->pixels + (size_t)y * c->stride;
		for (x = x0; x < x1; x++)
			p[x] = px;
	}
}

/*
 * Starts a console on pixels; clears the screen unless is_black (see
 * drivers/fbcon.h).
 */
int fbcon_init(struct fbcon *c, void *pixels, uint32_t width, uint32_t height,
    uint32_t stride_pixels, enum pixel_format fmt, uint32_t *cells,
    size_t ncells, int is_black)
{
	const struct font *f = &font_console;
	size_t n;
	uint32_t i, rgb;

	if (pixels == NULL || stride_pixels < width || width < f->width ||
	    height < f->height)
		return FBCON_ESIZE;
	if (fmt != PIXEL_RGBX && fmt != PIXEL_BGRX)
		return FBCON_EFORMAT;
	if (cells == NULL || ncells < fbcon_cells(width, height))
		return FBCON_ECELLS;
	memset(c, 0, sizeof(*c));
	c->pixels = pixels;
	c->width = width;
	c->height = height;
	c->stride = stride_pixels;
	for (i = 0; i < 16; i++) {
		rgb = vga_rgb[i];
		/* BGRX: little-endian 0x00RRGGBB words; RGBX swaps R and B. */
		c->palette[i] = fmt == PIXEL_BGRX ? rgb :
		    (rgb >> 16 & 0xff) | (rgb & 0xff00) | (rgb & 0xff) << 16;
	}
	c->cols = width / f->width;
	c->rows = height / f->height;
	n = (size_t)c->cols * c->rows;
	c->cells = cells;
	c->shown = cells + n;
	c->blank = font_lookup(f, ' ');
	c->dirty_lo = c->rows;
	ansi_init(&c->parser, act, c);
	reset(c);
	/*
	 * A blank cell is background only, so one fill clears the screen far
	 * faster than drawing every blank glyph (8 MB at 1920x1080); a screen
	 * the firmware just blacked needs none.
	 */
	if (!is_black || c->palette[DEFAULT_BG])
		fill(c, 0, width, 0, height, c->palette[DEFAULT_BG]);
	memcpy(c->shown, c->cells, n * sizeof(*c->shown));
	flush(c);
	return 0;
}

/* Prints s[0..n) (UTF-8 with escape sequences) and updates the screen. */
void fbcon_write(struct fbcon *c, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ansi_feed(&c->parser, (uint8_t)s[i]);
	flush(c);
}
