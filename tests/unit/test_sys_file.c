/*
 * The file syscalls, driven as a program drives them, against the Linux
 * kernel running this test: every call is made on both, ours in the
 * in-memory tree's /tmp/w, Linux's in a fresh directory under /tmp, and
 * the results (counts, errnos, bytes, stat fields) must agree.  Fields
 * that legitimately differ (inode numbers, fd numbers, times, directory
 * sizes, blocks) are not compared; a few checks are ours alone.
 */
/* Linux's headers first: <linux/stat.h> hides S_IFMT once glibc's were seen. */
#include <asm/ioctls.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/random.h>
#include <linux/stat.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "soil/file.h"
#include "soil/sys_file.h"
#include "tests/unit/check.h"
#include "tests/unit/kstubs.h"
#include "tests/unit/vslinux.h"

static char linux_dir[] = "/tmp/soil-test-XXXXXX";

#define UTIME_OMIT	((1l << 30) - 2l)	/* no uapi header has it */

/* fstatat of path on both sides; compares the fields that must agree. */
static void same_stat(int line, const char *path, int flags)
{
	struct stat a, b;
	long ra = sys_newfstatat(AT_FDCWD, path, &a, flags);
	long rb = LX(SYS_newfstatat, AT_FDCWD, path, &b, flags);

	same(line, path, ra, rb);
	if (ra || rb)
		return;
	same(line, "st_mode", (long)a.st_mode, (long)b.st_mode);
	same(line, "st_nlink", (long)a.st_nlink, (long)b.st_nlink);
	same(line, "st_rdev", (long)a.st_rdev, (long)b.st_rdev);
	if (!S_ISDIR(a.st_mode))
		same(line, "st_size", a.st_size, b.st_size);
}
#define SAME_STAT(path, flags)	same_stat(__LINE__, path, flags)

/* Reads everything from fd on both sides and compares. */
static void same_contents(int line, int fd)
{
	char a[8192], b[8192];
	long na = sys_pread64(fd, a, sizeof(a), 0);
	long nb = LX(SYS_pread64, fd, b, sizeof(b), 0);

	same(line, "pread length", na, nb);
	if (na == nb && na > 0)
		same(line, "pread bytes", memcmp(a, b, (size_t)na), 0);
}
#define SAME_CONTENTS(fd)	same_contents(__LINE__, fd)

/*
 * Reading and writing files: access modes, holes, O_APPEND, positioned I/O,
 * vectors, truncation, bad buffers, against Linux's.
 */
