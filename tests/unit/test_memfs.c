/* The in-memory file system: paths, names, links, data, directories. */
#include <asm-generic/errno.h>
#include <linux/stat.h>
#include <stdio.h>
#include <string.h>
#include "kernel/kmalloc.h"
#include "soil/memfs.h"
#include "tests/unit/check.h"
#include "tests/unit/kstubs.h"

static struct memfs *fs;

/* Resolves path from start; returns the node or NULL, the error in *err. */
static struct mnode *look(struct mnode *start, const char *path, int flags,
    int *err)
{
	struct mpath mp;
	int e = memfs_walk(fs, start, path, flags, &mp);

	if (err)
		*err = e;
	return e ? NULL : mp.node;
}

/* The node at path from the root, following links, or NULL. */
static struct mnode *at(const char *path)
{
	return look(fs->root, path, MEMFS_FOLLOW, NULL);
}

/* Makes path (its parent must exist) with mode; returns 0 or -errno. */
static int make(const char *path, uint32_t mode)
{
	struct mpath mp;
	int err = memfs_walk(fs, fs->root, path, 0, &mp);

	return err ? err : memfs_create(fs, mp.dir, mp.name, mp.len, mode,
	    NULL);
}

/* Makes a symbolic link at path to target; 0 or -errno. */
static int make_link(const char *path, const char *target)
{
	struct mpath mp;
	int err = memfs_walk(fs, fs->root, path, 0, &mp);

	return err ? err : memfs_symlink(fs, mp.dir, mp.name, mp.len, target,
	    strlen(target), NULL);
}

/* The error walking to path from start gives. */
static int walk_err(struct mnode *start, const char *path)
{
	int err;

	look(start, path, MEMFS_FOLLOW, &err);
	return err;
}

/*
 * Walking paths: repeated slashes, "." and "..", the last component, long
 * names, errors.
 */
static void check_paths(void)
{
	struct mnode *a, *b;
	struct mpath mp;
	char longname[300];

	CHECK(make("/a", S_IFDIR | 0755) == 0);
	CHECK(make("/a/b", S_IFDIR | 0700) == 0);
	CHECK(make("/a/b/f", S_IFREG | 0644) == 0);
	a = at("/a");
	b = at("/a/b");
	CHECK(a && b && a != b);
	CHECK(at("//a///b//") == b);
	CHECK(at("/a/./b/.") == b);
	CHECK(at("/a/b/..") == a);
	CHECK(at("/../../a") == a);
	CHECK(look(b, "..", 0, NULL) == a);
	CHECK(look(b, "../b/f", 0, NULL) == at("/a/b/f"));
	CHECK(look(a, "b", 0, NULL) == b);
	CHECK(at("/") == fs->root);
	CHECK(at("///") == fs->root);
	CHECK(walk_err(fs->root, "") == -ENOENT);
	CHECK(walk_err(fs->root, "/x/y") == -ENOENT);
	CHECK(walk_err(fs->root, "/a/b/f/g") == -ENOTDIR);
	CHECK(walk_err(fs->root, "/a/b/f/") == 0);
	CHECK(walk_err(fs->root, "/a/b/f/.") == -ENOTDIR);
	CHECK(at("/a/b/missing") == NULL);
	CHECK(walk_err(fs->root, "/a/b/missing") == 0);

	memset(longname, 'n', sizeof(longname));
	longname[0] = '/';
	longname[256] = '\0';
	CHECK(walk_err(fs->root, longname) == 0);
	longname[256] = 'n';
	longname[257] = '\0';
	CHECK(walk_err(fs->root, longname) == -ENAMETOOLONG);

	/* The last component and what kind it is. */
	CHECK(memfs_walk(fs, fs->root, "/a/b/", 0, &mp) == 0);
	CHECK(mp.node == b && mp.dir == a && mp.len == 1 && mp.slash);
	CHECK(mp.last == MP_NORMAL);
	CHECK(memfs_walk(fs, fs->root, "/a/..", 0, &mp) == 0);
	CHECK(mp.last == MP_DOTDOT && mp.node == fs->root && !mp.slash);
	CHECK(memfs_walk(fs, a, ".", 0, &mp) == 0 && mp.last == MP_DOT);
	CHECK(memfs_walk(fs, a, "/", 0, &mp) == 0 && mp.last == MP_ROOT);
}

