/*
 * A QEMU+OVMF run (see compiler/qemu.h): starting the process with its
 * private directory and its serial and monitor sockets, ending it, and
 * the signals that must not leave it behind.
 *
 * Both sockets are socketpairs handed to QEMU as descriptors, so there is
 * no path to race on and nothing to connect.  A pidfd tells when QEMU is
 * gone; then whatever it wrote is still in the sockets and is drained.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "compiler/qemu_run.h"
#include "compiler/tmpdir.h"

#define MAX_RUNS	16		/* QEMUs at once in one process */
#define KEEP_SERIAL	(4 << 20)	/* serial bytes kept in memory */

extern char **environ;

static const int caught_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

/* Read by the signal handler: the QEMUs to kill, and what was caught. */
static volatile sig_atomic_t live_pid[MAX_RUNS];
static volatile sig_atomic_t caught;

/* Returns the monotonic clock in milliseconds. */
int64_t qemu_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Returns the deadline seconds from now; see compiler/qemu.h. */
int64_t qemu_deadline(double seconds)
{
	if (seconds <= 0 || seconds > 1e9)
		return QEMU_FOREVER;
	return qemu_now_ms() + (int64_t)(seconds * 1000);
}

/* Kills every running QEMU: the handler of the caught signals. */
static void on_signal(int sig)
{
	int saved = errno, i;

	caught = sig;
	for (i = 0; i < MAX_RUNS; i++)
		if (live_pid[i] > 0)
			kill(live_pid[i], SIGKILL);
	errno = saved;
}

/* Installs the signal handling; see compiler/qemu.h. */
int qemu_catch_signals(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(caught_signals) / sizeof(caught_signals[0]); i++)
		if (sigaction(caught_signals[i], &sa, NULL) < 0)
			goto err_sigaction;
	sa.sa_handler = SIG_IGN;
	if (sigaction(SIGPIPE, &sa, NULL) < 0)
		goto err_sigaction;
	return 0;

err_sigaction:
	fprintf(stderr, "qemu: cannot install signal handlers: %s\n",
	    strerror(errno));
	return -1;
}

/* Returns the caught signal, or 0. */
int qemu_caught_signal(void)
{
	return caught;
}

/* Collects QEMU after it ended; see compiler/qemu_run.h. */
enum qemu_wait qemu_reap(struct qemu *q)
{
	/* Off the list first: once reaped, the pid may name another process. */
	live_pid[q->slot] = 0;
	while (waitpid(q->pid, &q->wstatus, 0) < 0 && errno == EINTR)
		;
	q->running = 0;
	if (q->pidfd >= 0)
		close(q->pidfd);
	q->pidfd = -1;
	qemu_drain(q);
	return QEMU_EXITED;
}

/* Kills QEMU and waits for it; see compiler/qemu.h. */
void qemu_kill(struct qemu *q)
{
	if (!q->running)
		return;
	q->killed = 1;
	kill(q->pid, SIGKILL);
	qemu_reap(q);
}

/* Reports how QEMU ended; see compiler/qemu.h. */
enum qemu_end qemu_end(const struct qemu *q, int *status)
{
	*status = -1;
	if (q->running)
		return QEMU_END_ERROR;
	if (WIFSIGNALED(q->wstatus) && WTERMSIG(q->wstatus) == SIGKILL &&
	    (q->killed || caught))
		return QEMU_END_KILLED;
	return qemu_map_exit(q->wstatus, q->reason, status);
}

