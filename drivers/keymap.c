/*
 * Scancodes to terminal bytes (see drivers/keymap.h).  Both sets are
 * decoded through one table indexed by a key number: the set-1 make code,
 * plus 0x80 for an E0-prefixed key.  Set 2 codes become set-1 codes
 * through the same table the i8042 uses when it translates, so the two
 * sets cannot disagree on a key.
 */
#include "drivers/keymap.h"

enum kind {
	K_NONE,			/* unknown */
	K_SILENT,		/* known, sends nothing */
	K_CHAR,			/* base / shifted character */
	K_LETTER,		/* a letter: Caps Lock inverts Shift */
	K_BACKSPACE,
	K_TAB,
	K_MOD,			/* arg: its bit in held */
	K_LOCK,			/* arg: its bit in held */
	K_CSI,			/* ESC [ arg, or ESC [ 1 ; m arg */
	K_TILDE,		/* ESC [ arg ~, or ESC [ arg ; m ~ */
	K_SS3,			/* ESC O arg, or ESC [ 1 ; m arg */
	K_PAD,			/* keypad: base with Num Lock, else key arg */
};

enum {
	LSHIFT = 1 << 0, RSHIFT = 1 << 1, LCTRL = 1 << 2, RCTRL = 1 << 3,
	LALT = 1 << 4, RALT = 1 << 5, CAPS = 1 << 6, NUM = 1 << 7,
};

#define SHIFT	(LSHIFT | RSHIFT)
#define CTRL	(LCTRL | RCTRL)
#define ALT	(LALT | RALT)
#define ESC	0x1b
#define DEL	0x7f
#define E0(code)	(0x80 | (code))

struct key {
	uint8_t kind;
	char base, shifted;
	uint8_t arg;
};

#define CH(b, s)	{ K_CHAR, b, s, 0 }
#define SAME(c)		{ K_CHAR, c, c, 0 }
#define LT(c)		{ K_LETTER, c, (char)((c) - 'a' + 'A'), 0 }
#define KIND(k, a)	{ k, 0, 0, a }
#define PAD(c, nav)	{ K_PAD, c, c, nav }

/* Key numbers of the navigation keys the keypad stands for. */
#define HOME	E0(0x47)
#define UP	E0(0x48)
#define PGUP	E0(0x49)
#define LEFT	E0(0x4b)
#define BEGIN	E0(0x4c)	/* no real key sends it: the keypad's 5 */
#define RIGHT	E0(0x4d)
#define END	E0(0x4f)
#define DOWN	E0(0x50)
#define PGDN	E0(0x51)
#define INSERT	E0(0x52)
#define DELETE	E0(0x53)

