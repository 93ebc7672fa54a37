/*
 * /dev/null, /dev/zero, /dev/full, /dev/random and /dev/urandom (see
 * soil/devfs.h), with Linux's device numbers.  Reads and writes ignore
 * the offset; lseek leaves it at 0, as Linux's null and zero do.
 */
#include <asm-generic/errno.h>
#include <linux/stat.h>
#include "drivers/rng.h"
#include "kernel/string.h"
#include "soil/devfs.h"
#include "soil/file.h"

/* Linux's dev_t encoding in struct stat for major 1 ("mem"), minor m. */
#define MEM_DEV(m)	(1u << 8 | (m))

/* /dev/null's read: always at the end. */
static long read_nothing(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return 0;
}

/* /dev/zero's and /dev/full's read: as many zeros as asked. */
static long read_zeros(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)pos;
	memset(buf, 0, n);
	return (long)n;
}

/* /dev/random's and /dev/urandom's read: drivers/rng.c never blocks. */
static long read_random(struct file *f, void *buf, size_t n, uint64_t *pos)
{
	(void)f, (void)pos;
	rng_fill(buf, n);
	return (long)n;
}

/* A write that takes every byte and keeps none (null, zero, random). */
static long write_sink(struct file *f, const void *buf, size_t n,
    uint64_t *pos)
{
	(void)f, (void)buf, (void)pos;
	return (long)n;
}

/* /dev/full's write: the device is always out of space. */
static long write_full(struct file *f, const void *buf, size_t n,
    uint64_t *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return -ENOSPC;
}

/* lseek on a device: any request leaves the offset at 0. */
static long seek_zero(struct file *f, int64_t off, int whence)
{
	(void)off, (void)whence;
	f->offset = 0;
	return 0;
}

static const struct file_ops null_ops = {
	.pread = read_nothing, .pwrite = write_sink, .lseek = seek_zero,
};
static const struct file_ops zero_ops = {
	.pread = read_zeros, .pwrite = write_sink, .lseek = seek_zero,
};
static const struct file_ops full_ops = {
	.pread = read_zeros, .pwrite = write_full, .lseek = seek_zero,
};
static const struct file_ops random_ops = {
	.pread = read_random, .pwrite = write_sink, .lseek = seek_zero,
};

static const struct device {
	const char *name;
	unsigned minor;
	const struct file_ops *ops;
} devices[] = {
	{ "null", 3, &null_ops },
	{ "zero", 5, &zero_ops },
	{ "full", 7, &full_ops },
	{ "random", 8, &random_ops },
	{ "urandom", 9, &random_ops },
};

/* Creates the device nodes in dir. */
int devfs_init(struct memfs *fs, struct mnode *dir)
{
	struct mnode *n;
	size_t i;
	int err;

	for (i = 0; i < sizeof(devices) / sizeof(devices[0]); i++) {
		err = memfs_create(fs, dir, devices[i].name,
		    strlen(devices[i].name), S_IFCHR | 0666, &n);
		if (err)
			return err;
		memfs_set_device(n, MEM_DEV(devices[i].minor), devices[i].ops);
	}
	return 0;
}