static void io(void)
{
	struct iovec ov[3], lv[3];
	char a[64], b[64];
	int o, o2;

	o = (int)BOTH(open, "f", O_CREAT | O_RDWR | O_TRUNC, 0644);
	BOTH(write, o, "hello world", 11);
	BOTH(lseek, o, 0, SEEK_CUR);
	BOTH(lseek, o, -3L, SEEK_END);
	SAME(sys_read(o, a, sizeof(a)), LX(SYS_read, o, b, sizeof(b)));
	SAME(memcmp(a, "rld", 3), memcmp(b, "rld", 3));
	SAME(sys_read(o, a, sizeof(a)), LX(SYS_read, o, b, sizeof(b)));
	BOTH(lseek, o, -1L, SEEK_SET);
	BOTH(lseek, o, 0, 7);
	BOTH(lseek, o, 3, SEEK_DATA);
	BOTH(lseek, o, 3, SEEK_HOLE);
	BOTH(lseek, o, 11, SEEK_DATA);
	BOTH(lseek, o, 50, SEEK_HOLE);
	/* A hole: writing past the end. */
	BOTH(lseek, o, 100, SEEK_SET);
	BOTH(write, o, "!", 1);
	SAME_STAT("f", 0);
	SAME_CONTENTS(o);
	/* Positioned I/O leaves the offset alone. */
	BOTH(pwrite64, o, "HE", 2, 0);
	SAME(sys_pread64(o, a, 5, 1), LX(SYS_pread64, o, b, 5, 1));
	SAME(memcmp(a, b, 5), 0);
	SAME(sys_pread64(o, a, 5, -1), LX(SYS_pread64, o, b, 5, -1L));
	SAME(sys_pread64(o, a, 5, 1000), LX(SYS_pread64, o, b, 5, 1000));
	BOTH(lseek, o, 0, SEEK_CUR);
	/* Bad buffers and counts. */
	BOTH(lseek, o, 0, SEEK_SET);
	BOTH(read, o, (void *)8, 10);
	BOTH(write, o, (void *)8, 10);
	BOTH(read, o, NULL, 0);
	SAME(sys_read(-1, a, 1), LX(SYS_read, -1, b, 1));
	SAME(sys_read(999, a, 1), LX(SYS_read, 999, b, 1));
	/* Vectors. */
	ov[0] = (struct iovec){ "ab", 2 };
	ov[1] = (struct iovec){ "", 0 };
	ov[2] = (struct iovec){ "cde", 3 };
	BOTH(writev, o, ov, 3);
	BOTH(writev, o, ov, -1);
	BOTH(writev, o, ov, 1025);
	BOTH(writev, o, ov, 0);
	ov[1] = (struct iovec){ (void *)8, 1 };
	BOTH(writev, o, ov, 3);
	BOTH(lseek, o, 98, SEEK_SET);
	ov[0] = (struct iovec){ a, 3 };
	ov[1] = (struct iovec){ a + 3, 50 };
	lv[0] = (struct iovec){ b, 3 };
	lv[1] = (struct iovec){ b + 3, 50 };
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	SAME(sys_readv(o, ov, 2), LX(SYS_readv, o, lv, 2));
	SAME(memcmp(a, b, sizeof(a)), 0);
	/* Truncation. */
	BOTH(ftruncate, o, 4);
	BOTH(ftruncate, o, -1L);
	BOTH(ftruncate, o, 5000);
	SAME_CONTENTS(o);
	BOTH(fsync, o);
	BOTH(fdatasync, o);
	BOTH(fsync, 999);
	/* Access modes. */
	o2 = (int)BOTH(open, "f", O_RDONLY, 0);
	BOTH(write, o2, "x", 1);
	BOTH(pwrite64, o2, "x", 1, 0);
	BOTH(ftruncate, o2, 0);
	BOTH(writev, o2, ov, 1);
	BOTH(close, o2);
	o2 = (int)BOTH(open, "f", O_WRONLY, 0);
	SAME(sys_read(o2, a, 1), LX(SYS_read, o2, b, 1));
	BOTH(close, o2);
	/* O_APPEND: writes go to the end, pwrite too. */
	o2 = (int)BOTH(open, "f", O_WRONLY | O_APPEND, 0);
	BOTH(write, o2, "tail", 4);
	BOTH(lseek, o2, 0, SEEK_CUR);
	BOTH(pwrite64, o2, "P", 1, 0);
	BOTH(lseek, o2, 0, SEEK_CUR);
	SAME_CONTENTS(o);
	BOTH(close, o2);
	BOTH(close, o);
	BOTH(close, o);
}

/* dup, dup2, dup3, fcntl, ioctl and close, against Linux's. */
static void descriptors(void)
{
	int o, v = 0, w = 0;
	long ro;

	o = (int)BOTH(open, "g",
	    O_CREAT | O_RDWR | O_CLOEXEC | O_TRUNC | O_EXCL, 0600);
	BOTH(fcntl, o, F_GETFL, 0);
	BOTH(fcntl, o, F_GETFD, 0);
	BOTH(fcntl, o, F_SETFD, 0);
	BOTH(fcntl, o, F_GETFD, 0);
	SAME(sys_fcntl(o, F_SETFL, O_APPEND | O_NONBLOCK | O_RDONLY | O_TRUNC),
	    LX(SYS_fcntl, o, F_SETFL,
	    O_APPEND | O_NONBLOCK | O_RDONLY | O_TRUNC));
	BOTH(fcntl, o, F_GETFL, 0);
	BOTH(fcntl, o, 9999, 0);
	BOTH(fcntl, -5, F_GETFD, 0);
	/* Duplicates share the offset; close-on-exec is per fd. */
	ro = BOTH(fcntl, o, F_DUPFD_CLOEXEC, 300);
	SAME(sys_fcntl((int)ro, F_GETFD, 0), LX(SYS_fcntl, ro, F_GETFD, 0));
	SAME(sys_write((int)ro, "abc", 3), LX(SYS_write, ro, "abc", 3));
	BOTH(lseek, o, 0, SEEK_CUR);
	SAME(sys_close((int)ro), LX(SYS_close, ro));
	BOTH(fcntl, o, F_DUPFD, 1 << 30);
	BOTH(dup2, o, 301);
	SAME(sys_dup2(o, o) == o, LX(SYS_dup2, o, o) == o);
	BOTH(dup2, 999, 999);
	BOTH(dup2, 999, 301);
	BOTH(dup3, o, 301, O_CLOEXEC);
	BOTH(fcntl, 301, F_GETFD, 0);
	BOTH(dup3, o, o, 0);
	BOTH(dup3, o, 302, O_APPEND);
	BOTH(dup3, o, -1, 0);
	BOTH(close, 301);
	BOTH(dup, o);
	BOTH(dup, 999);
	/* ioctl: terminal requests fail on files; the fd-level ones work. */
	SAME(sys_ioctl(o, TCGETS, (unsigned long)&v),
	    LX(SYS_ioctl, o, TCGETS, &w));
	SAME(sys_ioctl(o, FIONREAD, (unsigned long)&v),
	    LX(SYS_ioctl, o, FIONREAD, &w));
	SAME(v, w);
	BOTH(ioctl, o, FIOCLEX, 0);
	BOTH(fcntl, o, F_GETFD, 0);
	v = w = 1;
	SAME(sys_ioctl(o, FIONBIO, (unsigned long)&v),
	    LX(SYS_ioctl, o, FIONBIO, &w));
	BOTH(fcntl, o, F_GETFL, 0);
	BOTH(ioctl, 999, TCGETS, 0);
	BOTH(close, o);
}

