/*
 * Finding the libdir (see compiler/libdir.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compiler/clibs.h"
#include "compiler/libdir.h"

/* Whether path is a directory. */
static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Finds the libdir once; see compiler/libdir.h. */
const char *libdir(void)
{
	static char dir[PATH_MAX];
	char exe[PATH_MAX], *slash;
	const char *env = getenv("TERRARIUM_LIBDIR");
	ssize_t n;

	if (*dir)
		return dir;
	if (env && *env) {
		if (!is_dir(env)) {
			fprintf(stderr, "terrarium: TERRARIUM_LIBDIR=%s is not "
			    "a directory\n", env);
			return NULL;
		}
		snprintf(dir, sizeof(dir), "%s", env);
		return dir;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n < 0) {
		fprintf(stderr, "terrarium: cannot find its own binary: %s\n",
		    strerror(errno));
		return NULL;
	}
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	if ((size_t)snprintf(dir, sizeof(dir), "%s/lib/terrarium", exe) <
	    sizeof(dir) && is_dir(dir))
		return dir;
	if ((size_t)snprintf(dir, sizeof(dir), "%s/../lib/terrarium", exe) <
	    sizeof(dir) && is_dir(dir))
		return dir;
	fprintf(stderr, "terrarium: no lib/terrarium beside %s or in its "
	    "parent directory: build Terrarium (make) or install it (make "
	    "install)\n", exe);
	*dir = '\0';
	return NULL;
}

/* Finds a file of the libdir; see compiler/libdir.h. */
int libdir_file(const char *name, char *buf, size_t size)
{
	const char *dir = libdir();

	if (!dir)
		return -1;
	snprintf(buf, size, "%s/%s", dir, name);
	if (access(buf, R_OK) == 0)
		return 0;
	fprintf(stderr, "terrarium: %s is missing: build Terrarium (make) or "
	    "install it again (make install)\n", buf);
	return -1;
}

/* Finds the archive of a C library word; see compiler/libdir.h. */
int libdir_clib(const char *word, const char *who, const char *const *dirs,
    char *buf, size_t size)
{
	const char *archive, *const *d;
	char name[NAME_MAX];

	switch (clib_classify(word, name, sizeof(name), &archive)) {
	case CLIB_LIBC:
	case CLIB_OPTION:
		return 0;
	case CLIB_THREADS:
		fprintf(stderr, "terrarium: %s needs kernel threads (%s), "
		    "which Terrarium does not run yet\n", who, word);
		return -1;
	case CLIB_LIBDIR:
		return libdir_file(archive, buf, size) < 0 ? -1 : 1;
	case CLIB_FILE:
		snprintf(buf, size, "%s", word);
		return 1;
	case CLIB_SEARCH:
		break;
	}
	if (libdir() && snprintf(buf, size, "%s/%s", libdir(), archive) > 0 &&
	    access(buf, R_OK) == 0)
		return 1;
	for (d = dirs; d && *d; d++) {
		snprintf(buf, size, "%s/%s", *d, archive);
		if (access(buf, R_OK) == 0)
			return 1;
	}
	fprintf(stderr, "terrarium: %s needs the C library %s, and there is no "
	    "%s for it\n", who, word, archive);
	return -1;
}
