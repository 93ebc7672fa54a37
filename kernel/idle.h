/*
 * The idle loop: the one place where the kernel waits, and (DESIGN.md's
 * machine model) the only time interrupts are enabled.  Blocking syscalls
 * (nanosleep, poll, epoll_wait, reads that wait for input) call idle_wait;
 * drivers register pollers that do their device work on every wake-up.
 */
#ifndef KERNEL_IDLE_H
#define KERNEL_IDLE_H

#include <stdbool.h>
#include <stdint.h>

#define IDLE_FOREVER	UINT64_MAX

/*
 * Waits with interrupts enabled (sti; hlt) until ready(arg) returns true
 * or the TSC passes deadline_tsc (IDLE_FOREVER: never); before each check
 * it runs every registered poller.  ready may be NULL: wait for the
 * deadline alone.  Called and returns with interrupts off.  Returns true
 * when ready, false on the deadline.
 */
bool idle_wait(uint64_t deadline_tsc, bool (*ready)(void *arg), void *arg);

/*
 * Registers device work the idle loop (and idle_poll) runs on every
 * wake-up: draining the keyboard, serial input, later NIC rings.
 */
void idle_add_poller(void (*poll)(void));

/* Runs the pollers once without waiting (syscalls that must not block). */
void idle_poll(void);

/*
 * TSC ticks the CPU has spent halted in the idle loop: what is not the
 * program's CPU time (getrusage, times, CLOCK_PROCESS_CPUTIME_ID).
 */
uint64_t idle_halted_ticks(void);

#endif
