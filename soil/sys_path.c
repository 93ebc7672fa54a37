/*
 * The syscalls on paths (see soil/sys_file.h).  The program runs as root:
 * permission bits never refuse reading or writing, only execution by
 * access() of a file with no x bit.  Checks come in Linux's order: the
 * path string, then the directory fd, then the walk, then the last name.
 */
#include <asm-generic/errno.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/stat.h>
#include "kernel/string.h"
#include "soil/clock.h"
#include "soil/file.h"
#include "soil/files.h"
#include "soil/memfs.h"
#include "soil/node_file.h"
#include "soil/sys_file.h"
#include "soil/user.h"

/* access() modes; no uapi header has them (they are POSIX's values). */
#define MAY_EXEC	1
#define MAY_WRITE	2
#define MAY_READ	4

/* utimensat's special tv_nsec values (Linux ABI). */
#define UTIME_NOW	((1l << 30) - 1l)
#define UTIME_OMIT	((1l << 30) - 2l)

#define NS		1000000000ll

/* Checks a path string from the program: 0, -EFAULT or -ENAMETOOLONG. */
static long check_path(const char *path)
{
	size_t i;

	for (i = 0; i < MEMFS_PATH_MAX; i++) {
		if (!user_ok(path + i, 1))
			return -EFAULT;
		if (!path[i])
			return 0;
	}
	return -ENAMETOOLONG;
}

/* The directory a path starts from: the working one or dirfd's. */
static long start_dir(int dirfd, const char *path, struct mnode **dir)
{
	struct file *f;

	if (path[0] == '/' || dirfd == AT_FDCWD) {
		*dir = files_cwd;
		return 0;
	}
	if (!(f = fd_get(dirfd)))
		return -EBADF;
	if (!f->node || !S_ISDIR(f->node->mode))
		return -ENOTDIR;
	*dir = f->node;
	return 0;
}

/* Checks path and walks it from dirfd with memfs_walk's flags. */
static long resolve(int dirfd, const char *path, int flags, struct mpath *mp)
{
	struct mnode *start;
	long err;

	if ((err = check_path(path)))
		return err;
	if (!path[0])
		return -ENOENT;
	if ((err = start_dir(dirfd, path, &start)))
		return err;
	return memfs_walk(files_fs, start, path, flags, mp);
}

/* The node path names; it must exist, and be a directory if '/' ends it. */
static long lookup(int dirfd, const char *path, int flags, struct mnode **out)
{
	struct mpath mp;
	long err = resolve(dirfd, path, flags, &mp);

	if (err)
		return err;
	if (!mp.node)
		return -ENOENT;
	if (mp.slash && !S_ISDIR(mp.node->mode))
		return -ENOTDIR;
	*out = mp.node;
	return 0;
}

/*
 * The node for an *at call that takes AT_EMPTY_PATH: an empty path with
 * the flag means dirfd itself (the working directory for AT_FDCWD).
 */
static long lookup_at(int dirfd, const char *path, int flags, int empty_ok,
    struct mnode **out)
{
	struct file *f;
	long err;

	if ((err = check_path(path)))
		return err;
	if (path[0] || !empty_ok)
		return lookup(dirfd, path, flags, out);
	if (dirfd == AT_FDCWD) {
		*out = files_cwd;
		return 0;
	}
	if (!(f = fd_get(dirfd)))
		return -EBADF;
	if (!f->node)
		return -EBADF;
	*out = f->node;
	return 0;
}

/* Makes or finds the node for openat; see below. */
static long open_node(int dirfd, const char *path, int flags, unsigned int mode,
    struct mnode **out, int *created)
{
	int follow = !(flags & O_NOFOLLOW) &&
	    (flags & (O_CREAT | O_EXCL)) != (O_CREAT | O_EXCL);
	struct mpath mp;
	long err;

