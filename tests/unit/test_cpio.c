/* The newc loader on hand-made archives, good and damaged. */
#include <asm-generic/errno.h>
#include <linux/stat.h>
#include <stdio.h>
#include <string.h>
#include "soil/cpio.h"
#include "soil/memfs.h"
#include "tests/unit/check.h"
#include "tests/unit/kstubs.h"

static unsigned char ar[65536];
static size_t len;

/* Appends one entry; namesize -1 means the name's length plus its NUL. */
static void entry_raw(const char *magic, const char *name, long namesize,
    unsigned mode, unsigned mtime, const void *data, unsigned size)
{
	size_t n = namesize < 0 ? strlen(name) + 1 : (size_t)namesize;

	len += (size_t)sprintf((char *)ar + len, "%s%08X%08X%08X%08X%08X%08X"
	    "%08X%08X%08X%08X%08X%08zX%08X", magic, 1, mode, 0, 0, 1, mtime,
	    size, 0, 0, 0, 0, n, 0);
	memcpy(ar + len, name, strlen(name) + 1);
	len += n;
	len = (len + 3) & ~(size_t)3;
	memcpy(ar + len, data, size);
	len += size;
	len = (len + 3) & ~(size_t)3;
}

/* Appends a well-formed entry with name, mode and data to the archive. */
static void entry(const char *name, unsigned mode, const char *data)
{
	entry_raw("070701", name, -1, mode, 1234, data, (unsigned)strlen(data));
}

/* Appends the archive's end marker. */
static void trailer(void)
{
	entry_raw("070701", "TRAILER!!!", -1, 0, 0, "", 0);
}

/* The node at path in fs, or NULL. */
static struct mnode *at(struct memfs *fs, const char *path, int flags)
{
	struct mpath mp;

	return memfs_walk(fs, fs->root, path, flags, &mp) ? NULL : mp.node;
}

/* The contents of the file at path, as a string. */
static const char *contents(struct memfs *fs, const char *path)
{
	static char buf[256];
	struct mnode *n = at(fs, path, MEMFS_FOLLOW);
	long r;

	if (!n || !S_ISREG(n->mode))
		return "(none)";
	r = memfs_read(n, buf, sizeof(buf) - 1, 0);
	buf[r < 0 ? 0 : r] = '\0';
	return buf;
}

/*
 * An archive of files, directories and links loads into the tree it
 * describes, and the edge cases of an empty archive.
 */
static void check_good(void)
{
	struct memfs *fs = memfs_new();
	const unsigned char *lent;
	struct mnode *n;

	len = 0;
	entry("a/b/deep", S_IFREG | 0600, "deep data");
	entry("a", S_IFDIR | 0700, "");
	entry("./dot/x", S_IFREG | 0644, "dot");
	entry("/abs//y", S_IFREG | 0755, "abs");
	entry("link", S_IFLNK | 0777, "a/b/deep");
	entry("dup", S_IFREG | 0644, "first");
	entry("dup", S_IFREG | 0640, "second one");
	entry("empty", S_IFREG | 0644, "");
	entry(".", S_IFDIR | 0711, "");
	trailer();
	CHECK(cpio_load(fs, ar, len) == 0);
	CHECK(!strcmp(contents(fs, "/a/b/deep"), "deep data"));
	CHECK(!strcmp(contents(fs, "/dot/x"), "dot"));
	CHECK(!strcmp(contents(fs, "/abs/y"), "abs"));
	CHECK(!strcmp(contents(fs, "/link"), "deep data"));
	CHECK(!strcmp(contents(fs, "/dup"), "second one"));
	CHECK(!strcmp(contents(fs, "/empty"), ""));
	n = at(fs, "/a", 0);
	CHECK(n && n->mode == (S_IFDIR | 0700) && n->mtime == 1234000000000ll);
	n = at(fs, "/a/b", 0);
	CHECK(n && n->mode == (S_IFDIR | 0755));
	n = at(fs, "/abs/y", 0);
	CHECK(n && n->mode == (S_IFREG | 0755));
	n = at(fs, "/dup", 0);
	CHECK(n && n->mode == (S_IFREG | 0640) && n->nlink == 1);
	n = at(fs, "/link", 0);
	CHECK(n && S_ISLNK(n->mode) && !strcmp(n->u.target, "a/b/deep"));
	CHECK(fs->root->mode == (S_IFDIR | 0711));
	/* File bytes are the archive's own until written. */
	n = at(fs, "/a/b/deep", 0);
	CHECK(n && n->u.reg.borrowed && n->u.reg.data > ar &&
	    n->u.reg.data < ar + len);
	lent = n->u.reg.data;
	CHECK(memfs_write(n, "D", 1, 0) == 1 && !n->u.reg.borrowed);
	CHECK(!strcmp(contents(fs, "/a/b/deep"), "Deep data"));
	CHECK(!memcmp(lent, "deep data", 9));
	memfs_destroy(fs);

	/* No archive, a bare trailer, and the 070702 magic. */
	fs = memfs_new();
	CHECK(cpio_load(fs, ar, 0) == 0);
	len = 0;
	trailer();
	CHECK(cpio_load(fs, ar, len) == 0);
	len = 0;
	entry_raw("070702", "crc", -1, S_IFREG | 0644, 0, "c", 1);
	trailer();
	CHECK(cpio_load(fs, ar, len) == 0);
	CHECK(!strcmp(contents(fs, "/crc"), "c"));
	memfs_destroy(fs);
}

