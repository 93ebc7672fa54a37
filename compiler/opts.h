/*
 * Command-line options of the terrarium commands, from one table per
 * command that both the parser and the help text read, so every option is
 * documented.
 *
 * An option is written "--name", "--name=VALUE", "--name VALUE", "-name"
 * (ocamlfind's spelling: -package), "-x", "-xVALUE" or "-x VALUE".
 * Options and operands may come in any order; "--" ends the options.
 * Pure code: the parser prints its errors but exits nothing.
 */
#ifndef COMPILER_OPTS_H
#define COMPILER_OPTS_H

#include <stdio.h>

/* Exit status of a command-line mistake. */
#define EXIT_USAGE	2

struct opt {
	int id;			/* returned by opt_next(); > 0 */
	const char *name;	/* long name, without dashes */
	char short_name;	/* or 0 */
	const char *arg;	/* name of the value in the help ("FILE"); NULL
				   for a flag */
	const char *help;	/* one or more lines, '\n' between them */
};

/* What opt_next() returns besides an option's id. */
enum {
	OPT_DONE = 0,		/* no more options: end of argv, or "--" */
	OPT_OPERAND = -1,	/* an operand, in *value */
	OPT_ERROR = -2,		/* a mistake, said on stderr */
};

struct opt_state {
	const char *cmd;	/* "terrarium build", for messages */
	const struct opt *opts;	/* ends with an entry of id 0 */
	int argc;
	char **argv;
	int next;		/* index of the next word */
	int dashdash;		/* "--" was seen; next is the word after it */
};

/* Starts parsing argv[1..argc) for the command cmd with the table opts. */
void opt_init(struct opt_state *s, const char *cmd, const struct opt *opts,
    int argc, char **argv);

/*
 * Returns the next option's id with its value (NULL for a flag) in *value,
 * OPT_OPERAND with the operand in *value, OPT_DONE, or OPT_ERROR after
 * saying which word is wrong and how to get help.
 */
int opt_next(struct opt_state *s, const char **value);

/*
 * Says "CMD: what" and the help hint on stderr, for the command's own checks
 * of its options; returns EXIT_USAGE.
 */
int opt_usage_error(const struct opt_state *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Prints the help of a command to f: the usage line(s), the text about
 * it, then every option of opts with its help, aligned.
 */
void opt_help(FILE *f, const char *usage, const char *about,
    const struct opt *opts, const char *footer);

#endif