	if ((err = resolve(dirfd, path, follow ? MEMFS_FOLLOW : 0, &mp)))
		return err;
	*out = mp.node;
	if (!(flags & O_CREAT)) {
		if (!mp.node)
			return -ENOENT;
		if (mp.slash && !S_ISDIR(mp.node->mode))
			return -ENOTDIR;
		return 0;
	}
	if (mp.last == MP_NORMAL && mp.slash)
		return -EISDIR;
	if (mp.node && (flags & O_EXCL))
		return -EEXIST;
	if (mp.node)
		return S_ISDIR(mp.node->mode) ? -EISDIR : 0;
	*created = 1;
	return memfs_create(files_fs, mp.dir, mp.name, mp.len,
	    S_IFREG | (mode & 07777 & ~files_umask), out);
}

/*
 * openat: find or make the node, check it against the flags, open it.
 * What F_GETFL shows is kept: no O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC or
 * O_CLOEXEC, and O_LARGEFILE unless O_PATH, as on 64-bit Linux.
 */
long sys_openat(int dirfd, const char *path, int flags, unsigned int mode)
{
	uint32_t acc = flags & O_ACCMODE;
	struct mnode *n;
	struct file *f;
	int fd, created = 0;
	long err;

	if (flags & __O_TMPFILE)
		return -EOPNOTSUPP;
	if ((flags & O_CREAT) && (flags & O_DIRECTORY))
		return -EINVAL;
	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	if ((err = check_path(path)))
		return err;
	if ((fd = fd_lowest_free(0)) < 0)
		return fd;
	if ((err = open_node(dirfd, path, flags, mode, &n, &created)))
		return err;
	if (S_ISLNK(n->mode) && !(flags & O_PATH))
		return -ELOOP;
	if ((flags & O_DIRECTORY) && !S_ISDIR(n->mode))
		return -ENOTDIR;
	if (!(flags & O_PATH) && S_ISDIR(n->mode) &&
	    (acc != O_RDONLY || (flags & O_TRUNC)))
		return -EISDIR;
	if ((flags & O_TRUNC) && S_ISREG(n->mode) && !created &&
	    (err = memfs_truncate(n, 0)))
		return err;
	f = node_open(n, ((uint32_t)flags & ~(uint32_t)(O_CREAT | O_EXCL |
	    O_NOCTTY | O_TRUNC | O_CLOEXEC)) |
	    (flags & O_PATH ? 0 : O_LARGEFILE));
	if (!f)
		return -ENOMEM;
	if ((err = fd_install_at(fd, f)) < 0) {
		file_put(f);
		return err;
	}
	fd_set_cloexec(fd, flags & O_CLOEXEC);
	return fd;
}

/* open(2). */
long sys_open(const char *path, int flags, unsigned int mode)
{
	return sys_openat(AT_FDCWD, path, flags, mode);
}

/* creat(2). */
long sys_creat(const char *path, unsigned int mode)
{
	return sys_openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/* stat of what dirfd/path names into a kernel struct. */
static long stat_node(int dirfd, const char *path, int flags, struct stat *st)
{
	struct file *f;
	struct mnode *n;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT |
	    AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((err = check_path(path)))
		return err;
	if (!path[0] && (flags & AT_EMPTY_PATH) && dirfd != AT_FDCWD) {
		/* The fd may be a console or socket: its file says. */
		if (!(f = fd_get(dirfd)))
			return -EBADF;
		return file_stat(f, st);
	}
	err = lookup_at(dirfd, path, flags & AT_SYMLINK_NOFOLLOW ? 0 :
	    MEMFS_FOLLOW, flags & AT_EMPTY_PATH, &n);
	if (err)
		return err;
	memfs_stat(n, st);
	return 0;
}

/* newfstatat(2): AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH. */
long sys_newfstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	struct stat k;
	long err;

	if (flags & AT_STATX_SYNC_TYPE)
		return -EINVAL;
	if ((err = stat_node(dirfd, path, flags, &k)))
		return err;
	if (!user_ok(st, sizeof(*st)))
		return -EFAULT;
	*st = k;
	return 0;
}

/* stat(2). */
long sys_stat(const char *path, struct stat *st)
{
	return sys_newfstatat(AT_FDCWD, path, st, 0);
}

