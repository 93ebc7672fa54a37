/*
 * terrarium build: OCaml sources to a UEFI image.  ocamlfind ocamlopt
 * compiles and links the OCaml side into one object (-output-obj); the C
 * libraries its packages name are mapped to what the image can use
 * (compiler/clibs.h); then the image is linked (compiler/link.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compiler/clibs.h"
#include "compiler/commands.h"
#include "compiler/libdir.h"
#include "compiler/link.h"
#include "compiler/opts.h"
#include "compiler/spawn.h"
#include "compiler/strlist.h"
#include "compiler/tmpdir.h"

#define EXIT_FAILED	1

enum { O_OUTPUT = 1, O_PACKAGE, O_FILES, O_CMDLINE, O_DEBUG, O_ELF, O_QUIET,
	O_VERBOSE, O_HELP };

static const struct opt opts[] = {
	{ O_OUTPUT, "output", 'o', "OUT", "write the image to OUT (default: "
	    "the last file's name\nwith .efi, in this directory)" },
	{ O_PACKAGE, "package", 0, "P,...", "use the findlib packages P (as "
	    "ocamlfind does);\nrepeatable.  Their C libraries come from "
	    "Terrarium's\nmusl builds (unix, str) or their own static\n"
	    "archives; packages that need threads are refused" },
	{ O_FILES, "files", 0, "DIR", "carry the files under DIR in the image "
	    "(the\nprogram sees them under /)" },
	{ O_CMDLINE, "cmdline", 0, "TEXT", "the image's command line when it "
	    "is booted without\none (from a USB stick, PXE): kernel options,\n"
	    "NAME=value, -- program arguments" },
	{ O_DEBUG, "debug", 'g', NULL, "compile with debug information "
	    "(backtraces with\nOCAMLRUNPARAM=b name source lines)" },
	{ O_ELF, "elf", 0, "FILE", "keep the linked ELF as FILE (for gdb)" },
	{ O_QUIET, "quiet", 'q', NULL, "no progress lines" },
	{ O_VERBOSE, "verbose", 'v', NULL, "show the commands run" },
	{ O_HELP, "help", 'h', NULL, "this text" },
	{ 0, NULL, 0, NULL, NULL },
};

static const char usage[] =
"usage: terrarium build [-o OUT] [-package P,...] [--files DIR]\n"
"                       [--cmdline TEXT] [-g] [-q] [-v] FILE.ml...\n";

static const char about[] =
"Compiles the OCaml files in the order given (dependencies first, an\n"
"interface before its implementation, the main module last), links them\n"
"with ocamlfind ocamlopt -output-obj, and links the result with the OCaml\n"
"runtime, musl and the Terrarium kernel into one UEFI image.  Compiler\n"
"errors are OCaml's own.  The compiler's files go to a private directory,\n"
"none beside the sources.  Prints \"image: OUT N bytes\".\n";

static const char footer[] =
"Exit status: 0 built, 1 a compile or link error or a refused package,\n"
"2 a usage mistake (bad option, missing file).\n";

struct build {
	struct strlist sources;	/* .ml and .mli files, in order */
	struct strlist packages;	/* as given, comma lists split */
	const char *out;
	int debug;
	int quiet;
	char *dir;		/* private directory */
	char obj[PATH_MAX];	/* the program object */
	/*
	 * The standard library's std_exit.cmx: -output-obj leaves it out
	 * (an embedding host is meant to flush), so without it a program
	 * that ends by returning would lose its buffered output.
	 */
	char std_exit[PATH_MAX];
};

/* Finds std_exit.cmx in the standard library directory.  Returns 0, or -1. */
static int find_std_exit(struct build *b)
{
	char *const argv[] = { "ocamlfind", "ocamlopt", "-where", NULL };
	char *text = NULL;
	size_t n;
	int r = -1;

	if (spawn_capture(argv, NULL, &text) != 0 || !text)
		goto out;
	n = strcspn(text, "\n");
	if (n && (size_t)snprintf(b->std_exit, sizeof(b->std_exit),
	    "%.*s/std_exit.cmx", (int)n, text) < sizeof(b->std_exit) &&
	    access(b->std_exit, R_OK) == 0)
		r = 0;
	else
		fprintf(stderr, "terrarium: the OCaml standard library's "
		    "std_exit.cmx is missing (ocamlfind ocamlopt -where)\n");
out:
	free(text);
	return r;
}

/*
 * Puts the libdir's ocaml/ directory first on OCAMLPATH, so that ocamlfind
 * finds Terrarium's own packages (soil, with its C stubs built for musl)
 * before any other of the same name.  Returns 0, or -1 (said).
 */