/*
 * Following links, relative and absolute, loops, and a dangling link's
 * target.
 */
static void check_symlinks(void)
{
	struct mnode *f = at("/a/b/f"), *l;
	struct mpath mp;
	int err;

	CHECK(make_link("/a/lf", "b/f") == 0);
	CHECK(make_link("/a/lb", "/a/b") == 0);
	CHECK(make_link("/a/dangling", "nowhere/x") == 0);
	CHECK(make_link("/a/loop1", "loop2") == 0);
	CHECK(make_link("/a/loop2", "loop1") == 0);
	CHECK(make_link("/a/up", "..") == 0);
	CHECK(make_link("/a/empty", "") == -ENOENT);
	CHECK(at("/a/lf") == f);
	l = look(fs->root, "/a/lf", 0, NULL);
	CHECK(l && S_ISLNK(l->mode) && l->size == 3);
	CHECK(!strcmp(l->u.target, "b/f"));
	CHECK(at("/a/lb/f") == f);
	CHECK(at("/a/up/a/lb/../b/f") == f);
	CHECK(look(fs->root, "/a/lb/", 0, NULL) == at("/a/b"));
	CHECK(walk_err(fs->root, "/a/loop1") == -ELOOP);
	CHECK(walk_err(fs->root, "/a/loop1/x") == -ELOOP);
	CHECK(look(fs->root, "/a/loop1", 0, &err) && err == 0);
	CHECK(walk_err(fs->root, "/a/dangling/y") == -ENOENT);
	CHECK(walk_err(fs->root, "/a/lf/y") == -ENOTDIR);
	/* A dangling link names where its target would be created. */
	CHECK(make_link("/a/later", "b/new") == 0);
	CHECK(memfs_walk(fs, fs->root, "/a/later", MEMFS_FOLLOW, &mp) == 0);
	CHECK(!mp.node && mp.dir == at("/a/b") && mp.len == 3);
	CHECK(!memcmp(mp.name, "new", 3));
}

/*
 * Creating and removing names: existing names, "." and "..", hard links and
 * link counts.
 */
static void check_names(void)
{
	struct mnode *a = at("/a"), *f = at("/a/b/f");
	unsigned nlink = a->nlink;

	CHECK(memfs_create(fs, a, "b", 1, S_IFREG, NULL) == -EEXIST);
	CHECK(memfs_create(fs, a, ".", 1, S_IFREG, NULL) == -EINVAL);
	CHECK(memfs_create(fs, a, "..", 2, S_IFDIR, NULL) == -EINVAL);
	CHECK(memfs_create(fs, a, "x/y", 3, S_IFREG, NULL) == -EINVAL);
	CHECK(memfs_create(fs, f, "x", 1, S_IFREG, NULL) == -ENOTDIR);
	CHECK(make("/a/sub", S_IFDIR | 0755) == 0);
	CHECK(a->nlink == nlink + 1);
	CHECK(memfs_rmdir(a, "sub", 3) == 0);
	CHECK(a->nlink == nlink);
	CHECK(memfs_rmdir(a, "sub", 3) == -ENOENT);
	CHECK(memfs_rmdir(a, "b", 1) == -ENOTEMPTY);
	CHECK(memfs_rmdir(at("/a/b"), "f", 1) == -ENOTDIR);
	CHECK(memfs_unlink(a, "b", 1) == -EISDIR);
	CHECK(memfs_unlink(a, "nope", 4) == -ENOENT);

	/* Hard links share the node; the last name frees it. */
	CHECK(memfs_link(a, "hard", 4, f) == 0);
	CHECK(f->nlink == 2 && at("/a/hard") == f);
	CHECK(memfs_link(a, "hard", 4, f) == -EEXIST);
	CHECK(memfs_link(fs->root, "dirlink", 7, a) == -EPERM);
	CHECK(memfs_unlink(a, "hard", 4) == 0);
	CHECK(f->nlink == 1);
}

