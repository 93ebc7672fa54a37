/*
 * Files opened from the tree (see soil/node_file.h): positioned I/O on
 * regular files, getdents64 on directories.
 */
#include <stddef.h>
#include <asm-generic/errno.h>
#include <asm/ioctls.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/stat.h>
#include "kernel/string.h"
#include "soil/node_file.h"
#include "soil/user.h"

/* Linux's struct linux_dirent64; the name follows, NUL-terminated. */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	char d_name[];
};
#define NAME_AT	offsetof(struct linux_dirent64, d_name)

/* Reads at *pos; past the end gives 0. */
static long reg_pread(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	long r = memfs_read(f->node, buf, n, *pos);

	*pos += (uint64_t)r;
	return r;
}

/* Writes at *pos, or at the end with O_APPEND (pwrite too, as on Linux). */
static long reg_pwrite(struct file *f, const void *buf, size_t n, uint64_t *pos)
{
	long r;

	if (f->flags & O_APPEND)
		*pos = f->node->size;
	r = memfs_write(f->node, buf, n, *pos);
	if (r > 0)
		*pos += (uint64_t)r;
	return r;
}

/* lseek on a regular file: SEEK_SET/CUR/END/DATA/HOLE. */
static long reg_lseek(struct file *f, int64_t off, int whence)
{
	int64_t size = (int64_t)f->node->size, at;

	switch (whence) {
	case SEEK_SET:
		at = off;
		break;
	case SEEK_CUR:
		if (__builtin_add_overflow((int64_t)f->offset, off, &at))
			return -EINVAL;
		break;
	case SEEK_END:
		if (__builtin_add_overflow(size, off, &at))
			return -EINVAL;
		break;
	case SEEK_DATA:
	case SEEK_HOLE:
		/* One extent of data, then the hole at the end. */
		if ((uint64_t)off >= (uint64_t)size)
			return -ENXIO;
		at = whence == SEEK_DATA ? off : size;
		break;
	default:
		return -EINVAL;
	}
	if (at < 0)
		return -EINVAL;
	f->offset = (uint64_t)at;
	return at;
}

/* FIONREAD: bytes from the offset to the end. */
static long reg_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	int *p = (int *)(uintptr_t)arg;
	uint64_t size = f->node->size;

	if (cmd != FIONREAD)
		return -ENOTTY;
	if (!user_ok(p, sizeof(*p)))
		return -EFAULT;
	*p = (int)(size > f->offset ? size - f->offset : 0);
	return 0;
}

/* ftruncate on a regular file. */
static long reg_truncate(struct file *f, uint64_t len)
{
	return memfs_truncate(f->node, len);
}

/* fsync and fdatasync: nothing is ever on a disk. */
static long sync_nothing(struct file *f)
{
	(void)f;
	return 0;
}

static const struct file_ops reg_ops = {
	.pread = reg_pread,
	.pwrite = reg_pwrite,
	.lseek = reg_lseek,
	.ioctl = reg_ioctl,
	.truncate = reg_truncate,
	.fsync = sync_nothing,
};

/* Directories are read with getdents64 only. */
static long dir_pread(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return -EISDIR;
}

/* Directory offsets are entry positions: SEEK_SET and SEEK_CUR only. */
static long dir_lseek(struct file *f, int64_t off, int whence)
{
	int64_t at;

	if (whence == SEEK_SET)
		at = off;
	else if (whence != SEEK_CUR ||
	    __builtin_add_overflow((int64_t)f->offset, off, &at))
		return -EINVAL;
	if (at < 0)
		return -EINVAL;
	f->offset = (uint64_t)at;
	return at;
}

/* Fills buf with whole records from the offset on. */
static long dir_getdents(struct file *f, void *buf, size_t n)
{
	struct linux_dirent64 d;
	struct mdir_entry e;
	char *out = buf;
	size_t used = 0, reclen;
	uint64_t pos = f->offset;

	if (!f->node->nlink)
		return -ENOENT;
	while (memfs_readdir(f->node, pos, &e)) {
		reclen = (NAME_AT + e.len + 1 + 7) & ~(size_t)7;
		if (reclen > n - used) {
			if (!used)
				return -EINVAL;
			break;
		}
		d.d_ino = e.ino;
		d.d_off = (int64_t)e.next;
		d.d_reclen = (uint16_t)reclen;
		d.d_type = (uint8_t)e.type;
		memset(out + used, 0, reclen);
		memcpy(out + used, &d, NAME_AT);
		memcpy(out + used + NAME_AT, e.name, e.len);
		used += reclen;
		pos = e.next;
	}
	f->offset = pos;
	return (long)used;
}

static const struct file_ops dir_ops = {
	.pread = dir_pread,
	.lseek = dir_lseek,
	.getdents = dir_getdents,
	.fsync = sync_nothing,
};

/* O_PATH handles: the syscalls refuse I/O on them before any operation. */
static const struct file_ops path_ops;

/* Opens node. */
struct file *node_open(struct mnode *node, uint32_t flags)
{
	const struct file_ops *ops = &path_ops;
	struct file *f;

	if (!(flags & O_PATH) && S_ISREG(node->mode))
		ops = &reg_ops;
	else if (!(flags & O_PATH) && S_ISDIR(node->mode))
		ops = &dir_ops;
	else if (!(flags & O_PATH) && S_ISCHR(node->mode) && node->u.dev)
		ops = node->u.dev;
	if (!(f = file_new(ops, NULL, flags)))
		return NULL;
	f->node = node;
	memfs_get(node);
	return f;
}
