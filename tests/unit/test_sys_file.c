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

static char linux_dir[] = "/tmp/soil-test-XXXXXX";

#define UTIME_OMIT	((1l << 30) - 2l)	/* no uapi header has it */

static long lx(long r)
{
	return r == -1 ? -errno : r;
}

#define LX(...)		lx(syscall(__VA_ARGS__))
#define SAME(ours, theirs)	same(__LINE__, #ours, (long)(ours), (long)(theirs))
/* For calls returning fds: both fail alike, or both succeed. */
#define SAMEFD(ours, theirs)	same_fd(__LINE__, #ours, (long)(ours), (long)(theirs))

static void same(int line, const char *what, long ours, long theirs)
{
	if (!check_one(ours == theirs, what, __FILE__, line))
		fprintf(stderr, "  ours %ld, Linux %ld\n", ours, theirs);
}

static void same_fd(int line, const char *what, long ours, long theirs)
{
	int ok = ours < 0 ? ours == theirs : theirs >= 0;

	if (!check_one(ok, what, __FILE__, line))
		fprintf(stderr, "  ours %ld, Linux %ld\n", ours, theirs);
}

/* stat of path on both sides (lstat with nofollow); compares what must agree. */
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
static void same_contents(int line, int ofd, int lfd)
{
	char a[8192], b[8192];
	long na = sys_pread64(ofd, a, sizeof(a), 0);
	long nb = LX(SYS_pread64, lfd, b, sizeof(b), 0);

	same(line, "pread length", na, nb);
	if (na == nb && na > 0)
		same(line, "pread bytes", memcmp(a, b, (size_t)na), 0);
}
#define SAME_CONTENTS(o, l)	same_contents(__LINE__, o, l)

static void io(void)
{
	struct iovec ov[3], lv[3];
	char a[64], b[64];
	int o, l, o2, l2;

	o = (int)sys_open("f", O_CREAT | O_RDWR | O_TRUNC, 0644);
	l = (int)LX(SYS_open, "f", O_CREAT | O_RDWR | O_TRUNC, 0644);
	SAMEFD(o, l);
	SAME(sys_write(o, "hello world", 11), LX(SYS_write, l, "hello world", 11));
	SAME(sys_lseek(o, 0, SEEK_CUR), LX(SYS_lseek, l, 0, SEEK_CUR));
	SAME(sys_lseek(o, -3, SEEK_END), LX(SYS_lseek, l, -3L, SEEK_END));
	SAME(sys_read(o, a, sizeof(a)), LX(SYS_read, l, b, sizeof(b)));
	SAME(memcmp(a, "rld", 3), memcmp(b, "rld", 3));
	SAME(sys_read(o, a, sizeof(a)), LX(SYS_read, l, b, sizeof(b)));
	SAME(sys_lseek(o, -1, SEEK_SET), LX(SYS_lseek, l, -1L, SEEK_SET));
	SAME(sys_lseek(o, 0, 7), LX(SYS_lseek, l, 0, 7));
	SAME(sys_lseek(o, 3, SEEK_DATA), LX(SYS_lseek, l, 3, SEEK_DATA));
	SAME(sys_lseek(o, 3, SEEK_HOLE), LX(SYS_lseek, l, 3, SEEK_HOLE));
	SAME(sys_lseek(o, 11, SEEK_DATA), LX(SYS_lseek, l, 11, SEEK_DATA));
	SAME(sys_lseek(o, 50, SEEK_HOLE), LX(SYS_lseek, l, 50, SEEK_HOLE));
	/* A hole: writing past the end. */
	SAME(sys_lseek(o, 100, SEEK_SET), LX(SYS_lseek, l, 100, SEEK_SET));
	SAME(sys_write(o, "!", 1), LX(SYS_write, l, "!", 1));
	SAME_STAT("f", 0);
	SAME_CONTENTS(o, l);
	/* Positioned I/O leaves the offset alone. */
	SAME(sys_pwrite64(o, "HE", 2, 0), LX(SYS_pwrite64, l, "HE", 2, 0));
	SAME(sys_pread64(o, a, 5, 1), LX(SYS_pread64, l, b, 5, 1));
	SAME(memcmp(a, b, 5), 0);
	SAME(sys_pread64(o, a, 5, -1), LX(SYS_pread64, l, b, 5, -1L));
	SAME(sys_pread64(o, a, 5, 1000), LX(SYS_pread64, l, b, 5, 1000));
	SAME(sys_lseek(o, 0, SEEK_CUR), LX(SYS_lseek, l, 0, SEEK_CUR));
	/* Bad buffers and counts. */
	SAME(sys_lseek(o, 0, SEEK_SET), LX(SYS_lseek, l, 0, SEEK_SET));
	SAME(sys_read(o, (void *)8, 10), LX(SYS_read, l, (void *)8, 10));
	SAME(sys_write(o, (void *)8, 10), LX(SYS_write, l, (void *)8, 10));
	SAME(sys_read(o, NULL, 0), LX(SYS_read, l, NULL, 0));
	SAME(sys_read(-1, a, 1), LX(SYS_read, -1, b, 1));
	SAME(sys_read(999, a, 1), LX(SYS_read, 999, b, 1));
	/* Vectors. */
	ov[0] = (struct iovec){ "ab", 2 };
	ov[1] = (struct iovec){ "", 0 };
	ov[2] = (struct iovec){ "cde", 3 };
	memcpy(lv, ov, sizeof(lv));
	SAME(sys_writev(o, ov, 3), LX(SYS_writev, l, lv, 3));
	SAME(sys_writev(o, ov, -1), LX(SYS_writev, l, lv, -1));
	SAME(sys_writev(o, ov, 1025), LX(SYS_writev, l, lv, 1025));
	SAME(sys_writev(o, ov, 0), LX(SYS_writev, l, lv, 0));
	ov[1] = (struct iovec){ (void *)8, 1 };
	lv[1] = ov[1];
	SAME(sys_writev(o, ov, 3), LX(SYS_writev, l, lv, 3));
	SAME(sys_lseek(o, 98, SEEK_SET), LX(SYS_lseek, l, 98, SEEK_SET));
	ov[0] = (struct iovec){ a, 3 };
	ov[1] = (struct iovec){ a + 3, 100 };
	lv[0] = (struct iovec){ b, 3 };
	lv[1] = (struct iovec){ b + 3, 100 };
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	SAME(sys_readv(o, ov, 2), LX(SYS_readv, l, lv, 2));
	SAME(memcmp(a, b, sizeof(a)), 0);
	/* Truncation. */
	SAME(sys_ftruncate(o, 4), LX(SYS_ftruncate, l, 4));
	SAME(sys_ftruncate(o, -1), LX(SYS_ftruncate, l, -1L));
	SAME(sys_ftruncate(o, 5000), LX(SYS_ftruncate, l, 5000));
	SAME_CONTENTS(o, l);
	SAME(sys_fsync(o), LX(SYS_fsync, l));
	SAME(sys_fdatasync(o), LX(SYS_fdatasync, l));
	SAME(sys_fsync(999), LX(SYS_fsync, 999));
	/* Access modes. */
	o2 = (int)sys_open("f", O_RDONLY, 0);
	l2 = (int)LX(SYS_open, "f", O_RDONLY, 0);
	SAME(sys_write(o2, "x", 1), LX(SYS_write, l2, "x", 1));
	SAME(sys_pwrite64(o2, "x", 1, 0), LX(SYS_pwrite64, l2, "x", 1, 0));
	SAME(sys_ftruncate(o2, 0), LX(SYS_ftruncate, l2, 0));
	SAME(sys_writev(o2, ov, 1), LX(SYS_writev, l2, lv, 1));
	SAME(sys_close(o2), LX(SYS_close, l2));
	o2 = (int)sys_open("f", O_WRONLY, 0);
	l2 = (int)LX(SYS_open, "f", O_WRONLY, 0);
	SAME(sys_read(o2, a, 1), LX(SYS_read, l2, b, 1));
	SAME(sys_close(o2), LX(SYS_close, l2));
	/* O_APPEND: writes go to the end, pwrite too. */
	o2 = (int)sys_open("f", O_WRONLY | O_APPEND, 0);
	l2 = (int)LX(SYS_open, "f", O_WRONLY | O_APPEND, 0);
	SAME(sys_write(o2, "tail", 4), LX(SYS_write, l2, "tail", 4));
	SAME(sys_lseek(o2, 0, SEEK_CUR), LX(SYS_lseek, l2, 0, SEEK_CUR));
	SAME(sys_pwrite64(o2, "P", 1, 0), LX(SYS_pwrite64, l2, "P", 1, 0));
	SAME(sys_lseek(o2, 0, SEEK_CUR), LX(SYS_lseek, l2, 0, SEEK_CUR));
	SAME_CONTENTS(o, l);
	SAME(sys_close(o2), LX(SYS_close, l2));
	SAME(sys_close(o), LX(SYS_close, l));
	SAME(sys_close(o), LX(SYS_close, l));
}

