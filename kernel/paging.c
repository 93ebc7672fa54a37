/*
 * Page tables (see kernel/paging.h).  The identity map uses 2 MiB pages;
 * a 2 MiB page is split into 4 KiB pages only where permissions differ
 * inside it (page 0, the image, guard pages).
 */
#include "kernel/cpu.h"
#include "kernel/image.h"
#include "kernel/kprintf.h"
#include "kernel/memory.h"
#include "kernel/paging.h"
#include "kernel/panic.h"

#define PTE_PRESENT	(1ull << 0)
#define PTE_WRITE	(1ull << 1)
#define PTE_LARGE	(1ull << 7)
#define PTE_NX		(1ull << 63)
#define PTE_DATA	(PTE_PRESENT | PTE_WRITE | PTE_NX)
#define PTE_ADDR	0x000ffffffffff000ull
#define LARGE_PAGE	0x200000ull
#define GIB		0x40000000ull
/*
 * The identity map ends here: one PML4 entry maps 512 GiB, and the lower
 * half of a 4-level address space holds 128 TiB; 64 TiB keeps clear of it.
 */
#define MAP_LIMIT	(1ull << 46)

#define MSR_EFER	0xc0000080
#define EFER_NXE	(1ull << 11)
#define CR0_WP		(1ull << 16)

static uint64_t *pml4;

static uint64_t *new_table(void)
{
	uint64_t *t = page_alloc(1);

	if (!t)
		panic("paging: out of memory for page tables");
	return t;
}

/* Returns the table the entry e points to, creating it if absent. */
static uint64_t *next_table(uint64_t *e)
{
	uint64_t *t;

	if (!(*e & PTE_PRESENT)) {
		t = new_table();
		*e = (uint64_t)(uintptr_t)t | PTE_PRESENT | PTE_WRITE;
	}
	return (uint64_t *)(uintptr_t)(*e & PTE_ADDR);
}

/* Returns the page-directory entry that maps va. */
static uint64_t *pd_entry(uint64_t va)
{
	uint64_t *pdpt = next_table(&pml4[va >> 39 & 511]);
	uint64_t *pd = next_table(&pdpt[va >> 30 & 511]);

	return &pd[va >> 21 & 511];
}

/* Turns a 2 MiB mapping into 512 4 KiB ones with the same flags. */
static void split_large(uint64_t *pde)
{
	uint64_t *pt = new_table();
	uint64_t base = *pde & PTE_ADDR & ~(LARGE_PAGE - 1);
	uint64_t flags = *pde & ~PTE_ADDR & ~PTE_LARGE;
	int i;

	for (i = 0; i < 512; i++)
		pt[i] = (base + (uint64_t)i * 4096) | flags;
	*pde = (uint64_t)(uintptr_t)pt | PTE_PRESENT | PTE_WRITE;
}

static void invlpg(uint64_t va)
{
	__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

/* Sets the flags of the 4 KiB page at va; 0 unmaps it. */
static void paging_set_page(uint64_t va, uint64_t flags)
{
	uint64_t *pde = pd_entry(va), *pt;

	if ((*pde & (PTE_PRESENT | PTE_LARGE)) == (PTE_PRESENT | PTE_LARGE))
		split_large(pde);
	pt = next_table(pde);
	va &= ~0xfffull;
	pt[va >> 12 & 511] = flags ? va | flags : 0;
	invlpg(va);
}

/* Removes the page at va, making it a guard page. */
void paging_guard_page(uint64_t va)
{
	paging_set_page(va, 0);
}

static uint64_t map_top(const struct bootinfo *bi)
{
	uint64_t top = 4 * GIB, end;
	uint32_t i;

	for (i = 0; i < bi->mem_count; i++) {
		end = bi->mem[i].base + bi->mem[i].pages * 4096;
		if (end > top)
			top = end;
	}
	end = bi->fb.base + bi->fb.size;
	if (end > top)
		top = end;
	if (top > MAP_LIMIT) {
		kprintf("paging: memory above %lu TiB is not mapped\n",
		    (unsigned long)(MAP_LIMIT >> 40));
		top = MAP_LIMIT;
	}
	return (top + GIB - 1) & ~(GIB - 1);
}

/* Flags for a page of the image, by the section it lies in. */
static uint64_t image_flags(uint64_t va)
{
	if (va >= image_addr(_text) && va < image_addr(_etext))
		return PTE_PRESENT;
	if (va >= image_addr(_rodata) && va < image_addr(_erodata))
		return PTE_PRESENT | PTE_NX;
	return PTE_DATA;
}

/* Builds the tables and switches to them. */
void paging_init(const struct bootinfo *bi)
{
	uint64_t va, top = map_top(bi);

	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
	pml4 = new_table();
	for (va = 0; va < top; va += LARGE_PAGE)
		*pd_entry(va) = va | PTE_DATA | PTE_LARGE;
	for (va = bi->image_base; va < bi->image_base + bi->image_size;
	    va += 4096)
		paging_set_page(va, image_flags(va));
	paging_guard_page(0);
	paging_guard_page(bi->stack_bottom - 4096);
	write_cr3((uint64_t)(uintptr_t)pml4);
	__asm__ volatile("mov %%cr0, %%rax; or %0, %%rax; mov %%rax, %%cr0"
	    : : "i"(CR0_WP) : "rax");
}
