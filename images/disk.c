/*
 * Writing the GPT disk image (see disk.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "images/disk.h"

#define CHUNK	(1 << 20)

/* Makes a temporary file beside path; see disk.h. */
int disk_temp_beside(const char *path, char **tmp)
{
	int fd;

	if (asprintf(tmp, "%s.XXXXXX", path) < 0) {
		*tmp = NULL;
		fprintf(stderr, "terrarium: out of memory\n");
		return -1;
	}
	fd = mkstemp(*tmp);
	if (fd < 0) {
		fprintf(stderr, "terrarium: cannot create %s: %s\n", *tmp,
		    strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	fchmod(fd, 0644);
	return fd;
}

/* Whether buf[0..n) is all zero bytes. */
static int all_zero(const unsigned char *buf, size_t n)
{
	return n == 0 || (buf[0] == 0 && memcmp(buf, buf + 1, n - 1) == 0);
}

/*
 * Copies the file src to fd at offset off, at most max bytes, skipping
 * blocks of zeros (the file was extended with holes).  Returns 0, or -1
 * (said).
 */
static int copy_at(int fd, const char *src, off_t off, uint64_t max)
{
	unsigned char *buf = malloc(CHUNK);
	uint64_t done = 0;
	ssize_t n;
	int in;

	in = open(src, O_RDONLY | O_CLOEXEC);
	if (!buf || in < 0) {
		fprintf(stderr, "terrarium: cannot read %s: %s\n", src,
		    strerror(buf ? errno : ENOMEM));
		goto err;
	}
	while ((n = read(in, buf, CHUNK)) > 0) {
		if (done + (uint64_t)n > max) {
			fprintf(stderr, "terrarium: %s is larger than its "
			    "partition\n", src);
			goto err;
		}
		if (!all_zero(buf, (size_t)n) &&
		    pwrite(fd, buf, (size_t)n, off + (off_t)done) != n)
			goto err_write;
		done += (uint64_t)n;
	}
	if (n < 0) {
		fprintf(stderr, "terrarium: cannot read %s: %s\n", src,
		    strerror(errno));
		goto err;
	}
	close(in);
	free(buf);
	return 0;

err_write:
	fprintf(stderr, "terrarium: cannot write the disk image: %s\n",
	    strerror(errno ? errno : EIO));
err:
	if (in >= 0)
		close(in);
	free(buf);
	return -1;
}

/* Writes the disk image; see disk.h. */
int disk_write(const char *out, const struct gpt_disk *d, const char *esp)
{
	size_t head_len = GPT_HEAD_SECTORS * GPT_SECTOR;
	size_t tail_len = GPT_TAIL_SECTORS * GPT_SECTOR;
	off_t size = (off_t)(d->sectors * GPT_SECTOR);
	unsigned char *head = malloc(head_len), *tail = malloc(tail_len);
	char *tmp = NULL;
	int fd = -1;

	if (!head || !tail) {
		fprintf(stderr, "terrarium: out of memory\n");
		goto err;
	}
	gpt_build(d, head, tail);
	fd = disk_temp_beside(out, &tmp);
	if (fd < 0)
		goto err;
	if (ftruncate(fd, size) < 0 ||
	    pwrite(fd, head, head_len, 0) != (ssize_t)head_len ||
	    pwrite(fd, tail, tail_len, size - (off_t)tail_len) !=
	    (ssize_t)tail_len) {
		fprintf(stderr, "terrarium: cannot write %s: %s\n", tmp,
		    strerror(errno ? errno : EIO));
		goto err_file;
	}
	if (copy_at(fd, esp, (off_t)(d->first * GPT_SECTOR),
	    (d->last - d->first + 1) * GPT_SECTOR) < 0)
		goto err_file;
	if (close(fd) < 0) {
		fd = -1;
		fprintf(stderr, "terrarium: cannot write %s: %s\n", tmp,
		    strerror(errno));
		goto err_file;
	}
	fd = -1;
	if (rename(tmp, out) < 0) {
		fprintf(stderr, "terrarium: cannot rename %s to %s: %s\n", tmp,
		    out, strerror(errno));
		goto err_file;
	}
	free(tmp);
	free(head);
	free(tail);
	return 0;

err_file:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
err:
	free(head);
	free(tail);
	return -1;
}
