/*
 * Comparing our syscalls with the Linux kernel running a unit test: the
 * same call is made on both sides and the results must agree.  Included
 * after the soil headers that declare the sys_* functions, and after
 * tests/unit/check.h.
 */
#ifndef TESTS_UNIT_VSLINUX_H
#define TESTS_UNIT_VSLINUX_H

#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

/* A host call's result as the kernel returns it: -errno on failure. */
static inline long lx(long r)
{
	return r == -1 ? -errno : r;
}

#define LX(...)		lx(syscall(__VA_ARGS__))
#define SAME(ours, theirs) \
	same(__LINE__, #ours, (long)(ours), (long)(theirs))
/* Makes one call with the same arguments on both sides; gives ours. */
#define BOTH(name, ...)	both(__LINE__, #name "(" #__VA_ARGS__ ")", \
	sys_##name(__VA_ARGS__), LX(SYS_##name, __VA_ARGS__))

/*
 * Checks that our call gave what the host's Linux gave, and shows both if
 * not.
 */
static inline void same(int line, const char *what, long ours, long theirs)
{
	if (!check_one(ours == theirs, what, __FILE__, line))
		fprintf(stderr, "  ours %ld, Linux %ld\n", ours, theirs);
}

/* same(), then ours for the caller to use. */
static inline long both(int line, const char *what, long ours, long theirs)
{
	same(line, what, ours, theirs);
	return ours;
}

/*
 * Opens /dev/null on our side at every fd open in this process, so that
 * both sides hand out the same fd numbers from here on.
 */
static inline void mirror_fds(void)
{
	int fd, tmp;

	for (fd = 0; fd < 256; fd++) {
		if (syscall(SYS_fcntl, fd, F_GETFD) < 0)
			continue;
		tmp = (int)sys_open("/dev/null", O_RDWR, 0);
		if (tmp != fd) {
			sys_dup2(tmp, fd);
			sys_close(tmp);
		}
	}
}

#endif
