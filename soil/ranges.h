/*
 * A set of address ranges [start, end), kept sorted and merged: which
 * memory the program was given by mmap, so that munmap and mremap touch
 * nothing else.  Pure logic over page_alloc for its own storage; tested
 * on the host.
 */
#ifndef SOIL_RANGES_H
#define SOIL_RANGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct range {
	uint64_t start, end;
};

struct ranges {
	struct range *r;	/* n ranges, sorted, disjoint, not adjacent */
	size_t n, cap;
};

/* Adds [start, end).  Returns 0, or -1 when out of memory. */
int ranges_add(struct ranges *s, uint64_t start, uint64_t end);

/*
 * Removes [start, end) (parts not in the set are ignored).  Returns 0, or
 * -1 when out of memory (splitting a range needs one more slot), which
 * cannot happen right after a successful ranges_reserve.
 */
int ranges_remove(struct ranges *s, uint64_t start, uint64_t end);

/* Makes room for one more range.  Returns 0, or -1 when out of memory. */
int ranges_reserve(struct ranges *s);

/* Whether all of [start, end) is in the set; false when end < start. */
bool ranges_contains(const struct ranges *s, uint64_t start, uint64_t end);

/*
 * Calls fn for each part of [start, end) that is in the set, in address
 * order, before removing anything.
 */
void ranges_each(const struct ranges *s, uint64_t start, uint64_t end,
    void (*fn)(uint64_t start, uint64_t end));

#endif
