/*
 * Unit test of drivers/keymap.c: every key of a US keyboard in both
 * scancode sets (make and break codes), Shift, Caps Lock, Ctrl, Alt, Num
 * Lock, the escape sequences with xterm's modifiers, prefixes that are
 * not keys (fake shifts, Pause, the keyboard's replies) and unknown
 * scancodes, reported once.
 */
#include <string.h>

#include "drivers/keymap.h"
#include "tests/unit/check.h"

#define MAX_OUT 256

static char out[MAX_OUT];
static size_t out_len;
static int unknowns;
static uint16_t last_unknown;

/* Feeds n bytes to k, gathering what it sends in out. */
static void feed(struct keymap *k, const uint8_t *bytes, size_t n)
{
	char buf[KEYMAP_OUT_MAX];
	int r;
	size_t i;

	out_len = 0;
	unknowns = 0;
	for (i = 0; i < n; i++) {
		r = keymap_feed(k, bytes[i], buf);
		if (r == KEYMAP_UNKNOWN) {
			unknowns++;
			last_unknown = k->unknown;
			continue;
		}
		if (r < 0 || r > KEYMAP_OUT_MAX ||
		    out_len + (size_t)r > MAX_OUT) {
			unknowns += 1000;	/* so the check fails */
			continue;
		}
		memcpy(out + out_len, buf, (size_t)r);
		out_len += (size_t)r;
	}
}

#define FEED(k, ...) do { \
	static const uint8_t b_[] = { __VA_ARGS__ }; \
	feed(k, b_, sizeof(b_)); \
} while (0)

/* Whether the last feed sent exactly want (want_len bytes), nothing unknown. */
static int sent(const char *want, size_t want_len)
{
	return out_len == want_len && !memcmp(out, want, want_len) &&
	    !unknowns;
}

#define SENT(s) sent(s, sizeof(s) - 1)

/* One key: its codes in both sets (0xe0xx: E0-prefixed) and what it sends. */
struct key_case {
	unsigned set1, set2;
	const char *plain, *shifted;
};

