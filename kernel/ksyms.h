/*
 * The image's own symbol table, generated at link time by compiler/mksyms
 * into the .ksyms section: a count, then (offset from ImageBase, name
 * offset) pairs sorted by address, then the names.
 */
#ifndef KERNEL_KSYMS_H
#define KERNEL_KSYMS_H

#include <stdint.h>

/* Names the function containing pc and sets *offset; NULL if unknown. */
const char *ksym_lookup(uint64_t pc, uint64_t *offset);

#endif
