/*
 * cpio_write_dir on a temporary tree: GNU cpio must list and extract the
 * archive, soil/cpio.c must load it back with the same contents, types
 * and permission bits, and the bytes must not depend on mtimes.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include "compiler/cpio_write.h"
#include "tests/unit/check.h"
#include "tests/unit/treeprobe.h"

static char dir[] = "/tmp/cpio-write-XXXXXX";
static char archive[64];

/* Makes dir/rel with contents (NULL: a directory) and permission bits. */
static void make(const char *rel, const char *contents, size_t n, unsigned perm)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	if (!contents)
		CHECK(mkdir(path, 0700) == 0);
	else {
		f = fopen(path, "wb");
		CHECK(f && fwrite(contents, 1, n, f) == n && fclose(f) == 0);
	}
	CHECK(chmod(path, perm) == 0);
}

/* Makes the symbolic link rel, under the test tree, to target. */
static void make_link(const char *rel, const char *target)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	CHECK(symlink(target, path) == 0);
}

/* Writes the archive of tree to the file archive; cpio_write_dir's result. */
static int write_archive(const char *tree)
{
	FILE *f = fopen(archive, "wb");
	int r = cpio_write_dir(tree, f);

	fclose(f);
	return r;
}

/* The whole output of a shell command, at most size - 1 bytes. */
static size_t run(const char *cmd, char *out, size_t size)
{
	FILE *p = popen(cmd, "r");
	size_t n = fread(out, 1, size - 1, p);

	out[n] = '\0';
	CHECK(pclose(p) == 0);
	return n;
}

/* Reads up to size bytes of the file at path into buf; returns how many. */
static size_t slurp(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n = fread(buf, 1, size, f);

	fclose(f);
	return n;
}

/* Checks what path is in the loaded tree. */
static void expect(int line, const char *path, int type, unsigned perm,
    const char *data, size_t n)
{
	char buf[1024];
	unsigned p = 0;
	size_t len = 0;
	int t = probe_get(path, &p, buf, sizeof(buf), &len);

	if (!check_one(t == type && p == perm && len == n &&
	    !memcmp(buf, data, n), path, __FILE__, line))
		fprintf(stderr, "  type %c perm %o len %zu\n", t ? t : '0', p,
		    len);
}
#define EXPECT(path, type, perm, data, n) \
	expect(__LINE__, path, type, perm, data, n)

/* Runs cpio_write_dir with stderr to a file; returns what it said. */
static const char *say(const char *tree, int *r)
{
	static char msg[512];
	char path[128];
	int saved = dup(2), fd;

	snprintf(path, sizeof(path), "%s.err", archive);
	fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600);
	dup2(fd, 2);
	*r = write_archive(tree);
	dup2(saved, 2);
	close(saved);
	close(fd);
	msg[slurp(path, msg, sizeof(msg) - 1)] = '\0';
	unlink(path);
	return msg;
}

/*
 * Archives a test tree: GNU cpio lists and extracts it, soil's loader reads
 * it back, the same tree gives the same bytes, and what cannot go in is
 * named.
 */
int main(void)
{
	static char bin[300], first[65536], second[65536], out[4096];
	char cmd[256], path[256];
	struct timeval tv[2] = { { 12345, 0 }, { 12345, 0 } };
	size_t i, n1, n2;
	int r;

	for (i = 0; i < sizeof(bin); i++)
		bin[i] = (char)(i * 7);
	if (!mkdtemp(dir))
		return 1;
	snprintf(archive, sizeof(archive), "%s.cpio", dir);
	make("b.txt", "bee\n", 4, 0644);
	make("a", NULL, 0, 0750);
	make("a/x.bin", bin, sizeof(bin), 0600);
	make("a/sub", NULL, 0, 0755);
	make("a/sub/deep", "deep", 4, 0755);
	make("a.b", "", 0, 0644);
	make(".hidden", "h", 1, 0400);
	make("emptydir", NULL, 0, 0700);
	make_link("link", "a/x.bin");
	make_link("abslink", "/etc/passwd");

	CHECK(write_archive(dir) == 0);
	/* GNU cpio lists it in our order and extracts the bytes. */
	snprintf(cmd, sizeof(cmd), "cpio -it --quiet < %s", archive);
	run(cmd, out, sizeof(out));
	if (!CHECK(!strcmp(out, ".hidden\na\na/sub\na/sub/deep\na/x.bin\na.b\n"
	    "abslink\nb.txt\nemptydir\nlink\n")))
		fprintf(stderr, "  cpio -it said:\n%s", out);
	snprintf(cmd, sizeof(cmd), "cpio -i --quiet --to-stdout a/x.bin < %s",
	    archive);
	CHECK(run(cmd, out, sizeof(out)) == sizeof(bin) &&
	    !memcmp(out, bin, sizeof(bin)));

	/* soil/cpio.c loads the same tree back. */
	n1 = slurp(archive, first, sizeof(first));
	CHECK(n1 > 0 && n1 % 4 == 0);
	CHECK(probe_load(first, n1) == 0);
	EXPECT("/b.txt", 'f', 0644, "bee\n", 4);
	EXPECT("/a", 'd', 0750, "", 0);
	EXPECT("/a/x.bin", 'f', 0600, bin, sizeof(bin));
	EXPECT("/a/sub/deep", 'f', 0755, "deep", 4);
	EXPECT("/a.b", 'f', 0644, "", 0);
	EXPECT("/.hidden", 'f', 0400, "h", 1);
	EXPECT("/emptydir", 'd', 0700, "", 0);
	EXPECT("/link", 'l', 0777, "a/x.bin", 7);
	EXPECT("/abslink", 'l', 0777, "/etc/passwd", 11);
	probe_free();

	/* Times do not matter: the same tree makes the same bytes. */
	snprintf(path, sizeof(path), "%s/b.txt", dir);
	CHECK(utimes(path, tv) == 0);
	CHECK(write_archive(dir) == 0);
	n2 = slurp(archive, second, sizeof(second));
	CHECK(n1 == n2 && !memcmp(first, second, n1));

	/* A FIFO cannot go into an image: the message names it. */
	snprintf(path, sizeof(path), "%s/a/fifo", dir);
	CHECK(mkfifo(path, 0600) == 0);
	CHECK(strstr(say(dir, &r), "a/fifo is not a regular file, directory or "
	    "symbolic link") != NULL);
	CHECK(r == -1);
	unlink(path);
	CHECK(strstr(say(dir, &r), "cpio-write-") == NULL && r == 0);
	snprintf(path, sizeof(path), "%s/b.txt", dir);
	CHECK(strstr(say(path, &r), "b.txt is not a directory") != NULL);
	CHECK(r == -1);

	snprintf(cmd, sizeof(cmd), "rm -rf %s %s", dir, archive);
	CHECK(system(cmd) == 0);
	return check_report("cpio_write");
}
