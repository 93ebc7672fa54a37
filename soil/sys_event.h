/*
 * The syscalls of event-driven programs: pipes (soil/pipe.c), eventfd
 * (soil/eventfd.c), poll and select (soil/poll.c) and epoll
 * (soil/epoll.c), with Linux x86-64 semantics.  Each returns the result
 * or -errno; a call that waits does so in the idle loop (soil/wait.h)
 * and ends early with -EINTR for a signal.
 */
#ifndef SOIL_SYS_EVENT_H
#define SOIL_SYS_EVENT_H

#include <stddef.h>
#include <stdint.h>
#include <asm-generic/poll.h>
#include <linux/eventpoll.h>
#include <linux/posix_types.h>
#include <linux/time_types.h>

long sys_pipe(int *fds);
long sys_pipe2(int *fds, int flags);

long sys_eventfd(unsigned int count);
long sys_eventfd2(unsigned int count, int flags);

long sys_poll(struct pollfd *fds, unsigned int nfds, int timeout);
long sys_ppoll(struct pollfd *fds, unsigned int nfds,
    struct __kernel_timespec *tsp, const uint64_t *sigmask,
    size_t sigsetsize);
long sys_select(int n, __kernel_fd_set *in, __kernel_fd_set *out,
    __kernel_fd_set *ex, struct __kernel_old_timeval *tvp);
/* sig points to { const uint64_t *mask; size_t size; }, or is NULL. */
long sys_pselect6(int n, __kernel_fd_set *in, __kernel_fd_set *out,
    __kernel_fd_set *ex, struct __kernel_timespec *tsp, const void *sig);

long sys_epoll_create(int size);
long sys_epoll_create1(int flags);
long sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event *event);
long sys_epoll_wait(int epfd, struct epoll_event *events, int maxevents,
    int timeout);
long sys_epoll_pwait(int epfd, struct epoll_event *events, int maxevents,
    int timeout, const uint64_t *sigmask, size_t sigsetsize);
long sys_epoll_pwait2(int epfd, struct epoll_event *events, int maxevents,
    const struct __kernel_timespec *timeout, const uint64_t *sigmask,
    size_t sigsetsize);

#endif
