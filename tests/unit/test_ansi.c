/*
 * Tests for the console's input parser: byte strings in, actions out.
 * Malformed input must be dropped and leave the parser ready for more.
 */
#include <stdint.h>
#include <string.h>

#include "drivers/ansi.h"
#include "tests/unit/check.h"

#define MAX_ACTS 4096

static struct ansi_action acts[MAX_ACTS];
static int nacts;
static struct ansi parser;

/* Records one action. */
static void record(void *ctx, const struct ansi_action *a)
{
	(void)ctx;
	if (nacts < MAX_ACTS)
		acts[nacts] = *a;
	nacts++;
}

/* Feeds s[0..n) to the parser after forgetting earlier actions. */
static void feedn(const char *s, size_t n)
{
	size_t i;

	nacts = 0;
	for (i = 0; i < n; i++)
		ansi_feed(&parser, (uint8_t)s[i]);
}

/* Feeds the NUL-terminated s. */
static void feed(const char *s)
{
	feedn(s, strlen(s));
}

/* Returns whether action i is (op, a, b). */
static int is(int i, enum ansi_op op, int32_t a, int32_t b)
{
	return i < nacts && acts[i].op == op && acts[i].a == a && acts[i].b == b;
}

/* Feeds s; returns whether it gave exactly the one action (op, a, b). */
static int one(const char *s, enum ansi_op op, int32_t a, int32_t b)
{
	feed(s);
	return nacts == 1 && is(0, op, a, b);
}

/* Feeds s; returns whether it gave the code points cps[0..n) and nothing else. */
static int puts_of(const char *s, const int32_t *cps, int n)
{
	int i;

	feed(s);
	if (nacts != n)
		return 0;
	for (i = 0; i < n; i++)
		if (!is(i, ANSI_PUT, cps[i], 0))
			return 0;
	return 1;
}

static void test_text(void)
{
	static const int32_t hi[] = { 'h', 'i' };
	static const int32_t utf[] = { 0xe9, 0x20ac, 0x1f600 };

	CHECK(puts_of("hi", hi, 2));
	CHECK(puts_of("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", utf, 3));
	/* A character split across writes. */
	feed("\xe2\x82");
	CHECK(nacts == 0);
	CHECK(one("\xac", ANSI_PUT, 0x20ac, 0));
	/* C1 controls and DEL draw nothing. */
	feed("\xc2\x85\x7f\x07");
	CHECK(nacts == 0);
}

static void test_bad_utf8(void)
{
	static const int32_t lone[] = { 0xfffd };
	static const int32_t cut[] = { 0xfffd, 'A' };
	static const int32_t overlong[] = { 0xfffd, 0xfffd };
	static const int32_t surrogate[] = { 0xfffd, 0xfffd, 0xfffd };
	static const int32_t big[] = { 0xfffd, 0xfffd, 0xfffd, 0xfffd };

	CHECK(puts_of("\xff", lone, 1));
	CHECK(puts_of("\x80", lone, 1));
	CHECK(puts_of("\xc3" "A", cut, 2));
	CHECK(puts_of("\xc0\x80", overlong, 2));
	CHECK(puts_of("\xed\xa0\x80", surrogate, 3));
	CHECK(puts_of("\xf4\x90\x80\x80", big, 4));
	/* A control breaks a character and is still carried out. */
	feed("\xe2\x82\n");
	CHECK(nacts == 2 && is(0, ANSI_PUT, 0xfffd, 0) && is(1, ANSI_LF, 0, 0));
	feed("\xc3\x1b[m");
	CHECK(nacts == 2 && is(0, ANSI_PUT, 0xfffd, 0) &&
	    is(1, ANSI_ATTR_RESET, 0, 0));
}

