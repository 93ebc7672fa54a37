/*
 * Fatal errors: print a message, then stop with a failure status.
 */
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

/* Exit status of a kernel that stopped on a fatal error (EX_SOFTWARE). */
#define PANIC_STATUS 70

/* Prints "panic: ...", a backtrace, then stops with PANIC_STATUS. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/*
 * Stops after a fatal error.  Under QEMU the status leaves through
 * isa-debug-exit; on a real machine the CPU halts so the report stays on
 * the screen.
 */
void stop_failed(int status) __attribute__((noreturn));

#endif
