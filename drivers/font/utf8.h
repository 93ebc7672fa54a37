/*
 * A byte-at-a-time UTF-8 decoder, strict as Unicode requires: overlong
 * forms, surrogates and values past U+10FFFF are rejected.  It keeps no
 * globals, so the console's parser, the font table reader and the host
 * tools each own a decoder.
 */
#ifndef DRIVERS_FONT_UTF8_H
#define DRIVERS_FONT_UTF8_H

#include <stdint.h>

struct utf8 {
	uint32_t cp;		/* bits gathered so far */
	uint8_t need;		/* continuation bytes still expected */
	uint8_t lo, hi;		/* range allowed for the next byte */
};

enum {
	UTF8_MORE = -1,		/* byte taken; the sequence goes on */
	UTF8_BAD = -2,		/* byte taken; it cannot start a sequence */
	UTF8_BAD_RETRY = -3,	/* the pending sequence broke off before
				   this byte, which was not taken: feed it
				   again */
};

/* Resets u to expect the first byte of a sequence. */
void utf8_init(struct utf8 *u);

/* Feeds byte b; returns a complete code point (>= 0) or a UTF8_ value. */
int32_t utf8_step(struct utf8 *u, uint8_t b);

#endif
