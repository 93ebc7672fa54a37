/*
 * epoll: epoll_create(1), epoll_ctl, epoll_wait, epoll_pwait(2).
 *
 * An epoll file holds an interest list of items, one per (file, fd) as
 * Linux keys them, and a ready list.  Each item watches its file
 * (soil/file.h): a wake-up whose events it wants links it to the ready
 * list's tail, and the file's close removes it, as Linux does when the
 * last descriptor of a file goes.  epoll_wait takes items off the ready
 * list in order, polls each again and reports what is ready now; a
 * level-triggered item goes back to the tail, an edge-triggered
 * (EPOLLET) one waits for the next wake-up, an EPOLLONESHOT one is
 * disabled until EPOLL_CTL_MOD.  Files that change without waking their
 * watches are caught by a scan at every wait: a level-triggered item
 * whose file is ready, or an edge-triggered one whose file gained an
 * event since it was last looked at, is linked then.
 */
#include <asm-generic/errno.h>
#include <asm-generic/poll.h>
#include <linux/eventpoll.h>
#include <linux/fcntl.h>
#include "kernel/kmalloc.h"
#include "soil/anon_inode.h"
#include "soil/clock.h"
#include "soil/file.h"
#include "soil/poll.h"
#include "soil/sys_event.h"
#include "soil/timeout.h"
#include "soil/user.h"
#include "soil/wait.h"

#define EP_PRIVATE	(EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE)
#define EXCLUSIVE_OK	(EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP | \
	EPOLLWAKEUP | EPOLLET | EPOLLEXCLUSIVE)
#define EP_MAX_NESTS	4
#define EP_MAX_EVENTS	(0x7fffffff / (int)sizeof(struct epoll_event))

struct epitem {
	struct file_watch watch;	/* first: item_of casts back */
	struct epoll *ep;
	struct file *file;		/* the target; no reference */
	int fd;
	uint32_t events;		/* wanted, with EPOLLERR|EPOLLHUP */
	uint64_t data;
	unsigned seen;			/* what was ready at the last look */
	bool linked;			/* on a ready list */
	struct epitem *next;		/* interest list */
	struct epitem *rprev, *rnext;	/* ready list */
};

struct ready_list {
	struct epitem *head, *tail;
};

struct epoll {
	struct file *file;		/* its own file; no reference */
	struct epitem *items;
	struct ready_list ready;
	unsigned visit;			/* loop check generation */
};

static const struct file_ops epoll_ops;
static unsigned loop_gen;

/* The item a watch is the first member of. */
static struct epitem *item_of(struct file_watch *w)
{
	return (struct epitem *)w;
}

/* Links it at l's tail. */
static void ready_append(struct ready_list *l, struct epitem *it)
{
	it->rnext = NULL;
	it->rprev = l->tail;
	if (l->tail)
		l->tail->rnext = it;
	else
		l->head = it;
	l->tail = it;
	it->linked = true;
}

/* Unlinks it from l. */
static void ready_remove(struct ready_list *l, struct epitem *it)
{
	if (it->rprev)
		it->rprev->rnext = it->rnext;
	else
		l->head = it->rnext;
	if (it->rnext)
		it->rnext->rprev = it->rprev;
	else
		l->tail = it->rprev;
	it->linked = false;
}

/* Puts the items of front before those of l. */
static void ready_prepend(struct ready_list *l, struct ready_list *front)
{
	if (!front->head)
		return;
	if (l->head) {
		front->tail->rnext = l->head;
		l->head->rprev = front->tail;
	} else {
		l->tail = front->tail;
	}
	l->head = front->head;
}

/* Is the item disabled (EPOLLONESHOT after its report)? */
static bool disabled(const struct epitem *it)
{
	return !(it->events & ~EP_PRIVATE);
}

/* What the item's file has of what it wants, remembered in seen. */
static unsigned item_poll(struct epitem *it)
{
	it->seen = it->file->ops->poll(it->file) & it->events;
	return it->seen;
}

/* Links it to the ready list's tail unless it is on the list. */
static void item_link(struct epitem *it)
{
	if (!it->linked)
		ready_append(&it->ep->ready, it);
}

/* After ADD and MOD: a ready item is linked; the epoll's watches hear. */
static void link_if_ready(struct epitem *it)
{
	if (!item_poll(it) || it->linked)
		return;
	item_link(it);
	file_wake(it->ep->file, POLLIN);
}

/* A wake-up of the item's file (Linux's ep_poll_callback). */
static void item_wake(struct file_watch *w, unsigned events)
{
	struct epitem *it = item_of(w);

	if (disabled(it) || (events && !(events & it->events)))
		return;
	item_link(it);
	file_wake(it->ep->file, POLLIN);
}

/* Takes it out of its epoll and frees it. */
static void item_free(struct epitem *it)
{
	struct epitem **p;

	if (it->linked)
		ready_remove(&it->ep->ready, it);
	for (p = &it->ep->items; *p != it; p = &(*p)->next)
		;
	*p = it->next;
	kfree(it);
}

/* The file is gone (it is off the file's watches already). */
static void item_closed(struct file_watch *w)
{
	item_free(item_of(w));
}