static int add_ocamlpath(void)
{
	const char *dir = libdir(), *old = getenv("OCAMLPATH");
	char *path;
	int r;

	if (!dir)
		return -1;
	if (old && *old)
		r = asprintf(&path, "%s/ocaml:%s", dir, old);
	else
		r = asprintf(&path, "%s/ocaml", dir);
	if (r < 0) {
		fprintf(stderr, "terrarium: out of memory\n");
		return -1;
	}
	r = setenv("OCAMLPATH", path, 1);
	if (r < 0)
		fprintf(stderr, "terrarium: cannot set OCAMLPATH: %s\n",
		    strerror(errno));
	free(path);
	return r;
}

/* Appends the packages of a comma-separated list.  Returns 0, or -1. */
static int add_packages(struct build *b, const char *list)
{
	char *copy = strdup(list), *p, *save = NULL;
	int r = 0;

	if (!copy) {
		fprintf(stderr, "terrarium: out of memory\n");
		return -1;
	}
	for (p = strtok_r(copy, ", ", &save); p && r == 0;
	    p = strtok_r(NULL, ", ", &save))
		if (!strlist_has(&b->packages, p))
			r = strlist_add(&b->packages, p);
	free(copy);
	return r;
}

/*
 * Checks a source operand: an existing .ml or .mli file.  Returns 0, or
 * EXIT_USAGE (said).
 */
static int check_source(const struct opt_state *s, const char *path)
{
	const char *dot = strrchr(path, '.');
	struct stat st;

	if (!dot || (strcmp(dot, ".ml") != 0 && strcmp(dot, ".mli") != 0))
		return opt_usage_error(s, "%s is not an OCaml source file "
		    "(.ml or .mli)", path);
	if (stat(path, &st) < 0)
		return opt_usage_error(s, "cannot read %s: %s", path,
		    strerror(errno));
	if (!S_ISREG(st.st_mode))
		return opt_usage_error(s, "%s is not a file", path);
	return 0;
}

/* Returns the last .ml file's name with .efi (a new string), or NULL. */
static char *default_output(const struct build *b)
{
	const char *src = b->sources.v[b->sources.n - 1];
	char buf[PATH_MAX], *name, *out;
	size_t i;

	for (i = b->sources.n; i-- > 0;)
		if (strcmp(strrchr(b->sources.v[i], '.'), ".ml") == 0) {
			src = b->sources.v[i];
			break;
		}
	snprintf(buf, sizeof(buf), "%s", src);
	name = basename(buf);
	*strrchr(name, '.') = '\0';
	if (asprintf(&out, "%s.efi", name) < 0)
		return NULL;
	return out;
}

/*
 * Refuses the threads library, asked for or needed by another package;
 * ocamlfind says which packages do not exist.  Returns 0, or EXIT_FAILED
 * (said).
 */
static int check_packages(struct build *b)
{
	struct strlist a = { 0 };
	char *text = NULL, *p, *save = NULL;
	size_t i;
	int r = EXIT_FAILED;

	for (i = 0; i < b->packages.n; i++)
		if (clibs_is_threads_package(b->packages.v[i])) {
			fprintf(stderr, "terrarium: package %s needs kernel "
			    "threads, which Terrarium does not run yet\n",
			    b->packages.v[i]);
			return EXIT_FAILED;
		}
	if (strlist_add(&a, "ocamlfind") < 0 || strlist_add(&a, "query") < 0 ||
	    strlist_add(&a, "-r") < 0 || strlist_add(&a, "-format") < 0 ||
	    strlist_add(&a, "%p") < 0)
		goto out;
	for (i = 0; i < b->packages.n; i++)
		if (strlist_add(&a, b->packages.v[i]) < 0)
			goto out;
	if (spawn_capture(a.v, NULL, &text) != 0)
		goto out;
	for (p = strtok_r(text, "\n", &save); p;
	    p = strtok_r(NULL, "\n", &save))
		if (clibs_is_threads_package(p)) {
			fprintf(stderr, "terrarium: a package asked for needs "
			    "%s, and so kernel threads, which Terrarium does "
			    "not run yet\n", p);
			goto out;
		}
	r = 0;
out:
	free(text);
	strlist_free(&a);
	return r;
}

/* The ocamlfind ocamlopt commands of a build. */
enum step {
	STEP_COMPILE,		/* one source into the private directory */
	STEP_SHOW,		/* print the link instead of running it */
	STEP_LINK,		/* the compiled modules into b->obj */
};

