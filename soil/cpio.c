/*
 * The cpio "newc" loader (see soil/cpio.h).  An entry is a 110-byte
 * header of ASCII: the magic and thirteen 8-digit hexadecimal fields;
 * then the name with its NUL, padded so the data starts 4-aligned; then
 * the data, padded to 4.  The entry named TRAILER!!! ends the archive.
 * Every length is checked against the end of the archive before use.
 */
#include <asm-generic/errno.h>
#include <linux/stat.h>
#include "kernel/kprintf.h"
#include "kernel/string.h"
#include "soil/cpio.h"

#define HDR_LEN		110
#define NFIELDS		13
#define NS		1000000000ll

enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE, F_DEVMAJOR,
	F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK };

/* One entry, as parsed. */
struct entry {
	unsigned index;			/* 1 for the first entry */
	uint32_t field[NFIELDS];
	const char *name;		/* NUL-terminated, inside the archive */
	const unsigned char *data;
	uint32_t size;
};

/* Prints "files: archive entry N ("name"): what" and returns err. */
static int fail(const struct entry *e, int err, const char *what)
{
	if (e->name)
		kprintf("files: archive entry %u (\"%.100s\"): %s\n", e->index,
		    e->name, what);
	else
		kprintf("files: archive entry %u: %s\n", e->index, what);
	return err;
}

