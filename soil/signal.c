/*
 * Signal state and delivery (see soil/signal.h).  The frame a handler
 * runs on is laid out as Linux lays it out on x86-64, because the handler
 * reads it through musl's ucontext_t and siginfo_t: OCaml's SIGSEGV
 * handler rewrites the saved rip and rdi in it to raise Stack_overflow.
 */
#include <asm-generic/errno.h>
#include "kernel/kprintf.h"
#include "kernel/string.h"
#include "soil/proc.h"
#include "soil/signal.h"
#include "soil/user.h"

#define NSIG		65	/* signals 1..64 */
#define SIGKILL		9
#define SIGSEGV		11
#define SIGSTOP		19

#define SIG_DFL		0
#define SIG_IGN		1
#define SA_ONSTACK	0x08000000ull
#define SA_RESETHAND	0x80000000ull
#define SA_NODEFER	0x40000000ull
#define SS_ONSTACK	1
#define SS_DISABLE	2
#define MINSIGSTKSZ	2048
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2
#define SEGV_MAPERR	1
#define SI_TKILL	(-6)

/* Flags a handler may not change when it returns: only the arithmetic
   flags, DF and RF; IF stays off (interrupts run only when idle). */
#define RESTORABLE_FLAGS 0x10cd5ull
#define RED_ZONE	128

/* struct sigcontext / mcontext_t: the general registers in this order. */
enum {
	REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
	REG_RDI, REG_RSI, REG_RBP, REG_RBX, REG_RDX, REG_RAX, REG_RCX, REG_RSP,
	REG_RIP, REG_EFL, REG_CSGSFS, REG_ERR, REG_TRAPNO, REG_OLDMASK,
	REG_CR2, NGREG
};

struct ucontext {
	uint64_t flags;
	uint64_t link;
	struct kernel_stack stack;
	uint64_t gregs[NGREG];
	uint64_t fpregs;	/* address of the fxsave area */
	uint64_t reserved[8];
	uint64_t sigmask;
};

struct siginfo {
	int32_t signo;
	int32_t err;
	int32_t code;
	int32_t pad;
	uint64_t addr;		/* si_addr; for kill: si_pid, si_uid */
	uint8_t rest[128 - 24];
};

struct sigframe {
	uint64_t restorer;	/* the handler's return address */
	struct ucontext uc;
	struct siginfo info;
};

/* fxsave's area: 512 bytes, 16-byte aligned. */
#define FPU_AREA	512

static struct kernel_sigaction actions[NSIG];
static uint64_t blocked;
static uint64_t pending;
static struct kernel_stack altstack = { .flags = SS_DISABLE };
static uint64_t saved_blocked;	/* the program's own, while ppoll waits */
static bool mask_saved;

/* The bit of sig in a signal set. */
static uint64_t bit(int sig)
{
	return 1ull << (sig - 1);
}

/* Signals whose default action is to do nothing. */
static int ignored_by_default(int sig)
{
	return sig == 17 || sig == 23 || sig == 28;	/* CHLD, URG, WINCH */
}

/* Is sig's action to do nothing? */
static int ignored(int sig)
{
	uint64_t h = actions[sig].handler;

	return h == SIG_IGN || (h == SIG_DFL && ignored_by_default(sig));
}

/* Whether sp lies on the alternate signal stack. */
static int on_altstack(uint64_t sp)
{
	return !(altstack.flags & SS_DISABLE) && sp > altstack.sp &&
	    sp <= altstack.sp + altstack.size;
}

/* Copies the frame's registers into mcontext order. */
static void save_registers(const struct trap_frame *f, uint64_t *g)
{
	g[REG_R8] = f->r8;
	g[REG_R9] = f->r9;
	g[REG_R10] = f->r10;
	g[REG_R11] = f->r11;
	g[REG_R12] = f->r12;
	g[REG_R13] = f->r13;
	g[REG_R14] = f->r14;
	g[REG_R15] = f->r15;
	g[REG_RDI] = f->rdi;
	g[REG_RSI] = f->rsi;
	g[REG_RBP] = f->rbp;
	g[REG_RBX] = f->rbx;
	g[REG_RDX] = f->rdx;
	g[REG_RAX] = f->rax;
	g[REG_RCX] = f->rcx;
	g[REG_RSP] = f->rsp;
	g[REG_RIP] = f->rip;
	g[REG_EFL] = f->rflags;
	g[REG_ERR] = f->error;
	g[REG_TRAPNO] = f->vector;
}

