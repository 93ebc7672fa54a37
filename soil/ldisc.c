/*
 * The terminal line discipline (see soil/ldisc.h).  The rules follow
 * Linux's n_tty: what is echoed for each editing key, which flags turn
 * what on, how a read ends.
 */
#include "kernel/string.h"
#include "soil/ldisc.h"

#define SIGINT		2	/* Linux's numbers */
#define SIGQUIT		3
#define DISABLED	0	/* a c_cc slot holding this is off */
#define MASK		(LDISC_SIZE - 1)
#define DEL		0x7f

enum erase { ERASE_CHAR, ERASE_WORD, ERASE_LINE };

/* The c_cc defaults of Linux's INIT_C_CC. */
static const cc_t default_cc[NCCS] = {
	[VINTR] = 0x03, [VQUIT] = 0x1c, [VERASE] = DEL, [VKILL] = 0x15,
	[VEOF] = 0x04, [VTIME] = 0, [VMIN] = 1, [VSTART] = 0x11,
	[VSTOP] = 0x13, [VSUSP] = 0x1a, [VREPRINT] = 0x12,
	[VDISCARD] = 0x0f, [VWERASE] = 0x17, [VLNEXT] = 0x16,
};

/* Starts l; see soil/ldisc.h. */
void ldisc_init(struct ldisc *l, void (*echo)(void *, const char *, size_t),
    void (*signal)(void *, int), void *ctx)
{
	memset(l, 0, sizeof(*l));
	l->echo = echo;
	l->signal = signal;
	l->ctx = ctx;
	l->tio.c_iflag = ICRNL | IXON | IUTF8;
	l->tio.c_oflag = OPOST | ONLCR;
	l->tio.c_cflag = B38400 | CS8 | CREAD | HUPCL;
	l->tio.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL |
	    ECHOKE | IEXTEN;
	memcpy(l->tio.c_cc, default_cc, sizeof(default_cc));
}

/* The bit of ring position pos in map. */
static bool test_bit(const uint8_t *map, size_t pos)
{
	pos &= MASK;
	return map[pos / 8] & 1u << pos % 8;
}

/* Sets or clears the bit of ring position pos in map. */
static void set_bit(uint8_t *map, size_t pos, bool on)
{
	pos &= MASK;
	if (on)
		map[pos / 8] |= (uint8_t)(1u << pos % 8);
	else
		map[pos / 8] &= (uint8_t)~(1u << pos % 8);
}

/* Whether lines are edited (ICANON). */
static bool canonical(const struct ldisc *l)
{
	return l->tio.c_lflag & ICANON;
}

/* Whether c is the enabled control character slot. */
static bool is(const struct ldisc *l, int slot, unsigned char c)
{
	return c != DISABLED && l->tio.c_cc[slot] == c;
}

/* Whether ECHOCTL shows c as ^X: control characters but TAB and NL. */
static bool shown_as_caret(const struct ldisc *l, unsigned char c)
{
	return (l->tio.c_lflag & ECHOCTL) && (c < 0x20 || c == DEL) &&
	    c != '\t' && c != '\n';
}

/* Advances column col over output byte c. */
static unsigned advance(unsigned col, unsigned char c)
{
	switch (c) {
	case '\n':
	case '\r':
		return 0;
	case '\b':
		return col ? col - 1 : 0;
	case '\t':
		return (col | 7) + 1;
	default:
		/* Control bytes and UTF-8 continuation bytes take no cell. */
		if (c < 0x20 || c == DEL || (c & 0xc0) == 0x80)
			return col;
		return col + 1;
	}
}

/* Notes program output; see soil/ldisc.h. */
void ldisc_wrote(struct ldisc *l, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		l->column = advance(l->column, (unsigned char)s[i]);
}

/* Writes echo and follows the column. */
static void emit(struct ldisc *l, const char *s, size_t n)
{
	l->echo(l->ctx, s, n);
	ldisc_wrote(l, s, n);
}