/* Parses an 8-digit hex header field; -1 when a character is not hex. */
static int hex_field(const unsigned char *p, uint32_t *v)
{
	uint32_t x = 0;
	int i, d;

	for (i = 0; i < 8; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			d = p[i] - '0';
		else if ((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'f')
			d = (p[i] | 0x20) - 'a' + 10;
		else
			return -1;
		x = x << 4 | (uint32_t)d;
	}
	*v = x;
	return 0;
}

/* Whether the n bytes at p hold a NUL (a name must end with its first). */
static int has_nul(const unsigned char *p, size_t n)
{
	while (n--)
		if (!*p++)
			return 1;
	return 0;
}

/* Rounds n up to the 4-byte alignment of newc names and data. */
static uint64_t align4(uint64_t n)
{
	return (n + 3) & ~3ull;
}

/*
 * Parses the entry at *off of the archive (len bytes) into e and moves
 * *off past it.  Returns 0 or -EINVAL after a message.
 */
static int parse(const unsigned char *a, size_t len, uint64_t *off,
    struct entry *e)
{
	const unsigned char *h = a + *off;
	uint64_t name_end, data_at;
	uint32_t namesize;
	int i;

	e->name = NULL;
	if (len - *off < HDR_LEN)
		return fail(e, -EINVAL, "the archive ends inside the header");
	if (memcmp(h, "07070", 5) || (h[5] != '1' && h[5] != '2'))
		return fail(e, -EINVAL, "bad magic (not a cpio newc archive)");
	for (i = 0; i < NFIELDS; i++)
		if (hex_field(h + 6 + 8 * i, &e->field[i]))
			return fail(e, -EINVAL,
			    "a header field is not hexadecimal");
	namesize = e->field[F_NAMESIZE];
	if (namesize < 2 || namesize > MEMFS_PATH_MAX)
		return fail(e, -EINVAL, "absurd name length");
	name_end = *off + HDR_LEN + namesize;
	if (name_end > len)
		return fail(e, -EINVAL,
		    "the name goes beyond the end of the archive");
	if (h[HDR_LEN + namesize - 1] != '\0' ||
	    has_nul(h + HDR_LEN, namesize - 1))
		return fail(e, -EINVAL, "the name is not NUL-terminated");
	e->name = (const char *)h + HDR_LEN;
	data_at = align4(name_end);
	e->size = e->field[F_FILESIZE];
	if (data_at > len || e->size > len - data_at)
		return fail(e, -EINVAL,
		    "the data goes beyond the end of the archive");
	e->data = a + data_at;
	*off = align4(data_at + e->size);
	return 0;
}

/* The next component of *p (skipping slashes and "."); its length, or 0. */
static size_t component(const char **p)
{
	const char *s;

	for (;;) {
		while (**p == '/')
			(*p)++;
		for (s = *p; *s && *s != '/'; s++)
			;
		if (s - *p != 1 || **p != '.')
			return (size_t)(s - *p);
		*p = s;
	}
}

/*
 * Finds the directory for e's last component, making missing directories;
 * sets *name and *nlen to the last component (nlen 0: the root itself).
 */
static int parent_of(struct memfs *fs, const struct entry *e,
    struct mnode **dir, const char **name, size_t *nlen)
{
	const char *p = e->name, *c;
	struct mnode *d = fs->root, *next;
	size_t n, cn;
	int err;

	n = component(&p);
	for (;;) {
		c = p;
		cn = n;
		if (cn == 2 && c[0] == '.' && c[1] == '.')
			return fail(e, -EINVAL, "the name contains \"..\"");
		if (cn > MEMFS_NAME_MAX)
			return fail(e, -EINVAL, "a name component is too long");
		p += cn;
		n = component(&p);
		if (!n)
			break;
		next = memfs_lookup(d, c, cn);
		if (!next) {
			err = memfs_create(fs, d, c, cn, S_IFDIR | 0755, &next);
			if (err)
				return fail(e, err,
				    "cannot make its directory");
		} else if (!S_ISDIR(next->mode))
			return fail(e, -EINVAL, "a parent is not a directory");
		d = next;
	}
	*dir = d;
	*name = c;
	*nlen = cn;
	return 0;
}

/* Makes the node of one entry. */
static int load_entry(struct memfs *fs, const struct entry *e)
{
	uint32_t mode = e->field[F_MODE];
	int64_t mtime = (int64_t)e->field[F_MTIME] * NS;
	struct mnode *dir, *old, *n;
	const char *name;
	size_t len;
	int err;

	if (!S_ISDIR(mode) && !S_ISREG(mode) && !S_ISLNK(mode))
		return fail(e, -EINVAL, "not a directory, regular file or "
		    "symbolic link");
	if ((err = parent_of(fs, e, &dir, &name, &len)))
		return err;
	old = len ? memfs_lookup(dir, name, len) : dir;
	if (S_ISDIR(mode) && old && !S_ISDIR(old->mode))
		return fail(e, -EINVAL, "a directory with the name of a file");
	if (!S_ISDIR(mode) && old && S_ISDIR(old->mode))
		return fail(e, -EINVAL, "a file with the name of a directory");
	if (!S_ISDIR(mode) && old)
		memfs_unlink(dir, name, len);
	if (S_ISDIR(mode)) {
		n = old;
		err = n ? 0 : memfs_create(fs, dir, name, len, S_IFDIR, &n);
	} else if (S_ISREG(mode)) {
		err = memfs_create(fs, dir, name, len, S_IFREG, &n);
		if (!err)
			memfs_borrow(n, e->data, e->size);
	} else if (!e->size || has_nul(e->data, e->size))
		return fail(e, -EINVAL,
		    "a symbolic link to nothing or with a NUL");
	else
		err = memfs_symlink(fs, dir, name, len, (const char *)e->data,
		    e->size, &n);
	if (err == -ENOMEM)
		return fail(e, err, "out of memory");
	if (err)
		return fail(e, err, "cannot make it");
	if (!S_ISLNK(mode))
		memfs_chmod(n, mode);
	memfs_set_times(n, mtime, mtime);
	return 0;
}

/* Loads the archive into fs. */
int cpio_load(struct memfs *fs, const void *archive, size_t len)
{
	struct entry e = { 0, { 0 }, NULL, NULL, 0 };
	uint64_t off = 0;
	int err;

	if (!len)
		return 0;
	for (e.index = 1;; e.index++) {
		if (off >= len) {
			e.name = NULL;
			return fail(&e, -EINVAL, "the archive ends without its "
			    "TRAILER!!! entry");
		}
		if ((err = parse(archive, len, &off, &e)))
			return err;
		if (!strcmp(e.name, "TRAILER!!!"))
			return 0;
		if ((err = load_entry(fs, &e)))
			return err;
	}
}
