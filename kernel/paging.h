/*
 * The kernel's page tables: all RAM and device memory identity mapped,
 * page 0 absent, the image's code read-only and executable, everything
 * else no-execute.
 */
#ifndef KERNEL_PAGING_H
#define KERNEL_PAGING_H

#include <stdint.h>
#include "efi/bootinfo.h"

#define PTE_PRESENT	(1ull << 0)
#define PTE_WRITE	(1ull << 1)
#define PTE_NX		(1ull << 63)
#define PTE_DATA	(PTE_PRESENT | PTE_WRITE | PTE_NX)

/* Builds the tables and switches to them; panics when out of memory. */
void paging_init(const struct bootinfo *bi);
/* Sets the flags of the 4 KiB page at va (identity mapped); 0 unmaps it. */
void paging_set_page(uint64_t va, uint64_t flags);
/* Removes the page at va, making it a guard page. */
void paging_guard_page(uint64_t va);

#endif