/*
 * open and openat: flags, errors, O_PATH handles, directories and dirfds,
 * against Linux's.
 */
static void opens(void)
{
	char longpath[5000], longname[300];
	int o;

	BOTH(mkdir, "d", 0755);
	BOTH(open, "d", O_WRONLY, 0);
	BOTH(open, "d", O_RDWR, 0);
	BOTH(open, "d", O_RDONLY | O_TRUNC, 0);
	BOTH(open, "d", O_RDONLY | O_CREAT, 0644);
	BOTH(open, "f", O_RDONLY | O_DIRECTORY, 0);
	BOTH(open, "f", O_CREAT | O_EXCL | O_RDWR, 0644);
	BOTH(open, "new/", O_CREAT | O_RDWR, 0644);
	BOTH(open, "f/", O_RDONLY, 0);
	BOTH(open, "f/", O_CREAT | O_RDONLY, 0644);
	BOTH(open, ".", O_CREAT | O_RDONLY, 0644);
	BOTH(open, ".", O_CREAT | O_EXCL | O_RDONLY, 0644);
	BOTH(open, "f/x", O_RDONLY, 0);
	BOTH(open, "nope/x", O_CREAT | O_RDONLY, 0644);
	BOTH(open, "", O_RDONLY, 0);
	BOTH(open, (char *)8, O_RDONLY, 0);
	BOTH(open, "x", O_CREAT | O_DIRECTORY | O_RDWR, 0644);
	SAME(sys_open("x", O_TMPFILE | O_RDWR, 0644) < 0, 1);
	memset(longpath, 'a', sizeof(longpath));
	longpath[4096] = '\0';
	BOTH(open, longpath, O_RDONLY, 0);
	memset(longname, 'b', sizeof(longname));
	longname[256] = '\0';
	BOTH(open, longname, O_CREAT | O_RDWR, 0644);
	longname[255] = '\0';
	o = (int)BOTH(open, longname, O_CREAT | O_RDWR, 0644);
	BOTH(close, o);
	BOTH(unlink, longname);
	/* Reading a directory. */
	o = (int)BOTH(open, "d", O_RDONLY, 0);
	BOTH(read, o, longname, 10);
	BOTH(pread64, o, longname, 10, 0);
	BOTH(write, o, "x", 1);
	BOTH(ftruncate, o, 0);
	BOTH(fsync, o);
	SAME(sys_ioctl(o, FIONREAD, (unsigned long)longname),
	    LX(SYS_ioctl, o, FIONREAD, longname));
	/* dirfds: relative paths start there, absolute ones ignore them. */
	BOTH(openat, o, "in", O_CREAT | O_RDWR, 0644);
	SAME_STAT("d/in", 0);
	BOTH(openat, -7, "/dev/null", O_RDONLY, 0);
	BOTH(openat, -7, "f", O_RDONLY, 0);
	BOTH(close, o);
	o = (int)BOTH(open, "f", O_RDONLY, 0);
	BOTH(openat, o, "x", O_RDONLY, 0);
	BOTH(getdents64, o, longname, sizeof(longname));
	BOTH(close, o);
	/* O_PATH handles: stat and dirfd only. */
	o = (int)BOTH(open, "f", O_PATH | O_RDWR | O_CREAT | O_TRUNC, 0);
	BOTH(read, o, longname, 1);
	BOTH(fcntl, o, F_GETFL, 0);
	BOTH(lseek, o, 0, SEEK_SET);
	SAME_STAT("f", 0);
	BOTH(close, o);
	/* creat truncates. */
	o = (int)BOTH(creat, "f", 0644);
	SAME_STAT("f", 0);
	BOTH(fcntl, o, F_GETFL, 0);
	BOTH(close, o);
}

