/*
 * Building the ESP's FAT image with mkfs.fat and mtools (see esp.h).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "compiler/spawn.h"
#include "compiler/strlist.h"
#include "images/esp.h"

#define CLUSTER		4096u
#define VOLUME_LABEL	"TERRARIUM"

/* The running total of esp_content_bytes(), for nftw's callback. */
static uint64_t walk_total;

/* Rounds n up to whole clusters. */
static uint64_t clusters(uint64_t n)
{
	return (n + CLUSTER - 1) / CLUSTER * CLUSTER;
}

/* Adds one entry of the files directory to walk_total. */
static int add_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)ftw;
	if (flag == FTW_DNR || flag == FTW_NS) {
		fprintf(stderr, "terrarium: cannot read %s\n", path);
		return 1;
	}
	walk_total += flag == FTW_D ? CLUSTER : clusters((uint64_t)st->st_size);
	return 0;
}

/* Sums the content's size on FAT; see esp.h. */
int esp_content_bytes(const struct esp_content *c, uint64_t *bytes)
{
	struct stat st;

	if (stat(c->efi, &st) < 0) {
		fprintf(stderr, "terrarium: cannot read %s: %s\n", c->efi,
		    strerror(errno));
		return -1;
	}
	/* EFI and EFI/BOOT, then the image. */
	walk_total = 2 * CLUSTER + clusters((uint64_t)st.st_size);
	switch (c->files ? nftw(c->files, add_entry, 16, 0) : 0) {
	case 0:
		break;
	case -1:
		fprintf(stderr, "terrarium: cannot read %s: %s\n", c->files,
		    strerror(errno));
		/* fall through */
	default:
		return -1;
	}
	*bytes = walk_total;
	return 0;
}

/*
 * Finds the entry of dir called name, ignoring case as FAT does.  Returns
 * its path (free it), or NULL.
 */
static char *find_nocase(const char *dir, const char *name)
{
	struct dirent *e;
	char *path = NULL;
	DIR *d = opendir(dir);

	if (!d)
		return NULL;
	while ((e = readdir(d)))
		if (strcasecmp(e->d_name, name) == 0) {
			if (asprintf(&path, "%s/%s", dir, e->d_name) < 0)
				path = NULL;
			break;
		}
	closedir(d);
	return path;
}

/* Refuses a files directory that brings its own boot loader; see esp.h. */
int esp_check_files(const struct esp_content *c)
{
	static const char *const parts[] = { "EFI", "BOOT", "BOOTX64.EFI" };
	struct stat st;
	char *path, *next;
	size_t i;

	if (!c->files)
		return 0;
	if (stat(c->files, &st) < 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "terrarium: --files %s is not a directory\n",
		    c->files);
		return -1;
	}
	path = strdup(c->files);
	for (i = 0; path && i < sizeof(parts) / sizeof(parts[0]); i++) {
		next = find_nocase(path, parts[i]);
		free(path);
		path = next;
	}
	if (!path)
		return 0;
	fprintf(stderr, "terrarium: %s would replace the image's "
	    "EFI/BOOT/BOOTX64.EFI; remove it from %s\n", path, c->files);
	free(path);
	return -1;
}

/*
 * Runs one tool, its chatter on stdout dropped, and empties argv.  Says
 * which step failed.  Returns 0, or -1.
 */
static int run(struct strlist *argv, const char *what)
{
	int r;

	if (!argv->v)
		return -1;
	r = spawn_run(argv->v, NULL, "/dev/null", NULL);
	if (r != 0 && r != -1)
		fprintf(stderr, "terrarium: %s failed (%s exited with status "
		    "%d)\n", what, argv->v[0], r);
	strlist_free(argv);
	return r == 0 ? 0 : -1;
}

/*
 * Copies the top-level entries of the files directory into the root;
 * mcopy -s merges them with EFI/ and fails on any name that exists.
 */
static int copy_files(const char *path, const char *files)
{
	struct strlist argv = { 0 };
	struct dirent **names;
	int i, n, r = 0;

	n = scandir(files, &names, NULL, alphasort);
	if (n < 0) {
		fprintf(stderr, "terrarium: cannot read %s: %s\n", files,
		    strerror(errno));
		return -1;
	}
	r |= strlist_add(&argv, "mcopy");
	r |= strlist_add(&argv, "-s");
	r |= strlist_add(&argv, "-Q");
	r |= strlist_add(&argv, "-m");
	r |= strlist_add(&argv, "-i");
	r |= strlist_add(&argv, path);
	for (i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") && strcmp(names[i]->d_name,
		    ".."))
			r |= strlist_addf(&argv, "%s/%s", files,
			    names[i]->d_name);
		free(names[i]);
	}
	free(names);
	r |= strlist_add(&argv, "::/");
	if (r) {
		strlist_free(&argv);
		return -1;
	}
	/* Only "mcopy ... ::/" with nothing to copy: an empty directory. */
	if (argv.n == 7) {
		strlist_free(&argv);
		return 0;
	}
	return run(&argv, "copying the files into the ESP");
}

/* Makes the FAT image; see esp.h. */
int esp_build(const char *path, uint64_t kib, int fat32, uint32_t hidden,
    const struct esp_content *c)
{
	struct strlist argv = { 0 };
	int r = 0;

	/* mtools checks a drive's geometry, which a bare image has none of. */
	setenv("MTOOLS_SKIP_CHECK", "1", 1);
	r |= strlist_add(&argv, "mkfs.fat");
	if (fat32)
		r |= strlist_add(&argv, "-F32");
	r |= strlist_addf(&argv, "-h%u", hidden);
	r |= strlist_add(&argv, "--mbr=n");
	r |= strlist_add(&argv, "-n" VOLUME_LABEL);
	r |= strlist_add(&argv, "-C");
	r |= strlist_add(&argv, path);
	r |= strlist_addf(&argv, "%llu", (unsigned long long)kib);
	if (r || run(&argv, "making the FAT file system") < 0)
		goto err;
	r |= strlist_add(&argv, "mmd");
	r |= strlist_add(&argv, "-i");
	r |= strlist_add(&argv, path);
	r |= strlist_add(&argv, "::/EFI");
	r |= strlist_add(&argv, "::/EFI/BOOT");
	if (r || run(&argv, "making EFI/BOOT in the ESP") < 0)
		goto err;
	r |= strlist_add(&argv, "mcopy");
	r |= strlist_add(&argv, "-i");
	r |= strlist_add(&argv, path);
	r |= strlist_add(&argv, c->efi);
	r |= strlist_add(&argv, "::/EFI/BOOT/BOOTX64.EFI");
	if (r || run(&argv, "copying the image into the ESP") < 0)
		goto err;
	if (c->files && copy_files(path, c->files) < 0)
		goto err;
	return 0;

err:
	strlist_free(&argv);
	return -1;
}
