/* The page allocator over a made-up memory map. */
#include <stdlib.h>
#include "kernel/pmem.h"
#include "tests/unit/check.h"

#define MIB (1024 * 1024ull)

static const struct mem_range map[] = {
	{ 0, 160, MEM_USABLE, 0 },		/* 0 .. 640 KiB, page 0 included */
	{ 0xa0000, 96, MEM_FIRMWARE, 0 },
	{ 1 * MIB, 256, MEM_USABLE, 0 },	/* 1 MiB .. 2 MiB */
	{ 2 * MIB, 256, MEM_BOOT_SERVICES, 0 },	/* 2 MiB .. 3 MiB */
	{ 3 * MIB, 16, MEM_LOADER, 0 },
	{ 4 * MIB, 16, MEM_ACPI_RECLAIM, 0 },
	{ 0xfee00000, 1, MEM_MMIO, 0 },
};
#define NMAP (sizeof(map) / sizeof(map[0]))

static int in_type(uint64_t a, uint32_t type)
{
	size_t i;

	for (i = 0; i < NMAP; i++)
		if (map[i].type == type && a >= map[i].base &&
		    a < map[i].base + map[i].pages * PAGE_SIZE)
			return 1;
	return 0;
}

int main(void)
{
	struct pmem pm;
	uint64_t *bits, a, b, big, prev_free;
	int bad = 0, n = 0;

	/* 4 MiB + 16 pages = 1040 pages, in whole 64-bit words. */
	CHECK(pmem_bitmap_bytes(map, NMAP) == (1040 + 63) / 64 * 8);
	bits = malloc(pmem_bitmap_bytes(map, NMAP));
	pmem_init(&pm, bits, map, NMAP);
	CHECK(pm.managed == 160 + 256 + 256 + 16);
	CHECK(pm.free == 159 + 256);

	/* Every page handed out is usable RAM, never page 0, never twice. */
	while ((a = pmem_alloc(&pm, 1))) {
		if (!in_type(a, MEM_USABLE) || a == 0 || a % PAGE_SIZE)
			bad++;
		n++;
	}
	CHECK(bad == 0);
	CHECK(n == 159 + 256);
	CHECK(pm.free == 0);

	/* Boot-services memory becomes available after the reclaim. */
	pmem_release_type(&pm, map, NMAP, MEM_BOOT_SERVICES);
	CHECK(pm.free == 256);
	big = pmem_alloc(&pm, 256);
	CHECK(big == 2 * MIB);
	CHECK(pmem_alloc(&pm, 1) == 0);

	/* Freed pages come back, contiguously when asked. */
	pmem_free(&pm, big + 10 * PAGE_SIZE, 20);
	CHECK(pm.free == 20);
	CHECK(pmem_alloc(&pm, 21) == 0);
	a = pmem_alloc(&pm, 20);
	CHECK(a == big + 10 * PAGE_SIZE);
	pmem_free(&pm, 0, 1);
	CHECK(pm.free == 0);

	/* A reservation takes pages out of the free pool. */
	pmem_init(&pm, bits, map, NMAP);
	prev_free = pm.free;
	pmem_reserve(&pm, 1 * MIB + 100, 2 * PAGE_SIZE);
	CHECK(pm.free == prev_free - 3);
	b = pmem_alloc(&pm, 256);
	CHECK(b == 0);
	free(bits);
	return check_report("pmem");
}