/*
 * File bytes: holes, shrinking and growing, big files, and borrowed bytes
 * copied on the first write.
 */
static void check_data(void)
{
	struct mnode *f;
	static const char ro[] = "read-only bytes";
	char buf[64];
	int i, bad = 0;

	CHECK(make("/data", S_IFREG | 0644) == 0);
	f = at("/data");
	CHECK(memfs_write(f, "hello", 5, 0) == 5);
	CHECK(f->size == 5);
	CHECK(memfs_read(f, buf, sizeof(buf), 0) == 5);
	CHECK(!memcmp(buf, "hello", 5));
	CHECK(memfs_read(f, buf, sizeof(buf), 5) == 0);
	CHECK(memfs_read(f, buf, sizeof(buf), 100) == 0);
	/* A write past the end leaves a hole of zeros. */
	CHECK(memfs_write(f, "X", 1, 10) == 1);
	CHECK(f->size == 11);
	CHECK(memfs_read(f, buf, sizeof(buf), 0) == 11);
	CHECK(!memcmp(buf, "hello\0\0\0\0\0X", 11));
	/* Shrinking then growing never brings old bytes back. */
	CHECK(memfs_truncate(f, 2) == 0);
	CHECK(memfs_truncate(f, 8) == 0 && f->size == 8);
	CHECK(memfs_read(f, buf, sizeof(buf), 0) == 8);
	CHECK(!memcmp(buf, "he\0\0\0\0\0\0", 8));
	CHECK(memfs_write(f, "Z", 1, 6) == 1);
	CHECK(memfs_read(f, buf, sizeof(buf), 0) == 8);
	CHECK(!memcmp(buf, "he\0\0\0\0Z\0", 8));
	CHECK(memfs_truncate(f, 0) == 0 && f->u.reg.data == NULL);
	/* Big files grow across many reallocations. */
	for (i = 0; i < 10000; i++)
		memfs_write(f, &i, sizeof(i), (uint64_t)i * sizeof(i));
	for (i = 0; i < 10000; i++) {
		int v;

		if (memfs_read(f, &v, sizeof(v), (uint64_t)i * sizeof(v)) !=
		    4 || v != i)
			bad++;
	}
	CHECK(bad == 0 && f->size == 40000);
	CHECK(memfs_write(f, "x", 1, 1ull << 41) == -EFBIG);
	CHECK(memfs_truncate(f, 1ull << 41) == -EFBIG);
	CHECK(memfs_truncate(f, 1ull << 30) == 0 && f->size == 1ull << 30);
	CHECK(memfs_read(f, buf, 4, (1ull << 30) - 4) == 4);
	CHECK(!memcmp(buf, "\0\0\0", 4));

	/* Borrowed bytes are copied on the first write, never written. */
	CHECK(make("/ro", S_IFREG | 0644) == 0);
	f = at("/ro");
	memfs_borrow(f, ro, sizeof(ro) - 1);
	CHECK(f->size == sizeof(ro) - 1 && f->u.reg.data == (const void *)ro);
	CHECK(memfs_read(f, buf, 4, 0) == 4 && !memcmp(buf, "read", 4));
	CHECK(memfs_write(f, "R", 1, 0) == 1);
	CHECK(f->u.reg.data != (const void *)ro && !f->u.reg.borrowed);
	CHECK(!strcmp(ro, "read-only bytes"));
	CHECK(memfs_read(f, buf, sizeof(buf), 0) == (long)sizeof(ro) - 1);
	CHECK(!memcmp(buf, "Read-only bytes", sizeof(ro) - 1));
	CHECK(make("/ro2", S_IFREG | 0644) == 0);
	f = at("/ro2");
	memfs_borrow(f, ro, sizeof(ro) - 1);
	CHECK(memfs_truncate(f, 4) == 0 && f->u.reg.borrowed);
	CHECK(memfs_write(f, "!", 1, 4) == 1);
	CHECK(memfs_read(f, buf, sizeof(buf), 0) == 5);
	CHECK(!memcmp(buf, "read!", 5));
	CHECK(!strcmp(ro, "read-only bytes"));
}

