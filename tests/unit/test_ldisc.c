/*
 * Unit test of soil/ldisc.c, the line discipline: what is echoed for each
 * key, what a read returns in canonical and raw mode, signals, EOF, VMIN
 * readiness, the input maps.  Expectations follow Linux's n_tty.
 */
#include <asm-generic/termbits.h>
#include <string.h>

#include "soil/ldisc.h"
#include "tests/unit/check.h"

static char echoed[16384];
static size_t echoed_len;
static int signals[8];
static int nsignals;

/* Records what the discipline echoes. */
static void echo(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	if (echoed_len + n <= sizeof(echoed)) {
		memcpy(echoed + echoed_len, s, n);
		echoed_len += n;
	}
}

/* Records the signals it raises. */
static void raise_signal(void *ctx, int sig)
{
	(void)ctx;
	if (nsignals < 8)
		signals[nsignals++] = sig;
}

static struct ldisc l;

/* A fresh discipline with the default settings, nothing echoed. */
static void fresh(void)
{
	ldisc_init(&l, echo, raise_signal, NULL);
	echoed_len = 0;
	nsignals = 0;
}

/* Feeds n input bytes. */
static void type(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ldisc_receive(&l, s[i]);
}

#define TYPE(s) type(s, sizeof(s) - 1)

/* Whether the echo since the last call was exactly s; clears it. */
static int echo_was(const char *s, size_t n)
{
	int ok = echoed_len == n && !memcmp(echoed, s, n);

	if (!ok)
		fprintf(stderr, "  echoed %zu bytes: %.*s\n", echoed_len,
		    (int)echoed_len, echoed);
	echoed_len = 0;
	return ok;
}

#define ECHO_WAS(s) echo_was(s, sizeof(s) - 1)

/* Whether a read of up to n bytes returns exactly s. */
static int read_gives(size_t n, const char *s, size_t len)
{
	char buf[LDISC_SIZE + 16];
	size_t got = ldisc_read(&l, buf, n);

	return got == len && !memcmp(buf, s, len);
}

#define READ_GIVES(n, s) read_gives(n, s, sizeof(s) - 1)

/* cfmakeraw's settings, as musl and glibc have them. */
static void make_raw(void)
{
	struct termios t = l.tio;

	t.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR |
	    IGNCR | ICRNL | IXON);
	t.c_oflag &= ~(tcflag_t)OPOST;
	t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t.c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
	t.c_cflag |= CS8;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	ldisc_set(&l, &t);
}

/* Lines become readable at NL (CR through ICRNL), EOL; one per read. */
static void test_lines(void)
{
	fresh();
	TYPE("ab");
	CHECK(ECHO_WAS("ab"));
	CHECK(ldisc_available(&l) == 0 && !ldisc_readable(&l));
	TYPE("\r");		/* ICRNL: Enter is a newline */
	CHECK(ECHO_WAS("\n"));
	CHECK(ldisc_readable(&l) && ldisc_available(&l) == 3);
	CHECK(READ_GIVES(100, "ab\n"));
	CHECK(ldisc_available(&l) == 0);

	/* One line per read; a short buffer takes a line in pieces. */
	TYPE("one\rtwo\rthree\n");
	CHECK(READ_GIVES(100, "one\n"));
	CHECK(READ_GIVES(2, "tw"));
	CHECK(READ_GIVES(100, "o\n"));
	CHECK(READ_GIVES(100, "three\n"));
	CHECK(READ_GIVES(100, ""));

	/* EOL and EOL2 end lines when set, echoed as typed. */
	l.tio.c_cc[VEOL] = ';';
	TYPE("a;b");
	CHECK(ECHO_WAS("one\ntwo\nthree\na;b"));
	CHECK(READ_GIVES(100, "a;") && ldisc_available(&l) == 0);
}

/* ERASE: one character, shown rubbed out; tabs and UTF-8 by their width. */
static void test_erase(void)
{
	fresh();
	TYPE("abc\x7f\x7f" "d\r");
	CHECK(ECHO_WAS("abc\b \b\b \bd\n"));
	CHECK(READ_GIVES(100, "ad\n"));
	TYPE("\x7f");		/* nothing to erase: nothing echoed */
	CHECK(ECHO_WAS(""));
	TYPE("\x01\x7f");	/* ^A took two cells */
	CHECK(ECHO_WAS("^A\b \b\b \b"));

	/* A tab after a prompt: back to where it started. */
	fresh();
	ldisc_wrote(&l, "> ", 2);
	TYPE("a\tb\x7f\x7f\x7f");
	CHECK(ECHO_WAS("a\tb\b \b\b\b\b\b\b\b \b"));
	CHECK(l.column == 2);

	/* IUTF8: one erase takes the whole character. */
	fresh();
	TYPE("x\xc3\xa9\x7f\r");
	CHECK(ECHO_WAS("x\xc3\xa9\b \b\n"));
	CHECK(READ_GIVES(100, "x\n"));

	/* Without ECHOE the erase character is echoed instead. */
	fresh();
	l.tio.c_lflag &= ~(tcflag_t)ECHOE;
	TYPE("ab\x7f\r");
	CHECK(ECHO_WAS("ab^?\n"));
	CHECK(READ_GIVES(100, "a\n"));
}