static const struct key keys[256] = {
	[0x01] = SAME(ESC),
	[0x02] = CH('1', '!'), [0x03] = CH('2', '@'), [0x04] = CH('3', '#'),
	[0x05] = CH('4', '$'), [0x06] = CH('5', '%'), [0x07] = CH('6', '^'),
	[0x08] = CH('7', '&'), [0x09] = CH('8', '*'), [0x0a] = CH('9', '('),
	[0x0b] = CH('0', ')'), [0x0c] = CH('-', '_'), [0x0d] = CH('=', '+'),
	[0x0e] = KIND(K_BACKSPACE, 0), [0x0f] = KIND(K_TAB, 0),
	[0x10] = LT('q'), [0x11] = LT('w'), [0x12] = LT('e'),
	[0x13] = LT('r'), [0x14] = LT('t'), [0x15] = LT('y'),
	[0x16] = LT('u'), [0x17] = LT('i'), [0x18] = LT('o'),
	[0x19] = LT('p'), [0x1a] = CH('[', '{'), [0x1b] = CH(']', '}'),
	[0x1c] = SAME('\r'), [0x1d] = KIND(K_MOD, LCTRL),
	[0x1e] = LT('a'), [0x1f] = LT('s'), [0x20] = LT('d'),
	[0x21] = LT('f'), [0x22] = LT('g'), [0x23] = LT('h'),
	[0x24] = LT('j'), [0x25] = LT('k'), [0x26] = LT('l'),
	[0x27] = CH(';', ':'), [0x28] = CH('\'', '"'), [0x29] = CH('`', '~'),
	[0x2a] = KIND(K_MOD, LSHIFT), [0x2b] = CH('\\', '|'),
	[0x2c] = LT('z'), [0x2d] = LT('x'), [0x2e] = LT('c'),
	[0x2f] = LT('v'), [0x30] = LT('b'), [0x31] = LT('n'),
	[0x32] = LT('m'), [0x33] = CH(',', '<'), [0x34] = CH('.', '>'),
	[0x35] = CH('/', '?'), [0x36] = KIND(K_MOD, RSHIFT),
	[0x37] = SAME('*'), [0x38] = KIND(K_MOD, LALT), [0x39] = SAME(' '),
	[0x3a] = KIND(K_LOCK, CAPS),
	[0x3b] = KIND(K_SS3, 'P'), [0x3c] = KIND(K_SS3, 'Q'),
	[0x3d] = KIND(K_SS3, 'R'), [0x3e] = KIND(K_SS3, 'S'),
	[0x3f] = KIND(K_TILDE, 15), [0x40] = KIND(K_TILDE, 17),
	[0x41] = KIND(K_TILDE, 18), [0x42] = KIND(K_TILDE, 19),
	[0x43] = KIND(K_TILDE, 20), [0x44] = KIND(K_TILDE, 21),
	[0x45] = KIND(K_LOCK, NUM), [0x46] = KIND(K_SILENT, 0),	/* Scroll */
	[0x47] = PAD('7', HOME), [0x48] = PAD('8', UP), [0x49] = PAD('9', PGUP),
	[0x4a] = SAME('-'),
	[0x4b] = PAD('4', LEFT), [0x4c] = PAD('5', BEGIN),
	[0x4d] = PAD('6', RIGHT), [0x4e] = SAME('+'),
	[0x4f] = PAD('1', END), [0x50] = PAD('2', DOWN),
	[0x51] = PAD('3', PGDN),
	[0x52] = PAD('0', INSERT), [0x53] = PAD('.', DELETE),
	[0x54] = KIND(K_SILENT, 0),			/* Alt-SysRq */
	[0x56] = CH('<', '>'),				/* the 102nd key */
	[0x57] = KIND(K_TILDE, 23), [0x58] = KIND(K_TILDE, 24),

	[E0(0x1c)] = SAME('\r'), [E0(0x1d)] = KIND(K_MOD, RCTRL),
	[E0(0x2a)] = KIND(K_SILENT, 0),	/* the shifts some keyboards fake */
	[E0(0x36)] = KIND(K_SILENT, 0),	/* around navigation keys */
	[E0(0x35)] = SAME('/'), [E0(0x37)] = KIND(K_SILENT, 0),	/* PrtSc */
	[E0(0x38)] = KIND(K_MOD, RALT), [E0(0x46)] = KIND(K_SILENT, 0),
	[HOME] = KIND(K_CSI, 'H'), [UP] = KIND(K_CSI, 'A'),
	[PGUP] = KIND(K_TILDE, 5), [LEFT] = KIND(K_CSI, 'D'),
	[BEGIN] = KIND(K_CSI, 'E'), [RIGHT] = KIND(K_CSI, 'C'),
	[END] = KIND(K_CSI, 'F'), [DOWN] = KIND(K_CSI, 'B'),
	[PGDN] = KIND(K_TILDE, 6), [INSERT] = KIND(K_TILDE, 2),
	[DELETE] = KIND(K_TILDE, 3),
	[E0(0x5b)] = KIND(K_SILENT, 0), [E0(0x5c)] = KIND(K_SILENT, 0),
	[E0(0x5d)] = KIND(K_SILENT, 0),			/* Windows keys, Menu */
	[E0(0x5e)] = KIND(K_SILENT, 0), [E0(0x5f)] = KIND(K_SILENT, 0),
	[E0(0x63)] = KIND(K_SILENT, 0),		/* Power, Sleep, Wake */
};

