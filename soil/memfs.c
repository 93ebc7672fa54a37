/*
 * The in-memory file system (see soil/memfs.h).  Directories keep their
 * entries in a list in creation order, each with a rising position that
 * getdents resumes from, so entries added or removed between two calls
 * never make it skip or repeat the others.  A node lives while a name or
 * an open file holds it.  Regular files hold their bytes in one buffer;
 * bytes between the buffer's end and the file size read as zeros, so
 * growing a file with ftruncate costs nothing.
 */
#include <asm-generic/errno.h>
#include <linux/stat.h>
#include "kernel/kmalloc.h"
#include "kernel/string.h"
#include "soil/clock.h"
#include "soil/memfs.h"

#define FILE_MAX	(1ull << 40)	/* bytes in a file at most */
#define NS		1000000000ll
#define DIRENT_SIZE	20		/* directory size per entry, as tmpfs */

/* Timestamps are soil's realtime clock, in ns since 1970. */
static int64_t now(void)
{
	return (int64_t)soil_time_ns();
}

/* FNV-1a of a name, compared before the bytes when looking one up. */
static uint32_t name_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

/* Whether n is a directory. */
static int is_dir(const struct mnode *n)
{
	return S_ISDIR(n->mode);
}

/* Records a change to n's data: mtime and ctime move together. */
static void touch(struct mnode *n)
{
	n->mtime = n->ctime = now();
}

/*
 * A new node of mode with a fresh inode number and no name yet; a
 * directory's nlink and positions count its "." and "..".
 */
static struct mnode *node_new(struct memfs *fs, uint32_t mode)
{
	struct mnode *n = kzalloc(sizeof(*n));

	if (!n)
		return NULL;
	n->ino = fs->next_ino++;
	n->mode = mode;
	n->atime = n->mtime = n->ctime = now();
	if (is_dir(n)) {
		n->nlink = 2;
		n->u.dir.next_pos = 2;
	}
	return n;
}

/* Frees a node nothing refers to any more. */
static void node_release(struct mnode *n)
{
	if (n->nlink || n->opens)
		return;
	if (S_ISREG(n->mode) && !n->u.reg.borrowed && !n->u.reg.shared)
		kfree(n->u.reg.data);
	if (S_ISLNK(n->mode))
		kfree(n->u.target);
	kfree(n);
}

/* The entry called name (len bytes, not NUL-terminated) in dir, or NULL. */
static struct mdirent *dir_find(const struct mnode *dir, const char *name,
    size_t len)
{
	uint32_t h = name_hash(name, len);
	struct mdirent *e;

	for (e = dir->u.dir.first; e; e = e->next)
		if (e->hash == h && e->len == len &&
		    !memcmp(e->name, name, len))
			return e;
	return NULL;
}

/* The entry of dir naming node, or NULL. */
static struct mdirent *dir_find_node(const struct mnode *dir,
    const struct mnode *node)
{
	struct mdirent *e;

	for (e = dir->u.dir.first; e; e = e->next)
		if (e->node == node)
			return e;
	return NULL;
}

/* A new entry for node under the name's len bytes, not yet in a directory. */
static struct mdirent *dirent_new(const char *name, size_t len,
    struct mnode *node)
{
	struct mdirent *e = kmalloc(sizeof(*e) + len + 1);

	if (!e)
		return NULL;
	e->next = NULL;
	e->node = node;
	e->hash = name_hash(name, len);
	e->len = (uint16_t)len;
	memcpy(e->name, name, len);
	e->name[len] = '\0';
	return e;
}

/*
 * Adds e at the end of dir with the next position, so getdents keeps
 * creation order.
 */
static void dir_append(struct mnode *dir, struct mdirent *e)
{
	e->pos = dir->u.dir.next_pos++;
	if (dir->u.dir.last)
		dir->u.dir.last->next = e;
	else
		dir->u.dir.first = e;
	dir->u.dir.last = e;
	dir->u.dir.count++;
	dir->size += DIRENT_SIZE;
	touch(dir);
}

