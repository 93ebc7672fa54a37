/*
 * The kernel's physical memory: one page allocator over the boot memory
 * map.  RAM is identity mapped, so a physical address is also a pointer.
 */
#ifndef KERNEL_MEMORY_H
#define KERNEL_MEMORY_H

#include <stdint.h>
#include "efi/bootinfo.h"

/* Sets up the allocator from the boot map; panics when it cannot. */
void memory_init(const struct bootinfo *bi);
/* Hands boot-services memory to the allocator: call once nothing uses it. */
void memory_reclaim_boot_services(const struct bootinfo *bi);
/* Allocates n zeroed contiguous pages; returns NULL when out of memory. */
void *page_alloc(uint64_t n);
/*
 * Allocates n contiguous pages left as they are, for memory that is
 * written before it is read (a stack): zeroing megabytes costs boot time.
 */
void *page_alloc_dirty(uint64_t n);
/* Frees n pages from page_alloc. */
void page_free(void *p, uint64_t n);
/* Pages of RAM the kernel manages, and how many are free now. */
uint64_t memory_total_pages(void);
uint64_t memory_free_pages(void);

#endif