/*
 * Set 2 code to set 1 code, as the i8042 translates (0: no such key).
 * E0-prefixed codes go through the same table.
 */
static const uint8_t set2_to_set1[0x85] = {
	0x00, 0x43, 0x41, 0x3f, 0x3d, 0x3b, 0x3c, 0x58,
	0x64, 0x44, 0x42, 0x40, 0x3e, 0x0f, 0x29, 0x59,
	0x65, 0x38, 0x2a, 0x70, 0x1d, 0x10, 0x02, 0x5a,
	0x66, 0x71, 0x2c, 0x1f, 0x1e, 0x11, 0x03, 0x5b,
	0x67, 0x2e, 0x2d, 0x20, 0x12, 0x05, 0x04, 0x5c,
	0x68, 0x39, 0x2f, 0x21, 0x14, 0x13, 0x06, 0x5d,
	0x69, 0x31, 0x30, 0x23, 0x22, 0x15, 0x07, 0x5e,
	0x6a, 0x72, 0x32, 0x24, 0x16, 0x08, 0x09, 0x5f,
	0x6b, 0x33, 0x25, 0x17, 0x18, 0x0b, 0x0a, 0x60,
	0x6c, 0x34, 0x35, 0x26, 0x27, 0x19, 0x0c, 0x61,
	0x6d, 0x73, 0x28, 0x74, 0x1a, 0x0d, 0x62, 0x6e,
	0x3a, 0x36, 0x1c, 0x1b, 0x75, 0x2b, 0x63, 0x76,
	0x55, 0x56, 0x77, 0x78, 0x79, 0x7a, 0x0e, 0x7b,
	0x7c, 0x4f, 0x7d, 0x4b, 0x47, 0x7e, 0x7f, 0x6f,
	0x52, 0x53, 0x50, 0x4c, 0x4d, 0x48, 0x01, 0x45,
	0x57, 0x4e, 0x51, 0x4a, 0x37, 0x49, 0x46, 0x54,
	0x00, 0x00, 0x00, 0x41, 0x54,
};

/* Starts decoding; see drivers/keymap.h. */
void keymap_init(struct keymap *k, int set)
{
	*k = (struct keymap){ .set = set == 2 ? 2 : 1, .num_lock = true };
}

/* The control character Ctrl makes of c, as xterm and Linux have it. */
static char control(char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return (char)(c & 0x1f);
	switch (c) {
	case ' ': case '2': case '@':
		return 0;
	case '3': case '[':
		return ESC;
	case '4': case '\\':
		return 0x1c;
	case '5': case ']':
		return 0x1d;
	case '6': case '^':
		return 0x1e;
	case '7': case '-': case '_': case '/':
		return 0x1f;
	case '8': case '?':
		return DEL;
	default:
		return c;
	}
}

/* Writes the decimal n (at most 99) at out; returns the digit count. */
static int put_number(char *out, unsigned n)
{
	if (n < 10) {
		out[0] = (char)('0' + n);
		return 1;
	}
	out[0] = (char)('0' + n / 10);
	out[1] = (char)('0' + n % 10);
	return 2;
}

/*
 * The escape sequence of a navigation or function key; mods is xterm's
 * modifier parameter minus 1.
 */
static int sequence(const struct key *d, unsigned mods, char *out)
{
	int n = 0;

	out[n++] = ESC;
	if (d->kind == K_SS3 && !mods) {
		out[n++] = 'O';
		out[n++] = (char)d->arg;
		return n;
	}
	out[n++] = '[';
	if (d->kind == K_TILDE)
		n += put_number(out + n, d->arg);
	else if (mods)
		out[n++] = '1';
	if (mods) {
		out[n++] = ';';
		n += put_number(out + n, mods + 1);
	}
	out[n++] = d->kind == K_TILDE ? '~' : (char)d->arg;
	return n;
}

