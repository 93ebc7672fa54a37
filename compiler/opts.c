/*
 * The option parser and help printer of the terrarium commands (see
 * compiler/opts.h).
 */
#include <stdarg.h>
#include <string.h>
#include "compiler/opts.h"

#define HELP_COLUMN	24	/* where option help text starts */

/* Starts parsing; see compiler/opts.h. */
void opt_init(struct opt_state *s, const char *cmd, const struct opt *opts,
    int argc, char **argv)
{
	s->cmd = cmd;
	s->opts = opts;
	s->argc = argc;
	s->argv = argv;
	s->next = 1;
	s->dashdash = 0;
}

/* Says what is wrong and how to get help; returns EXIT_USAGE. */
int opt_usage_error(const struct opt_state *s, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", s->cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help'.\n", s->cmd);
	return EXIT_USAGE;
}

/* Returns the option called name (len bytes), or NULL. */
static const struct opt *find_long(const struct opt *o, const char *name,
    size_t len)
{
	for (; o->id; o++)
		if (strlen(o->name) == len && memcmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

/* Returns the option with short name c, or NULL. */
static const struct opt *find_short(const struct opt *o, char c)
{
	for (; o->id; o++)
		if (o->short_name && o->short_name == c)
			return o;
	return NULL;
}

/*
 * Takes the value of o: inline (after '=' or a short name) when given,
 * else the next word.  Returns o's id, or OPT_ERROR.
 */
static int take_value(struct opt_state *s, const struct opt *o,
    const char *word, const char *inline_value, const char **value)
{
	if (!o->arg) {
		if (inline_value) {
			opt_usage_error(s, "option %s takes no value", word);
			return OPT_ERROR;
		}
		*value = NULL;
		return o->id;
	}
	if (inline_value) {
		*value = inline_value;
		return o->id;
	}
	if (s->next >= s->argc) {
		opt_usage_error(s, "option %s needs a value (%s)", word,
		    o->arg);
		return OPT_ERROR;
	}
	*value = s->argv[s->next++];
	return o->id;
}

/* Returns the next option or operand; see compiler/opts.h. */
int opt_next(struct opt_state *s, const char **value)
{
	const struct opt *o;
	const char *word, *name, *eq;
	size_t len;

	*value = NULL;
	if (s->dashdash || s->next >= s->argc)
		return OPT_DONE;
	word = s->argv[s->next++];
	if (strcmp(word, "--") == 0) {
		s->dashdash = 1;
		return OPT_DONE;
	}
	if (word[0] != '-' || word[1] == '\0') {
		*value = word;
		return OPT_OPERAND;
	}
	name = word + (word[1] == '-' ? 2 : 1);
	eq = strchr(name, '=');
	len = eq ? (size_t)(eq - name) : strlen(name);
	/* "-x..." is a long name only when it is one in full (-package). */
	o = len > 1 || word[1] == '-' ? find_long(s->opts, name, len) : NULL;
	if (o)
		return take_value(s, o, word, eq ? eq + 1 : NULL, value);
	if (word[1] != '-' && (o = find_short(s->opts, name[0])))
		return take_value(s, o, word, name[1] ? name + 1 : NULL, value);
	opt_usage_error(s, "unknown option %s", word);
	return OPT_ERROR;
}

/* Prints the help of a command; see compiler/opts.h. */
void opt_help(FILE *f, const char *usage, const char *about,
    const struct opt *opts, const char *footer)
{
	const struct opt *o;
	const char *h, *nl;
	int col;

	fprintf(f, "%s\n%s", usage, about);
	if (opts->id)
		fprintf(f, "\nOptions:\n");
	for (o = opts; o->id; o++) {
		if (o->short_name)
			col = fprintf(f, "  -%c, --%s", o->short_name, o->name);
		else
			col = fprintf(f, "      --%s", o->name);
		if (o->arg)
			col += fprintf(f, " %s", o->arg);
		for (h = o->help; *h; h = *nl ? nl + 1 : nl) {
			nl = strchr(h, '\n');
			if (!nl)
				nl = h + strlen(h);
			if (col >= HELP_COLUMN - 1) {
				fputc('\n', f);
				col = 0;
			}
			fprintf(f, "%*s%.*s\n", HELP_COLUMN - col, "",
			    (int)(nl - h), h);
			col = 0;
		}
	}
	if (footer)
		fprintf(f, "\n%s", footer);
}
