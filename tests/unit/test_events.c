/*
 * The event syscalls (soil/sys_event.h) driven as a program drives them,
 * against the Linux kernel running this test: pipes, eventfd, poll,
 * select and epoll calls are made on both sides with the same fds, and
 * the results (counts, errnos, revents, fd_sets, epoll events in order,
 * stat fields, bytes) must agree.  Waiting is not compared: our soil_wait
 * is replaced here by a fake clock that jumps to the deadline (a wait
 * forever counts as interrupted by a signal); Linux waits for real, so
 * only short timeouts are used.  A few checks are ours alone.
 */
/* Linux's headers first: <linux/stat.h> hides S_IFMT once glibc's were seen. */
#include <asm-generic/errno.h>
#include <asm/ioctls.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "soil/clock.h"
#include "soil/file.h"
#include "soil/signal.h"
#include "soil/sys_event.h"
#include "soil/sys_file.h"
#include "soil/timeout.h"
#include "soil/wait.h"
#include "tests/unit/check.h"
#include "tests/unit/kstubs.h"
#include "tests/unit/vslinux.h"

#define MS		1000000ull
#define SIGPIPE_NR	13
#define EFD_SEMAPHORE	1

/* --- what the kernel side would supply --- */

static uint64_t fake_now = 1000 * MS;
static int waits_forever, signals_sent, last_signal, mask_set, mask_restored;
static bool pending;

/* The monotonic clock the tests set (fake_now). */
uint64_t soil_uptime_ns(void)
{
	return fake_now;
}

/* Ready, else time passes to the deadline; forever is a signal. */
int soil_wait(uint64_t deadline, bool (*ready)(void *arg), void *arg)
{
	if (ready(arg))
		return 1;
	if (deadline == TIMEOUT_FOREVER) {
		waits_forever++;
		return -EINTR;
	}
	if (deadline > fake_now)
		fake_now = deadline;
	return 0;
}

/* Records the signal a broken pipe would send instead of sending it. */
long sys_kill(int pid, int sig)
{
	(void)pid;
	signals_sent++;
	last_signal = sig;
	return 0;
}

/* Whether a test has made a signal pending, to end a wait with EINTR. */
bool signal_pending(void)
{
	return pending;
}

/* Counts the sigmask swaps that ppoll and pselect make. */
void signal_mask_during(uint64_t mask)
{
	(void)mask;
	mask_set++;
}

/* Counts the restores of the sigmask ppoll and pselect swapped. */
void signal_mask_restore(void)
{
	mask_restored++;
}

/* --- comparing with Linux --- */

/* A pipe on both sides; the fds must be the same. */
static void both_pipe(int line, int fds[2], int flags)
{
	int ofds[2] = { -1, -1 };

	same(line, "pipe2", sys_pipe2(ofds, flags),
	    LX(SYS_pipe2, fds, flags));
	same(line, "pipe2 read fd", ofds[0], fds[0]);
	same(line, "pipe2 write fd", ofds[1], fds[1]);
}
#define PIPE(fds, flags)	both_pipe(__LINE__, fds, flags)

/* Writes n bytes of a pattern on both sides. */
static void both_write(int line, int fd, size_t n)
{
	static char buf[70000];
	size_t i;

	for (i = 0; i < n && i < sizeof(buf); i++)
		buf[i] = (char)('a' + i % 26);
	same(line, "write", sys_write(fd, buf, n),
	    LX(SYS_write, fd, buf, n));
}
#define WRITE(fd, n)	both_write(__LINE__, fd, n)

/* Reads up to n bytes on both sides; the bytes must agree. */
static void both_read(int line, int fd, size_t n)
{
	static char a[70000], b[70000];
	long ra = sys_read(fd, a, n), rb = LX(SYS_read, fd, b, n);

	same(line, "read", ra, rb);
	if (ra > 0 && ra == rb)
		same(line, "read bytes", memcmp(a, b, (size_t)ra), 0);
}
#define READ(fd, n)	both_read(__LINE__, fd, n)

/* poll of one fd for events on both sides: result and revents. */
static void both_poll1(int line, int fd, short events)
{
	struct pollfd a = { fd, events, 0 }, b = { fd, events, 0 };

	same(line, "poll", sys_poll(&a, 1, 0), LX(SYS_poll, &b, 1, 0));
	same(line, "revents", a.revents, b.revents);
}
#define POLL1(fd, ev)	both_poll1(__LINE__, fd, ev)

/*
 * epoll_wait on both sides with timeout 0: the count and every event
 * (events, data) in order must agree.
 */
static void both_wait(int line, int epfd, int max)
{
	struct epoll_event a[16], b[16];
	long ra, rb, i;

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	ra = sys_epoll_wait(epfd, a, max, 0);
	rb = LX(SYS_epoll_wait, epfd, b, max, 0);
	same(line, "epoll_wait", ra, rb);
	for (i = 0; i < ra && ra == rb; i++) {
		same(line, "event events", a[i].events, b[i].events);
		same(line, "event data", (long)a[i].data, (long)b[i].data);
	}
}
#define WAIT(epfd, max)	both_wait(__LINE__, epfd, max)

