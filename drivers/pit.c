/*
 * The 8254 PIT's channel 2 as a free-running counter: the one reference
 * clock a PC has without ACPI.  Channel 2's gate is port 0x61 bit 0, so it
 * can count without touching channel 0 or the speaker.
 */
#include "drivers/refclock.h"
#include "kernel/cpu.h"

#define PIT_HZ		1193182
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PORT_B		0x61

#define PORTB_GATE2	0x01
#define PORTB_SPEAKER	0x02

/* Channel 2, low then high byte, mode 2 (rate generator), binary. */
#define CMD_CH2_MODE2	0xb4
#define CMD_CH2_LATCH	0x80

/* The PIT counts down; this returns a count going up, modulo 2^16. */
static uint64_t pit_read(void)
{
	uint8_t lo, hi;

	outb(PIT_CMD, CMD_CH2_LATCH);
	lo = inb(PIT_CH2);
	hi = inb(PIT_CH2);
	return (uint16_t)-(lo | hi << 8);
}

int pit_probe(struct refclock *rc)
{
	/* Gate on, speaker off; reload value 0 means 65536. */
	outb(PORT_B, (inb(PORT_B) & ~PORTB_SPEAKER) | PORTB_GATE2);
	outb(PIT_CMD, CMD_CH2_MODE2);
	outb(PIT_CH2, 0);
	outb(PIT_CH2, 0);
	rc->name = "PIT channel 2";
	rc->hz = PIT_HZ;
	rc->mask = 0xffff;
	rc->read = pit_read;
	return 0;
}
