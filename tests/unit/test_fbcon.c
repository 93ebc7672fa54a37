/*
 * Tests for the framebuffer console: pixels are checked against the
 * font's bits and an independent table of the VGA colours, in both pixel
 * formats, and nothing outside the visible framebuffer may change.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/fbcon.h"
#include "drivers/font/font.h"
#include "tests/unit/check.h"

#define CANARY 0x5a5a5a5au

/* The VGA colours as R, G, B, by ANSI colour number. */
static const uint8_t vga[16][3] = {
	{ 0x00, 0x00, 0x00 }, { 0xaa, 0x00, 0x00 }, { 0x00, 0xaa, 0x00 },
	{ 0xaa, 0x55, 0x00 }, { 0x00, 0x00, 0xaa }, { 0xaa, 0x00, 0xaa },
	{ 0x00, 0xaa, 0xaa }, { 0xaa, 0xaa, 0xaa }, { 0x55, 0x55, 0x55 },
	{ 0xff, 0x55, 0x55 }, { 0x55, 0xff, 0x55 }, { 0xff, 0xff, 0x55 },
	{ 0x55, 0x55, 0xff }, { 0xff, 0x55, 0xff }, { 0x55, 0xff, 0xff },
	{ 0xff, 0xff, 0xff },
};

struct screen {
	struct fbcon con;
	uint32_t *pixels;	/* stride * height, filled with CANARY first */
	uint32_t *cells;
	uint32_t width, height, stride;
	enum pixel_format fmt;
};

/* Starts a console on a fresh framebuffer; returns fbcon_init's result. */
static int open_screen(struct screen *s, uint32_t width, uint32_t height,
    uint32_t stride, enum pixel_format fmt)
{
	size_t i, n = (size_t)stride * height;

	s->width = width;
	s->height = height;
	s->stride = stride;
	s->fmt = fmt;
	s->pixels = malloc(n * sizeof(uint32_t));
	s->cells = malloc(fbcon_cells(width, height) * sizeof(uint32_t) + 1);
	for (i = 0; i < n; i++)
		s->pixels[i] = CANARY;
	return fbcon_init(&s->con, s->pixels, width, height, stride, fmt,
	    s->cells, fbcon_cells(width, height), 0);
}

/* Like open_screen, with the cursor hidden so it covers no cell. */
static int open_quiet(struct screen *s, uint32_t width, uint32_t height,
    uint32_t stride, enum pixel_format fmt)
{
	int r = open_screen(s, width, height, stride, fmt);

	if (r == 0)
		fbcon_write(&s->con, "\033[?25l", 6);
	return r;
}

/* Frees what open_screen allocated. */
static void close_screen(struct screen *s)
{
	free(s->pixels);
	free(s->cells);
}

/* Writes a NUL-terminated string to the test console. */
static void write_str(struct screen *s, const char *str)
{
	fbcon_write(&s->con, str, strlen(str));
}

/* Returns whether pixel (x, y) has colour number c, read byte by byte. */
static int pixel_is(const struct screen *s, uint32_t x, uint32_t y, int c)
{
	const uint8_t *b =
	    (const uint8_t *)&s->pixels[(size_t)y * s->stride + x];
	int r = s->fmt == PIXEL_RGBX ? 0 : 2;

	return b[r] == vga[c][0] && b[1] == vga[c][1] && b[2 - r] == vga[c][2];
}

/* Returns whether cell (row, col) shows cp in colours fg on bg. */
static int cell_is(const struct screen *s, uint32_t row, uint32_t col,
    uint32_t cp, int fg, int bg)
{
	const struct font *f = &font_console;
	const uint8_t *bits = font_glyph(f, font_lookup(f, cp));
	uint32_t x, y;
	int ink;

	for (y = 0; y < f->height; y++) {
		for (x = 0; x < f->width; x++) {
			ink = bits[y * f->row_bytes + x / 8] & (0x80 >> x % 8);
			if (!pixel_is(s, col * f->width + x,
			    row * f->height + y, ink ? fg : bg))
				return 0;
		}
	}
	return 1;
}

/* Returns whether row shows text from column 0 in grey on black. */
static int row_is(const struct screen *s, uint32_t row, const char *text)
{
	uint32_t i;

	for (i = 0; text[i] != '\0'; i++)
		if (!cell_is(s, row, i, (uint8_t)text[i], 7, 0))
			return 0;
	return 1;
}