/* epoll_ctl on both sides with events and data. */
static void both_ctl(int line, int epfd, int op, int fd, unsigned events,
    uint64_t data)
{
	struct epoll_event a = { events, data }, b = { events, data };

	same(line, "epoll_ctl", sys_epoll_ctl(epfd, op, fd, &a),
	    LX(SYS_epoll_ctl, epfd, op, fd, &b));
}
#define CTL(epfd, op, fd, ev, data) \
	both_ctl(__LINE__, epfd, op, fd, ev, data)

/* fstat of fd on both sides: the fields that must agree. */
static void both_stat(int line, int fd)
{
	struct stat a, b;

	same(line, "fstat", sys_fstat(fd, &a), LX(SYS_fstat, fd, &b));
	same(line, "st_mode", a.st_mode, b.st_mode);
	same(line, "st_nlink", a.st_nlink, b.st_nlink);
	same(line, "st_size", a.st_size, b.st_size);
	same(line, "st_blksize", a.st_blksize, b.st_blksize);
}
#define STAT(fd)	both_stat(__LINE__, fd)

/*
 * Pipes: empty and full, end of file, EPIPE, blocking waits, readv, packets
 * and bad arguments, against Linux's.
 */
static void pipes(void)
{
	int p[2], q[2], v = -1, w = -2;
	char buf[8];

	PIPE(p, O_NONBLOCK | O_CLOEXEC);
	BOTH(fcntl, p[0], F_GETFL, 0);
	BOTH(fcntl, p[1], F_GETFL, 0);
	BOTH(fcntl, p[0], F_GETFD, 0);
	STAT(p[0]);
	STAT(p[1]);
	/* Empty: EAGAIN; a zero read is 0. */
	READ(p[0], 10);
	READ(p[0], 0);
	WRITE(p[1], 0);
	WRITE(p[1], 5);
	SAME(sys_ioctl(p[0], FIONREAD, (unsigned long)&v),
	    LX(SYS_ioctl, p[0], FIONREAD, &w));
	SAME(v, w);
	READ(p[0], 3);
	READ(p[0], 10);
	/* The wrong end, seeking, positioned I/O, a bad buffer. */
	BOTH(write, p[0], "x", 1);
	BOTH(read, p[1], buf, 1);
	BOTH(lseek, p[0], 0, SEEK_SET);
	BOTH(pread64, p[0], buf, 1, 0);
	BOTH(write, p[1], (void *)8, 1);
	BOTH(ioctl, p[0], TCGETS, (unsigned long)buf);
	/* Filling: 16 slots of 1000-byte writes fit 64 of them. */
	for (v = 0; v < 70; v++)
		WRITE(p[1], 1000);
	POLL1(p[1], POLLOUT);
	POLL1(p[0], POLLIN | POLLOUT);
	READ(p[0], 3000);
	WRITE(p[1], 4096);
	WRITE(p[1], 1);
	READ(p[0], 1000);
	POLL1(p[1], POLLOUT);
	WRITE(p[1], 70000);
	READ(p[0], 70000);
	READ(p[0], 70000);
	/* No writer left: the rest, then end of file and POLLHUP. */
	WRITE(p[1], 10);
	BOTH(close, p[1]);
	POLL1(p[0], POLLIN);
	READ(p[0], 4);
	READ(p[0], 100);
	POLL1(p[0], POLLIN);
	READ(p[0], 100);
	BOTH(close, p[0]);

	/* No reader left: EPIPE with SIGPIPE (ignored in this process). */
	PIPE(p, 0);
	BOTH(close, p[0]);
	signals_sent = 0;
	WRITE(p[1], 3);
	CHECK(signals_sent == 1 && last_signal == SIGPIPE_NR);
	POLL1(p[1], POLLOUT);
	BOTH(close, p[1]);

	/* A write end kept by a dup holds off end of file. */
	PIPE(p, O_NONBLOCK);
	v = (int)BOTH(dup, p[1]);
	BOTH(close, p[1]);
	POLL1(p[0], POLLIN);
	READ(p[0], 1);
	BOTH(close, v);
	POLL1(p[0], POLLIN);
	READ(p[0], 1);
	BOTH(close, p[0]);

	/* O_NONBLOCK through fcntl and FIONBIO; a blocking read waits. */
	PIPE(p, 0);
	waits_forever = 0;
	CHECK(sys_read(p[0], buf, 1) == -EINTR && waits_forever == 1);
	BOTH(fcntl, p[0], F_SETFL, O_NONBLOCK);
	READ(p[0], 1);
	v = w = 0;
	SAME(sys_ioctl(p[0], FIONBIO, (unsigned long)&v),
	    LX(SYS_ioctl, p[0], FIONBIO, &w));
	BOTH(fcntl, p[0], F_GETFL, 0);
	/* A blocking write takes what fits, then a signal ends the wait. */
	CHECK(sys_write(p[1], buf, 0) == 0);
	{
		static char big[70000];

		CHECK(sys_write(p[1], big, sizeof(big)) == 65536);
		CHECK(waits_forever == 2);
		CHECK(sys_write(p[1], big, 1) == -EINTR);
	}
	BOTH(close, p[0]);
	BOTH(close, p[1]);

	/* readv takes what is there: a later vector does not wait. */
	{
		char x[8], y[8];
		struct iovec ov[2] = { { x, 4 }, { x + 4, 4 } };
		struct iovec lv[2] = { { y, 4 }, { y + 4, 4 } };

		PIPE(p, 0);
		WRITE(p[1], 4);
		WRITE(p[1], 4);
		READ(p[0], 4);
		waits_forever = 0;
		SAME(sys_readv(p[0], ov, 2), LX(SYS_readv, p[0], lv, 2));
		CHECK(waits_forever == 0 && !memcmp(x, y, 4));
		BOTH(close, p[0]);
		BOTH(close, p[1]);
	}

	/* Packets (O_DIRECT): one write, one read; what does not fit goes. */
	PIPE(p, O_DIRECT | O_NONBLOCK);
	BOTH(fcntl, p[0], F_GETFL, 0);
	BOTH(fcntl, p[1], F_GETFL, 0);
	WRITE(p[1], 2);
	WRITE(p[1], 3);
	WRITE(p[1], 5000);
	READ(p[0], 10);
	READ(p[0], 1);
	READ(p[0], 10000);
	READ(p[0], 10000);
	READ(p[0], 10000);
	/* F_SETFL turns packet mode off for the next write. */
	BOTH(fcntl, p[1], F_SETFL, O_NONBLOCK);
	WRITE(p[1], 2);
	WRITE(p[1], 3);
	READ(p[0], 10);
	BOTH(close, p[0]);
	BOTH(close, p[1]);

	/* Bad flags, a bad pointer: nothing is left open. */
	BOTH(pipe2, p, O_APPEND);
	BOTH(pipe2, p, 0x80000000);
	BOTH(pipe2, (int *)8, 0);
	PIPE(q, 0);
	BOTH(close, q[0]);
	BOTH(close, q[1]);
	CHECK(sys_pipe(q) == 0 && sys_close(q[0]) == 0 && sys_close(q[1]) == 0);
}

