/*
 * The kernel heap (see kernel/kmalloc.h).  Every page of the heap starts
 * with a struct km_page, so kfree finds a block's size from the page its
 * address falls in.  A slab page serves one size class and tracks its
 * slots in a bitmap, so nothing is stored inside free slots (host builds
 * under ASan poison them, and a bad free is caught).  A big block is a
 * run of whole pages whose first page carries the header.
 */
#include <stdint.h>
#include "kernel/kmalloc.h"
#include "kernel/memory.h"
#include "kernel/panic.h"
#include "kernel/pmem.h"
#include "kernel/string.h"

#ifdef TERRARIUM_HOST
#if defined(__SANITIZE_ADDRESS__)
#define KM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KM_ASAN 1
#endif
#endif
#endif

#ifdef KM_ASAN
#include <sanitizer/asan_interface.h>
#define poison(p, n)	ASAN_POISON_MEMORY_REGION(p, n)
#define unpoison(p, n)	ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define poison(p, n)	((void)(p), (void)(n))
#define unpoison(p, n)	((void)(p), (void)(n))
#endif

#define HDR		64		/* bytes before the first slot */
#define SLAB_MAGIC	0x62616c73u
#define BIG_MAGIC	0x20676962u
#define NCLASS		8
#define SLAB_MAX	2016		/* largest size class */

struct km_page {
	uint32_t magic;
	uint16_t cls;			/* slab: size class index */
	uint16_t nfree;			/* slab: free slots */
	uint64_t npages;		/* big: pages of the block */
	struct km_page *next, *prev;	/* slab: pages with free slots */
	uint64_t used[4];		/* slab: a bit per slot, 1 in use */
};

_Static_assert(sizeof(struct km_page) <= HDR, "heap page header too big");

/* Slot sizes: multiples of 16 that fill a page with little waste. */
static const uint16_t class_size[NCLASS] = {
	16, 32, 64, 128, 256, 512, 1008, SLAB_MAX
};

static struct km_page *partial[NCLASS];

/* How many slots of class cls fit in a slab page after its header. */
static unsigned nslots(unsigned cls)
{
	return (PAGE_SIZE - HDR) / class_size[cls];
}

/*
 * The header of the page p is in: slots and big blocks both lie after a
 * page-aligned header.
 */
static struct km_page *page_of(const void *p)
{
	return (struct km_page *)((uintptr_t)p & ~(uintptr_t)(PAGE_SIZE - 1));
}

/* Puts a slab page at the head of its class's list of pages with free slots. */
static void list_add(struct km_page *pg)
{
	pg->prev = NULL;
	pg->next = partial[pg->cls];
	if (pg->next)
		pg->next->prev = pg;
	partial[pg->cls] = pg;
}

/* Takes a slab page off its class's list of pages with free slots. */
static void list_del(struct km_page *pg)
{
	if (pg->prev)
		pg->prev->next = pg->next;
	else
		partial[pg->cls] = pg->next;
	if (pg->next)
		pg->next->prev = pg->prev;
}

/* Takes a fresh page for class cls; slots past the last are marked used. */
static struct km_page *slab_new(unsigned cls)
{
	struct km_page *pg = page_alloc(1);
	unsigned i, n = nslots(cls);

	if (!pg)
		return NULL;
	pg->magic = SLAB_MAGIC;
	pg->cls = (uint16_t)cls;
	pg->nfree = (uint16_t)n;
	for (i = n; i < 256; i++)
		pg->used[i / 64] |= 1ull << (i % 64);
	poison((char *)pg + HDR, PAGE_SIZE - HDR);
	list_add(pg);
	return pg;
}

/* Takes the first free slot of a page of class cls. */
static void *slab_alloc(unsigned cls)
{
	struct km_page *pg = partial[cls];
	unsigned w, bit;

	if (!pg && !(pg = slab_new(cls)))
		return NULL;
	for (w = 0; ~pg->used[w] == 0; w++)
		;
	bit = (unsigned)__builtin_ctzll(~pg->used[w]);
	pg->used[w] |= 1ull << bit;
	if (--pg->nfree == 0)
		list_del(pg);
	return (char *)pg + HDR + (w * 64 + bit) * class_size[cls];
}

