/*
 * UTF-8 decoding.  The range check on each continuation byte follows
 * Unicode's table of well-formed sequences (chapter 3, table 3-7), which
 * rules out overlong forms and surrogates at the byte where they start.
 */
#include "drivers/font/utf8.h"

/* Resets u to expect the first byte of a sequence. */
void utf8_init(struct utf8 *u)
{
	u->cp = 0;
	u->need = 0;
	u->lo = 0x80;
	u->hi = 0xbf;
}

/* Prepares u for a sequence whose lead byte left cp and needs more bytes. */
static int32_t start(struct utf8 *u, uint32_t cp, uint8_t need, uint8_t lo,
    uint8_t hi)
{
	u->cp = cp;
	u->need = need;
	u->lo = lo;
	u->hi = hi;
	return UTF8_MORE;
}

/* Feeds byte b; returns a complete code point (>= 0) or a UTF8_ value. */
int32_t utf8_step(struct utf8 *u, uint8_t b)
{
	if (u->need == 0) {
		if (b < 0x80)
			return b;
		if (b < 0xc2)
			return UTF8_BAD;
		if (b < 0xe0)
			return start(u, b & 0x1f, 1, 0x80, 0xbf);
		if (b == 0xe0)
			return start(u, 0, 2, 0xa0, 0xbf);
		if (b == 0xed)
			return start(u, 0xd, 2, 0x80, 0x9f);
		if (b < 0xf0)
			return start(u, b & 0x0f, 2, 0x80, 0xbf);
		if (b == 0xf0)
			return start(u, 0, 3, 0x90, 0xbf);
		if (b < 0xf4)
			return start(u, b & 0x07, 3, 0x80, 0xbf);
		if (b == 0xf4)
			return start(u, 4, 3, 0x80, 0x8f);
		return UTF8_BAD;
	}
	if (b < u->lo || b > u->hi) {
		utf8_init(u);
		return UTF8_BAD_RETRY;
	}
	u->cp = u->cp << 6 | (b & 0x3f);
	u->lo = 0x80;
	u->hi = 0xbf;
	if (--u->need > 0)
		return UTF8_MORE;
	return (int32_t)u->cp;
}
