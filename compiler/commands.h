/*
 * The terrarium commands, one function each, called from the dispatch
 * table of compiler/terrarium.c.
 *
 * argv[0] is the command's name and argc counts it.  A command parses its
 * own options (compiler/opts.h); it answers --help on stdout with status
 * 0, says a usage mistake in one sentence followed by "Try 'terrarium
 * NAME --help'." on stderr with status 2 (EXIT_USAGE), and returns its
 * exit status.
 */
#ifndef COMPILER_COMMANDS_H
#define COMPILER_COMMANDS_H

int cmd_build(int argc, char **argv);
int cmd_link(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_image(int argc, char **argv);
int cmd_netboot(int argc, char **argv);

#endif