/* Takes e out of dir's list and frees it. */
static void dir_remove(struct mnode *dir, struct mdirent *e)
{
	struct mdirent **pp = &dir->u.dir.first, *prev = NULL;

	while (*pp != e) {
		prev = *pp;
		pp = &prev->next;
	}
	*pp = e->next;
	if (dir->u.dir.last == e)
		dir->u.dir.last = prev;
	dir->u.dir.count--;
	dir->size -= DIRENT_SIZE;
	touch(dir);
	kfree(e);
}

/*
 * Whether a path component is ".", ".." or a name: creating or removing the
 * first two fails, each with its own errno.
 */
static int name_kind(const char *name, size_t len)
{
	if (len == 1 && name[0] == '.')
		return MP_DOT;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return MP_DOTDOT;
	return MP_NORMAL;
}

/* A name a directory entry may have: not ".", "..", no '/' or NUL. */
static int check_name(const char *name, size_t len)
{
	size_t i;

	if (len > MEMFS_NAME_MAX)
		return -ENAMETOOLONG;
	if (!len || name_kind(name, len) != MP_NORMAL)
		return -EINVAL;
	for (i = 0; i < len; i++)
		if (name[i] == '/' || !name[i])
			return -EINVAL;
	return 0;
}

/* Gives node (not yet named) the name name in dir. */
static int attach(struct mnode *dir, const char *name, size_t len,
    struct mnode *node)
{
	struct mdirent *e;
	int err;

	if (!is_dir(dir))
		return -ENOTDIR;
	if ((err = check_name(name, len)))
		return err;
	if (!dir->nlink)
		return -ENOENT;
	if (dir_find(dir, name, len))
		return -EEXIST;
	if (!(e = dirent_new(name, len, node)))
		return -ENOMEM;
	dir_append(dir, e);
	return 0;
}

/* A new tree with an empty root directory. */
struct memfs *memfs_new(void)
{
	struct memfs *fs = kzalloc(sizeof(*fs));

	if (!fs)
		return NULL;
	fs->next_ino = 1;
	fs->root = node_new(fs, S_IFDIR | 0755);
	if (!fs->root) {
		kfree(fs);
		return NULL;
	}
	fs->root->u.dir.parent = fs->root;
	fs->root->size = 2 * DIRENT_SIZE;
	return fs;
}

/* Frees the tree depth first, without recursion (trees can be deep). */
void memfs_destroy(struct memfs *fs)
{
	struct mnode *d = fs->root, *n;
	struct mdirent *e;

	for (;;) {
		e = d->u.dir.first;
		if (!e) {
			if (d == fs->root)
				break;
			d = d->u.dir.parent;
			continue;
		}
		n = e->node;
		if (is_dir(n) && n->u.dir.first)
			d = n;
		else if (is_dir(n))
			memfs_rmdir(d, e->name, e->len);
		else
			memfs_unlink(d, e->name, e->len);
	}
	kfree(fs->root);
	kfree(fs);
}

/* The node of name in dir, "." and ".." included. */
struct mnode *memfs_lookup(struct mnode *dir, const char *name, size_t len)
{
	struct mdirent *e;

	if (!is_dir(dir))
		return NULL;
	if (len == 1 && name[0] == '.')
		return dir;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return dir->u.dir.parent;
	e = dir_find(dir, name, len);
	return e ? e->node : NULL;
}

static int walk(struct memfs *fs, struct mnode *start, const char *path,
    int flags, struct mpath *mp, int *links);

/* Resolves the symbolic link link found in dir into mp. */
static int follow(struct memfs *fs, struct mnode *dir, struct mnode *link,
    struct mpath *mp, int *links)
{
	if (++*links > MEMFS_LINKS_MAX)
		return -ELOOP;
	return walk(fs, dir, link->u.target, MEMFS_FOLLOW, mp, links);
}

/*
 * Walks path component by component; links counts the symbolic links followed.
 */
