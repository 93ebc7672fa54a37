/*
 * Reading a whole stream into memory, for the host tools.
 */
#ifndef COMPILER_READALL_H
#define COMPILER_READALL_H

#include <stddef.h>
#include <stdio.h>

/*
 * Reads f to its end into a new buffer set in *buf (the caller frees it)
 * and its length in *len; max (below SIZE_MAX) bounds the length.  Returns
 * 0, or an errno value for the caller to report: EFBIG when f holds more
 * than max bytes, ENOMEM, or the read error.  On error *buf and *len are
 * left alone.
 */
int read_all(FILE *f, size_t max, unsigned char **buf, size_t *len);

#endif
