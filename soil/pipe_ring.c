/*
 * The slot ring behind a pipe (see soil/pipe_ring.h).  The rules follow
 * Linux's fs/pipe.c so that a program sees the same counts: what fits,
 * what a non-blocking write takes, what a read returns.
 */
#include <asm-generic/errno.h>
#include "kernel/memory.h"
#include "kernel/string.h"
#include "soil/pipe_ring.h"

/* Is the ring without data? */
bool pipe_ring_empty(const struct pipe_ring *r)
{
	return r->head == r->tail;
}

/* Is every slot taken? */
bool pipe_ring_full(const struct pipe_ring *r)
{
	return r->head - r->tail >= PIPE_SLOTS;
}

/* Unread bytes in all slots. */
size_t pipe_ring_bytes(const struct pipe_ring *r)
{
	size_t n = 0;
	unsigned i;

	for (i = r->tail; i != r->head; i++)
		n += r->slot[i % PIPE_SLOTS].len;
	return n;
}

/* Frees the oldest slot; its page becomes the spare if there is none. */
static void release(struct pipe_ring *r)
{
	struct pipe_slot *s = &r->slot[r->tail++ % PIPE_SLOTS];

	if (!r->spare)
		r->spare = s->page;
	else
		page_free(s->page, 1);
	s->page = NULL;
}

/* Reads from the oldest slots. */
size_t pipe_ring_read(struct pipe_ring *r, void *buf, size_t n,
    bool *freed_full)
{
	unsigned char *out = buf;
	struct pipe_slot *s;
	size_t done = 0, chars;
	bool packet = false;

	*freed_full = false;
	while (done < n && !packet && !pipe_ring_empty(r)) {
		s = &r->slot[r->tail % PIPE_SLOTS];
		packet = s->packet;
		chars = s->len < n - done ? s->len : n - done;
		memcpy(out + done, s->page + s->offset, chars);
		done += chars;
		s->offset += (uint16_t)chars;
		s->len = packet ? 0 : s->len - (uint16_t)chars;
		if (!s->len) {
			*freed_full |= pipe_ring_full(r);
			release(r);
		}
	}
	return done;
}

/* Appends the tail end of a write's first page to the newest slot. */
size_t pipe_ring_merge(struct pipe_ring *r, const void *buf, size_t n)
{
	size_t chars = n % PIPE_PAGE;
	struct pipe_slot *s;

	if (!chars || pipe_ring_empty(r))
		return 0;
	s = &r->slot[(r->head - 1) % PIPE_SLOTS];
	if (s->packet || s->offset + s->len + chars > PIPE_PAGE)
		return 0;
	memcpy(s->page + s->offset + s->len, buf, chars);
	s->len += (uint16_t)chars;
	return chars;
}

/* Fills fresh slots while there is room. */
long pipe_ring_fill(struct pipe_ring *r, const void *buf, size_t n,
    bool packet)
{
	const unsigned char *in = buf;
	struct pipe_slot *s;
	unsigned char *page;
	size_t done = 0, chars;

	while (done < n && !pipe_ring_full(r)) {
		page = r->spare;
		r->spare = NULL;
		if (!page && !(page = page_alloc(1)))
			return done ? (long)done : -ENOMEM;
		chars = n - done < PIPE_PAGE ? n - done : PIPE_PAGE;
		memcpy(page, in + done, chars);
		s = &r->slot[r->head++ % PIPE_SLOTS];
		s->page = page;
		s->offset = 0;
		s->len = (uint16_t)chars;
		s->packet = packet;
		done += chars;
	}
	return (long)done;
}

/* Frees the slots' pages and the spare. */
void pipe_ring_free(struct pipe_ring *r)
{
	while (!pipe_ring_empty(r))
		release(r);
	if (r->spare)
		page_free(r->spare, 1);
	r->spare = NULL;
}
