/*
 * What poll, select and epoll share (soil/poll.c): how they look up a
 * descriptor, a file's readiness, and the signal mask the p-variants
 * (ppoll, pselect6, epoll_pwait) wait under.
 */
#ifndef SOIL_POLL_H
#define SOIL_POLL_H

#include <stddef.h>
#include <stdint.h>

struct file;

/* The file at fd, NULL for a closed fd or an O_PATH handle (Linux's fdget). */
struct file *poll_fd(int fd);

/* f's readiness: its poll op, else POLLIN|POLLOUT|POLLRDNORM|POLLWRNORM. */
unsigned poll_file(struct file *f);

/*
 * Blocks *mask (size bytes: must be 8) for the wait; NULL keeps the
 * program's mask.  0, -EINVAL or -EFAULT, after which there is nothing
 * to end.
 */
long poll_mask_begin(const uint64_t *mask, size_t size);
/*
 * Ends the wait with result r, which it returns: the program's mask is
 * back, except after -EINTR, where signal delivery puts it back.
 */
long poll_mask_end(long r);

#endif
