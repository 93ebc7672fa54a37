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
 * Reads what the stream's device has received, at most n bytes and at
 * most one line, waiting for the first byte.  Ctrl-D (0x04) ends the
 * read: on the console it ends the line, and at the start of a line is
 * end of file (0), as a terminal in canonical mode has it; on COM2 it is
 * the host's end of input, and every later read returns 0.
 */
long stdio_read(void *buf, size_t n);

#endif
