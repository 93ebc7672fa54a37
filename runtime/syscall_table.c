/*
 * Linux x86-64 syscall numbers to handlers.  A number missing here
 * returns -ENOSYS and is reported once (runtime/syscall.c).  rt_sigreturn
 * is not here: it replaces the whole register frame, so the dispatcher
 * calls it directly.
 */
#include <asm/unistd.h>
#include "runtime/syscall_table.h"
#include "soil/clock.h"
#include "soil/mm.h"
#include "soil/proc.h"
#include "soil/reboot.h"
#include "soil/signal.h"
#include "soil/sys_event.h"
#include "soil/sys_file.h"

/* Casting through void (*)(void) tells GCC the signature change is meant. */
#define SYS(name, fn)	[__NR_##name] = (syscall_fn)(void (*)(void))fn

const syscall_fn syscall_table[SYSCALL_TABLE_SIZE] = {
	/* memory */
	SYS(mmap, sys_mmap),
	SYS(munmap, sys_munmap),
	SYS(mprotect, sys_mprotect),
	SYS(mremap, sys_mremap),
	SYS(madvise, sys_madvise),
	SYS(brk, sys_brk),
	/* time */
	SYS(clock_gettime, sys_clock_gettime),
	SYS(clock_getres, sys_clock_getres),
	SYS(gettimeofday, sys_gettimeofday),
	SYS(time, sys_time),
	SYS(nanosleep, sys_nanosleep),
	SYS(clock_nanosleep, sys_clock_nanosleep),
	/* the process */
	SYS(getpid, sys_getpid),
	SYS(getppid, sys_getppid),
	SYS(gettid, sys_gettid),
	SYS(getuid, sys_getuid),
	SYS(geteuid, sys_getuid),
	SYS(getgid, sys_getuid),
	SYS(getegid, sys_getuid),
	SYS(uname, sys_uname),
	SYS(sysinfo, sys_sysinfo),
	SYS(getrusage, sys_getrusage),
	SYS(times, sys_times),
	SYS(prlimit64, sys_prlimit64),
	SYS(getrlimit, sys_getrlimit),
	SYS(setrlimit, sys_setrlimit),
	SYS(arch_prctl, sys_arch_prctl),
	SYS(set_tid_address, sys_set_tid_address),
	SYS(sched_yield, sys_sched_yield),
	SYS(sched_getaffinity, sys_sched_getaffinity),
	SYS(exit, sys_exit_group),
	SYS(exit_group, sys_exit_group),
	SYS(reboot, sys_reboot),
	/* signals */
	SYS(rt_sigaction, sys_rt_sigaction),
	SYS(rt_sigprocmask, sys_rt_sigprocmask),
	SYS(sigaltstack, sys_sigaltstack),
	SYS(kill, sys_kill),
	SYS(tkill, sys_tkill),
	SYS(tgkill, sys_tgkill),
	/* descriptors */
	SYS(read, sys_read),
	SYS(write, sys_write),
	SYS(readv, sys_readv),
	SYS(writev, sys_writev),
	SYS(pread64, sys_pread64),
	SYS(pwrite64, sys_pwrite64),
	SYS(lseek, sys_lseek),
	SYS(close, sys_close),
	SYS(fstat, sys_fstat),
	SYS(getdents64, sys_getdents64),
	SYS(ftruncate, sys_ftruncate),
	SYS(fsync, sys_fsync),
	SYS(fdatasync, sys_fdatasync),
	SYS(fchmod, sys_fchmod),
	SYS(fcntl, sys_fcntl),
	SYS(dup, sys_dup),
	SYS(dup2, sys_dup2),
	SYS(dup3, sys_dup3),
	SYS(ioctl, sys_ioctl),
	SYS(getrandom, sys_getrandom),
	/* events */
	SYS(pipe, sys_pipe),
	SYS(pipe2, sys_pipe2),
	SYS(eventfd, sys_eventfd),
	SYS(eventfd2, sys_eventfd2),
	SYS(poll, sys_poll),
	SYS(ppoll, sys_ppoll),
	SYS(select, sys_select),
	SYS(pselect6, sys_pselect6),
	SYS(epoll_create, sys_epoll_create),
	SYS(epoll_create1, sys_epoll_create1),
	SYS(epoll_ctl, sys_epoll_ctl),
	SYS(epoll_wait, sys_epoll_wait),
	SYS(epoll_pwait, sys_epoll_pwait),
	SYS(epoll_pwait2, sys_epoll_pwait2),
	/* paths */
	SYS(open, sys_open),
	SYS(openat, sys_openat),
	SYS(creat, sys_creat),
	SYS(stat, sys_stat),
	SYS(lstat, sys_lstat),
	SYS(newfstatat, sys_newfstatat),
	SYS(statx, sys_statx),
	SYS(unlink, sys_unlink),
	SYS(unlinkat, sys_unlinkat),
	SYS(rmdir, sys_rmdir),
	SYS(mkdir, sys_mkdir),
	SYS(mkdirat, sys_mkdirat),
	SYS(rename, sys_rename),
	SYS(renameat, sys_renameat),
	SYS(renameat2, sys_renameat2),
	SYS(symlink, sys_symlink),
	SYS(symlinkat, sys_symlinkat),
	SYS(link, sys_link),
	SYS(linkat, sys_linkat),
	SYS(readlink, sys_readlink),
	SYS(readlinkat, sys_readlinkat),
	SYS(access, sys_access),
	SYS(faccessat, sys_faccessat),
	SYS(faccessat2, sys_faccessat2),
	SYS(truncate, sys_truncate),
	SYS(chmod, sys_chmod),
	SYS(fchmodat, sys_fchmodat),
	SYS(utimensat, sys_utimensat),
	SYS(getcwd, sys_getcwd),
	SYS(chdir, sys_chdir),
	SYS(fchdir, sys_fchdir),
	SYS(umask, sys_umask),
};