static const struct key_case keys[] = {
	{ 0x01, 0x76, "\x1b", "\x1b" },
	{ 0x02, 0x16, "1", "!" }, { 0x03, 0x1e, "2", "@" },
	{ 0x04, 0x26, "3", "#" }, { 0x05, 0x25, "4", "$" },
	{ 0x06, 0x2e, "5", "%" }, { 0x07, 0x36, "6", "^" },
	{ 0x08, 0x3d, "7", "&" }, { 0x09, 0x3e, "8", "*" },
	{ 0x0a, 0x46, "9", "(" }, { 0x0b, 0x45, "0", ")" },
	{ 0x0c, 0x4e, "-", "_" }, { 0x0d, 0x55, "=", "+" },
	{ 0x0e, 0x66, "\x7f", "\x7f" }, { 0x0f, 0x0d, "\t", "\x1b[Z" },
	{ 0x10, 0x15, "q", "Q" }, { 0x11, 0x1d, "w", "W" },
	{ 0x12, 0x24, "e", "E" }, { 0x13, 0x2d, "r", "R" },
	{ 0x14, 0x2c, "t", "T" }, { 0x15, 0x35, "y", "Y" },
	{ 0x16, 0x3c, "u", "U" }, { 0x17, 0x43, "i", "I" },
	{ 0x18, 0x44, "o", "O" }, { 0x19, 0x4d, "p", "P" },
	{ 0x1a, 0x54, "[", "{" }, { 0x1b, 0x5b, "]", "}" },
	{ 0x1c, 0x5a, "\r", "\r" },
	{ 0x1e, 0x1c, "a", "A" }, { 0x1f, 0x1b, "s", "S" },
	{ 0x20, 0x23, "d", "D" }, { 0x21, 0x2b, "f", "F" },
	{ 0x22, 0x34, "g", "G" }, { 0x23, 0x33, "h", "H" },
	{ 0x24, 0x3b, "j", "J" }, { 0x25, 0x42, "k", "K" },
	{ 0x26, 0x4b, "l", "L" }, { 0x27, 0x4c, ";", ":" },
	{ 0x28, 0x52, "'", "\"" }, { 0x29, 0x0e, "`", "~" },
	{ 0x2b, 0x5d, "\\", "|" },
	{ 0x2c, 0x1a, "z", "Z" }, { 0x2d, 0x22, "x", "X" },
	{ 0x2e, 0x21, "c", "C" }, { 0x2f, 0x2a, "v", "V" },
	{ 0x30, 0x32, "b", "B" }, { 0x31, 0x31, "n", "N" },
	{ 0x32, 0x3a, "m", "M" }, { 0x33, 0x41, ",", "<" },
	{ 0x34, 0x49, ".", ">" }, { 0x35, 0x4a, "/", "?" },
	{ 0x39, 0x29, " ", " " }, { 0x56, 0x61, "<", ">" },
	/* The keypad with Num Lock on; Shift reaches the navigation key. */
	{ 0x37, 0x7c, "*", "*" }, { 0x4a, 0x7b, "-", "-" },
	{ 0x4e, 0x79, "+", "+" }, { 0xe035, 0xe04a, "/", "/" },
	{ 0xe01c, 0xe05a, "\r", "\r" },
	{ 0x47, 0x6c, "7", "\x1b[H" }, { 0x48, 0x75, "8", "\x1b[A" },
	{ 0x49, 0x7d, "9", "\x1b[5~" }, { 0x4b, 0x6b, "4", "\x1b[D" },
	{ 0x4c, 0x73, "5", "\x1b[E" }, { 0x4d, 0x74, "6", "\x1b[C" },
	{ 0x4f, 0x69, "1", "\x1b[F" }, { 0x50, 0x72, "2", "\x1b[B" },
	{ 0x51, 0x7a, "3", "\x1b[6~" }, { 0x52, 0x70, "0", "\x1b[2~" },
	{ 0x53, 0x71, ".", "\x1b[3~" },
	/* Navigation keys. */
	{ 0xe048, 0xe075, "\x1b[A", "\x1b[1;2A" },
	{ 0xe050, 0xe072, "\x1b[B", "\x1b[1;2B" },
	{ 0xe04d, 0xe074, "\x1b[C", "\x1b[1;2C" },
	{ 0xe04b, 0xe06b, "\x1b[D", "\x1b[1;2D" },
	{ 0xe047, 0xe06c, "\x1b[H", "\x1b[1;2H" },
	{ 0xe04f, 0xe069, "\x1b[F", "\x1b[1;2F" },
	{ 0xe052, 0xe070, "\x1b[2~", "\x1b[2;2~" },
	{ 0xe053, 0xe071, "\x1b[3~", "\x1b[3;2~" },
	{ 0xe049, 0xe07d, "\x1b[5~", "\x1b[5;2~" },
	{ 0xe051, 0xe07a, "\x1b[6~", "\x1b[6;2~" },
	/* Function keys. */
	{ 0x3b, 0x05, "\x1bOP", "\x1b[1;2P" },
	{ 0x3c, 0x06, "\x1bOQ", "\x1b[1;2Q" },
	{ 0x3d, 0x04, "\x1bOR", "\x1b[1;2R" },
	{ 0x3e, 0x0c, "\x1bOS", "\x1b[1;2S" },
	{ 0x3f, 0x03, "\x1b[15~", "\x1b[15;2~" },
	{ 0x40, 0x0b, "\x1b[17~", "\x1b[17;2~" },
	{ 0x41, 0x83, "\x1b[18~", "\x1b[18;2~" },
	{ 0x42, 0x0a, "\x1b[19~", "\x1b[19;2~" },
	{ 0x43, 0x01, "\x1b[20~", "\x1b[20;2~" },
	{ 0x44, 0x09, "\x1b[21~", "\x1b[21;2~" },
	{ 0x57, 0x78, "\x1b[23~", "\x1b[23;2~" },
	{ 0x58, 0x07, "\x1b[24~", "\x1b[24;2~" },
	/* Keys that send nothing. */
	{ 0xe05b, 0xe01f, "", "" }, { 0xe05c, 0xe027, "", "" },
	{ 0xe05d, 0xe02f, "", "" }, { 0x46, 0x7e, "", "" },
	{ 0x54, 0x84, "", "" },
};

/* The bytes of a press or release of code in set. */
static size_t codes(int set, unsigned code, int release, uint8_t *b)
{
	size_t n = 0;

	if (code >> 8)
		b[n++] = 0xe0;
	if (release && set == 2)
		b[n++] = 0xf0;
	b[n++] = (uint8_t)((code & 0xff) | (release && set == 1 ? 0x80 : 0));
	return n;
}

/* Presses and releases code (with Shift held when shift), in set. */
static void tap(int set, unsigned code, int shift)
{
	struct keymap k;
	uint8_t b[16];
	size_t n = 0;
	unsigned lshift = set == 1 ? 0x2a : 0x12;

	keymap_init(&k, set);
	if (shift)
		n += codes(set, lshift, 0, b + n);
	n += codes(set, code, 0, b + n);
	n += codes(set, code, 1, b + n);
	if (shift)
		n += codes(set, lshift, 1, b + n);
	feed(&k, b, n);
}

