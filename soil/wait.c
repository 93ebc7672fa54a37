/*
 * Blocking through the idle loop (see soil/wait.h): a waiting program
 * costs no CPU once the idle loop halts between interrupts.
 */
#include <asm-generic/errno.h>
#include "drivers/tsc.h"
#include "kernel/cpu.h"
#include "kernel/idle.h"
#include "soil/clock.h"
#include "soil/signal.h"
#include "soil/timeout.h"
#include "soil/wait.h"

#define NS_PER_SEC	1000000000ull

struct waiter {
	bool (*ready)(void *arg);
	void *arg;
};

/* What ends the idle loop early: the condition or a signal. */
static bool woken(void *arg)
{
	struct waiter *w = arg;

	return w->ready(w->arg) || signal_pending();
}

/* The TSC value at uptime deadline (ns), or IDLE_FOREVER. */
static uint64_t tsc_deadline(uint64_t deadline)
{
	uint64_t left = timeout_left(deadline, soil_uptime_ns());
	uint64_t ticks, now = rdtsc();

	if (deadline == TIMEOUT_FOREVER)
		return IDLE_FOREVER;
	ticks = muldiv64(left, tsc_hz(), NS_PER_SEC);
	return ticks > IDLE_FOREVER - 1 - now ? IDLE_FOREVER - 1 : now + ticks;
}

/* Waits for ready(arg), a signal or the deadline. */
int soil_wait(uint64_t deadline, bool (*ready)(void *arg), void *arg)
{
	struct waiter w = { ready, arg };

	if (!idle_wait(tsc_deadline(deadline), woken, &w))
		return 0;
	return ready(arg) ? 1 : -EINTR;
}