/*
 * Links the items whose file changed without a wake-up: level-triggered
 * ones that are ready, edge-triggered ones with an event not seen before.
 */
static void scan(struct epoll *ep)
{
	struct epitem *it;
	unsigned before;

	for (it = ep->items; it; it = it->next) {
		if (it->linked || disabled(it))
			continue;
		before = it->seen;
		if (item_poll(it) & ((it->events & EPOLLET) ? ~before : ~0u))
			item_link(it);
	}
}

/*
 * Is an event waiting?  Drops linked items that have nothing, as
 * Linux's poll of an epoll file does.
 */
static bool has_events(struct epoll *ep)
{
	struct epitem *it;

	scan(ep);
	while ((it = ep->ready.head)) {
		if (item_poll(it))
			return true;
		ready_remove(&ep->ready, it);
	}
	return false;
}

/* soil_wait's test. */
static bool waiting_events(void *arg)
{
	return has_events(arg);
}

/* poll of an epoll file: readable while an event waits. */
static unsigned epoll_poll(struct file *f)
{
	return has_events(f->priv) ? POLLIN | POLLRDNORM : 0;
}

/*
 * Reports up to max events into out; returns how many, or -EFAULT when
 * the first cannot be written (its item stays first on the list).
 */
static int send_events(struct epoll *ep, struct epoll_event *out, int max)
{
	struct ready_list now;
	struct epitem *it;
	unsigned revents;
	int n = 0, err = 0;

	scan(ep);
	now = ep->ready;
	ep->ready = (struct ready_list){ NULL, NULL };
	while (n < max && (it = now.head)) {
		revents = item_poll(it);
		if (revents && !user_ok(&out[n], sizeof(*out))) {
			err = -EFAULT;
			break;
		}
		ready_remove(&now, it);
		if (!revents)
			continue;
		out[n].events = revents;
		out[n].data = it->data;
		n++;
		if (it->events & EPOLLONESHOT)
			it->events &= EP_PRIVATE;
		else if (!(it->events & EPOLLET))
			ready_append(&ep->ready, it);
	}
	ready_prepend(&ep->ready, &now);
	return n ? n : err;
}

/* The last reference to the epoll file: every item lets go of its file. */
static void epoll_close(struct file *f)
{
	struct epoll *ep = f->priv;

	while (ep->items) {
		file_watch_remove(ep->items->file, &ep->items->watch);
		item_free(ep->items);
	}
	kfree(ep);
}

static const struct file_ops epoll_ops = {
	.stat = anon_inode_stat,
	.close = epoll_close,
	.poll = epoll_poll,
};

/*
 * The longest chain of epolls nested in ep, or -1 when one is avoid.
 * Each epoll is visited once, as in Linux's check; the nesting limit
 * every earlier EPOLL_CTL_ADD kept bounds the recursion.
 */
static int depth_below(struct epoll *ep, struct epoll *avoid)
{
	struct epoll *inner;
	struct epitem *it;
	int d, max = 0;

	ep->visit = loop_gen;
	for (it = ep->items; it; it = it->next) {
		if (it->file->ops != &epoll_ops)
			continue;
		if ((inner = it->file->priv) == avoid)
			return -1;
		if (inner->visit == loop_gen)
			continue;
		if ((d = depth_below(inner, avoid)) < 0)
			return -1;
		if (d + 1 > max)
			max = d + 1;
	}
	return max;
}

/* The longest chain of epolls that hold ep. */
static int depth_above(struct epoll *ep)
{
	struct file_watch *w;
	int d, max = 0;

	for (w = ep->file->watches; w; w = w->next)
		if (w->wake == item_wake &&
		    (d = depth_above(item_of(w)->ep) + 1) > max)
			max = d;
	return max;
}

/* Would putting epoll inner into ep make a loop or too deep a nest? */
static bool loops(struct epoll *ep, struct epoll *inner)
{
	int below;

	loop_gen++;
	below = depth_below(inner, ep);
	return below < 0 || below + 1 + depth_above(ep) > EP_MAX_NESTS;
}

/* EPOLL_CTL_ADD: a new item, linked at once if its file is ready. */
static long insert(struct epoll *ep, const struct epoll_event *ev,
    struct file *f, int fd)
{
	struct epitem *it = kzalloc(sizeof(*it));

	if (!it)
		return -ENOMEM;
	it->watch.wake = item_wake;
	it->watch.closed = item_closed;
	it->ep = ep;
	it->file = f;
	it->fd = fd;
	it->events = ev->events | EPOLLERR | EPOLLHUP;
	it->data = ev->data;
	it->next = ep->items;
	ep->items = it;
	file_watch_add(f, &it->watch);
	link_if_ready(it);
	return 0;
}

/* EPOLL_CTL_MOD: new events and data; linked if ready now. */
static long modify(struct epitem *it, const struct epoll_event *ev)
{
	if (it->events & EPOLLEXCLUSIVE)
		return -EINVAL;
	it->events = ev->events | EPOLLERR | EPOLLHUP;
	it->data = ev->data;
	link_if_ready(it);
	return 0;
}