/* getdents64 records: (name, type) pairs joined, sorted, for comparing. */
static void list(long (*getdents)(int, void *, unsigned), int fd, char *out,
    size_t size)
{
	char buf[256], names[64][64];
	int i, j, n = 0;
	long got, at;

	while ((got = getdents(fd, buf, sizeof(buf))) > 0)
		for (at = 0; at < got; at += *(uint16_t *)(buf + at + 16))
			snprintf(names[n++], sizeof(names[0]), "%s:%d",
			    buf + at + 19, buf[at + 18]);
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char t[64];

			memcpy(t, names[j], sizeof(t));
			memcpy(names[j], names[j - 1], sizeof(t));
			memcpy(names[j - 1], t, sizeof(t));
		}
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		strncat(out, names[i], size - strlen(out) - 1);
		strncat(out, " ", size - strlen(out) - 1);
	}
}

/* Our getdents64, for the listing helper. */
static long ours_getdents(int fd, void *buf, unsigned n)
{
	return sys_getdents64(fd, buf, n);
}

/* The host's getdents64, for the listing helper. */
static long linux_getdents(int fd, void *buf, unsigned n)
{
	return LX(SYS_getdents64, fd, buf, n);
}

/* mkdir, rmdir, unlink and getdents64, against Linux's. */
static void directories(void)
{
	char a[1024], b[1024];
	int o;

	BOTH(mkdir, "d", 0755);
	BOTH(mkdir, "d/e/", 0700);
	BOTH(mkdir, "d/e/f/g", 0700);
	BOTH(mkdir, "f/g", 0700);
	BOTH(mkdir, ".", 0700);
	BOTH(mkdir, "..", 0700);
	BOTH(mkdir, "/", 0700);
	BOTH(mkdir, "d/e/..", 0700);
	SAME_STAT("d", 0);
	SAME_STAT("d/e", 0);
	BOTH(rmdir, "d");
	BOTH(rmdir, "f");
	BOTH(rmdir, "d/e/.");
	BOTH(rmdir, "d/e/..");
	BOTH(rmdir, "missing");
	BOTH(unlink, "d");
	BOTH(unlink, "d/");
	BOTH(unlink, "f/");
	BOTH(unlink, ".");
	BOTH(unlink, "missing");
	BOTH(unlinkat, AT_FDCWD, "d/e", 0);
	BOTH(unlinkat, AT_FDCWD, "d/e", 0x8000);
	/* getdents64: the same names and types, "." and ".." included. */
	sys_close((int)sys_open("d/file", O_CREAT | O_WRONLY, 0644));
	close((int)LX(SYS_open, "d/file", O_CREAT | O_WRONLY, 0644));
	sys_symlink("file", "d/link");
	LX(SYS_symlink, "file", "d/link");
	o = (int)BOTH(open, "d", O_RDONLY | O_DIRECTORY, 0);
	list(ours_getdents, o, a, sizeof(a));
	list(linux_getdents, o, b, sizeof(b));
	if (!CHECK(!strcmp(a, b)))
		fprintf(stderr, "  ours \"%s\", Linux \"%s\"\n", a, b);
	SAME(sys_getdents64(o, a, sizeof(a)),
	    LX(SYS_getdents64, o, b, sizeof(b)));
	BOTH(lseek, o, 0, SEEK_SET);
	SAME(sys_getdents64(o, a, 10), LX(SYS_getdents64, o, b, 10));
	BOTH(getdents64, o, (void *)8, 100);
	CHECK(sys_lseek(o, 0, SEEK_END) == -EINVAL);	/* tmpfs's answer */
	BOTH(unlinkat, AT_FDCWD, "d/e", AT_REMOVEDIR);
	BOTH(unlinkat, o, "file", 0);
	BOTH(unlinkat, o, "link", 0);
	BOTH(unlinkat, o, "in", 0);
	BOTH(rmdir, "d");
	/* A removed directory still open: nothing to list. */
	BOTH(lseek, o, 0, SEEK_SET);
	SAME(sys_getdents64(o, a, sizeof(a)),
	    LX(SYS_getdents64, o, b, sizeof(b)));
	BOTH(openat, o, "x", O_CREAT | O_RDWR, 0644);
	BOTH(close, o);
}

