/*
 * Lists of strings (see compiler/strlist.h).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compiler/strlist.h"

/* Appends s, which the list now owns.  Returns 0, or -1 (said). */
static int take(struct strlist *l, char *s)
{
	char **v;
	size_t cap;

	if (!s)
		goto err_oom;
	if (l->n + 2 > l->cap) {
		cap = l->cap * 2 + 8;
		v = realloc(l->v, cap * sizeof(*v));
		if (!v)
			goto err_free;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
	return 0;

err_free:
	free(s);
err_oom:
	fprintf(stderr, "terrarium: out of memory\n");
	return -1;
}

/* Appends a copy of s; see compiler/strlist.h. */
int strlist_add(struct strlist *l, const char *s)
{
	return take(l, strdup(s));
}

/* Appends a formatted string; see compiler/strlist.h. */
int strlist_addf(struct strlist *l, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int r;

	va_start(ap, fmt);
	r = vasprintf(&s, fmt, ap);
	va_end(ap);
	return take(l, r < 0 ? NULL : s);
}

/* Whether l holds s; see compiler/strlist.h. */
int strlist_has(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

/* Frees the list; see compiler/strlist.h. */
void strlist_free(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