/* Loads the archive into a fresh tree; checks the error and the message. */
static void bad(int line, int err, const char *message)
{
	struct memfs *fs = memfs_new();
	int r;

	kstubs_log_clear();
	r = cpio_load(fs, ar, len);
	if (!check_one(r == err && strstr(kstubs_log(), message), message,
	    __FILE__, line))
		fprintf(stderr, "  got %d, \"%s\"\n", r, kstubs_log());
	memfs_destroy(fs);
}
#define BAD(err, message)	bad(__LINE__, err, message)

/*
 * Each kind of bad archive is refused with its errno and a message naming
 * the entry.
 */
static void check_bad(void)
{
	len = 0;
	entry("ok", S_IFREG | 0644, "fine");
	entry_raw("070707", "old", -1, S_IFREG, 0, "", 0);
	BAD(-EINVAL, "entry 2: bad magic");

	len = 0;
	entry_raw("070701", "noterm", 3, S_IFREG, 0, "", 0);
	trailer();
	BAD(-EINVAL, "entry 1: the name is not NUL-terminated");

	len = 0;
	entry_raw("070701", "", 0, S_IFREG, 0, "", 0);
	BAD(-EINVAL, "entry 1: absurd name length");
	len = 0;
	entry_raw("070701", "x", 5000, S_IFREG, 0, "", 0);
	BAD(-EINVAL, "entry 1: absurd name length");
	len = 0;
	entry_raw("070701", "x", 3000, S_IFREG, 0, "", 0);
	len = 200;
	BAD(-EINVAL, "the name goes beyond the end");

	len = 0;
	entry("big", S_IFREG | 0644, "0123456789");
	len -= 12;
	BAD(-EINVAL, "entry 1 (\"big\"): the data goes beyond the end");

	len = 0;
	entry("x", S_IFREG | 0644, "");
	BAD(-EINVAL, "entry 2: the archive ends without its TRAILER!!! entry");
	len = 50;
	BAD(-EINVAL, "entry 1: the archive ends inside the header");

	len = 0;
	entry("x", S_IFREG | 0644, "");
	ar[10] = 'g';
	BAD(-EINVAL, "not hexadecimal");

	len = 0;
	entry("a/../../etc/passwd", S_IFREG | 0644, "");
	BAD(-EINVAL,
	    "entry 1 (\"a/../../etc/passwd\"): the name contains \"..\"");

	len = 0;
	entry("f", S_IFREG | 0644, "");
	entry("f/g", S_IFREG | 0644, "");
	BAD(-EINVAL, "entry 2 (\"f/g\"): a parent is not a directory");

	len = 0;
	entry("d", S_IFDIR | 0755, "");
	entry("d", S_IFREG | 0644, "");
	BAD(-EINVAL, "a file with the name of a directory");
	len = 0;
	entry("f", S_IFREG | 0755, "");
	entry("f", S_IFDIR | 0644, "");
	BAD(-EINVAL, "a directory with the name of a file");

	len = 0;
	entry("tty", S_IFCHR | 0644, "");
	BAD(-EINVAL, "not a directory, regular file or symbolic link");
	len = 0;
	entry("l", S_IFLNK | 0777, "");
	BAD(-EINVAL, "a symbolic link to nothing");

}

/* Running out of memory is said, not a crash; the tree stays usable. */
static void check_oom(void)
{
	struct memfs *fs = memfs_new();
	char name[256];
	int i;

	len = 0;
	for (i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "%0200d", i);
		entry(name, S_IFREG | 0644, "x");
	}
	trailer();
	kstubs_log_clear();
	kstubs_page_limit(kstubs_pages_in_use());
	CHECK(cpio_load(fs, ar, len) == -ENOMEM);
	kstubs_page_limit(-1);
	CHECK(strstr(kstubs_log(), "): out of memory") != NULL);
	CHECK(memfs_create(fs, fs->root, "after", 5, S_IFREG, NULL) == 0);
	memfs_destroy(fs);
}

/* Runs the cpio cases and checks no pages leaked. */
int main(void)
{
	check_good();
	check_bad();
	check_oom();
	CHECK(kstubs_pages_in_use() <= 8);
	return check_report("cpio");
}
