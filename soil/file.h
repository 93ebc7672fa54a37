/*
 * Open file descriptions and the descriptor table.  A struct file is what
 * open() makes and dup() shares: operations, offset, status flags.  The
 * table maps fds to files; each fd has its own close-on-exec flag.
 *
 * Console, device and socket code makes files with file_new and a
 * struct file_ops; a NULL operation means "not supported" and the
 * syscall returns the errno Linux gives for it (noted per operation).
 */
#ifndef SOIL_FILE_H
#define SOIL_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <asm/stat.h>

#define FD_LIMIT	1024	/* fds 0 .. FD_LIMIT - 1 (RLIMIT_NOFILE) */

struct file;
struct mnode;

struct file_ops {
	/* Stream I/O, no position (consoles, sockets). NULL: pread/pwrite. */
	long (*read)(struct file *f, void *buf, size_t n);
	long (*write)(struct file *f, const void *buf, size_t n);
	/*
	 * Positioned I/O at *pos, which they advance by the count; write
	 * and pwrite pass &f->offset.  NULL (and no read/write): -EINVAL;
	 * for pread64/pwrite64: -ESPIPE.
	 */
	long (*pread)(struct file *f, void *buf, size_t n, uint64_t *pos);
	long (*pwrite)(struct file *f, const void *buf, size_t n,
	    uint64_t *pos);
	/* Returns the new offset. NULL: -ESPIPE. */
	long (*lseek)(struct file *f, int64_t off, int whence);
	/* NULL: the file system node's, or a plain character device's. */
	long (*stat)(struct file *f, struct stat *st);
	/* NULL: -ENOTTY. */
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	/* Fills linux_dirent64 records. NULL: -ENOTDIR. */
	long (*getdents)(struct file *f, void *buf, size_t n);
	/* NULL: -EINVAL. */
	long (*truncate)(struct file *f, uint64_t len);
	/* NULL: -EINVAL, as Linux has it for devices. */
	long (*fsync)(struct file *f);
	/* The last reference is gone: free priv. NULL: nothing to free. */
	void (*close)(struct file *f);
	/*
	 * Readiness now: POLLIN, POLLOUT, POLLHUP, POLLERR... bits
	 * (<asm-generic/poll.h>).  NULL: always readable and writable, as
	 * Linux has regular files and devices; epoll refuses such files.
	 * A file with poll calls file_wake when its readiness changes.
	 */
	unsigned (*poll)(struct file *f);
};

/*
 * Someone told about a file's events (epoll, soil/epoll.c): wake runs on
 * file_wake, closed when the file's last reference goes (the watch is
 * already off the file's list then).
 */
struct file_watch {
	struct file_watch *next;
	void (*wake)(struct file_watch *w, unsigned events);
	void (*closed)(struct file_watch *w);
};

struct file {
	const struct file_ops *ops;
	void *priv;		/* the owner's state */
	struct mnode *node;	/* the tree's node opened, or NULL */
	uint64_t offset;
	uint32_t flags;		/* O_ACCMODE, O_APPEND, O_NONBLOCK, O_PATH... */
	uint32_t refs;
	struct file_watch *watches;	/* see file_watch_add */
};

/*
 * A new file with one reference; flags are open()'s (access mode and
 * status flags).  NULL without memory.
 */
struct file *file_new(const struct file_ops *ops, void *priv, uint32_t flags);
/* Takes and drops a reference; the last file_put closes the file. */
void file_get(struct file *f);
void file_put(struct file *f);
/* May f be read, written (its access mode; O_PATH files neither)? */
int file_readable(const struct file *f);
int file_writable(const struct file *f);
/* Fills st: ops->stat, else the node's, else a character device's. */
long file_stat(struct file *f, struct stat *st);

/* Adds w to f's watches; removes it (it must be there). soil/file_watch.c */
void file_watch_add(struct file *f, struct file_watch *w);
void file_watch_remove(struct file *f, struct file_watch *w);
/*
 * f's readiness changed in the ways events name (0: any way): tells
 * every watch, as a Linux wake-up of the file's wait queue does.
 */
void file_wake(struct file *f, unsigned events);

/*
 * Installs f at the lowest free fd (at least min for fd_install_min)
 * and returns it; the table takes over the caller's reference.  -EMFILE
 * when none is free, -ENOMEM; the caller keeps its reference then.
 */
int fd_install(struct file *f);
int fd_install_min(struct file *f, int min);
/*
 * Installs f at fd, closing what was there; -EBADF when fd is out of
 * range, -ENOMEM.  The close-on-exec flag starts clear.
 */
int fd_install_at(int fd, struct file *f);
/* The file at fd, or NULL (the syscall returns -EBADF). No reference taken. */
struct file *fd_get(int fd);
/* Closes fd: 0 or -EBADF. */
int fd_close(int fd);
/* The lowest free fd at or above min, or -EMFILE. */
int fd_lowest_free(int min);
/* Close-on-exec flag of an open fd. */
int fd_cloexec(int fd);
void fd_set_cloexec(int fd, int on);

#endif
