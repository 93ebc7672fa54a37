/*
 * The console input queue (see kernel/input.h): a ring of bytes with
 * free-running head and tail counters.
 */
#include <stdbool.h>
#include "kernel/input.h"
#include "kernel/kprintf.h"

static char queue[INPUT_QUEUE_SIZE];
static size_t head, tail;	/* pop at head, push at tail */
static bool dropping;		/* the last push did not fit */

/* Queues what fits; see kernel/input.h. */
size_t input_push(const char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n && tail - head < INPUT_QUEUE_SIZE; i++)
		queue[tail++ % INPUT_QUEUE_SIZE] = buf[i];
	if (i < n && !dropping)
		kprintf("input: queue full, typed input dropped until the "
		    "program reads\n");
	dropping = i < n;
	return i;
}

/* Takes the oldest bytes; see kernel/input.h. */
size_t input_pop(char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n && head != tail; i++)
		buf[i] = queue[head++ % INPUT_QUEUE_SIZE];
	return i;
}