static void test_controls(void)
{
	CHECK(one("\r", ANSI_CR, 0, 0));
	CHECK(one("\n", ANSI_LF, 0, 0));
	CHECK(one("\v", ANSI_LF, 0, 0));
	CHECK(one("\b", ANSI_BS, 0, 0));
	CHECK(one("\t", ANSI_TAB, 0, 0));
	CHECK(one("\033c", ANSI_RESET, 0, 0));
	CHECK(one("\0337", ANSI_SAVE, 0, 0));
	CHECK(one("\0338", ANSI_RESTORE, 0, 0));
	CHECK(one("\033[s", ANSI_SAVE, 0, 0));
	CHECK(one("\033[u", ANSI_RESTORE, 0, 0));
}

static void test_cursor(void)
{
	CHECK(one("\033[H", ANSI_MOVE_TO, 0, 0));
	CHECK(one("\033[5;10H", ANSI_MOVE_TO, 4, 9));
	CHECK(one("\033[;7f", ANSI_MOVE_TO, 0, 6));
	CHECK(one("\033[0;0H", ANSI_MOVE_TO, 0, 0));
	CHECK(one("\033[3H", ANSI_MOVE_TO, 2, 0));
	CHECK(one("\033[A", ANSI_MOVE_BY, -1, 0));
	CHECK(one("\033[3B", ANSI_MOVE_BY, 3, 0));
	CHECK(one("\033[0C", ANSI_MOVE_BY, 0, 1));
	CHECK(one("\033[12D", ANSI_MOVE_BY, 0, -12));
	CHECK(one("\033[99999999A", ANSI_MOVE_BY, -ANSI_MAX_PARAM, 0));
	CHECK(one("\033[65540B", ANSI_MOVE_BY, ANSI_MAX_PARAM, 0));
	CHECK(one("\033[10000;6554H", ANSI_MOVE_TO, ANSI_MAX_PARAM - 1, 6553));
	CHECK(one("\033[?25l", ANSI_CURSOR, 0, 0));
	CHECK(one("\033[?25h", ANSI_CURSOR, 1, 0));
}

static void test_erase(void)
{
	CHECK(one("\033[J", ANSI_ERASE_DISPLAY, 0, 0));
	CHECK(one("\033[1J", ANSI_ERASE_DISPLAY, 1, 0));
	CHECK(one("\033[2J", ANSI_ERASE_DISPLAY, 2, 0));
	CHECK(one("\033[K", ANSI_ERASE_LINE, 0, 0));
	CHECK(one("\033[1K", ANSI_ERASE_LINE, 1, 0));
	CHECK(one("\033[2K", ANSI_ERASE_LINE, 2, 0));
	feed("\033[3J\033[9K");
	CHECK(nacts == 0);
}

static void test_sgr(void)
{
	CHECK(one("\033[m", ANSI_ATTR_RESET, 0, 0));
	CHECK(one("\033[0m", ANSI_ATTR_RESET, 0, 0));
	feed("\033[1;31;44m");
	CHECK(nacts == 3 && is(0, ANSI_BOLD, 1, 0) && is(1, ANSI_FG, 1, 0) &&
	    is(2, ANSI_BG, 4, 0));
	feed("\033[22;7;27;39;49m");
	CHECK(nacts == 5 && is(0, ANSI_BOLD, 0, 0) && is(1, ANSI_REVERSE, 1, 0) &&
	    is(2, ANSI_REVERSE, 0, 0) &&
	    is(3, ANSI_FG, ANSI_DEFAULT_COLOR, 0) &&
	    is(4, ANSI_BG, ANSI_DEFAULT_COLOR, 0));
	feed("\033[37;90;97;40;47;100;107m");
	CHECK(nacts == 7 && is(0, ANSI_FG, 7, 0) && is(1, ANSI_FG, 8, 0) &&
	    is(2, ANSI_FG, 15, 0) && is(3, ANSI_BG, 0, 0) &&
	    is(4, ANSI_BG, 7, 0) && is(5, ANSI_BG, 8, 0) &&
	    is(6, ANSI_BG, 15, 0));
	/* Unsupported values are skipped, extended colours with arguments. */
	CHECK(one("\033[4;38;5;196;32m", ANSI_FG, 2, 0));
	CHECK(one("\033[48;2;1;2;31;1m", ANSI_BOLD, 1, 0));
	feed("\033[38m\033[38;31m\033[38;5m");
	CHECK(nacts == 0);
}

