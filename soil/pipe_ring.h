/*
 * A pipe's buffer as Linux keeps it: a ring of 16 slots of one page
 * each.  Where a write's bytes land decides how many fit (64 KiB when
 * every slot is full, less when small writes leave slots part-empty) and
 * makes writes of at most PIPE_BUF bytes atomic: such a write goes into
 * one slot, whole, or not at all.  Pure logic over page_alloc, tested on
 * the host against Linux's pipes.
 */
#ifndef SOIL_PIPE_RING_H
#define SOIL_PIPE_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PIPE_SLOTS	16
#define PIPE_PAGE	4096

struct pipe_slot {
	unsigned char *page;
	uint16_t offset;	/* first unread byte */
	uint16_t len;		/* unread bytes */
	bool packet;		/* O_DIRECT: read whole, never merged into */
};

struct pipe_ring {
	struct pipe_slot slot[PIPE_SLOTS];
	unsigned head, tail;	/* free-running: tail .. head-1 hold data */
	unsigned char *spare;	/* the page of the last slot emptied */
};

bool pipe_ring_empty(const struct pipe_ring *r);
bool pipe_ring_full(const struct pipe_ring *r);
/* Unread bytes (FIONREAD). */
size_t pipe_ring_bytes(const struct pipe_ring *r);

/*
 * Reads up to n bytes, oldest first; a packet slot ends the read and
 * the rest of its packet is dropped.  Sets *freed_full when a slot was
 * emptied while the ring was full: a writer may go on.  Returns the
 * count, 0 when the ring is empty.
 */
size_t pipe_ring_read(struct pipe_ring *r, void *buf, size_t n,
    bool *freed_full);

/*
 * A write starts here: unless the ring is empty, the first n % PIPE_PAGE
 * bytes join the newest slot when they fit in its page.  Returns the
 * bytes taken: that many or 0.
 */
size_t pipe_ring_merge(struct pipe_ring *r, const void *buf, size_t n);

/*
 * Then fills fresh slots, a page at most each, while the ring has room.
 * Returns the bytes taken (possibly 0), or -ENOMEM when no page could be
 * had for the first slot.
 */
long pipe_ring_fill(struct pipe_ring *r, const void *buf, size_t n,
    bool packet);

/* Frees every page. */
void pipe_ring_free(struct pipe_ring *r);

#endif
