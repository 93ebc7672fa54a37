/*
 * The kernel's page tables: all RAM and device memory identity mapped,
 * page 0 absent, the image's code read-only and executable, everything
 * else no-execute.
 */
#ifndef KERNEL_PAGING_H
#define KERNEL_PAGING_H

#include <stdint.h>
#include "efi/bootinfo.h"

/* Builds the tables and switches to them; panics when out of memory. */
void paging_init(const struct bootinfo *bi);
/* Removes the page at va, making it a guard page. */
void paging_guard_page(uint64_t va);

#endif