/* An unlinked file stays readable while open; the last hold frees it. */
static void check_open_unlinked(void)
{
	struct mnode *f, *d;
	long before;
	char buf[8];

	CHECK(make("/gone", S_IFREG | 0600) == 0);
	f = at("/gone");
	memfs_write(f, "still", 5, 0);
	memfs_get(f);
	CHECK(memfs_unlink(fs->root, "gone", 4) == 0);
	CHECK(at("/gone") == NULL && f->nlink == 0);
	CHECK(memfs_read(f, buf, sizeof(buf), 0) == 5);
	CHECK(!memcmp(buf, "still", 5));
	CHECK(memfs_write(f, "!", 1, 5) == 1 && f->size == 6);
	before = kstubs_pages_in_use();
	memfs_put(f);
	CHECK(kstubs_pages_in_use() <= before);

	/* A removed directory still held: empty, no path, no new names. */
	CHECK(make("/rd", S_IFDIR | 0755) == 0);
	d = at("/rd");
	memfs_get(d);
	CHECK(memfs_rmdir(fs->root, "rd", 2) == 0);
	CHECK(d->nlink == 0);
	CHECK(memfs_create(fs, d, "x", 1, S_IFREG, NULL) == -ENOENT);
	CHECK(memfs_path(fs, d, buf, sizeof(buf)) == -ENOENT);
	CHECK(look(d, "..", 0, NULL) == NULL);
	CHECK(look(d, ".", 0, NULL) == d);
	memfs_put(d);
}

/*
 * rename: replacing files and empty directories, moves into itself or onto
 * an ancestor, link counts.
 */
static void check_rename(void)
{
	struct mnode *a = at("/a"), *b = at("/a/b"), *f = at("/a/b/f"), *g;
	unsigned anl, rnl;
	char buf[64];

	CHECK(make("/r", S_IFDIR | 0755) == 0);
	CHECK(make("/r/x", S_IFREG | 0644) == 0);
	CHECK(make("/r/y", S_IFREG | 0644) == 0);
	CHECK(make("/r/d", S_IFDIR | 0755) == 0);
	CHECK(make("/r/e", S_IFDIR | 0755) == 0);
	CHECK(make("/r/e/in", S_IFREG | 0644) == 0);
	g = at("/r/y");
	memfs_write(g, "y", 1, 0);
	/* A file over a file: the old target goes away. */
	CHECK(memfs_rename(at("/r"), "y", 1, at("/r"), "x", 1) == 0);
	CHECK(at("/r/x") == g && at("/r/y") == NULL);
	CHECK(memfs_rename(at("/r"), "y", 1, at("/r"), "z", 1) == -ENOENT);
	/* Types must agree; non-empty directories are not replaced. */
	CHECK(memfs_rename(at("/r"), "x", 1, at("/r"), "d", 1) == -EISDIR);
	CHECK(memfs_rename(at("/r"), "d", 1, at("/r"), "x", 1) == -ENOTDIR);
	CHECK(memfs_rename(at("/r"), "d", 1, at("/r"), "e", 1) == -ENOTEMPTY);
	/* A directory into itself or below itself. */
	CHECK(memfs_rename(fs->root, "a", 1, a, "self", 4) == -EINVAL);
	CHECK(memfs_rename(fs->root, "a", 1, b, "deeper", 6) == -EINVAL);
	/* Onto an ancestor of the source. */
	CHECK(memfs_rename(b, "f", 1, fs->root, "a", 1) == -ENOTEMPTY);
	/* Onto itself, or another name of the same node: nothing happens. */
	CHECK(memfs_rename(b, "f", 1, b, "f", 1) == 0 && at("/a/b/f") == f);
	CHECK(memfs_link(b, "f2", 2, f) == 0);
	CHECK(memfs_rename(b, "f", 1, b, "f2", 2) == 0);
	CHECK(at("/a/b/f") == f && at("/a/b/f2") == f && f->nlink == 2);
	CHECK(memfs_unlink(b, "f2", 2) == 0);
	/* A directory moves: link counts and its path follow. */
	anl = a->nlink;
	rnl = at("/r")->nlink;
	CHECK(memfs_rename(at("/r"), "d", 1, a, "moved", 5) == 0);
	CHECK(a->nlink == anl + 1 && at("/r")->nlink == rnl - 1);
	CHECK(memfs_path(fs, at("/a/moved"), buf, sizeof(buf)) == 9);
	CHECK(!strcmp(buf, "/a/moved"));
	CHECK(look(at("/a/moved"), "..", 0, NULL) == a);
	/* An empty directory over an empty directory. */
	CHECK(memfs_unlink(at("/r/e"), "in", 2) == 0);
	CHECK(memfs_rename(a, "moved", 5, at("/r"), "e", 1) == 0);
	CHECK(a->nlink == anl && at("/r")->nlink == rnl - 1);
	CHECK(at("/a/moved") == NULL && at("/r/e") != NULL);
}