/* Every key of the table, plain and shifted, in both sets. */
static void test_every_key(void)
{
	const struct key_case *c;
	int set, shift;
	unsigned code;
	const char *want;

	for (c = keys; c < keys + sizeof(keys) / sizeof(keys[0]); c++)
		for (set = 1; set <= 2; set++)
			for (shift = 0; shift <= 1; shift++) {
				code = set == 1 ? c->set1 : c->set2;
				want = shift ? c->shifted : c->plain;
				tap(set, code, shift);
				if (!CHECK(sent(want, strlen(want))))
					fprintf(stderr, "  key %#x set %d%s\n",
					    code, set, shift ? " shifted" : "");
			}
}

/* Modifiers are held between press and release, left and right alike. */
static void test_modifiers(void)
{
	struct keymap k;

	keymap_init(&k, 1);
	FEED(&k, 0x36, 0x1e, 0x9e, 0xb6, 0x1e, 0x9e);	/* RShift a, a */
	CHECK(SENT("Aa"));
	FEED(&k, 0x1e, 0x1e, 0x1e, 0x9e);		/* typematic repeat */
	CHECK(SENT("aaa"));
	FEED(&k, 0x1d, 0x2e, 0xae, 0x9d, 0x2e);		/* Ctrl-C, c */
	CHECK(SENT("\x03" "c"));
	FEED(&k, 0xe0, 0x1d, 0x20, 0xa0, 0xe0, 0x9d);	/* RCtrl-D */
	CHECK(SENT("\x04"));
	FEED(&k, 0x1d, 0x2a, 0x1e, 0xaa, 0x9d);		/* Ctrl-Shift-A */
	CHECK(SENT("\x01"));
	/* Ctrl with space, 2, [, \, ], 6, -, / */
	FEED(&k, 0x1d, 0x39, 0x03, 0x1a, 0x2b, 0x1b, 0x07, 0x0c, 0x35, 0x9d);
	CHECK(SENT("\0\0\x1b\x1c\x1d\x1e\x1f\x1f"));
	FEED(&k, 0x1d, 0x0e, 0x9d, 0x0e);		/* Ctrl-Backspace */
	CHECK(SENT("\b\x7f"));
	FEED(&k, 0x38, 0x2d, 0xad, 0xb8, 0x2d);		/* Alt-x, x */
	CHECK(SENT("\x1bx" "x"));
	FEED(&k, 0xe0, 0x38, 0x2a, 0x2d, 0xaa, 0xe0, 0xb8);	/* AltGr-X */
	CHECK(SENT("\x1bX"));
	FEED(&k, 0x38, 0x1d, 0x2e, 0x9d, 0xb8);		/* Ctrl-Alt-C */
	CHECK(SENT("\x1b\x03"));
	FEED(&k, 0xaa, 0xb6, 0x9d, 0x1e);	/* releases of keys not held */
	CHECK(SENT("a"));
}

/* xterm's modifier parameter on escape sequences. */
static void test_sequences(void)
{
	struct keymap k;

	keymap_init(&k, 1);
	FEED(&k, 0x1d, 0xe0, 0x4d, 0xe0, 0xcd, 0x9d);	/* Ctrl-Right */
	CHECK(SENT("\x1b[1;5C"));
	FEED(&k, 0x38, 0xe0, 0x48, 0xb8);		/* Alt-Up */
	CHECK(SENT("\x1b[1;3A"));
	FEED(&k, 0x1d, 0x38, 0x2a, 0xe0, 0x53, 0xaa, 0xb8, 0x9d);
	CHECK(SENT("\x1b[3;8~"));		/* Ctrl-Alt-Shift-Delete */
	FEED(&k, 0x1d, 0x58, 0x9d, 0x3b);		/* Ctrl-F12, F1 */
	CHECK(SENT("\x1b[24;5~" "\x1bOP"));
	FEED(&k, 0x1d, 0x3c, 0x9d);			/* Ctrl-F2 */
	CHECK(SENT("\x1b[1;5Q"));
}

/* Caps Lock inverts Shift on letters only; a held key toggles once. */
static void test_caps_lock(void)
{
	struct keymap k;

	keymap_init(&k, 1);
	FEED(&k, 0x3a, 0x3a, 0x3a, 0xba, 0x1e, 0x02);
	CHECK(SENT("A1"));
	FEED(&k, 0x2a, 0x1e, 0x02, 0xaa);
	CHECK(SENT("a!"));
	FEED(&k, 0x1d, 0x1e, 0x9d);		/* Ctrl-A is ^A either way */
	CHECK(SENT("\x01"));
	FEED(&k, 0x3a, 0xba, 0x1e);
	CHECK(SENT("a"));

	keymap_init(&k, 2);
	FEED(&k, 0x58, 0xf0, 0x58, 0x1c, 0xf0, 0x1c, 0x58, 0xf0, 0x58, 0x1c);
	CHECK(SENT("Aa"));
}

