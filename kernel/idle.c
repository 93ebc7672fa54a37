/*
 * The idle loop (see kernel/idle.h).  Until the interrupt controllers and
 * the timer are up it waits by polling the TSC with pause.
 */
#include "kernel/cpu.h"
#include "kernel/idle.h"
#include "kernel/panic.h"

/* Keyboard, serial, a few NICs: far fewer than this. */
#define MAX_POLLERS	16

static void (*pollers[MAX_POLLERS])(void);
static unsigned npollers;

/* Registers poll to run on every wake-up; see kernel/idle.h. */
void idle_add_poller(void (*poll)(void))
{
	if (npollers == MAX_POLLERS)
		panic("idle: more than %d pollers", MAX_POLLERS);
	pollers[npollers++] = poll;
}

/* Runs every poller once. */
void idle_poll(void)
{
	unsigned i;

	for (i = 0; i < npollers; i++)
		pollers[i]();
}

/* Waits for ready(arg) or the deadline; see kernel/idle.h. */
bool idle_wait(uint64_t deadline_tsc, bool (*ready)(void *arg), void *arg)
{
	for (;;) {
		idle_poll();
		if (ready && ready(arg))
			return true;
		if (rdtsc() >= deadline_tsc)
			return false;
		cpu_relax();
	}
}
