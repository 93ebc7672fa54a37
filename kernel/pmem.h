/*
 * Physical page allocator: a bitmap with one bit per 4 KiB page from
 * address 0 to the top of RAM, set when the page is in use.  Pure logic
 * over the memory map; kernel/memory.c places it in RAM.
 */
#ifndef KERNEL_PMEM_H
#define KERNEL_PMEM_H

#include <stddef.h>
#include <stdint.h>
#include "efi/bootinfo.h"

#define PAGE_SIZE 4096

struct pmem {
	uint64_t *bits;		/* npages bits, 1 = in use */
	uint64_t npages;	/* pages the bitmap covers */
	uint64_t managed;	/* pages that are RAM we may hand out one day */
	uint64_t free;		/* pages free now */
	uint64_t hint;		/* word to start the next search at */
};

/* Bytes of bitmap needed for this memory map. */
size_t pmem_bitmap_bytes(const struct mem_range *r, size_t n);

/*
 * Sets up pm over bits (pmem_bitmap_bytes long): MEM_USABLE pages free,
 * everything else in use.  Page 0 is never handed out.
 */
void pmem_init(struct pmem *pm, uint64_t *bits, const struct mem_range *r,
    size_t n);

/* Marks [base, base + bytes) in use (rounded out to whole pages). */
void pmem_reserve(struct pmem *pm, uint64_t base, uint64_t bytes);

/* Frees every range of the given type (e.g. boot-services memory). */
void pmem_release_type(struct pmem *pm, const struct mem_range *r, size_t n,
    uint32_t type);

/* Allocates n contiguous pages; returns the physical address or 0. */
uint64_t pmem_alloc(struct pmem *pm, uint64_t n);

/* Returns n pages at base to the allocator. */
void pmem_free(struct pmem *pm, uint64_t base, uint64_t n);

#endif
