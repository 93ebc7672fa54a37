/*
 * The option parser of the terrarium commands: long and short spellings,
 * ocamlfind's one-dash long options, values inline or apart, operands in
 * between, "--", and the mistakes it must reject; and the help text.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compiler/opts.h"
#include "tests/unit/check.h"

enum { O_OUT = 1, O_PKG, O_LIB, O_QUIET, O_VERBOSE };

static const struct opt opts[] = {
	{ O_OUT, "output", 'o', "OUT", "where\nit goes" },
	{ O_PKG, "package", 0, "P", "packages" },
	{ O_LIB, "lib", 'l', "LIB", "a library" },
	{ O_QUIET, "quiet", 'q', NULL, "no progress" },
	{ O_VERBOSE, "verbose", 'v', NULL, "commands" },
	{ 0, NULL, 0, NULL, NULL },
};

/*
 * Parses words (NULL-terminated) and writes what came out to out as
 * "id=value" items separated by spaces ("op=x" for operands, "err" for an
 * error, which stops); "| rest" lists the words after "--".
 */
static void parse(char **words, char *out, size_t size)
{
	struct opt_state s;
	const char *v;
	char *argv[32];
	int argc = 1, id;
	size_t n = 0;

	argv[0] = "cmd";
	while (*words)
		argv[argc++] = *words++;
	argv[argc] = NULL;
	opt_init(&s, "terrarium test", opts, argc, argv);
	out[0] = '\0';
	while ((id = opt_next(&s, &v)) != OPT_DONE) {
		if (id == OPT_ERROR) {
			n += (size_t)snprintf(out + n, size - n, "err ");
			break;
		}
		if (id == OPT_OPERAND)
			n += (size_t)snprintf(out + n, size - n, "op=%s ", v);
		else
			n += (size_t)snprintf(out + n, size - n, "%d=%s ", id,
			    v ? v : "-");
	}
	if (s.dashdash) {
		n += (size_t)snprintf(out + n, size - n, "|");
		for (; s.next < argc; s.next++)
			n += (size_t)snprintf(out + n, size - n, " %s",
			    argv[s.next]);
	}
}

#define PARSES(expect, ...) do { \
	char *w_[] = { __VA_ARGS__, NULL }; \
	char out_[256]; \
	parse(w_, out_, sizeof(out_)); \
	if (!CHECK(strcmp(out_, expect) == 0)) \
		fprintf(stderr, "  got '%s', want '%s'\n", out_, expect); \
} while (0)

/* Every way of spelling an option and its value. */
static void test_spellings(void)
{
	PARSES("1=a.efi ", "-o", "a.efi");
	PARSES("1=a.efi ", "-oa.efi");
	PARSES("1=a.efi ", "--output", "a.efi");
	PARSES("1=a.efi ", "--output=a.efi");
	PARSES("1=a.efi ", "-output", "a.efi");
	PARSES("2=unix,str ", "-package", "unix,str");
	PARSES("2=unix ", "--package=unix");
	PARSES("3=unix ", "-lunix");
	PARSES("3=unix ", "-l", "unix");
	PARSES("4=- 5=- ", "-q", "--verbose");
}

/* Operands between and after options, "-" and "--". */
static void test_operands(void)
{
	PARSES("op=a.ml 4=- op=b.ml ", "a.ml", "-q", "b.ml");
	/* A lone "-" is an operand (standard input, by convention). */
	PARSES("op=- ", "-");
	PARSES("op=x.efi | -q --mem 5", "x.efi", "--", "-q", "--mem", "5");
	PARSES("| ", "--", "");
}

/* Unknown options, missing and unwanted values. */
static void test_mistakes(void)
{
	/* Messages go to stderr; silence them for the test. */
	FILE *saved = stderr;

	stderr = fopen("/dev/null", "w");
	PARSES("err ", "--bogus");
	PARSES("err ", "-x");
	PARSES("err ", "-qv");			/* no bundling of flags */
	PARSES("err ", "--quiet=1");		/* a flag takes no value */
	PARSES("err ", "-o");			/* value missing */
	PARSES("err ", "--output");
	PARSES("err ", "--out", "x");		/* no abbreviations */
	PARSES("op=a err ", "a", "--nope", "b");
	fclose(stderr);
	stderr = saved;
}

/* The usage error's text. */
static void test_usage_error(void)
{
	struct opt_state s;
	char *argv[] = { "cmd", NULL };
	char *text = NULL;
	size_t len = 0;
	FILE *saved = stderr;

	opt_init(&s, "terrarium test", opts, 1, argv);
	stderr = open_memstream(&text, &len);
	CHECK(opt_usage_error(&s, "no %s given", "file") == EXIT_USAGE);
	fclose(stderr);
	stderr = saved;
	CHECK(text && strcmp(text, "terrarium test: no file given\n"
	    "Try 'terrarium test --help'.\n") == 0);
	free(text);
}

/* --help lists every option with its text. */
static void test_help(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	const struct opt *o;

	opt_help(f, "usage: x", "About.\n", opts, "Footer.\n");
	fclose(f);
	CHECK(strncmp(text, "usage: x\nAbout.\n\nOptions:\n", 26) == 0);
	/* Every option is documented, its value named. */
	for (o = opts; o->id; o++) {
		char want[64];

		snprintf(want, sizeof(want), "--%s%s%s", o->name,
		    o->arg ? " " : "", o->arg ? o->arg : "");
		CHECK(strstr(text, want) != NULL);
	}
	CHECK(strstr(text, "  -o, --output OUT      where\n") != NULL);
	/* A second help line is aligned under the first. */
	CHECK(strstr(text, "\n                        it goes\n") != NULL);
	CHECK(strstr(text, "      --package P       packages\n") != NULL);
	CHECK(len > 8 && strcmp(text + len - 8, "Footer.\n") == 0);
	free(text);
}

/* Runs the opts cases; the status is check_report's. */
int main(void)
{
	test_spellings();
	test_operands();
	test_mistakes();
	test_usage_error();
	test_help();
	return check_report("opts");
}
