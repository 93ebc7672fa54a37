/* The mmap bookkeeping: sorted, merged address ranges. */
#include <stdlib.h>
#include "kernel/memory.h"
#include "soil/ranges.h"
#include "tests/unit/check.h"

static int fail_alloc;

/* page_alloc for ranges.c, failing on demand. */
void *page_alloc(uint64_t n)
{
	return fail_alloc ? NULL : calloc(n, 4096);
}

/* Gives back pages from page_alloc. */
void page_free(void *p, uint64_t n)
{
	(void)n;
	free(p);
}

/* Whether s holds exactly the n ranges in want (start, end pairs). */
static int shape(const struct ranges *s, size_t n, const uint64_t *want)
{
	size_t i;

	if (s->n != n)
		return 0;
	for (i = 0; i < n; i++)
		if (s->r[i].start != want[2 * i] ||
		    s->r[i].end != want[2 * i + 1])
			return 0;
	return 1;
}

static uint64_t seen[16];
static int nseen;

/* ranges_each's callback for the test: notes each range it is given. */
static void record(uint64_t a, uint64_t b)
{
	seen[nseen++] = a;
	seen[nseen++] = b;
}

/* Adding and removing ranges: merging, splitting, holes. */
static void add_remove_cases(void)
{
	struct ranges s = { 0 };

	CHECK(ranges_add(&s, 100, 200) == 0);
	CHECK(ranges_add(&s, 300, 400) == 0);
	CHECK(shape(&s, 2, (uint64_t[]){ 100, 200, 300, 400 }));
	/* touching merges, overlapping merges across several */
	CHECK(ranges_add(&s, 200, 250) == 0);
	CHECK(shape(&s, 2, (uint64_t[]){ 100, 250, 300, 400 }));
	CHECK(ranges_add(&s, 50, 350) == 0);
	CHECK(shape(&s, 1, (uint64_t[]){ 50, 400 }));
	CHECK(ranges_contains(&s, 50, 400));
	CHECK(!ranges_contains(&s, 40, 60));
	CHECK(!ranges_contains(&s, 399, 401));
	/* a hole splits */
	CHECK(ranges_remove(&s, 100, 150) == 0);
	CHECK(shape(&s, 2, (uint64_t[]){ 50, 100, 150, 400 }));
	CHECK(!ranges_contains(&s, 90, 160));
	/* a range that wrapped past 2^64 is not inside anything */
	CHECK(ranges_contains(&s, 60, 60));
	CHECK(!ranges_contains(&s, 60, 50));
	CHECK(!ranges_contains(&s, ~0ull - 4095, 4096));
	/* removing across a gap trims both sides */
	CHECK(ranges_remove(&s, 80, 200) == 0);
	CHECK(shape(&s, 2, (uint64_t[]){ 50, 80, 200, 400 }));
	/* removing what is not there changes nothing */
	CHECK(ranges_remove(&s, 500, 600) == 0);
	CHECK(ranges_remove(&s, 80, 200) == 0);
	CHECK(shape(&s, 2, (uint64_t[]){ 50, 80, 200, 400 }));
	/* each visits only the parts inside */
	nseen = 0;
	ranges_each(&s, 60, 300, record);
	CHECK(nseen == 4 && seen[0] == 60 && seen[1] == 80 &&
	    seen[2] == 200 && seen[3] == 300);
	/* removing everything */
	CHECK(ranges_remove(&s, 0, 1000) == 0);
	CHECK(s.n == 0);
	free(s.r);
}

/* Many ranges: the table grows, and a failed growth loses nothing. */
static void growth_cases(void)
{
	struct ranges s = { 0 };
	uint64_t i;
	int ok = 1;

	for (i = 0; i < 1000; i++)
		ok &= ranges_add(&s, i * 10, i * 10 + 5) == 0;
	CHECK(ok);
	CHECK(s.n == 1000);
	CHECK(ranges_contains(&s, 9990, 9995));
	/* out of memory while splitting: the set is unchanged */
	while (s.n < s.cap)
		ranges_add(&s, 100000 + s.n * 10, 100000 + s.n * 10 + 5);
	fail_alloc = 1;
	CHECK(ranges_remove(&s, 1, 2) == -1);
	CHECK(ranges_contains(&s, 0, 5));
	CHECK(ranges_add(&s, 7, 8) == -1);
	fail_alloc = 0;
	/* after ranges_reserve a split needs no allocation */
	CHECK(ranges_reserve(&s) == 0);
	fail_alloc = 1;
	CHECK(ranges_remove(&s, 1, 2) == 0);
	fail_alloc = 0;
	CHECK(!ranges_contains(&s, 0, 5) && ranges_contains(&s, 2, 5));
	free(s.r);
}

/* Runs the ranges cases; the status is check_report's. */
int main(void)
{
	add_remove_cases();
	growth_cases();
	return check_report("ranges");
}
