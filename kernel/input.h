/*
 * Console input: one byte queue between the input drivers and the
 * terminal.  Drivers (the PS/2 keyboard, COM1's receiver) push the bytes
 * a terminal would send, escape sequences included; soil/tty.c pops them.
 * Interrupt handlers run only while the kernel idles, so producer and
 * consumer never run at once.
 */
#ifndef KERNEL_INPUT_H
#define KERNEL_INPUT_H

#include <stddef.h>

/* Bytes the queue holds; more are dropped until it drains. */
#define INPUT_QUEUE_SIZE	1024

/*
 * Queues n bytes.  Returns how many fit; the rest is dropped and the
 * first drop of a run says so on the console.
 */
size_t input_push(const char *buf, size_t n);

/* Takes up to n queued bytes, oldest first; returns how many. */
size_t input_pop(char *buf, size_t n);

#endif