/* Describes how QEMU ended; see compiler/qemu.h. */
const char *qemu_end_text(const struct qemu *q, char *buf, size_t size)
{
	int status;

	switch (qemu_end(q, &status)) {
	case QEMU_END_STATUS:
		snprintf(buf, size, "the image exited with status %d", status);
		break;
	case QEMU_END_POWEROFF:
		snprintf(buf, size, "the guest powered off");
		break;
	case QEMU_END_RESET:
		snprintf(buf, size, "the guest reset (a reset request or a "
		    "triple fault)");
		break;
	case QEMU_END_CLOSED:
		snprintf(buf, size, "QEMU quit (%s)",
		    *q->reason ? q->reason : "no reason given");
		break;
	case QEMU_END_KILLED:
		snprintf(buf, size, "QEMU was killed");
		break;
	case QEMU_END_ERROR:
		if (q->running)
			snprintf(buf, size, "QEMU is still running");
		else if (WIFEXITED(q->wstatus))
			snprintf(buf, size, "QEMU failed with exit status %d",
			    WEXITSTATUS(q->wstatus));
		else
			snprintf(buf, size, "QEMU died of signal %d (%s)",
			    WTERMSIG(q->wstatus),
			    strsignal(WTERMSIG(q->wstatus)));
		break;
	}
	return buf;
}

/* Removes the private directory, if it is still there. */
static void remove_dir(struct qemu *q)
{
	tmpdir_remove(q->dir);
	q->dir = NULL;
}

/* Kills QEMU, removes the private directory, frees q. */
void qemu_close(struct qemu *q)
{
	int i;

	if (!q)
		return;
	qemu_kill(q);
	if (q->serial_fd >= 0)
		close(q->serial_fd);
	for (i = 0; i < q->nports; i++)
		if (q->ports[i].fd >= 0)
			close(q->ports[i].fd);
	if (q->qmp_fd >= 0)
		close(q->qmp_fd);
	if (q->log_fd >= 0 && close(q->log_fd) < 0)
		fprintf(stderr, "qemu: cannot write the serial log %s: %s\n",
		    q->log_path, strerror(errno));
	remove_dir(q);
	qemu_stream_free(&q->out);
	free(q->log_path);
	free(q->ports_after);
	free(q->qbuf);
	free(q->reply);
	free(q);
}

/* Copies file src to the new file dst.  Returns 0, or -1 (said on stderr). */
static int copy_file(const char *src, const char *dst)
{
	char buf[65536];
	ssize_t n;
	int in, out;

	in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0) {
		fprintf(stderr, "qemu: cannot read %s: %s\n", src,
		    strerror(errno));
		return -1;
	}
	out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out < 0)
		goto err_dst;
	while ((n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fprintf(stderr, "qemu: cannot read %s: %s\n", src,
			    strerror(errno));
			goto err_copy;
		}
		if (qemu_put_all(out, buf, (size_t)n, 0) < 0)
			goto err_write;
	}
	if (close(out) < 0) {
		out = -1;
		goto err_write;
	}
	close(in);
	return 0;

err_write:
	fprintf(stderr, "qemu: cannot write %s: %s\n", dst, strerror(errno));
err_copy:
	if (out >= 0)
		close(out);
	close(in);
	return -1;

err_dst:
	fprintf(stderr, "qemu: cannot create %s: %s\n", dst, strerror(errno));
	close(in);
	return -1;
}

/*
 * Checks that the image and the firmware are there and of the right kind,
 * so the error names them rather than coming from deep inside QEMU.
 */
static int check_files(const struct qemu_config *c)
{
	struct stat st;
	int want_dir = c->boot == QEMU_BOOT_FAT;

	if (c->boot == QEMU_BOOT_NONE)
		goto firmware;
	if (!c->image) {
		fprintf(stderr, "qemu: no image to boot\n");
		return -1;
	}
	if (c->nports < 0 || c->nports > QEMU_MAX_PORTS) {
		fprintf(stderr, "qemu: %d serial ports after COM1 asked for, "
		    "at most %d can be had\n", c->nports, QEMU_MAX_PORTS);
		return -1;
	}
	if (stat(c->image, &st) < 0) {
		fprintf(stderr, "qemu: cannot use %s: %s\n", c->image,
		    strerror(errno));
		return -1;
	}
	if (want_dir && !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "qemu: %s is not a directory\n", c->image);
		return -1;
	}
	if (!want_dir && !S_ISREG(st.st_mode) &&
	    !((c->boot == QEMU_BOOT_DISK || c->boot == QEMU_BOOT_USB) &&
	    S_ISBLK(st.st_mode))) {
		fprintf(stderr, "qemu: %s is not a file\n", c->image);
		return -1;
	}
