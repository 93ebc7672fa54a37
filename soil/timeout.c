/*
 * Deadlines from the timeouts programs pass (see soil/timeout.h).  A
 * deadline past the 64-bit clock saturates to TIMEOUT_FOREVER.
 */
#include <asm-generic/errno.h>
#include "soil/timeout.h"

#define NS_PER_SEC	1000000000ull
#define NS_PER_MS	1000000ull
#define US_PER_SEC	1000000ll

/* now + sec seconds + ns, saturating. */
static uint64_t after(uint64_t now, uint64_t sec, uint64_t ns)
{
	uint64_t room = TIMEOUT_FOREVER - now;

	if (sec > room / NS_PER_SEC || sec * NS_PER_SEC > room - ns)
		return TIMEOUT_FOREVER;
	return now + sec * NS_PER_SEC + ns;
}

/* Deadline for a timeout in milliseconds. */
uint64_t timeout_ms(long ms, uint64_t now)
{
	if (ms < 0)
		return TIMEOUT_FOREVER;
	return after(now, (uint64_t)ms / 1000, (uint64_t)ms % 1000 * NS_PER_MS);
}

/* Deadline for a timespec. */
int timeout_span(int64_t sec, int64_t nsec, uint64_t now, uint64_t *deadline)
{
	if (sec < 0 || nsec < 0 || (uint64_t)nsec >= NS_PER_SEC)
		return -EINVAL;
	*deadline = after(now, (uint64_t)sec, (uint64_t)nsec);
	return 0;
}

/* Deadline for a timeval; C's division truncates as the kernel's does. */
int timeout_timeval(int64_t sec, int64_t usec, uint64_t now,
    uint64_t *deadline)
{
	int64_t carry = usec / US_PER_SEC;

	if (carry > 0 && sec > INT64_MAX - carry)
		sec = INT64_MAX;
	else if (carry < 0 && sec < INT64_MIN - carry)
		return -EINVAL;
	else
		sec += carry;
	return timeout_span(sec, usec % US_PER_SEC * 1000, now, deadline);
}

/* Time left before deadline. */
uint64_t timeout_left(uint64_t deadline, uint64_t now)
{
	return deadline > now ? deadline - now : 0;
}