/* eventfd: counter and semaphore reads, overflow, flags, against Linux's. */
static void eventfds(void)
{
	uint64_t a = 0, b = 0, big = UINT64_MAX - 1, all = UINT64_MAX;
	int e, s;

	e = (int)BOTH(eventfd2, 5, O_NONBLOCK | O_CLOEXEC);
	BOTH(fcntl, e, F_GETFL, 0);
	BOTH(fcntl, e, F_GETFD, 0);
	STAT(e);
	POLL1(e, POLLIN | POLLOUT | POLLRDNORM);
	SAME(sys_read(e, &a, 4), LX(SYS_read, e, &b, 4));
	SAME(sys_read(e, &a, 8), LX(SYS_read, e, &b, 8));
	SAME(a, b);
	SAME(sys_read(e, &a, 8), LX(SYS_read, e, &b, 8));
	POLL1(e, POLLIN | POLLOUT);
	a = 3;
	BOTH(write, e, &a, 4);
	BOTH(write, e, &all, 8);
	BOTH(write, e, &a, 8);
	BOTH(write, e, &big, 8);
	SAME(sys_read(e, &a, 16), LX(SYS_read, e, &b, 16));
	SAME(a, b);
	/* At the largest count: readable, not writable, adding 1 waits. */
	BOTH(write, e, &big, 8);
	POLL1(e, POLLIN | POLLOUT);
	a = 1;
	BOTH(write, e, &a, 8);
	a = 0;
	BOTH(write, e, &a, 8);
	BOTH(close, e);

	s = (int)BOTH(eventfd2, 2, EFD_SEMAPHORE | O_NONBLOCK);
	SAME(sys_read(s, &a, 8), LX(SYS_read, s, &b, 8));
	SAME(a, b);
	SAME(sys_read(s, &a, 8), LX(SYS_read, s, &b, 8));
	SAME(sys_read(s, &a, 8), LX(SYS_read, s, &b, 8));
	BOTH(close, s);
	BOTH(eventfd2, 0, O_APPEND);
	s = (int)BOTH(eventfd, 7);
	BOTH(fcntl, s, F_GETFL, 0);
	waits_forever = 0;
	CHECK(sys_read(s, &a, 8) == 8 && a == 7);
	CHECK(sys_read(s, &a, 8) == -EINTR && waits_forever == 1);
	BOTH(close, s);
}

/*
 * poll and ppoll: errors, timeouts and the time left, the signal mask, a
 * pending signal, against Linux's.
 */
