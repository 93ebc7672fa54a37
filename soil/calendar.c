/*
 * Calendar arithmetic for the wall clock (see soil/clock.h); pure, so it
 * is tested on the host.
 */
#include "soil/clock.h"

/*
 * Days from 1970-01-01 to a civil date, for any year from 1970 on: count
 * years from March so that the leap day comes last.
 */
int64_t clock_epoch_seconds(unsigned year, unsigned month, unsigned day,
    unsigned hour, unsigned minute, unsigned second)
{
	int64_t y = (int64_t)year - (month <= 2);
	int64_t era = y / 400;
	int64_t yoe = y - era * 400;
	int64_t mp = (month + 9) % 12;
	int64_t doy = (153 * mp + 2) / 5 + day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	int64_t days = era * 146097 + doe - 719468;

	return days * 86400 + hour * 3600 + minute * 60 + second;
}
