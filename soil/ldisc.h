/*
 * A terminal line discipline, as Linux's n_tty has it for the flags a
 * program sets through termios: canonical mode (line editing with ERASE,
 * KILL, WERASE, LNEXT, REPRINT; lines end at NL, EOL, EOL2; EOF ends a
 * read and is end of file at the start of a line), echo (ECHO, ECHOE,
 * ECHOK, ECHOKE, ECHONL, ECHOCTL), ISIG (INTR and QUIT raise SIGINT and
 * SIGQUIT and flush input unless NOFLSH), the input maps ICRNL, INLCR,
 * IGNCR, ISTRIP, and IUTF8 for erasing whole characters.  IXON only
 * swallows START and STOP: output is never stopped.  SUSP is an ordinary
 * byte (there is no job control) and output flags are kept, not applied.
 *
 * Pure logic: bytes come in through ldisc_receive, echo goes out through
 * a callback, reads take what is ready.  Waiting (VMIN, VTIME, blocking)
 * is the caller's: soil/tty.c.
 */
#ifndef SOIL_LDISC_H
#define SOIL_LDISC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <asm-generic/termbits.h>

/* Input bytes held: lines ready to read and the line being edited. */
#define LDISC_SIZE	4096

struct ldisc {
	struct termios tio;
	/* Writes echo to the terminal. */
	void (*echo)(void *ctx, const char *s, size_t n);
	/* Raises signal sig at the program (SIGINT 2, SIGQUIT 3). */
	void (*signal)(void *ctx, int sig);
	void *ctx;
	char buf[LDISC_SIZE];
	uint8_t delim[LDISC_SIZE / 8];	/* positions that end a line */
	uint8_t eof[LDISC_SIZE / 8];	/* ... with EOF: not read as a byte */
	/* Free-running positions: [head, ready) can be read, [ready,
	   tail) is the line being edited (canonical mode only). */
	size_t head, ready, tail;
	unsigned column;	/* output column, to erase tabs */
	unsigned line_column;	/* column where the edited line began */
	bool lnext;		/* LNEXT came: the next byte is literal */
};

/*
 * Starts l with Linux's default termios (canonical, echo, ISIG, ICRNL,
 * IUTF8) and no input.
 */
void ldisc_init(struct ldisc *l, void (*echo)(void *, const char *, size_t),
    void (*signal)(void *, int), void *ctx);

/* Takes one input byte: edits, echoes, signals, queues. */
void ldisc_receive(struct ldisc *l, char c);

/*
 * Bytes ready to read: in canonical mode complete lines (an EOF counts
 * as one), otherwise everything received.
 */
size_t ldisc_available(const struct ldisc *l);

/*
 * Whether a read would return now, as poll sees it: canonical mode, a
 * line is ready; otherwise VMIN bytes are there (one when VMIN is 0 or
 * VTIME is set).
 */
bool ldisc_readable(const struct ldisc *l);

/*
 * Copies ready input to buf, at most n bytes: in canonical mode at most
 * one line, its NL, EOL or EOL2 included and its EOF dropped.  Returns
 * the count; 0 after an EOF at the start of a line (end of file) or
 * when nothing is ready.
 */
size_t ldisc_read(struct ldisc *l, char *buf, size_t n);

/*
 * Changes the termios settings.  Leaving canonical mode makes the line
 * being edited ready to read.
 */
void ldisc_set(struct ldisc *l, const struct termios *t);

/* Drops all input, ready or being edited. */
void ldisc_flush(struct ldisc *l);

/* Notes n bytes the program wrote to the terminal (for the column). */
void ldisc_wrote(struct ldisc *l, const char *s, size_t n);

#endif
