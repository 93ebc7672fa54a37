/*
 * terrarium link: objects to a UEFI image (the link itself is in
 * compiler/link.c).
 */
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compiler/commands.h"
#include "compiler/libdir.h"
#include "compiler/link.h"
#include "compiler/opts.h"
#include "compiler/spawn.h"
#include "compiler/strlist.h"

enum { O_OUTPUT = 1, O_FILES, O_CMDLINE, O_LIB, O_ELF, O_QUIET, O_VERBOSE,
	O_HELP };

static const struct opt opts[] = {
	{ O_OUTPUT, "output", 'o', "OUT", "write the image to OUT (default: "
	    "the first object's\nname with .efi, hello.exe.o -> hello.efi;\n"
	    "BOOTX64.EFI with no objects)" },
	{ O_FILES, "files", 0, "DIR", "carry the files under DIR in the image "
	    "(the\nprogram sees them under /)" },
	{ O_CMDLINE, "cmdline", 0, "TEXT", "the image's command line when it "
	    "is booted without\none (from a USB stick, PXE): kernel options,\n"
	    "NAME=value, -- program arguments" },
	{ O_LIB, "lib", 'l', "LIB", "link Terrarium's C library LIB: unix "
	    "(OCaml's unix\nstubs), camlstr (str's), or libLIB.a of "
	    "the\nlibrary directory; repeatable" },
	{ O_ELF, "elf", 0, "FILE", "keep the linked ELF, with debug "
	    "information, as\nFILE (for gdb and addr2line)" },
	{ O_QUIET, "quiet", 'q', NULL, "no progress line" },
	{ O_VERBOSE, "verbose", 'v', NULL, "show the commands run" },
	{ O_HELP, "help", 'h', NULL, "this text" },
	{ 0, NULL, 0, NULL, NULL },
};

static const char usage[] =
"usage: terrarium link [-o OUT] [--files DIR] [--cmdline TEXT] [-l LIB ...]\n"
"                      [OBJ.o | LIB.a ...]\n";

static const char about[] =
"Links OCaml program objects (from ocamlfind ocamlopt -output-obj; see\n"
"examples/dune-hello for dune) with the Terrarium kernel, the OCaml\n"
"runtime and musl into one UEFI application.  The C libraries of the\n"
"program's packages are not in its objects: name them with -l (-l unix)\n"
"or as archives.  With no objects it links the kernel alone.  Prints\n"
"\"image: OUT N bytes\"; when the link fails it says why and keeps the\n"
"tools' output in OUT.log.\n";

static const char footer[] =
"Exit status: 0 linked, 1 the link failed, 2 a usage mistake.\n";

/* Returns the default image name for the first object (a new string). */
static char *default_output(const char *obj)
{
	char buf[PATH_MAX], *name, *dot, *out;

	snprintf(buf, sizeof(buf), "%s", obj);
	name = basename(buf);
	dot = strrchr(name, '.');
	if (dot && dot != name)
		*dot = '\0';
	dot = strrchr(name, '.');
	if (dot && dot != name && strcmp(dot, ".exe") == 0)
		*dot = '\0';
	out = malloc(strlen(name) + 5);
	if (out)
		sprintf(out, "%s.efi", name);
	return out;
}

/* Links objects into an image: the link command. */
int cmd_link(int argc, char **argv)
{
	struct link_job j;
	struct strlist inputs = { 0 }, libs = { 0 };
	struct opt_state s;
	const char *v;
	char path[PATH_MAX], flag[NAME_MAX], *out = NULL;
	int id, r = EXIT_USAGE;

	memset(&j, 0, sizeof(j));
	opt_init(&s, "terrarium link", opts, argc, argv);
	spawn_catch_signals();
	while ((id = opt_next(&s, &v)) != OPT_DONE) {
		switch (id) {
		case OPT_ERROR:
			goto out;
		case OPT_OPERAND:
			if (strlist_add(&inputs, v) < 0)
				goto fail;
			break;
		case O_OUTPUT:
			j.out = v;
			break;
		case O_FILES:
			j.files = v;
			break;
		case O_CMDLINE:
			j.cmdline = v;
			break;
		case O_LIB:
			snprintf(flag, sizeof(flag), "-l%s", v);
			switch (libdir_clib(flag, flag, NULL, path,
			    sizeof(path))) {
			case -1:
				goto fail;
			case 1:
				if (!strlist_has(&libs, path) &&
				    strlist_add(&libs, path) < 0)
					goto fail;
			}
			break;
		case O_ELF:
			j.elf = v;
			break;
		case O_QUIET:
			j.quiet = 1;
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
	/* Everything after "--" is an object too. */
	for (; s.next < argc; s.next++)
		if (strlist_add(&inputs, argv[s.next]) < 0)
			goto fail;
	if (!j.out) {
		out = inputs.n ? default_output(inputs.v[0]) :
		    strdup("BOOTX64.EFI");
		if (!out)
			goto fail;
		j.out = out;
	}
	j.inputs = inputs.v;
	j.ninputs = inputs.n;
	j.libs = libs.v;
	j.nlibs = libs.n;
	r = link_image(&j);
	goto out;
fail:
	r = LINK_FAILED;
out:
	free(out);
	strlist_free(&inputs);
	strlist_free(&libs);
	return r;
}
