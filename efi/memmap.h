/*
 * The UEFI memory map turned into the kernel's sorted range list.
 */
#ifndef EFI_MEMMAP_H
#define EFI_MEMMAP_H

#include <stddef.h>
#include "efi/bootinfo.h"

/*
 * Converts the firmware's descriptors (map_size bytes, desc_size apart)
 * into at most max ranges, sorted by base with adjacent ranges of the same
 * kind merged.  Returns the number of ranges, or -1 when the map is
 * malformed (a descriptor size too small, overlapping ranges) or does not
 * fit.
 */
int memmap_convert(const void *map, size_t map_size, size_t desc_size,
    struct mem_range *out, size_t max);

#endif
