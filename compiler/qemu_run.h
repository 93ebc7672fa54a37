/*
 * Inside a QEMU run: the state shared by compiler/qemu.c (the process and
 * its files), compiler/qemu_wait.c (the serial and monitor traffic) and
 * compiler/qemu_monitor.c (monitor commands).  Not for other users.
 */
#ifndef COMPILER_QEMU_RUN_H
#define COMPILER_QEMU_RUN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "compiler/qemu.h"

#define QMP_WAIT_MS	60000		/* time the monitor has to answer */

/* A serial port after COM1 (see struct qemu_port). */
struct qemu_port_run {
	int fd;			/* our end of its socket; -1 once closed */
	int out_fd;		/* -1: dropped */
	int in_fd;		/* -1: none, or its end was read */
	int end_byte;		/* sent after in_fd's end; -1: none */
	char in[4096];		/* read from in_fd, not yet sent */
	size_t in_len, in_off;
};

struct qemu {
	pid_t pid;
	int slot;		/* index among the QEMUs a signal kills */
	int pidfd;
	int serial_fd;		/* -1 once QEMU closed it */
	int qmp_fd;		/* -1 once QEMU closed it */
	struct qemu_port_run ports[QEMU_MAX_PORTS];
	int nports;
	char *ports_after;	/* NULL once seen, or when not asked for */
	int echo_fd;		/* -1 when not echoing */
	int log_fd;		/* -1 when not logging */
	char *log_path;
	char *dir;		/* private temporary directory */
	struct qemu_stream out;	/* serial output */
	uint64_t mark;		/* stream offset after the last match */
	char *qbuf;		/* monitor bytes not yet a whole line */
	size_t qlen, qcap;
	char *reply;		/* last monitor reply not yet taken */
	char reason[32];	/* reason of the last SHUTDOWN event */
	int running;
	int killed;
	int wstatus;
	int64_t t_start;	/* when the guest started */
	int64_t t_first;	/* first serial byte after t_start, or -1 */
};

/*
 * Writes all of buf to fd, waiting when fd is non-blocking; on a socket
 * without raising SIGPIPE.  Returns 0, or -1 with errno set.
 */
int qemu_put_all(int fd, const char *buf, size_t n, int sock);

/*
 * Waits until deadline for something from QEMU and handles it.  Returns
 * QEMU_SEEN when there may be news to look at, otherwise why it stopped.
 */
enum qemu_wait qemu_pump(struct qemu *q, int64_t deadline);

/* Reads all QEMU left in its sockets once it is gone. */
void qemu_drain(struct qemu *q);

/* Collects QEMU after it ended and drains its sockets.  Returns QEMU_EXITED. */
enum qemu_wait qemu_reap(struct qemu *q);

/*
 * Sends cmd to the monitor and waits for the reply.  Returns 0 with the
 * reply line in *reply (when reply is not NULL), -1 when QEMU answered
 * with an error (said on stderr), or -2 when QEMU is gone or the wait
 * ended otherwise (not said; *why tells).
 */
int qemu_call(struct qemu *q, const char *cmd, char **reply,
    enum qemu_wait *why);

#endif