/* Copies mcontext registers back, keeping flags the handler may not set. */
static void restore_registers(struct trap_frame *f, const uint64_t *g)
{
	f->r8 = g[REG_R8];
	f->r9 = g[REG_R9];
	f->r10 = g[REG_R10];
	f->r11 = g[REG_R11];
	f->r12 = g[REG_R12];
	f->r13 = g[REG_R13];
	f->r14 = g[REG_R14];
	f->r15 = g[REG_R15];
	f->rdi = g[REG_RDI];
	f->rsi = g[REG_RSI];
	f->rbp = g[REG_RBP];
	f->rbx = g[REG_RBX];
	f->rdx = g[REG_RDX];
	f->rax = g[REG_RAX];
	f->rcx = g[REG_RCX];
	f->rsp = g[REG_RSP];
	f->rip = g[REG_RIP];
	f->rflags = (f->rflags & ~RESTORABLE_FLAGS) |
	    (g[REG_EFL] & RESTORABLE_FLAGS);
}

/* Delivers sig to f; see soil/signal.h. */
int signal_deliver(struct trap_frame *f, int sig, uint64_t addr)
{
	struct kernel_sigaction *a = &actions[sig];
	struct sigframe *sf;
	uint64_t sp;
	uint8_t *fpu;

	if (ignored(sig))
		return 0;
	if (a->handler == SIG_DFL || (blocked & bit(sig)))
		return -1;
	if ((a->flags & SA_ONSTACK) && !(altstack.flags & SS_DISABLE) &&
	    !on_altstack(f->rsp))
		sp = altstack.sp + altstack.size;
	else
		sp = f->rsp - RED_ZONE;
	sp = (sp - FPU_AREA) & ~63ull;
	fpu = (uint8_t *)(uintptr_t)sp;
	/* As after a call: the return address sits at 8 mod 16. */
	sp = ((sp - sizeof(*sf)) & ~15ull) - 8;
	sf = (struct sigframe *)(uintptr_t)sp;
	if (!user_ok(sf, sizeof(*sf) + FPU_AREA + 64))
		return -1;
	memset(sf, 0, sizeof(*sf));
	__asm__ volatile("fxsave64 %0" : "=m"(*(uint8_t (*)[FPU_AREA])fpu));
	sf->restorer = a->restorer;
	sf->uc.stack = altstack;
	if (on_altstack(f->rsp))
		sf->uc.stack.flags = SS_ONSTACK;
	save_registers(f, sf->uc.gregs);
	sf->uc.gregs[REG_CR2] = addr;
	sf->uc.fpregs = (uint64_t)(uintptr_t)fpu;
	sf->uc.sigmask = mask_saved ? saved_blocked : blocked;
	mask_saved = false;
	sf->info.signo = sig;
	sf->info.code = sig == SIGSEGV ? SEGV_MAPERR : SI_TKILL;
	sf->info.addr = sig == SIGSEGV ? addr : (uint64_t)sys_getpid();

	blocked |= a->mask;
	if (!(a->flags & SA_NODEFER))
		blocked |= bit(sig);
	if (a->flags & SA_RESETHAND)
		a->handler = SIG_DFL;
	f->rsp = sp;
	f->rip = a->handler;
	f->rdi = (uint64_t)sig;
	f->rsi = (uint64_t)(uintptr_t)&sf->info;
	f->rdx = (uint64_t)(uintptr_t)&sf->uc;
	f->rax = 0;
	return 0;
}

/* Delivers the signals raised during a syscall; see soil/signal.h. */
void signal_deliver_pending(struct trap_frame *f)
{
	int sig;

	for (sig = 1; sig < NSIG && (pending & ~blocked); sig++) {
		if (!(pending & bit(sig)) || (blocked & bit(sig)))
			continue;
		pending &= ~bit(sig);
		if (signal_deliver(f, sig, 0) < 0) {
			kprintf("program ended by signal %d\n", sig);
			sys_exit_group(128 + sig);
		}
		break;		/* one frame at a time, as Linux does */
	}
	signal_mask_restore();
}

/* Is a signal pending that would interrupt a wait? */
bool signal_pending(void)
{
	int sig;

	for (sig = 1; sig < NSIG; sig++)
		if ((pending & ~blocked & bit(sig)) && !ignored(sig))
			return true;
	return false;
}

/* Blocks mask until the syscall returns; see soil/signal.h. */
void signal_mask_during(uint64_t mask)
{
	if (!mask_saved) {
		saved_blocked = blocked;
		mask_saved = true;
	}
	blocked = mask & ~(bit(SIGKILL) | bit(SIGSTOP));
}

