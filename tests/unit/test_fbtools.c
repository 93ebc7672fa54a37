/*
 * Tests for the screenshot tools, run as commands: fbrender's pictures,
 * fbcheck's row check and comparison, and fbcheck's PPM reader on good
 * and malformed headers.  The tools are found beside this test's
 * directory (build/tests/test_fbtools runs build/fbrender).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/unit/check.h"

static char bin[256];		/* directory holding the tools */
static char dir[64];		/* scratch directory */
static char out[4096];		/* what the last command printed */

/* Runs the shell command cmd in dir; returns its exit status, output in out. */
static int run(const char *cmd)
{
	char full[1024];
	FILE *p;
	size_t n;
	int st;

	snprintf(full, sizeof(full), "cd %s && { %s; } 2>&1", dir, cmd);
	p = popen(full, "r");
	if (p == NULL)
		return -1;
	n = fread(out, 1, sizeof(out) - 1, p);
	out[n] = '\0';
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Runs fbrender with args on the bytes text, into the file name. */
static int render(const char *args, const char *text, const char *name)
{
	char path[128], cmd[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/in.txt", dir);
	f = fopen(path, "wb");
	if (f == NULL)
		return -1;
	fputs(text, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "%s/fbrender %s < in.txt > %s", bin, args,
	    name);
	return run(cmd);
}

/* Runs fbcheck with args. */
static int fbcheck(const char *args)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "%s/fbcheck %s", bin, args);
	return run(cmd);
}

/* Writes a file name in dir: head, then n bytes of the picture src's pixels. */
static void write_ppm(const char *name, const char *head, const char *src,
    size_t n)
{
	char path[128], data[65536];
	FILE *f;
	size_t len = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, src);
	f = fopen(path, "rb");
	if (f != NULL) {
		len = fread(data, 1, sizeof(data), f);
		fclose(f);
	}
	/* src's header is "P6\n64 32\n255\n": 13 bytes. */
	len = len > 13 ? len - 13 : 0;
	if (n > len)
		n = len;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (f == NULL)
		return;
	fputs(head, f);
	fwrite(data + 13, 1, n, f);
	fclose(f);
}

static void test_render(void)
{
	FILE *f;
	char path[128], head[16];
	long size;

	CHECK(render("64 32 rgbx", "Hi\n\033[31mok", "rgbx.ppm") == 0);
	CHECK(render("64 32 bgrx", "Hi\n\033[31mok", "bgrx.ppm") == 0);
	snprintf(path, sizeof(path), "%s/rgbx.ppm", dir);
	f = fopen(path, "rb");
	CHECK(f != NULL);
	if (f == NULL)
		return;
	CHECK(fread(head, 1, 13, f) == 13 &&
	    memcmp(head, "P6\n64 32\n255\n", 13) == 0);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fclose(f);
	CHECK(size == 13 + 64 * 32 * 3);

	CHECK(render("0 32 rgbx", "", "x.ppm") == 2);
	CHECK(strstr(out, "width") != NULL);
	CHECK(render("64 32 xrgb", "", "x.ppm") == 2);
	CHECK(render("4 4 rgbx", "", "x.ppm") == 1);
	CHECK(strstr(out, "cannot hold one character") != NULL);
}

static void test_row_check(void)
{
	CHECK(fbcheck("rgbx.ppm 0 Hi") == 0);
	CHECK(fbcheck("rgbx.ppm 1 ok") == 0);
	CHECK(fbcheck("bgrx.ppm 1 ok") == 0);
	CHECK(fbcheck("rgbx.ppm 0 Ho") == 1);
	CHECK(strstr(out, "column 1") != NULL && strstr(out, "column 0") == NULL);
	CHECK(fbcheck("rgbx.ppm 1 Hi") == 1);
	CHECK(strstr(out, "column 0") != NULL && strstr(out, "column 1") != NULL);
	CHECK(fbcheck("rgbx.ppm 2 ok") == 1);
	CHECK(strstr(out, "outside") != NULL);
	CHECK(fbcheck("rgbx.ppm 0 Hi___") == 1);
	CHECK(strstr(out, "column 2") != NULL);
	CHECK(fbcheck("rgbx.ppm x Hi") == 2);
	CHECK(fbcheck("rgbx.ppm 0 $(printf 'H\\377')") == 2);
	CHECK(strstr(out, "UTF-8") != NULL);
}