firmware:
	if (access(c->ovmf_code, R_OK) < 0) {
		fprintf(stderr, "qemu: cannot read the OVMF firmware %s: %s\n",
		    c->ovmf_code, strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Makes the run's private directory with the variable store copy, QEMU's
 * own temporary directory and, for QEMU_BOOT_EFI, the FAT tree.  Returns
 * 0, or -1 (said on stderr).
 */
static int make_dir(struct qemu *q, const struct qemu_config *c)
{
	static const char *const subdirs[] = {
		"tmp", "fat", "fat/EFI", "fat/EFI/BOOT",
	};
	char path[PATH_MAX];
	size_t i, n = c->boot == QEMU_BOOT_EFI ? 4 : 1;

	if (!(q->dir = tmpdir_make("qemu")))
		return -1;
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", q->dir, subdirs[i]);
		if (mkdir(path, 0700) < 0) {
			fprintf(stderr, "qemu: cannot create %s: %s\n", path,
			    strerror(errno));
			return -1;
		}
	}
	snprintf(path, sizeof(path), "%s/vars.fd", q->dir);
	if (copy_file(c->ovmf_vars, path) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/fat/EFI/BOOT/BOOTX64.EFI", q->dir);
	if (c->boot == QEMU_BOOT_EFI && copy_file(c->image, path) < 0)
		return -1;
	return 0;
}

/*
 * Returns environ with TMPDIR pointing into the private directory, so
 * QEMU's own temporary files (vvfat's) go with it; *tmpdir gets the one
 * string to free with the vector.  NULL when out of memory.
 */
static char **child_env(const struct qemu *q, char **tmpdir)
{
	char **env, **e;
	size_t n = 0;

	for (e = environ; *e; e++)
		n++;
	env = calloc(n + 2, sizeof(*env));
	if (!env || asprintf(tmpdir, "TMPDIR=%s/tmp", q->dir) < 0) {
		free(env);
		return NULL;
	}
	for (n = 0, e = environ; *e; e++)
		if (strncmp(*e, "TMPDIR=", 7) != 0)
			env[n++] = *e;
	env[n] = *tmpdir;
	return env;
}

/*
 * The child between fork and exec: default signal handling, its own
 * process group (a terminal's ^C goes to the harness, which kills QEMU
 * itself), death with the parent, the sockets kept open.  On an exec
 * failure the errno goes back through errfd.
 */
static __attribute__((noreturn)) void child(char **argv, char **envp,
    const int *keep, int nkeep, int nullfd, int errfd, pid_t parent,
    const sigset_t *mask)
{
	struct sigaction sa;
	size_t i;
	int e, k;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	for (i = 0; i < sizeof(caught_signals) / sizeof(caught_signals[0]); i++)
		sigaction(caught_signals[i], &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
	sigprocmask(SIG_SETMASK, mask, NULL);
	setpgid(0, 0);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(127);
	dup2(nullfd, 0);
	fcntl(0, F_SETFD, 0);
	dup2(2, 1);
	for (k = 0; k < nkeep; k++)
		fcntl(keep[k], F_SETFD, 0);
	execvpe(argv[0], argv, envp);
	e = errno;
	if (write(errfd, &e, sizeof(e)) < 0)
		_exit(126);
	_exit(127);
}

/* Returns a free slot of live_pid[], or -1. */
static int free_slot(void)
{
	int i;

	for (i = 0; i < MAX_RUNS; i++)
		if (live_pid[i] == 0)
			return i;
	return -1;
}

/*
 * Forks and executes argv with QEMU's ends of the sockets in keep[0..nkeep).
 * Returns 0, or -1 (said on stderr).
 */
static int spawn(struct qemu *q, char **argv, char **envp, const int *keep,
    int nkeep)
{
	sigset_t block, old;
	int ep[2], nullfd, e;
	pid_t parent;
	ssize_t n;
	size_t i;

	q->slot = free_slot();
	if (q->slot < 0) {
		fprintf(stderr, "qemu: already %d QEMUs running\n", MAX_RUNS);
		return -1;
	}
	nullfd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (nullfd < 0 || pipe2(ep, O_CLOEXEC) < 0) {
		fprintf(stderr, "qemu: cannot prepare QEMU's descriptors: %s\n",
		    strerror(errno));
		if (nullfd >= 0)
			close(nullfd);
		return -1;
	}
	/* Blocked across the fork so no handler runs in the child. */
	sigemptyset(&block);
	for (i = 0; i < sizeof(caught_signals) / sizeof(caught_signals[0]); i++)
		sigaddset(&block, caught_signals[i]);
	sigprocmask(SIG_BLOCK, &block, &old);
	parent = getpid();
	q->pid = fork();
	e = errno;
	if (q->pid == 0)
		child(argv, envp, keep, nkeep, nullfd, ep[1], parent, &old);
	if (q->pid > 0)
		live_pid[q->slot] = q->pid;
	sigprocmask(SIG_SETMASK, &old, NULL);
	close(nullfd);
	close(ep[1]);
	if (q->pid < 0) {
		fprintf(stderr, "qemu: cannot fork: %s\n", strerror(e));
		close(ep[0]);
		return -1;
	}
	q->running = 1;
	while ((n = read(ep[0], &e, sizeof(e))) < 0 && errno == EINTR)
		;
	close(ep[0]);
	if (n == (ssize_t)sizeof(e)) {
		fprintf(stderr, "qemu: cannot run %s: %s\n", argv[0],
		    strerror(e));
		return -1;
	}
	q->pidfd = pidfd_open(q->pid, 0);
	if (q->pidfd < 0) {
		fprintf(stderr, "qemu: pidfd_open: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Makes a socketpair: ours non-blocking in *mine, QEMU's in *theirs.
 * Returns 0, or -1 (said on stderr).
 */
static int make_socket(int *mine, int *theirs)
{
	int s[2];

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s) < 0) {
		fprintf(stderr, "qemu: socketpair: %s\n", strerror(errno));
		return -1;
	}
	*mine = s[0];
	*theirs = s[1];
	fcntl(*mine, F_SETFL, O_NONBLOCK);
	return 0;
}

/*
 * Makes the serial, monitor and further port socketpairs: our ends in q,
 * QEMU's in theirs (serial, monitor, then the ports; -1 where none was
 * made).  Returns 0, or -1 (said on stderr).
 */
static int make_sockets(struct qemu *q, int *theirs)
{
	int i;

	if (make_socket(&q->serial_fd, &theirs[0]) < 0 ||
	    make_socket(&q->qmp_fd, &theirs[1]) < 0)
		return -1;
	for (i = 0; i < q->nports; i++)
		if (make_socket(&q->ports[i].fd, &theirs[2 + i]) < 0)
			return -1;
	return 0;
}

/* Closes QEMU's ends of the sockets. */
static void close_theirs(int *theirs, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (theirs[i] >= 0) {
			close(theirs[i]);
			theirs[i] = -1;
		}
}

/* Starts QEMU; see compiler/qemu.h. */
struct qemu *qemu_start(const struct qemu_config *c)
{
	struct qemu *q;
	char **argv = NULL, **envp = NULL, *tmpenv = NULL;
	char vars[PATH_MAX], fat[PATH_MAX];
	int theirs[2 + QEMU_MAX_PORTS], r, i;
	enum qemu_wait why;

	if (caught || check_files(c) < 0)
		return NULL;
	for (i = 0; i < 2 + QEMU_MAX_PORTS; i++)
		theirs[i] = -1;
	q = calloc(1, sizeof(*q));
	if (!q) {
		fprintf(stderr, "qemu: out of memory\n");
		return NULL;
	}
	q->pid = q->pidfd = q->serial_fd = q->qmp_fd = q->log_fd = -1;
	q->echo_fd = c->echo_fd;
	q->nports = c->nports;
	if (c->ports_after && !(q->ports_after = strdup(c->ports_after))) {
		fprintf(stderr, "qemu: out of memory\n");
		free(q);
		return NULL;
	}
	for (i = 0; i < q->nports; i++) {
		q->ports[i].fd = -1;
		q->ports[i].out_fd = c->ports[i].out_fd;
		q->ports[i].in_fd = c->ports[i].in_fd;
		q->ports[i].end_byte = c->ports[i].end_byte;
	}
	q->t_first = -1;
	q->out.keep = KEEP_SERIAL;
	if (make_dir(q, c) < 0)
		goto err_close;
	if (c->serial_log) {
		q->log_path = strdup(c->serial_log);
		q->log_fd = open(c->serial_log,
		    O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (q->log_fd < 0 || !q->log_path) {
			fprintf(stderr, "qemu: cannot create the serial log "
			    "%s: %s\n", c->serial_log, strerror(errno));
			goto err_close;
		}
	}
	if (make_sockets(q, theirs) < 0)
		goto err_args;
	snprintf(vars, sizeof(vars), "%s/vars.fd", q->dir);
	snprintf(fat, sizeof(fat), "%s/fat", q->dir);
	argv = qemu_build_args(c, vars,
	    c->boot == QEMU_BOOT_FAT ? c->image : fat, theirs[0], theirs[1],
	    theirs + 2);
	envp = child_env(q, &tmpenv);
	if (!argv || !envp) {
		fprintf(stderr, "qemu: out of memory\n");
		goto err_args;
	}
	r = spawn(q, argv, envp, theirs, 2 + q->nports);
	close_theirs(theirs, 2 + q->nports);
	if (r < 0)
		goto err_args;
	/* The monitor answers only once QEMU has built the machine, so a
	   failure to start shows here, before the guest runs. */
	if (qemu_call(q, "{\"execute\":\"qmp_capabilities\"}", NULL, &why) < 0)
		goto err_start;
	/* QEMU holds its files open now.  Only vvfat reads its directory
	   later, so other runs leave nothing behind even if we are killed. */
	if (c->boot != QEMU_BOOT_EFI && c->boot != QEMU_BOOT_FAT)
		remove_dir(q);
	q->t_start = qemu_now_ms();
	if (qemu_call(q, "{\"execute\":\"cont\"}", NULL, &why) < 0)
		goto err_start;
	qemu_free_args(argv);
	free(envp);
	free(tmpenv);
	return q;

err_start:
	if (why == QEMU_EXITED) {
		if (WIFEXITED(q->wstatus))
			fprintf(stderr, "qemu: QEMU failed to start "
			    "(exit status %d)\n", WEXITSTATUS(q->wstatus));
		else
			fprintf(stderr, "qemu: QEMU failed to start "
			    "(signal %d)\n", WTERMSIG(q->wstatus));
	} else if (why == QEMU_TIMEOUT) {
		fprintf(stderr, "qemu: QEMU's monitor did not answer within "
		    "%d s\n", QMP_WAIT_MS / 1000);
	}
err_args:
	close_theirs(theirs, 2 + q->nports);
	qemu_free_args(argv);
	free(envp);
	free(tmpenv);
err_close:
	qemu_close(q);
	return NULL;
}

/* Returns the window backend QEMU offers; see compiler/qemu.h. */
const char *qemu_window_backend(const char *qemu)
{
	char *const argv[] = { (char *)qemu, "-display", "help", NULL };
	char out[16384];
	size_t len = 0;
	ssize_t n;
	int p[2], nullfd, status;
	pid_t pid;

	nullfd = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (nullfd < 0 || pipe2(p, O_CLOEXEC) < 0) {
		if (nullfd >= 0)
			close(nullfd);
		return NULL;
	}
	pid = fork();
	if (pid == 0) {
		dup2(nullfd, 0);
		dup2(p[1], 1);
		/* It complains about every display module not installed. */
		dup2(nullfd, 2);
		execvp(qemu, argv);
		_exit(127);
	}
	close(nullfd);
	close(p[1]);
	while (pid > 0 && len < sizeof(out) - 1) {
		n = read(p[0], out + len, sizeof(out) - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(p[0]);
	out[len] = '\0';
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return pid > 0 ? qemu_parse_displays(out) : NULL;
}
