/*
 * The idle loop (see kernel/idle.h).  It halts with interrupts enabled and
 * the local APIC timer armed for the deadline; any interrupt (the timer, a
 * device) ends the hlt, the pollers run and the loop checks again.  The
 * sti; hlt pair cannot lose a wake-up: an interrupt that came while
 * interrupts were off stays pending, and sti holds it back only until hlt
 * has begun, which it then ends.  Without a local APIC, or without a timer
 * for a finite deadline, the loop polls with pause instead.
 */
#include "drivers/irq.h"
#include "drivers/lapic.h"
#include "kernel/cpu.h"
#include "kernel/idle.h"
#include "kernel/panic.h"

/* Keyboard, serial, a few NICs: far fewer than this. */
#define MAX_POLLERS	16

static void (*pollers[MAX_POLLERS])(void);
static unsigned npollers;
static uint64_t halted_ticks;	/* TSC ticks spent in hlt */

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

/*
 * Waits for an interrupt, or for the timer at deadline_tsc; where neither
 * can come, only for a moment.
 */
static void halt(uint64_t deadline_tsc)
{
	uint64_t t0;

	if (!irq_active() || (deadline_tsc != IDLE_FOREVER &&
	    !lapic_timer_arm(deadline_tsc))) {
		cpu_relax();
		return;
	}
	t0 = rdtsc();
	__asm__ volatile("sti; hlt; cli" : : : "memory");
	halted_ticks += rdtsc() - t0;
}

/* TSC ticks the CPU spent halted; see kernel/idle.h. */
uint64_t idle_halted_ticks(void)
{
	return halted_ticks;
}

/* Waits for ready(arg) or the deadline; see kernel/idle.h. */
bool idle_wait(uint64_t deadline_tsc, bool (*ready)(void *arg), void *arg)
{
	bool done;

	for (;;) {
		idle_poll();
		if ((done = ready && ready(arg)) || rdtsc() >= deadline_tsc)
			break;
		halt(deadline_tsc);
	}
	/* An alarm left armed would only cost a needless wake-up later. */
	if (deadline_tsc != IDLE_FOREVER)
		lapic_timer_stop();
	return done;
}
