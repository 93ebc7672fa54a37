/*
 * Monitor commands of a QEMU run (see compiler/qemu.h): QMP over the
 * monitor socket, screendumps, key presses.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compiler/qemu_run.h"
#include "compiler/qmp.h"

/* Returns the name of the QMP command cmd, for messages. */
static const char *command_name(const char *cmd)
{
	static char name[64];
	const char *v;
	size_t vlen;

	v = qmp_member(cmd, strlen(cmd), "execute", &vlen);
	if (!v || qmp_string(v, vlen, name, sizeof(name)) < 0)
		return "a monitor command";
	return name;
}

/* Runs a monitor command; see compiler/qemu_run.h. */
int qemu_call(struct qemu *q, const char *cmd, char **reply,
    enum qemu_wait *why)
{
	const char *err, *desc;
	size_t elen, dlen;
	int64_t deadline = qemu_now_ms() + QMP_WAIT_MS;
	char msg[512];

	*why = QEMU_SEEN;
	free(q->reply);
	q->reply = NULL;
	if (!q->running || q->qmp_fd < 0) {
		*why = QEMU_EXITED;
		return -2;
	}
	if (qemu_put_all(q->qmp_fd, cmd, strlen(cmd), 1) < 0 ||
	    qemu_put_all(q->qmp_fd, "\n", 1, 1) < 0) {
		*why = errno == EPIPE || errno == ECONNRESET ? QEMU_EXITED : QEMU_FAILED;
		if (*why == QEMU_FAILED)
			fprintf(stderr, "qemu: cannot write to the monitor: %s\n",
			    strerror(errno));
		return -2;
	}
	while (!q->reply) {
		*why = qemu_pump(q, deadline);
		if (*why != QEMU_SEEN)
			return -2;
	}
	err = qmp_member(q->reply, strlen(q->reply), "error", &elen);
	if (err) {
		desc = qmp_member(err, elen, "desc", &dlen);
		if (!desc || qmp_string(desc, dlen, msg, sizeof(msg)) < 0)
			snprintf(msg, sizeof(msg), "%s", q->reply);
		fprintf(stderr, "qemu: %s failed: %s\n", command_name(cmd), msg);
		return -1;
	}
	if (reply) {
		*reply = q->reply;
		q->reply = NULL;
	}
	return 0;
}

/* Runs a QMP command; see compiler/qemu.h. */
int qemu_qmp(struct qemu *q, const char *cmd, char **reply)
{
	enum qemu_wait why;
	int r;

	r = qemu_call(q, cmd, reply, &why);
	if (r != -2)
		return r;
	if (why == QEMU_EXITED)
		fprintf(stderr, "qemu: QEMU is gone; it did not run %s\n",
		    command_name(cmd));
	else if (why == QEMU_TIMEOUT)
		fprintf(stderr, "qemu: the monitor did not answer %s within %d s\n",
		    command_name(cmd), QMP_WAIT_MS / 1000);
	return -1;
}

/* Returns whether s ends with suffix. */
static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Saves the screen; see compiler/qemu.h. */
int qemu_screendump(struct qemu *q, const char *path)
{
	char *name, *cmd;
	int r;

	name = malloc(qmp_quoted_size(path));
	if (!name)
		goto err_oom;
	qmp_quote(path, name);
	r = asprintf(&cmd,
	    "{\"execute\":\"screendump\",\"arguments\":{\"filename\":%s,\"format\":\"%s\"}}",
	    name, ends_with(path, ".png") ? "png" : "ppm");
	free(name);
	if (r < 0)
		goto err_oom;
	r = qemu_qmp(q, cmd, NULL);
	free(cmd);
	return r;

err_oom:
	fprintf(stderr, "qemu: out of memory\n");
	return -1;
}

/*
 * Builds the QMP send-key command for keys ("ctrl-alt-delete").  Returns
 * it (free it), or NULL when a key name is empty or memory is out.
 */
static char *sendkey_command(const char *keys)
{
	const char *p, *dash;
	char *cmd, *name, *key, *more;
	size_t n;

	cmd = strdup("{\"execute\":\"send-key\",\"arguments\":{\"keys\":[");
	for (p = keys; cmd; p = dash + 1) {
		dash = strchr(p, '-');
		n = dash ? (size_t)(dash - p) : strlen(p);
		if (n == 0)
			goto err_key;
		key = strndup(p, n);
		name = key ? malloc(qmp_quoted_size(key)) : NULL;
		if (name)
			qmp_quote(key, name);
		if (!name || asprintf(&more, "%s%s{\"type\":\"qcode\",\"data\":%s}",
		    cmd, p == keys ? "" : ",", name) < 0)
			more = NULL;
		free(key);
		free(name);
		free(cmd);
		cmd = more;
		if (!dash)
			break;
	}
	if (cmd && asprintf(&more, "%s]}}", cmd) >= 0) {
		free(cmd);
		return more;
	}
	free(cmd);
	fprintf(stderr, "qemu: out of memory\n");
	return NULL;

err_key:
	free(cmd);
	fprintf(stderr, "qemu: \"%s\" has an empty key name\n", keys);
	return NULL;
}

/* Presses keys; see compiler/qemu.h. */
int qemu_sendkey(struct qemu *q, const char *keys)
{
	char *cmd = sendkey_command(keys);
	int r;

	if (!cmd)
		return -1;
	r = qemu_qmp(q, cmd, NULL);
	free(cmd);
	return r;
}