static void test_compare(void)
{
	CHECK(fbcheck("--compare rgbx.ppm bgrx.ppm") == 0);
	CHECK(strstr(out, "0 of 2048 pixels differ") != NULL);
	CHECK(render("64 32 rgbx", "Hi\n\033[32mok", "green.ppm") == 0);
	CHECK(fbcheck("--compare rgbx.ppm green.ppm") == 1);
	CHECK(strstr(out, " of 2048 pixels differ") != NULL &&
	    strstr(out, "0 of 2048") == NULL);
	/* Colours do not matter to the row check. */
	CHECK(fbcheck("green.ppm 1 ok") == 0);
	CHECK(render("64 48 rgbx", "Hi", "tall.ppm") == 0);
	CHECK(fbcheck("--compare rgbx.ppm tall.ppm") == 1);
	CHECK(strstr(out, "sizes differ") != NULL);
}

static void test_ppm_reader(void)
{
	const size_t n = 64 * 32 * 3;

	write_ppm("comments.ppm", "P6 # made by hand\n# a whole comment line\n"
	    "64\t32\r\n#\n255\n", "rgbx.ppm", n);
	CHECK(fbcheck("--compare rgbx.ppm comments.ppm") == 0);
	CHECK(fbcheck("comments.ppm 0 Hi") == 0);

	write_ppm("p5.ppm", "P5\n64 32\n255\n", "rgbx.ppm", n);
	CHECK(fbcheck("p5.ppm 0 Hi") == 2);
	CHECK(strstr(out, "not a binary PPM") != NULL);
	write_ppm("short.ppm", "P6\n64 32\n255\n", "rgbx.ppm", n - 1);
	CHECK(fbcheck("--compare rgbx.ppm short.ppm") == 2);
	CHECK(strstr(out, "truncated") != NULL);
	write_ppm("deep.ppm", "P6\n64 32\n65535\n", "rgbx.ppm", n);
	CHECK(fbcheck("deep.ppm 0 Hi") == 2);
	CHECK(strstr(out, "16-bit") != NULL);
	write_ppm("nomax.ppm", "P6\n64 32\n", "rgbx.ppm", 0);
	CHECK(fbcheck("nomax.ppm 0 Hi") == 2);
	CHECK(strstr(out, "malformed") != NULL);
	write_ppm("glued.ppm", "P6\n64 32\n255", "rgbx.ppm", n);
	CHECK(fbcheck("glued.ppm 0 Hi") == 2);
	write_ppm("zero.ppm", "P6\n0 32\n255\n", "rgbx.ppm", n);
	CHECK(fbcheck("zero.ppm 0 Hi") == 2);
	CHECK(fbcheck("missing.ppm 0 Hi") == 2);
	CHECK(strstr(out, "No such file") != NULL);
}

/* A picture of one colour holds blanks, but no glyph with ink. */
static void test_ink(void)
{
	char grey[64 * 32 * 3 + 13];
	char path[128];
	FILE *f;

	memcpy(grey, "P6\n64 32\n255\n", 13);
	memset(grey + 13, 0x80, sizeof(grey) - 13);
	snprintf(path, sizeof(path), "%s/grey.ppm", dir);
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f == NULL)
		return;
	fwrite(grey, 1, sizeof(grey), f);
	fclose(f);
	CHECK(fbcheck("grey.ppm 1 '   '") == 0);
	CHECK(fbcheck("grey.ppm 1 ' A'") == 1);
	CHECK(strstr(out, "column 1") != NULL);
}

/* Sets bin to the directory above the one holding this program. */
static int find_tools(const char *argv0)
{
	char *path = realpath(argv0, NULL), *slash;
	int i;

	if (path == NULL) {
		perror("test_fbtools: realpath");
		return -1;
	}
	for (i = 0; i < 2; i++) {
		slash = strrchr(path, '/');
		if (slash != NULL)
			*slash = '\0';
	}
	snprintf(bin, sizeof(bin), "%s", path);
	free(path);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 1 || find_tools(argv[0]) < 0)
		return 1;
	strcpy(dir, "/tmp/fbtools.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("test_fbtools: mkdtemp");
		return 1;
	}
	test_render();
	test_row_check();
	test_compare();
	test_ppm_reader();
	test_ink();
	snprintf(out, sizeof(out), "rm -rf %s", dir);
	if (system(out) != 0)
		fprintf(stderr, "test_fbtools: could not remove %s\n", dir);
	return check_report("fbtools");
}