/* rename and link, against Linux's. */
static void renames(void)
{
	int o;

	sys_mkdir("r", 0755);
	LX(SYS_mkdir, "r", 0755);
	sys_mkdir("r/full", 0755);
	LX(SYS_mkdir, "r/full", 0755);
	sys_mkdir("r/empty", 0755);
	LX(SYS_mkdir, "r/empty", 0755);
	sys_close((int)sys_open("r/full/x", O_CREAT | O_WRONLY, 0644));
	close((int)LX(SYS_open, "r/full/x", O_CREAT | O_WRONLY, 0644));
	o = (int)BOTH(open, "r/a", O_CREAT | O_WRONLY, 0644);
	BOTH(write, o, "AAA", 3);
	sys_close(o);
	close(o);
	sys_close((int)sys_open("r/b", O_CREAT | O_WRONLY, 0644));
	close((int)LX(SYS_open, "r/b", O_CREAT | O_WRONLY, 0644));
	BOTH(rename, "r/a", "r/b");
	SAME_STAT("r/a", 0);
	SAME_STAT("r/b", 0);
	BOTH(rename, "r/a", "r/c");
	BOTH(rename, "r/b", "r/full");
	BOTH(rename, "r/empty", "r/b");
	BOTH(rename, "r/empty", "r/full");
	BOTH(rename, "r", "r/empty/in");
	BOTH(rename, "r/full/x", "r");
	BOTH(rename, "r/b", "r/b");
	BOTH(rename, "r/.", "r/z");
	BOTH(rename, "r/b", "r/..");
	BOTH(rename, "r/b/", "r/z");
	BOTH(rename, "r/b", "r/z/");
	BOTH(rename, "r/empty/", "r/moved/");
	SAME_STAT("r/moved", 0);
	BOTH(rename, "r/moved", "r/full/in");
	SAME_STAT("r/full", 0);
	SAME_STAT("r", 0);
	SAME(sys_renameat2(AT_FDCWD, "r/b", AT_FDCWD, "r/full",
	    RENAME_NOREPLACE), LX(SYS_renameat2, AT_FDCWD, "r/b", AT_FDCWD,
	    "r/full", RENAME_NOREPLACE));
	SAME(sys_renameat2(AT_FDCWD, "r/b", AT_FDCWD, "r/.", RENAME_NOREPLACE),
	    LX(SYS_renameat2, AT_FDCWD, "r/b", AT_FDCWD, "r/.",
	    RENAME_NOREPLACE));
	SAME(sys_renameat2(AT_FDCWD, "r/b", AT_FDCWD, "r/nb", RENAME_NOREPLACE),
	    LX(SYS_renameat2, AT_FDCWD, "r/b", AT_FDCWD, "r/nb",
	    RENAME_NOREPLACE));
	SAME(sys_renameat2(AT_FDCWD, "r/nb", AT_FDCWD, "r/c", 0x80),
	    LX(SYS_renameat2, AT_FDCWD, "r/nb", AT_FDCWD, "r/c", 0x80));
	/* Hard links: renaming one name onto another of the same file. */
	BOTH(link, "r/nb", "r/hard");
	SAME_STAT("r/nb", 0);
	BOTH(rename, "r/nb", "r/hard");
	SAME_STAT("r/nb", 0);
	BOTH(link, "r/full", "r/dirlink");
	BOTH(link, "r/hard", "r/full/x");
	BOTH(link, "r/missing", "r/y");
}

/*
 * Symbolic links in paths: loops, directories, trailing slashes, dangling
 * links, against Linux's.
 */
static void symlinks(void)
{
	struct stat sa, sb;
	char a[64], b[64];
	int o;

	BOTH(symlink, "target", "sl");
	BOTH(symlink, "target", "sl");
	BOTH(symlink, "", "sl2");
	BOTH(symlink, "x", "sl2/");
	SAME(sys_readlink("sl", a, sizeof(a)),
	    LX(SYS_readlink, "sl", b, sizeof(b)));
	SAME(memcmp(a, b, 6), 0);
	SAME(sys_readlink("sl", a, 3), LX(SYS_readlink, "sl", b, 3));
	SAME(sys_readlink("sl", a, 0), LX(SYS_readlink, "sl", b, 0));
	SAME(sys_readlink("f", a, sizeof(a)),
	    LX(SYS_readlink, "f", b, sizeof(b)));
	SAME(sys_readlink("nope", a, sizeof(a)),
	    LX(SYS_readlink, "nope", b, sizeof(b)));
	SAME(sys_readlinkat(AT_FDCWD, "", a, sizeof(a)),
	    LX(SYS_readlinkat, AT_FDCWD, "", b, sizeof(b)));
	SAME_STAT("sl", AT_SYMLINK_NOFOLLOW);
	SAME_STAT("sl", 0);
	BOTH(open, "sl", O_RDONLY, 0);
	/* O_CREAT through a dangling link makes its target. */
	o = (int)BOTH(open, "sl", O_CREAT | O_WRONLY, 0640);
	BOTH(close, o);
	SAME_STAT("target", 0);
	BOTH(open, "sl", O_CREAT | O_EXCL | O_WRONLY, 0640);
	BOTH(open, "sl", O_RDONLY | O_NOFOLLOW, 0);
	o = (int)BOTH(open, "sl", O_PATH | O_NOFOLLOW, 0);
	SAME(sys_readlinkat(o, "", a, sizeof(a)),
	    LX(SYS_readlinkat, o, "", b, sizeof(b)));
	BOTH(close, o);
	/* Loops, links to directories, trailing slashes. */
	BOTH(symlink, "loop2", "loop1");
	BOTH(symlink, "loop1", "loop2");
	BOTH(open, "loop1", O_RDONLY, 0);
	SAME(sys_stat("loop1/x", &sa), LX(SYS_stat, "loop1/x", &sb));
	BOTH(mkdir, "sd", 0755);
	BOTH(symlink, "sd", "sdl");
	SAME_STAT("sdl/", AT_SYMLINK_NOFOLLOW);
	SAME_STAT("sl/", AT_SYMLINK_NOFOLLOW);
	BOTH(unlink, "sdl/");
	BOTH(rmdir, "sdl");
	BOTH(rmdir, "sdl/");
	BOTH(mkdir, "sdl", 0755);
	BOTH(symlink, "/tmp", "abs");
	SAME(sys_stat("abs/", &sa), LX(SYS_stat, "abs/", &sb));
	SAME(sa.st_mode, sb.st_mode);
	BOTH(unlink, "sdl");
	BOTH(unlink, "sd");
}

