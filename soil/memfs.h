/*
 * The in-memory file system: a tree of directories, regular files,
 * symbolic links and device nodes, with POSIX semantics as Linux has them.
 * Pure logic over kmalloc, no file descriptors: soil/sys_path.c and
 * soil/node_file.c build the syscalls on top.  Functions return 0 (or a
 * count) or -errno.
 */
#ifndef SOIL_MEMFS_H
#define SOIL_MEMFS_H

#include <stddef.h>
#include <stdint.h>
#include <asm/stat.h>

#define MEMFS_NAME_MAX	255	/* bytes in one path component */
#define MEMFS_PATH_MAX	4096	/* bytes in a path, its NUL included */
#define MEMFS_LINKS_MAX	40	/* symbolic links followed in one lookup */
#define MEMFS_DEV	0x10	/* st_dev of every node */

struct mnode;

/* One name in a directory, in creation order. */
struct mdirent {
	struct mdirent *next;
	struct mnode *node;
	uint64_t pos;		/* getdents position, rising in the list */
	uint32_t hash;
	uint16_t len;
	char name[];		/* len bytes and a NUL */
};

/* A node.  Read the fields freely; change them only through memfs_*. */
struct mnode {
	uint64_t ino;
	uint32_t mode;		/* S_IFMT type and permission bits */
	uint32_t nlink;		/* names (directories: 2 + subdirectories) */
	uint32_t opens;		/* open files and working directories */
	uint32_t rdev;		/* device nodes: Linux dev_t encoding */
	uint64_t size;
	int64_t atime, mtime, ctime;	/* nanoseconds since 1970 */
	union {
		struct {			/* S_IFDIR */
			struct mdirent *first, *last;
			struct mnode *parent;	/* NULL once removed */
			uint64_t next_pos;
			uint64_t count;		/* entries */
		} dir;
		struct {			/* S_IFREG */
			unsigned char *data;
			uint64_t len;		/* bytes in data, then zeros */
			int borrowed;		/* data is read-only */
			int shared;		/* data is a shared mapping's
						   pages, used in place */
			uint64_t cap;		/* shared: the pages' bytes */
		} reg;
		char *target;			/* S_IFLNK: size bytes, a NUL */
		const void *dev;		/* S_IFCHR: what opens it */
	} u;
};

struct memfs {
	struct mnode *root;
	uint64_t next_ino;
};

/* What a path names: the last component and the directory holding it. */
enum { MP_NORMAL, MP_DOT, MP_DOTDOT, MP_ROOT };
struct mpath {
	struct mnode *dir;	/* directory of the last component */
	const char *name;	/* the last component, not NUL-terminated */
	size_t len;
	struct mnode *node;	/* what it names; NULL when nothing */
	int last;		/* MP_*: what kind of name the last one is */
	int slash;		/* the path ended in '/' */
};

/*
 * Flags of memfs_walk.  Without either, a symbolic link in the last
 * component is followed only when a '/' comes after it, as in lstat.
 */
#define MEMFS_FOLLOW	1	/* follow a symbolic link as last component */
#define MEMFS_PARENT	2	/* never: the caller makes or removes it */

/* A new tree with an empty root directory (mode 0755); NULL without memory. */
struct memfs *memfs_new(void);
/* Frees the tree; every node must be closed. For tests. */
void memfs_destroy(struct memfs *fs);

/*
 * Resolves path from directory start (absolute paths from the root):
 * every component but the last must exist and be (a link to) a
 * directory.  The last one need not exist.  Errors: -ENOENT (a missing
 * directory, or an empty path), -ENOTDIR, -ELOOP, -ENAMETOOLONG.
 */
int memfs_walk(struct memfs *fs, struct mnode *start, const char *path,
    int flags, struct mpath *mp);
/* The node of name (len bytes, "." and ".." too) in dir, or NULL. */
struct mnode *memfs_lookup(struct mnode *dir, const char *name, size_t len);

/*
 * Makes a node of type and permissions mode (S_IFREG, S_IFDIR, S_IFCHR)
 * called name in dir.  -EEXIST, -ENOENT (dir was removed), -ENOMEM,
 * -ENAMETOOLONG, -EINVAL (".", "..", a '/' or NUL in name).
 */
