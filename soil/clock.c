/*
 * Clocks and sleeping (see soil/clock.h).  A sleep halts in the idle loop
 * (soil/wait.h) until its end or a signal the program handles.
 */
#include <asm-generic/errno.h>
#include <linux/time.h>
#include "drivers/tsc.h"
#include "kernel/cpu.h"
#include "kernel/idle.h"
#include "soil/clock.h"
#include "soil/timeout.h"
#include "soil/user.h"
#include "soil/wait.h"

#define NS_PER_SEC	1000000000ull
#define UTC_OFFSET_UNKNOWN	0x7ff

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

/*
 * The program's CPU time: the one process never waits for a CPU, so it
 * is all the time since boot that the CPU was not halted.
 */
uint64_t soil_cpu_ns(void)
{
	return soil_uptime_ns() - tsc_ns(idle_halted_ticks());
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
		*ns = soil_uptime_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = soil_cpu_ns();
		return 0;
	default:
		return -EINVAL;
	}
}

/* Splits ns into a timespec. */
static void to_timespec(uint64_t ns, struct __kernel_timespec *ts)
{
	ts->tv_sec = (long long)(ns / NS_PER_SEC);
	ts->tv_nsec = (long long)(ns % NS_PER_SEC);
}

/* clock_gettime: reads one of the clocks. */
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

/* clock_getres: every clock counts nanoseconds. */
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

/* gettimeofday: the wall clock in microseconds. */
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

/* time: the wall clock in seconds. */
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

/* Nothing but the time or a signal ends a sleep. */
static bool never(void *arg)
{
	(void)arg;
	return false;
}

/*
 * Waits until clock reads at least until_ns, in the idle loop; a signal
 * the program handles ends it early.  Returns 0, or -EINTR with the
 * clock's reading in *now.
 */
static long wait_until(int clock, uint64_t until_ns, uint64_t *now)
{
	uint64_t up, left;

	while (!clock_read(clock, now) && *now < until_ns) {
		up = soil_uptime_ns();
		left = until_ns - *now;
		if (soil_wait(left > TIMEOUT_FOREVER - up ? TIMEOUT_FOREVER :
		    up + left, never, NULL) < 0)
			return -EINTR;
	}
	return 0;
}

/* clock_nanosleep: relative or absolute, ended early by a handled signal. */
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
	/* Saturates: a sleep past the 64-bit clock never ends by time. */
	err = timeout_span(req->tv_sec, req->tv_nsec,
	    flags & TIMER_ABSTIME ? 0 : now, &until);
	if (err)
		return err;
	err = wait_until(clock, until, &now);
	if (err && rem && !(flags & TIMER_ABSTIME) &&
	    user_ok(rem, sizeof(*rem)))
		to_timespec(until - now, rem);
	return err;
}

/* nanosleep: a relative sleep on the monotonic clock. */
long sys_nanosleep(const struct __kernel_timespec *req,
    struct __kernel_timespec *rem)
{
	return sys_clock_nanosleep(CLOCK_MONOTONIC, 0, req, rem);
}
