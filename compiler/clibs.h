/*
 * Which C libraries an OCaml program's packages need, and where the image
 * gets them: Terrarium's own musl builds for the OCaml distribution's
 * libraries, musl's libc.a for libc/libm, a package's own static archive
 * otherwise; packages that need threads are refused.
 *
 * Pure code over the text ocamlfind and ocamlobjinfo print; the terrarium
 * build command runs them.
 */
#ifndef COMPILER_CLIBS_H
#define COMPILER_CLIBS_H

#include "compiler/strlist.h"

enum clib_kind {
	CLIB_LIBDIR,	/* built for Terrarium: the archive in the libdir */
	CLIB_SEARCH,	/* a package's own libNAME.a, to be found */
	CLIB_LIBC,	/* inside musl's libc.a: nothing to add */
	CLIB_THREADS,	/* needs kernel threads: refused */
	CLIB_FILE,	/* an object or archive named by its path */
	CLIB_OPTION,	/* another linker option: not used */
};

/*
 * Classifies one word of a library's C link flags ("-lunix", "foo.o").
 * Sets *archive to the archive's file name for CLIB_LIBDIR and
 * CLIB_SEARCH ("libunix.a"), written to buf of size bytes.
 */
enum clib_kind clib_classify(const char *word, char *buf, size_t size,
    const char **archive);

/*
 * Reads the command ocamlfind -only-show printed: appends the .cmxa
 * archives it names to cmxa and the words passed with -cclib to cwords.
 * Returns 0, or -1 when out of memory.
 */
int clibs_from_command(const char *text, struct strlist *cmxa,
    struct strlist *cwords);

/*
 * Reads ocamlobjinfo's output for a .cmxa: appends the words of its
 * "Extra C object files:" lines to cwords.  Returns 0, or -1.
 */
int clibs_from_objinfo(const char *text, struct strlist *cwords);

/*
 * Whether a findlib package name is the threads library or one of its
 * sub-packages (threads, threads.posix).
 */
int clibs_is_threads_package(const char *name);

#endif
