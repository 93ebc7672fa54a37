/*
 * The standard streams' devices (see soil/stdio.h).  COM2 input is a byte
 * stream from the host that a 0x04 ends; readers wait in the idle loop,
 * woken by COM2's interrupt (IRQ 3).
 */
#include <asm-generic/errno.h>
#include "drivers/irq.h"
#include "drivers/serial.h"
#include "kernel/console.h"
#include "soil/stdio.h"
#include "soil/timeout.h"
#include "soil/wait.h"

#define COM2_IRQ	3
#define END_OF_INPUT	0x04	/* what terrarium run sends after stdin */

static bool use_ports;
static bool input_ended;	/* COM2 sent its end of input */
static int held = -1;		/* a byte taken from COM2, not yet read */
static struct serial out_port, err_port;

/* COM2's interrupt only ends the idle loop's halt; readers drain it. */
static void wake(void *arg)
{
	(void)arg;
}

/* Chooses the devices; see soil/stdio.h. */
void stdio_init(bool ports)
{
	use_ports = ports;
	if (!ports)
		return;
	serial_open(&out_port, COM2, false);
	serial_open(&err_port, COM3, false);
	if (irq_register(COM2_IRQ, wake, NULL) == 0)
		serial_rx_interrupts(&out_port);
}

/* Writes n bytes to stream; see soil/stdio.h. */
long stdio_write(enum stdio_stream stream, const void *buf, size_t n)
{
	if (use_ports)
		serial_put(stream == STDIO_ERR ? &err_port : &out_port, buf, n);
	else
		console_write(buf, n);
	return (long)n;
}

/* Whether a byte from COM2 waits in held (taking one if there is). */
static bool byte_ready(void *arg)
{
	(void)arg;
	if (held < 0)
		held = serial_getc(&out_port);
	return held >= 0;
}

/* Whether a read would not wait; see soil/stdio.h. */
bool stdio_readable(void)
{
	return input_ended || byte_ready(NULL);
}

/* Reads what COM2 has received; see soil/stdio.h. */
long stdio_read(void *buf, size_t n)
{
	char *p = buf;
	size_t got = 0;
	int r;

	if (!n || input_ended)
		return 0;
	r = soil_wait(TIMEOUT_FOREVER, byte_ready, NULL);
	if (r < 0)
		return r;
	while (got < n && byte_ready(NULL)) {
		if (held == END_OF_INPUT) {
			input_ended = true;
			break;
		}
		p[got++] = (char)held;
		held = -1;
	}
	return (long)got;
}
