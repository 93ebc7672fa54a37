/*
 * The boot server's processes in the foreground (see serve.h).  One
 * poll loop over a signalfd and the processes' output pipes.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "netboot/serve.h"

#define MAX_PROCS	4
#define TICK_MS		100	/* between readiness probes */

extern char **environ;

/* Returns the monotonic clock in milliseconds. */
static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The signals that stop the server, plus SIGCHLD. */
static void stop_signals(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGQUIT);
	sigaddset(set, SIGCHLD);
}

/*
 * Starts p with its output on a pipe, in a process group of its own, with
 * the signals we take back at their defaults.  Returns 0, or -1 (said).
 */
static int start(struct serve_proc *p, const sigset_t *caught)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t none, deflt = *caught;
	int fds[2], r;

	if (pipe2(fds, O_CLOEXEC) < 0) {
		fprintf(stderr, "terrarium: cannot start %s: %s\n", p->name,
		    strerror(errno));
		return -1;
	}
	sigemptyset(&none);
	sigaddset(&deflt, SIGPIPE);
	posix_spawn_file_actions_init(&fa);
	posix_spawnattr_init(&attr);
	r = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	if (!r)
		r = posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	if (!r)
		r = posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
	if (!r)
		r = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP |
		    POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	if (!r)
		r = posix_spawnattr_setpgroup(&attr, 0);
	if (!r)
		r = posix_spawnattr_setsigmask(&attr, &none);
	if (!r)
		r = posix_spawnattr_setsigdefault(&attr, &deflt);
	if (!r)
		r = posix_spawnp(&p->pid, p->argv[0], &fa, &attr, p->argv,
		    environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&attr);
	close(fds[1]);
	if (r) {
		close(fds[0]);
		fprintf(stderr, "terrarium: cannot start %s: %s\n", p->name,
		    strerror(r));
		return -1;
	}
	p->fd = fds[0];
	fcntl(p->fd, F_SETFL, O_NONBLOCK);
	return 0;
}

/* Prints the line p has gathered and checks it for the ready text. */
static void emit(struct serve_proc *p)
{
	p->line[p->len] = '\0';
	printf("%s%s\n", p->prefix, p->line);
	fflush(stdout);
	if (p->ready_text && strstr(p->line, p->ready_text))
		p->ready = 1;
	p->len = 0;
}

/* Reads what p printed; closes its pipe at the end.  */
static void take_output(struct serve_proc *p)
{
	char buf[4096];
	ssize_t n, i;

	while ((n = read(p->fd, buf, sizeof(buf))) > 0)
		for (i = 0; i < n; i++) {
			if (buf[i] == '\n' || p->len == sizeof(p->line) - 1)
				emit(p);
			if (buf[i] != '\n')
				p->line[p->len++] = buf[i];
		}
	if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
		if (p->len)
			emit(p);
		close(p->fd);
		p->fd = -1;
	}
}

/*
 * Copies what p still prints once it ended, until its pipe closes or, if
 * something it left behind holds the pipe, for at most ms.
 */
static void drain(struct serve_proc *p, int ms)
{
	long long deadline = now_ms() + ms;
	struct pollfd pfd;

	while (p->fd >= 0 && now_ms() < deadline) {
		pfd.fd = p->fd;
		pfd.events = POLLIN;
		poll(&pfd, 1, ms);
		take_output(p);
	}
	if (p->fd >= 0) {
		close(p->fd);
		p->fd = -1;
	}
}

/* Whether a TCP connection to p's ready address succeeds now. */
static int probe(const struct serve_proc *p)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), ok;

	if (fd < 0)
		return 0;
	ok = connect(fd, (const struct sockaddr *)&p->ready_addr,
	    sizeof(p->ready_addr)) == 0;
	close(fd);
	return ok;
}

/* Collects every process that ended. */
static void reap(struct serve_proc *procs, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (procs[i].pid > 0 && !procs[i].ended &&
		    waitpid(procs[i].pid, &procs[i].status, WNOHANG) ==
		    procs[i].pid)
			procs[i].ended = 1;
}

/* Whether p has ended; it stays unreaped, so its pid stays ours. */
static int gone(const struct serve_proc *p)
{
	siginfo_t si;

	si.si_pid = 0;
	return waitid(P_PID, (id_t)p->pid, &si,
	    WEXITED | WNOHANG | WNOWAIT) == 0 &&
	    si.si_pid == p->pid;
}

/*
 * Stops every started process, last first: SIGTERM to its process group,
 * SIGKILL after SERVE_STOP_MS.  Copies what they print meanwhile.
 */
