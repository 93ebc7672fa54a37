/*
 * The command line terrarium run gives an image (README.md, "The kernel
 * command line"): "stdio=com2 video=keep", kernel options, NAME=value
 * environment words, then "--" and the program's arguments.  The kernel
 * splits it at spaces and groups words in double quotes, so words with
 * spaces are quoted, and a word with a double quote cannot be passed.
 * Pure code.
 */
#ifndef COMPILER_RUNLINE_H
#define COMPILER_RUNLINE_H

#include <stddef.h>

/* Whether word is NAME=value, NAME being A-Z, 0-9 and _ after a letter. */
int runline_is_env(const char *word);

/*
 * Builds the line from the kernel options (NULL for none; put in as
 * given), the environment words env[0..nenv) and the arguments
 * args[0..nargs).  Returns a new string, or NULL with *bad pointing to the
 * word that cannot be passed (NULL when out of memory).
 */
char *runline_build(const char *kernel_args, char *const *env, int nenv,
    char *const *args, int nargs, const char **bad);

/*
 * The program's whole exit status.  isa-debug-exit carries only its low
 * 7 bits (status), so before it powers off the kernel prints
 * "program: exit status N" on COM1 (log[0..len)).  Returns the N of the
 * last such line when it agrees with status, else status.
 */
int runline_exit_status(const char *log, size_t len, int status);

#endif