/* A run of whole pages for n bytes and the header. */
static void *big_alloc(size_t n)
{
	uint64_t pages = (n + HDR + PAGE_SIZE - 1) / PAGE_SIZE;
	struct km_page *pg;

	if (n > SIZE_MAX / 2 || !(pg = page_alloc(pages)))
		return NULL;
	pg->magic = BIG_MAGIC;
	pg->npages = pages;
	poison((char *)pg + HDR, pages * PAGE_SIZE - HDR);
	return (char *)pg + HDR;
}

/* Allocates n bytes. */
void *kmalloc(size_t n)
{
	unsigned cls;
	void *p;

	if (n > SLAB_MAX)
		p = big_alloc(n);
	else {
		for (cls = 0; class_size[cls] < n; cls++)
			;
		p = slab_alloc(cls);
	}
	if (p)
		unpoison(p, n);
	return p;
}

/* Allocates n zeroed bytes. */
void *kzalloc(size_t n)
{
	void *p = kmalloc(n);

	if (p)
		memset(p, 0, n);
	return p;
}

/* Returns the slot index of p in its slab page, panicking on a bad pointer. */
static unsigned slot_of(const struct km_page *pg, const void *p)
{
	uintptr_t off = (uintptr_t)p - (uintptr_t)pg - HDR;
	unsigned size = class_size[pg->cls], slot = (unsigned)(off / size);

	if ((uintptr_t)p < (uintptr_t)pg + HDR || off % size ||
	    slot >= nslots(pg->cls) ||
	    !(pg->used[slot / 64] >> (slot % 64) & 1))
		panic("kfree: %p is not an allocated block", p);
	return slot;
}

/* Checks that p is a block the heap handed out and returns its page. */
static struct km_page *block_page(const void *p)
{
	struct km_page *pg = page_of(p);

	if (pg->magic == SLAB_MAGIC && pg->cls < NCLASS) {
		slot_of(pg, p);
		return pg;
	}
	if (pg->magic == BIG_MAGIC && (const char *)p == (char *)pg + HDR)
		return pg;
	panic("kfree: %p is not an allocated block", p);
}

/* Frees p. */
void kfree(void *p)
{
	struct km_page *pg;
	unsigned slot;

	if (!p)
		return;
	pg = block_page(p);
	if (pg->magic == BIG_MAGIC) {
		pg->magic = 0;
		page_free(pg, pg->npages);
		return;
	}
	slot = slot_of(pg, p);
	poison(p, class_size[pg->cls]);
	pg->used[slot / 64] &= ~(1ull << (slot % 64));
	if (pg->nfree++ == 0)
		list_add(pg);
	/* Give an empty page back unless it is the class's only spare. */
	if (pg->nfree == nslots(pg->cls) && (pg->prev || pg->next)) {
		list_del(pg);
		pg->magic = 0;
		page_free(pg, 1);
	}
}

/* Bytes usable in p; under ASan they all become addressable, as in Linux. */
size_t ksize(const void *p)
{
	struct km_page *pg = block_page(p);
	size_t n = pg->magic == BIG_MAGIC ? pg->npages * PAGE_SIZE - HDR :
	    class_size[pg->cls];

	unpoison(p, n);
	return n;
}

/* Resizes p in place when it fits and would not waste half a big block. */
void *krealloc(void *p, size_t n)
{
	size_t have;
	void *q;

	if (!p)
		return kmalloc(n);
	have = ksize(p);
	if (n <= have && (have <= SLAB_MAX || n > have / 2)) {
		poison(p, have);
		unpoison(p, n);
		return p;
	}
	q = kmalloc(n);
	if (!q)
		return NULL;
	unpoison(p, have);
	memcpy(q, p, n < have ? n : have);
	kfree(p);
	return q;
}
