/* The firmware's calendar time to seconds since 1970. */
#include <stdint.h>
#include <time.h>
#include "soil/clock.h"
#include "tests/unit/check.h"

/* The C library's own conversion, as the reference. */
static int64_t reference(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
	    .tm_hour = h, .tm_min = mi, .tm_sec = s };

	return (int64_t)timegm(&tm);
}

/*
 * Epoch seconds of known dates, and of every month's start from 1970 to 2400
 * against a day-counting reference.
 */
int main(void)
{
	int y, m, ok = 1;

	CHECK(clock_epoch_seconds(1970, 1, 1, 0, 0, 0) == 0);
	CHECK(clock_epoch_seconds(2000, 2, 29, 12, 0, 0) == 951825600);
	CHECK(clock_epoch_seconds(2026, 12, 1, 12, 40, 6) ==
	    reference(2026, 12, 1, 12, 40, 6));
	/* every month boundary over four centuries, leap rules included */
	for (y = 1970; y < 2400; y++)
		for (m = 1; m <= 12; m++)
			ok &= clock_epoch_seconds(y, m, 1, 23, 59, 59) ==
			    reference(y, m, 1, 23, 59, 59);
	CHECK(ok);
	CHECK(clock_epoch_seconds(2100, 3, 1, 0, 0, 0) -
	    clock_epoch_seconds(2100, 2, 28, 0, 0, 0) == 86400);
	return check_report("calendar");
}