/* lstat(2). */
long sys_lstat(const char *path, struct stat *st)
{
	return sys_newfstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

/* Splits a Linux-encoded dev_t into statx's major and minor. */
static void dev_split(unsigned long dev, uint32_t *major, uint32_t *minor)
{
	*major = (uint32_t)(dev >> 8 & 0xfff);
	*minor = (uint32_t)((dev & 0xff) | (dev >> 12 & 0xfff00));
}

/* statx: the basic stats, from the same struct stat as fstatat. */
long sys_statx(int dirfd, const char *path, int flags, unsigned int mask,
    struct statx *stx)
{
	struct stat k;
	long err;

	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE ||
	    (mask & STATX__RESERVED))
		return -EINVAL;
	if ((err = stat_node(dirfd, path, flags, &k)))
		return err;
	if (!user_ok(stx, sizeof(*stx)))
		return -EFAULT;
	memset(stx, 0, sizeof(*stx));
	stx->stx_mask = STATX_BASIC_STATS;
	stx->stx_blksize = (uint32_t)k.st_blksize;
	stx->stx_nlink = (uint32_t)k.st_nlink;
	stx->stx_mode = (uint16_t)k.st_mode;
	stx->stx_ino = k.st_ino;
	stx->stx_size = (uint64_t)k.st_size;
	stx->stx_blocks = (uint64_t)k.st_blocks;
	stx->stx_atime.tv_sec = (int64_t)k.st_atime;
	stx->stx_atime.tv_nsec = (uint32_t)k.st_atime_nsec;
	stx->stx_mtime.tv_sec = (int64_t)k.st_mtime;
	stx->stx_mtime.tv_nsec = (uint32_t)k.st_mtime_nsec;
	stx->stx_ctime.tv_sec = (int64_t)k.st_ctime;
	stx->stx_ctime.tv_nsec = (uint32_t)k.st_ctime_nsec;
	dev_split(k.st_rdev, &stx->stx_rdev_major, &stx->stx_rdev_minor);
	dev_split(k.st_dev, &stx->stx_dev_major, &stx->stx_dev_minor);
	return 0;
}

/* unlink and rmdir: the last name itself, never a link's target. */
static long remove_at(int dirfd, const char *path, int dir)
{
	struct mpath mp;
	long err = resolve(dirfd, path, MEMFS_PARENT, &mp);

	if (err)
		return err;
	if (dir) {
		if (mp.last == MP_DOT)
			return -EINVAL;
		if (mp.last == MP_DOTDOT)
			return -ENOTEMPTY;
		if (mp.last == MP_ROOT)
			return -EBUSY;
		return memfs_rmdir(mp.dir, mp.name, mp.len);
	}
	if (mp.last != MP_NORMAL)
		return -EISDIR;
	if (mp.slash && mp.node)
		return S_ISDIR(mp.node->mode) ? -EISDIR : -ENOTDIR;
	return memfs_unlink(mp.dir, mp.name, mp.len);
}

/* unlinkat(2): AT_REMOVEDIR makes it rmdir. */
long sys_unlinkat(int dirfd, const char *path, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	return remove_at(dirfd, path, flags & AT_REMOVEDIR);
}

/* unlink(2). */
long sys_unlink(const char *path)
{
	return remove_at(AT_FDCWD, path, 0);
}

/* rmdir(2). */
long sys_rmdir(const char *path)
{
	return remove_at(AT_FDCWD, path, 1);
}

/*
 * Where a new name goes (mkdir, symlink, link): the name must be new
 * and plain; a '/' after a name that is not to be a directory: -ENOENT.
 */
static long new_name(int dirfd, const char *path, int dir, struct mpath *mp)
{
	long err = resolve(dirfd, path, MEMFS_PARENT, mp);

	if (err)
		return err;
	if (mp->last != MP_NORMAL || mp->node)
		return -EEXIST;
	if (mp->slash && !dir)
		return -ENOENT;
	return 0;
}

/* mkdirat(2): the mode is masked with the umask. */
long sys_mkdirat(int dirfd, const char *path, unsigned int mode)
{
	struct mpath mp;
	long err = new_name(dirfd, path, 1, &mp);

	if (err)
		return err;
	return memfs_create(files_fs, mp.dir, mp.name, mp.len,
	    S_IFDIR | (mode & 01777 & ~files_umask), NULL);
}

/* mkdir(2). */
long sys_mkdir(const char *path, unsigned int mode)
{
	return sys_mkdirat(AT_FDCWD, path, mode);
}

