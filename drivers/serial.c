/*
 * 16550 UART driver (COM1, polled).  Register layout from the 16550D
 * datasheet: THR/RBR at +0, IER +1, FCR +2, LCR +3, MCR +4, LSR +5,
 * scratch +7; DLL/DLM at +0/+1 while LCR.DLAB is set.
 */
#include <stdbool.h>
#include <stdint.h>
#include "drivers/serial.h"
#include "kernel/cpu.h"

#define COM1		0x3f8
#define REG_DATA	0
#define REG_IER		1
#define REG_FCR		2
#define REG_LCR		3
#define REG_MCR		4
#define REG_LSR		5
#define REG_SCRATCH	7

#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define LSR_THR_EMPTY	0x20
#define MCR_DTR_RTS_OUT2 0x0b

/* 115200 baud from the 1.8432 MHz reference clock. */
#define DIVISOR_115200	1

/* Spins this many times for the transmitter before giving up on a byte. */
#define TX_SPIN_LIMIT	100000

static bool present;

/* Sets COM1 to 115200 8N1; returns 0, or -1 when no UART answers. */
int serial_init(void)
{
	/* A missing UART reads back 0xff from every port. */
	outb(COM1 + REG_SCRATCH, 0x5a);
	if (inb(COM1 + REG_SCRATCH) != 0x5a)
		return -1;
	outb(COM1 + REG_IER, 0);
	outb(COM1 + REG_LCR, LCR_DLAB);
	outb(COM1 + REG_DATA, DIVISOR_115200 & 0xff);
	outb(COM1 + REG_IER, DIVISOR_115200 >> 8);
	outb(COM1 + REG_LCR, LCR_8N1);
	outb(COM1 + REG_FCR, 0x07);	/* enable and clear both FIFOs */
	outb(COM1 + REG_MCR, MCR_DTR_RTS_OUT2);
	present = true;
	return 0;
}

static void put_byte(uint8_t c)
{
	int spin;

	for (spin = 0; spin < TX_SPIN_LIMIT; spin++)
		if (inb(COM1 + REG_LSR) & LSR_THR_EMPTY)
			break;
	outb(COM1 + REG_DATA, c);
}

/* Writes n bytes, turning "\n" into "\r\n"; does nothing without a UART. */
void serial_write(const char *s, size_t n)
{
	if (!present)
		return;
	for (; n; n--, s++) {
		if (*s == '\n')
			put_byte('\r');
		put_byte((uint8_t)*s);
	}
}
