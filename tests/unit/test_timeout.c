/*
 * Deadlines from poll's, ppoll's and select's timeouts (soil/timeout.c):
 * Linux's validity rules, select's microsecond carry, saturation.
 */
#include <asm-generic/errno.h>
#include <stdint.h>
#include "soil/timeout.h"
#include "tests/unit/check.h"

#define SEC	1000000000ull

/* poll's millisecond timeouts: negative waits forever. */
static void ms(void)
{
	CHECK(timeout_ms(-1, 5) == TIMEOUT_FOREVER);
	CHECK(timeout_ms(-1000, 5) == TIMEOUT_FOREVER);
	CHECK(timeout_ms(0, 5) == 5);
	CHECK(timeout_ms(1, 5) == 1000005);
	CHECK(timeout_ms(1500, 7) == 1500000007);
	CHECK(timeout_ms(2147483647, 0) == 2147483647ull * 1000000);
	CHECK(timeout_ms(1000, UINT64_MAX - 10) == TIMEOUT_FOREVER);
}

/* Timespec spans: carries, and saturation instead of wrapping. */
static void spans(void)
{
	uint64_t d = 42;

	CHECK(timeout_span(0, 0, 9, &d) == 0 && d == 9);
	CHECK(timeout_span(2, 5, 9, &d) == 0 && d == 2 * SEC + 14);
	CHECK(timeout_span(0, 999999999, 0, &d) == 0 && d == SEC - 1);
	d = 42;
	CHECK(timeout_span(0, 1000000000, 0, &d) == -EINVAL && d == 42);
	CHECK(timeout_span(-1, 0, 0, &d) == -EINVAL);
	CHECK(timeout_span(0, -1, 0, &d) == -EINVAL);
	CHECK(timeout_span(INT64_MAX, 999999999, 1, &d) == 0 &&
	    d == TIMEOUT_FOREVER);
	CHECK(timeout_span(18446744073, 709551615, 0, &d) == 0 &&
	    d == TIMEOUT_FOREVER);
	CHECK(timeout_span(18446744073, 709551614, 0, &d) == 0 &&
	    d == UINT64_MAX - 1);
}

/* select's timevals: carries, errors and saturation, as Linux has them. */
static void timevals(void)
{
	uint64_t d = 0;

	CHECK(timeout_timeval(1, 500000, 0, &d) == 0 && d == SEC + SEC / 2);
	/* Whole seconds in the microseconds carry, as Linux has it. */
	CHECK(timeout_timeval(1, 2500000, 0, &d) == 0 &&
	    d == 3 * SEC + SEC / 2);
	CHECK(timeout_timeval(5, -1000000, 0, &d) == 0 && d == 4 * SEC);
	CHECK(timeout_timeval(0, -1, 0, &d) == -EINVAL);
	CHECK(timeout_timeval(-1, 0, 0, &d) == -EINVAL);
	CHECK(timeout_timeval(-1, 2000000, 0, &d) == 0 && d == SEC);
	CHECK(timeout_timeval(INT64_MAX, 5000000, 0, &d) == 0 &&
	    d == TIMEOUT_FOREVER);
	CHECK(timeout_timeval(INT64_MIN, -5000000, 0, &d) == -EINVAL);
}

/* What is left of a wait, never below zero. */
static void left(void)
{
	CHECK(timeout_left(100, 40) == 60);
	CHECK(timeout_left(100, 100) == 0);
	CHECK(timeout_left(100, 140) == 0);
	CHECK(timeout_left(TIMEOUT_FOREVER, 0) == TIMEOUT_FOREVER);
}

/* Runs the timeout cases; the status is check_report's. */
int main(void)
{
	ms();
	spans();
	timevals();
	left();
	return check_report("timeout");
}
