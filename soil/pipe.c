/*
 * Pipes: pipe(2), pipe2(2) and the two files they make.  The bytes live
 * in a slot ring (soil/pipe_ring.h); this file adds Linux's rules around
 * it: a read on an empty pipe waits (-EAGAIN with O_NONBLOCK) and is end
 * of file once no writer is left; a write with no reader left is -EPIPE
 * and raises SIGPIPE; a write waits for room until all of it is in.
 * O_NONBLOCK and O_DIRECT (packet mode) are read from the file's flags on
 * every call, so fcntl(F_SETFL) changes them.  Readiness changes wake the
 * ends' watches (epoll) where Linux wakes the pipe's wait queues.
 */
#include <asm-generic/errno.h>
#include <asm-generic/ioctls.h>
#include <asm-generic/poll.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include <linux/watch_queue.h>
#include "kernel/kmalloc.h"
#include "kernel/string.h"
#include "soil/clock.h"
#include "soil/file.h"
#include "soil/pipe_ring.h"
#include "soil/signal.h"
#include "soil/sys_event.h"
#include "soil/timeout.h"
#include "soil/user.h"
#include "soil/wait.h"

#define SIGPIPE		13
#define PIPEFS_DEV	0x0c	/* a pseudo file system's, not the tree's */
#define NS		1000000000ll

struct pipe {
	struct pipe_ring ring;
	struct file *rd, *wr;	/* the ends while open; no reference */
	uint64_t ino;
	uint64_t atime, mtime;	/* ns since 1970; ctime is mtime */
};

static uint64_t next_ino = 1000;

/* Is there data to read, or no writer left to wait for? */
static bool readable(void *arg)
{
	struct pipe *p = arg;

	return !pipe_ring_empty(&p->ring) || !p->wr;
}

/* Is there room, or no reader left to write for? */
static bool writable(void *arg)
{
	struct pipe *p = arg;

	return !pipe_ring_full(&p->ring) || !p->rd;
}

/* read(2) on the read end. */
static long pipe_read(struct file *f, void *buf, size_t n)
{
	struct pipe *p = f->priv;
	bool freed_full;
	size_t got;
	int r;

	if (!n)
		return 0;
	for (;;) {
		got = pipe_ring_read(&p->ring, buf, n, &freed_full);
		if (freed_full && p->wr)
			file_wake(p->wr, POLLOUT | POLLWRNORM);
		if (got)
			return (long)got;
		if (!p->wr)
			return 0;
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		if ((r = soil_wait(TIMEOUT_FOREVER, readable, p)) < 0)
			return r;
	}
}

/* No reader: SIGPIPE for the program, as Linux sends it. */
static long broken(void)
{
	sys_kill(0, SIGPIPE);
	return -EPIPE;
}

/*
 * The part of a write after the merge: fresh slots, waiting for room
 * unless O_NONBLOCK.  Returns the bytes written in all, or -errno when
 * done is 0.
 */
static long fill(struct file *f, const unsigned char *in, size_t n,
    size_t done)
{
	struct pipe *p = f->priv;
	long r;

	for (;;) {
		if (!p->rd)
			return done ? (long)done : broken();
		r = pipe_ring_fill(&p->ring, in + done, n - done,
		    f->flags & O_DIRECT);
		if (r < 0)
			return done ? (long)done : r;
		done += (size_t)r;
		if (done == n)
			return (long)done;
		if (f->flags & O_NONBLOCK)
			return done ? (long)done : -EAGAIN;
		file_wake(p->rd, POLLIN | POLLRDNORM);
		if ((r = soil_wait(TIMEOUT_FOREVER, writable, p)) < 0)
			return done ? (long)done : r;
	}
}

/* write(2) on the write end. */
static long pipe_write(struct file *f, const void *buf, size_t n)
{
	struct pipe *p = f->priv;
	long r;

	if (!n)
		return 0;
	if (!p->rd)
		r = broken();
	else
		r = fill(f, buf, n, pipe_ring_merge(&p->ring, buf, n));
	if (r > 0)
		p->mtime = soil_time_ns();
	/* Linux wakes the readers after every write, even a failed one. */
	if (p->rd)
		file_wake(p->rd, POLLIN | POLLRDNORM);
	return r;
}