/*
 * Writes to buf where the compiled form of src goes: the private
 * directory, same name, .cmx for an implementation, .cmi for an
 * interface (the module name comes from it).
 */
static void compiled_path(const struct build *b, const char *src, char *buf,
    size_t size)
{
	const char *name = strrchr(src, '/') ? strrchr(src, '/') + 1 : src;
	int is_mli = strcmp(strrchr(name, '.'), ".mli") == 0;

	snprintf(buf, size, "%s/%.*s.%s", b->dir,
	    (int)(strrchr(name, '.') - name), name, is_mli ? "cmi" : "cmx");
}

/*
 * Builds an ocamlfind ocamlopt command line for step (src: the source of
 * STEP_COMPILE).  Everything the compiler writes goes to the private
 * directory, nothing beside the sources.  Returns 0, or -1.
 */
static int ocamlopt_args(const struct build *b, struct strlist *a,
    enum step step, const char *src)
{
	char path[PATH_MAX];
	size_t i;
	int r;

	r = strlist_add(a, "ocamlfind");
	r |= strlist_add(a, "ocamlopt");
	if (step == STEP_SHOW)
		r |= strlist_add(a, "-only-show");
	if (b->debug)
		r |= strlist_add(a, "-g");
	for (i = 0; i < b->packages.n; i++) {
		r |= strlist_add(a, "-package");
		r |= strlist_add(a, b->packages.v[i]);
	}
	r |= strlist_add(a, "-I");
	r |= strlist_add(a, b->dir);
	if (step == STEP_COMPILE) {
		compiled_path(b, src, path, sizeof(path));
		r |= strlist_add(a, "-c");
		r |= strlist_add(a, "-o");
		r |= strlist_add(a, path);
		r |= strlist_add(a, src);
		return r ? -1 : 0;
	}
	if (b->packages.n)
		r |= strlist_add(a, "-linkpkg");
	r |= strlist_add(a, "-output-obj");
	r |= strlist_add(a, "-o");
	r |= strlist_add(a, b->obj);
	for (i = 0; i < b->sources.n; i++) {
		compiled_path(b, b->sources.v[i], path, sizeof(path));
		if (strcmp(strrchr(path, '.'), ".cmx") == 0)
			r |= strlist_add(a, path);
	}
	r |= strlist_add(a, b->std_exit);
	return r ? -1 : 0;
}

/*
 * Adds to libs the archives the C words of one library (who) need.
 * Returns 0, or -1 (said).
 */
static int add_clibs(const struct strlist *words, const char *who,
    const char *const *dirs, struct strlist *libs)
{
	char path[PATH_MAX];
	size_t i;
	int r;

	for (i = 0; i < words->n; i++) {
		r = libdir_clib(words->v[i], who, dirs, path, sizeof(path));
		if (r < 0)
			return -1;
		if (r > 0 && !strlist_has(libs, path) &&
		    strlist_add(libs, path) < 0)
			return -1;
	}
	return 0;
}

/*
 * Finds the C libraries of the OCaml libraries ocamlopt will link, as
 * archives for the image, in libs.  Returns 0, or EXIT_FAILED (said).
 */
static int find_clibs(struct build *b, struct strlist *libs)
{
	struct strlist a = { 0 }, cmxa = { 0 }, words = { 0 };
	char *objinfo[] = { "ocamlobjinfo", NULL, NULL };
	char *where[] = { "ocamlfind", "ocamlopt", "-where", NULL };
	char *text = NULL, *stdlib = NULL, dir[PATH_MAX], copy[PATH_MAX], *nl;
	const char *dirs[3] = { dir, NULL, NULL };
	size_t i;
	int r = EXIT_FAILED;

	if (ocamlopt_args(b, &a, STEP_SHOW, NULL) < 0 ||
	    spawn_capture(a.v, NULL, &text) != 0)
		goto out;
	if (clibs_from_command(text, &cmxa, &words) < 0)
		goto out;
	/* -cclib words of the packages' own link options. */
	snprintf(dir, sizeof(dir), ".");
	if (add_clibs(&words, "a package's link options", dirs, libs) < 0)
		goto out;
	if (cmxa.n && spawn_capture(where, NULL, &stdlib) != 0)
		goto out;
	if (stdlib && (nl = strchr(stdlib, '\n')))
		*nl = '\0';
	dirs[1] = stdlib;
	for (i = 0; i < cmxa.n; i++) {
		free(text);
		text = NULL;
		objinfo[1] = cmxa.v[i];
		if (spawn_capture(objinfo, NULL, &text) != 0)
			goto out;
		strlist_free(&words);
		if (clibs_from_objinfo(text, &words) < 0)
			goto out;
		snprintf(copy, sizeof(copy), "%s", cmxa.v[i]);
		snprintf(dir, sizeof(dir), "%s", dirname(copy));
		snprintf(copy, sizeof(copy), "%s", cmxa.v[i]);
		if (add_clibs(&words, basename(copy), dirs, libs) < 0)
			goto out;
	}
	r = 0;
out:
	free(text);
	free(stdlib);
	strlist_free(&a);
	strlist_free(&cmxa);
	strlist_free(&words);
	return r;
}

