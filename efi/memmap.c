/*
 * UEFI memory map to struct mem_range (see efi/memmap.h).  The
 * descriptor layout and type numbers are those of the UEFI specification
 * (EFI_MEMORY_DESCRIPTOR, EFI_MEMORY_TYPE); descriptors may be larger than
 * the struct we know, hence desc_size.
 */
#include <stdint.h>
#include "efi/memmap.h"
#include "kernel/string.h"

struct efi_desc {
	uint32_t type;
	uint32_t pad;
	uint64_t phys;
	uint64_t virt;
	uint64_t pages;
	uint64_t attr;
};

static uint32_t kind_of(uint32_t efi_type)
{
	switch (efi_type) {
	case 1: case 2:		/* loader code, data */
		return MEM_LOADER;
	case 3: case 4:		/* boot services code, data */
		return MEM_BOOT_SERVICES;
	case 7:			/* conventional */
		return MEM_USABLE;
	case 8:			/* unusable */
		return MEM_UNUSABLE;
	case 9:			/* ACPI reclaim */
		return MEM_ACPI_RECLAIM;
	case 11: case 12:	/* MMIO, MMIO port space */
		return MEM_MMIO;
	default:		/* reserved, runtime, NVS, PAL, persistent, unknown */
		return MEM_FIRMWARE;
	}
}

/* Sorts by base (insertion sort: maps hold a few hundred entries at most). */
static void sort_ranges(struct mem_range *r, size_t n)
{
	struct mem_range t;
	size_t i, j;

	for (i = 1; i < n; i++) {
		t = r[i];
		for (j = i; j > 0 && r[j - 1].base > t.base; j--)
			r[j] = r[j - 1];
		r[j] = t;
	}
}

/* Converts the firmware map; see efi/memmap.h. */
int memmap_convert(const void *map, size_t map_size, size_t desc_size,
    struct mem_range *out, size_t max)
{
	const unsigned char *p = map;
	struct efi_desc d;
	size_t n = 0, i, m;

	if (desc_size < sizeof(d))
		return -1;
	for (; map_size >= desc_size; p += desc_size, map_size -= desc_size) {
		memcpy(&d, p, sizeof(d));
		if (!d.pages)
			continue;
		if (d.phys & 0xfff || d.pages > (UINT64_MAX - d.phys) >> 12)
			return -1;
		if (n == max)
			return -1;
		out[n].base = d.phys;
		out[n].pages = d.pages;
		out[n].type = kind_of(d.type);
		out[n].pad = 0;
		n++;
	}
	sort_ranges(out, n);
	for (i = 0, m = 0; i < n; i++) {
		if (m && out[m - 1].base + out[m - 1].pages * 4096 > out[i].base)
			return -1;
		if (m && out[m - 1].type == out[i].type &&
		    out[m - 1].base + out[m - 1].pages * 4096 == out[i].base) {
			out[m - 1].pages += out[i].pages;
			continue;
		}
		out[m++] = out[i];
	}
	return (int)m;
}
