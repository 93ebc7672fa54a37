/*
 * Terrarium's library directory (the "libdir" of notes/interfaces.md):
 * libterrarium.a, efi.lds, mksyms and the OCaml runtime built with musl.
 */
#ifndef COMPILER_LIBDIR_H
#define COMPILER_LIBDIR_H

#include <stddef.h>

/*
 * Returns the libdir: $TERRARIUM_LIBDIR when set, else lib/terrarium
 * beside the terrarium binary (a build tree), else ../lib/terrarium from
 * it (an installation).  NULL when none is there (said on stderr).
 */
const char *libdir(void);

/*
 * Writes the path of the libdir's file name to buf.  Returns 0 when the
 * file is there, -1 when not (said, with how to get it).
 */
int libdir_file(const char *name, char *buf, size_t size);

/*
 * Finds the archive for one word of a library's C link flags ("-lunix",
 * "libfoo.a"; see compiler/clibs.h), needed by who (for messages): a
 * library of the libdir, or libNAME.a in one of the NULL-terminated dirs.
 * Returns 1 with the path in buf, 0 when nothing is to be added (part of
 * libc, or a linker option), or -1 when the library cannot be had (said:
 * threads, or not found).
 */
int libdir_clib(const char *word, const char *who, const char *const *dirs,
    char *buf, size_t size);

#endif
