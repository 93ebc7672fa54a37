/*
 * The syscalls on descriptors (see soil/sys_file.h).  Checks come in the
 * order Linux makes them, so a call with several faults fails as it would
 * there.  O_PATH handles allow only fstat, fcntl's fd calls, dup, close
 * and use as a directory; everything else is -EBADF on them.
 */
#include <asm-generic/errno.h>
#include <asm-generic/poll.h>
#include <asm/ioctls.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/random.h>
#include "drivers/rng.h"
#include "soil/file.h"
#include "soil/memfs.h"
#include "soil/sys_file.h"
#include "soil/user.h"

#define MAX_RW		0x7ffff000ul	/* Linux's MAX_RW_COUNT */
#define SSIZE_MAX	0x7fffffffffffffffull

/* The file at fd for I/O: NULL for a bad fd or an O_PATH handle. */
static struct file *io_file(int fd)
{
	struct file *f = fd_get(fd);

	return f && !(f->flags & O_PATH) ? f : NULL;
}

/*
 * The checks Linux makes on a read's or write's count and buffer, last:
 * caps *n at MAX_RW, then -EFAULT unless the program owns the buffer.
 */
static long check_buf(const void *buf, size_t *n)
{
	if (*n > MAX_RW)
		*n = MAX_RW;
	return *n && !user_ok(buf, *n) ? -EFAULT : 0;
}

/* read at the file's offset (or from its stream), after Linux's checks. */
static long do_read(struct file *f, void *buf, size_t n)
{
	long r;

	if (!file_readable(f))
		return -EBADF;
	if (!f->ops->read && !f->ops->pread)
		return -EINVAL;
	if ((r = check_buf(buf, &n)) < 0)
		return r;
	if (f->ops->read)
		return f->ops->read(f, buf, n);
	return f->ops->pread(f, buf, n, &f->offset);
}

/* write at the file's offset (or to its stream), after Linux's checks. */
static long do_write(struct file *f, const void *buf, size_t n)
{
	long r;

	if (!file_writable(f))
		return -EBADF;
	if (!f->ops->write && !f->ops->pwrite)
		return -EINVAL;
	if ((r = check_buf(buf, &n)) < 0)
		return r;
	if (f->ops->write)
		return f->ops->write(f, buf, n);
	return f->ops->pwrite(f, buf, n, &f->offset);
}

/* read(2). */
long sys_read(int fd, void *buf, size_t n)
{
	struct file *f = io_file(fd);

	return f ? do_read(f, buf, n) : -EBADF;
}

/* write(2). */
long sys_write(int fd, const void *buf, size_t n)
{
	struct file *f = io_file(fd);

	return f ? do_write(f, buf, n) : -EBADF;
}

/*
 * readv and writev: the lengths are checked first, the buffers as they
 * are reached, so a bad one after good ones gives a short count, as a
 * fault in the copy does on Linux.
 */
static long do_iov(int fd, const struct iovec *iov, int cnt, int writing)
{
	struct file *f = io_file(fd);
	uint64_t total = 0;
	long r, done = 0;
	int i;

	if (!f)
		return -EBADF;
	if (!(writing ? file_writable(f) : file_readable(f)))
		return -EBADF;
	if (cnt < 0 || cnt > UIO_MAXIOV)
		return -EINVAL;
	if (cnt && !user_ok(iov, (size_t)cnt * sizeof(*iov)))
		return -EFAULT;
	for (i = 0; i < cnt; i++) {
		if (iov[i].iov_len > SSIZE_MAX - total)
			return -EINVAL;
		total += iov[i].iov_len;
	}
	for (i = 0; i < cnt; i++) {
		/*
		 * Linux reads a pipe or terminal once for all vectors: what
		 * is there.  So a later vector must not wait for more.
		 */
		if (done && !writing && f->ops->poll &&
		    !(f->ops->poll(f) & POLLIN))
			break;
		r = writing ? do_write(f, iov[i].iov_base, iov[i].iov_len) :
		    do_read(f, iov[i].iov_base, iov[i].iov_len);
		if (r < 0)
			return done ? done : r;
		done += r;
		if ((size_t)r < iov[i].iov_len)
			break;
	}
	return done;
}

/* readv(2). */
long sys_readv(int fd, const struct iovec *iov, int iovcnt)
{
	return do_iov(fd, iov, iovcnt, 0);
}

/* writev(2): musl's stdout writes through it. */
long sys_writev(int fd, const struct iovec *iov, int iovcnt)
{
	return do_iov(fd, iov, iovcnt, 1);
}

/* pread64(2): -ESPIPE on streams; the offset is left alone. */
long sys_pread64(int fd, void *buf, size_t n, int64_t off)
{
	struct file *f;
	uint64_t pos = (uint64_t)off;
	long r;

	if (off < 0)
		return -EINVAL;
	if (!(f = io_file(fd)))
		return -EBADF;
	if (!f->ops->pread)
		return -ESPIPE;
	if (!file_readable(f))
		return -EBADF;
	if ((r = check_buf(buf, &n)) < 0)
		return r;
	return f->ops->pread(f, buf, n, &pos);
}

/* pwrite64(2): -ESPIPE on streams; O_APPEND still appends, as on Linux. */
long sys_pwrite64(int fd, const void *buf, size_t n, int64_t off)
{
	struct file *f;
	uint64_t pos = (uint64_t)off;
	long r;

	if (off < 0)
		return -EINVAL;
	if (!(f = io_file(fd)))
		return -EBADF;
	if (!f->ops->pwrite)
		return -ESPIPE;
	if (!file_writable(f))
		return -EBADF;
	if ((r = check_buf(buf, &n)) < 0)
		return r;
	return f->ops->pwrite(f, buf, n, &pos);
}

