/*
 * C libraries of OCaml packages (see compiler/clibs.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compiler/clibs.h"

/* The OCaml distribution's C stubs, rebuilt with musl for Terrarium:
   Debian's own builds call glibc's fortify entry points.  Soil's stubs
   are the musl build in the libdir's package, whichever soil package
   ocamlfind found (a Linux build of it has gcc-built stubs). */
static const struct {
	const char *lib;
	const char *archive;
} libdir_libs[] = {
	{ "unix", "libunix.a" },
	{ "camlstr", "libcamlstr.a" },
	{ "soil_stubs", "ocaml/soil/libsoil_stubs.a" },
};

/* Libraries musl keeps inside libc.a. */
static const char *const libc_libs[] = {
	"c", "m", "dl", "rt", "util", "crypt"
};

/* Libraries that start threads, which the kernel does not run. */
static const char *const thread_libs[] = { "pthread", "threads", "threadsnat" };

/* Whether name is one of the n strings of set. */
static int in_set(const char *name, const char *const *set, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(name, set[i]) == 0)
			return 1;
	return 0;
}

#define IN_SET(name, set) in_set(name, set, sizeof(set) / sizeof(set[0]))

/* Classifies a C link word; see compiler/clibs.h. */
enum clib_kind clib_classify(const char *word, char *buf, size_t size,
    const char **archive)
{
	const char *lib;
	size_t i, n = strlen(word);

	*archive = NULL;
	if (strcmp(word, "-pthread") == 0)
		return CLIB_THREADS;
	if (strncmp(word, "-l", 2) != 0 || !word[2]) {
		if (word[0] == '-')
			return CLIB_OPTION;
		if ((n > 2 && strcmp(word + n - 2, ".o") == 0) ||
		    (n > 2 && strcmp(word + n - 2, ".a") == 0))
			return CLIB_FILE;
		return CLIB_OPTION;
	}
	lib = word + 2;
	if (IN_SET(lib, thread_libs))
		return CLIB_THREADS;
	if (IN_SET(lib, libc_libs))
		return CLIB_LIBC;
	for (i = 0; i < sizeof(libdir_libs) / sizeof(libdir_libs[0]); i++)
		if (strcmp(lib, libdir_libs[i].lib) == 0) {
			*archive = libdir_libs[i].archive;
			return CLIB_LIBDIR;
		}
	if ((size_t)snprintf(buf, size, "lib%s.a", lib) >= size)
		return CLIB_OPTION;
	*archive = buf;
	return CLIB_SEARCH;
}

/* Whether the n bytes at w end with suffix. */
static int ends_with(const char *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n > k && memcmp(w + n - k, suffix, k) == 0;
}

/*
 * Calls take(ctx, word, len) for each word separated by blanks in text up
 * to end, stopping at the first non-zero return, which it returns.
 */
static int each_word(const char *text, const char *end,
    int (*take)(void *, const char *, size_t), void *ctx)
{
	const char *w;
	int r;

	while (text < end) {
		while (text < end && strchr(" \t\n\r'", *text))
			text++;
		for (w = text; text < end && !strchr(" \t\n\r'", *text); text++)
			;
		if (text > w && (r = take(ctx, w, (size_t)(text - w))))
			return r;
	}
	return 0;
}

/* Appends a copy of the n bytes at w to l.  Returns 0, or -1. */
static int add_word(struct strlist *l, const char *w, size_t n)
{
	char *s = strndup(w, n);
	int r;

	if (!s) {
		fprintf(stderr, "terrarium: out of memory\n");
		return -1;
	}
	r = strlist_has(l, s) ? 0 : strlist_add(l, s);
	free(s);
	return r;
}

struct command_words {
	struct strlist *cmxa, *cwords;
	int after_cclib;
};

/* Takes one word of the ocamlfind command line. */
static int take_command_word(void *ctx, const char *w, size_t n)
{
	struct command_words *c = ctx;

	if (c->after_cclib) {
		c->after_cclib = 0;
		return add_word(c->cwords, w, n);
	}
	if (n == 6 && memcmp(w, "-cclib", 6) == 0) {
		c->after_cclib = 1;
		return 0;
	}
	return ends_with(w, n, ".cmxa") ? add_word(c->cmxa, w, n) : 0;
}

/* Reads ocamlfind's -only-show command; see compiler/clibs.h. */
int clibs_from_command(const char *text, struct strlist *cmxa,
    struct strlist *cwords)
{
	struct command_words c = { cmxa, cwords, 0 };

	return each_word(text, text + strlen(text), take_command_word, &c);
}

/* Takes one word of an "Extra C object files:" line. */
static int take_objinfo_word(void *ctx, const char *w, size_t n)
{
	return add_word(ctx, w, n);
}

/* Reads ocamlobjinfo's output; see compiler/clibs.h. */
int clibs_from_objinfo(const char *text, struct strlist *cwords)
{
	static const char key[] = "Extra C object files:";
	const char *line, *end;

	for (line = text; *line; line = *end ? end + 1 : end) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		if (strncmp(line, key, sizeof(key) - 1) == 0 &&
		    each_word(line + sizeof(key) - 1, end, take_objinfo_word,
		    cwords) < 0)
			return -1;
	}
	return 0;
}

/* Whether name is the threads package; see compiler/clibs.h. */
int clibs_is_threads_package(const char *name)
{
	return strcmp(name, "threads") == 0 ||
	    strncmp(name, "threads.", 8) == 0;
}