/* Puts back the mask signal_mask_during replaced. */
void signal_mask_restore(void)
{
	if (!mask_saved)
		return;
	blocked = saved_blocked;
	mask_saved = false;
}

/* rt_sigreturn: the handler returned through its restorer. */
void signal_return(struct trap_frame *f)
{
	/* The handler's ret popped the restorer address: rsp is &uc. */
	struct ucontext *uc = (struct ucontext *)(uintptr_t)f->rsp;
	uint8_t *fpu;

	if (!user_ok(uc, sizeof(*uc))) {
		kprintf("signal: rt_sigreturn with a bad stack %p\n", uc);
		sys_exit_group(128 + SIGSEGV);
	}
	fpu = (uint8_t *)(uintptr_t)uc->fpregs;
	if (fpu && user_ok(fpu, FPU_AREA) && !((uintptr_t)fpu & 15))
		__asm__ volatile("fxrstor64 %0" : :
		    "m"(*(const uint8_t (*)[FPU_AREA])fpu));
	blocked = uc->sigmask & ~(bit(SIGKILL) | bit(SIGSTOP));
	restore_registers(f, uc->gregs);
}

/* rt_sigaction: records the action; SIGKILL and SIGSTOP keep theirs. */
long sys_rt_sigaction(int sig, const struct kernel_sigaction *act,
    struct kernel_sigaction *old, size_t setsize)
{
	if (sig < 1 || sig >= NSIG || setsize != sizeof(uint64_t))
		return -EINVAL;
	if ((act && !user_ok(act, sizeof(*act))) ||
	    (old && !user_ok(old, sizeof(*old))))
		return -EFAULT;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (old)
		*old = actions[sig];
	if (act)
		actions[sig] = *act;
	return 0;
}

/* rt_sigprocmask: blocks or unblocks; SIGKILL and SIGSTOP never. */
long sys_rt_sigprocmask(int how, const uint64_t *set, uint64_t *old,
    size_t setsize)
{
	uint64_t s;

	if (setsize != sizeof(uint64_t))
		return -EINVAL;
	if ((set && !user_ok(set, sizeof(*set))) ||
	    (old && !user_ok(old, sizeof(*old))))
		return -EFAULT;
	if (old)
		*old = blocked;
	if (!set)
		return 0;
	s = *set & ~(bit(SIGKILL) | bit(SIGSTOP));
	switch (how) {
	case SIG_BLOCK:
		blocked |= s;
		return 0;
	case SIG_UNBLOCK:
		blocked &= ~s;
		return 0;
	case SIG_SETMASK:
		blocked = s;
		return 0;
	default:
		return -EINVAL;
	}
}

/* sigaltstack: records the alternate stack handlers may run on. */
long sys_sigaltstack(const struct kernel_stack *ss, struct kernel_stack *old)
{
	struct kernel_stack s;

	if ((ss && !user_ok(ss, sizeof(*ss))) ||
	    (old && !user_ok(old, sizeof(*old))))
		return -EFAULT;
	if (ss) {
		s = *ss;
		if (s.flags & ~SS_DISABLE)
			return -EINVAL;
		if (!(s.flags & SS_DISABLE) &&
		    (s.size < MINSIGSTKSZ || !user_ok((void *)(uintptr_t)s.sp,
		    s.size)))
			return -ENOMEM;
	}
	if (old) {
		*old = altstack;
		old->flags = altstack.flags & SS_DISABLE;
	}
	if (ss)
		altstack = s;
	return 0;
}

/* Raises sig at the process; it is delivered as the syscall returns. */
static long raise_at_self(int pid, int sig)
{
	if (sig < 0 || sig >= NSIG)
		return -EINVAL;
	if (pid != sys_getpid() && pid != 0 && pid != -1)
		return -ESRCH;
	if (sig)
		pending |= bit(sig);
	return 0;
}

/* kill: only the process itself can be signalled. */
long sys_kill(int pid, int sig)
{
	return raise_at_self(pid, sig);
}

/* tkill: the one thread is the process. */
long sys_tkill(int tid, int sig)
{
	return raise_at_self(tid, sig);
}

/* tgkill: the one thread of the one process. */
long sys_tgkill(int tgid, int tid, int sig)
{
	if (tgid != sys_getpid())
		return -ESRCH;
	return raise_at_self(tid, sig);
}
