/*
 * 16550 UART on COM1: the console every machine and QEMU has.
 */
#ifndef DRIVERS_SERIAL_H
#define DRIVERS_SERIAL_H

#include <stddef.h>

/* Sets COM1 to 115200 8N1; returns 0, or -1 when no UART answers. */
int serial_init(void);
/* Writes n bytes, turning "\n" into "\r\n"; does nothing without a UART. */
void serial_write(const char *s, size_t n);

#endif
