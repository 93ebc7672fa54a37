/*
 * The console's input parser: a small state machine in the manner of the
 * DEC VT parser (vt100.net/emu/dec_ansi_parser), cut down to what the
 * console draws.  Controls inside a sequence are carried out as they come,
 * as terminals do; CAN and SUB abandon a sequence; a byte of 0x80 or more
 * ends one and is read again as text.
 */
#include "drivers/ansi.h"

enum {
	GROUND,		/* text */
	ESCAPE,		/* after ESC */
	ESCAPE_INTER,	/* after ESC and intermediate bytes: to be dropped */
	CSI,		/* after ESC [ */
};

#define ESC 0x1b
#define CAN 0x18
#define SUB 0x1a
#define DEL 0x7f
#define REPLACEMENT 0xfffd

/* Prepares p to parse text from its start, sending actions to emit(ctx). */
void ansi_init(struct ansi *p, ansi_emit_fn *emit, void *ctx)
{
	p->emit = emit;
	p->ctx = ctx;
	p->state = GROUND;
	utf8_init(&p->dec);
	p->len = 0;
}

/* Sends one action. */
static void emit(struct ansi *p, enum ansi_op op, int32_t a, int32_t b)
{
	struct ansi_action act = { op, a, b };

	p->emit(p->ctx, &act);
}

/* Carries out a C0 control other than ESC, CAN and SUB. */
static void control(struct ansi *p, uint8_t c)
{
	switch (c) {
	case '\r':
		emit(p, ANSI_CR, 0, 0);
		break;
	case '\n':
	case '\v':
	case '\f':
		emit(p, ANSI_LF, 0, 0);
		break;
	case '\b':
		emit(p, ANSI_BS, 0, 0);
		break;
	case '\t':
		emit(p, ANSI_TAB, 0, 0);
		break;
	}
}

/* Returns parameter i, or dflt when it is absent or 0. */
static int32_t param(const struct ansi *p, unsigned i, int32_t dflt)
{
	if (i >= p->nparams || i >= ANSI_MAX_PARAMS || p->params[i] == 0)
		return dflt;
	return p->params[i];
}

/* Sends the actions of one SGR parameter v. */
static void sgr_one(struct ansi *p, uint16_t v)
{
	if (v == 0)
		emit(p, ANSI_ATTR_RESET, 0, 0);
	else if (v == 1 || v == 22)
		emit(p, ANSI_BOLD, v == 1, 0);
	else if (v == 7 || v == 27)
		emit(p, ANSI_REVERSE, v == 7, 0);
	else if (v >= 30 && v <= 37)
		emit(p, ANSI_FG, v - 30, 0);
	else if (v == 39)
		emit(p, ANSI_FG, ANSI_DEFAULT_COLOR, 0);
	else if (v >= 40 && v <= 47)
		emit(p, ANSI_BG, v - 40, 0);
	else if (v == 49)
		emit(p, ANSI_BG, ANSI_DEFAULT_COLOR, 0);
	else if (v >= 90 && v <= 97)
		emit(p, ANSI_FG, v - 90 + 8, 0);
	else if (v >= 100 && v <= 107)
		emit(p, ANSI_BG, v - 100 + 8, 0);
}

/*
 * Sends the actions of CSI ... m.  38 and 48 (256-colour and RGB) are not
 * drawn, but their arguments are skipped so they are not taken for
 * attributes; a malformed one ends the list.
 */
static void sgr(struct ansi *p)
{
	unsigned i, n = p->nparams;
	uint16_t v;

	if (n > ANSI_MAX_PARAMS)
		n = ANSI_MAX_PARAMS;
	for (i = 0; i < n; i++) {
		v = p->params[i];
		if (v != 38 && v != 48) {
			sgr_one(p, v);
			continue;
		}
		if (i + 1 < n && p->params[i + 1] == 5)
			i += 2;
		else if (i + 1 < n && p->params[i + 1] == 2)
			i += 4;
		else
			return;
	}
}