/* Whether every pixel outside the home cell (the cursor) is black. */
static int all_black_but_home(const struct screen *s)
{
	uint32_t x, y;

	for (y = 0; y < s->height; y++)
		for (x = 0; x < s->width; x++)
			if ((x >= 8 || y >= 16) && !pixel_is(s, x, y, 0))
				return 0;
	return 1;
}

/* The cell count, and sizes, strides and formats a console refuses. */
static void test_init(void)
{
	struct screen s;
	uint32_t cells[4];

	CHECK(fbcon_cells(640, 480) == 2 * 80 * 30);
	CHECK(open_screen(&s, 7, 16, 7, PIXEL_RGBX) == FBCON_ESIZE);
	close_screen(&s);
	CHECK(open_screen(&s, 8, 15, 8, PIXEL_RGBX) == FBCON_ESIZE);
	close_screen(&s);
	CHECK(open_screen(&s, 16, 16, 15, PIXEL_RGBX) == FBCON_ESIZE);
	close_screen(&s);
	CHECK(open_screen(&s, 16, 16, 16, (enum pixel_format)7) ==
	    FBCON_EFORMAT);
	close_screen(&s);
	CHECK(fbcon_init(&s.con, cells, 16, 32, 16, PIXEL_RGBX, cells, 3, 0) ==
	    FBCON_ECELLS);
	CHECK(fbcon_init(&s.con, NULL, 16, 32, 16, PIXEL_RGBX, cells, 4, 0) ==
	    FBCON_ESIZE);
	CHECK(strstr(fbcon_strerror(FBCON_ECELLS), "cell") != NULL);

	CHECK(open_screen(&s, 650, 490, 650, PIXEL_BGRX) == 0);
	CHECK(fbcon_cols(&s.con) == 81 && fbcon_rows(&s.con) == 30);
	/* Cleared, margins included; the cursor is at the home cell. */
	CHECK(pixel_is(&s, 649, 489, 0) && pixel_is(&s, 648, 0, 0));
	CHECK(pixel_is(&s, 0, 489, 0) && pixel_is(&s, 300, 300, 0));
	CHECK(cell_is(&s, 0, 0, ' ', 0, 7));
	CHECK(all_black_but_home(&s));
	close_screen(&s);
}

/* 'A' at the home cell, pixel for pixel from the glyph's bits. */
static void test_glyph(enum pixel_format fmt)
{
	const struct font *f = &font_console;
	const uint8_t *a = font_glyph(f, font_lookup(f, 'A'));
	struct screen s;
	uint32_t x, y, px, ink = 0, fg, bg;
	uint8_t *b;

	CHECK(open_screen(&s, 64, 32, 64, fmt) == 0);
	write_str(&s, "\033[31;44mA");
	for (y = 0; y < 16; y++) {
		for (x = 0; x < 8; x++) {
			b = (uint8_t *)&s.pixels[y * 64 + x];
			px = fmt == PIXEL_RGBX ?
			    (uint32_t)b[0] << 16 | b[1] << 8 | b[2] :
			    (uint32_t)b[2] << 16 | b[1] << 8 | b[0];
			if (a[y] & (0x80 >> x)) {
				ink++;
				fg = px == 0xaa0000;
				CHECK(fg);
			} else {
				bg = px == 0x0000aa;
				CHECK(bg);
			}
		}
	}
	CHECK(ink > 10 && ink < 100);
	/* The top-left pixel is blue background: byte 2 in RGBX, 0 in BGRX. */
	CHECK((a[0] & 0x80) == 0);
	px = fmt == PIXEL_RGBX ? 0x00aa0000 : 0x000000aa;
	CHECK((s.pixels[0] & 0xffffff) == px);
	close_screen(&s);
}

/*
 * The 16 colours in foreground and background, bold and reverse, in pixel
 * format fmt.
 */
static void test_colors(enum pixel_format fmt)
{
	struct screen s;
	char seq[32];
	int i, ok = 1;

	CHECK(open_quiet(&s, 16 * 8, 4 * 16, 16 * 8, fmt) == 0);
	for (i = 0; i < 16; i++) {
		snprintf(seq, sizeof(seq), "\033[%d;%dmX",
		    i < 8 ? 30 + i : 82 + i, i < 8 ? 47 - i : 115 - i);
		write_str(&s, seq);
	}
	for (i = 0; i < 16; i++)
		ok &= cell_is(&s, 0, (uint32_t)i, 'X', i,
		    i < 8 ? 7 - i : 23 - i);
	CHECK(ok);
	write_str(&s, "\r\n\033[0;1mB\033[7mR\033[22mr\033[27;33;1mY\033[39mW"
	    "\033[44;49mD");
	CHECK(cell_is(&s, 1, 0, 'B', 15, 0));
	CHECK(cell_is(&s, 1, 1, 'R', 0, 15));
	CHECK(cell_is(&s, 1, 2, 'r', 0, 7));
	CHECK(cell_is(&s, 1, 3, 'Y', 11, 0));
	CHECK(cell_is(&s, 1, 4, 'W', 15, 0));
	CHECK(cell_is(&s, 1, 5, 'D', 15, 0));
	close_screen(&s);
}