/* The item for (f, fd) in ep, or NULL. */
static struct epitem *find(struct epoll *ep, struct file *f, int fd)
{
	struct epitem *it;

	for (it = ep->items; it; it = it->next)
		if (it->file == f && it->fd == fd)
			return it;
	return NULL;
}

/* epoll_ctl(2), with Linux's checks in Linux's order. */
long sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)
{
	struct epoll_event ev = { 0, 0 };
	struct file *ef, *tf;
	struct epitem *it;
	bool has_event = op != EPOLL_CTL_DEL;

	if (has_event) {
		if (!user_ok(event, sizeof(*event)))
			return -EFAULT;
		ev = *event;
	}
	if (!(ef = poll_fd(epfd)) || !(tf = poll_fd(fd)))
		return -EBADF;
	if (!tf->ops->poll)
		return -EPERM;
	if (ef == tf || ef->ops != &epoll_ops)
		return -EINVAL;
	if (has_event && (ev.events & EPOLLEXCLUSIVE) &&
	    (op == EPOLL_CTL_MOD || (op == EPOLL_CTL_ADD &&
	    (tf->ops == &epoll_ops || (ev.events & ~EXCLUSIVE_OK)))))
		return -EINVAL;
	if (op == EPOLL_CTL_ADD && tf->ops == &epoll_ops &&
	    loops(ef->priv, tf->priv))
		return -ELOOP;
	it = find(ef->priv, tf, fd);
	switch (op) {
	case EPOLL_CTL_ADD:
		return it ? -EEXIST : insert(ef->priv, &ev, tf, fd);
	case EPOLL_CTL_DEL:
		if (!it)
			return -ENOENT;
		file_watch_remove(tf, &it->watch);
		item_free(it);
		return 0;
	case EPOLL_CTL_MOD:
		return it ? modify(it, &ev) : -ENOENT;
	}
	return -EINVAL;
}

/* epoll_create1(2). */
long sys_epoll_create1(int flags)
{
	struct epoll *ep;
	struct file *f;
	int fd;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	if (!(ep = kzalloc(sizeof(*ep))))
		return -ENOMEM;
	if (!(f = file_new(&epoll_ops, ep, O_RDWR))) {
		kfree(ep);
		return -ENOMEM;
	}
	ep->file = f;
	if ((fd = fd_install(f)) < 0) {
		file_put(f);
		return fd;
	}
	fd_set_cloexec(fd, flags & EPOLL_CLOEXEC);
	return fd;
}

/* epoll_create(2): size only has to be positive. */
long sys_epoll_create(int size)
{
	return size <= 0 ? -EINVAL : sys_epoll_create1(0);
}

/* epoll_wait's core: report, or wait and report once more. */
static long do_wait(int epfd, struct epoll_event *events, int maxevents,
    uint64_t deadline)
{
	struct epoll *ep;
	struct file *f;
	int n, r = 1;

	if (maxevents <= 0 || maxevents > EP_MAX_EVENTS)
		return -EINVAL;
	/* Linux's access_ok: only the range; writing finds bad pages. */
	if ((uint64_t)(uintptr_t)events +
	    (uint64_t)maxevents * sizeof(*events) > USER_LIMIT)
		return -EFAULT;
	if (!(f = poll_fd(epfd)))
		return -EBADF;
	if (f->ops != &epoll_ops)
		return -EINVAL;
	ep = f->priv;
	for (;;) {
		if ((n = send_events(ep, events, maxevents)) || !r)
			return n;
		if ((r = soil_wait(deadline, waiting_events, ep)) < 0)
			return r;
	}
}

/* epoll_wait(2): timeout in ms, negative for none. */
long sys_epoll_wait(int epfd, struct epoll_event *events, int maxevents,
    int timeout)
{
	return do_wait(epfd, events, maxevents,
	    timeout_ms(timeout, soil_uptime_ns()));
}

/* epoll_pwait(2): with a signal mask for the wait. */
long sys_epoll_pwait(int epfd, struct epoll_event *events, int maxevents,
    int timeout, const uint64_t *sigmask, size_t sigsetsize)
{
	long r = poll_mask_begin(sigmask, sigsetsize);

	if (r)
		return r;
	return poll_mask_end(sys_epoll_wait(epfd, events, maxevents, timeout));
}

/* epoll_pwait2(2): the timeout is a timespec, NULL for none. */
long sys_epoll_pwait2(int epfd, struct epoll_event *events, int maxevents,
    const struct __kernel_timespec *timeout, const uint64_t *sigmask,
    size_t sigsetsize)
{
	uint64_t deadline = TIMEOUT_FOREVER;
	long r;

	if (timeout) {
		if (!user_ok(timeout, sizeof(*timeout)))
			return -EFAULT;
		if (timeout_span(timeout->tv_sec, timeout->tv_nsec,
		    soil_uptime_ns(), &deadline))
			return -EINVAL;
	}
	if ((r = poll_mask_begin(sigmask, sigsetsize)))
		return r;
	return poll_mask_end(do_wait(epfd, events, maxevents, deadline));
}
