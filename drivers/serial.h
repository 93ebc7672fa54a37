/*
 * 16550 UARTs, polled (COM1's input also by interrupt).  COM1 is the
 * console every machine and QEMU has; COM2 and COM3 carry a program's
 * stdout and stderr when the command line asks for it (stdio=com2), so
 * a host can tell them apart.
 */
#ifndef DRIVERS_SERIAL_H
#define DRIVERS_SERIAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define COM1	0x3f8
#define COM2	0x2f8
#define COM3	0x3e8

struct serial {
	uint16_t base;		/* I/O port of the UART's first register */
	bool present;		/* a UART answered at base */
	bool crlf;		/* turn "\n" into "\r\n" (a terminal) */
};

/*
 * Sets the UART at base to 115200 8N1.  Returns 0, or -1 when no UART
 * answers (writes to s are then dropped and reads find nothing).
 */
int serial_open(struct serial *s, uint16_t base, bool crlf);

/* Writes n bytes. */
void serial_put(const struct serial *s, const char *buf, size_t n);

/* Returns the next received byte, or -1 when none is waiting. */
int serial_getc(const struct serial *s);

/*
 * Raises the UART's interrupt while received data waits; the caller has
 * registered a handler for its IRQ (which may only wake the idle loop:
 * reading the data clears the interrupt).
 */
void serial_rx_interrupts(const struct serial *s);

/* The console port, COM1 with CRLF line ends. */
int serial_init(void);
void serial_write(const char *buf, size_t n);
/* The next byte received on the console port, or -1. */
int serial_read_byte(void);
/*
 * From now on what the console port receives goes to the console input
 * queue (kernel/input.h), through its IRQ and an idle poller.  Returns
 * 0; 1 when IRQ 4 could not be routed, so only the poller takes the
 * bytes and a waiter must wake up now and then to run it; -1 without a
 * UART.
 */
int serial_console_input(void);

#endif
