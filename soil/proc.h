/*
 * The process: there is exactly one, pid 1, run by root, on one CPU.
 * Identity, limits, resource use, thread-pointer set-up and exit.
 */
#ifndef SOIL_PROC_H
#define SOIL_PROC_H

#include <stdint.h>

struct new_utsname;
struct sysinfo;
struct rusage;
struct tms;
struct rlimit64;

long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_getuid(void);	/* also geteuid, getgid, getegid */
long sys_uname(struct new_utsname *u);
long sys_sysinfo(struct sysinfo *si);
long sys_getrusage(int who, struct rusage *ru);
long sys_times(struct tms *t);
long sys_prlimit64(int pid, unsigned resource, const struct rlimit64 *new_limit,
    struct rlimit64 *old_limit);
long sys_getrlimit(unsigned resource, struct rlimit64 *limit);
long sys_setrlimit(unsigned resource, const struct rlimit64 *limit);
long sys_arch_prctl(int code, uint64_t addr);
long sys_set_tid_address(int *tidptr);
long sys_sched_yield(void);
long sys_sched_getaffinity(int pid, unsigned long len, unsigned long *mask);
long sys_exit_group(int status) __attribute__((noreturn));

#endif