static void polls(void)
{
	struct pollfd a[8], b[8];
	struct __kernel_timespec ta, tb;
	uint64_t mask = 0;
	int p[2], path, null, i, n;
	long ra, rb;

	PIPE(p, O_NONBLOCK);
	path = (int)sys_open("/tmp", O_PATH, 0);
	SAME(path, LX(SYS_open, "/tmp", O_PATH, 0));
	null = (int)BOTH(open, "/dev/null", O_RDWR, 0);
	WRITE(p[1], 1);
	n = 0;
	a[n++] = (struct pollfd){ -1, POLLIN, 77 };
	a[n++] = (struct pollfd){ 200, POLLIN, 0 };
	a[n++] = (struct pollfd){ p[0], POLLIN | POLLOUT, 0 };
	a[n++] = (struct pollfd){ p[1], POLLIN | POLLOUT, 0 };
	a[n++] = (struct pollfd){ p[1], 0, 0 };
	a[n++] = (struct pollfd){ null, POLLIN | POLLPRI | POLLRDHUP, 0 };
	a[n++] = (struct pollfd){ path, POLLIN, 0 };
	a[n++] = (struct pollfd){ p[0], (short)0xffff, 0 };
	memcpy(b, a, sizeof(a));
	SAME(sys_poll(a, (unsigned)n, 0), LX(SYS_poll, b, n, 0));
	for (i = 0; i < n; i++)
		SAME(a[i].revents, b[i].revents);
	/* Errors: too many fds, a bad array; none is a plain sleep. */
	BOTH(poll, a, 1025, 0);
	BOTH(poll, (struct pollfd *)8, 1, 0);
	BOTH(poll, NULL, 0, 0);
	/* Nothing ready: the timeout passes. */
	READ(p[0], 1);
	a[0] = b[0] = (struct pollfd){ p[0], POLLIN, 0 };
	fake_now = 1000 * MS;
	BOTH(poll, a, 1, 20);
	CHECK(fake_now == 1020 * MS);
	waits_forever = 0;
	CHECK(sys_poll(a, 1, -1) == -EINTR && waits_forever == 1);
	/* ppoll: a timespec, written back; a signal mask for the wait. */
	ta = tb = (struct __kernel_timespec){ 0, 1000000000 };
	BOTH(ppoll, a, 1, &ta, NULL, 8);
	ta = tb = (struct __kernel_timespec){ -1, 0 };
	BOTH(ppoll, a, 1, &ta, NULL, 8);
	ta = tb = (struct __kernel_timespec){ 0, 0 };
	BOTH(ppoll, a, 1, (struct __kernel_timespec *)8, NULL, 8);
	BOTH(ppoll, a, 1, &ta, &mask, 4);
	BOTH(ppoll, a, 1, &ta, (uint64_t *)8, 8);
	mask_set = mask_restored = 0;
	BOTH(ppoll, a, 1, &ta, &mask, 8);
	CHECK(mask_set == 1 && mask_restored == 1);
	SAME(ta.tv_sec, tb.tv_sec);
	SAME(ta.tv_nsec, tb.tv_nsec);
	ta = tb = (struct __kernel_timespec){ 0, 30 * MS };
	SAME(sys_ppoll(a, 1, &ta, NULL, 0), LX(SYS_ppoll, b, 1, &tb, NULL, 0));
	SAME(ta.tv_sec, tb.tv_sec);
	SAME(ta.tv_nsec, tb.tv_nsec);
	/* Ready at once: nearly all of the time is left (Linux took some). */
	WRITE(p[1], 1);
	ta = tb = (struct __kernel_timespec){ 5, 0 };
	ra = sys_ppoll(a, 1, &ta, NULL, 0);
	rb = LX(SYS_ppoll, b, 1, &tb, NULL, 0);
	SAME(ra, rb);
	CHECK(ta.tv_sec == 5 && ta.tv_nsec == 0);
	CHECK(tb.tv_sec == 4 && tb.tv_nsec > 900 * (long)MS);
	/* A signal pending and nothing ready: poll returns 0, not EINTR. */
	READ(p[0], 1);
	pending = true;
	CHECK(sys_poll(a, 1, 0) == 0);
	pending = false;
	BOTH(close, p[0]);
	BOTH(close, p[1]);
	BOTH(close, null);
	BOTH(close, path);
}

/* select of the three sets on both sides: result and sets must agree. */
static void both_select(int line, int n, uint64_t in, uint64_t out,
    uint64_t ex, long usec)
{
	uint64_t s[2][3] = { { in, out, ex }, { in, out, ex } };
	struct __kernel_old_timeval tv[2] = { { 0, usec }, { 0, usec } };
	long ra, rb;
	int k;

	ra = sys_select(n, (void *)&s[0][0], (void *)&s[0][1],
	    (void *)&s[0][2], usec < 0 ? NULL : &tv[0]);
	rb = LX(SYS_select, n, &s[1][0], &s[1][1], &s[1][2],
	    usec < 0 ? NULL : &tv[1]);
	same(line, "select", ra, rb);
	for (k = 0; k < 3; k++)
		same(line, "select set", (long)s[0][k], (long)s[1][k]);
	same(line, "timeval sec", tv[0].tv_sec, tv[1].tv_sec);
	same(line, "timeval usec", tv[0].tv_usec, tv[1].tv_usec);
}
#define SELECT(n, in, out, ex, usec) \
	both_select(__LINE__, n, in, out, ex, usec)

