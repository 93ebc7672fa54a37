/*
 * PATH with the system directories (see sbinpath.h).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compiler/sbinpath.h"

/* Whether the PATH-style list has the directory dir. */
static int has_dir(const char *list, const char *dir)
{
	size_t n = strlen(dir);
	const char *p;

	for (p = list; (p = strstr(p, dir)); p += n)
		if ((p == list || p[-1] == ':') &&
		    (p[n] == ':' || p[n] == '\0'))
			return 1;
	return 0;
}

/* Appends the sbin directories to PATH; see sbinpath.h. */
int sbin_path(void)
{
	static const char *const dirs[] = { "/usr/sbin", "/sbin" };
	const char *old;
	char *path;
	size_t i;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		old = getenv("PATH");
		if (!old || !*old)
			old = "/usr/local/bin:/usr/bin:/bin";
		if (has_dir(old, dirs[i]))
			continue;
		if (asprintf(&path, "%s:%s", old, dirs[i]) < 0) {
			fprintf(stderr, "terrarium: out of memory\n");
			return -1;
		}
		setenv("PATH", path, 1);
		free(path);
	}
	return 0;
}