/* renameat2(2) with RENAME_NOREPLACE; RENAME_EXCHANGE and WHITEOUT: -EINVAL. */
long sys_renameat2(int olddirfd, const char *oldpath, int newdirfd,
    const char *newpath, unsigned int flags)
{
	struct mpath o, n;
	long err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;
	if ((err = resolve(olddirfd, oldpath, MEMFS_PARENT, &o)) ||
	    (err = resolve(newdirfd, newpath, MEMFS_PARENT, &n)))
		return err;
	if (o.last != MP_NORMAL)
		return -EBUSY;
	if (n.last != MP_NORMAL)
		return flags & RENAME_NOREPLACE ? -EEXIST : -EBUSY;
	if (!o.node)
		return -ENOENT;
	if ((flags & RENAME_NOREPLACE) && n.node)
		return -EEXIST;
	if (!S_ISDIR(o.node->mode) && (o.slash || n.slash))
		return -ENOTDIR;
	return memfs_rename(o.dir, o.name, o.len, n.dir, n.name, n.len);
}

/* renameat(2). */
long sys_renameat(int olddirfd, const char *oldpath, int newdirfd,
    const char *newpath)
{
	return sys_renameat2(olddirfd, oldpath, newdirfd, newpath, 0);
}

/* rename(2). */
long sys_rename(const char *oldpath, const char *newpath)
{
	return sys_renameat2(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

/* symlinkat(2). */
long sys_symlinkat(const char *target, int dirfd, const char *path)
{
	struct mpath mp;
	long err;

	if ((err = check_path(target)))
		return err;
	if (!target[0])
		return -ENOENT;
	if ((err = new_name(dirfd, path, 0, &mp)))
		return err;
	return memfs_symlink(files_fs, mp.dir, mp.name, mp.len, target,
	    strlen(target), NULL);
}

/* symlink(2). */
long sys_symlink(const char *target, const char *path)
{
	return sys_symlinkat(target, AT_FDCWD, path);
}

/* linkat(2): AT_SYMLINK_FOLLOW; directories cannot be linked. */
long sys_linkat(int olddirfd, const char *oldpath, int newdirfd,
    const char *newpath, int flags)
{
	struct mnode *old;
	struct mpath mp;
	long err;

	if (flags & ~AT_SYMLINK_FOLLOW)
		return -EINVAL;
	if ((err = lookup(olddirfd, oldpath, flags & AT_SYMLINK_FOLLOW ?
	    MEMFS_FOLLOW : 0, &old)))
		return err;
	if ((err = new_name(newdirfd, newpath, 0, &mp)))
		return err;
	return memfs_link(mp.dir, mp.name, mp.len, old);
}

/* link(2). */
long sys_link(const char *oldpath, const char *newpath)
{
	return sys_linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

/* readlinkat; an empty path reads the link an O_PATH fd holds. */
long sys_readlinkat(int dirfd, const char *path, char *buf, int size)
{
	struct mnode *n;
	size_t len;
	long err;

	if (size <= 0)
		return -EINVAL;
	if ((err = lookup_at(dirfd, path, 0, 1, &n)))
		return err;
	if (!S_ISLNK(n->mode))
		return path[0] ? -EINVAL : -ENOENT;
	len = n->size < (size_t)size ? n->size : (size_t)size;
	if (!user_ok(buf, len))
		return -EFAULT;
	memcpy(buf, n->u.target, len);
	return (long)len;
}

/* readlink(2). */
long sys_readlink(const char *path, char *buf, int size)
{
	return sys_readlinkat(AT_FDCWD, path, buf, size);
}

/* As root: only execution can be refused, of a file with no x bit. */
long sys_faccessat2(int dirfd, const char *path, int mode, int flags)
{
	struct mnode *n;
	long err;

	if (mode & ~(MAY_READ | MAY_WRITE | MAY_EXEC))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = lookup_at(dirfd, path, flags & AT_SYMLINK_NOFOLLOW ? 0 :
	    MEMFS_FOLLOW, flags & AT_EMPTY_PATH, &n);
	if (err)
		return err;
	if ((mode & MAY_EXEC) && !S_ISDIR(n->mode) && !(n->mode & 0111))
		return -EACCES;
	return 0;
}

/* faccessat(2). */
long sys_faccessat(int dirfd, const char *path, int mode)
{
	return sys_faccessat2(dirfd, path, mode, 0);
}

/* access(2). */
long sys_access(const char *path, int mode)
{
	return sys_faccessat2(AT_FDCWD, path, mode, 0);
}

/* truncate(2). */
long sys_truncate(const char *path, int64_t len)
{
	struct mnode *n;
	long err;

	if (len < 0)
		return -EINVAL;
	if ((err = lookup(AT_FDCWD, path, MEMFS_FOLLOW, &n)))
		return err;
	if (S_ISDIR(n->mode))
		return -EISDIR;
	if (!S_ISREG(n->mode))
		return -EINVAL;
	return memfs_truncate(n, (uint64_t)len);
}

/* fchmodat(2). */
long sys_fchmodat(int dirfd, const char *path, unsigned int mode)
{
	struct mnode *n;
	long err = lookup(dirfd, path, MEMFS_FOLLOW, &n);

	if (err)
		return err;
	memfs_chmod(n, mode);
	return 0;
}

/* chmod(2). */
long sys_chmod(const char *path, unsigned int mode)
{
	return sys_fchmodat(AT_FDCWD, path, mode);
}

/*
 * One utimensat time: nanoseconds, or -1 to leave it (also for times
 * before 1970).  Nodes hold signed 64-bit nanoseconds: a later time is
 * kept as the last one they can hold (2262), as Linux clamps to a file
 * system's range.
 */
static long utime_ns(const struct __kernel_timespec *t, int64_t now,
    int64_t *ns)
{
	if (!t || t->tv_nsec == UTIME_NOW)
		*ns = now;
	else if (t->tv_nsec == UTIME_OMIT)
		*ns = -1;
	else if (t->tv_nsec < 0 || t->tv_nsec >= NS)
		return -EINVAL;
	else if (t->tv_sec < 0)
		*ns = -1;
	else if (t->tv_sec >= INT64_MAX / NS)
		*ns = INT64_MAX;
	else
		*ns = t->tv_sec * NS + t->tv_nsec;
	return 0;
}

/*
 * utimensat; a NULL path means dirfd itself (futimens).  Times before
 * 1970 are not kept.
 */
long sys_utimensat(int dirfd, const char *path,
    const struct __kernel_timespec *times, int flags)
{
	int64_t now = (int64_t)soil_time_ns(), a, m;
	struct file *f;
	struct mnode *n;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (times && !user_ok(times, 2 * sizeof(*times)))
		return -EFAULT;
	if ((err = utime_ns(times, now, &a)) ||
	    (err = utime_ns(times ? times + 1 : NULL, now, &m)))
		return err;
	if (path) {
		err = lookup_at(dirfd, path, flags & AT_SYMLINK_NOFOLLOW ? 0 :
		    MEMFS_FOLLOW, flags & AT_EMPTY_PATH, &n);
		if (err)
			return err;
	} else {
		if (!(f = fd_get(dirfd)))
			return -EBADF;
		if (!(n = f->node))
			return 0;
	}
	memfs_set_times(n, a, m);
	return 0;
}

/* getcwd(2): the length with the NUL; -ENOENT once the directory is gone. */
long sys_getcwd(char *buf, unsigned long size)
{
	if (size && !user_ok(buf, size))
		return -EFAULT;
	return memfs_path(files_fs, files_cwd, buf, size);
}

/* chdir(2). */
long sys_chdir(const char *path)
{
	struct mnode *n;
	long err = lookup(AT_FDCWD, path, MEMFS_FOLLOW, &n);

	if (err)
		return err;
	if (!S_ISDIR(n->mode))
		return -ENOTDIR;
	files_set_cwd(n);
	return 0;
}

/* fchdir(2); O_PATH handles too. */
long sys_fchdir(int fd)
{
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	if (!f->node || !S_ISDIR(f->node->mode))
		return -ENOTDIR;
	files_set_cwd(f->node);
	return 0;
}

/* umask(2). */
long sys_umask(unsigned int mask)
{
	uint32_t old = files_umask;

	files_umask = mask & 0777;
	return old;
}
