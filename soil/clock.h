/*
 * The wall clock as Soil's file system sees it (file times).  Defined by
 * the time code of the kernel; host tests supply their own.
 */
#ifndef SOIL_CLOCK_H
#define SOIL_CLOCK_H

#include <stdint.h>

/* Realtime (CLOCK_REALTIME) in nanoseconds since 1970. */
uint64_t soil_time_ns(void);

#endif
