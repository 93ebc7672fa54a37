/*
 * Timeouts of the waiting syscalls (poll, select, epoll_wait and their
 * variants) as deadlines: nanoseconds on the clock of soil_uptime_ns,
 * checked the way Linux checks them.  Pure arithmetic, tested on the host.
 */
#ifndef SOIL_TIMEOUT_H
#define SOIL_TIMEOUT_H

#include <stdint.h>

#define TIMEOUT_FOREVER	UINT64_MAX

/* ms milliseconds after now; a negative ms never ends (poll, epoll_wait). */
uint64_t timeout_ms(long ms, uint64_t now);
/*
 * sec seconds and nsec nanoseconds after now into *deadline (ppoll,
 * pselect6): 0, or -EINVAL when sec < 0 or nsec is outside [0, 1e9).
 */
int timeout_span(int64_t sec, int64_t nsec, uint64_t now, uint64_t *deadline);
/*
 * A select timeval: whole seconds in usec carry into sec, as Linux has
 * it; what is negative after that is -EINVAL.
 */
int timeout_timeval(int64_t sec, int64_t usec, uint64_t now,
    uint64_t *deadline);
/* Nanoseconds from now to deadline; 0 once it has passed. */
uint64_t timeout_left(uint64_t deadline, uint64_t now);

#endif