/* select and pselect6: sets, bad descriptors and timeouts, against Linux's. */
static void selects(void)
{
	struct __kernel_old_timeval ta = { -1, 0 }, tb = { -1, 0 };
	struct { const uint64_t *mask; size_t size; } sa, sb;
	struct __kernel_timespec ts = { 0, 0 };
	uint64_t set = 0, mask = 0;
	int p[2], path;
	uint64_t r, w;

	PIPE(p, O_NONBLOCK);
	path = (int)sys_open("/tmp", O_PATH, 0);
	SAME(path, LX(SYS_open, "/tmp", O_PATH, 0));
	r = 1ull << p[0];
	w = 1ull << p[1];
	SELECT(64, r | w, r | w, r | w, 0);
	WRITE(p[1], 1);
	SELECT(64, r | w, r | w, r | w, 0);
	/* n cuts the sets: fds at or above it are not looked at. */
	SELECT(p[1], r | w, r | w, 0, 0);
	SELECT(p[0], r | w, r | w, 0, 0);
	SELECT(0, r, 0, 0, 0);
	/* A closed fd is EBADF; an O_PATH one is polled like a file. */
	SELECT(64, r | 1ull << 60, 0, 0, 0);
	SELECT(64, 1ull << path, 1ull << path, 0, 0);
	SELECT(-1, r, 0, 0, 0);
	/* Timeouts: the time left is written back; none at 0. */
	READ(p[0], 1);
	fake_now = 1000 * MS;
	SELECT(64, r, 0, 0, 25000);
	CHECK(fake_now == 1025 * MS);
	SELECT(64, r, 0, 0, 0);
	BOTH(select, 64, NULL, NULL, NULL, &ta);
	ta.tv_sec = tb.tv_sec = 0;
	ta.tv_usec = tb.tv_usec = -1;
	BOTH(select, 64, NULL, NULL, NULL, &ta);
	BOTH(select, 64, (void *)8, NULL, NULL, &ta);
	BOTH(select, 64, NULL, NULL, NULL, (void *)8);
	ta.tv_usec = tb.tv_usec = 0;
	BOTH(select, 0, (void *)8, (void *)8, (void *)8, &ta);
	waits_forever = 0;
	set = r;
	CHECK(sys_select(64, (void *)&set, NULL, NULL, NULL) == -EINTR &&
	    waits_forever == 1 && set == r);
	/* Nothing ready and a signal pending: select says EINTR. */
	pending = true;
	set = r;
	CHECK(sys_select(64, (void *)&set, NULL, NULL, &ta) == -EINTR &&
	    set == r);
	pending = false;
	/* pselect6: the mask is a { pointer, size } pair. */
	sa = sb = (typeof(sa)){ &mask, 8 };
	set = r;
	BOTH(pselect6, 64, (void *)&set, NULL, NULL, &ts, &sa);
	sa.size = sb.size = 16;
	BOTH(pselect6, 64, (void *)&set, NULL, NULL, &ts, &sa);
	BOTH(pselect6, 64, (void *)&set, NULL, NULL, &ts, (void *)8);
	ts.tv_nsec = -5;
	BOTH(pselect6, 64, (void *)&set, NULL, NULL, &ts, NULL);
	BOTH(close, p[0]);
	BOTH(close, p[1]);
	BOTH(close, path);
}

