/*
 * Open files and the descriptor table (see soil/file.h).  The table is
 * allocated at run time (.bss is stored in the image) and grows by
 * doubling up to FD_LIMIT slots.
 */
#include <asm-generic/errno.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include "kernel/kmalloc.h"
#include "kernel/string.h"
#include "soil/file.h"
#include "soil/memfs.h"

struct fd_slot {
	struct file *file;
	int cloexec;
};

static struct fd_slot *table;
static int table_size;

/* A new file with one reference. */
struct file *file_new(const struct file_ops *ops, void *priv, uint32_t flags)
{
	struct file *f = kzalloc(sizeof(*f));

	if (!f)
		return NULL;
	f->ops = ops;
	f->priv = priv;
	f->flags = flags;
	f->refs = 1;
	return f;
}

/* Takes a reference. */
void file_get(struct file *f)
{
	f->refs++;
}

/* Drops a reference; the last tells the watches, then closes file and node. */
void file_put(struct file *f)
{
	struct file_watch *w;

	if (--f->refs)
		return;
	while ((w = f->watches)) {
		f->watches = w->next;
		w->closed(w);
	}
	if (f->ops->close)
		f->ops->close(f);
	if (f->node)
		memfs_put(f->node);
	kfree(f);
}

/* May f be read? O_PATH handles are never. */
int file_readable(const struct file *f)
{
	uint32_t acc = f->flags & O_ACCMODE;

	return !(f->flags & O_PATH) && (acc == O_RDONLY || acc == O_RDWR);
}

/* May f be written? O_PATH handles are never. */
int file_writable(const struct file *f)
{
	uint32_t acc = f->flags & O_ACCMODE;

	return !(f->flags & O_PATH) && (acc == O_WRONLY || acc == O_RDWR);
}

/* Fills st; a file with neither stat nor node passes for a terminal device. */
long file_stat(struct file *f, struct stat *st)
{
	if (f->ops->stat)
		return f->ops->stat(f, st);
	if (f->node) {
		memfs_stat(f->node, st);
		return 0;
	}
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFCHR | 0620;
	st->st_nlink = 1;
	st->st_blksize = 1024;
	return 0;
}

/* Makes the table hold fd; -ENOMEM. */
static int grow(int fd)
{
	struct fd_slot *t;
	int n = table_size ? table_size : 64;

	if (fd < table_size)
		return 0;
	while (n <= fd)
		n *= 2;
	if (n > FD_LIMIT)
		n = FD_LIMIT;
	if (!(t = krealloc(table, (size_t)n * sizeof(*t))))
		return -ENOMEM;
	memset(t + table_size, 0, (size_t)(n - table_size) * sizeof(*t));
	table = t;
	table_size = n;
	return 0;
}

/* The lowest free fd at or above min. */
int fd_lowest_free(int min)
{
	int fd;

	for (fd = min < 0 ? 0 : min; fd < table_size; fd++)
		if (!table[fd].file)
			return fd;
	return fd < FD_LIMIT ? fd : -EMFILE;
}

/* Installs f at fd, closing what was there. */
int fd_install_at(int fd, struct file *f)
{
	struct file *old;

	if (fd < 0 || fd >= FD_LIMIT)
		return -EBADF;
	if (grow(fd))
		return -ENOMEM;
	old = table[fd].file;
	table[fd].file = f;
	table[fd].cloexec = 0;
	if (old)
		file_put(old);
	return fd;
}

/* Installs f at the lowest free fd at or above min. */
int fd_install_min(struct file *f, int min)
{
	int fd = fd_lowest_free(min);

	return fd < 0 ? fd : fd_install_at(fd, f);
}

/* Installs f at the lowest free fd. */
int fd_install(struct file *f)
{
	return fd_install_min(f, 0);
}

/* The file at fd, or NULL. */
struct file *fd_get(int fd)
{
	if (fd < 0 || fd >= table_size)
		return NULL;
	return table[fd].file;
}

/* Closes fd. */
int fd_close(int fd)
{
	struct file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	table[fd].file = NULL;
	file_put(f);
	return 0;
}

/* The close-on-exec flag of fd (0 when fd is not open). */
int fd_cloexec(int fd)
{
	return fd_get(fd) ? table[fd].cloexec : 0;
}

/* Sets or clears fd's close-on-exec flag. */
void fd_set_cloexec(int fd, int on)
{
	if (fd_get(fd))
		table[fd].cloexec = on;
}