int memfs_create(struct memfs *fs, struct mnode *dir, const char *name,
    size_t len, uint32_t mode, struct mnode **out);
/* Makes a symbolic link to target (tlen bytes: -ENOENT when 0). */
int memfs_symlink(struct memfs *fs, struct mnode *dir, const char *name,
    size_t len, const char *target, size_t tlen, struct mnode **out);
/* Adds a name for the non-directory node (-EPERM for a directory). */
int memfs_link(struct mnode *dir, const char *name, size_t len,
    struct mnode *node);
/* Removes a non-directory's name: -ENOENT, -EISDIR. */
int memfs_unlink(struct mnode *dir, const char *name, size_t len);
/* Removes an empty directory: -ENOENT, -ENOTDIR, -ENOTEMPTY. */
int memfs_rmdir(struct mnode *dir, const char *name, size_t len);
/*
 * Renames oname in odir to nname in ndir, replacing what is there.
 * -ENOENT, -EINVAL (a directory into itself), -ENOTEMPTY, -ENOTDIR,
 * -EISDIR, -ENOMEM; renaming a node onto itself does nothing.
 */
int memfs_rename(struct mnode *odir, const char *oname, size_t olen,
    struct mnode *ndir, const char *nname, size_t nlen);

/* Copies up to n bytes at off of a regular file; returns the count. */
long memfs_read(struct mnode *node, void *buf, size_t n, uint64_t off);
/* Writes n bytes at off, growing the file; the count, -ENOMEM or -EFBIG. */
long memfs_write(struct mnode *node, const void *buf, size_t n, uint64_t off);
/* Sets a regular file's size; new bytes read as zeros. */
int memfs_truncate(struct mnode *node, uint64_t size);
/*
 * Makes a new, empty regular file's contents the len read-only bytes at
 * data, which must outlive the node; the first write copies them.
 */
void memfs_borrow(struct mnode *node, const void *data, uint64_t len);
/*
 * Makes pages (cap bytes, zeroed, at least the file's stored bytes) the
 * data of the regular file node, for a shared mapping (soil/mm.c): the
 * bytes are copied in, and from then on the file is read and written in
 * those pages, so the mapping and the file are one.  Growing the file
 * past cap moves it to a heap buffer again, and the mapping no longer
 * follows it.
 */
void memfs_share(struct mnode *node, unsigned char *pages, uint64_t cap);
/*
 * Ends memfs_share: the file's bytes move from pages to a heap buffer
 * (nothing to do when they moved already).  0, or -ENOMEM, and then the
 * file keeps the pages.
 */
int memfs_unshare(struct mnode *node, const unsigned char *pages);
/* Makes a new S_IFCHR node the device rdev (Linux encoding) opened by dev. */
void memfs_set_device(struct mnode *node, uint32_t rdev, const void *dev);
/* Sets the permission bits. */
void memfs_chmod(struct mnode *node, uint32_t mode);
/* Sets access and modification times (ns); a negative one is left alone. */
void memfs_set_times(struct mnode *node, int64_t atime, int64_t mtime);
/* Fills st for node. */
void memfs_stat(const struct mnode *node, struct stat *st);

/* One directory entry as memfs_readdir returns it. */
struct mdir_entry {
	const char *name;
	size_t len;
	uint64_t ino;
	unsigned type;		/* DT_* value: mode >> 12 */
	uint64_t next;		/* position of the entry after it */
};
/*
 * The first entry of dir at position pos or later ("." is 0, ".." 1):
 * returns 1 and fills e, or 0 at the end.
 */
int memfs_readdir(const struct mnode *dir, uint64_t pos, struct mdir_entry *e);

/*
 * Writes dir's absolute path and a NUL into buf; returns its length with
 * the NUL, -ERANGE when size is too small, -ENOENT once dir was removed.
 */
long memfs_path(const struct memfs *fs, const struct mnode *dir, char *buf,
    size_t size);
/* Is a the directory d or one of its ancestors? */
int memfs_is_ancestor(const struct mnode *a, const struct mnode *d);

/* Takes and drops a hold on a node (open files, working directories). */
void memfs_get(struct mnode *node);
void memfs_put(struct mnode *node);

#endif
