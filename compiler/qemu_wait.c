/*
 * The traffic of a QEMU run (see compiler/qemu.h): the serial console
 * read as it comes, kept, echoed and searched; the monitor's replies and
 * events; the wait for QEMU to end.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compiler/qemu_run.h"
#include "compiler/qmp.h"

#define MAX_QMP_LINE	(1 << 20)	/* longest monitor message accepted */
/* Reads per source per wake-up, so a chatty guest cannot starve a deadline. */
#define READS_PER_POLL	16

/* Writes all of buf; see compiler/qemu_run.h. */
int qemu_put_all(int fd, const char *buf, size_t n, int sock)
{
	struct pollfd p;
	ssize_t w;

	while (n > 0) {
		w = sock ? send(fd, buf, n, MSG_NOSIGNAL) : write(fd, buf, n);
		if (w > 0) {
			buf += w;
			n -= (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno != EAGAIN)
			return -1;
		p.fd = fd;
		p.events = POLLOUT;
		if (poll(&p, 1, -1) < 0 && errno != EINTR)
			return -1;
	}
	return 0;
}

/* Handles serial bytes: keeps, echoes and logs them.  Returns 0 or -1. */
static int take_serial(struct qemu *q, const char *buf, size_t n)
{
	if (q->t_first < 0)
		q->t_first = qemu_now_ms() - q->t_start;
	if (qemu_stream_add(&q->out, buf, n) < 0) {
		fprintf(stderr, "qemu: out of memory for the serial output\n");
		return -1;
	}
	if (q->echo_fd >= 0 && qemu_put_all(q->echo_fd, buf, n, 0) < 0) {
		fprintf(stderr, "qemu: stopped echoing the serial output: %s\n",
		    strerror(errno));
		q->echo_fd = -1;
	}
	if (q->log_fd >= 0 && qemu_put_all(q->log_fd, buf, n, 0) < 0) {
		fprintf(stderr, "qemu: stopped writing the serial log %s: %s\n",
		    q->log_path, strerror(errno));
		close(q->log_fd);
		q->log_fd = -1;
	}
	return 0;
}

/*
 * Reads what the serial socket holds, all of it when drain is set (QEMU
 * is gone, so it is finite).  Returns 0, or -1 on an error.
 */
static int read_serial(struct qemu *q, int drain)
{
	char buf[65536];
	ssize_t n;
	int i;

	for (i = 0; q->serial_fd >= 0 && (drain || i < READS_PER_POLL); i++) {
		n = read(q->serial_fd, buf, sizeof(buf));
		if (n > 0) {
			if (take_serial(q, buf, (size_t)n) < 0)
				return -1;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		if (n < 0 && errno != ECONNRESET) {
			fprintf(stderr, "qemu: cannot read the serial "
			    "console: %s\n", strerror(errno));
			return -1;
		}
		close(q->serial_fd);
		q->serial_fd = -1;
	}
	return 0;
}

/* Whether q->ports_after has appeared on COM1 (then it is forgotten). */
static int ports_seen(struct qemu *q)
{
	if (!q->ports_after)
		return 1;
	if (qemu_stream_find(&q->out, 0, q->ports_after) < 0)
		return 0;
	free(q->ports_after);
	q->ports_after = NULL;
	return 1;
}

/*
 * Whether the further ports' output counts: q->ports_after was seen on
 * COM1.  COM1 is read first, so that what the guest wrote there before
 * the bytes just read from a port is known.
 */
static int ports_open(struct qemu *q)
{
	if (!q->ports_after)
		return 1;
	if (read_serial(q, 1) < 0)
		return 0;
	return ports_seen(q);
}

/*
 * Reads what a further port's socket holds (all of it when drain is set)
 * and copies it to the port's output.  Returns 0, or -1 on an error.
 */
static int read_port(struct qemu *q, struct qemu_port_run *p, int drain)
{
	char buf[65536];
	ssize_t n;
	int i;

	for (i = 0; p->fd >= 0 && (drain || i < READS_PER_POLL); i++) {
		n = read(p->fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		if (n < 0 && errno != ECONNRESET) {
			fprintf(stderr, "qemu: cannot read a serial port: %s\n",
			    strerror(errno));
			return -1;
		}
		if (n <= 0) {
			close(p->fd);
			p->fd = -1;
			break;
		}
		/* A reader that went away (a closed pipe) stops the copy,
		   not the run. */
		if (p->out_fd >= 0 && ports_open(q) &&
		    qemu_put_all(p->out_fd, buf, (size_t)n, 0) < 0)
			p->out_fd = -1;
	}
	return 0;
}

/*
 * Moves input to a further port: reads its input when nothing is pending
 * (readable says poll found it ready), sends what is pending as far as the
 * socket takes it.  An error stops the input (said).
 */
static void feed_port(struct qemu_port_run *p, int readable)
{
	ssize_t n;

	if (p->in_off == p->in_len && readable && p->in_fd >= 0) {
		n = read(p->in_fd, p->in, sizeof(p->in));
		if (n < 0 && errno == EINTR)
			return;
		p->in_len = n > 0 ? (size_t)n : 0;
		p->in_off = 0;
		/* A serial line has no end of file: the guest may agree on
		   a byte that means one. */
		if (n <= 0) {
			p->in_fd = -1;
			if (p->end_byte >= 0)
				p->in[p->in_len++] = (char)p->end_byte;
		}
	}
	if (p->in_off == p->in_len || p->fd < 0)
		return;
	n = send(p->fd, p->in + p->in_off, p->in_len - p->in_off,
	    MSG_NOSIGNAL | MSG_DONTWAIT);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n < 0) {
		fprintf(stderr, "qemu: cannot write to a serial port: %s\n",
		    strerror(errno));
		p->in_fd = -1;
		p->in_off = p->in_len = 0;
		return;
	}
	p->in_off += (size_t)n;
}

/* Handles one monitor message: a reply is kept, SHUTDOWN's reason noted. */
static void take_qmp_line(struct qemu *q, const char *line, size_t len)
{
	const char *v, *data, *reason;
	size_t vlen, dlen, rlen;

	v = qmp_member(line, len, "event", &vlen);
	if (v) {
		if (vlen == 10 && memcmp(v, "\"SHUTDOWN\"", 10) == 0 &&
		    (data = qmp_member(line, len, "data", &dlen)) &&
		    (reason = qmp_member(data, dlen, "reason", &rlen)))
			qmp_string(reason, rlen, q->reason, sizeof(q->reason));
		return;
	}
	if (!qmp_member(line, len, "return", &vlen) &&
	    !qmp_member(line, len, "error", &vlen))
		return;
	free(q->reply);
	q->reply = strndup(line, len);
}

/* Reads what the monitor socket holds; see read_serial().  Returns 0 or -1. */
static int read_qmp(struct qemu *q, int drain)
{
	char *nl, *b;
	size_t len;
	ssize_t n;
	int i;

	for (i = 0; q->qmp_fd >= 0 && (drain || i < READS_PER_POLL); i++) {
		if (q->qcap - q->qlen < 4096) {
			if (q->qcap >= MAX_QMP_LINE) {
				fprintf(stderr, "qemu: a monitor message is "
				    "longer than %d bytes\n", MAX_QMP_LINE);
				return -1;
			}
			b = realloc(q->qbuf, q->qcap * 2 + 8192);
			if (!b) {
				fprintf(stderr,
				    "qemu: out of memory for the monitor\n");
				return -1;
			}
			q->qbuf = b;
			q->qcap = q->qcap * 2 + 8192;
		}
		n = read(q->qmp_fd, q->qbuf + q->qlen, q->qcap - q->qlen);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		if (n < 0 && errno != ECONNRESET) {
			fprintf(stderr, "qemu: cannot read the monitor: %s\n",
			    strerror(errno));
			return -1;
		}
		if (n <= 0) {
			close(q->qmp_fd);
			q->qmp_fd = -1;
			break;
		}
		q->qlen += (size_t)n;
		while ((nl = memchr(q->qbuf, '\n', q->qlen))) {
			len = (size_t)(nl - q->qbuf) + 1;
			take_qmp_line(q, q->qbuf, len);
			memmove(q->qbuf, q->qbuf + len, q->qlen - len);
			q->qlen -= len;
		}
	}
	return 0;
}

/* Drains QEMU's sockets; see compiler/qemu_run.h. */
void qemu_drain(struct qemu *q)
{
	int i;

	read_serial(q, 1);
	for (i = 0; i < q->nports; i++)
		read_port(q, &q->ports[i], 1);
	read_qmp(q, 1);
}

/* Adds fd to the poll set for events; returns its index. */
static int watch(struct pollfd *p, int *n, int fd, short events)
{
	p[*n].fd = fd;
	p[*n].events = events;
	p[*n].revents = 0;
	return (*n)++;
}

/* Handles what QEMU sends until deadline; see compiler/qemu_run.h. */
enum qemu_wait qemu_pump(struct qemu *q, int64_t deadline)
{
	struct pollfd p[3 + 2 * QEMU_MAX_PORTS];
	int n = 0, is = -1, iq = -1, ip[QEMU_MAX_PORTS], ii[QEMU_MAX_PORTS];
	int timeout, i;
	struct qemu_port_run *port;
	int64_t now;

	if (qemu_caught_signal())
		return QEMU_INTERRUPTED;
	if (!q->running)
		return QEMU_EXITED;
	now = qemu_now_ms();
	if (now >= deadline)
		return QEMU_TIMEOUT;
	timeout = deadline - now > INT_MAX ? -1 : (int)(deadline - now);
	watch(p, &n, q->pidfd, POLLIN);
	if (q->serial_fd >= 0)
		is = watch(p, &n, q->serial_fd, POLLIN);
	if (q->qmp_fd >= 0)
		iq = watch(p, &n, q->qmp_fd, POLLIN);
	for (i = 0; i < q->nports; i++) {
		port = &q->ports[i];
		ip[i] = ii[i] = -1;
		if (port->fd >= 0)
			ip[i] = watch(p, &n, port->fd, POLLIN |
			    (port->in_off < port->in_len ? POLLOUT : 0));
		/* Input waits for the image: the firmware would take it as
		   key presses. */
		if (port->fd >= 0 && port->in_fd >= 0 && !q->ports_after &&
		    port->in_off == port->in_len)
			ii[i] = watch(p, &n, port->in_fd, POLLIN);
	}
	if (poll(p, (nfds_t)n, timeout) < 0) {
		if (errno == EINTR)
			return qemu_caught_signal() ? QEMU_INTERRUPTED :
			    QEMU_SEEN;
		fprintf(stderr, "qemu: poll: %s\n", strerror(errno));
		return QEMU_FAILED;
	}
	if (is >= 0 && p[is].revents && read_serial(q, 0) < 0)
		return QEMU_FAILED;
	ports_seen(q);
	if (iq >= 0 && p[iq].revents && read_qmp(q, 0) < 0)
		return QEMU_FAILED;
	for (i = 0; i < q->nports; i++) {
		port = &q->ports[i];
		if (ip[i] >= 0 &&
		    (p[ip[i]].revents & (POLLIN | POLLHUP | POLLERR)) &&
		    read_port(q, port, 0) < 0)
			return QEMU_FAILED;
		if ((ii[i] >= 0 && p[ii[i]].revents) ||
		    (ip[i] >= 0 && (p[ip[i]].revents & POLLOUT)))
			feed_port(port, ii[i] >= 0 && p[ii[i]].revents);
	}
	if (p[0].revents)
		return qemu_reap(q);
	return QEMU_SEEN;
}

/* Waits for text in the serial output; see compiler/qemu.h. */
enum qemu_wait qemu_expect(struct qemu *q, const char *text, int64_t deadline)
{
	enum qemu_wait r = QEMU_SEEN;
	uint64_t from = q->mark, end;
	size_t tlen = strlen(text);
	int64_t at;

	for (;;) {
		at = qemu_stream_find(&q->out, from, text);
		if (at >= 0) {
			q->mark = (uint64_t)at;
			return QEMU_SEEN;
		}
		if (r != QEMU_SEEN)
			return r;
		/* What was searched need not be searched again, but for a
		   match that the next bytes complete. */
		end = q->out.dropped + q->out.len;
		if (end - from >= tlen)
			from = end - tlen + 1;
		r = qemu_pump(q, deadline);
	}
}

/* Waits for QEMU to exit; see compiler/qemu.h. */
enum qemu_wait qemu_wait_exit(struct qemu *q, int64_t deadline)
{
	enum qemu_wait r;

	do
		r = qemu_pump(q, deadline);
	while (r == QEMU_SEEN);
	return r;
}

/* Sends bytes to the serial port; see compiler/qemu.h. */
int qemu_serial_write(struct qemu *q, const void *buf, size_t len)
{
	if (q->serial_fd < 0 || qemu_put_all(q->serial_fd, buf, len, 1) < 0) {
		fprintf(stderr, "qemu: cannot write to the serial console: "
		    "%s\n", q->serial_fd < 0 ? "QEMU closed it" :
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* Returns the kept serial output; see compiler/qemu.h. */
const char *qemu_serial(const struct qemu *q, size_t *len)
{
	*len = q->out.len;
	return q->out.data ? q->out.data : "";
}

/* Prints the end of the serial output; see compiler/qemu.h. */
void qemu_print_tail(const struct qemu *q, FILE *f, int lines)
{
	const char *s = q->out.data, *line, *nl;
	size_t end = q->out.len, start, n;
	char *plain;
	int count = 0;

	if (end > 0 && s[end - 1] == '\n')
		end--;
	for (start = end; start > 0; start--)
		if (s[start - 1] == '\n' && ++count == lines)
			break;
	plain = malloc(end - start + 1);
	if (!plain) {
		fprintf(f, "| (out of memory)\n");
		return;
	}
	n = qemu_plain_text(s ? s + start : "", end - start, plain);
	plain[n] = '\0';
	if (n == 0 && end == 0)
		fprintf(f, "| (no serial output)\n");
	else if (n == 0)
		fprintf(f, "| (only terminal control sequences)\n");
	for (line = plain; *line; line = nl + 1) {
		nl = strchrnul(line, '\n');
		fprintf(f, "| %.*s\n", (int)(nl - line), line);
		if (!*nl)
			break;
	}
	free(plain);
}

/* Returns when the first serial byte came; see compiler/qemu.h. */
int64_t qemu_first_output_ms(const struct qemu *q)
{
	return q->t_first;
}

/* Returns the time since the guest started; see compiler/qemu.h. */
int64_t qemu_elapsed_ms(const struct qemu *q)
{
	return qemu_now_ms() - q->t_start;
}
