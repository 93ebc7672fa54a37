/*
 * Names of the Linux x86-64 syscalls, for the one-time "not supported"
 * message.  The table is generated at build time from the Linux uapi
 * header <asm/unistd_64.h> (runtime/rules.mk), so it cannot drift.
 */
#include <stddef.h>
#include "runtime/syscall.h"

static const char *const names[] = {
#include "syscall_names.inc"
};

/* The name of syscall nr, or NULL. */
const char *syscall_name(unsigned long nr)
{
	return nr < sizeof(names) / sizeof(names[0]) ? names[nr] : NULL;
}
