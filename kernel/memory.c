/*
 * The kernel's page allocator instance (see kernel/memory.h): places the
 * bitmap in usable RAM and keeps out what is already in use.
 */
#include "kernel/memory.h"
#include "kernel/panic.h"
#include "kernel/pmem.h"
#include "kernel/string.h"

static struct pmem pm;

/* Finds usable RAM above 1 MiB for the bitmap. */
static uint64_t place_bitmap(const struct bootinfo *bi, uint64_t bytes)
{
	const struct mem_range *r;
	uint64_t base, end;
	uint32_t i;

	for (i = 0; i < bi->mem_count; i++) {
		r = &bi->mem[i];
		if (r->type != MEM_USABLE)
			continue;
		base = r->base < 0x100000 ? 0x100000 : r->base;
		end = r->base + r->pages * PAGE_SIZE;
		if (base < end && end - base >= bytes)
			return base;
	}
	return 0;
}

/* Sets up the allocator from the boot map; panics when it cannot. */
void memory_init(const struct bootinfo *bi)
{
	uint64_t bytes, at;

	if (!bi->mem_count)
		panic("memory: the firmware gave no usable memory map");
	bytes = pmem_bitmap_bytes(bi->mem, bi->mem_count);
	at = place_bitmap(bi, bytes);
	if (!at)
		panic("memory: no room for a %lu-byte page bitmap", bytes);
	pmem_init(&pm, (uint64_t *)(uintptr_t)at, bi->mem, bi->mem_count);
	pmem_reserve(&pm, at, bytes);
}

/* Hands boot-services memory to the allocator. */
void memory_reclaim_boot_services(const struct bootinfo *bi)
{
	pmem_release_type(&pm, bi->mem, bi->mem_count, MEM_BOOT_SERVICES);
}

/* Allocates n zeroed contiguous pages; NULL when out of memory. */
void *page_alloc(uint64_t n)
{
	void *p = page_alloc_dirty(n);

	if (p)
		memset(p, 0, n * PAGE_SIZE);
	return p;
}

/* Allocates n contiguous pages without zeroing them; NULL when out. */
void *page_alloc_dirty(uint64_t n)
{
	return (void *)(uintptr_t)pmem_alloc(&pm, n);
}

/* Frees n pages from page_alloc. */
void page_free(void *p, uint64_t n)
{
	pmem_free(&pm, (uint64_t)(uintptr_t)p, n);
}

/* Pages of RAM the kernel manages. */
uint64_t memory_total_pages(void)
{
	return pm.managed;
}

/* Pages free now. */
uint64_t memory_free_pages(void)
{
	return pm.free;
}