/* Num Lock off: the keypad sends navigation keys, Shift modifies them. */
static void test_num_lock(void)
{
	struct keymap k;

	keymap_init(&k, 1);
	FEED(&k, 0x45, 0xc5, 0x47, 0x4c, 0x52, 0x53, 0x37);
	CHECK(SENT("\x1b[H\x1b[E\x1b[2~\x1b[3~*"));
	FEED(&k, 0x2a, 0x48, 0xaa);
	CHECK(SENT("\x1b[1;2A"));
	FEED(&k, 0x45, 0xc5, 0x48);
	CHECK(SENT("8"));
}

/* Fake shifts, Print Screen, Pause, Break and replies send nothing. */
static void test_silent(void)
{
	struct keymap k;

	keymap_init(&k, 1);
	/* Print Screen, then a: the fake shift must not stick. */
	FEED(&k, 0xe0, 0x2a, 0xe0, 0x37, 0xe0, 0xb7, 0xe0, 0xaa, 0x1e);
	CHECK(SENT("a"));
	FEED(&k, 0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5, 0x1e);	/* Pause */
	CHECK(SENT("a"));
	FEED(&k, 0x1d, 0xe0, 0x46, 0xe0, 0xc6, 0x9d, 0x00, 0xff, 0x1e);
	CHECK(SENT("a"));				/* Break, errors */

	keymap_init(&k, 2);
	FEED(&k, 0xfa, 0xaa, 0xee, 0xfe, 0x00, 0xff, 0x1c);
	CHECK(SENT("a"));
	FEED(&k, 0xe1, 0x14, 0x77, 0xe1, 0xf0, 0x14, 0xf0, 0x77, 0x1c);
	CHECK(SENT("a"));
	FEED(&k, 0xe0, 0x12, 0xe0, 0x7c, 0xe0, 0xf0, 0x7c, 0xe0, 0xf0, 0x12,
	    0x1c);
	CHECK(SENT("a"));
	/* Shift-Up on a keyboard that fakes a shift release around it. */
	FEED(&k, 0x12, 0xe0, 0xf0, 0x12, 0xe0, 0x75, 0xe0, 0xf0, 0x75, 0xe0,
	    0x12, 0xf0, 0x12);
	CHECK(SENT("\x1b[1;2A"));
}

/* An unknown scancode is reported the first time only, never sends. */
static void test_unknown(void)
{
	struct keymap k;

	keymap_init(&k, 1);
	FEED(&k, 0xe0, 0x10, 0xe0, 0x90, 0x1e);		/* media: previous */
	CHECK(out_len == 1 && out[0] == 'a' && unknowns == 1);
	CHECK(last_unknown == 0xe010);
	FEED(&k, 0xe0, 0x10, 0xe0, 0x90);
	CHECK(SENT(""));
	FEED(&k, 0x59, 0xd9, 0x1e);
	CHECK(unknowns == 1 && last_unknown == 0x59 && out_len == 1);
	FEED(&k, 0x10);				/* the E0 did not stick */
	CHECK(SENT("q"));

	keymap_init(&k, 2);
	FEED(&k, 0x90, 0xf0, 0x90, 0xe0, 0x15, 0xe0, 0xf0, 0x15, 0x1c);
	CHECK(unknowns == 2 && last_unknown == 0xe015 && out_len == 1 &&
	    out[0] == 'a');
	FEED(&k, 0x90, 0xe0, 0x15, 0x1c);
	CHECK(SENT("a"));
}

/*
 * Any two bytes decode without a bad count, and unless they end inside a
 * prefix, the next q is a q (perhaps with a modifier left held).
 */
static void test_all_bytes(void)
{
	static const uint8_t prefixes[] = { 0xe0, 0xe1, 0xf0 };
	struct keymap k;
	uint8_t b[3];
	int set, i, j, bad = 0;
	char last;

	for (set = 1; set <= 2; set++)
		for (i = 0; i < 256; i++)
			for (j = 0; j < 256; j++) {
				keymap_init(&k, set);
				b[0] = (uint8_t)i;
				b[1] = (uint8_t)j;
				b[2] = set == 1 ? 0x10 : 0x15;
				feed(&k, b, 2);
				bad += unknowns >= 1000;
				if (memchr(prefixes, i, 3) ||
				    memchr(prefixes, j, 3))
					continue;
				feed(&k, b + 2, 1);
				last = out_len ? out[out_len - 1] : 0;
				bad += out_len < 1 || out_len > 2 ||
				    (last != 'q' && last != 'Q' &&
				    last != 0x11);
			}
	CHECK(bad == 0);
}

/* Runs the keymap cases; the status is check_report's. */
int main(void)
{
	test_every_key();
	test_modifiers();
	test_sequences();
	test_caps_lock();
	test_num_lock();
	test_silent();
	test_unknown();
	test_all_bytes();
	return check_report("keymap");
}