/* Carries out a complete CSI sequence ending in final. */
static void dispatch(struct ansi *p, uint8_t final)
{
	int32_t n = param(p, 0, 1);

	if (p->marker == '?') {
		if ((final == 'h' || final == 'l') && p->nparams == 1 &&
		    p->params[0] == 25)
			emit(p, ANSI_CURSOR, final == 'h', 0);
		return;
	}
	if (p->marker != 0)
		return;
	switch (final) {
	case 'm':
		sgr(p);
		break;
	case 'H':
	case 'f':
		emit(p, ANSI_MOVE_TO, n - 1, param(p, 1, 1) - 1);
		break;
	case 'A':
		emit(p, ANSI_MOVE_BY, -n, 0);
		break;
	case 'B':
		emit(p, ANSI_MOVE_BY, n, 0);
		break;
	case 'C':
		emit(p, ANSI_MOVE_BY, 0, n);
		break;
	case 'D':
		emit(p, ANSI_MOVE_BY, 0, -n);
		break;
	case 'J':
	case 'K':
		n = param(p, 0, 0);
		if (n <= 2)
			emit(p, final == 'J' ? ANSI_ERASE_DISPLAY :
			    ANSI_ERASE_LINE, n, 0);
		break;
	case 's':
		emit(p, ANSI_SAVE, 0, 0);
		break;
	case 'u':
		emit(p, ANSI_RESTORE, 0, 0);
		break;
	}
}

/* Starts a CSI sequence with no parameters. */
static void csi_begin(struct ansi *p)
{
	p->state = CSI;
	p->nparams = 1;
	p->params[0] = 0;
	p->marker = 0;
	p->drop = 0;
	p->seen = 0;
}

/* Takes byte c (0x20-0x7e) of a CSI sequence. */
static void csi_byte(struct ansi *p, uint8_t c)
{
	uint16_t *v;
	uint32_t n;
	int first = !p->seen;

	p->seen = 1;
	if (c >= '0' && c <= '9') {
		if (p->nparams > ANSI_MAX_PARAMS)
			return;
		v = &p->params[p->nparams - 1];
		n = *v * 10u + (uint32_t)(c - '0');
		*v = n > ANSI_MAX_PARAM ? ANSI_MAX_PARAM : (uint16_t)n;
	} else if (c == ';') {
		if (p->nparams < ANSI_MAX_PARAMS)
			p->params[p->nparams] = 0;
		if (p->nparams <= ANSI_MAX_PARAMS)
			p->nparams++;
	} else if (c >= 0x3c && c <= 0x3f && first) {
		p->marker = c;
	} else if (c < 0x40) {
		/* Intermediates, ':' sub-parameters, misplaced markers. */
		p->drop = 1;
	} else {
		if (!p->drop)
			dispatch(p, c);
		p->state = GROUND;
	}
}

/* Takes byte c (0x20-0x7e) after ESC and any intermediates. */
static void escape_byte(struct ansi *p, uint8_t c)
{
	int plain = p->state == ESCAPE;

	if (c < 0x30) {
		p->state = ESCAPE_INTER;
		return;
	}
	p->state = GROUND;
	if (!plain)
		return;
	if (c == '[')
		csi_begin(p);
	else if (c == 'c')
		emit(p, ANSI_RESET, 0, 0);
	else if (c == '7')
		emit(p, ANSI_SAVE, 0, 0);
	else if (c == '8')
		emit(p, ANSI_RESTORE, 0, 0);
}

/* Takes a byte of text (state GROUND, not a C0 control). */
static void text_byte(struct ansi *p, uint8_t c)
{
	int32_t r;

	if (c == DEL && p->dec.need == 0)
		return;
	r = utf8_step(&p->dec, c);
	if (r == UTF8_MORE)
		return;
	if (r == UTF8_BAD_RETRY) {
		emit(p, ANSI_PUT, REPLACEMENT, 0);
		ansi_feed(p, c);
	} else if (r == UTF8_BAD) {
		emit(p, ANSI_PUT, REPLACEMENT, 0);
	} else if (r < 0x80 || r > 0x9f) {
		emit(p, ANSI_PUT, r, 0);
	}
}

/* Feeds one byte; emits zero or more actions. */
void ansi_feed(struct ansi *p, uint8_t c)
{
	if (p->state == GROUND) {
		if (c >= 0x20 || p->dec.need != 0) {
			text_byte(p, c);
		} else if (c == ESC) {
			p->state = ESCAPE;
			p->len = 0;
		} else {
			control(p, c);
		}
		return;
	}
	if (c >= 0x80 || ++p->len > ANSI_MAX_SEQ) {
		p->state = GROUND;
		ansi_feed(p, c);
	} else if (c == ESC) {
		p->state = ESCAPE;
		p->len = 0;
	} else if (c == CAN || c == SUB) {
		p->state = GROUND;
	} else if (c < 0x20) {
		control(p, c);
	} else if (c == DEL) {
		return;
	} else if (p->state == CSI) {
		csi_byte(p, c);
	} else {
		escape_byte(p, c);
	}
}