/* KILL takes the line, WERASE a word. */
static void test_kill_and_werase(void)
{
	fresh();
	TYPE("abc\x15");
	CHECK(ECHO_WAS("abc\b \b\b \b\b \b"));
	TYPE("x\r");
	CHECK(READ_GIVES(100, "x\n"));

	/* ECHOKE off: ^U shown, then a new line (ECHOK). */
	fresh();
	l.tio.c_lflag &= ~(tcflag_t)ECHOKE;
	TYPE("abc\x15y\r");
	CHECK(ECHO_WAS("abc^U\ny\n"));
	CHECK(READ_GIVES(100, "y\n"));

	/* ^W: trailing blanks, then the word. */
	fresh();
	TYPE("foo bar  \x17");
	CHECK(ECHO_WAS("foo bar  \b \b\b \b\b \b\b \b\b \b"));
	TYPE("\x17\x17\r");
	CHECK(READ_GIVES(100, "\n"));

	/* IEXTEN off: ^W is a plain byte. */
	fresh();
	l.tio.c_lflag &= ~(tcflag_t)IEXTEN;
	TYPE("a\x17\r");
	CHECK(READ_GIVES(100, "a\x17\n"));
}

/* INTR and QUIT raise signals and flush; ISIG off and LNEXT make them data. */
static void test_signals(void)
{
	fresh();
	TYPE("done\rabc\x03");
	CHECK(ECHO_WAS("done\nabc^C"));
	CHECK(nsignals == 1 && signals[0] == 2);
	CHECK(ldisc_available(&l) == 0);	/* input flushed */
	TYPE("\r");
	CHECK(READ_GIVES(100, "\n"));
	TYPE("\x1c");
	CHECK(nsignals == 2 && signals[1] == 3 && ECHO_WAS("\n^\\"));

	/* NOFLSH keeps the input. */
	fresh();
	l.tio.c_lflag |= NOFLSH;
	TYPE("a\rb\x03");
	CHECK(nsignals == 1 && READ_GIVES(100, "a\n"));
	TYPE("\r");
	CHECK(READ_GIVES(100, "b\n"));

	/* ISIG off: ^C is data. */
	fresh();
	l.tio.c_lflag &= ~(tcflag_t)ISIG;
	TYPE("\x03\r");
	CHECK(nsignals == 0 && READ_GIVES(100, "\x03\n"));
	CHECK(ECHO_WAS("^C\n"));

	/* LNEXT quotes the next byte: no signal, and shown as ^C. */
	fresh();
	TYPE("\x16\x03\r");
	CHECK(nsignals == 0 && ECHO_WAS("^\b^C\n"));
	CHECK(READ_GIVES(100, "\x03\n"));
}

/* EOF: end of file at a line's start, the end of a read mid-line. */
static void test_eof(void)
{
	fresh();
	TYPE("\x04");
	CHECK(ECHO_WAS(""));
	CHECK(ldisc_readable(&l));
	CHECK(READ_GIVES(100, ""));		/* end of file */
	CHECK(ldisc_available(&l) == 0);
	TYPE("x\r");				/* not for good */
	CHECK(READ_GIVES(100, "x\n"));

	/* Mid-line, ^D ends the read without a newline. */
	TYPE("ab\x04");
	CHECK(READ_GIVES(100, "ab") && ldisc_available(&l) == 0);
	/* A line that fills the buffer exactly takes its EOF along. */
	TYPE("abc\x04");
	CHECK(READ_GIVES(3, "abc") && ldisc_available(&l) == 0);
	/* Two EOFs: the second is end of file. */
	TYPE("ab\x04\x04");
	CHECK(READ_GIVES(100, "ab") && READ_GIVES(100, ""));
}

