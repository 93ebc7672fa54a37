/*
 * terrarium: compiles OCaml programs into one bootable UEFI image and runs
 * images under QEMU.  main() picks the command; each command is in its own
 * cmd_NAME.c (compiler/commands.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compiler/commands.h"
#include "compiler/opts.h"
#include "compiler/spawn.h"

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "build", cmd_build, "compile OCaml files into a UEFI image" },
	{ "link", cmd_link, "link OCaml program objects into a UEFI image" },
	{ "run", cmd_run, "boot an image under QEMU+OVMF, its output here" },
	{ "image", cmd_image, "write a bootable USB-stick/disk or ISO image" },
	{ "netboot", cmd_netboot,
	    "serve an image to PXE and HTTP boot clients" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

/* Prints the global help. */
static void help(FILE *f)
{
	size_t i;

	fprintf(f, "usage: terrarium COMMAND [OPTION...] [ARG...]\n"
	    "       terrarium COMMAND --help\n\n"
	    "Turns OCaml programs into one bootable x86-64 UEFI image (the "
	    "program,\nthe OCaml runtime, musl and the Terrarium kernel) and "
	    "runs images under\nQEMU with OVMF.\n\nCommands:\n");
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name,
		    commands[i].summary);
	fprintf(f, "\nOptions:\n"
	    "  -h, --help     this text; "
	    "terrarium COMMAND --help tells about a command\n"
	    "  -V, --version  the version\n\n"
	    "Long options also take one dash "
	    "(-package, as ocamlfind spells it) "
	    "and\n--name=VALUE.  Example:\n"
	    "  terrarium build -package unix hello.ml && "
	    "terrarium run hello.efi\n"
	    "\nEnvironment: TERRARIUM_LIBDIR overrides the library directory "
	    "(lib/terrarium\nbeside or above the terrarium binary); TMPDIR is "
	    "where the steps' private\ndirectories go.\n");
}

/* Says the command line is wrong; returns EXIT_USAGE. */
static int usage_error(const char *what, const char *word)
{
	fprintf(stderr, "terrarium: %s %s\nTry 'terrarium --help'.\n", what,
	    word);
	return EXIT_USAGE;
}

/* Returns the command called name, or NULL. */
static const struct command *find(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
}

/* Runs the command named by argv[1]. */
int main(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : NULL;
	const struct command *c;
	char *help_argv[3];
	int status;

	/* The tools' messages are read back (ld's undefined symbols). */
	setenv("LC_ALL", "C", 1);
	if (!name) {
		help(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(name, "-h") || !strcmp(name, "--help") ||
	    !strcmp(name, "-help") || (!strcmp(name, "help") && argc == 2)) {
		help(stdout);
		return 0;
	}
	if (!strcmp(name, "-V") || !strcmp(name, "--version") ||
	    !strcmp(name, "-version")) {
		printf("terrarium %s\n", TERRARIUM_VERSION);
		return 0;
	}
	if (name[0] == '-')
		return usage_error("unknown option", name);
	/* terrarium help CMD is terrarium CMD --help. */
	if (!strcmp(name, "help")) {
		if (!(c = find(argv[2])))
			return usage_error("no command named", argv[2]);
		help_argv[0] = argv[2];
		help_argv[1] = "--help";
		help_argv[2] = NULL;
		return c->run(2, help_argv);
	}
	if (!(c = find(name)))
		return usage_error("no command named", name);
	status = c->run(argc - 1, argv + 1);
	/* A command stopped by a signal has cleaned up: now die of it. */
	spawn_die();
	return status;
}