/* lseek(2). */
long sys_lseek(int fd, int64_t off, unsigned int whence)
{
	struct file *f = io_file(fd);

	if (!f)
		return -EBADF;
	if (whence > SEEK_MAX)
		return -EINVAL;
	if (!f->ops->lseek)
		return -ESPIPE;
	return f->ops->lseek(f, off, (int)whence);
}

/* close(2). */
long sys_close(int fd)
{
	return fd_close(fd);
}

/* fstat(2); O_PATH handles too. */
long sys_fstat(int fd, struct stat *st)
{
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	if (!user_ok(st, sizeof(*st)))
		return -EFAULT;
	return file_stat(f, st);
}

/* getdents64(2). */
long sys_getdents64(int fd, void *dirp, unsigned int count)
{
	struct file *f = io_file(fd);

	if (!f)
		return -EBADF;
	if (count && !user_ok(dirp, count))
		return -EFAULT;
	if (!f->ops->getdents)
		return -ENOTDIR;
	return f->ops->getdents(f, dirp, count);
}

/* ftruncate(2): -EINVAL unless a regular file open for writing. */
long sys_ftruncate(int fd, int64_t len)
{
	struct file *f;

	if (len < 0)
		return -EINVAL;
	if (!(f = io_file(fd)))
		return -EBADF;
	if (!file_writable(f) || !f->ops->truncate)
		return -EINVAL;
	return f->ops->truncate(f, (uint64_t)len);
}

/* fsync(2): nothing to write back for the tree; -EINVAL on devices. */
long sys_fsync(int fd)
{
	struct file *f = io_file(fd);

	if (!f)
		return -EBADF;
	return f->ops->fsync ? f->ops->fsync(f) : -EINVAL;
}

/* fdatasync(2), as fsync. */
long sys_fdatasync(int fd)
{
	return sys_fsync(fd);
}

/* Changes the permission bits of the node; a file without one has none. */
long sys_fchmod(int fd, unsigned int mode)
{
	struct file *f = io_file(fd);

	if (!f)
		return -EBADF;
	if (f->node)
		memfs_chmod(f->node, mode);
	return 0;
}

/* Record locks: one process holds every lock it asks for. */
static long lock(struct file *f, unsigned int cmd, struct flock *fl)
{
	if (!user_ok(fl, sizeof(*fl)))
		return -EFAULT;
	if (fl->l_type != F_RDLCK && fl->l_type != F_WRLCK &&
	    fl->l_type != F_UNLCK)
		return -EINVAL;
	if (cmd == F_GETLK || cmd == F_OFD_GETLK) {
		fl->l_type = F_UNLCK;
		return 0;
	}
	if ((fl->l_type == F_RDLCK && !file_readable(f)) ||
	    (fl->l_type == F_WRLCK && !file_writable(f)))
		return -EBADF;
	return 0;
}

/* A new fd at or above min for f, with close-on-exec as asked. */
static long dup_from(struct file *f, unsigned long min, int cloexec)
{
	int fd;

	if (min >= FD_LIMIT)
		return -EINVAL;
	file_get(f);
	fd = fd_install_min(f, (int)min);
	if (fd < 0) {
		file_put(f);
		return fd;
	}
	fd_set_cloexec(fd, cloexec);
	return fd;
}

/* fcntl(2): F_DUPFD(_CLOEXEC), F_GETFD/SETFD, F_GETFL/SETFL, record locks. */
long sys_fcntl(int fd, unsigned int cmd, unsigned long arg)
{
	const uint32_t settable = O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME |
	    FASYNC;
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		return dup_from(f, arg, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		return fd_cloexec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		fd_set_cloexec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return f->flags;
	}
	if (f->flags & O_PATH)
		return -EBADF;
	switch (cmd) {
	case F_SETFL:
		f->flags = (f->flags & ~settable) | ((uint32_t)arg & settable);
		return 0;
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_GETLK:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		return lock(f, cmd, (struct flock *)(uintptr_t)arg);
	}
	return -EINVAL;
}

/* dup(2). */
long sys_dup(int fd)
{
	struct file *f = fd_get(fd);

	return f ? dup_from(f, 0, 0) : -EBADF;
}

/* dup3(2): closes what newfd held. */
long sys_dup3(int oldfd, int newfd, int flags)
{
	struct file *f;
	int r;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd < 0 || newfd >= FD_LIMIT)
		return -EBADF;
	if (!(f = fd_get(oldfd)))
		return -EBADF;
	file_get(f);
	if ((r = fd_install_at(newfd, f)) < 0) {
		file_put(f);
		return r;
	}
	fd_set_cloexec(newfd, flags & O_CLOEXEC);
	return newfd;
}

/* dup2(2): the same fd twice is a check that it is open. */
long sys_dup2(int oldfd, int newfd)
{
	if (oldfd == newfd)
		return fd_get(oldfd) ? newfd : -EBADF;
	return sys_dup3(oldfd, newfd, 0);
}

/* The fd-level requests first, then the file's own. */
long sys_ioctl(int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = io_file(fd);
	int *p = (int *)(uintptr_t)arg;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		fd_set_cloexec(fd, cmd == FIOCLEX);
		return 0;
	case FIONBIO:
		if (!user_ok(p, sizeof(*p)))
			return -EFAULT;
		if (*p)
			f->flags |= O_NONBLOCK;
		else
			f->flags &= ~(uint32_t)O_NONBLOCK;
		return 0;
	}
	return f->ops->ioctl ? f->ops->ioctl(f, cmd, arg) : -ENOTTY;
}

/* Never blocks: the CPU source is always ready. */
long sys_getrandom(void *buf, size_t n, unsigned int flags)
{
	long r;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	if ((r = check_buf(buf, &n)) < 0)
		return r;
	rng_fill(buf, n);
	return (long)n;
}
