/*
 * Segments: the kernel's GDT and the TSS that holds the IST stacks.
 */
#ifndef KERNEL_GDT_H
#define KERNEL_GDT_H

#define SEL_KERNEL_CODE	0x08
#define SEL_KERNEL_DATA	0x10

/* Interrupt stack table slots; each vector class gets its own stack. */
#define IST_EXCEPTION	1
#define IST_PAGE_FAULT	2
#define IST_DOUBLE_FAULT 3
#define IST_NMI		4
#define IST_MACHINE_CHECK 5
#define IST_IRQ		6	/* device, timer and APIC interrupts */
#define IST_COUNT	6

/* Loads the GDT and TSS; allocates the IST stacks with guard pages. */
#ifndef __ASSEMBLER__
void gdt_init(void);
#endif

#endif
