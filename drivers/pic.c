/*
 * Masking the 8259 pair (Intel 8259A datasheet).  Firmware may leave them
 * at any vectors, even the CPU exceptions' (the BIOS default is 8-15), so
 * they are initialised again with vectors of their own before the mask:
 * a masked 8259 can still raise a spurious IRQ 7 or 15.
 */
#include "drivers/pic.h"
#include "kernel/cpu.h"

#define MASTER_CMD	0x20
#define MASTER_DATA	0x21
#define SLAVE_CMD	0xa0
#define SLAVE_DATA	0xa1
#define ICW1_INIT	0x11	/* edge, cascade, ICW4 follows */
#define ICW3_MASTER	0x04	/* the slave hangs on IRQ 2 */
#define ICW3_SLAVE	0x02	/* its cascade identity */
#define ICW4_8086	0x01
#define MASK_ALL	0xff
/* An unused port: a write to it gives an old 8259 time to settle. */
#define DELAY_PORT	0x80

/* Writes v to port, then gives the 8259 time before the next write. */
static void out_slow(uint16_t port, uint8_t v)
{
	outb(port, v);
	outb(DELAY_PORT, 0);
}

/* Re-initialises both 8259s at PIC_VECTOR_BASE, all inputs masked. */
void pic_disable(void)
{
	out_slow(MASTER_CMD, ICW1_INIT);
	out_slow(SLAVE_CMD, ICW1_INIT);
	out_slow(MASTER_DATA, PIC_VECTOR_BASE);
	out_slow(SLAVE_DATA, PIC_VECTOR_BASE + 8);
	out_slow(MASTER_DATA, ICW3_MASTER);
	out_slow(SLAVE_DATA, ICW3_SLAVE);
	out_slow(MASTER_DATA, ICW4_8086);
	out_slow(SLAVE_DATA, ICW4_8086);
	out_slow(MASTER_DATA, MASK_ALL);
	out_slow(SLAVE_DATA, MASK_ALL);
}
