/*
 * Backtraces from frame pointers, with function names from the image's
 * own symbol table (kernel/ksyms.h).
 */
#ifndef KERNEL_BACKTRACE_H
#define KERNEL_BACKTRACE_H

#include <stdint.h>

/* Makes [bottom, top) a stack whose frames the backtrace may follow. */
void backtrace_add_stack(uint64_t bottom, uint64_t top);
/* Prints the function at rip, then the callers found through rbp. */
void backtrace_print(uint64_t rip, uint64_t rbp);

#endif
