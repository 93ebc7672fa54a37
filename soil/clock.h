/*
 * Time for programs: the wall clock (the firmware's clock at boot plus TSC
 * ticks since) and the monotonic clock (TSC ticks since efi_main), and the
 * syscalls that read them or wait on them.  The file system stamps files
 * with soil_time_ns; its host tests supply their own.
 */
#ifndef SOIL_CLOCK_H
#define SOIL_CLOCK_H

#include <linux/time_types.h>
#include <stdint.h>
#include "efi/bootinfo.h"

/* Sets the wall clock from the firmware's time read at TSC tsc_at_read. */
void clock_init(const struct wall_time *t, uint64_t tsc_at_read);

/* Seconds since 1970 for a UTC calendar date (pure; tested on the host). */
int64_t clock_epoch_seconds(unsigned year, unsigned month, unsigned day,
    unsigned hour, unsigned minute, unsigned second);

/* Realtime (CLOCK_REALTIME) in nanoseconds since 1970. */
uint64_t soil_time_ns(void);

/* Nanoseconds since efi_main. */
uint64_t soil_uptime_ns(void);

/* The program's CPU time in nanoseconds: uptime less the idle loop's halts. */
uint64_t soil_cpu_ns(void);

long sys_clock_gettime(int clock, struct __kernel_timespec *ts);
long sys_clock_getres(int clock, struct __kernel_timespec *ts);
long sys_gettimeofday(struct __kernel_old_timeval *tv, void *tz);
long sys_time(long *t);
long sys_nanosleep(const struct __kernel_timespec *req,
    struct __kernel_timespec *rem);
long sys_clock_nanosleep(int clock, int flags,
    const struct __kernel_timespec *req, struct __kernel_timespec *rem);

#endif
