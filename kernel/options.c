/*
 * Kernel command-line options:
 *   video=WxH        graphics mode (read by efi/ before the exit)
 *   poweroff         power off after the banner
 *   reboot           reset after the banner
 *   crash=KIND       fault on purpose after the banner, to check the crash
 *                    report: null, divide, textwrite, stack
 */
#include "kernel/cmdline.h"
#include "kernel/kprintf.h"
#include "kernel/options.h"
#include "kernel/string.h"

#define MAX_WORDS 64

static const struct {
	const char *name;
	enum crash_kind kind;
} crash_kinds[] = {
	{ "null", CRASH_NULL },
	{ "divide", CRASH_DIVIDE },
	{ "textwrite", CRASH_TEXT_WRITE },
	{ "stack", CRASH_STACK },
};

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

static void parse_word(const char *w, struct options *o)
{
	const char *v;
	uint32_t width, height;

	if ((v = cmdline_value(w, "video"))) {
		if (cmdline_parse_size(v, &width, &height) < 0)
			kprintf("cmdline: video=%s is not WIDTHxHEIGHT; "
			    "ignored\n", v);
	} else if (cmdline_value(w, "poweroff")) {
		o->after = AFTER_POWEROFF;
	} else if (cmdline_value(w, "reboot")) {
		o->after = AFTER_REBOOT;
	} else if ((v = cmdline_value(w, "crash"))) {
		parse_crash(v, o);
	} else {
		kprintf("cmdline: unknown option '%s' ignored\n", w);
	}
}

/* Parses the command line; see kernel/options.h. */
void options_parse(char *cmdline, struct options *o)
{
	char *words[MAX_WORDS];
	int i, n;

	o->after = AFTER_HALT;
	o->crash = CRASH_NONE;
	o->image_name = "";
	n = cmdline_split(cmdline, words, MAX_WORDS);
	if (n > MAX_WORDS) {
		kprintf("cmdline: %d words, only the first %d are read\n",
		    n, MAX_WORDS);
		n = MAX_WORDS;
	}
	i = 0;
	if (n && cmdline_is_image_path(words[0]))
		o->image_name = words[i++];
	for (; i < n; i++)
		parse_word(words[i], o);
}
