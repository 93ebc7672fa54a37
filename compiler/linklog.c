/*
 * Reading the link tools' output (see compiler/linklog.h).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compiler/linklog.h"

/* Symbols whose absence points at a known cause, by name prefix. */
static const struct {
	const char *prefix;
	const char *hint;
} hints[] = {
	{ "program_start",
	    "the program start-up of libterrarium.a (runtime/)" },
	{ "unix_", "OCaml's unix library: -package unix, or -l unix" },
	{ "caml_unix", "OCaml's unix library: -package unix, or -l unix" },
	{ "re_", "OCaml's str library: -package str, or -l camlstr" },
	{ "pthread_", "threads, which Terrarium does not run yet" },
	{ "caml_thread", "threads, which Terrarium does not run yet" },
	{ "__", "a C library built for glibc (musl lacks its internal entry "
	    "points)" },
	{ "caml", "the OCaml runtime or a package's C stubs (a missing -l?)" },
};

/* Returns the hint for sym; see compiler/linklog.h. */
const char *linklog_hint(const char *sym)
{
	size_t i;

	for (i = 0; i < sizeof(hints) / sizeof(hints[0]); i++)
		if (strncmp(sym, hints[i].prefix, strlen(hints[i].prefix)) == 0)
			return hints[i].hint;
	return NULL;
}

/*
 * Returns the quoted name after key in line[0..len) (quoted `x' or 'x')
 * in a new string, or NULL when absent.  Sets *oom when out of memory.
 */
static char *quoted_after(const char *line, size_t len, const char *key,
    int *oom)
{
	const char *p, *q, *end = line + len;
	char *s;

	p = memmem(line, len, key, strlen(key));
	if (!p)
		return NULL;
	p += strlen(key);
	if (p >= end || (*p != '`' && *p != '\''))
		return NULL;
	p++;
	q = memchr(p, '\'', (size_t)(end - p));
	if (!q)
		return NULL;
	s = strndup(p, (size_t)(q - p));
	if (!s)
		*oom = 1;
	return s;
}

/*
 * Returns the file a line of ld's output is about: the text before
 * ": in function" or before ":(" (a section offset), after ld's own
 * name.  NULL when out of memory; "" when the line names none.
 */
static char *line_file(const char *line, size_t len)
{
	const char *start = line, *end = line + len, *p;

	if (len > 4 && memcmp(line, "ld: ", 4) == 0)
		start += 4;
	p = memmem(start, (size_t)(end - start), ": in function", 13);
	if (!p)
		p = memmem(start, (size_t)(end - start), ":(", 2);
	if (!p || start == line)
		return strdup("");
	return strndup(start, (size_t)(p - start));
}

/* Reads the undefined symbols of ld's output; see compiler/linklog.h. */
int linklog_undefined(const char *log, struct strlist *syms,
    struct strlist *where)
{
	const char *line, *end;
	char *file = NULL, *sym, *f;
	size_t len;
	int oom = 0, r = 0;

	for (line = log; *line && r == 0; line = *end ? end + 1 : end) {
		end = strchrnul(line, '\n');
		len = (size_t)(end - line);
		if (memmem(line, len, ": in function", 13)) {
			free(file);
			file = line_file(line, len);
			if (!file)
				goto err_oom;
			continue;
		}
		sym = quoted_after(line, len, "undefined reference to ", &oom);
		if (!sym)
			sym = quoted_after(line, len, "undefined symbol ",
			    &oom);
		if (oom)
			goto err_oom;
		if (!sym)
			continue;
		f = line_file(line, len);
		if (!f) {
			free(sym);
			goto err_oom;
		}
		if (!strlist_has(syms, sym)) {
			r = strlist_add(syms, sym);
			if (r == 0)
				r = strlist_add(where,
				    *f ? f : file ? file : "");
		}
		free(f);
		free(sym);
	}
	free(file);
	return r;

err_oom:
	free(file);
	fprintf(stderr, "terrarium: out of memory\n");
	return -1;
}

/*
 * Returns the next code-symbol line of nm output at or after *p, with its
 * length in *len, moving *p past it; NULL at the end.
 */
static const char *next_code(const char **p, size_t *len)
{
	const char *line, *end;
	char type;

	while (**p) {
		line = *p;
		end = strchrnul(line, '\n');
		*p = *end ? end + 1 : end;
		if (sscanf(line, "%*s %c", &type) == 1 &&
		    (type == 't' || type == 'T')) {
			*len = (size_t)(end - line);
			return line;
		}
	}
	return NULL;
}

/* Compares the code symbols of two links; see compiler/linklog.h. */
int linklog_same_code(const char *nm1, const char *nm2)
{
	const char *a, *b;
	size_t la, lb;

	for (;;) {
		a = next_code(&nm1, &la);
		b = next_code(&nm2, &lb);
		if (!a || !b)
			return !a && !b;
		if (la != lb || memcmp(a, b, la) != 0)
			return 0;
	}
}

/* Whether nm output defines sym as code; see compiler/linklog.h. */
int linklog_defines_code(const char *nm, const char *sym)
{
	const char *line, *name;
	size_t len, n = strlen(sym);

	while ((line = next_code(&nm, &len))) {
		name = memrchr(line, ' ', len);
		if (name && (size_t)(line + len - name - 1) == n &&
		    memcmp(name + 1, sym, n) == 0)
			return 1;
	}
	return 0;
}

/* Counts the relocations the image cannot apply; see compiler/linklog.h. */
int linklog_bad_relocs(const char *readelf, char *first, size_t size)
{
	const char *line, *end;
	char type[64], name[256];
	int n = 0, k;

	if (size)
		*first = '\0';
	for (line = readelf; *line; line = *end ? end + 1 : end) {
		end = strchrnul(line, '\n');
		name[0] = '\0';
		k = sscanf(line, "%*x %*x %63s %*s %255s", type, name);
		if (k < 1 || strncmp(type, "R_X86_64_", 9) != 0 ||
		    strcmp(type, "R_X86_64_RELATIVE") == 0 ||
		    strcmp(type, "R_X86_64_NONE") == 0)
			continue;
		if (n++ == 0 && size)
			snprintf(first, size, "%s%s%s", type, *name ? " " : "",
			    name);
	}
	return n;
}
