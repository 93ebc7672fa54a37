/*
 * Kernel command-line options:
 *   video=WxH|keep   graphics mode, or the firmware's (read by efi/
 *                    before the exit)
 *   poweroff         power off after the banner
 *   reboot           reset after the banner
 *   crash=KIND       fault on purpose after the banner, to check the crash
 *                    report: null, divide, textwrite, stack
 *   stdio=com2       the program's stdout on COM2, stderr on COM3
 *   NAME=value       an environment variable for the program
 *   -- ARGS...       the program's arguments
 */
#include "kernel/cmdline.h"
#include "kernel/kprintf.h"
#include "kernel/options.h"
#include "kernel/string.h"

static const struct {
	const char *name;
	enum crash_kind kind;
} crash_kinds[] = {
	{ "null", CRASH_NULL },
	{ "divide", CRASH_DIVIDE },
	{ "textwrite", CRASH_TEXT_WRITE },
	{ "stack", CRASH_STACK },
};

/*
 * crash=KIND: a deliberate fault after the banner; an unknown kind is
 * reported and ignored, not fatal.
 */
static void parse_crash(const char *v, struct options *o)
{
	unsigned i;

	for (i = 0; i < sizeof(crash_kinds) / sizeof(crash_kinds[0]); i++)
		if (!strcmp(v, crash_kinds[i].name)) {
			o->crash = crash_kinds[i].kind;
			return;
		}
	kprintf("cmdline: crash=%s is not one of null, divide, textwrite, "
	    "stack; ignored\n", v);
}

/*
 * Applies one command-line word to o; a mistake is reported and ignored, so
 * a typo never stops a boot.
 */
static void parse_word(char *w, struct options *o)
{
	const char *v;
	uint32_t width, height;

	if (cmdline_is_env(w)) {
		o->env[o->nenv++] = w;
	} else if ((v = cmdline_value(w, "video"))) {
		if (strcmp(v, "keep") &&
		    cmdline_parse_size(v, &width, &height) < 0)
			kprintf("cmdline: video=%s is neither WIDTHxHEIGHT nor "
			    "keep; ignored\n", v);
	} else if (cmdline_value(w, "poweroff")) {
		o->after = AFTER_POWEROFF;
	} else if (cmdline_value(w, "reboot")) {
		o->after = AFTER_REBOOT;
	} else if ((v = cmdline_value(w, "crash"))) {
		parse_crash(v, o);
	} else if ((v = cmdline_value(w, "stdio"))) {
		if (strcmp(v, "com2"))
			kprintf("cmdline: stdio=%s is not com2; ignored\n", v);
		else
			o->stdio_ports = true;
	} else {
		kprintf("cmdline: unknown option '%s' ignored\n", w);
	}
}

/* Parses the command line; see kernel/options.h. */
void options_parse(char *cmdline, struct options *o)
{
	char **words = o->words;
	int i, n;

	o->after = AFTER_HALT;
	o->crash = CRASH_NONE;
	o->stdio_ports = false;
	o->image_name = "";
	n = cmdline_split(cmdline, words, OPTIONS_MAX_WORDS);
	if (n > OPTIONS_MAX_WORDS) {
		kprintf("cmdline: %d words, only the first %d are read\n",
		    n, OPTIONS_MAX_WORDS);
		n = OPTIONS_MAX_WORDS;
	}
	i = 0;
	if (n && cmdline_is_image_path(words[0]))
		o->image_name = words[i++];
	/* Environment words are gathered in place, before the arguments. */
	o->env = words;
	o->nenv = 0;
	for (; i < n && strcmp(words[i], "--"); i++)
		parse_word(words[i], o);
	o->args = words + i + (i < n);
	o->nargs = n - i - (i < n);
}