static void descriptors(void)
{
	int o, l, v = 0, w = 0;
	long ro, rl;

	o = (int)sys_open("g", O_CREAT | O_RDWR | O_CLOEXEC | O_TRUNC | O_EXCL, 0600);
	l = (int)LX(SYS_open, "g", O_CREAT | O_RDWR | O_CLOEXEC | O_TRUNC | O_EXCL, 0600);
	SAMEFD(o, l);
	SAME(sys_fcntl(o, F_GETFL, 0), LX(SYS_fcntl, l, F_GETFL, 0));
	SAME(sys_fcntl(o, F_GETFD, 0), LX(SYS_fcntl, l, F_GETFD, 0));
	SAME(sys_fcntl(o, F_SETFD, 0), LX(SYS_fcntl, l, F_SETFD, 0));
	SAME(sys_fcntl(o, F_GETFD, 0), LX(SYS_fcntl, l, F_GETFD, 0));
	SAME(sys_fcntl(o, F_SETFL, O_APPEND | O_NONBLOCK | O_RDONLY | O_TRUNC),
	    LX(SYS_fcntl, l, F_SETFL, O_APPEND | O_NONBLOCK | O_RDONLY | O_TRUNC));
	SAME(sys_fcntl(o, F_GETFL, 0), LX(SYS_fcntl, l, F_GETFL, 0));
	SAME(sys_fcntl(o, 9999, 0), LX(SYS_fcntl, l, 9999, 0));
	SAME(sys_fcntl(-5, F_GETFD, 0), LX(SYS_fcntl, -5, F_GETFD, 0));
	/* Duplicates share the offset; close-on-exec is per fd. */
	ro = sys_fcntl(o, F_DUPFD_CLOEXEC, 300);
	rl = LX(SYS_fcntl, l, F_DUPFD_CLOEXEC, 300);
	SAME(ro, rl);
	SAME(sys_fcntl((int)ro, F_GETFD, 0), LX(SYS_fcntl, rl, F_GETFD, 0));
	SAME(sys_write((int)ro, "abc", 3), LX(SYS_write, rl, "abc", 3));
	SAME(sys_lseek(o, 0, SEEK_CUR), LX(SYS_lseek, l, 0, SEEK_CUR));
	SAME(sys_close((int)ro), LX(SYS_close, rl));
	SAME(sys_fcntl(o, F_DUPFD, 1 << 30), LX(SYS_fcntl, l, F_DUPFD, 1 << 30));
	SAME(sys_dup2(o, 301), LX(SYS_dup2, l, 301));
	SAME(sys_dup2(o, o) == o, LX(SYS_dup2, l, l) == l);
	SAME(sys_dup2(999, 999), LX(SYS_dup2, 999, 999));
	SAME(sys_dup2(999, 301), LX(SYS_dup2, 999, 301));
	SAME(sys_dup3(o, 301, O_CLOEXEC), LX(SYS_dup3, l, 301, O_CLOEXEC));
	SAME(sys_fcntl(301, F_GETFD, 0), LX(SYS_fcntl, 301, F_GETFD, 0));
	SAME(sys_dup3(o, o, 0), LX(SYS_dup3, l, l, 0));
	SAME(sys_dup3(o, 302, O_APPEND), LX(SYS_dup3, l, 302, O_APPEND));
	SAME(sys_dup3(o, -1, 0), LX(SYS_dup3, l, -1, 0));
	SAME(sys_close(301), LX(SYS_close, 301));
	SAMEFD(sys_dup(o), LX(SYS_dup, l));
	SAME(sys_dup(999), LX(SYS_dup, 999));
	/* ioctl: terminal requests fail on files; the fd-level ones work. */
	SAME(sys_ioctl(o, TCGETS, (unsigned long)&v), LX(SYS_ioctl, l, TCGETS, &w));
	SAME(sys_ioctl(o, FIONREAD, (unsigned long)&v), LX(SYS_ioctl, l, FIONREAD, &w));
	SAME(v, w);
	SAME(sys_ioctl(o, FIOCLEX, 0), LX(SYS_ioctl, l, FIOCLEX, 0));
	SAME(sys_fcntl(o, F_GETFD, 0), LX(SYS_fcntl, l, F_GETFD, 0));
	v = w = 1;
	SAME(sys_ioctl(o, FIONBIO, (unsigned long)&v), LX(SYS_ioctl, l, FIONBIO, &w));
	SAME(sys_fcntl(o, F_GETFL, 0), LX(SYS_fcntl, l, F_GETFL, 0));
	SAME(sys_ioctl(999, TCGETS, 0), LX(SYS_ioctl, 999, TCGETS, 0));
	SAME(sys_close(o), LX(SYS_close, l));
}