/*
 * Runs one ocamlfind ocamlopt step; the compiler's messages go to stderr
 * as it prints them.  Returns 0, or EXIT_FAILED.
 */
static int ocamlopt(const struct build *b, enum step step, const char *src)
{
	struct strlist a = { 0 };
	int r;

	if (ocamlopt_args(b, &a, step, src) < 0)
		return EXIT_FAILED;
	r = spawn_run(a.v, NULL, NULL, NULL);
	strlist_free(&a);
	return r == 0 ? 0 : EXIT_FAILED;
}

/*
 * Compiles the sources in order, then links them into b->obj.  Returns 0,
 * or EXIT_FAILED.
 */
static int compile(struct build *b)
{
	size_t i;

	for (i = 0; i < b->sources.n; i++) {
		if (!b->quiet)
			fprintf(stderr, "terrarium: compiling %s\n",
			    b->sources.v[i]);
		if (ocamlopt(b, STEP_COMPILE, b->sources.v[i]) != 0)
			return EXIT_FAILED;
	}
	return ocamlopt(b, STEP_LINK, NULL);
}

/* Runs the steps of a build with parsed options into job. */
static int build(struct build *b, struct link_job *job)
{
	struct strlist libs = { 0 };
	char *inputs[1] = { b->obj };
	int r;

	b->dir = tmpdir_make("build");
	if (!b->dir)
		return EXIT_FAILED;
	snprintf(b->obj, sizeof(b->obj), "%s/prog.o", b->dir);
	r = check_packages(b);
	if (r == 0)
		r = find_clibs(b, &libs);
	if (r == 0)
		r = compile(b);
	if (r == 0) {
		job->inputs = inputs;
		job->ninputs = 1;
		job->libs = libs.v;
		job->nlibs = libs.n;
		r = link_image(job) == LINK_OK ? 0 : EXIT_FAILED;
	}
	strlist_free(&libs);
	tmpdir_remove(b->dir);
	return r;
}

/* Compiles OCaml files into an image: the build command. */
int cmd_build(int argc, char **argv)
{
	struct build b;
	struct link_job job;
	struct opt_state s;
	const char *v;
	char *out = NULL;
	int id, r = EXIT_USAGE;

	memset(&b, 0, sizeof(b));
	memset(&job, 0, sizeof(job));
	opt_init(&s, "terrarium build", opts, argc, argv);
	spawn_catch_signals();
	while ((id = opt_next(&s, &v)) != OPT_DONE) {
		switch (id) {
		case OPT_ERROR:
			goto out;
		case OPT_OPERAND:
			if ((r = check_source(&s, v)) != 0)
				goto out;
			r = EXIT_USAGE;
			if (strlist_add(&b.sources, v) < 0)
				goto fail;
			break;
		case O_OUTPUT:
			job.out = v;
			break;
		case O_PACKAGE:
			if (add_packages(&b, v) < 0)
				goto fail;
			break;
		case O_FILES:
			job.files = v;
			break;
		case O_CMDLINE:
			job.cmdline = v;
			break;
		case O_DEBUG:
			b.debug = 1;
			break;
		case O_ELF:
			job.elf = v;
			break;
		case O_QUIET:
			b.quiet = job.quiet = 1;
			break;
		case O_VERBOSE:
			spawn_verbose = 1;
			break;
		case O_HELP:
			opt_help(stdout, usage, about, opts, footer);
			r = 0;
			goto out;
		}
	}
	if (s.next < argc) {
		r = opt_usage_error(&s, "unexpected argument %s after --",
		    argv[s.next]);
		goto out;
	}
	if (!b.sources.n) {
		r = opt_usage_error(&s, "no OCaml file to compile");
		goto out;
	}
	if (!job.out && !(job.out = out = default_output(&b)))
		goto fail;
	if (find_std_exit(&b) < 0)
		goto fail;
	if (add_ocamlpath() < 0)
		goto fail;
	r = build(&b, &job);
	goto out;
fail:
	r = EXIT_FAILED;
out:
	free(out);
	strlist_free(&b.sources);
	strlist_free(&b.packages);
	return r;
}
