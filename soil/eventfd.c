/*
 * eventfd(2) and eventfd2(2): a 64-bit counter as a file.  A write adds
 * to it, waiting (or -EAGAIN) while the sum would pass 2^64 - 2; a read
 * returns it and sets it to 0 (EFD_SEMAPHORE: returns 1 and takes 1),
 * waiting (or -EAGAIN) while it is 0.  Reads and writes move 8 bytes in
 * host order; shorter buffers are -EINVAL.
 */
#include <asm-generic/errno.h>
#include <asm-generic/poll.h>
#include <linux/fcntl.h>
#include "kernel/kmalloc.h"
#include "kernel/string.h"
#include "soil/anon_inode.h"
#include "soil/file.h"
#include "soil/sys_event.h"
#include "soil/timeout.h"
#include "soil/wait.h"

/* <linux/eventfd.h> is not in Debian 12's uapi headers. */
#define EFD_SEMAPHORE	1
#define EFD_CLOEXEC	O_CLOEXEC
#define EFD_NONBLOCK	O_NONBLOCK

#define COUNT_MAX	(UINT64_MAX - 1)

struct eventfd {
	uint64_t count;
	bool semaphore;
};

/* Can a read take something? */
static bool has_count(void *arg)
{
	struct eventfd *e = arg;

	return e->count > 0;
}

struct adding {
	struct eventfd *e;
	uint64_t n;
};

/* Does n fit without passing COUNT_MAX? */
static bool fits(void *arg)
{
	struct adding *a = arg;

	return a->n <= COUNT_MAX - a->e->count;
}

/* read(2): the counter, or 1 in semaphore mode. */
static long eventfd_read(struct file *f, void *buf, size_t n)
{
	struct eventfd *e = f->priv;
	uint64_t v;
	int r;

	if (n < sizeof(v))
		return -EINVAL;
	while (!e->count) {
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		if ((r = soil_wait(TIMEOUT_FOREVER, has_count, e)) < 0)
			return r;
	}
	v = e->semaphore ? 1 : e->count;
	e->count -= v;
	memcpy(buf, &v, sizeof(v));
	file_wake(f, POLLOUT);
	return sizeof(v);
}

/* write(2): adds to the counter; 2^64 - 1 is never a valid amount. */
static long eventfd_write(struct file *f, const void *buf, size_t n)
{
	struct adding a = { f->priv, 0 };
	int r;

	if (n < sizeof(a.n))
		return -EINVAL;
	memcpy(&a.n, buf, sizeof(a.n));
	if (a.n == UINT64_MAX)
		return -EINVAL;
	while (!fits(&a)) {
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		if ((r = soil_wait(TIMEOUT_FOREVER, fits, &a)) < 0)
			return r;
	}
	a.e->count += a.n;
	file_wake(f, POLLIN);
	return sizeof(a.n);
}

/* POLLIN with a count, POLLOUT while 1 more fits; no RDNORM, as Linux. */
static unsigned eventfd_poll(struct file *f)
{
	struct eventfd *e = f->priv;
	unsigned mask = 0;

	if (e->count)
		mask |= POLLIN;
	if (e->count < COUNT_MAX)
		mask |= POLLOUT;
	return mask;
}

/* Frees the counter. */
static void eventfd_close(struct file *f)
{
	kfree(f->priv);
}

static const struct file_ops eventfd_ops = {
	.read = eventfd_read,
	.write = eventfd_write,
	.stat = anon_inode_stat,
	.close = eventfd_close,
	.poll = eventfd_poll,
};

/* eventfd2(2). */
long sys_eventfd2(unsigned int count, int flags)
{
	struct eventfd *e;
	struct file *f;
	int fd;

	if (flags & ~(EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK))
		return -EINVAL;
	if (!(e = kzalloc(sizeof(*e))))
		return -ENOMEM;
	e->count = count;
	e->semaphore = flags & EFD_SEMAPHORE;
	if (!(f = file_new(&eventfd_ops, e, O_RDWR | (flags & EFD_NONBLOCK)))) {
		kfree(e);
		return -ENOMEM;
	}
	if ((fd = fd_install(f)) < 0) {
		file_put(f);
		return fd;
	}
	fd_set_cloexec(fd, flags & EFD_CLOEXEC);
	return fd;
}

/* eventfd(2): no flags. */
long sys_eventfd(unsigned int count)
{
	return sys_eventfd2(count, 0);
}
