/*
 * panic and the stop after a fatal error (see kernel/panic.h).
 */
#include <stdarg.h>
#include "drivers/power.h"
#include "kernel/backtrace.h"
#include "kernel/console.h"
#include "kernel/cpu.h"
#include "kernel/kprintf.h"
#include "kernel/panic.h"

/* Prints "panic: ...", a backtrace, then stops with PANIC_STATUS. */
void panic(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	kprintf("\npanic: %s\n", buf);
	/* Start the trace at our caller, through our saved frame pointer. */
	backtrace_print((uint64_t)(uintptr_t)__builtin_return_address(0) - 1,
	    *(uint64_t *)__builtin_frame_address(0));
	stop_failed(PANIC_STATUS);
}

/* Stops after a fatal error; see kernel/panic.h. */
void stop_failed(int status)
{
	if (power_is_qemu())
		power_off(status);
	kprintf("system halted (status %d); press the reset button\n", status);
	cpu_halt_forever();
}