/*
 * Reading a directory while entries are added and removed: none skipped or
 * repeated.
 */
static void check_readdir(void)
{
	struct mnode *d;
	struct mdir_entry e;
	char seen[8] = "";
	uint64_t pos = 0;
	int n = 0;

	CHECK(make("/ls", S_IFDIR | 0755) == 0);
	CHECK(make("/ls/1", S_IFREG | 0644) == 0);
	CHECK(make("/ls/2", S_IFDIR | 0755) == 0);
	CHECK(make("/ls/3", S_IFREG | 0644) == 0);
	d = at("/ls");
	CHECK(memfs_readdir(d, 0, &e) == 1 && e.len == 1 && e.next == 1);
	CHECK(e.ino == d->ino && e.type == 4);
	CHECK(memfs_readdir(d, 1, &e) == 1 && e.len == 2 && e.ino == 1);
	CHECK(memfs_readdir(d, 2, &e) == 1 && !strcmp(e.name, "1"));
	CHECK(e.type == 8);
	pos = e.next;
	/* Changes between calls: removed entries vanish, new ones come last. */
	CHECK(memfs_unlink(d, "3", 1) == 0);
	CHECK(make("/ls/4", S_IFREG | 0644) == 0);
	while (memfs_readdir(d, pos, &e)) {
		seen[n++] = e.name[0];
		pos = e.next;
	}
	seen[n] = '\0';
	CHECK(!strcmp(seen, "24"));
	CHECK(memfs_readdir(d, pos, &e) == 0);
}

/* stat's fields and timestamps. */
static void check_stat(void)
{
	struct stat st;
	struct mnode *f;

	kstubs_set_time(1700000000123456789ull);
	CHECK(make("/t", S_IFREG | 0640) == 0);
	f = at("/t");
	memfs_stat(f, &st);
	CHECK(st.st_mode == (S_IFREG | 0640) && st.st_nlink == 1);
	CHECK(st.st_mtime == 1700000000 && st.st_mtime_nsec == 123456789);
	CHECK(st.st_size == 0 && st.st_blocks == 0 && st.st_dev == MEMFS_DEV);
	kstubs_set_time(1700000005000000000ull);
	memfs_write(f, "abc", 3, 0);
	memfs_stat(f, &st);
	CHECK(st.st_size == 3 && st.st_blocks == 8);
	CHECK(st.st_mtime == 1700000005 && st.st_atime == 1700000000);
	memfs_chmod(f, 04755 | S_IFDIR);
	CHECK(f->mode == (S_IFREG | 04755));
	memfs_set_times(f, -1, 5 * 1000000000ll);
	memfs_stat(f, &st);
	CHECK(st.st_atime == 1700000000 && st.st_mtime == 5);
	memfs_stat(at("/a"), &st);
	CHECK(S_ISDIR(st.st_mode) && st.st_nlink == 3);
}

/* A node's path, and buffers too small for it. */
static void check_path(void)
{
	char buf[16];

	CHECK(memfs_path(fs, fs->root, buf, sizeof(buf)) == 2);
	CHECK(!strcmp(buf, "/"));
	CHECK(memfs_path(fs, at("/a/b"), buf, sizeof(buf)) == 5);
	CHECK(!strcmp(buf, "/a/b"));
	CHECK(memfs_path(fs, at("/a/b"), buf, 5) == 5);
	CHECK(memfs_path(fs, at("/a/b"), buf, 4) == -ERANGE);
	CHECK(memfs_path(fs, fs->root, buf, 1) == -ERANGE);
}

