/*
 * poll(2), ppoll(2), select(2) and pselect6(2).  Each scans the files'
 * readiness (file_ops.poll; files without it are always readable and
 * writable), and while nothing is ready waits in the idle loop with the
 * scan as the condition, so the wait ends on the wake-up that changed
 * something.  Errors and their order, the revents filter, select's
 * fd_set handling and the time left written back follow Linux.
 */
#include <asm-generic/errno.h>
#include <asm-generic/poll.h>
#include <linux/fcntl.h>
#include "kernel/string.h"
#include "soil/clock.h"
#include "soil/file.h"
#include "soil/poll.h"
#include "soil/signal.h"
#include "soil/sys_event.h"
#include "soil/timeout.h"
#include "soil/user.h"
#include "soil/wait.h"

#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)
/* What makes select report an fd in each set. */
#define POLLIN_SET	(POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET	(POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET	POLLPRI

#define WORDS		(FD_LIMIT / 64)
#define SET_BYTES(n)	(((size_t)(n) + 63) / 64 * 8)
#define NS_PER_SEC	1000000000ull

/* The file at fd, unless closed or an O_PATH handle. */
struct file *poll_fd(int fd)
{
	struct file *f = fd_get(fd);

	return f && !(f->flags & O_PATH) ? f : NULL;
}

/* f's readiness. */
unsigned poll_file(struct file *f)
{
	return f->ops->poll ? f->ops->poll(f) : DEFAULT_POLLMASK;
}

/* Sets the wait's signal mask. */
long poll_mask_begin(const uint64_t *mask, size_t size)
{
	if (!mask)
		return 0;
	if (size != sizeof(*mask))
		return -EINVAL;
	if (!user_ok(mask, sizeof(*mask)))
		return -EFAULT;
	signal_mask_during(*mask);
	return 0;
}

/* Restores the program's mask unless a signal interrupted. */
long poll_mask_end(long r)
{
	if (r != -EINTR)
		signal_mask_restore();
	return r;
}

/*
 * Writes the time left before deadline to the caller's timespec or
 * timeval, as Linux does for select, pselect6 and ppoll: not after a
 * zero timeout, and silently not into memory that is not the program's.
 */
static void time_left(struct __kernel_timespec *ts,
    struct __kernel_old_timeval *tv, uint64_t deadline, bool zero)
{
	uint64_t left = timeout_left(deadline, soil_uptime_ns());

	if (zero)
		return;
	if (ts && user_ok(ts, sizeof(*ts))) {
		ts->tv_sec = (long long)(left / NS_PER_SEC);
		ts->tv_nsec = (long long)(left % NS_PER_SEC);
	}
	if (tv && user_ok(tv, sizeof(*tv))) {
		tv->tv_sec = (long)(left / NS_PER_SEC);
		tv->tv_usec = (long)(left % NS_PER_SEC / 1000);
	}
}

struct poll_set {
	struct pollfd *fds;
	unsigned n;
};

/* Sets every revents; returns how many are non-zero. */
static unsigned poll_scan(struct poll_set *s)
{
	unsigned i, count = 0, want;
	struct pollfd *p;
	struct file *f;

	for (i = 0; i < s->n; i++) {
		p = &s->fds[i];
		want = (unsigned short)p->events | POLLERR | POLLHUP;
		if (p->fd < 0)
			p->revents = 0;
		else if (!(f = poll_fd(p->fd)))
			p->revents = POLLNVAL;
		else
			p->revents = (short)(poll_file(f) & want);
		count += p->revents != 0;
	}
	return count;
}

/* soil_wait's test for poll. */
static bool poll_ready(void *arg)
{
	return poll_scan(arg) > 0;
}

/* poll's core: scan, wait, scan once more at the deadline. */
static long do_poll(struct pollfd *fds, unsigned int nfds, uint64_t deadline)
{
	struct poll_set s = { fds, nfds };
	unsigned count;
	int r = 1;

	if (nfds > FD_LIMIT)
		return -EINVAL;
	if (nfds && !user_ok(fds, (size_t)nfds * sizeof(*fds)))
		return -EFAULT;
	for (;;) {
		if ((count = poll_scan(&s)) || !r)
			return count;
		if ((r = soil_wait(deadline, poll_ready, &s)) < 0)
			return r;
	}
}

/* poll(2): timeout in ms, negative for none. */
long sys_poll(struct pollfd *fds, unsigned int nfds, int timeout)
{
	return do_poll(fds, nfds, timeout_ms(timeout, soil_uptime_ns()));
}

/* ppoll(2): a timespec (NULL: none) and a signal mask for the wait. */
long sys_ppoll(struct pollfd *fds, unsigned int nfds,
    struct __kernel_timespec *tsp, const uint64_t *sigmask,
    size_t sigsetsize)
{
	uint64_t deadline = TIMEOUT_FOREVER;
	bool zero = false;
	long r;

	if (tsp) {
		if (!user_ok(tsp, sizeof(*tsp)))
			return -EFAULT;
		if (timeout_span(tsp->tv_sec, tsp->tv_nsec, soil_uptime_ns(),
		    &deadline))
			return -EINVAL;
		zero = !tsp->tv_sec && !tsp->tv_nsec;
	}
	if ((r = poll_mask_begin(sigmask, sigsetsize)))
		return r;
	r = poll_mask_end(do_poll(fds, nfds, deadline));
	time_left(tsp, NULL, deadline, zero);
	return r;
}

struct select_set {
	unsigned n;
	uint64_t in[WORDS], out[WORDS], ex[WORDS];
	uint64_t res_in[WORDS], res_out[WORDS], res_ex[WORDS];
};

