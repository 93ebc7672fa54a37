/*
 * The cpio "newc" writer (see compiler/cpio_write.h).  A newc entry is a
 * 110-byte ASCII header (magic 070701 and thirteen 8-digit hex fields),
 * the name with its NUL, padding to 4 bytes, the data, padding to 4.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compiler/cpio_write.h"

struct writer {
	FILE *out;
	uint32_t ino;
	uint64_t offset;	/* bytes written, for the padding */
};

/*
 * Pads the archive with NULs to the 4-byte boundary newc wants after a name
 * and after data.
 */
static void pad(struct writer *w)
{
	while (w->offset % 4) {
		putc(0, w->out);
		w->offset++;
	}
}

/*
 * Writes an entry's header and name.  Real entries get the next inode
 * number; the trailer (mode 0) gets 0.
 */
static void header(struct writer *w, const char *name, uint32_t mode,
    uint32_t nlink, uint32_t size)
{
	size_t namesize = strlen(name) + 1;

	fprintf(w->out, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X"
	    "%08zX%08X", mode ? ++w->ino : 0, mode, 0, 0, nlink, 0, size, 0, 0,
	    0, 0, namesize, 0);
	fwrite(name, 1, namesize, w->out);
	w->offset += 110 + namesize;
	pad(w);
}

/* Writes an entry's n data bytes and their padding. */
static void data(struct writer *w, const void *p, size_t n)
{
	fwrite(p, 1, n, w->out);
	w->offset += n;
	pad(w);
}

/* Copies the regular file path (size bytes) into the archive. */
static int add_file(struct writer *w, const char *path, const char *name,
    const struct stat *st)
{
	char buf[65536];
	FILE *in;
	size_t n;
	off_t left = st->st_size;

	if (st->st_size > (off_t)UINT32_MAX) {
		fprintf(stderr, "terrarium: %s: files of 4 GiB or more do "
		    "not fit in a cpio archive\n", path);
		return -1;
	}
	if (!(in = fopen(path, "rb"))) {
		fprintf(stderr, "terrarium: cannot read %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	header(w, name, S_IFREG | (st->st_mode & 07777), 1,
	    (uint32_t)st->st_size);
	while (left > 0) {
		n = fread(buf, 1, left < (off_t)sizeof(buf) ? (size_t)left :
		    sizeof(buf), in);
		if (!n)
			break;
		fwrite(buf, 1, n, w->out);
		w->offset += n;
		left -= (off_t)n;
	}
	fclose(in);
	if (left) {
		fprintf(stderr, "terrarium: %s changed size while it was "
		    "read\n", path);
		return -1;
	}
	pad(w);
	return 0;
}

/*
 * Adds the symbolic link at path as name, its target as the data.  Returns
 * -1 after saying why when the link cannot be read.
 */
static int add_link(struct writer *w, const char *path, const char *name)
{
	char target[PATH_MAX];
	ssize_t n = readlink(path, target, sizeof(target));

	if (n < 0 || n == (ssize_t)sizeof(target)) {
		fprintf(stderr, "terrarium: cannot read the link %s: %s\n",
		    path, n < 0 ? strerror(errno) : "target too long");
		return -1;
	}
	header(w, name, S_IFLNK | 0777, 1, (uint32_t)n);
	data(w, target, (size_t)n);
	return 0;
}

/*
 * qsort order of a directory's names: the archive, and so the image, does
 * not depend on the order readdir gives.
 */
static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in directory path but . and .., sorted; NULL after a message. */
static char **sorted_names(const char *path, size_t *count)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL, **more;
	size_t n = 0, cap = 0;

	if (!d) {
		fprintf(stderr, "terrarium: cannot read the directory %s: %s\n",
		    path, strerror(errno));
		return NULL;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if (!(more = realloc(names, cap * sizeof(*names))))
				goto err_mem;
			names = more;
		}
		if (!(names[n] = strdup(e->d_name)))
			goto err_mem;
		n++;
	}
	closedir(d);
	*count = n;
	if (!names)
		return calloc(1, sizeof(*names));
	qsort(names, n, sizeof(*names), by_name);
	return names;

err_mem:
	fprintf(stderr, "terrarium: out of memory reading %s\n", path);
	while (n)
		free(names[--n]);
	free(names);
	closedir(d);
	return NULL;
}

/* Adds the entries of directory path, whose name in the archive is prefix. */
static int add_dir(struct writer *w, const char *path, const char *prefix)
{
	char full[PATH_MAX], name[PATH_MAX], **names;
	struct stat st;
	size_t i, n;
	int r = 0;

	if (!(names = sorted_names(path, &n)))
		return -1;
	for (i = 0; i < n && !r; i++) {
		if ((size_t)snprintf(full, sizeof(full), "%s/%s", path,
		    names[i]) >= sizeof(full) ||
		    (size_t)snprintf(name, sizeof(name), "%s%s%s", prefix,
		    *prefix ? "/" : "", names[i]) >= sizeof(name)) {
			fprintf(stderr, "terrarium: %s/%s: path too long\n",
			    path, names[i]);
			r = -1;
		} else if (lstat(full, &st) < 0) {
			fprintf(stderr, "terrarium: cannot stat %s: %s\n", full,
			    strerror(errno));
			r = -1;
		} else if (S_ISDIR(st.st_mode)) {
			header(w, name, S_IFDIR | (st.st_mode & 07777), 2, 0);
			r = add_dir(w, full, name);
		} else if (S_ISREG(st.st_mode))
			r = add_file(w, full, name, &st);
		else if (S_ISLNK(st.st_mode))
			r = add_link(w, full, name);
		else {
			fprintf(stderr, "terrarium: %s is not a regular "
			    "file, directory or symbolic link; an image cannot "
			    "hold it\n", full);
			r = -1;
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return r;
}

/* Writes the archive of dir to out. */
int cpio_write_dir(const char *dir, FILE *out)
{
	struct writer w = { out, 0, 0 };
	struct stat st;

	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "terrarium: %s is not a directory\n", dir);
		return -1;
	}
	if (add_dir(&w, dir, ""))
		return -1;
	header(&w, "TRAILER!!!", 0, 1, 0);
	if (fflush(out) != 0 || ferror(out)) {
		fprintf(stderr, "terrarium: cannot write the archive of %s: "
		    "%s\n", dir, strerror(errno));
		return -1;
	}
	return 0;
}
