/*
 * The kernel's command-line options, parsed once at boot.
 */
#ifndef KERNEL_OPTIONS_H
#define KERNEL_OPTIONS_H

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
	const char *image_name;	/* first word when it names the image, or "" */
};

/*
 * Parses the command line (modified in place).  Unknown options and bad
 * values are reported on the console and ignored.
 */
void options_parse(char *cmdline, struct options *o);

#endif