static void opens(void)
{
	char longpath[5000], longname[300];
	int o, l;

	SAME(sys_mkdir("d", 0755), LX(SYS_mkdir, "d", 0755));
	SAME(sys_open("d", O_WRONLY, 0), LX(SYS_open, "d", O_WRONLY, 0));
	SAME(sys_open("d", O_RDWR, 0), LX(SYS_open, "d", O_RDWR, 0));
	SAME(sys_open("d", O_RDONLY | O_TRUNC, 0), LX(SYS_open, "d", O_RDONLY | O_TRUNC, 0));
	SAME(sys_open("d", O_RDONLY | O_CREAT, 0644), LX(SYS_open, "d", O_RDONLY | O_CREAT, 0644));
	SAME(sys_open("f", O_RDONLY | O_DIRECTORY, 0), LX(SYS_open, "f", O_RDONLY | O_DIRECTORY, 0));
	SAME(sys_open("f", O_CREAT | O_EXCL | O_RDWR, 0644), LX(SYS_open, "f", O_CREAT | O_EXCL | O_RDWR, 0644));
	SAME(sys_open("new/", O_CREAT | O_RDWR, 0644), LX(SYS_open, "new/", O_CREAT | O_RDWR, 0644));
	SAME(sys_open("f/", O_RDONLY, 0), LX(SYS_open, "f/", O_RDONLY, 0));
	SAME(sys_open("f/", O_CREAT | O_RDONLY, 0644), LX(SYS_open, "f/", O_CREAT | O_RDONLY, 0644));
	SAME(sys_open(".", O_CREAT | O_RDONLY, 0644), LX(SYS_open, ".", O_CREAT | O_RDONLY, 0644));
	SAME(sys_open(".", O_CREAT | O_EXCL | O_RDONLY, 0644), LX(SYS_open, ".", O_CREAT | O_EXCL | O_RDONLY, 0644));
	SAME(sys_open("f/x", O_RDONLY, 0), LX(SYS_open, "f/x", O_RDONLY, 0));
	SAME(sys_open("nope/x", O_CREAT | O_RDONLY, 0644), LX(SYS_open, "nope/x", O_CREAT | O_RDONLY, 0644));
	SAME(sys_open("", O_RDONLY, 0), LX(SYS_open, "", O_RDONLY, 0));
	SAME(sys_open((char *)8, O_RDONLY, 0), LX(SYS_open, (char *)8, O_RDONLY, 0));
	SAME(sys_open("x", O_CREAT | O_DIRECTORY | O_RDWR, 0644), LX(SYS_open, "x", O_CREAT | O_DIRECTORY | O_RDWR, 0644));
	SAME(sys_open("x", O_TMPFILE | O_RDWR, 0644) < 0, 1);
	memset(longpath, 'a', sizeof(longpath));
	longpath[4096] = '\0';
	SAME(sys_open(longpath, O_RDONLY, 0), LX(SYS_open, longpath, O_RDONLY, 0));
	memset(longname, 'b', sizeof(longname));
	longname[256] = '\0';
	SAME(sys_open(longname, O_CREAT | O_RDWR, 0644), LX(SYS_open, longname, O_CREAT | O_RDWR, 0644));
	longname[255] = '\0';
	o = (int)sys_open(longname, O_CREAT | O_RDWR, 0644);
	l = (int)LX(SYS_open, longname, O_CREAT | O_RDWR, 0644);
	SAMEFD(o, l);
	SAME(sys_close(o), LX(SYS_close, l));
	SAME(sys_unlink(longname), LX(SYS_unlink, longname));
	/* Reading a directory. */
	o = (int)sys_open("d", O_RDONLY, 0);
	l = (int)LX(SYS_open, "d", O_RDONLY, 0);
	SAME(sys_read(o, longname, 10), LX(SYS_read, l, longname, 10));
	SAME(sys_pread64(o, longname, 10, 0), LX(SYS_pread64, l, longname, 10, 0));
	SAME(sys_write(o, "x", 1), LX(SYS_write, l, "x", 1));
	SAME(sys_ftruncate(o, 0), LX(SYS_ftruncate, l, 0));
	SAME(sys_fsync(o), LX(SYS_fsync, l));
	SAME(sys_ioctl(o, FIONREAD, (unsigned long)longname), LX(SYS_ioctl, l, FIONREAD, longname));
	/* dirfds: relative paths start there, absolute ones ignore them. */
	SAMEFD(sys_openat(o, "in", O_CREAT | O_RDWR, 0644), LX(SYS_openat, l, "in", O_CREAT | O_RDWR, 0644));
	SAME_STAT("d/in", 0);
	SAMEFD(sys_openat(-7, "/dev/null", O_RDONLY, 0), LX(SYS_openat, -7, "/dev/null", O_RDONLY, 0));
	SAME(sys_openat(-7, "f", O_RDONLY, 0), LX(SYS_openat, -7, "f", O_RDONLY, 0));
	SAME(sys_close(o), LX(SYS_close, l));
	o = (int)sys_open("f", O_RDONLY, 0);
	l = (int)LX(SYS_open, "f", O_RDONLY, 0);
	SAME(sys_openat(o, "x", O_RDONLY, 0), LX(SYS_openat, l, "x", O_RDONLY, 0));
	SAME(sys_getdents64(o, longname, sizeof(longname)), LX(SYS_getdents64, l, longname, sizeof(longname)));
	SAME(sys_close(o), LX(SYS_close, l));
	/* O_PATH handles: stat and dirfd only. */
	o = (int)sys_open("f", O_PATH | O_RDWR | O_CREAT | O_TRUNC, 0);
	l = (int)LX(SYS_open, "f", O_PATH | O_RDWR | O_CREAT | O_TRUNC, 0);
	SAMEFD(o, l);
	SAME(sys_read(o, longname, 1), LX(SYS_read, l, longname, 1));
	SAME(sys_fcntl(o, F_GETFL, 0), LX(SYS_fcntl, l, F_GETFL, 0));
	SAME(sys_lseek(o, 0, SEEK_SET), LX(SYS_lseek, l, 0, SEEK_SET));
	SAME_STAT("f", 0);
	SAME(sys_close(o), LX(SYS_close, l));
	/* creat truncates. */
	o = (int)sys_creat("f", 0644);
	l = (int)LX(SYS_creat, "f", 0644);
	SAME_STAT("f", 0);
	SAME(sys_fcntl(o, F_GETFL, 0), LX(SYS_fcntl, l, F_GETFL, 0));
	SAME(sys_close(o), LX(SYS_close, l));
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

static long ours_getdents(int fd, void *buf, unsigned n)
{
	return sys_getdents64(fd, buf, n);
}

static long linux_getdents(int fd, void *buf, unsigned n)
{
	return LX(SYS_getdents64, fd, buf, n);
}

static void directories(void)
{
	char a[1024], b[1024];
	int o, l;

	SAME(sys_mkdir("d", 0755), LX(SYS_mkdir, "d", 0755));
	SAME(sys_mkdir("d/e/", 0700), LX(SYS_mkdir, "d/e/", 0700));
	SAME(sys_mkdir("d/e/f/g", 0700), LX(SYS_mkdir, "d/e/f/g", 0700));
	SAME(sys_mkdir("f/g", 0700), LX(SYS_mkdir, "f/g", 0700));
	SAME(sys_mkdir(".", 0700), LX(SYS_mkdir, ".", 0700));
	SAME(sys_mkdir("..", 0700), LX(SYS_mkdir, "..", 0700));
	SAME(sys_mkdir("/", 0700), LX(SYS_mkdir, "/", 0700));
	SAME(sys_mkdir("d/e/..", 0700), LX(SYS_mkdir, "d/e/..", 0700));
	SAME_STAT("d", 0);
	SAME_STAT("d/e", 0);
	SAME(sys_rmdir("d"), LX(SYS_rmdir, "d"));
	SAME(sys_rmdir("f"), LX(SYS_rmdir, "f"));
	SAME(sys_rmdir("d/e/."), LX(SYS_rmdir, "d/e/."));
	SAME(sys_rmdir("d/e/.."), LX(SYS_rmdir, "d/e/.."));
	SAME(sys_rmdir("missing"), LX(SYS_rmdir, "missing"));
	SAME(sys_unlink("d"), LX(SYS_unlink, "d"));
	SAME(sys_unlink("d/"), LX(SYS_unlink, "d/"));
	SAME(sys_unlink("f/"), LX(SYS_unlink, "f/"));
	SAME(sys_unlink("."), LX(SYS_unlink, "."));
	SAME(sys_unlink("missing"), LX(SYS_unlink, "missing"));
	SAME(sys_unlinkat(AT_FDCWD, "d/e", 0), LX(SYS_unlinkat, AT_FDCWD, "d/e", 0));
	SAME(sys_unlinkat(AT_FDCWD, "d/e", 0x8000), LX(SYS_unlinkat, AT_FDCWD, "d/e", 0x8000));
	/* getdents64: the same names and types, "." and ".." included. */
	sys_close((int)sys_open("d/file", O_CREAT | O_WRONLY, 0644));
	close((int)LX(SYS_open, "d/file", O_CREAT | O_WRONLY, 0644));
	sys_symlink("file", "d/link");
	LX(SYS_symlink, "file", "d/link");
	o = (int)sys_open("d", O_RDONLY | O_DIRECTORY, 0);
	l = (int)LX(SYS_open, "d", O_RDONLY | O_DIRECTORY, 0);
	list(ours_getdents, o, a, sizeof(a));
	list(linux_getdents, l, b, sizeof(b));
	if (!CHECK(!strcmp(a, b)))
		fprintf(stderr, "  ours \"%s\", Linux \"%s\"\n", a, b);
	SAME(sys_getdents64(o, a, sizeof(a)), LX(SYS_getdents64, l, b, sizeof(b)));
	SAME(sys_lseek(o, 0, SEEK_SET), LX(SYS_lseek, l, 0, SEEK_SET));
	SAME(sys_getdents64(o, a, 10), LX(SYS_getdents64, l, b, 10));
	SAME(sys_getdents64(o, (void *)8, 100), LX(SYS_getdents64, l, (void *)8, 100));
	CHECK(sys_lseek(o, 0, SEEK_END) == -EINVAL);	/* tmpfs's answer */
	SAME(sys_unlinkat(AT_FDCWD, "d/e", AT_REMOVEDIR), LX(SYS_unlinkat, AT_FDCWD, "d/e", AT_REMOVEDIR));
	SAME(sys_unlinkat(o, "file", 0), LX(SYS_unlinkat, l, "file", 0));
	SAME(sys_unlinkat(o, "link", 0), LX(SYS_unlinkat, l, "link", 0));
	SAME(sys_unlinkat(o, "in", 0), LX(SYS_unlinkat, l, "in", 0));
	SAME(sys_rmdir("d"), LX(SYS_rmdir, "d"));
	/* A removed directory still open: nothing to list. */
	SAME(sys_lseek(o, 0, SEEK_SET), LX(SYS_lseek, l, 0, SEEK_SET));
	SAME(sys_getdents64(o, a, sizeof(a)), LX(SYS_getdents64, l, b, sizeof(b)));
	SAME(sys_openat(o, "x", O_CREAT | O_RDWR, 0644), LX(SYS_openat, l, "x", O_CREAT | O_RDWR, 0644));
	SAME(sys_close(o), LX(SYS_close, l));
}

static void renames(void)
{
	int o, l;

	sys_mkdir("r", 0755);
	LX(SYS_mkdir, "r", 0755);
	sys_mkdir("r/full", 0755);
	LX(SYS_mkdir, "r/full", 0755);
	sys_mkdir("r/empty", 0755);
	LX(SYS_mkdir, "r/empty", 0755);
	sys_close((int)sys_open("r/full/x", O_CREAT | O_WRONLY, 0644));
	close((int)LX(SYS_open, "r/full/x", O_CREAT | O_WRONLY, 0644));
	o = (int)sys_open("r/a", O_CREAT | O_WRONLY, 0644);
	l = (int)LX(SYS_open, "r/a", O_CREAT | O_WRONLY, 0644);
	SAME(sys_write(o, "AAA", 3), LX(SYS_write, l, "AAA", 3));
	sys_close(o);
	close(l);
	sys_close((int)sys_open("r/b", O_CREAT | O_WRONLY, 0644));
	close((int)LX(SYS_open, "r/b", O_CREAT | O_WRONLY, 0644));
	SAME(sys_rename("r/a", "r/b"), LX(SYS_rename, "r/a", "r/b"));
	SAME_STAT("r/a", 0);
	SAME_STAT("r/b", 0);
	SAME(sys_rename("r/a", "r/c"), LX(SYS_rename, "r/a", "r/c"));
	SAME(sys_rename("r/b", "r/full"), LX(SYS_rename, "r/b", "r/full"));
	SAME(sys_rename("r/empty", "r/b"), LX(SYS_rename, "r/empty", "r/b"));
	SAME(sys_rename("r/empty", "r/full"), LX(SYS_rename, "r/empty", "r/full"));
	SAME(sys_rename("r", "r/empty/in"), LX(SYS_rename, "r", "r/empty/in"));
	SAME(sys_rename("r/full/x", "r"), LX(SYS_rename, "r/full/x", "r"));
	SAME(sys_rename("r/b", "r/b"), LX(SYS_rename, "r/b", "r/b"));
	SAME(sys_rename("r/.", "r/z"), LX(SYS_rename, "r/.", "r/z"));
	SAME(sys_rename("r/b", "r/.."), LX(SYS_rename, "r/b", "r/.."));
	SAME(sys_rename("r/b/", "r/z"), LX(SYS_rename, "r/b/", "r/z"));
	SAME(sys_rename("r/b", "r/z/"), LX(SYS_rename, "r/b", "r/z/"));
	SAME(sys_rename("r/empty/", "r/moved/"), LX(SYS_rename, "r/empty/", "r/moved/"));
	SAME_STAT("r/moved", 0);
	SAME(sys_rename("r/moved", "r/full/in"), LX(SYS_rename, "r/moved", "r/full/in"));
	SAME_STAT("r/full", 0);
	SAME_STAT("r", 0);
	SAME(sys_renameat2(AT_FDCWD, "r/b", AT_FDCWD, "r/full", RENAME_NOREPLACE),
	    LX(SYS_renameat2, AT_FDCWD, "r/b", AT_FDCWD, "r/full", RENAME_NOREPLACE));
	SAME(sys_renameat2(AT_FDCWD, "r/b", AT_FDCWD, "r/.", RENAME_NOREPLACE),
	    LX(SYS_renameat2, AT_FDCWD, "r/b", AT_FDCWD, "r/.", RENAME_NOREPLACE));
	SAME(sys_renameat2(AT_FDCWD, "r/b", AT_FDCWD, "r/nb", RENAME_NOREPLACE),
	    LX(SYS_renameat2, AT_FDCWD, "r/b", AT_FDCWD, "r/nb", RENAME_NOREPLACE));
	SAME(sys_renameat2(AT_FDCWD, "r/nb", AT_FDCWD, "r/c", 0x80),
	    LX(SYS_renameat2, AT_FDCWD, "r/nb", AT_FDCWD, "r/c", 0x80));
	/* Hard links: renaming one name onto another of the same file. */
	SAME(sys_link("r/nb", "r/hard"), LX(SYS_link, "r/nb", "r/hard"));
	SAME_STAT("r/nb", 0);
	SAME(sys_rename("r/nb", "r/hard"), LX(SYS_rename, "r/nb", "r/hard"));
	SAME_STAT("r/nb", 0);
	SAME(sys_link("r/full", "r/dirlink"), LX(SYS_link, "r/full", "r/dirlink"));
	SAME(sys_link("r/hard", "r/full/x"), LX(SYS_link, "r/hard", "r/full/x"));
	SAME(sys_link("r/missing", "r/y"), LX(SYS_link, "r/missing", "r/y"));
}

static void symlinks(void)
{
	struct stat sa, sb;
	char a[64], b[64];
	int o, l;

	SAME(sys_symlink("target", "sl"), LX(SYS_symlink, "target", "sl"));
	SAME(sys_symlink("target", "sl"), LX(SYS_symlink, "target", "sl"));
	SAME(sys_symlink("", "sl2"), LX(SYS_symlink, "", "sl2"));
	SAME(sys_symlink("x", "sl2/"), LX(SYS_symlink, "x", "sl2/"));
	SAME(sys_readlink("sl", a, sizeof(a)), LX(SYS_readlink, "sl", b, sizeof(b)));
	SAME(memcmp(a, b, 6), 0);
	SAME(sys_readlink("sl", a, 3), LX(SYS_readlink, "sl", b, 3));
	SAME(sys_readlink("sl", a, 0), LX(SYS_readlink, "sl", b, 0));
	SAME(sys_readlink("f", a, sizeof(a)), LX(SYS_readlink, "f", b, sizeof(b)));
	SAME(sys_readlink("nope", a, sizeof(a)), LX(SYS_readlink, "nope", b, sizeof(b)));
	SAME(sys_readlinkat(AT_FDCWD, "", a, sizeof(a)), LX(SYS_readlinkat, AT_FDCWD, "", b, sizeof(b)));
	SAME_STAT("sl", AT_SYMLINK_NOFOLLOW);
	SAME_STAT("sl", 0);
	SAME(sys_open("sl", O_RDONLY, 0), LX(SYS_open, "sl", O_RDONLY, 0));
	/* O_CREAT through a dangling link makes its target. */
	o = (int)sys_open("sl", O_CREAT | O_WRONLY, 0640);
	l = (int)LX(SYS_open, "sl", O_CREAT | O_WRONLY, 0640);
	SAMEFD(o, l);
	SAME(sys_close(o), LX(SYS_close, l));
	SAME_STAT("target", 0);
	SAME(sys_open("sl", O_CREAT | O_EXCL | O_WRONLY, 0640), LX(SYS_open, "sl", O_CREAT | O_EXCL | O_WRONLY, 0640));
	SAME(sys_open("sl", O_RDONLY | O_NOFOLLOW, 0), LX(SYS_open, "sl", O_RDONLY | O_NOFOLLOW, 0));
	o = (int)sys_open("sl", O_PATH | O_NOFOLLOW, 0);
	l = (int)LX(SYS_open, "sl", O_PATH | O_NOFOLLOW, 0);
	SAMEFD(o, l);
	SAME(sys_readlinkat(o, "", a, sizeof(a)), LX(SYS_readlinkat, l, "", b, sizeof(b)));
	SAME(sys_close(o), LX(SYS_close, l));
	/* Loops, links to directories, trailing slashes. */
	SAME(sys_symlink("loop2", "loop1"), LX(SYS_symlink, "loop2", "loop1"));
	SAME(sys_symlink("loop1", "loop2"), LX(SYS_symlink, "loop1", "loop2"));
	SAME(sys_open("loop1", O_RDONLY, 0), LX(SYS_open, "loop1", O_RDONLY, 0));
	SAME(sys_stat("loop1/x", &sa), LX(SYS_stat, "loop1/x", &sb));
	SAME(sys_mkdir("sd", 0755), LX(SYS_mkdir, "sd", 0755));
	SAME(sys_symlink("sd", "sdl"), LX(SYS_symlink, "sd", "sdl"));
	SAME_STAT("sdl/", AT_SYMLINK_NOFOLLOW);
	SAME_STAT("sl/", AT_SYMLINK_NOFOLLOW);
	SAME(sys_unlink("sdl/"), LX(SYS_unlink, "sdl/"));
	SAME(sys_rmdir("sdl"), LX(SYS_rmdir, "sdl"));
	SAME(sys_rmdir("sdl/"), LX(SYS_rmdir, "sdl/"));
	SAME(sys_mkdir("sdl", 0755), LX(SYS_mkdir, "sdl", 0755));
	SAME(sys_symlink("/tmp", "abs"), LX(SYS_symlink, "/tmp", "abs"));
	SAME(sys_stat("abs/", &sa), LX(SYS_stat, "abs/", &sb));
	SAME(sa.st_mode, sb.st_mode);
	SAME(sys_unlink("sdl"), LX(SYS_unlink, "sdl"));
	SAME(sys_unlink("sd"), LX(SYS_unlink, "sd"));
}

static void stats(void)
{
	struct stat a, b;
	struct statx xa, xb;
	int o, l;

	SAME(sys_stat("f", (struct stat *)8), LX(SYS_stat, "f", (void *)8));
	SAME(sys_newfstatat(AT_FDCWD, "f", &a, 0x4000000), LX(SYS_newfstatat, AT_FDCWD, "f", &b, 0x4000000));
	SAME(sys_newfstatat(AT_FDCWD, "", &a, 0), LX(SYS_newfstatat, AT_FDCWD, "", &b, 0));
	SAME(sys_newfstatat(AT_FDCWD, "", &a, AT_EMPTY_PATH), LX(SYS_newfstatat, AT_FDCWD, "", &b, AT_EMPTY_PATH));
	SAME(a.st_mode, b.st_mode);
	o = (int)sys_open("f", O_RDONLY, 0);
	l = (int)LX(SYS_open, "f", O_RDONLY, 0);
	SAME(sys_fstat(o, &a), LX(SYS_fstat, l, &b));
	SAME(a.st_mode, b.st_mode);
	SAME(a.st_size, b.st_size);
	SAME(sys_newfstatat(o, "", &a, AT_EMPTY_PATH), LX(SYS_newfstatat, l, "", &b, AT_EMPTY_PATH));
	SAME(a.st_size, b.st_size);
	SAME(sys_fstat(o, (struct stat *)8), LX(SYS_fstat, l, (void *)8));
	SAME(sys_fstat(999, &a), LX(SYS_fstat, 999, &b));
	SAME(sys_statx(AT_FDCWD, "f", 0, STATX_BASIC_STATS, &xa), LX(SYS_statx, AT_FDCWD, "f", 0, STATX_BASIC_STATS, &xb));
	SAME(xa.stx_mode, xb.stx_mode);
	SAME(xa.stx_size, xb.stx_size);
	SAME(xa.stx_nlink, xb.stx_nlink);
	SAME(xa.stx_mask & STATX_BASIC_STATS, xb.stx_mask & STATX_BASIC_STATS);
	SAME(sys_statx(AT_FDCWD, "/dev/null", 0, STATX_BASIC_STATS, &xa), LX(SYS_statx, AT_FDCWD, "/dev/null", 0, STATX_BASIC_STATS, &xb));
	SAME(xa.stx_rdev_major, xb.stx_rdev_major);
	SAME(xa.stx_rdev_minor, xb.stx_rdev_minor);
	SAME(sys_statx(AT_FDCWD, "f", AT_STATX_SYNC_TYPE, 0, &xa), LX(SYS_statx, AT_FDCWD, "f", AT_STATX_SYNC_TYPE, 0, &xb));
	SAME(sys_close(o), LX(SYS_close, l));
	/* An unlinked file stays readable through its fd. */
	o = (int)sys_open("doomed", O_CREAT | O_RDWR, 0644);
	l = (int)LX(SYS_open, "doomed", O_CREAT | O_RDWR, 0644);
	SAME(sys_write(o, "data", 4), LX(SYS_write, l, "data", 4));
	SAME(sys_unlink("doomed"), LX(SYS_unlink, "doomed"));
	SAME(sys_fstat(o, &a), LX(SYS_fstat, l, &b));
	SAME(a.st_nlink, b.st_nlink);
	SAME_CONTENTS(o, l);
	SAME(sys_write(o, "more", 4), LX(SYS_write, l, "more", 4));
	SAME_CONTENTS(o, l);
	SAME(sys_close(o), LX(SYS_close, l));
	/* access: root may read and write anything, execute only x files. */
	SAME(sys_access("f", 0), LX(SYS_access, "f", 0));
	SAME(sys_access("f", 1), LX(SYS_access, "f", 1));
	SAME(sys_access("f", 4 | 2), LX(SYS_access, "f", 4 | 2));
	SAME(sys_access(".", 1), LX(SYS_access, ".", 1));
	SAME(sys_access("f", 8), LX(SYS_access, "f", 8));
	SAME(sys_access("nope", 0), LX(SYS_access, "nope", 0));
	SAME(sys_faccessat2(AT_FDCWD, "f", 0, 0x10000), LX(SYS_faccessat2, AT_FDCWD, "f", 0, 0x10000));
	SAME(sys_chmod("f", 0755), LX(SYS_chmod, "f", 0755));
	SAME(sys_access("f", 1), LX(SYS_access, "f", 1));
	SAME(sys_fchmodat(AT_FDCWD, "f", 0640), LX(SYS_fchmodat, AT_FDCWD, "f", 0640));
	SAME_STAT("f", 0);
	/* truncate by name. */
	SAME(sys_truncate("f", 10), LX(SYS_truncate, "f", 10));
	SAME(sys_truncate("f", -1), LX(SYS_truncate, "f", -1L));
	SAME(sys_truncate(".", 0), LX(SYS_truncate, ".", 0));
	SAME(sys_truncate("nope", 0), LX(SYS_truncate, "nope", 0));
	SAME(sys_truncate("/dev/null", 0), LX(SYS_truncate, "/dev/null", 0));
	SAME_STAT("f", 0);
	/* umask applies to new files and directories. */
	SAME(sys_umask(077), LX(SYS_umask, 077));
	sys_close((int)sys_open("masked", O_CREAT | O_RDWR, 0666));
	close((int)LX(SYS_open, "masked", O_CREAT | O_RDWR, 0666));
	SAME_STAT("masked", 0);
	SAME(sys_mkdir("maskdir", 01777), LX(SYS_mkdir, "maskdir", 01777));
	SAME_STAT("maskdir", 0);
	SAME(sys_umask(022), LX(SYS_umask, 022));
}

static void times(void)
{
	struct __kernel_timespec t[2] = { { 1000, 5 }, { 2000, 7 } };
	struct stat a, b;

	SAME(sys_utimensat(AT_FDCWD, "f", t, 0), LX(SYS_utimensat, AT_FDCWD, "f", t, 0));
	SAME(sys_stat("f", &a), LX(SYS_stat, "f", &b));
	SAME(a.st_atime, b.st_atime);
	SAME(a.st_mtime_nsec, b.st_mtime_nsec);
	t[0].tv_nsec = UTIME_OMIT;
	t[1].tv_sec = 3000;
	SAME(sys_utimensat(AT_FDCWD, "f", t, 0), LX(SYS_utimensat, AT_FDCWD, "f", t, 0));
	SAME(sys_stat("f", &a), LX(SYS_stat, "f", &b));
	SAME(a.st_atime, b.st_atime);
	SAME(a.st_mtime, b.st_mtime);
	t[0].tv_nsec = 1000000000;
	SAME(sys_utimensat(AT_FDCWD, "f", t, 0), LX(SYS_utimensat, AT_FDCWD, "f", t, 0));
	SAME(sys_utimensat(AT_FDCWD, "f", t, 0x8000), LX(SYS_utimensat, AT_FDCWD, "f", t, 0x8000));
}

static void devices(void)
{
	char a[64], b[64];
	struct stat sa, sb;
	int o, l;

	o = (int)sys_open("/dev/null", O_RDWR, 0);
	l = (int)LX(SYS_open, "/dev/null", O_RDWR, 0);
	SAMEFD(o, l);
	SAME(sys_write(o, "abc", 3), LX(SYS_write, l, "abc", 3));
	SAME(sys_read(o, a, sizeof(a)), LX(SYS_read, l, b, sizeof(b)));
	SAME(sys_lseek(o, 100, SEEK_SET), LX(SYS_lseek, l, 100, SEEK_SET));
	SAME(sys_pread64(o, a, 3, 5), LX(SYS_pread64, l, b, 3, 5));
	SAME(sys_ioctl(o, TCGETS, (unsigned long)a), LX(SYS_ioctl, l, TCGETS, b));
	SAME(sys_fsync(o), LX(SYS_fsync, l));
	SAME(sys_ftruncate(o, 0), LX(SYS_ftruncate, l, 0));
	SAME(sys_fstat(o, &sa), LX(SYS_fstat, l, &sb));
	SAME(sa.st_mode, sb.st_mode);
	SAME(sa.st_rdev, sb.st_rdev);
	SAME(sys_close(o), LX(SYS_close, l));
	o = (int)sys_open("/dev/zero", O_RDWR, 0);
	l = (int)LX(SYS_open, "/dev/zero", O_RDWR, 0);
	memset(a, 1, sizeof(a));
	memset(b, 2, sizeof(b));
	SAME(sys_read(o, a, sizeof(a)), LX(SYS_read, l, b, sizeof(b)));
	SAME(memcmp(a, b, sizeof(a)), 0);
	SAME(sys_write(o, "abc", 3), LX(SYS_write, l, "abc", 3));
	SAME(sys_lseek(o, 0, SEEK_CUR), LX(SYS_lseek, l, 0, SEEK_CUR));
	SAME(sys_close(o), LX(SYS_close, l));
	o = (int)sys_open("/dev/full", O_WRONLY, 0);
	l = (int)LX(SYS_open, "/dev/full", O_WRONLY, 0);
	SAME(sys_write(o, "abc", 3), LX(SYS_write, l, "abc", 3));
	SAME(sys_close(o), LX(SYS_close, l));
	SAME_STAT("/dev/urandom", 0);
	SAME_STAT("/dev/random", 0);
	o = (int)sys_open("/dev/urandom", O_RDONLY, 0);
	l = (int)LX(SYS_open, "/dev/urandom", O_RDONLY, 0);
	SAME(sys_read(o, a, sizeof(a)), LX(SYS_read, l, b, sizeof(b)));
	SAME(sys_close(o), LX(SYS_close, l));
	/* getrandom. */
	SAME(sys_getrandom(a, 16, 0), LX(SYS_getrandom, b, 16, 0));
	SAME(sys_getrandom(a, 16, GRND_NONBLOCK | GRND_RANDOM), LX(SYS_getrandom, b, 16, GRND_NONBLOCK | GRND_RANDOM));
	SAME(sys_getrandom(a, 16, GRND_INSECURE | GRND_RANDOM), LX(SYS_getrandom, b, 16, GRND_INSECURE | GRND_RANDOM));
	SAME(sys_getrandom(a, 16, 0x40), LX(SYS_getrandom, b, 16, 0x40));
	SAME(sys_getrandom((void *)8, 16, 0), LX(SYS_getrandom, (void *)8, 16, 0));
	SAME(sys_getrandom(a, 0, 0), LX(SYS_getrandom, b, 0, 0));
}

/* The working directory: its path relative to each side's base. */
static void cwd(void)
{
	char a[256], b[256];
	size_t base = strlen(linux_dir);
	long ra, rb;
	int o, l;

	SAME(sys_mkdir("c", 0755), LX(SYS_mkdir, "c", 0755));
	SAME(sys_mkdir("c/d", 0755), LX(SYS_mkdir, "c/d", 0755));
	SAME(sys_chdir("c/d/"), LX(SYS_chdir, "c/d/"));
	ra = sys_getcwd(a, sizeof(a));
	rb = LX(SYS_getcwd, b, sizeof(b));
	SAME(ra - 6, rb - (long)base);
	SAME(strcmp(a + 6, b + base), 0);
	SAME(sys_getcwd(a, 2), LX(SYS_getcwd, b, 2));
	SAME(sys_getcwd((char *)8, 100), LX(SYS_getcwd, (char *)8, 100));
	SAME(sys_chdir("../../f"), LX(SYS_chdir, "../../f"));
	SAME(sys_chdir("nope"), LX(SYS_chdir, "nope"));
	SAME(sys_chdir(".."), LX(SYS_chdir, ".."));
	o = (int)sys_open("d", O_RDONLY, 0);
	l = (int)LX(SYS_open, "d", O_RDONLY, 0);
	SAME(sys_fchdir(o), LX(SYS_fchdir, l));
	SAME(sys_close(o), LX(SYS_close, l));
	o = (int)sys_open("../../f", O_RDONLY, 0);
	l = (int)LX(SYS_open, "../../f", O_RDONLY, 0);
	SAME(sys_fchdir(o), LX(SYS_fchdir, l));
	SAME(sys_close(o), LX(SYS_close, l));
	SAME(sys_fchdir(999), LX(SYS_fchdir, 999));
	/* Removing the working directory: no path, no new names. */
	SAME(sys_rmdir("../d"), LX(SYS_rmdir, "../d"));
	SAME(sys_getcwd(a, sizeof(a)), LX(SYS_getcwd, b, sizeof(b)));
	SAME(sys_open("new", O_CREAT | O_RDWR, 0644), LX(SYS_open, "new", O_CREAT | O_RDWR, 0644));
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
	CHECK(sys_renameat2(AT_FDCWD, "f", AT_FDCWD, "g", RENAME_EXCHANGE) == -EINVAL);
}

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