/* epoll_create, epoll_ctl and epoll_wait mistakes, with Linux's errnos. */
static void epoll_errors(void)
{
	struct epoll_event ev = { EPOLLIN, 1 };
	uint64_t mask = 0;
	int ep, p[2], f;

	BOTH(epoll_create, 0);
	BOTH(epoll_create1, 1);
	ep = (int)BOTH(epoll_create1, EPOLL_CLOEXEC);
	BOTH(fcntl, ep, F_GETFD, 0);
	BOTH(fcntl, ep, F_GETFL, 0);
	STAT(ep);
	PIPE(p, O_NONBLOCK);
	f = (int)BOTH(open, "f", O_CREAT | O_RDWR, 0644);
	CTL(ep, EPOLL_CTL_ADD, f, EPOLLIN, 1);
	CTL(ep, EPOLL_CTL_ADD, ep, EPOLLIN, 1);
	CTL(p[0], EPOLL_CTL_ADD, p[1], EPOLLIN, 1);
	CTL(ep, EPOLL_CTL_ADD, 200, EPOLLIN, 1);
	CTL(200, EPOLL_CTL_ADD, p[0], EPOLLIN, 1);
	CTL(ep, EPOLL_CTL_DEL, p[0], 0, 0);
	CTL(ep, EPOLL_CTL_MOD, p[0], EPOLLIN, 1);
	CTL(ep, 99, p[0], EPOLLIN, 1);
	BOTH(epoll_ctl, ep, EPOLL_CTL_ADD, p[0], NULL);
	BOTH(epoll_ctl, ep, EPOLL_CTL_ADD, p[0], (void *)8);
	CTL(ep, EPOLL_CTL_ADD, p[0], EPOLLIN | EPOLLEXCLUSIVE | EPOLLPRI, 1);
	CTL(ep, EPOLL_CTL_ADD, p[0], EPOLLIN | EPOLLEXCLUSIVE, 1);
	CTL(ep, EPOLL_CTL_MOD, p[0], EPOLLIN, 1);
	CTL(ep, EPOLL_CTL_MOD, p[0], EPOLLIN | EPOLLEXCLUSIVE, 1);
	CTL(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 1);
	CTL(ep, EPOLL_CTL_DEL, p[0], 0, 0);
	BOTH(epoll_ctl, ep, EPOLL_CTL_DEL, p[0], NULL);
	BOTH(epoll_wait, ep, &ev, 0, 0);
	BOTH(epoll_wait, ep, &ev, -1, 0);
	BOTH(epoll_wait, ep, (void *)8, 1, 0);
	BOTH(epoll_wait, 200, &ev, 1, 0);
	BOTH(epoll_wait, p[0], &ev, 1, 0);
	BOTH(epoll_pwait, ep, &ev, 1, 0, &mask, 4);
	BOTH(read, ep, &ev, sizeof(ev));
	BOTH(close, f);
	BOTH(close, p[0]);
	BOTH(close, p[1]);
	BOTH(close, ep);
}

/*
 * epoll's level and edge triggers, one-shot items, hang-ups, and items of
 * closed and duplicated descriptors, against Linux's.
 */
static void epoll_triggers(void)
{
	int ep, p[2], q[2], e, d;
	uint64_t one = 1, got;

	ep = (int)BOTH(epoll_create1, 0);
	PIPE(p, O_NONBLOCK);
	PIPE(q, O_NONBLOCK);
	/* Level-triggered: reported while ready. */
	CTL(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 10);
	WAIT(ep, 4);
	WRITE(p[1], 3);
	WAIT(ep, 4);
	WAIT(ep, 4);
	READ(p[0], 3);
	WAIT(ep, 4);
	/* Edge-triggered: once per write, even when not drained. */
	CTL(ep, EPOLL_CTL_ADD, q[0], EPOLLIN | EPOLLET, 20);
	WRITE(q[1], 2);
	WAIT(ep, 4);
	WAIT(ep, 4);
	WRITE(q[1], 2);
	WAIT(ep, 4);
	READ(q[0], 1);
	WAIT(ep, 4);
	/* MOD re-polls: ready now is reported. */
	CTL(ep, EPOLL_CTL_MOD, q[0], EPOLLIN | EPOLLET, 21);
	WAIT(ep, 4);
	WAIT(ep, 4);
	/* One-shot: reported once, then silent until MOD. */
	CTL(ep, EPOLL_CTL_MOD, q[0], EPOLLIN | EPOLLONESHOT, 22);
	WAIT(ep, 4);
	WRITE(q[1], 2);
	WAIT(ep, 4);
	CTL(ep, EPOLL_CTL_MOD, q[0], EPOLLIN, 23);
	WAIT(ep, 4);
	READ(q[0], 100);
	/* Write ends: POLLOUT edge when a read frees a slot of a full pipe. */
	CTL(ep, EPOLL_CTL_ADD, q[1], EPOLLOUT | EPOLLET, 30);
	WAIT(ep, 4);
	WAIT(ep, 4);
	WRITE(q[1], 70000);
	WAIT(ep, 4);
	READ(q[0], 100);
	WAIT(ep, 4);
	READ(q[0], 4000);
	WAIT(ep, 4);
	WAIT(ep, 4);
	READ(q[0], 70000);
	/* Hang-up: the reader's item says EPOLLHUP unasked. */
	WRITE(p[1], 1);
	BOTH(close, p[1]);
	WAIT(ep, 4);
	READ(p[0], 1);
	WAIT(ep, 4);
	/* Closing the only fd of a file removes its item. */
	BOTH(close, p[0]);
	WAIT(ep, 4);
	/* A dup keeps the file and so the item, under the closed fd's name. */
	d = (int)BOTH(dup, q[0]);
	CTL(ep, EPOLL_CTL_DEL, q[1], 0, 0);
	BOTH(close, q[0]);
	WRITE(q[1], 1);
	WAIT(ep, 4);
	CTL(ep, EPOLL_CTL_ADD, d, EPOLLIN, 40);
	WAIT(ep, 4);
	BOTH(close, d);
	BOTH(close, q[1]);
	WAIT(ep, 4);
	/* eventfd, edge-triggered: each write and each read wakes. */
	e = (int)BOTH(eventfd2, 0, O_NONBLOCK);
	CTL(ep, EPOLL_CTL_ADD, e, EPOLLIN | EPOLLOUT | EPOLLET, 50);
	WAIT(ep, 4);
	BOTH(write, e, &one, 8);
	WAIT(ep, 4);
	WAIT(ep, 4);
	BOTH(write, e, &one, 8);
	WAIT(ep, 4);
	SAME(sys_read(e, &got, 8), LX(SYS_read, e, &one, 8));
	WAIT(ep, 4);
	BOTH(close, e);
	BOTH(close, ep);
}

