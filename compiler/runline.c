/*
 * The command line of terrarium run (see compiler/runline.h).
 */
#include <stdlib.h>
#include <string.h>
#include "compiler/runline.h"

/* Whether word is an environment word; see compiler/runline.h. */
int runline_is_env(const char *word)
{
	const char *p = word;

	if (!(*p >= 'A' && *p <= 'Z'))
		return 0;
	for (; *p && *p != '='; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '_'))
			return 0;
	return *p == '=';
}

/*
 * Appends word to the line at *o after a space, quoted when
 * it is empty or holds a space.
 */
static void put_word(char **o, const char *word)
{
	int quote = !*word || strchr(word, ' ');
	size_t n = strlen(word);

	*(*o)++ = ' ';
	if (quote)
		*(*o)++ = '"';
	memcpy(*o, word, n);
	*o += n;
	if (quote)
		*(*o)++ = '"';
}

/* Builds the line; see compiler/runline.h. */
char *runline_build(const char *kernel_args, char *const *env, int nenv,
    char *const *args, int nargs, const char **bad)
{
	/* The firmware's graphics mode: a mode switch only costs boot time
	   when nobody looks (a later video= wins). */
	static const char fixed[] = "stdio=com2 video=keep";
	size_t size = sizeof(fixed) + 4;
	char *line, *o;
	int i;

	*bad = NULL;
	for (i = 0; i < nenv + nargs; i++) {
		const char *w = i < nenv ? env[i] : args[i - nenv];

		if (strchr(w, '"') || (i < nenv && !runline_is_env(w))) {
			*bad = w;
			return NULL;
		}
		size += strlen(w) + 3;
	}
	size += kernel_args ? strlen(kernel_args) + 1 : 0;
	line = malloc(size);
	if (!line)
		return NULL;
	o = line;
	memcpy(o, fixed, sizeof(fixed) - 1);
	o += sizeof(fixed) - 1;
	if (kernel_args && *kernel_args) {
		*o++ = ' ';
		memcpy(o, kernel_args, strlen(kernel_args));
		o += strlen(kernel_args);
	}
	for (i = 0; i < nenv; i++)
		put_word(&o, env[i]);
	if (nargs)
		put_word(&o, "--");
	for (i = 0; i < nargs; i++)
		put_word(&o, args[i]);
	*o = '\0';
	return line;
}

/* The program's whole exit status; see compiler/runline.h. */
int runline_exit_status(const char *log, size_t len, int status)
{
	static const char tag[] = "program: exit status ";
	size_t n = sizeof(tag) - 1, i;
	int v = -1;

	for (i = len; i-- > 0;) {
		if (len - i < n || memcmp(log + i, tag, n) ||
		    (i > 0 && log[i - 1] != '\n'))
			continue;
		for (v = 0, i += n; i < len && log[i] >= '0' && log[i] <= '9' &&
		    v < 256; i++)
			v = v * 10 + (log[i] - '0');
		break;
	}
	return v >= 0 && v < 256 && v % 128 == status ? v : status;
}
