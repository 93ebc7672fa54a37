/*
 * The kernel's command-line options, parsed once at boot.
 *
 *   [image path] [options] [NAME=value ...] [-- program arguments]
 *
 * NAME=value words are the program's environment; the words after "--"
 * are its arguments (argv[1] on).
 */
#ifndef KERNEL_OPTIONS_H
#define KERNEL_OPTIONS_H

#include <stdbool.h>

#define OPTIONS_MAX_WORDS 256

enum after_banner {
	AFTER_HALT,		/* stay up, idle */
	AFTER_POWEROFF,		/* power off through ACPI */
	AFTER_REBOOT,		/* reset the machine */
};

enum crash_kind {
	CRASH_NONE,
	CRASH_NULL,		/* read through a null pointer */
	CRASH_DIVIDE,		/* divide by zero */
	CRASH_TEXT_WRITE,	/* write into the kernel's own code */
	CRASH_STACK,		/* run off the end of the kernel stack */
};

struct options {
	enum after_banner after;
	enum crash_kind crash;
	bool stdio_ports;	/* stdio=com2: stdout on COM2, stderr on COM3 */
	const char *image_name;	/* first word when it names the image, or "" */
	char **env;		/* NAME=value words, nenv of them */
	int nenv;
	char **args;		/* words after "--", nargs of them */
	int nargs;
	char *words[OPTIONS_MAX_WORDS];	/* storage for env and args */
};

/*
 * Parses the command line (modified in place; env and args point into
 * it).  Unknown options and bad values are reported on the console and
 * ignored.
 */
void options_parse(char *cmdline, struct options *o);

#endif