/* stat and statx, access, chmod, umask and truncate, against Linux's. */
static void stats(void)
{
	struct stat a, b;
	struct statx xa, xb;
	int o;

	SAME(sys_stat("f", (struct stat *)8), LX(SYS_stat, "f", (void *)8));
	SAME(sys_newfstatat(AT_FDCWD, "f", &a, 0x4000000),
	    LX(SYS_newfstatat, AT_FDCWD, "f", &b, 0x4000000));
	SAME(sys_newfstatat(AT_FDCWD, "", &a, 0),
	    LX(SYS_newfstatat, AT_FDCWD, "", &b, 0));
	SAME(sys_newfstatat(AT_FDCWD, "", &a, AT_EMPTY_PATH),
	    LX(SYS_newfstatat, AT_FDCWD, "", &b, AT_EMPTY_PATH));
	SAME(a.st_mode, b.st_mode);
	o = (int)BOTH(open, "f", O_RDONLY, 0);
	SAME(sys_fstat(o, &a), LX(SYS_fstat, o, &b));
	SAME(a.st_mode, b.st_mode);
	SAME(a.st_size, b.st_size);
	SAME(sys_newfstatat(o, "", &a, AT_EMPTY_PATH),
	    LX(SYS_newfstatat, o, "", &b, AT_EMPTY_PATH));
	SAME(a.st_size, b.st_size);
	SAME(sys_fstat(o, (struct stat *)8), LX(SYS_fstat, o, (void *)8));
	SAME(sys_fstat(999, &a), LX(SYS_fstat, 999, &b));
	SAME(sys_statx(AT_FDCWD, "f", 0, STATX_BASIC_STATS, &xa),
	    LX(SYS_statx, AT_FDCWD, "f", 0, STATX_BASIC_STATS, &xb));
	SAME(xa.stx_mode, xb.stx_mode);
	SAME(xa.stx_size, xb.stx_size);
	SAME(xa.stx_nlink, xb.stx_nlink);
	SAME(xa.stx_mask & STATX_BASIC_STATS, xb.stx_mask & STATX_BASIC_STATS);
	SAME(sys_statx(AT_FDCWD, "/dev/null", 0, STATX_BASIC_STATS, &xa),
	    LX(SYS_statx, AT_FDCWD, "/dev/null", 0, STATX_BASIC_STATS, &xb));
	SAME(xa.stx_rdev_major, xb.stx_rdev_major);
	SAME(xa.stx_rdev_minor, xb.stx_rdev_minor);
	SAME(sys_statx(AT_FDCWD, "f", AT_STATX_SYNC_TYPE, 0, &xa),
	    LX(SYS_statx, AT_FDCWD, "f", AT_STATX_SYNC_TYPE, 0, &xb));
	BOTH(close, o);
	/* An unlinked file stays readable through its fd. */
	o = (int)BOTH(open, "doomed", O_CREAT | O_RDWR, 0644);
	BOTH(write, o, "data", 4);
	BOTH(unlink, "doomed");
	SAME(sys_fstat(o, &a), LX(SYS_fstat, o, &b));
	SAME(a.st_nlink, b.st_nlink);
	SAME_CONTENTS(o);
	BOTH(write, o, "more", 4);
	SAME_CONTENTS(o);
	BOTH(close, o);
	/* access: root may read and write anything, execute only x files. */
	BOTH(access, "f", 0);
	BOTH(access, "f", 1);
	BOTH(access, "f", 4 | 2);
	BOTH(access, ".", 1);
	BOTH(access, "f", 8);
	BOTH(access, "nope", 0);
	BOTH(faccessat2, AT_FDCWD, "f", 0, 0x10000);
	BOTH(chmod, "f", 0755);
	BOTH(access, "f", 1);
	BOTH(fchmodat, AT_FDCWD, "f", 0640);
	SAME_STAT("f", 0);
	/* truncate by name. */
	BOTH(truncate, "f", 10);
	BOTH(truncate, "f", -1L);
	BOTH(truncate, ".", 0);
	BOTH(truncate, "nope", 0);
	BOTH(truncate, "/dev/null", 0);
	SAME_STAT("f", 0);
	/* umask applies to new files and directories. */
	BOTH(umask, 077);
	sys_close((int)sys_open("masked", O_CREAT | O_RDWR, 0666));
	close((int)LX(SYS_open, "masked", O_CREAT | O_RDWR, 0666));
	SAME_STAT("masked", 0);
	BOTH(mkdir, "maskdir", 01777);
	SAME_STAT("maskdir", 0);
	BOTH(umask, 022);
}

