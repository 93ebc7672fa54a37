/*
 * Formatted output for the kernel: %d %i %u %x %X %p %s %c %% with the
 * flags '-', '0', width, precision for strings, and the l, ll, z length
 * modifiers.  No floating point: kernel code runs with general registers
 * only.  kprintf writes to the console (serial and framebuffer).
 */
#ifndef KERNEL_KPRINTF_H
#define KERNEL_KPRINTF_H

#include <stdarg.h>
#include <stddef.h>

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