static int walk(struct memfs *fs, struct mnode *start, const char *path,
    int flags, struct mpath *mp, int *links)
{
	struct mnode *dir = path[0] == '/' ? fs->root : start, *child;
	const char *p = path, *end, *next;
	struct mpath sub;
	size_t len;
	int err, slash;

	if (!*path)
		return -ENOENT;
	while (*p == '/')
		p++;
	if (!*p) {
		*mp = (struct mpath){ fs->root, p, 0, fs->root, MP_ROOT, 0 };
		return 0;
	}
	for (;;) {
		for (end = p; *end && *end != '/'; end++)
			;
		len = (size_t)(end - p);
		if (len > MEMFS_NAME_MAX)
			return -ENAMETOOLONG;
		for (next = end; *next == '/'; next++)
			;
		if (!*next)
			break;
		if (!(child = memfs_lookup(dir, p, len)))
			return -ENOENT;
		if (S_ISLNK(child->mode)) {
			if ((err = follow(fs, dir, child, &sub, links)))
				return err;
			if (!(child = sub.node))
				return -ENOENT;
		}
		if (!is_dir(child))
			return -ENOTDIR;
		dir = child;
		p = next;
	}
	slash = end != next;
	*mp = (struct mpath){ dir, p, len, memfs_lookup(dir, p, len),
	    name_kind(p, len), slash };
	if (mp->node && S_ISLNK(mp->node->mode) && !(flags & MEMFS_PARENT) &&
	    (flags & MEMFS_FOLLOW || slash)) {
		if ((err = follow(fs, dir, mp->node, mp, links)))
			return err;
		mp->slash |= slash;
	}
	return 0;
}

/* Resolves path from start; see soil/memfs.h. */
int memfs_walk(struct memfs *fs, struct mnode *start, const char *path,
    int flags, struct mpath *mp)
{
	int links = 0;

	return walk(fs, start, path, flags, mp, &links);
}

/* Makes a regular file, directory or device node called name in dir. */
int memfs_create(struct memfs *fs, struct mnode *dir, const char *name,
    size_t len, uint32_t mode, struct mnode **out)
{
	struct mnode *n = node_new(fs, mode);
	int err;

	if (!n)
		return -ENOMEM;
	if ((err = attach(dir, name, len, n))) {
		kfree(n);
		return err;
	}
	if (is_dir(n)) {
		n->u.dir.parent = dir;
		n->size = 2 * DIRENT_SIZE;
		dir->nlink++;
	} else
		n->nlink = 1;
	if (out)
		*out = n;
	return 0;
}

/* Makes a symbolic link called name in dir. */
int memfs_symlink(struct memfs *fs, struct mnode *dir, const char *name,
    size_t len, const char *target, size_t tlen, struct mnode **out)
{
	struct mnode *n;
	int err = -ENOMEM;

	if (!tlen)
		return -ENOENT;
	if (tlen >= MEMFS_PATH_MAX)
		return -ENAMETOOLONG;
	if (!(n = node_new(fs, S_IFLNK | 0777)))
		return -ENOMEM;
	if (!(n->u.target = kmalloc(tlen + 1)))
		goto err_node;
	memcpy(n->u.target, target, tlen);
	n->u.target[tlen] = '\0';
	n->size = tlen;
	if ((err = attach(dir, name, len, n)))
		goto err_target;
	n->nlink = 1;
	if (out)
		*out = n;
	return 0;

err_target:
	kfree(n->u.target);
err_node:
	kfree(n);
	return err;
}

/* Adds a name for a non-directory. */
int memfs_link(struct mnode *dir, const char *name, size_t len,
    struct mnode *node)
{
	int err;

	if (is_dir(node))
		return -EPERM;
	if (!node->nlink)
		return -ENOENT;
	if ((err = attach(dir, name, len, node)))
		return err;
	node->nlink++;
	node->ctime = now();
	return 0;
}