static void stop_all(struct serve_proc *procs, int n)
{
	long long deadline;
	struct serve_proc *p;
	int i;

	for (i = n - 1; i >= 0; i--) {
		p = &procs[i];
		if (p->pid <= 0 || p->ended) {
			drain(p, 1000);
			continue;
		}
		kill(-p->pid, SIGTERM);
		deadline = now_ms() + SERVE_STOP_MS;
		while (!gone(p) && now_ms() < deadline) {
			if (p->fd >= 0)
				take_output(p);
			poll(NULL, 0, 20);
		}
		/* Until reaped the group is ours: helpers it started go too. */
		kill(-p->pid, SIGKILL);
		waitpid(p->pid, &p->status, 0);
		p->ended = 1;
		drain(p, 1000);
	}
}

/* Says how p ended by itself. */
static void report_end(const struct serve_proc *p)
{
	if (WIFEXITED(p->status))
		fprintf(stderr, "terrarium: %s exited with status %d; its "
		    "messages are above\n", p->name, WEXITSTATUS(p->status));
	else
		fprintf(stderr, "terrarium: %s was killed by signal %d\n",
		    p->name, WTERMSIG(p->status));
}

/* Handles what the signalfd says.  Returns the stopping signal, or 0. */
static int take_signals(int sfd, struct serve_proc *procs, int n)
{
	struct signalfd_siginfo si;
	int stop = 0;

	while (read(sfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		if (si.ssi_signo == SIGCHLD)
			reap(procs, n);
		else
			stop = (int)si.ssi_signo;
	}
	return stop;
}

/*
 * Runs the loop until a stopping signal (returns 0), a process's end or a
 * start that did not become ready (returns 1, said).
 */
static int loop(struct serve_proc *procs, int n, const char *ready, int sfd,
    const sigset_t *caught)
{
	struct pollfd pfd[MAX_PROCS + 1];
	int i, started = 0, announced = 0, np;
	long long deadline = 0;

	for (;;) {
		/* The next one starts once those before it are ready. */
		if (started < n && (started == 0 || procs[started - 1].ready)) {
			if (start(&procs[started], caught) < 0)
				return 1;
			started++;
			deadline = now_ms() + SERVE_READY_MS;
		}
		for (i = 0; i < started; i++) {
			if (procs[i].ended) {
				drain(&procs[i], 1000);
				report_end(&procs[i]);
				return 1;
			}
			if (!procs[i].ready && !procs[i].ready_text &&
			    probe(&procs[i]))
				procs[i].ready = 1;
		}
		if (started == n && procs[n - 1].ready && !announced) {
			fputs(ready, stdout);
			fflush(stdout);
			announced = 1;
		}
		if (!announced && now_ms() > deadline) {
			fprintf(stderr, "terrarium: %s did not become ready "
			    "within %d s\n", procs[started - 1].name,
			    SERVE_READY_MS / 1000);
			return 1;
		}
		pfd[0].fd = sfd;
		pfd[0].events = POLLIN;
		for (i = 0, np = 1; i < started; i++)
			if (procs[i].fd >= 0) {
				pfd[np].fd = procs[i].fd;
				pfd[np++].events = POLLIN;
			}
		if (poll(pfd, (nfds_t)np, announced ? -1 : TICK_MS) < 0 &&
		    errno != EINTR) {
			fprintf(stderr, "terrarium: cannot wait for the "
			    "servers: %s\n", strerror(errno));
			return 1;
		}
		for (i = 0; i < started; i++)
			if (procs[i].fd >= 0)
				take_output(&procs[i]);
		if (take_signals(sfd, procs, n)) {
			printf("netboot: stopping\n");
			fflush(stdout);
			return 0;
		}
	}
}

/* Runs the processes; see serve.h. */
int serve_run(struct serve_proc *procs, int n, const char *ready)
{
	void (*old_pipe)(int);
	sigset_t caught, old;
	int i, sfd, r;

	if (n < 1 || n > MAX_PROCS)
		return 1;
	for (i = 0; i < n; i++) {
		procs[i].pid = 0;
		procs[i].fd = -1;
		procs[i].len = 0;
		procs[i].ready = procs[i].ended = 0;
	}
	/* A reader of our output that goes away must not kill us and
	   orphan the servers. */
	old_pipe = signal(SIGPIPE, SIG_IGN);
	stop_signals(&caught);
	sigprocmask(SIG_BLOCK, &caught, &old);
	sfd = signalfd(-1, &caught, SFD_NONBLOCK | SFD_CLOEXEC);
	if (sfd < 0) {
		fprintf(stderr, "terrarium: cannot watch signals: %s\n",
		    strerror(errno));
		sigprocmask(SIG_SETMASK, &old, NULL);
		signal(SIGPIPE, old_pipe);
		return 1;
	}
	r = loop(procs, n, ready, sfd, &caught);
	stop_all(procs, n);
	close(sfd);
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGPIPE, old_pipe);
	return r;
}