/*
 * The cursor: drawn and hidden, clamped moves, tabs and backspace, saved and
 * restored positions.
 */
static void test_cursor_and_moves(void)
{
	struct screen s;

	CHECK(open_screen(&s, 80, 64, 80, PIXEL_BGRX) == 0);
	write_str(&s, "ab");
	CHECK(row_is(&s, 0, "ab"));
	CHECK(cell_is(&s, 0, 2, ' ', 0, 7));
	/* The cell the cursor leaves is drawn plain again. */
	write_str(&s, "c");
	CHECK(cell_is(&s, 0, 2, 'c', 7, 0) && cell_is(&s, 0, 3, ' ', 0, 7));
	write_str(&s, "\033[?25l");
	CHECK(cell_is(&s, 0, 3, ' ', 7, 0));
	/* At the last column the cursor stays on the character it drew. */
	write_str(&s, "\033[?25h\033[999;999HZ");
	CHECK(cell_is(&s, 3, 9, 'Z', 0, 7));
	write_str(&s, "\033[?25l");
	CHECK(cell_is(&s, 3, 9, 'Z', 7, 0));
	/* Negative numbers are no parameters: the sequence is dropped. */
	write_str(&s, "\033[999A\033[999DT\033[-5;0HU");
	CHECK(cell_is(&s, 0, 0, 'T', 7, 0) && cell_is(&s, 0, 1, 'U', 7, 0));
	write_str(&s, "\033[3;4H\033[1A\033[2CV\033[2B\033[3DW");
	CHECK(cell_is(&s, 1, 5, 'V', 7, 0));
	CHECK(cell_is(&s, 3, 3, 'W', 7, 0));
	write_str(&s, "\033[H\033[2Jx\ty\tz\b\bw");
	CHECK(cell_is(&s, 0, 8, 'y', 7, 0));
	CHECK(cell_is(&s, 0, 9, 'z', 7, 0));
	CHECK(cell_is(&s, 0, 8, 'y', 7, 0) && cell_is(&s, 0, 7, 'w', 7, 0));
	/* A tab stops at the last column. */
	write_str(&s, "\t\t\tq");
	CHECK(cell_is(&s, 0, 9, 'q', 7, 0));
	write_str(&s, "\033[2;1Hab\033[sXYZ\033[1mS\033[uQR");
	CHECK(row_is(&s, 1, "abQRZ"));
	CHECK(cell_is(&s, 1, 5, 'S', 15, 0));
	close_screen(&s);
}

/* Wrapping at the last column and scrolling at the last row. */
static void test_wrap_scroll(void)
{
	struct screen s, t;
	size_t i;
	const char *text = "a\nb\nc\nd";

	/* 4 columns, 3 rows. */
	CHECK(open_quiet(&s, 32, 48, 32, PIXEL_RGBX) == 0);
	write_str(&s, "abcdef");
	CHECK(row_is(&s, 0, "abcd") && row_is(&s, 1, "ef"));
	write_str(&s, "gh\r");
	CHECK(row_is(&s, 1, "efgh") && row_is(&s, 2, "    "));
	write_str(&s, "\033[2J\033[H");
	write_str(&s, text);
	CHECK(row_is(&s, 0, "b") && row_is(&s, 1, "c"));
	CHECK(cell_is(&s, 2, 0, 'd', 7, 0) && cell_is(&s, 2, 1, ' ', 7, 0));
	/* Ten lines at once scroll as far as ten single lines do. */
	write_str(&s, "\n1\n2\n3\n4\n5\n6\n7\n8\n9");
	CHECK(row_is(&s, 0, "7") && row_is(&s, 1, "8"));
	CHECK(cell_is(&s, 2, 0, '9', 7, 0));

	/* Byte by byte gives the same pixels as one write. */
	CHECK(open_quiet(&t, 32, 48, 32, PIXEL_RGBX) == 0);
	write_str(&t, "abcdefgh\r\033[2J\033[H");
	for (i = 0; i < strlen(text); i++)
		fbcon_write(&t.con, text + i, 1);
	fbcon_write(&t.con, "\n1\n2\n3\n4\n5\n6\n7\n8\n9", 18);
	CHECK(memcmp(s.pixels, t.pixels, 32 * 48 * 4) == 0);
	close_screen(&t);
	close_screen(&s);
}

