/* UEFI memory map conversion: types, sorting, merging, bad maps. */
#include <stdint.h>
#include <string.h>
#include "efi/memmap.h"
#include "tests/unit/check.h"

/* Firmware descriptors are often larger than the spec's struct. */
struct desc48 {
	uint32_t type, pad;
	uint64_t phys, virt, pages, attr;
	uint64_t extra;
};

int main(void)
{
	struct desc48 d[] = {
		{ 7, 0, 0x100000, 0, 16, 0, 0 },	/* conventional */
		{ 4, 0, 0x200000, 0, 4, 0, 0 },		/* BS data */
		{ 3, 0, 0x204000, 0, 4, 0, 0 },		/* BS code, merges */
		{ 7, 0, 0x000000, 0, 160, 0, 0 },	/* out of order */
		{ 7, 0, 0x110000, 0, 16, 0, 0 },	/* merges with first */
		{ 11, 0, 0xfee00000, 0, 1, 0, 0 },	/* MMIO */
		{ 9, 0, 0x300000, 0, 2, 0, 0 },		/* ACPI reclaim */
		{ 10, 0, 0x302000, 0, 2, 0, 0 },	/* NVS */
		{ 2, 0, 0x400000, 0, 0, 0, 0 },		/* empty: dropped */
		{ 99, 0, 0x500000, 0, 1, 0, 0 },	/* unknown type */
	};
	struct mem_range r[16];
	int n;

	n = memmap_convert(d, sizeof(d), sizeof(d[0]), r, 16);
	CHECK(n == 7);
	CHECK(r[0].base == 0 && r[0].pages == 160 && r[0].type == MEM_USABLE);
	CHECK(r[1].base == 0x100000 && r[1].pages == 32 && r[1].type == MEM_USABLE);
	CHECK(r[2].base == 0x200000 && r[2].pages == 8 &&
	    r[2].type == MEM_BOOT_SERVICES);
	CHECK(r[3].type == MEM_ACPI_RECLAIM && r[4].type == MEM_FIRMWARE);
	CHECK(r[5].base == 0x500000 && r[5].type == MEM_FIRMWARE);
	CHECK(r[6].type == MEM_MMIO);

	CHECK(memmap_convert(d, sizeof(d), 24, r, 16) == -1);
	CHECK(memmap_convert(d, sizeof(d), sizeof(d[0]), r, 3) == -1);
	d[4].phys = 0x108000;	/* overlaps the first range */
	CHECK(memmap_convert(d, sizeof(d), sizeof(d[0]), r, 16) == -1);
	d[4].phys = 0x110001;	/* not page aligned */
	CHECK(memmap_convert(d, sizeof(d), sizeof(d[0]), r, 16) == -1);
	d[4].phys = 0xfffffffffffff000ull;	/* wraps around */
	CHECK(memmap_convert(d, sizeof(d), sizeof(d[0]), r, 16) == -1);
	CHECK(memmap_convert(d, 0, sizeof(d[0]), r, 16) == 0);
	return check_report("memmap");
}