/*
 * The order epoll_wait reports ready descriptors in, and nested epolls,
 * against Linux's.
 */
static void epoll_order(void)
{
	int ep, p[3][2], i, outer, inner;

	ep = (int)BOTH(epoll_create1, 0);
	for (i = 0; i < 3; i++) {
		PIPE(p[i], O_NONBLOCK);
		CTL(ep, EPOLL_CTL_ADD, p[i][0], EPOLLIN, 100 + i);
	}
	/* Ready in the order the writes came; LT items rotate. */
	WRITE(p[2][1], 1);
	WRITE(p[0][1], 1);
	WRITE(p[1][1], 1);
	for (i = 0; i < 5; i++)
		WAIT(ep, 1);
	WAIT(ep, 2);
	WAIT(ep, 16);
	READ(p[0][0], 1);
	WAIT(ep, 16);
	/* Nested: an epoll is readable while an event waits in it. */
	outer = (int)BOTH(epoll_create1, 0);
	inner = (int)BOTH(epoll_create1, 0);
	CTL(outer, EPOLL_CTL_ADD, inner, EPOLLIN | EPOLLET, 7);
	WAIT(outer, 4);
	CTL(inner, EPOLL_CTL_ADD, p[1][0], EPOLLIN, 8);
	WAIT(outer, 4);
	WAIT(outer, 4);
	WRITE(p[1][1], 1);
	WAIT(outer, 4);
	POLL1(inner, POLLIN | POLLOUT);
	CTL(inner, EPOLL_CTL_ADD, outer, EPOLLIN, 9);
	CTL(inner, EPOLL_CTL_ADD, inner, EPOLLIN, 9);
	WAIT(inner, 4);
	BOTH(close, inner);
	WAIT(outer, 4);
	BOTH(close, outer);
	for (i = 0; i < 3; i++) {
		BOTH(close, p[i][0]);
		BOTH(close, p[i][1]);
	}
	BOTH(close, ep);
}

/* Chains of nested epolls: loops and depth as Linux limits them. */
static void epoll_nesting(void)
{
	int e[8], i;

	for (i = 0; i < 8; i++)
		e[i] = (int)BOTH(epoll_create1, 0);
	/* Built top down, then bottom up, then joined in the middle. */
	for (i = 0; i < 5; i++)
		CTL(e[i], EPOLL_CTL_ADD, e[i + 1], EPOLLIN, 0);
	CTL(e[5], EPOLL_CTL_ADD, e[0], EPOLLIN, 0);
	CTL(e[7], EPOLL_CTL_ADD, e[0], EPOLLIN, 0);
	CTL(e[6], EPOLL_CTL_ADD, e[3], EPOLLIN, 0);
	CTL(e[7], EPOLL_CTL_ADD, e[6], EPOLLIN, 0);
	CTL(e[2], EPOLL_CTL_DEL, e[3], 0, 0);
	CTL(e[7], EPOLL_CTL_ADD, e[0], EPOLLIN, 0);
	CTL(e[6], EPOLL_CTL_ADD, e[2], EPOLLIN, 0);
	for (i = 0; i < 8; i++)
		BOTH(close, e[i]);
}

static uint32_t rng = 2463534242u;

/* xorshift32: a repeatable random sequence for the random run. */
static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/*
 * A random run on both sides: writes, reads, dups and closes on three
 * pipes and an eventfd, epoll_ctl with random events, modes and data on two
 * epolls (one nested in the other), and epoll_waits whose events and
 * their order must agree.  Stops at the first difference.
 */
