/*
 * 16550 UART driver: output polled, COM1's input also by IRQ 4.
 * Register layout from the 16550D datasheet: THR/RBR at +0, IER +1,
 * FCR +2, LCR +3, MCR +4, LSR +5, scratch +7; DLL/DLM at +0/+1 while
 * LCR.DLAB is set.
 */
#include <stdint.h>
#include "drivers/irq.h"
#include "drivers/serial.h"
#include "kernel/cpu.h"
#include "kernel/idle.h"
#include "kernel/input.h"

#define REG_DATA	0
#define REG_IER		1
#define REG_FCR		2
#define REG_LCR		3
#define REG_MCR		4
#define REG_LSR		5
#define REG_SCRATCH	7

#define IER_RX_DATA	0x01
#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define LSR_DATA_READY	0x01
#define LSR_THR_EMPTY	0x20
#define MCR_DTR_RTS_OUT2 0x0b

/* 115200 baud from the 1.8432 MHz reference clock. */
#define DIVISOR_115200	1
#define COM1_IRQ	4
/* Spins this many times for the transmitter before giving up on a byte. */
#define TX_SPIN_LIMIT	100000
/* Bytes one poll takes at most: a UART stuck with data ready cannot hang it. */
#define RX_POLL_LIMIT	256

static struct serial console_port;

/* Sets the UART at base to 115200 8N1; see drivers/serial.h. */
int serial_open(struct serial *s, uint16_t base, bool crlf)
{
	s->base = base;
	s->crlf = crlf;
	s->present = false;
	/* A missing UART reads back 0xff from every port. */
	outb(base + REG_SCRATCH, 0x5a);
	if (inb(base + REG_SCRATCH) != 0x5a)
		return -1;
	outb(base + REG_IER, 0);
	outb(base + REG_LCR, LCR_DLAB);
	outb(base + REG_DATA, DIVISOR_115200 & 0xff);
	outb(base + REG_IER, DIVISOR_115200 >> 8);
	outb(base + REG_LCR, LCR_8N1);
	outb(base + REG_FCR, 0x07);	/* enable and clear both FIFOs */
	outb(base + REG_MCR, MCR_DTR_RTS_OUT2);
	s->present = true;
	return 0;
}

/*
 * Sends one byte once the transmitter has room, or after TX_SPIN_LIMIT
 * polls: a port that never drains must not hang the console.
 */
static void put_byte(uint16_t base, uint8_t c)
{
	int spin;

	for (spin = 0; spin < TX_SPIN_LIMIT; spin++)
		if (inb(base + REG_LSR) & LSR_THR_EMPTY)
			break;
	outb(base + REG_DATA, c);
}

/* Writes n bytes; does nothing without a UART. */
void serial_put(const struct serial *s, const char *buf, size_t n)
{
	if (!s->present)
		return;
	for (; n; n--, buf++) {
		if (*buf == '\n' && s->crlf)
			put_byte(s->base, '\r');
		put_byte(s->base, (uint8_t)*buf);
	}
}

/* Returns the next received byte, or -1 when none is waiting. */
int serial_getc(const struct serial *s)
{
	if (!s->present || !(inb(s->base + REG_LSR) & LSR_DATA_READY))
		return -1;
	return inb(s->base + REG_DATA);
}

/* Raises the UART's interrupt while received data waits. */
void serial_rx_interrupts(const struct serial *s)
{
	if (s->present)
		outb(s->base + REG_IER, IER_RX_DATA);
}

/* Sets up COM1 as the console; returns 0, or -1 when no UART answers. */
int serial_init(void)
{
	return serial_open(&console_port, COM1, true);
}

/* Writes n bytes to the console port. */
void serial_write(const char *buf, size_t n)
{
	serial_put(&console_port, buf, n);
}

/* The next byte received on the console port, or -1. */
int serial_read_byte(void)
{
	return serial_getc(&console_port);
}

/* Moves what COM1 received into the console input queue. */
static void console_poll(void)
{
	char c;
	int i, b;

	for (i = 0; i < RX_POLL_LIMIT && (b = serial_read_byte()) >= 0; i++) {
		c = (char)b;
		input_push(&c, 1);
	}
}

/* IRQ 4: COM1 received data; reading it clears the interrupt. */
static void on_irq(void *arg)
{
	(void)arg;
	console_poll();
}

/* Feeds COM1's input to the console; see drivers/serial.h. */
int serial_console_input(void)
{
	if (!console_port.present)
		return -1;
	idle_add_poller(console_poll);
	if (irq_register(COM1_IRQ, on_irq, NULL) < 0)
		return 1;
	outb(console_port.base + REG_IER, IER_RX_DATA);
	return 0;
}
