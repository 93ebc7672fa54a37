/*
 * The program's standard streams as devices: where fds 0, 1 and 2 read
 * and write.  By default that is the console (screen and COM1); with
 * stdio=com2, stdout is COM2 and stderr COM3, raw, and stdin reads COM2.
 */
#ifndef SOIL_STDIO_H
#define SOIL_STDIO_H

#include <stdbool.h>
#include <stddef.h>

enum stdio_stream { STDIO_IN, STDIO_OUT, STDIO_ERR };

/* Chooses the devices; ports selects COM2/COM3. */
void stdio_init(bool ports);

/* Writes n bytes to stream (STDIO_OUT or STDIO_ERR); returns n. */
long stdio_write(enum stdio_stream stream, const void *buf, size_t n);

/*
 * Reads what COM2 has received (stdio=com2; the console's input is the
 * terminal's, soil/tty.h): at most n bytes, waiting for the first.  0x04
 * is the host's end of input: from then on every read returns 0.
 * -EINTR when a signal comes while it waits.
 */
long stdio_read(void *buf, size_t n);

/* Whether stdio_read would return without waiting (for poll). */
bool stdio_readable(void);

#endif
