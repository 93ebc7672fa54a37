/*
 * A parser for the text a console is given: UTF-8 and a subset of the
 * ANSI/ECMA-48 control sequences.  Bytes go in one at a time; what they
 * mean comes out as actions through a callback.  The parser keeps no
 * screen state (cursor, colours): that is the console's business.
 *
 * Understood: \r \n \b \t; ESC c (reset); ESC 7 / ESC 8 and CSI s / CSI u
 * (save and restore the cursor); CSI row;col H or f; CSI n A B C D;
 * CSI n J and CSI n K (n = 0, 1, 2); CSI ?25 h / l (show, hide the cursor);
 * CSI ... m with 0 1 7 22 27 30-37 39 40-47 49 90-97 100-107.  Any other
 * sequence is read to its end and dropped; a sequence longer than
 * ANSI_MAX_SEQ bytes is abandoned and the rest shows as text.  Bytes that
 * are not valid UTF-8 become U+FFFD.
 */
#ifndef DRIVERS_ANSI_H
#define DRIVERS_ANSI_H

#include <stdint.h>

#include "drivers/font/utf8.h"

#define ANSI_MAX_PARAMS 16	/* later parameters are ignored */
#define ANSI_MAX_PARAM 9999	/* larger values are clamped */
#define ANSI_MAX_SEQ 64		/* bytes in one sequence, after ESC */
#define ANSI_DEFAULT_COLOR -1	/* a, for ANSI_FG and ANSI_BG */

enum ansi_op {
	ANSI_PUT,		/* draw code point a at the cursor */
	ANSI_CR,		/* to column 0 */
	ANSI_LF,		/* to column 0 of the next line */
	ANSI_BS,		/* one column left */
	ANSI_TAB,		/* to the next multiple of 8 */
	ANSI_MOVE_TO,		/* to row a, column b, from 0, unclamped */
	ANSI_MOVE_BY,		/* a rows down, b columns right (signed) */
	ANSI_ERASE_DISPLAY,	/* a = 0 from cursor, 1 up to cursor, 2 all */
	ANSI_ERASE_LINE,	/* same, within the cursor's line */
	ANSI_SAVE,		/* remember cursor and attributes */
	ANSI_RESTORE,		/* go back to what ANSI_SAVE remembered */
	ANSI_RESET,		/* clear screen, home, default attributes */
	ANSI_CURSOR,		/* a = 1 show the cursor, 0 hide it */
	ANSI_ATTR_RESET,	/* default colours, bold and reverse off */
	ANSI_BOLD,		/* a = 1 on, 0 off */
	ANSI_REVERSE,		/* a = 1 on, 0 off */
	ANSI_FG,		/* a = colour 0-15 or ANSI_DEFAULT_COLOR */
	ANSI_BG,		/* same, for the background */
};

struct ansi_action {
	enum ansi_op op;
	int32_t a, b;
};

typedef void ansi_emit_fn(void *ctx, const struct ansi_action *act);

struct ansi {
	ansi_emit_fn *emit;
	void *ctx;
	int state;
	struct utf8 dec;
	uint16_t len;		/* bytes of the sequence so far */
	uint8_t nparams;
	uint8_t marker;		/* private marker (?, >, =, <) or 0 */
	uint8_t drop;		/* a byte we do not take was seen */
	uint8_t seen;		/* the CSI has had a byte */
	uint16_t params[ANSI_MAX_PARAMS];
};

/* Prepares p to parse text from its start, sending actions to emit(ctx). */
void ansi_init(struct ansi *p, ansi_emit_fn *emit, void *ctx);

/* Feeds one byte; emits zero or more actions. */
void ansi_feed(struct ansi *p, uint8_t byte);

#endif