/* POLLIN/POLLHUP for the read end, POLLOUT/POLLERR for the write end. */
static unsigned pipe_poll(struct file *f)
{
	struct pipe *p = f->priv;
	unsigned mask = 0;

	if (f == p->rd) {
		if (!pipe_ring_empty(&p->ring))
			mask |= POLLIN | POLLRDNORM;
		if (!p->wr)
			mask |= POLLHUP;
	} else {
		if (!pipe_ring_full(&p->ring))
			mask |= POLLOUT | POLLWRNORM;
		if (!p->rd)
			mask |= POLLERR;
	}
	return mask;
}

/* Splits ns since 1970 into a stat time. */
static void split(uint64_t t, unsigned long *sec, unsigned long *nsec)
{
	*sec = t / NS;
	*nsec = t % NS;
}

/* A FIFO of pipefs, as Linux shows it. */
static long pipe_stat(struct file *f, struct stat *st)
{
	struct pipe *p = f->priv;

	memset(st, 0, sizeof(*st));
	st->st_dev = PIPEFS_DEV;
	st->st_ino = p->ino;
	st->st_mode = S_IFIFO | 0600;
	st->st_nlink = 1;
	st->st_blksize = PIPE_PAGE;
	split(p->atime, &st->st_atime, &st->st_atime_nsec);
	split(p->mtime, &st->st_mtime, &st->st_mtime_nsec);
	split(p->mtime, &st->st_ctime, &st->st_ctime_nsec);
	return 0;
}

/* FIONREAD: the unread bytes. */
static long pipe_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe *p = f->priv;
	int *count = (int *)(uintptr_t)arg;

	if (cmd != FIONREAD)
		return -ENOTTY;
	if (!user_ok(count, sizeof(*count)))
		return -EFAULT;
	*count = (int)pipe_ring_bytes(&p->ring);
	return 0;
}

/* One end is gone: the other end's watches hear it; the last frees all. */
static void pipe_close(struct file *f)
{
	struct pipe *p = f->priv;
	struct file *other;

	if (f == p->rd)
		p->rd = NULL;
	else
		p->wr = NULL;
	other = p->rd ? p->rd : p->wr;
	if (other) {
		file_wake(other, 0);
		return;
	}
	pipe_ring_free(&p->ring);
	kfree(p);
}

static const struct file_ops pipe_ops = {
	.read = pipe_read,
	.write = pipe_write,
	.stat = pipe_stat,
	.ioctl = pipe_ioctl,
	.close = pipe_close,
	.poll = pipe_poll,
};

/* pipe2(2): the read end at fds[0], the write end at fds[1]. */
long sys_pipe2(int *fds, int flags)
{
	struct file *rd, *wr;
	struct pipe *p;
	int fd[2];
	long r;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT | O_NOTIFICATION_PIPE))
		return -EINVAL;
	/* What Linux answers when built without watch queues. */
	if (flags & O_NOTIFICATION_PIPE)
		return -ENOPKG;
	if (!(p = kzalloc(sizeof(*p))))
		return -ENOMEM;
	p->ino = next_ino++;
	p->atime = p->mtime = soil_time_ns();
	if (!(rd = file_new(&pipe_ops, p, O_RDONLY | (flags & O_NONBLOCK)))) {
		kfree(p);
		return -ENOMEM;
	}
	p->rd = rd;
	r = -ENOMEM;
	if (!(wr = file_new(&pipe_ops, p,
	    O_WRONLY | (flags & (O_NONBLOCK | O_DIRECT)))))
		goto err_rd;
	p->wr = wr;
	if ((r = fd[0] = fd_lowest_free(0)) < 0 ||
	    (r = fd[1] = fd_lowest_free(fd[0] + 1)) < 0)
		goto err_wr;
	r = -EFAULT;
	if (!user_ok(fds, sizeof(fd)))
		goto err_wr;
	if ((r = fd_install_at(fd[0], rd)) < 0)
		goto err_wr;
	if ((r = fd_install_at(fd[1], wr)) < 0)
		goto err_installed;
	fd_set_cloexec(fd[0], flags & O_CLOEXEC);
	fd_set_cloexec(fd[1], flags & O_CLOEXEC);
	fds[0] = fd[0];
	fds[1] = fd[1];
	return 0;

err_installed:
	fd_close(fd[0]);
	file_put(wr);
	return r;
err_wr:
	file_put(wr);
err_rd:
	file_put(rd);
	return r;
}

/* pipe(2). */
long sys_pipe(int *fds)
{
	return sys_pipe2(fds, 0);
}
