/*
 * The one process (see soil/proc.h).
 */
#include <asm-generic/errno.h>
#include <asm/prctl.h>
#include <linux/kernel.h>
#include <linux/resource.h>
#include <linux/times.h>
#include <linux/utsname.h>
#include "drivers/power.h"
#include "kernel/cpu.h"
#include "kernel/kprintf.h"
#include "kernel/memory.h"
#include "kernel/pmem.h"
#include "kernel/string.h"
#include "soil/clock.h"
#include "soil/proc.h"
#include "soil/user.h"

#define MSR_FS_BASE	0xc0000100
#define MSR_GS_BASE	0xc0000101
#define CLOCK_TICKS	100		/* AT_CLKTCK, the unit of times() */
#define STACK_LIMIT	(8ull << 20)	/* the stack runtime/start.c makes */
#define FILES_LIMIT	1024
#define PROCESS_ID	1

/* getpid: the one process is pid 1, as init is. */
long sys_getpid(void)
{
	return PROCESS_ID;
}

/* getppid: nothing started the process. */
long sys_getppid(void)
{
	return 0;
}

/* gettid: the one thread is the process. */
long sys_gettid(void)
{
	return PROCESS_ID;
}

/* getuid, geteuid, getgid, getegid: the program runs as root. */
long sys_getuid(void)
{
	return 0;
}

/* Copies s into a utsname field, which is NUL-terminated. */
static void set_field(char *field, const char *s)
{
	size_t n = strlen(s);

	if (n >= __NEW_UTS_LEN)
		n = __NEW_UTS_LEN;
	memset(field, 0, __NEW_UTS_LEN + 1);
	memcpy(field, s, n);
}

/* uname: Terrarium, its version, x86_64. */
long sys_uname(struct new_utsname *u)
{
	if (!user_ok(u, sizeof(*u)))
		return -EFAULT;
	set_field(u->sysname, "Terrarium");
	set_field(u->nodename, "terrarium");
	set_field(u->release, TERRARIUM_VERSION);
	set_field(u->version, "Terrarium " TERRARIUM_VERSION);
	set_field(u->machine, "x86_64");
	set_field(u->domainname, "(none)");
	return 0;
}

/* sysinfo: uptime and the page allocator's RAM figures. */
long sys_sysinfo(struct sysinfo *si)
{
	if (!user_ok(si, sizeof(*si)))
		return -EFAULT;
	memset(si, 0, sizeof(*si));
	si->uptime = (long)(soil_uptime_ns() / 1000000000ull);
	si->totalram = memory_total_pages() * PAGE_SIZE;
	si->freeram = memory_free_pages() * PAGE_SIZE;
	si->procs = 1;
	si->mem_unit = 1;
	return 0;
}

/* getrusage: CPU time as user time, pages in use as the peak RSS. */
long sys_getrusage(int who, struct rusage *ru)
{
	uint64_t us = soil_cpu_ns() / 1000;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN &&
	    who != RUSAGE_THREAD)
		return -EINVAL;
	if (!user_ok(ru, sizeof(*ru)))
		return -EFAULT;
	memset(ru, 0, sizeof(*ru));
	if (who == RUSAGE_CHILDREN)
		return 0;
	/* Whatever the CPU did not spend halted was the program's. */
	ru->ru_utime.tv_sec = (long)(us / 1000000);
	ru->ru_utime.tv_usec = (long)(us % 1000000);
	ru->ru_maxrss = (long)((memory_total_pages() - memory_free_pages()) *
	    (PAGE_SIZE / 1024));
	return 0;
}

/* times: CPU time as user time; returns the uptime, both in clock ticks. */
long sys_times(struct tms *t)
{
	const uint64_t ns_per_tick = 1000000000ull / CLOCK_TICKS;

	if (t) {
		if (!user_ok(t, sizeof(*t)))
			return -EFAULT;
		memset(t, 0, sizeof(*t));
		t->tms_utime = (long)(soil_cpu_ns() / ns_per_tick);
	}
	return (long)(soil_uptime_ns() / ns_per_tick);
}

/* The limit of resource: the stack and descriptor sizes are real. */
static uint64_t limit_of(unsigned resource)
{
	switch (resource) {
	case RLIMIT_STACK:
		return STACK_LIMIT;
	case RLIMIT_NOFILE:
		return FILES_LIMIT;
	default:
		return RLIM64_INFINITY;
	}
}

/* prlimit64: the limits that are real; none can be raised. */
long sys_prlimit64(int pid, unsigned resource, const struct rlimit64 *new_limit,
    struct rlimit64 *old_limit)
{
	if (pid != 0 && pid != PROCESS_ID)
		return -ESRCH;
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_limit) {
		if (!user_ok(new_limit, sizeof(*new_limit)))
			return -EFAULT;
		if (new_limit->rlim_cur > new_limit->rlim_max)
			return -EINVAL;
		/* Nothing can be raised; lowering is accepted, not enforced. */
		if (new_limit->rlim_max > limit_of(resource))
			return -EPERM;
	}
	if (old_limit) {
		if (!user_ok(old_limit, sizeof(*old_limit)))
			return -EFAULT;
		old_limit->rlim_cur = limit_of(resource);
		old_limit->rlim_max = limit_of(resource);
	}
	return 0;
}

/* getrlimit: prlimit64 without a new limit. */
long sys_getrlimit(unsigned resource, struct rlimit64 *limit)
{
	return sys_prlimit64(0, resource, NULL, limit);
}

/* setrlimit: prlimit64 without the old limit. */
long sys_setrlimit(unsigned resource, const struct rlimit64 *limit)
{
	return sys_prlimit64(0, resource, limit, NULL);
}

/* arch_prctl: the FS and GS bases (musl keeps its thread pointer in FS). */
long sys_arch_prctl(int code, uint64_t addr)
{
	switch (code) {
	case ARCH_SET_FS:
	case ARCH_SET_GS:
		/* A non-canonical base would fault in wrmsr; Linux: EPERM. */
		if (addr >= USER_LIMIT)
			return -EPERM;
		wrmsr(code == ARCH_SET_FS ? MSR_FS_BASE : MSR_GS_BASE, addr);
		return 0;
	case ARCH_GET_FS:
	case ARCH_GET_GS:
		if (!user_ok((void *)(uintptr_t)addr, sizeof(uint64_t)))
			return -EFAULT;
		*(uint64_t *)(uintptr_t)addr = rdmsr(code == ARCH_GET_FS ?
		    MSR_FS_BASE : MSR_GS_BASE);
		return 0;
	default:
		return -EINVAL;
	}
}

/* set_tid_address: returns the tid; no thread ever exits alone. */
long sys_set_tid_address(int *tidptr)
{
	(void)tidptr;	/* no thread ever exits but the process */
	return PROCESS_ID;
}

/* sched_yield: nothing else wants the CPU. */
long sys_sched_yield(void)
{
	return 0;
}

/* sched_getaffinity: one CPU. */
long sys_sched_getaffinity(int pid, unsigned long len, unsigned long *mask)
{
	if (pid != 0 && pid != PROCESS_ID)
		return -ESRCH;
	if (len < sizeof(*mask))
		return -EINVAL;
	if (!user_ok(mask, sizeof(*mask)))
		return -EFAULT;
	*mask = 1;	/* CPU 0 alone */
	return sizeof(*mask);
}

/* Ends the program: the machine powers off with its status. */
long sys_exit_group(int status)
{
	/* isa-debug-exit keeps 7 bits of it: terrarium run reads it here. */
	kprintf("program: exit status %d\n", status & 0xff);
	power_off(status & 0xff);
}
