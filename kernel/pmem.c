/*
 * Bitmap physical page allocator (see kernel/pmem.h).
 */
#include "kernel/pmem.h"
#include "kernel/string.h"

static int is_ram(uint32_t type)
{
	return type == MEM_USABLE || type == MEM_BOOT_SERVICES ||
	    type == MEM_LOADER || type == MEM_ACPI_RECLAIM;
}

static uint64_t top_page(const struct mem_range *r, size_t n)
{
	uint64_t top = 0, end;
	size_t i;

	for (i = 0; i < n; i++) {
		end = r[i].base / PAGE_SIZE + r[i].pages;
		if (is_ram(r[i].type) && end > top)
			top = end;
	}
	return top;
}

static int test_bit(const struct pmem *pm, uint64_t p)
{
	return pm->bits[p / 64] >> (p % 64) & 1;
}

/* Counts the set bits of w (no popcnt: the kernel cannot assume it). */
static uint64_t bit_count(uint64_t w)
{
	w = w - (w >> 1 & 0x5555555555555555ull);
	w = (w & 0x3333333333333333ull) + (w >> 2 & 0x3333333333333333ull);
	w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return w * 0x0101010101010101ull >> 56;
}

/* Sets the bits of mask in word i to used (1) or free (0), keeping count. */
static void set_bits(struct pmem *pm, uint64_t i, uint64_t mask, int used)
{
	uint64_t changing = (used ? ~pm->bits[i] : pm->bits[i]) & mask;

	pm->bits[i] ^= changing;
	if (used)
		pm->free -= bit_count(changing);
	else
		pm->free += bit_count(changing);
}

/*
 * Sets pages [first, first + n) to used (1) or free (0), a word at a time:
 * the boot map covers every page of RAM, and a page at a time is slow
 * under emulation.
 */
static void set_range(struct pmem *pm, uint64_t first, uint64_t n, int used)
{
	uint64_t end = first + n, word_end, mask;

	if (end > pm->npages)
		end = pm->npages;
	while (first < end) {
		word_end = (first / 64 + 1) * 64;
		if (word_end > end)
			word_end = end;
		mask = word_end - first == 64 ? ~0ull :
		    ((1ull << (word_end - first)) - 1) << (first % 64);
		set_bits(pm, first / 64, mask, used);
		first = word_end;
	}
}

/* Bytes of bitmap needed for this memory map. */
size_t pmem_bitmap_bytes(const struct mem_range *r, size_t n)
{
	return (top_page(r, n) + 63) / 64 * 8;
}

/* Sets up pm: usable pages free, all others in use. */
void pmem_init(struct pmem *pm, uint64_t *bits, const struct mem_range *r,
    size_t n)
{
	size_t i;

	pm->bits = bits;
	pm->npages = top_page(r, n);
	pm->managed = 0;
	pm->free = 0;
	pm->hint = 0;
	memset(bits, 0xff, pmem_bitmap_bytes(r, n));
	for (i = 0; i < n; i++) {
		if (is_ram(r[i].type) && r[i].type != MEM_ACPI_RECLAIM)
			pm->managed += r[i].pages;
		if (r[i].type == MEM_USABLE)
			set_range(pm, r[i].base / PAGE_SIZE, r[i].pages, 0);
	}
	set_range(pm, 0, 1, 1);
}

/* Marks [base, base + bytes) in use. */
void pmem_reserve(struct pmem *pm, uint64_t base, uint64_t bytes)
{
	uint64_t first = base / PAGE_SIZE;
	uint64_t last = (base + bytes + PAGE_SIZE - 1) / PAGE_SIZE;

	set_range(pm, first, last - first, 1);
}

/* Frees every range of the given type. */
void pmem_release_type(struct pmem *pm, const struct mem_range *r, size_t n,
    uint32_t type)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (r[i].type == type)
			set_range(pm, r[i].base / PAGE_SIZE, r[i].pages, 0);
	set_range(pm, 0, 1, 1);
}

/* Length of the run of free pages starting at p, up to want. */
static uint64_t free_run(const struct pmem *pm, uint64_t p, uint64_t want)
{
	uint64_t n = 0;

	while (n < want && p + n < pm->npages && !test_bit(pm, p + n))
		n++;
	return n;
}

/* Allocates n contiguous pages; returns the physical address or 0. */
uint64_t pmem_alloc(struct pmem *pm, uint64_t n)
{
	uint64_t words = (pm->npages + 63) / 64, w, i, p, run;

	if (!n || n > pm->free)
		return 0;
	for (i = 0; i < words; i++) {
		w = (pm->hint + i) % words;
		if (pm->bits[w] == ~0ull)
			continue;
		for (p = w * 64; p < (w + 1) * 64 && p < pm->npages; p++) {
			if (test_bit(pm, p))
				continue;
			run = free_run(pm, p, n);
			if (run == n) {
				set_range(pm, p, n, 1);
				pm->hint = (p + n) / 64;
				return p * PAGE_SIZE;
			}
			p += run;
		}
	}
	return 0;
}

/* Returns n pages at base to the allocator. */
void pmem_free(struct pmem *pm, uint64_t base, uint64_t n)
{
	if (base / PAGE_SIZE == 0)
		return;
	set_range(pm, base / PAGE_SIZE, n, 0);
}