/* Running out of memory fails cleanly and leaves the tree usable. */
static void check_oom(void)
{
	long base = kstubs_pages_in_use();
	int i, err = 0;
	char name[16];

	kstubs_page_limit(base + 3);
	for (i = 0; i < 10000 && !err; i++) {
		snprintf(name, sizeof(name), "/oom%d", i);
		err = make(name, S_IFREG | 0644);
	}
	CHECK(err == -ENOMEM);
	CHECK(memfs_write(at("/oom0"), "x", 1, 1 << 20) == -ENOMEM);
	CHECK(at("/oom0")->size == 0);
	kstubs_page_limit(-1);
	CHECK(make("/after-oom", S_IFREG | 0644) == 0);
}

/* A shared mapping's pages are the file while mapped, both ways. */
static void check_shared(void)
{
	static unsigned char pages[12288] __attribute__((aligned(4096)));
	struct mnode *f;
	char buf[16];

	CHECK(make("/mapped", S_IFREG | 0644) == 0);
	f = at("/mapped");
	CHECK(memfs_write(f, "0123456789", 10, 0) == 10);
	CHECK(memfs_truncate(f, 100) == 0);	/* size past the stored bytes */
	memfs_share(f, pages, 8192);
	CHECK(!memcmp(pages, "0123456789", 10) && pages[50] == 0);
	/* writes through the mapping are the file's ... */
	pages[0] = 'A';
	pages[60] = 'Q';
	CHECK(memfs_read(f, buf, 1, 0) == 1 && buf[0] == 'A');
	CHECK(memfs_read(f, buf, 1, 60) == 1 && buf[0] == 'Q');
	/* ... and the file's writes are the mapping's, in place */
	CHECK(memfs_write(f, "Z", 1, 9) == 1 && pages[9] == 'Z');
	CHECK(memfs_write(f, "end", 3, 8000) == 3 &&
	    !memcmp(pages + 8000, "end", 3));
	CHECK(f->u.reg.data == pages);
	/* shrinking zeroes the tail the mapping still shows */
	CHECK(memfs_truncate(f, 20) == 0);
	CHECK(pages[60] == 0 && pages[8000] == 0);
	/* growing past the pages moves the file out of them */
	CHECK(memfs_write(f, "far", 3, 9000) == 3);
	CHECK(f->u.reg.data != pages && !f->u.reg.shared);
	CHECK(memfs_read(f, buf, 10, 0) == 10 &&
	    !memcmp(buf, "A12345678Z", 10));
	CHECK(memfs_unshare(f, pages) == 0);	/* nothing left to move */
	/* unsharing copies the bytes out */
	memset(pages, 0, sizeof(pages));
	memfs_share(f, pages, sizeof(pages));
	CHECK(f->u.reg.len == f->size);
	CHECK(memfs_unshare(f, pages) == 0 && f->u.reg.data != pages);
	memset(pages, 0, sizeof(pages));
	CHECK(memfs_read(f, buf, 3, 9000) == 3 && !memcmp(buf, "far", 3));
	CHECK(memfs_unlink(fs->root, "mapped", 6) == 0);
}

/*
 * Runs the memfs cases on one tree, then checks destroying it gives back all
 * but a spare page per size class.
 */
int main(void)
{
	long pages;

	kstubs_set_time(1000000000ull);
	fs = memfs_new();
	check_paths();
	check_symlinks();
	check_names();
	check_data();
	check_open_unlinked();
	check_rename();
	check_readdir();
	check_stat();
	check_path();
	check_oom();
	check_shared();
	memfs_destroy(fs);
	/* Everything is given back but one spare page per size class. */
	pages = kstubs_pages_in_use();
	if (!CHECK(pages <= 8))
		fprintf(stderr, "  %ld pages still in use\n", pages);
	return check_report("memfs");
}