/*
 * Erasing in line and in display in each direction, with the background
 * colour, and the reset sequence.
 */
static void test_erase(void)
{
	struct screen s;

	CHECK(open_quiet(&s, 48, 48, 48, PIXEL_RGBX) == 0);
	write_str(&s, "abcdef\r\nghijkl\r\nmnopqr\033[2;3H\033[K");
	CHECK(row_is(&s, 0, "abcdef") && row_is(&s, 1, "gh    ") &&
	    row_is(&s, 2, "mnopqr"));
	write_str(&s, "\033[3;3H\033[1K");
	CHECK(row_is(&s, 2, "   pqr"));
	write_str(&s, "\033[1;2H\033[0J");
	CHECK(row_is(&s, 0, "a     ") && row_is(&s, 2, "      "));
	write_str(&s, "\033[1;1H\033[2K");
	CHECK(row_is(&s, 0, "      "));
	write_str(&s, "\033[3;1Hxyz\033[2;2H\033[1J");
	CHECK(row_is(&s, 2, "xyz"));
	CHECK(row_is(&s, 1, "      "));
	/* Erasing uses the current background. */
	write_str(&s, "\033[44m\033[2J\033[0m");
	CHECK(cell_is(&s, 2, 5, ' ', 7, 4));
	/* ESC c: all blank, default colours, cursor home and shown. */
	write_str(&s, "\033[31mabc\033cX");
	CHECK(cell_is(&s, 0, 0, 'X', 7, 0));
	CHECK(cell_is(&s, 0, 1, ' ', 0, 7));
	CHECK(cell_is(&s, 2, 5, ' ', 7, 0));
	close_screen(&s);
}

/* Pixels between width and stride, and past height, are never touched. */
static void test_clipping(void)
{
	struct screen s;
	uint32_t x, y;
	int outside = 1, margin = 1;

	CHECK(open_quiet(&s, 35, 40, 40, PIXEL_BGRX) == 0);
	write_str(&s, "\033[44mabcdefghijklmnopqrstuvwxyz\n\n\n");
	write_str(&s, "\033[2J\033[999;999Hz");
	for (y = 0; y < 40; y++) {
		for (x = 0; x < 40; x++) {
			if (x >= 35)
				outside &= s.pixels[y * 40 + x] == CANARY;
			else if (x >= 32 || y >= 32)
				margin &= pixel_is(&s, x, y, 0);
		}
	}
	CHECK(outside);
	CHECK(margin);
	CHECK(cell_is(&s, 1, 3, 'z', 7, 4));
	close_screen(&s);
}

/* A screen the firmware already blacked is not filled again. */
static void test_black_screen(void)
{
	struct screen s;
	uint32_t cells[2 * 64 * 64];
	uint32_t px[64 * 64];
	size_t i;
	int untouched = 0;

	for (i = 0; i < 64 * 64; i++)
		px[i] = CANARY;
	CHECK(fbcon_init(&s.con, px, 64, 64, 64, PIXEL_RGBX, cells,
	    sizeof(cells) / sizeof(cells[0]), 1) == 0);
	/* the last scan line holds no cursor and no text: still the canary */
	for (i = 63 * 64; i < 64 * 64; i++)
		untouched += px[i] == CANARY;
	CHECK(untouched == 64);
	CHECK(fbcon_init(&s.con, px, 64, 64, 64, PIXEL_RGBX, cells,
	    sizeof(cells) / sizeof(cells[0]), 0) == 0);
	CHECK(px[64 * 64 - 1] == 0);
}

/* Runs the fbcon cases; the status is check_report's. */
int main(void)
{
	test_init();
	test_black_screen();
	test_glyph(PIXEL_RGBX);
	test_glyph(PIXEL_BGRX);
	test_colors(PIXEL_RGBX);
	test_colors(PIXEL_BGRX);
	test_cursor_and_moves();
	test_wrap_scroll();
	test_erase();
	test_clipping();
	return check_report("fbcon");
}
