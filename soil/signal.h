/*
 * Signals of the one process: what sigaction, sigprocmask and sigaltstack
 * record, and delivery.  Signals arrive from two places: a page fault in
 * the program's stack guard (SIGSEGV, so that OCaml raises Stack_overflow)
 * and the program raising one at itself (kill, tkill, tgkill).
 */
#ifndef SOIL_SIGNAL_H
#define SOIL_SIGNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kernel/trap.h"

struct kernel_sigaction {
	uint64_t handler;	/* SIG_DFL (0), SIG_IGN (1) or a function */
	uint64_t flags;		/* SA_* */
	uint64_t restorer;	/* the handler's return; calls rt_sigreturn */
	uint64_t mask;		/* blocked while the handler runs */
};

struct kernel_stack {
	uint64_t sp;
	int32_t flags;		/* SS_ONSTACK, SS_DISABLE */
	int32_t pad;
	uint64_t size;
};

/*
 * Delivers signal sig (with fault address addr, for SIGSEGV) to the
 * program whose registers are f: f is rewritten so that returning from
 * the trap or syscall enters the handler.  Returns 0, or -1 when the
 * signal's action is to end the program (the caller reports it).
 */
int signal_deliver(struct trap_frame *f, int sig, uint64_t addr);

/*
 * Delivers the signals raised during the syscall that is returning with
 * registers f; a signal whose action ends the program ends it here.
 */
void signal_deliver_pending(struct trap_frame *f);

/* rt_sigreturn: restores the context the handler was entered from. */
void signal_return(struct trap_frame *f);

/*
 * A signal is pending that the program neither blocks nor ignores: a
 * blocking syscall ends with -EINTR (soil/wait.h).
 */
bool signal_pending(void);

/*
 * ppoll, pselect6 and epoll_pwait block mask while they wait.
 * signal_mask_restore puts the program's own mask back; a syscall that
 * ends with -EINTR leaves that to signal_deliver_pending, which saves the
 * program's mask in the handler's frame, so the signal that interrupted
 * is delivered first, as Linux does.
 */
void signal_mask_during(uint64_t mask);
void signal_mask_restore(void);

long sys_rt_sigaction(int sig, const struct kernel_sigaction *act,
    struct kernel_sigaction *old, size_t setsize);
long sys_rt_sigprocmask(int how, const uint64_t *set, uint64_t *old,
    size_t setsize);
long sys_sigaltstack(const struct kernel_stack *ss, struct kernel_stack *old);
long sys_kill(int pid, int sig);
long sys_tkill(int tid, int sig);
long sys_tgkill(int tgid, int tid, int sig);

#endif
