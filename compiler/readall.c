/*
 * Reading a whole stream into memory (see compiler/readall.h).
 */
#include <errno.h>
#include <stdlib.h>

#include "compiler/readall.h"

#define FIRST_CHUNK 65536

/*
 * Reads f to its end into *buf, at most max bytes; returns 0 or an errno
 * value (see compiler/readall.h).  The buffer grows to at most max + 1
 * bytes, so that filling it means the stream is longer than max.
 */
int read_all(FILE *f, size_t max, unsigned char **buf, size_t *len)
{
	unsigned char *b = NULL, *p;
	size_t n = 0, cap = 0, got;
	int err;

	do {
		if (n == cap) {
			if (cap > max) {
				err = EFBIG;
				goto err_free;
			}
			if (cap == 0)
				cap = FIRST_CHUNK;
			else
				cap = cap > max / 2 ? max + 1 : cap * 2;
			if (cap > max + 1)
				cap = max + 1;
			p = realloc(b, cap);
			if (p == NULL) {
				err = ENOMEM;
				goto err_free;
			}
			b = p;
		}
		errno = 0;
		got = fread(b + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		err = errno != 0 ? errno : EIO;
		goto err_free;
	}
	*buf = b;
	*len = n;
	return 0;
err_free:
	free(b);
	return err;
}