/* utimensat, against Linux's, and the clamp past 2262 of ours. */
static void times(void)
{
	struct __kernel_timespec t[2] = { { 1000, 5 }, { 2000, 7 } };
	struct stat a, b;

	BOTH(utimensat, AT_FDCWD, "f", t, 0);
	SAME(sys_stat("f", &a), LX(SYS_stat, "f", &b));
	SAME(a.st_atime, b.st_atime);
	SAME(a.st_mtime_nsec, b.st_mtime_nsec);
	t[0].tv_nsec = UTIME_OMIT;
	t[1].tv_sec = 3000;
	BOTH(utimensat, AT_FDCWD, "f", t, 0);
	SAME(sys_stat("f", &a), LX(SYS_stat, "f", &b));
	SAME(a.st_atime, b.st_atime);
	SAME(a.st_mtime, b.st_mtime);
	t[0].tv_nsec = 1000000000;
	BOTH(utimensat, AT_FDCWD, "f", t, 0);
	BOTH(utimensat, AT_FDCWD, "f", t, 0x8000);
	/* Ours only: past 2262 is kept as the latest time a node holds. */
	t[0].tv_nsec = UTIME_OMIT;
	t[1].tv_sec = INT64_MAX;
	CHECK(sys_utimensat(AT_FDCWD, "f", t, 0) == 0);
	CHECK(sys_stat("f", &a) == 0 && a.st_mtime == INT64_MAX / 1000000000);
	t[1].tv_sec = -5;
	CHECK(sys_utimensat(AT_FDCWD, "f", t, 0) == 0);
	CHECK(sys_stat("f", &a) == 0 && a.st_mtime == INT64_MAX / 1000000000);
}

/* The /dev files and getrandom, against the host's. */
static void devices(void)
{
	char a[64], b[64];
	struct stat sa, sb;
	int o;

	o = (int)BOTH(open, "/dev/null", O_RDWR, 0);
	BOTH(write, o, "abc", 3);
	SAME(sys_read(o, a, sizeof(a)), LX(SYS_read, o, b, sizeof(b)));
	BOTH(lseek, o, 100, SEEK_SET);
	SAME(sys_pread64(o, a, 3, 5), LX(SYS_pread64, o, b, 3, 5));
	SAME(sys_ioctl(o, TCGETS, (unsigned long)a),
	    LX(SYS_ioctl, o, TCGETS, b));
	BOTH(fsync, o);
	BOTH(ftruncate, o, 0);
	SAME(sys_fstat(o, &sa), LX(SYS_fstat, o, &sb));
	SAME(sa.st_mode, sb.st_mode);
	SAME(sa.st_rdev, sb.st_rdev);
	BOTH(close, o);
	o = (int)BOTH(open, "/dev/zero", O_RDWR, 0);
	memset(a, 1, sizeof(a));
	memset(b, 2, sizeof(b));
	SAME(sys_read(o, a, sizeof(a)), LX(SYS_read, o, b, sizeof(b)));
	SAME(memcmp(a, b, sizeof(a)), 0);
	BOTH(write, o, "abc", 3);
	BOTH(lseek, o, 0, SEEK_CUR);
	BOTH(close, o);
	o = (int)BOTH(open, "/dev/full", O_WRONLY, 0);
	BOTH(write, o, "abc", 3);
	BOTH(close, o);
	SAME_STAT("/dev/urandom", 0);
	SAME_STAT("/dev/random", 0);
	o = (int)BOTH(open, "/dev/urandom", O_RDONLY, 0);
	SAME(sys_read(o, a, sizeof(a)), LX(SYS_read, o, b, sizeof(b)));
	BOTH(close, o);
	/* getrandom. */
	SAME(sys_getrandom(a, 16, 0), LX(SYS_getrandom, b, 16, 0));
	SAME(sys_getrandom(a, 16, GRND_NONBLOCK | GRND_RANDOM),
	    LX(SYS_getrandom, b, 16, GRND_NONBLOCK | GRND_RANDOM));
	SAME(sys_getrandom(a, 16, GRND_INSECURE | GRND_RANDOM),
	    LX(SYS_getrandom, b, 16, GRND_INSECURE | GRND_RANDOM));
	SAME(sys_getrandom(a, 16, 0x40), LX(SYS_getrandom, b, 16, 0x40));
	BOTH(getrandom, (void *)8, 16, 0);
	SAME(sys_getrandom(a, 0, 0), LX(SYS_getrandom, b, 0, 0));
}

