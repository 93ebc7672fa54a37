/*
 * The standard streams' devices (see soil/stdio.h).  Input is polled:
 * until the kernel has an idle loop with interrupts, a read spins.
 */
#include "drivers/serial.h"
#include "kernel/console.h"
#include "kernel/cpu.h"
#include "soil/stdio.h"

#define END_OF_FILE	0x04	/* Ctrl-D */

static bool use_ports;
static bool input_ended;	/* COM2 sent its end of input */
static struct serial out_port, err_port;

/* Chooses the devices; see soil/stdio.h. */
void stdio_init(bool ports)
{
	use_ports = ports;
	if (ports) {
		serial_open(&out_port, COM2, false);
		serial_open(&err_port, COM3, false);
	}
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

static int next_byte(void)
{
	return use_ports ? serial_getc(&out_port) : serial_read_byte();
}

/* Reads up to a line; see soil/stdio.h. */
long stdio_read(void *buf, size_t n)
{
	char *p = buf;
	size_t got = 0;
	int c;

	if (!n || input_ended)
		return 0;
	while ((c = next_byte()) < 0)
		cpu_relax();
	for (;;) {
		if (c == END_OF_FILE) {
			/* A stream from the host ends for good, a terminal's
			   line only. */
			input_ended = use_ports;
			break;
		}
		p[got++] = (char)c;
		if (c == '\n' || got == n)
			break;
		while ((c = next_byte()) < 0)
			cpu_relax();
	}
	return (long)got;
}
