/*
 * A growing list of owned strings, kept NULL-terminated so it can serve
 * as an argument vector.
 */
#ifndef COMPILER_STRLIST_H
#define COMPILER_STRLIST_H

#include <stddef.h>

struct strlist {
	char **v;		/* v[n] is NULL once anything was added */
	size_t n, cap;
};

/* Appends a copy of s.  Returns 0, or -1 when out of memory (said). */
int strlist_add(struct strlist *l, const char *s);

/* Appends a printf-formatted string.  Returns 0, or -1 (said). */
int strlist_addf(struct strlist *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Whether l holds a string equal to s. */
int strlist_has(const struct strlist *l, const char *s);

/* Frees the strings and the vector; l is empty again. */
void strlist_free(struct strlist *l);

#endif