/* The working directory: its path relative to each side's base. */
static void cwd(void)
{
	char a[256], b[256];
	size_t base = strlen(linux_dir);
	long ra, rb;
	int o;

	BOTH(mkdir, "c", 0755);
	BOTH(mkdir, "c/d", 0755);
	BOTH(chdir, "c/d/");
	ra = sys_getcwd(a, sizeof(a));
	rb = LX(SYS_getcwd, b, sizeof(b));
	SAME(ra - 6, rb - (long)base);
	SAME(strcmp(a + 6, b + base), 0);
	SAME(sys_getcwd(a, 2), LX(SYS_getcwd, b, 2));
	BOTH(getcwd, (char *)8, 100);
	BOTH(chdir, "../../f");
	BOTH(chdir, "nope");
	BOTH(chdir, "..");
	o = (int)BOTH(open, "d", O_RDONLY, 0);
	BOTH(fchdir, o);
	BOTH(close, o);
	o = (int)BOTH(open, "../../f", O_RDONLY, 0);
	BOTH(fchdir, o);
	BOTH(close, o);
	BOTH(fchdir, 999);
	/* Removing the working directory: no path, no new names. */
	BOTH(rmdir, "../d");
	SAME(sys_getcwd(a, sizeof(a)), LX(SYS_getcwd, b, sizeof(b)));
	BOTH(open, "new", O_CREAT | O_RDWR, 0644);
	SAME_STAT(".", 0);
	SAME(sys_chdir("/tmp/w"), LX(SYS_chdir, linux_dir));
}

/* What only our side can check: fd limits, the tree's set-up. */
static void ours_only(void)
{
	static int fds[FD_LIMIT + 1];
	char buf[64];
	int n, fd;

	for (n = 0; n <= FD_LIMIT; n++)
		if ((fds[n] = (int)sys_open("/dev/null", O_RDONLY, 0)) < 0)
			break;
	CHECK(n < FD_LIMIT && fds[n] == -EMFILE);
	CHECK(sys_dup(fds[0]) == -EMFILE);
	CHECK(sys_fcntl(fds[0], F_DUPFD, 5) == -EMFILE);
	CHECK(sys_dup2(fds[0], FD_LIMIT) == -EBADF);
	while (n--)
		sys_close(fds[n]);
	fd = (int)sys_open("/dev/null", O_RDONLY, 0);
	CHECK(fd == fds[0]);
	sys_close(fd);
	CHECK(sys_readlink("/proc/self/exe", buf, sizeof(buf)) == 12);
	CHECK(!memcmp(buf, "/BOOTX64.EFI", 12));
	soil_set_exe_name("/EFI/BOOT/BOOTX64.EFI");
	CHECK(sys_readlink("/proc/self/exe", buf, sizeof(buf)) == 21);
	CHECK(sys_access("/tmp", 7) == 0);
	CHECK(sys_renameat2(AT_FDCWD, "f", AT_FDCWD, "g",
	    RENAME_EXCHANGE) == -EINVAL);
}

/* Runs the file cases in a scratch directory against the host's kernel. */
int main(void)
{
	char cmd[64];

	if (!mkdtemp(linux_dir) || chdir(linux_dir)) {
		perror(linux_dir);
		return 1;
	}
	syscall(SYS_umask, 022);
	soil_set_exe_name("/BOOTX64.EFI");
	CHECK(soil_files_init_from(NULL, 0) == 0);
	mirror_fds();
	CHECK(sys_mkdir("/tmp/w", 0700) == 0);
	CHECK(sys_chdir("/tmp/w") == 0);
	io();
	descriptors();
	opens();
	directories();
	renames();
	symlinks();
	stats();
	times();
	devices();
	cwd();
	ours_only();
	if (chdir("/") == 0) {
		snprintf(cmd, sizeof(cmd), "rm -rf %s", linux_dir);
		CHECK(system(cmd) == 0);
	}
	return check_report("sys_file");
}
