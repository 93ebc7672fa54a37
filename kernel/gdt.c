/*
 * GDT and TSS.  OVMF's IDT points at code selector 0x38 and data selector
 * 0x30, and a firmware interrupt could still arrive while we switch: the
 * table keeps valid 64-bit segments at those selectors too.
 */
#include <stdint.h>
#include "kernel/backtrace.h"
#include "kernel/gdt.h"
#include "kernel/memory.h"
#include "kernel/paging.h"
#include "kernel/panic.h"

#define IST_STACK_PAGES	4

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

#define SEG_CODE64	0x00af9a000000ffffull	/* present, ring 0, L=1 */
#define SEG_DATA	0x00cf92000000ffffull	/* present, ring 0, writable */
#define SEL_TSS		0x40

static struct tss tss;
static uint64_t gdt[10];

static void set_tss_descriptor(void)
{
	uint64_t base = (uint64_t)(uintptr_t)&tss, limit = sizeof(tss) - 1;

	gdt[SEL_TSS / 8] = (limit & 0xffff) | (base & 0xffffff) << 16 |
	    0x89ull << 40 | (limit >> 16 & 0xf) << 48 |
	    (base >> 24 & 0xff) << 56;
	gdt[SEL_TSS / 8 + 1] = base >> 32;
}

/* Allocates a stack with an unmapped guard page below; returns its top. */
static uint64_t alloc_stack(void)
{
	char *p = page_alloc(IST_STACK_PAGES + 1);
	uint64_t top;

	if (!p)
		panic("gdt: out of memory for interrupt stacks");
	paging_guard_page((uint64_t)(uintptr_t)p);
	top = (uint64_t)(uintptr_t)p + (IST_STACK_PAGES + 1) * 4096;
	backtrace_add_stack((uint64_t)(uintptr_t)p + 4096, top);
	return top;
}

/* Loads the GDT and TSS; allocates the IST stacks. */
void gdt_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) gdtr = { sizeof(gdt) - 1,
	    (uint64_t)(uintptr_t)gdt };
	int i;

	gdt[SEL_KERNEL_CODE / 8] = SEG_CODE64;
	gdt[SEL_KERNEL_DATA / 8] = SEG_DATA;
	gdt[0x30 / 8] = SEG_DATA;
	gdt[0x38 / 8] = SEG_CODE64;
	for (i = 0; i < IST_COUNT; i++)
		tss.ist[i] = alloc_stack();
	tss.iomap_base = sizeof(tss);
	set_tss_descriptor();

	__asm__ volatile(
	    "lgdt %0\n\t"
	    "pushq %1\n\t"
	    "leaq 1f(%%rip), %%rax\n\t"
	    "pushq %%rax\n\t"
	    "lretq\n"
	    "1:\n\t"
	    "mov %2, %%eax\n\t"
	    "mov %%eax, %%ds\n\t"
	    "mov %%eax, %%es\n\t"
	    "mov %%eax, %%ss\n\t"
	    "xor %%eax, %%eax\n\t"
	    "mov %%eax, %%fs\n\t"
	    "mov %%eax, %%gs\n\t"
	    "mov %3, %%eax\n\t"
	    "ltr %%ax"
	    : : "m"(gdtr), "i"(SEL_KERNEL_CODE), "i"(SEL_KERNEL_DATA),
	      "i"(SEL_TSS)
	    : "rax", "memory");
}
