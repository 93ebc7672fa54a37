/* The kernel heap over a counted host page provider. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/kmalloc.h"
#include "tests/unit/check.h"
#include "tests/unit/kstubs.h"

#define N 2000

static uint64_t rng = 88172645463325252ull;

/* xorshift64: a repeatable random sequence of sizes. */
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Fills p with a pattern derived from its index. */
static void fill(unsigned char *p, size_t n, unsigned i)
{
	size_t k;

	for (k = 0; k < n; k++)
		p[k] = (unsigned char)(i * 31 + k);
}

/* Whether p still holds the pattern fill wrote for index i. */
static int intact(const unsigned char *p, size_t n, unsigned i)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (p[k] != (unsigned char)(i * 31 + k))
			return 0;
	return 1;
}

/* Random allocations, resizes and frees: no overlap, contents kept. */
static void random_ops(void)
{
	static unsigned char *p[N];
	static size_t len[N];
	int bad_align = 0, bad_data = 0, bad_size = 0;
	unsigned i, round;
	size_t n;
	void *q;

	for (round = 0; round < 20000; round++) {
		i = (unsigned)(next() % N);
		n = next() % 8 == 0 ? next() % 20000 : next() % 600;
		if (p[i] && !intact(p[i], len[i], i))
			bad_data++;
		if (!p[i]) {
			p[i] = kmalloc(n);
		} else if (next() % 2) {
			q = krealloc(p[i], n);
			if (q && !intact(q, n < len[i] ? n : len[i], i))
				bad_data++;
			p[i] = q;
		} else {
			kfree(p[i]);
			p[i] = NULL;
			continue;
		}
		if (!p[i])
			continue;
		len[i] = n;
		if ((uintptr_t)p[i] % 16)
			bad_align++;
		if (ksize(p[i]) < n)
			bad_size++;
		fill(p[i], n, i);
	}
	for (i = 0; i < N; i++) {
		if (p[i] && !intact(p[i], len[i], i))
			bad_data++;
		kfree(p[i]);
	}
	CHECK(bad_align == 0);
	CHECK(bad_data == 0);
	CHECK(bad_size == 0);
}

/*
 * Size classes and big blocks, krealloc, pages given back, running out of
 * memory, a random run that checks every block keeps its bytes, and the
 * panics of a double free and a bad pointer.
 */
int main(void)
{
	unsigned char *a, *b, *c;
	void *small[300];
	jmp_buf jb;
	long base;
	int i, n, caught;

	/* Size classes and big blocks. */
	a = kzalloc(10);
	CHECK(a && ksize(a) == 16 && a[9] == 0);
	b = kmalloc(0);
	CHECK(b && b != a);
	c = kmalloc(5000);
	CHECK(c && ksize(c) >= 5000 && ksize(c) < 5000 + 4096);
	CHECK((uintptr_t)c % 16 == 0);
	kfree(a);
	kfree(b);
	kfree(c);
	kfree(NULL);

	/* Growing in place within a slot, moving beyond it. */
	a = kmalloc(20);
	memcpy(a, "0123456789abcdefghi", 20);
	b = krealloc(a, 30);
	CHECK(b == a);
	b = krealloc(b, 100);
	CHECK(b != a && !memcmp(b, "0123456789abcdefghi", 20));
	c = krealloc(NULL, 7);
	CHECK(c && ksize(c) == 16);
	kfree(b);
	kfree(c);

	/* Freed pages go back to the provider but a spare per class. */
	random_ops();
	CHECK(kstubs_pages_in_use() <= 8);

	/* Out of memory is NULL, and the heap still works afterwards. */
	base = kstubs_pages_in_use();
	kstubs_page_limit(base + 2);
	CHECK(kmalloc(3 * 4096) == NULL);
	for (n = 0; n < 300 && (small[n] = kmalloc(512)); n++)
		;
	/* 7 slots a page: two new pages, perhaps a spare one. */
	CHECK(n >= 14 && n <= 21);
	c = krealloc(small[0], 100000);
	CHECK(c == NULL);
	for (i = 0; i < n; i++)
		kfree(small[i]);
	kstubs_page_limit(-1);
	CHECK(kstubs_pages_in_use() <= base + 2);

	/* A double free and a pointer into a block are caught. */
	a = kmalloc(64);
	kfree(a);
	caught = 0;
	kstubs_panic_jmp = &jb;
	if (setjmp(jb))
		caught++;
	else
		kfree(a);
	if (caught == 1 && setjmp(jb))
		caught++;
	else if (caught == 1) {
		b = kmalloc(64);
		kfree(b + 16);
	}
	kstubs_panic_jmp = NULL;
	CHECK(caught == 2);
	return check_report("kmalloc");
}
