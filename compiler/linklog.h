/*
 * Reading what the link tools print, to turn it into short messages and
 * checks: undefined symbols (with the file that wants each and the library
 * that likely lacks), the code symbols of the two links, the image's
 * dynamic relocations.  Pure code.
 */
#ifndef COMPILER_LINKLOG_H
#define COMPILER_LINKLOG_H

#include <stddef.h>
#include "compiler/strlist.h"

/*
 * Reads ld's output: appends each symbol it calls undefined, once, to syms,
 * and to where at the same index the first file that refers to it ("" when
 * not said).  Returns 0, or -1 when out of memory.
 */
int linklog_undefined(const char *log, struct strlist *syms,
    struct strlist *where);

/*
 * Returns a hint naming what likely provides sym (the package or library
 * to add, or why it cannot be had), or NULL when nothing is known.
 */
const char *linklog_hint(const char *sym);

/*
 * Whether two `nm -n --defined-only` outputs list the same code symbols
 * (types t and T) at the same addresses, in the same order.
 */
int linklog_same_code(const char *nm1, const char *nm2);

/* Whether `nm` output lists sym as defined code (type t or T). */
int linklog_defines_code(const char *nm, const char *sym);

/*
 * Reads `readelf -rW` output and counts the relocations that are not
 * R_X86_64_RELATIVE (the only kind the image's self-relocation applies);
 * the first one's type and symbol go to first (size bytes).
 */
int linklog_bad_relocs(const char *readelf, char *first, size_t size);

#endif
