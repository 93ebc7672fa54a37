/*
 * How a syscall blocks: the idle loop (kernel/idle.h) runs until what the
 * syscall waits for is there, a signal interrupts, or the time is up.
 * Host unit tests supply their own soil_wait.
 */
#ifndef SOIL_WAIT_H
#define SOIL_WAIT_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Waits until ready(arg), a pending signal the program neither blocks
 * nor ignores, or deadline (soil/timeout.h; a deadline already passed
 * still lets device work run once).  Returns 1 when ready, 0 at the
 * deadline, -EINTR for the signal; readiness wins over the deadline and
 * the deadline over a signal, in the order Linux's poll checks them.
 */
int soil_wait(uint64_t deadline, bool (*ready)(void *arg), void *arg);

#endif