/* The bytes a key press sends; see drivers/keymap.h. */
static int press(struct keymap *k, const struct key *d, char *out)
{
	static const struct key back_tab = KIND(K_CSI, 'Z');
	bool shift = k->held & SHIFT, ctrl = k->held & CTRL,
	    alt = k->held & ALT;
	int n = 0;
	char c;

	if (d->kind == K_PAD && (!k->num_lock || shift)) {
		/* Shift with Num Lock on reaches the navigation key. */
		d = &keys[d->arg];
		shift = shift && !k->num_lock;
	}
	switch (d->kind) {
	case K_CSI:
	case K_TILDE:
	case K_SS3:
		return sequence(d, shift | alt << 1 | ctrl << 2, out);
	case K_TAB:
		if (shift)
			return sequence(&back_tab, 0, out);
		c = '\t';
		break;
	case K_BACKSPACE:
		c = ctrl ? '\b' : DEL;
		ctrl = false;
		break;
	case K_LETTER:
		c = shift != k->caps_lock ? d->shifted : d->base;
		break;
	default:
		c = shift ? d->shifted : d->base;
		break;
	}
	if (ctrl)
		c = control(c);
	if (alt)
		out[n++] = ESC;
	out[n++] = c;
	return n;
}

/* Notes an unknown scancode; KEYMAP_UNKNOWN the first time it comes. */
static int unknown(struct keymap *k, unsigned code)
{
	unsigned i = (k->extended ? 0x100 : 0) | code;

	k->unknown = (uint16_t)((k->extended ? 0xe000 : 0) | code);
	k->extended = false;
	if (k->reported[i / 8] & 1u << i % 8)
		return 0;
	k->reported[i / 8] |= (uint8_t)(1u << i % 8);
	return KEYMAP_UNKNOWN;
}

/* Whether a set-2 byte is the keyboard's reply rather than a key. */
static bool is_reply(uint8_t byte)
{
	switch (byte) {
	case 0x00: case 0xaa: case 0xee: case 0xfa: case 0xfc: case 0xfd:
	case 0xfe: case 0xff:
		return true;
	default:
		return false;
	}
}

/* Decodes one byte; see drivers/keymap.h. */
int keymap_feed(struct keymap *k, uint8_t byte, char out[KEYMAP_OUT_MAX])
{
	const struct key *d;
	unsigned code;
	bool release;

	if (k->pause_left) {
		if (!(k->set == 2 && byte == 0xf0))
			k->pause_left--;
		return 0;
	}
	if (byte == 0xe1) {
		/* Pause: E1 and two codes, twice; it has no release. */
		k->pause_left = 2;
		return 0;
	}
	if (byte == 0xe0) {
		k->extended = true;
		return 0;
	}
	if (k->set == 1) {
		if (byte == 0x00 || byte == 0xff) {	/* overrun, error */
			k->extended = false;
			return 0;
		}
		release = byte & 0x80;
		code = byte & 0x7f;
	} else {
		if (byte == 0xf0) {
			k->release = true;
			return 0;
		}
		if (!k->extended && !k->release && is_reply(byte))
			return 0;
		release = k->release;
		k->release = false;
		code = byte < sizeof(set2_to_set1) ? set2_to_set1[byte] : 0;
	}
	d = &keys[(k->extended ? 0x80 : 0) | code];
	if (d->kind == K_NONE && !release)
		return unknown(k, k->set == 2 ? byte : code);
	k->extended = false;
	switch (d->kind) {
	case K_MOD:
		if (release)
			k->held &= (uint8_t)~d->arg;
		else
			k->held |= d->arg;
		return 0;
	case K_LOCK:
		if (release) {
			k->held &= (uint8_t)~d->arg;
		} else if (!(k->held & d->arg)) {	/* not a repeat */
			k->held |= d->arg;
			if (d->arg == CAPS)
				k->caps_lock = !k->caps_lock;
			else if (d->arg == NUM)
				k->num_lock = !k->num_lock;
		}
		return 0;
	case K_SILENT:
		return 0;
	default:
		return release ? 0 : press(k, d, out);
	}
}