/* Removes a non-directory's name. */
int memfs_unlink(struct mnode *dir, const char *name, size_t len)
{
	struct mdirent *e = is_dir(dir) ? dir_find(dir, name, len) : NULL;
	struct mnode *n;

	if (!e)
		return -ENOENT;
	n = e->node;
	if (is_dir(n))
		return -EISDIR;
	dir_remove(dir, e);
	n->nlink--;
	n->ctime = now();
	node_release(n);
	return 0;
}

/* Drops a directory that has just lost its name in parent. */
static void dir_forget(struct mnode *parent, struct mnode *d)
{
	parent->nlink--;
	d->nlink = 0;
	d->u.dir.parent = NULL;
	d->ctime = now();
	node_release(d);
}

/* Removes an empty directory. */
int memfs_rmdir(struct mnode *dir, const char *name, size_t len)
{
	struct mdirent *e = is_dir(dir) ? dir_find(dir, name, len) : NULL;
	struct mnode *n;

	if (!e)
		return -ENOENT;
	n = e->node;
	if (!is_dir(n))
		return -ENOTDIR;
	if (n->u.dir.count)
		return -ENOTEMPTY;
	dir_remove(dir, e);
	dir_forget(dir, n);
	return 0;
}

/* Is a the directory d or one of its ancestors? */
int memfs_is_ancestor(const struct mnode *a, const struct mnode *d)
{
	const struct mnode *up;

	while (d && is_dir(d)) {
		if (d == a)
			return 1;
		up = d->u.dir.parent;
		if (up == d)
			break;
		d = up;
	}
	return 0;
}

/*
 * Renames, with the checks in the order Linux makes them: a directory
 * into itself first, then a target above the source, then types.
 */
int memfs_rename(struct mnode *odir, const char *oname, size_t olen,
    struct mnode *ndir, const char *nname, size_t nlen)
{
	struct mdirent *oe = is_dir(odir) ? dir_find(odir, oname, olen) : NULL;
	struct mdirent *ne;
	struct mnode *src, *dst;
	int err;

	if (!oe)
		return -ENOENT;
	if (!is_dir(ndir))
		return -ENOTDIR;
	if ((err = check_name(nname, nlen)))
		return err;
	src = oe->node;
	ne = dir_find(ndir, nname, nlen);
	dst = ne ? ne->node : NULL;
	if (memfs_is_ancestor(src, ndir))
		return -EINVAL;
	if (dst && memfs_is_ancestor(dst, odir))
		return -ENOTEMPTY;
	if (src == dst)
		return 0;
	if (dst && is_dir(src) && !is_dir(dst))
		return -ENOTDIR;
	if (dst && !is_dir(src) && is_dir(dst))
		return -EISDIR;
	if (dst && is_dir(dst) && dst->u.dir.count)
		return -ENOTEMPTY;
	if (!ndir->nlink)
		return -ENOENT;
	if (ne) {
		/* The target's entry takes the source: nothing to allocate. */
		ne->node = src;
		touch(ndir);
		if (is_dir(dst))
			dir_forget(ndir, dst);
		else {
			dst->nlink--;
			dst->ctime = now();
			node_release(dst);
		}
	} else {
		if (!(ne = dirent_new(nname, nlen, src)))
			return -ENOMEM;
		dir_append(ndir, ne);
	}
	dir_remove(odir, oe);
	if (is_dir(src) && odir != ndir) {
		src->u.dir.parent = ndir;
		odir->nlink--;
		ndir->nlink++;
	}
	src->ctime = now();
	return 0;
}

/* Copies up to n bytes at off. */
long memfs_read(struct mnode *node, void *buf, size_t n, uint64_t off)
{
	uint64_t have;

	if (off >= node->size || !n)
		return 0;
	if (n > node->size - off)
		n = node->size - off;
	have = off < node->u.reg.len ? node->u.reg.len - off : 0;
	if (have > n)
		have = n;
	if (have)
		memcpy(buf, node->u.reg.data + off, have);
	memset((char *)buf + have, 0, n - have);
	return (long)n;
}