static void test_dropped(void)
{
	/* Unknown finals, intermediates, private modes: nothing, then text. */
	CHECK(one("\033[5XA", ANSI_PUT, 'A', 0));
	CHECK(one("\033[1 qA", ANSI_PUT, 'A', 0));
	CHECK(one("\033(BA", ANSI_PUT, 'A', 0));
	CHECK(one("\033[?1049hA", ANSI_PUT, 'A', 0));
	CHECK(one("\033[>1mA", ANSI_PUT, 'A', 0));
	CHECK(one("\033[1?mA", ANSI_PUT, 'A', 0));
	CHECK(one("\033[1:2mA", ANSI_PUT, 'A', 0));
	CHECK(one("\033ZA", ANSI_PUT, 'A', 0));
	/* CAN abandons a sequence, ESC starts a new one. */
	CHECK(one("\033[31\030m", ANSI_PUT, 'm', 0));
	CHECK(one("\033[31\033[32m", ANSI_FG, 2, 0));
	/* A control inside a sequence is carried out, the sequence goes on. */
	feed("\033[3\n1m");
	CHECK(nacts == 2 && is(0, ANSI_LF, 0, 0) && is(1, ANSI_FG, 1, 0));
	/* A byte >= 0x80 ends a sequence and is read as text. */
	CHECK(one("\033[3\xc3\xa9", ANSI_PUT, 0xe9, 0));
	CHECK(one("\033\xc3\xa9", ANSI_PUT, 0xe9, 0));
}

static void test_bounds(void)
{
	char s[256];
	int i, only_puts = 1;

	/* 20 parameters: the first ANSI_MAX_PARAMS count, the rest do not. */
	strcpy(s, "\033[");
	for (i = 0; i < 20; i++)
		strcat(s, "1;");
	strcat(s, "31m");
	feed(s);
	CHECK(nacts == ANSI_MAX_PARAMS);
	for (i = 0; i < nacts; i++)
		CHECK(is(i, ANSI_BOLD, 1, 0));

	/* A sequence past ANSI_MAX_SEQ is abandoned; its tail is text. */
	strcpy(s, "\033[");
	memset(s + 2, '1', 100);
	strcpy(s + 102, "m");
	feed(s);
	CHECK(nacts == 100 - (ANSI_MAX_SEQ - 1) + 1);
	for (i = 0; i < nacts; i++)
		only_puts &= acts[i].op == ANSI_PUT;
	CHECK(only_puts);
	CHECK(is(nacts - 1, ANSI_PUT, 'm', 0));
	CHECK(one("\033[31m", ANSI_FG, 1, 0));
}

/* Whatever came before, CAN and a letter leave the parser in text. */
static void test_random(void)
{
	uint32_t x = 12345;
	uint8_t junk[64];
	int round, i, stuck = 0;

	for (round = 0; round < 20000; round++) {
		for (i = 0; i < 64; i++) {
			x = x * 1103515245 + 12345;
			junk[i] = (uint8_t)(x >> 16);
		}
		feedn((const char *)junk, (size_t)(x >> 8) % 64);
		feed("\030Q");
		if (nacts == 0 || !is(nacts - 1, ANSI_PUT, 'Q', 0))
			stuck++;
	}
	CHECK(stuck == 0);
}

int main(void)
{
	ansi_init(&parser, record, NULL);
	test_text();
	test_bad_utf8();
	test_controls();
	test_cursor();
	test_erase();
	test_sgr();
	test_dropped();
	test_bounds();
	test_random();
	return check_report("ansi");
}