/*
 * Fills the ready bits; returns their number (one fd may count thrice).
 * O_PATH handles are polled as files without poll, as Linux 6.18's
 * select does; poll and epoll do not see them.
 */
static unsigned select_scan(struct select_set *s)
{
	unsigned fd, count = 0, w;
	uint64_t bit;
	unsigned mask;
	struct file *f;

	memset(s->res_in, 0, sizeof(s->res_in));
	memset(s->res_out, 0, sizeof(s->res_out));
	memset(s->res_ex, 0, sizeof(s->res_ex));
	for (fd = 0; fd < s->n; fd++) {
		w = fd / 64;
		bit = 1ull << fd % 64;
		if (!((s->in[w] | s->out[w] | s->ex[w]) & bit))
			continue;
		f = fd_get((int)fd);
		mask = f ? poll_file(f) : POLLNVAL;
		if ((mask & POLLIN_SET) && (s->in[w] & bit)) {
			s->res_in[w] |= bit;
			count++;
		}
		if ((mask & POLLOUT_SET) && (s->out[w] & bit)) {
			s->res_out[w] |= bit;
			count++;
		}
		if ((mask & POLLEX_SET) && (s->ex[w] & bit)) {
			s->res_ex[w] |= bit;
			count++;
		}
	}
	return count;
}

/* soil_wait's test for select. */
static bool select_ready(void *arg)
{
	return select_scan(arg) > 0;
}

/* Reads a set of n bits from the program; NULL reads as empty. */
static int set_in(uint64_t *set, const __kernel_fd_set *u, unsigned n)
{
	memset(set, 0, WORDS * sizeof(*set));
	if (!u || !n)
		return 0;
	if (!user_ok(u, SET_BYTES(n)))
		return -EFAULT;
	memcpy(set, u, SET_BYTES(n));
	return 0;
}

/* Writes a result set of n bits back; NULL is skipped. */
static int set_out(__kernel_fd_set *u, const uint64_t *set, unsigned n)
{
	if (!u || !n)
		return 0;
	if (!user_ok(u, SET_BYTES(n)))
		return -EFAULT;
	memcpy(u, set, SET_BYTES(n));
	return 0;
}

/* Every fd named in a set must be open (O_PATH handles count). */
static long select_check(const struct select_set *s)
{
	unsigned fd;

	for (fd = 0; fd < s->n; fd++)
		if (((s->in[fd / 64] | s->out[fd / 64] | s->ex[fd / 64]) >>
		    fd % 64 & 1) && !fd_get((int)fd))
			return -EBADF;
	return 0;
}

/*
 * select's core.  fds past the table's end are not looked at, as Linux
 * cuts n to its table; ours is FD_LIMIT long.  The sets are written back
 * unless the call fails; nothing ready with a signal pending is -EINTR.
 */
static long do_select(int n, __kernel_fd_set *in, __kernel_fd_set *out,
    __kernel_fd_set *ex, uint64_t deadline)
{
	struct select_set s;
	long count, r = 1;

	if (n < 0)
		return -EINVAL;
	s.n = n > FD_LIMIT ? FD_LIMIT : (unsigned)n;
	if (set_in(s.in, in, s.n) || set_in(s.out, out, s.n) ||
	    set_in(s.ex, ex, s.n))
		return -EFAULT;
	if ((count = select_check(&s)) < 0)
		return count;
	while (!(count = select_scan(&s)) && r > 0)
		if ((r = soil_wait(deadline, select_ready, &s)) < 0)
			return r;
	if (!count && signal_pending())
		return -EINTR;
	if (set_out(in, s.res_in, s.n) || set_out(out, s.res_out, s.n) ||
	    set_out(ex, s.res_ex, s.n))
		return -EFAULT;
	return count;
}

/* select(2): the timeval (NULL: no timeout) gets the time left. */
long sys_select(int n, __kernel_fd_set *in, __kernel_fd_set *out,
    __kernel_fd_set *ex, struct __kernel_old_timeval *tvp)
{
	uint64_t deadline = TIMEOUT_FOREVER;
	bool zero = false;
	long r;

	if (tvp) {
		if (!user_ok(tvp, sizeof(*tvp)))
			return -EFAULT;
		if (timeout_timeval(tvp->tv_sec, tvp->tv_usec, soil_uptime_ns(),
		    &deadline))
			return -EINVAL;
		zero = !tvp->tv_sec && !tvp->tv_usec;
	}
	r = do_select(n, in, out, ex, deadline);
	time_left(NULL, tvp, deadline, zero);
	return r;
}

/* pselect6's last argument. */
struct sigset_arg {
	const uint64_t *mask;
	size_t size;
};

/* pselect6(2): select with a timespec and a signal mask for the wait. */
long sys_pselect6(int n, __kernel_fd_set *in, __kernel_fd_set *out,
    __kernel_fd_set *ex, struct __kernel_timespec *tsp, const void *sig)
{
	struct sigset_arg sa = { NULL, 0 };
	uint64_t deadline = TIMEOUT_FOREVER;
	bool zero = false;
	long r;

	if (sig) {
		if (!user_ok(sig, sizeof(sa)))
			return -EFAULT;
		memcpy(&sa, sig, sizeof(sa));
	}
	if (tsp) {
		if (!user_ok(tsp, sizeof(*tsp)))
			return -EFAULT;
		if (timeout_span(tsp->tv_sec, tsp->tv_nsec, soil_uptime_ns(),
		    &deadline))
			return -EINVAL;
		zero = !tsp->tv_sec && !tsp->tv_nsec;
	}
	if ((r = poll_mask_begin(sa.mask, sa.size)))
		return r;
	r = poll_mask_end(do_select(n, in, out, ex, deadline));
	time_left(tsp, NULL, deadline, zero);
	return r;
}
