/*
 * Running tools (see compiler/spawn.h).  posix_spawn keeps it short: no
 * fork of a big process, and the file setup is declared, not coded.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "compiler/readall.h"
#include "compiler/spawn.h"

#define MAX_CAPTURE	(256 << 20)	/* largest tool output read */

extern char **environ;

int spawn_verbose;
volatile sig_atomic_t spawn_caught;

static const int caught_signals[] = { SIGINT, SIGTERM, SIGHUP };
static volatile sig_atomic_t child_pid;

/* Notes the signal and passes it on to the running tool. */
static void on_signal(int sig)
{
	spawn_caught = sig;
	if (child_pid > 0)
		kill(child_pid, sig);
}

/* Catches the signals that should end a tool; see compiler/spawn.h. */
void spawn_catch_signals(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(caught_signals) / sizeof(caught_signals[0]); i++)
		sigaction(caught_signals[i], &sa, NULL);
}

/* Dies of the caught signal; see compiler/spawn.h. */
void spawn_die(void)
{
	int sig = spawn_caught;

	if (!sig)
		return;
	signal(sig, SIG_DFL);
	raise(sig);
	exit(128 + sig);
}

/* Shows the command the way a shell would take it. */
static void show(char *const *argv)
{
	char *const *a;

	fputc('+', stderr);
	for (a = argv; *a; a++)
		if (**a && !strpbrk(*a, " \t\n'\"\\$`*?;&|<>()"))
			fprintf(stderr, " %s", *a);
		else
			fprintf(stderr, " '%s'", *a);
	fputc('\n', stderr);
}

/*
 * Starts argv with stdin from the file in, stdout on out_fd (when >= 0)
 * or the file out, stderr on the file err.  Returns the pid, or -1 (said).
 */
static pid_t start(char *const *argv, const char *in, int out_fd,
    const char *out, const char *err)
{
	posix_spawn_file_actions_t fa;
	int flags = O_WRONLY | O_CREAT | O_APPEND, r;
	pid_t pid;

	if (spawn_verbose)
		show(argv);
	r = posix_spawn_file_actions_init(&fa);
	if (r)
		goto err_said;
	r = posix_spawn_file_actions_addopen(&fa, 0, in ? in : "/dev/null",
	    O_RDONLY, 0);
	if (!r && out_fd >= 0)
		r = posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
	else if (!r && out)
		r = posix_spawn_file_actions_addopen(&fa, 1, out, flags, 0644);
	if (!r && err && out && strcmp(err, out) == 0)
		r = posix_spawn_file_actions_adddup2(&fa, 1, 2);
	else if (!r && err)
		r = posix_spawn_file_actions_addopen(&fa, 2, err, flags, 0644);
	if (!r)
		r = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (r)
		goto err_said;
	child_pid = pid;
	/* A signal that came before the tool started still ends it. */
	if (spawn_caught)
		kill(pid, spawn_caught);
	return pid;

err_said:
	fprintf(stderr, "terrarium: cannot run %s: %s\n", argv[0], strerror(r));
	return -1;
}

/* Waits for pid; returns its status as spawn_run() does. */
static int finish(pid_t pid, const char *name)
{
	int ws;

	while (waitpid(pid, &ws, 0) < 0)
		if (errno != EINTR) {
			fprintf(stderr, "terrarium: waiting for %s: %s\n", name,
			    strerror(errno));
			child_pid = 0;
			return -1;
		}
	child_pid = 0;
	if (spawn_caught)
		return -1;
	if (WIFSIGNALED(ws))
		return 128 + WTERMSIG(ws);
	return WEXITSTATUS(ws);
}

/* Runs a tool; see compiler/spawn.h. */
int spawn_run(char *const *argv, const char *in, const char *out,
    const char *err)
{
	pid_t pid = start(argv, in, -1, out, err);

	return pid < 0 ? -1 : finish(pid, argv[0]);
}

/* Runs a tool and keeps its output; see compiler/spawn.h. */
int spawn_capture(char *const *argv, const char *err, char **text)
{
	unsigned char *buf = NULL;
	size_t len = 0;
	FILE *f;
	pid_t pid;
	int p[2], e, status;

	*text = NULL;
	if (pipe2(p, O_CLOEXEC) < 0) {
		fprintf(stderr, "terrarium: pipe: %s\n", strerror(errno));
		return -1;
	}
	pid = start(argv, NULL, p[1], NULL, err);
	close(p[1]);
	if (pid < 0) {
		close(p[0]);
		return -1;
	}
	f = fdopen(p[0], "r");
	e = f ? read_all(f, MAX_CAPTURE, &buf, &len) : errno;
	if (f)
		fclose(f);
	else
		close(p[0]);
	status = finish(pid, argv[0]);
	if (status < 0) {
		free(buf);
		return -1;
	}
	if (e) {
		fprintf(stderr, "terrarium: reading the output of %s: %s\n",
		    argv[0], strerror(e));
		return -1;
	}
	/* read_all leaves room for nothing more: make the terminator. */
	*text = malloc(len + 1);
	if (!*text) {
		free(buf);
		fprintf(stderr, "terrarium: out of memory\n");
		return -1;
	}
	if (len)
		memcpy(*text, buf, len);
	(*text)[len] = '\0';
	free(buf);
	return status;
}
