/*
 * Private temporary directories (see compiler/tmpdir.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compiler/tmpdir.h"

/* Makes a private directory; see compiler/tmpdir.h. */
char *tmpdir_make(const char *what)
{
	const char *base = getenv("TMPDIR");
	char *dir;

	if (!base || !*base)
		base = "/tmp";
	if (asprintf(&dir, "%s/terrarium-%s.XXXXXX", base, what) < 0) {
		fprintf(stderr, "terrarium: out of memory\n");
		return NULL;
	}
	if (!mkdtemp(dir)) {
		fprintf(stderr, "terrarium: cannot create a directory in %s: "
		    "%s\n", base, strerror(errno));
		free(dir);
		return NULL;
	}
	return dir;
}

/* Removes one entry, deepest first. */
static int remove_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	if (remove(path) < 0)
		fprintf(stderr, "terrarium: cannot remove %s: %s\n", path,
		    strerror(errno));
	return 0;
}

/* Removes a private directory; see compiler/tmpdir.h. */
void tmpdir_remove(char *dir)
{
	if (!dir)
		return;
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}
