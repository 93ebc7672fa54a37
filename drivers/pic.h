/*
 * The two legacy 8259 interrupt controllers, which the kernel does not
 * use: the I/O APIC takes the ISA IRQs instead.
 */
#ifndef DRIVERS_PIC_H
#define DRIVERS_PIC_H

/* The vectors the 8259s are moved to: 16 from here. */
#define PIC_VECTOR_BASE	0x20

/*
 * Moves the 8259s' vectors off the CPU exceptions to PIC_VECTOR_BASE (a
 * spurious IRQ 7 or 15 can still arrive there) and masks every input.
 */
void pic_disable(void);

#endif
