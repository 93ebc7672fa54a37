/*
 * ISO 9660 with an El Torito EFI boot image, through xorriso (see iso.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compiler/spawn.h"
#include "compiler/strlist.h"
#include "images/disk.h"
#include "images/iso.h"

/* Copies the file path to stderr. */
static void show_file(const char *path)
{
	char buf[4096];
	size_t n;
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stderr);
	fclose(f);
}

/* Builds xorriso's arguments in argv.  Returns 0, or -1 (said). */
static int xorriso_args(struct strlist *argv, const char *esp,
    const char *tree, const char *out)
{
	int r = 0;

	r |= strlist_add(argv, "xorriso");
	r |= strlist_add(argv, "-as");
	r |= strlist_add(argv, "mkisofs");
	r |= strlist_add(argv, "-V");
	r |= strlist_add(argv, "TERRARIUM");
	/* The FAT image goes after the ISO as GPT partition 2 (type EF00),
	   and the El Torito entry points at that same partition. */
	r |= strlist_add(argv, "-append_partition");
	r |= strlist_add(argv, "2");
	r |= strlist_add(argv, "0xef");
	r |= strlist_add(argv, esp);
	r |= strlist_add(argv, "-appended_part_as_gpt");
	r |= strlist_add(argv, "-e");
	r |= strlist_add(argv, "--interval:appended_partition_2:all::");
	r |= strlist_add(argv, "-no-emul-boot");
	r |= strlist_add(argv, "-o");
	r |= strlist_add(argv, out);
	r |= strlist_add(argv, tree);
	return r;
}

/* Writes the ISO image; see iso.h. */
int iso_write(const char *out, const char *esp, const char *dir)
{
	struct strlist argv = { 0 };
	char *tree = NULL, *log = NULL, *tmp = NULL;
	int fd, r;

	if (asprintf(&tree, "%s/iso", dir) < 0)
		tree = NULL;
	if (tree && asprintf(&log, "%s/xorriso.log", dir) < 0)
		log = NULL;
	if (!tree || !log) {
		fprintf(stderr, "terrarium: out of memory\n");
		goto err;
	}
	if (mkdir(tree, 0755) < 0) {
		fprintf(stderr, "terrarium: cannot create %s: %s\n", tree,
		    strerror(errno));
		goto err;
	}
	fd = disk_temp_beside(out, &tmp);
	if (fd < 0)
		goto err;
	close(fd);
	if (xorriso_args(&argv, esp, tree, tmp) < 0)
		goto err_tmp;
	/* xorriso talks on stderr even when all is well: keep it for a
	   failure. */
	r = spawn_run(argv.v, NULL, "/dev/null", log);
	if (r != 0) {
		if (r != -1) {
			show_file(log);
			fprintf(stderr, "terrarium: making the ISO image "
			    "failed (xorriso exited with status %d)\n", r);
		}
		goto err_tmp;
	}
	if (rename(tmp, out) < 0) {
		fprintf(stderr, "terrarium: cannot rename %s to %s: %s\n", tmp,
		    out, strerror(errno));
		goto err_tmp;
	}
	strlist_free(&argv);
	free(tmp);
	free(tree);
	free(log);
	return 0;

err_tmp:
	unlink(tmp);
	free(tmp);
err:
	strlist_free(&argv);
	free(tree);
	free(log);
	return -1;
}