/* Non-canonical mode: bytes as they come, VMIN readiness, and back. */
static void test_raw(void)
{
	fresh();
	TYPE("ab");
	make_raw();
	CHECK(ldisc_available(&l) == 2);	/* the edited line is ready */
	CHECK(READ_GIVES(100, "ab"));
	TYPE("\x1b[A\r\x03\x04\x7f\x15\x13");
	CHECK(ECHO_WAS("ab"));
	CHECK(nsignals == 0);
	CHECK(READ_GIVES(3, "\x1b[A"));
	CHECK(READ_GIVES(100, "\r\x03\x04\x7f\x15\x13"));

	/* VMIN: poll sees the read as ready once VMIN bytes are there. */
	l.tio.c_cc[VMIN] = 3;
	TYPE("xy");
	CHECK(!ldisc_readable(&l));
	TYPE("z");
	CHECK(ldisc_readable(&l));
	CHECK(READ_GIVES(2, "xy") && READ_GIVES(2, "z"));
	l.tio.c_cc[VMIN] = 0;
	CHECK(!ldisc_readable(&l));
	TYPE("q");
	CHECK(ldisc_readable(&l));
	l.tio.c_cc[VMIN] = 3;
	l.tio.c_cc[VTIME] = 5;		/* with VTIME, one byte is enough */
	CHECK(ldisc_readable(&l));
	CHECK(READ_GIVES(100, "q"));

	/* Back to canonical: lines again, and echo. */
	fresh();
	make_raw();
	TYPE("r");
	{
		struct termios t = l.tio;

		t.c_lflag |= ICANON | ECHO | ISIG | IEXTEN;
		t.c_iflag |= ICRNL;
		ldisc_set(&l, &t);
	}
	TYPE("s");
	CHECK(ECHO_WAS("s"));
	CHECK(READ_GIVES(100, "r"));	/* already received stays readable */
	CHECK(!ldisc_readable(&l));
	TYPE("\r");
	CHECK(READ_GIVES(100, "s\n"));
}

/* ECHO off, ECHONL, REPRINT, ECHOCTL off. */
static void test_echo_flags(void)
{
	/* No echo (a password prompt), ECHONL shows only the newline. */
	fresh();
	l.tio.c_lflag &= ~(tcflag_t)ECHO;
	TYPE("pw\x7fx\r");
	CHECK(ECHO_WAS(""));
	CHECK(READ_GIVES(100, "px\n"));
	l.tio.c_lflag |= ECHONL;
	TYPE("pw\r");
	CHECK(ECHO_WAS("\n"));

	/* REPRINT shows the line again. */
	fresh();
	TYPE("ab\x12");
	CHECK(ECHO_WAS("ab^R\nab"));
	/* ECHOCTL off: control bytes are echoed as they are. */
	fresh();
	l.tio.c_lflag &= ~(tcflag_t)ECHOCTL;
	TYPE("\x1b[A");
	CHECK(ECHO_WAS("\x1b[A"));
}

/* ICRNL, IGNCR, INLCR, ISTRIP, IXON. */
static void test_input_maps(void)
{
	fresh();
	l.tio.c_iflag &= ~(tcflag_t)ICRNL;
	TYPE("a\r\n");
	CHECK(READ_GIVES(100, "a\r\n"));
	l.tio.c_iflag |= IGNCR;
	TYPE("b\r\n");
	CHECK(READ_GIVES(100, "b\n"));
	l.tio.c_iflag = INLCR;		/* NL becomes CR, which ends nothing */
	TYPE("c\n");
	CHECK(ldisc_available(&l) == 0);
	l.tio.c_iflag = ISTRIP;
	TYPE("\xe4\n");
	CHECK(READ_GIVES(100, "c\rd\n"));

	/* IXON swallows ^S and ^Q; without it they are data. */
	fresh();
	TYPE("\x13\x11x\r");
	CHECK(READ_GIVES(100, "x\n"));
	l.tio.c_iflag &= ~(tcflag_t)IXON;
	TYPE("\x13\x11\r");
	CHECK(READ_GIVES(100, "\x13\x11\n"));
}

/* A full buffer drops input but keeps room to end a line. */
static void test_full(void)
{
	char buf[LDISC_SIZE + 16];
	size_t i;
	int ok = 1;

	/* A canonical line stops one byte short, so it can still end. */
	fresh();
	for (i = 0; i < LDISC_SIZE + 100; i++)
		ldisc_receive(&l, 'a');
	TYPE("\r");
	CHECK(ldisc_read(&l, buf, sizeof(buf)) == LDISC_SIZE);
	for (i = 0; i + 1 < LDISC_SIZE; i++)
		ok &= buf[i] == 'a';
	CHECK(ok && buf[LDISC_SIZE - 1] == '\n');

	/* Raw: everything fits but the last bytes; wrap-around keeps order. */
	make_raw();
	for (i = 0; i < 3 * LDISC_SIZE; i++) {
		ldisc_receive(&l, (char)i);
		if (i % 1000 == 999)
			ok &= ldisc_read(&l, buf, 1000) == 1000 &&
			    buf[0] == (char)(i - 999) && buf[999] == (char)i;
	}
	CHECK(ok);
}

/* Runs the line discipline cases; the status is check_report's. */
int main(void)
{
	test_lines();
	test_erase();
	test_kill_and_werase();
	test_signals();
	test_eof();
	test_raw();
	test_echo_flags();
	test_input_maps();
	test_full();
	return check_report("ldisc");
}