/* Makes room for need bytes in an owned buffer (copying borrowed bytes). */
static int reserve(struct mnode *node, uint64_t need)
{
	uint64_t cap = node->u.reg.shared ? node->u.reg.cap :
	    node->u.reg.data && !node->u.reg.borrowed ?
	    ksize(node->u.reg.data) : 0;
	unsigned char *p;

	if (cap >= need)
		return 0;
	cap = cap * 2 > need ? cap * 2 : need;
	if (node->u.reg.borrowed || node->u.reg.shared) {
		if (!(p = kmalloc(cap)))
			return -ENOMEM;
		memcpy(p, node->u.reg.data, node->u.reg.len);
		node->u.reg.borrowed = 0;
		node->u.reg.shared = 0;
	} else if (!(p = krealloc(node->u.reg.data, cap)))
		return -ENOMEM;
	node->u.reg.data = p;
	return 0;
}

/* Writes n bytes at off, growing the file. */
long memfs_write(struct mnode *node, const void *buf, size_t n, uint64_t off)
{
	uint64_t end = off + n;

	if (!n)
		return 0;
	if (off > FILE_MAX || n > FILE_MAX - off)
		return -EFBIG;
	if (node->u.reg.borrowed || end > node->u.reg.len) {
		if (reserve(node, end > node->u.reg.len ? end :
		    node->u.reg.len))
			return -ENOMEM;
	}
	if (off > node->u.reg.len)
		memset(node->u.reg.data + node->u.reg.len, 0,
		    off - node->u.reg.len);
	memcpy(node->u.reg.data + off, buf, n);
	if (end > node->u.reg.len)
		node->u.reg.len = end;
	if (end > node->size)
		node->size = end;
	touch(node);
	return (long)n;
}

/* Sets the size; memory is given back when the file becomes empty. */
int memfs_truncate(struct mnode *node, uint64_t size)
{
	if (size > FILE_MAX)
		return -EFBIG;
	if (size < node->u.reg.len) {
		/* Shared pages hold zeros past the stored bytes, as heap
		   buffers are read. */
		if (node->u.reg.shared)
			memset(node->u.reg.data + size, 0,
			    node->u.reg.len - size);
		node->u.reg.len = size;
	}
	if (node->u.reg.shared)
		node->u.reg.len = size < node->u.reg.cap ? size :
		    node->u.reg.cap;
	else if (!size) {
		if (!node->u.reg.borrowed)
			kfree(node->u.reg.data);
		node->u.reg.data = NULL;
		node->u.reg.borrowed = 0;
	}
	node->size = size;
	touch(node);
	return 0;
}

/* Lends read-only bytes to a new, empty file. */
void memfs_borrow(struct mnode *node, const void *data, uint64_t len)
{
	node->u.reg.data = (unsigned char *)(uintptr_t)data;
	node->u.reg.len = len;
	node->u.reg.borrowed = 1;
	node->size = len;
}

/* Puts the file's bytes in a shared mapping's pages; see soil/memfs.h. */
void memfs_share(struct mnode *node, unsigned char *pages, uint64_t cap)
{
	if (node->u.reg.len)
		memcpy(pages, node->u.reg.data, node->u.reg.len);
	if (!node->u.reg.borrowed)
		kfree(node->u.reg.data);
	node->u.reg.data = pages;
	node->u.reg.borrowed = 0;
	node->u.reg.shared = 1;
	node->u.reg.cap = cap;
	/* Past the stored bytes the pages are zeros, up to the file's size. */
	node->u.reg.len = node->size < cap ? node->size : cap;
}

/* Moves the file's bytes out of a shared mapping's pages. */
int memfs_unshare(struct mnode *node, const unsigned char *pages)
{
	unsigned char *p = NULL;

	if (!node->u.reg.shared || node->u.reg.data != pages)
		return 0;
	if (node->u.reg.len && !(p = kmalloc(node->u.reg.len)))
		return -ENOMEM;
	if (p)
		memcpy(p, pages, node->u.reg.len);
	node->u.reg.data = p;
	node->u.reg.shared = 0;
	node->u.reg.cap = 0;
	return 0;
}

