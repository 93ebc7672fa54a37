/*
 * Running the tools terrarium drives (ocamlfind, ld, nm, objcopy, QEMU's
 * helpers), with their output sent to files or captured.
 */
#ifndef COMPILER_SPAWN_H
#define COMPILER_SPAWN_H

#include <signal.h>

/* Non-zero: each command is shown on stderr before it runs (-v). */
extern int spawn_verbose;

/* The signal spawn_catch_signals() caught, or 0. */
extern volatile sig_atomic_t spawn_caught;

/*
 * Makes SIGINT, SIGTERM and SIGHUP end the running tool (it gets them
 * too: they go to the whole process group from a terminal, and are
 * passed on otherwise) and be noted in spawn_caught instead of ending
 * terrarium, so that it can remove its temporary files and then die of
 * the signal (spawn_die()).
 */
void spawn_catch_signals(void);

/* Dies of the caught signal, if there is one. */
void spawn_die(void);

/*
 * Runs argv (argv[0] looked up in PATH) with stdin from the file in
 * (NULL: /dev/null), stdout appended to the file out and stderr to the
 * file err (NULL: terrarium's own; the same path: one file gets both).
 * Returns the exit status, 128+N when signal N ended it, or -1 when it
 * could not run (said) or a signal was caught (not said).
 */
int spawn_run(char *const *argv, const char *in, const char *out,
    const char *err);

/*
 * Runs argv as spawn_run() does and returns its standard output in *text
 * (NUL-terminated; free it).  Returns the status as spawn_run() does; on
 * -1 *text is NULL.
 */
int spawn_capture(char *const *argv, const char *err, char **text);

#endif