/* Echoes input byte c, a control character as ^X under ECHOCTL. */
static void echo_char(struct ldisc *l, unsigned char c)
{
	char caret[2] = { '^', (char)(c ^ 0x40) };

	if (shown_as_caret(l, c))
		emit(l, caret, 2);
	else
		emit(l, (const char *)&c, 1);
}

/* Columns the line's bytes before pos took on the screen. */
static unsigned column_at(const struct ldisc *l, size_t pos)
{
	unsigned col = l->line_column;
	unsigned char c;
	size_t i;

	for (i = l->ready; i != pos; i++) {
		c = (unsigned char)l->buf[i & MASK];
		col = shown_as_caret(l, c) ? col + 2 : advance(col, c);
	}
	return col;
}

/* Whether c counts as part of a word for WERASE: alphanumerics and _. */
static bool word_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c == '_';
}

/* Takes the last character off the screen, starting at pos. */
static void rub_out(struct ldisc *l, size_t pos)
{
	unsigned char c = (unsigned char)l->buf[pos & MASK];
	unsigned cols, col;

	if (c == '\t') {
		/* Back to where the tab started: only moves, nothing drawn. */
		col = column_at(l, pos);
		for (cols = l->column > col ? l->column - col : 0; cols; cols--)
			emit(l, "\b", 1);
		return;
	}
	cols = shown_as_caret(l, c) ? 2 : c < 0x20 || c == DEL ? 0 : 1;
	for (; cols; cols--)
		emit(l, "\b \b", 3);
}

/* ERASE, WERASE and KILL in canonical mode. */
static void erase(struct ldisc *l, enum erase kind, unsigned char c)
{
	tcflag_t lflag = l->tio.c_lflag;
	bool word = false;
	size_t pos;

	if (l->ready == l->tail)
		return;
	if (kind == ERASE_LINE && (!(lflag & ECHO) || !(lflag & ECHOK) ||
	    !(lflag & ECHOKE) || !(lflag & ECHOE))) {
		l->tail = l->ready;
		if (lflag & ECHO) {
			echo_char(l, c);
			if (lflag & ECHOK)
				emit(l, "\n", 1);
		}
		return;
	}
	while (l->ready != l->tail) {
		pos = l->tail - 1;
		if (l->tio.c_iflag & IUTF8)
			while (pos != l->ready &&
			    ((unsigned char)l->buf[pos & MASK] & 0xc0) == 0x80)
				pos--;
		if (kind == ERASE_WORD) {
			if (word_char((unsigned char)l->buf[pos & MASK]))
				word = true;
			else if (word)
				break;
		}
		l->tail = pos;
		if (lflag & ECHO) {
			if (kind == ERASE_CHAR && !(lflag & ECHOE)) {
				echo_char(l, c);
				return;
			}
			rub_out(l, pos);
		}
		if (kind == ERASE_CHAR)
			return;
	}
}

/* INTR, QUIT: flush, echo, raise the signal. */
static void interrupt(struct ldisc *l, unsigned char c, int sig)
{
	if (!(l->tio.c_lflag & NOFLSH))
		ldisc_flush(l);
	if (l->tio.c_lflag & ECHO)
		echo_char(l, c);
	l->signal(l->ctx, sig);
}

/*
 * Stores byte c (echoed when echo is set); a delimiter ends the line.
 * In canonical mode the last free byte is kept for a delimiter.
 */
static void store(struct ldisc *l, unsigned char c, bool delim, bool eof,
    bool echo)
{
	size_t used = l->tail - l->head;

	if (used == LDISC_SIZE ||
	    (canonical(l) && !delim && used == LDISC_SIZE - 1))
		return;
	if (l->ready == l->tail)
		l->line_column = l->column;
	l->buf[l->tail & MASK] = (char)c;
	set_bit(l->delim, l->tail, delim);
	set_bit(l->eof, l->tail, eof);
	l->tail++;
	if (delim || !canonical(l))
		l->ready = l->tail;
	if (!echo)
		return;
	if (c == '\n') {
		if (l->tio.c_lflag & (ECHO | ECHONL))
			emit(l, "\n", 1);
	} else if (l->tio.c_lflag & ECHO) {
		echo_char(l, c);
	}
}