/* Makes a character node a device. */
void memfs_set_device(struct mnode *node, uint32_t rdev, const void *dev)
{
	node->rdev = rdev;
	node->u.dev = dev;
}

/* Sets the permission bits. */
void memfs_chmod(struct mnode *node, uint32_t mode)
{
	node->mode = (node->mode & S_IFMT) | (mode & 07777);
	node->ctime = now();
}

/* Sets the times; negative ones are left alone. */
void memfs_set_times(struct mnode *node, int64_t atime, int64_t mtime)
{
	if (atime >= 0)
		node->atime = atime;
	if (mtime >= 0)
		node->mtime = mtime;
	node->ctime = now();
}

/* Splits nanoseconds into seconds and nanoseconds, rounding down. */
static void split_ns(int64_t t, unsigned long *sec, unsigned long *nsec)
{
	int64_t s = t / NS, ns = t % NS;

	if (ns < 0) {
		ns += NS;
		s--;
	}
	*sec = (unsigned long)s;
	*nsec = (unsigned long)ns;
}

/* Fills st, with tmpfs's conventions for sizes and blocks. */
void memfs_stat(const struct mnode *node, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = MEMFS_DEV;
	st->st_ino = node->ino;
	st->st_nlink = node->nlink;
	st->st_mode = node->mode;
	st->st_rdev = node->rdev;
	st->st_size = (long)node->size;
	st->st_blksize = 4096;
	if (S_ISREG(node->mode))
		st->st_blocks = (long)((node->u.reg.len + 4095) / 4096 * 8);
	split_ns(node->atime, &st->st_atime, &st->st_atime_nsec);
	split_ns(node->mtime, &st->st_mtime, &st->st_mtime_nsec);
	split_ns(node->ctime, &st->st_ctime, &st->st_ctime_nsec);
}

/* The entry at position pos or later. */
int memfs_readdir(const struct mnode *dir, uint64_t pos, struct mdir_entry *e)
{
	const struct mnode *up = dir->u.dir.parent ? dir->u.dir.parent : dir;
	const struct mdirent *d;

	if (pos == 0) {
		*e = (struct mdir_entry){ ".", 1, dir->ino, S_IFDIR >> 12, 1 };
		return 1;
	}
	if (pos == 1) {
		*e = (struct mdir_entry){ "..", 2, up->ino, S_IFDIR >> 12, 2 };
		return 1;
	}
	for (d = dir->u.dir.first; d; d = d->next)
		if (d->pos >= pos) {
			*e = (struct mdir_entry){ d->name, d->len, d->node->ino,
			    (d->node->mode & S_IFMT) >> 12, d->pos + 1 };
			return 1;
		}
	return 0;
}

/* Writes dir's path into buf: lengths first, then names from the end. */
long memfs_path(const struct memfs *fs, const struct mnode *dir, char *buf,
    size_t size)
{
	const struct mnode *n;
	const struct mdirent *e;
	size_t len = 0, total;

	if (!dir->nlink)
		return -ENOENT;
	for (n = dir; n != fs->root; n = n->u.dir.parent)
		len += 1 + dir_find_node(n->u.dir.parent, n)->len;
	total = (len ? len : 1) + 1;
	if (total > size)
		return -ERANGE;
	buf[0] = '/';
	buf[total - 1] = '\0';
	for (n = dir; n != fs->root; n = n->u.dir.parent) {
		e = dir_find_node(n->u.dir.parent, n);
		len -= e->len;
		memcpy(buf + len, e->name, e->len);
		buf[--len] = '/';
	}
	return (long)total;
}

/* Holds a node open. */
void memfs_get(struct mnode *node)
{
	node->opens++;
}

/* Drops a hold; frees the node when it has no name left either. */
void memfs_put(struct mnode *node)
{
	node->opens--;
	node_release(node);
}
