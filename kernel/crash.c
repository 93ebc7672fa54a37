/*
 * Deliberate faults (see kernel/crash.h).  Each lives in a function of
 * its own, not inlined, so the backtrace has a known name to show.
 */
#include <stdint.h>
#include "kernel/crash.h"
#include "kernel/kprintf.h"

/* Volatile so the compiler cannot see the fault coming and remove it. */
static volatile uintptr_t null_address;
static volatile int zero;
static volatile int forever = 1;
static volatile int sink;

__attribute__((noinline)) static int crash_null_deref(void)
{
	return *(volatile int *)null_address;
}

__attribute__((noinline)) static void crash_divide_by_zero(void)
{
	sink = 1000 / zero;
}

__attribute__((noinline)) static void crash_write_text(void)
{
	*(volatile uint8_t *)(uintptr_t)&crash_on_purpose = 0xcc;
}

__attribute__((noinline)) static int crash_recurse(int depth)
{
	volatile char pad[256];

	pad[0] = (char)depth;
	if (!forever)
		return pad[0];
	return crash_recurse(depth + 1) + pad[0];
}

/* Faults the way kind says; returns only for CRASH_NONE. */
void crash_on_purpose(enum crash_kind kind)
{
	switch (kind) {
	case CRASH_NONE:
		return;
	case CRASH_NULL:
		kprintf("crash: reading through a null pointer\n");
		crash_null_deref();
		break;
	case CRASH_DIVIDE:
		kprintf("crash: dividing by zero\n");
		crash_divide_by_zero();
		break;
	case CRASH_TEXT_WRITE:
		kprintf("crash: writing into kernel code\n");
		crash_write_text();
		break;
	case CRASH_STACK:
		kprintf("crash: recursing off the end of the stack\n");
		crash_recurse(0);
		break;
	}
	kprintf("crash: the fault did not happen\n");
}
