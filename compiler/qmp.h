/*
 * The little JSON that talking to QEMU's QMP monitor needs: quoting a
 * string argument, finding a member of a reply object, decoding a string.
 * Pure code: no I/O, no allocation.
 */
#ifndef COMPILER_QMP_H
#define COMPILER_QMP_H

#include <stddef.h>

/* Returns the size of the buffer qmp_quote() needs for s, NUL included. */
size_t qmp_quoted_size(const char *s);

/*
 * Writes s as a JSON string literal, quotes included, NUL-terminated, into
 * out (at least qmp_quoted_size(s) bytes).
 */
void qmp_quote(const char *s, char *out);

/*
 * Finds member key of the JSON object json[0..len), matching the raw bytes
 * of member names (QMP's have no escapes).  Returns the start of
 * its value and sets *vlen to the value's length, or returns NULL when json
 * is not a well-formed object or has no such member.
 */
const char *qmp_member(const char *json, size_t len, const char *key,
    size_t *vlen);

/*
 * Decodes the JSON string literal v[0..vlen) to UTF-8 in out (outsize
 * bytes, NUL-terminated; a longer text is cut short).  Returns 0, or -1 when
 * v is not a well-formed string literal.
 */
int qmp_string(const char *v, size_t vlen, char *out, size_t outsize);

#endif
