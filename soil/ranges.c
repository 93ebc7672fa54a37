/*
 * Sorted, merged address ranges (see soil/ranges.h).  The array lives in
 * whole pages and doubles when full.
 */
#include "kernel/memory.h"
#include "kernel/pmem.h"
#include "kernel/string.h"
#include "soil/ranges.h"

/* Makes room for at least one more range; see soil/ranges.h. */
int ranges_reserve(struct ranges *s)
{
	size_t cap = s->cap ? s->cap * 2 : PAGE_SIZE / sizeof(struct range);
	size_t pages = cap * sizeof(struct range) / PAGE_SIZE;
	struct range *r;

	if (s->n < s->cap)
		return 0;
	r = page_alloc(pages);
	if (!r)
		return -1;
	if (s->r) {
		memcpy(r, s->r, s->n * sizeof(*r));
		page_free(s->r, s->cap * sizeof(struct range) / PAGE_SIZE);
	}
	s->r = r;
	s->cap = cap;
	return 0;
}

/* Index of the first range that ends at or after addr. */
static size_t first_reaching(const struct ranges *s, uint64_t addr)
{
	size_t lo = 0, hi = s->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->r[mid].end < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Adds [start, end), merging what it overlaps or touches. */
int ranges_add(struct ranges *s, uint64_t start, uint64_t end)
{
	size_t i, j;

	if (start >= end)
		return 0;
	i = first_reaching(s, start);
	for (j = i; j < s->n && s->r[j].start <= end; j++) {
		if (s->r[j].start < start)
			start = s->r[j].start;
		if (s->r[j].end > end)
			end = s->r[j].end;
	}
	if (j == i) {
		if (ranges_reserve(s) < 0)
			return -1;
		memmove(&s->r[i + 1], &s->r[i], (s->n - i) * sizeof(*s->r));
		s->n++;
	} else if (j > i + 1) {
		memmove(&s->r[i + 1], &s->r[j], (s->n - j) * sizeof(*s->r));
		s->n -= j - i - 1;
	}
	s->r[i].start = start;
	s->r[i].end = end;
	return 0;
}

/* Removes [start, end) from the set. */
int ranges_remove(struct ranges *s, uint64_t start, uint64_t end)
{
	size_t i, j;
	struct range *r;

	if (start >= end)
		return 0;
	i = first_reaching(s, start + 1);
	if (i < s->n && s->r[i].start < start && s->r[i].end > end) {
		/* A hole inside one range splits it in two. */
		if (ranges_reserve(s) < 0)
			return -1;
		r = &s->r[i];
		memmove(r + 1, r, (s->n - i) * sizeof(*r));
		s->n++;
		r[0].end = start;
		r[1].start = end;
		return 0;
	}
	if (i < s->n && s->r[i].start < start) {
		s->r[i].end = start;
		i++;
	}
	for (j = i; j < s->n && s->r[j].end <= end; j++)
		;
	if (j < s->n && s->r[j].start < end)
		s->r[j].start = end;
	memmove(&s->r[i], &s->r[j], (s->n - j) * sizeof(*s->r));
	s->n -= j - i;
	return 0;
}

/*
 * Whether [start, end) lies inside one range of the set.  An end below
 * start is a range that wrapped past 2^64: never the program's.
 */
bool ranges_contains(const struct ranges *s, uint64_t start, uint64_t end)
{
	size_t i = first_reaching(s, start + 1);

	if (start >= end)
		return start == end;
	return i < s->n && s->r[i].start <= start && s->r[i].end >= end;
}

/* Calls fn for each part of [start, end) in the set. */
void ranges_each(const struct ranges *s, uint64_t start, uint64_t end,
    void (*fn)(uint64_t start, uint64_t end))
{
	size_t i;
	uint64_t a, b;

	for (i = first_reaching(s, start + 1);
	    i < s->n && s->r[i].start < end; i++) {
		a = s->r[i].start > start ? s->r[i].start : start;
		b = s->r[i].end < end ? s->r[i].end : end;
		fn(a, b);
	}
}
