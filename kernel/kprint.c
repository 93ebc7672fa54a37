/*
 * kprintf: formatted output to the kernel console.
 */
#include "kernel/console.h"
#include "kernel/kprintf.h"

/* Prints to the console; lines longer than the buffer are cut. */
int kprintf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
	return n;
}