static void epoll_random(int steps)
{
	static const unsigned modes[] = { 0, EPOLLET, EPOLLONESHOT,
	    EPOLLET | EPOLLONESHOT };
	static const unsigned wants[] = { EPOLLIN, EPOLLOUT,
	    EPOLLIN | EPOLLOUT, EPOLLIN | EPOLLRDHUP };
	static const size_t sizes[] = { 1, 1000, 4096, 70000 };
	static const int maxes[] = { 1, 2, 16 };
	int p[3][2], ep[2], e, fds[7], i, k, d, step, before = check_failed;
	uint64_t one = 1, got;
	unsigned ev;

	ep[0] = (int)BOTH(epoll_create1, 0);
	ep[1] = (int)BOTH(epoll_create1, 0);
	CTL(ep[0], EPOLL_CTL_ADD, ep[1], EPOLLIN, 99);
	e = (int)BOTH(eventfd2, 0, O_NONBLOCK);
	for (i = 0; i < 3; i++)
		PIPE(p[i], O_NONBLOCK);
	for (step = 0; step < steps && check_failed == before; step++) {
		for (i = 0; i < 3; i++) {
			fds[2 * i] = p[i][0];
			fds[2 * i + 1] = p[i][1];
		}
		fds[6] = e;
		i = (int)(next() % 3);
		switch (next() % 8) {
		case 0:
			WRITE(p[i][1], sizes[next() % 4]);
			break;
		case 1:
			READ(p[i][0], sizes[next() % 4]);
			break;
		case 2:
			if (next() % 2)
				BOTH(write, e, &one, 8);
			else
				SAME(sys_read(e, &got, 8),
				    LX(SYS_read, e, &got, 8));
			break;
		case 3:
		case 4:
			ev = wants[next() % 4] | modes[next() % 4];
			CTL(ep[next() % 2], 1 + (int)(next() % 3),
			    fds[next() % 7], ev, (uint64_t)step);
			break;
		case 5:
			k = (int)(next() % 2);
			if (next() % 2) {
				/* Items outlive the fd while a dup holds the
				 * file, and dup2 brings the fd back. */
				d = (int)BOTH(dup, p[i][k]);
				BOTH(close, p[i][k]);
				WAIT(ep[0], 16);
				BOTH(dup2, d, p[i][k]);
				BOTH(close, d);
			} else if (!(next() % 4)) {
				/* A new pipe takes the closed one's fds. */
				BOTH(close, p[i][k]);
				BOTH(close, p[i][1 - k]);
				PIPE(p[i], O_NONBLOCK);
			}
			break;
		default:
			WAIT(ep[next() % 2], maxes[next() % 3]);
			break;
		}
	}
	if (check_failed != before)
		fprintf(stderr, "  epoll_random: step %d\n", step - 1);
	for (i = 0; i < 3; i++) {
		BOTH(close, p[i][0]);
		BOTH(close, p[i][1]);
	}
	BOTH(close, e);
	BOTH(close, ep[1]);
	BOTH(close, ep[0]);
}

/* Ours alone: waiting and the mask of epoll_pwait. */
static void epoll_ours(void)
{
	struct __kernel_timespec ts = { 0, 5 * MS };
	struct epoll_event ev;
	uint64_t mask = 0;
	int ep, p[2];

	ep = (int)sys_epoll_create1(0);
	CHECK(sys_pipe2(p, O_NONBLOCK) == 0);
	CHECK(sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0],
	    &(struct epoll_event){ EPOLLIN, 3 }) == 0);
	fake_now = 1000 * MS;
	CHECK(sys_epoll_wait(ep, &ev, 1, 40) == 0 && fake_now == 1040 * MS);
	CHECK(sys_epoll_pwait2(ep, &ev, 1, &ts, NULL, 0) == 0 &&
	    fake_now == 1045 * MS);
	ts.tv_nsec = -1;
	CHECK(sys_epoll_pwait2(ep, &ev, 1, &ts, NULL, 0) == -EINVAL);
	waits_forever = 0;
	mask_set = mask_restored = 0;
	CHECK(sys_epoll_pwait(ep, &ev, 1, -1, &mask, 8) == -EINTR &&
	    waits_forever == 1 && mask_set == 1 && mask_restored == 0);
	CHECK(sys_epoll_pwait2(ep, &ev, 1, NULL, &mask, 8) == -EINTR &&
	    waits_forever == 2);
	CHECK(sys_write(p[1], "x", 1) == 1);
	CHECK(sys_epoll_pwait(ep, &ev, 1, -1, &mask, 8) == 1 &&
	    ev.events == EPOLLIN && ev.data == 3 && mask_restored == 1);
	CHECK(sys_close(p[0]) == 0 && sys_close(p[1]) == 0);
	CHECK(sys_close(ep) == 0);
}

/* Runs the event cases in a scratch directory against the host's kernel. */
int main(void)
{
	char dir[] = "/tmp/soil-events-XXXXXX", cmd[64];
	struct rlimit rl = { 1024, 1024 };

	signal(SIGPIPE, SIG_IGN);
	if (!mkdtemp(dir) || chdir(dir) || setrlimit(RLIMIT_NOFILE, &rl)) {
		perror(dir);
		return 1;
	}
	CHECK(soil_files_init_from(NULL, 0) == 0);
	mirror_fds();
	CHECK(sys_mkdir("/tmp/e", 0700) == 0 && sys_chdir("/tmp/e") == 0);
	pipes();
	eventfds();
	polls();
	selects();
	epoll_errors();
	epoll_triggers();
	epoll_order();
	epoll_nesting();
	epoll_random(5000);
	epoll_ours();
	if (chdir("/") == 0) {
		snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
		CHECK(system(cmd) == 0);
	}
	return check_report("events");
}
