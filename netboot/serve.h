/*
 * Running the boot server's processes (lighttpd, dnsmasq) in the
 * foreground: started in order, each once the one before is ready; their
 * output copied to stdout line by line; stopped together on SIGINT,
 * SIGTERM, SIGHUP or SIGQUIT, or when one of them ends by itself.  Each
 * runs in its own process group, so a terminal's Ctrl-C reaches only us
 * and we stop them in order.
 */
#ifndef NETBOOT_SERVE_H
#define NETBOOT_SERVE_H

#include <netinet/in.h>
#include <sys/types.h>

/* How long a process has to become ready, and to end when told to. */
#define SERVE_READY_MS	10000
#define SERVE_STOP_MS	5000

struct serve_proc {
	const char *name;		/* "dnsmasq", for messages */
	char *const *argv;		/* argv[0] looked up in PATH */
	const char *prefix;		/* put before each line it prints */
	/* Ready once a line holds ready_text, or (ready_text NULL) once a TCP
	   connection to ready_addr succeeds. */
	const char *ready_text;
	struct sockaddr_in ready_addr;

	/* Run state, for serve_run(). */
	pid_t pid;
	int fd;				/* its output; -1 once closed */
	char line[1024];		/* a line not yet ended */
	size_t len;
	int ready;
	int status;			/* waitpid status once ended */
	int ended;
};

/*
 * Runs the n processes until a signal or the end of one.  Prints ready
 * (a line or more) on stdout once all are ready.  Returns the exit status
 * for the command: 0 after a signal, 1 when a process failed to start,
 * to become ready, or ended by itself (said on stderr).  Nothing started
 * is left running.
 */
int serve_run(struct serve_proc *procs, int n, const char *ready);

#endif
