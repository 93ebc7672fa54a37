/*
 * Clocks and sleeping (see soil/clock.h).  A sleep halts in the idle loop
 * (kernel/idle.h) until the TSC reaches its end.
 */
#include <asm-generic/errno.h>
#include <linux/time.h>
#include "drivers/tsc.h"
#include "kernel/cpu.h"
#include "kernel/idle.h"
#include "soil/clock.h"
#include "soil/user.h"

#define NS_PER_SEC	1000000000ull
#define UTC_OFFSET_UNKNOWN	0x7ff
#define WAIT_MAX_NS	(3600 * NS_PER_SEC)

static uint64_t boot_tsc;	/* TSC at the firmware clock reading */
static uint64_t boot_epoch_ns;	/* wall clock at boot_tsc */

/* Sets the wall clock; see soil/clock.h. */
void clock_init(const struct wall_time *t, uint64_t tsc_at_read)
{
	int64_t s;

	boot_tsc = tsc_at_read;
	if (!t->valid || t->year < 1970)
		return;
	s = clock_epoch_seconds(t->year, t->month, t->day, t->hour,
	    t->minute, t->second);
	/* TimeZone as the UEFI spec before 2.7 words it: local = UTC - TZ. */
	if (t->utc_offset != UTC_OFFSET_UNKNOWN)
		s += (int64_t)t->utc_offset * 60;
	boot_epoch_ns = (uint64_t)s * NS_PER_SEC;
}

/* Nanoseconds since efi_main. */
uint64_t soil_uptime_ns(void)
{
	return tsc_ns(rdtsc() - boot_tsc);
}

/* Wall-clock nanoseconds since 1970. */
uint64_t soil_time_ns(void)
{
	return boot_epoch_ns + soil_uptime_ns();
}

/* Reads clock in ns; -EINVAL for a clock we do not have. */
static long clock_read(int clock, uint64_t *ns)
{
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = soil_time_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
	/* One process that never waits for a CPU: its CPU time is uptime. */
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = soil_uptime_ns();
		return 0;
	default:
		return -EINVAL;
	}
}

static void to_timespec(uint64_t ns, struct __kernel_timespec *ts)
{
	ts->tv_sec = (long long)(ns / NS_PER_SEC);
	ts->tv_nsec = (long long)(ns % NS_PER_SEC);
}

long sys_clock_gettime(int clock, struct __kernel_timespec *ts)
{
	uint64_t ns;
	long err = clock_read(clock, &ns);

	if (err)
		return err;
	if (!user_ok(ts, sizeof(*ts)))
		return -EFAULT;
	to_timespec(ns, ts);
	return 0;
}

long sys_clock_getres(int clock, struct __kernel_timespec *ts)
{
	uint64_t ns;
	long err = clock_read(clock, &ns);

	if (err)
		return err;
	if (!ts)
		return 0;
	if (!user_ok(ts, sizeof(*ts)))
		return -EFAULT;
	to_timespec(1, ts);
	return 0;
}

long sys_gettimeofday(struct __kernel_old_timeval *tv, void *tz)
{
	uint64_t ns = soil_time_ns();

	(void)tz;	/* obsolete; Linux fills zeros only when asked */
	if (!tv)
		return 0;
	if (!user_ok(tv, sizeof(*tv)))
		return -EFAULT;
	tv->tv_sec = (long)(ns / NS_PER_SEC);
	tv->tv_usec = (long)(ns % NS_PER_SEC / 1000);
	return 0;
}

long sys_time(long *t)
{
	long s = (long)(soil_time_ns() / NS_PER_SEC);

	if (t) {
		if (!user_ok(t, sizeof(*t)))
			return -EFAULT;
		*t = s;
	}
	return s;
}

/*
 * Waits until clock reads at least until_ns: idles until the TSC tick
 * that far ahead, at most an hour at a time (the tick count stays far
 * from overflow), then checks the clock again.
 */
static void wait_until(int clock, uint64_t until_ns)
{
	uint64_t now, ns;

	while (!clock_read(clock, &now) && now < until_ns) {
		ns = until_ns - now < WAIT_MAX_NS ? until_ns - now : WAIT_MAX_NS;
		idle_wait(rdtsc() + muldiv64(ns, tsc_hz(), NS_PER_SEC) + 1,
		    NULL, NULL);
	}
}

long sys_clock_nanosleep(int clock, int flags,
    const struct __kernel_timespec *req, struct __kernel_timespec *rem)
{
	uint64_t now, until;
	long err;

	if (clock == CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL;
	err = clock_read(clock, &now);
	if (err)
		return err;
	if (!user_ok(req, sizeof(*req)))
		return -EFAULT;
	if (req->tv_sec < 0 || req->tv_nsec < 0 ||
	    (unsigned long long)req->tv_nsec >= NS_PER_SEC)
		return -EINVAL;
	until = (uint64_t)req->tv_sec * NS_PER_SEC + (uint64_t)req->tv_nsec;
	if (!(flags & TIMER_ABSTIME))
		until += now;
	wait_until(clock, until);
	/* Nothing interrupts a sleep yet: there is never time remaining. */
	if (rem && !(flags & TIMER_ABSTIME) && user_ok(rem, sizeof(*rem)))
		to_timespec(0, rem);
	return 0;
}

long sys_nanosleep(const struct __kernel_timespec *req,
    struct __kernel_timespec *rem)
{
	return sys_clock_nanosleep(CLOCK_MONOTONIC, 0, req, rem);
}