/* Echoes the line being edited again on a fresh line (REPRINT). */
static void reprint(struct ldisc *l, unsigned char c)
{
	size_t i;

	if (!(l->tio.c_lflag & ECHO))
		return;
	echo_char(l, c);
	emit(l, "\n", 1);
	l->line_column = l->column;
	for (i = l->ready; i != l->tail; i++)
		echo_char(l, (unsigned char)l->buf[i & MASK]);
}

/* Canonical mode's special characters; true when c was one. */
static bool edit(struct ldisc *l, unsigned char c)
{
	tcflag_t lflag = l->tio.c_lflag;

	if (is(l, VERASE, c))
		erase(l, ERASE_CHAR, c);
	else if (is(l, VKILL, c))
		erase(l, ERASE_LINE, c);
	else if ((lflag & IEXTEN) && is(l, VWERASE, c))
		erase(l, ERASE_WORD, c);
	else if ((lflag & IEXTEN) && is(l, VLNEXT, c)) {
		l->lnext = true;
		if (lflag & ECHO)
			emit(l, "^\b", 2);
	} else if ((lflag & IEXTEN) && is(l, VREPRINT, c))
		reprint(l, c);
	else if (is(l, VEOF, c))
		store(l, c, true, true, false);
	else if (c == '\n' || is(l, VEOL, c) || is(l, VEOL2, c))
		store(l, c, true, false, true);
	else
		return false;
	return true;
}

/* Takes one input byte; see soil/ldisc.h. */
void ldisc_receive(struct ldisc *l, char ch)
{
	tcflag_t iflag = l->tio.c_iflag;
	unsigned char c = (unsigned char)ch;

	if (iflag & ISTRIP)
		c &= 0x7f;
	if (l->lnext) {
		/* Its echo overwrites the ^ that LNEXT left. */
		l->lnext = false;
		store(l, c, false, false, true);
		return;
	}
	if (c == '\r') {
		if (iflag & IGNCR)
			return;
		if (iflag & ICRNL)
			c = '\n';
	} else if (c == '\n' && (iflag & INLCR)) {
		c = '\r';
	}
	if (l->tio.c_lflag & ISIG) {
		if (is(l, VINTR, c)) {
			interrupt(l, c, SIGINT);
			return;
		}
		if (is(l, VQUIT, c)) {
			interrupt(l, c, SIGQUIT);
			return;
		}
	}
	if ((iflag & IXON) && (is(l, VSTOP, c) || is(l, VSTART, c)))
		return;
	if (canonical(l) && edit(l, c))
		return;
	store(l, c, false, false, true);
}

/* Bytes ready; see soil/ldisc.h. */
size_t ldisc_available(const struct ldisc *l)
{
	return l->ready - l->head;
}

/* Whether a read returns now; see soil/ldisc.h. */
bool ldisc_readable(const struct ldisc *l)
{
	size_t want = 1;

	if (!canonical(l) && !l->tio.c_cc[VTIME] && l->tio.c_cc[VMIN])
		want = l->tio.c_cc[VMIN];
	return ldisc_available(l) >= want;
}

/* Copies ready input; see soil/ldisc.h. */
size_t ldisc_read(struct ldisc *l, char *buf, size_t n)
{
	bool canon = canonical(l), delim;
	size_t got = 0;

	while (got < n && l->head != l->ready) {
		delim = test_bit(l->delim, l->head);
		if (!test_bit(l->eof, l->head))
			buf[got++] = l->buf[l->head & MASK];
		l->head++;
		if (canon && delim)
			return got;
	}
	/* A line that filled buf exactly takes its EOF along, as on Linux. */
	if (canon && got && l->head != l->ready && test_bit(l->eof, l->head))
		l->head++;
	return got;
}

/* Changes the settings; see soil/ldisc.h. */
void ldisc_set(struct ldisc *l, const struct termios *t)
{
	l->tio = *t;
	l->lnext = false;
	if (!canonical(l))
		l->ready = l->tail;
}

/* Drops all input; see soil/ldisc.h. */
void ldisc_flush(struct ldisc *l)
{
	l->head = l->ready = l->tail;
	l->lnext = false;
}
