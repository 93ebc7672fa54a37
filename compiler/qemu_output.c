/*
 * What a QEMU run hands back, as pure code (see compiler/qemu.h): the
 * serial stream, its plain text, the exit status, the display list.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "compiler/qemu.h"

/* Appends to the stream, dropping its oldest bytes; see compiler/qemu.h. */
int qemu_stream_add(struct qemu_stream *s, const char *buf, size_t n)
{
	size_t drop, cap;
	char *d;

	/* Past the limit, drop down to half of it so the move is rare. */
	if (s->len + n > s->keep) {
		drop = s->len + n - s->keep / 2;
		if (drop >= s->len) {
			s->dropped += drop;
			buf += drop - s->len;
			n -= drop - s->len;
			s->len = 0;
		} else {
			memmove(s->data, s->data + drop, s->len - drop);
			s->len -= drop;
			s->dropped += drop;
		}
	}
	if (s->len + n > s->cap) {
		cap = s->cap ? s->cap : 4096;
		while (cap < s->len + n)
			cap *= 2;
		d = realloc(s->data, cap);
		if (!d)
			return -1;
		s->data = d;
		s->cap = cap;
	}
	if (n > 0)
		memcpy(s->data + s->len, buf, n);
	s->len += n;
	return 0;
}

/* Finds text in the stream; see compiler/qemu.h. */
int64_t qemu_stream_find(const struct qemu_stream *s, uint64_t from,
    const char *text)
{
	size_t start, tlen = strlen(text);
	const char *at;

	start = from > s->dropped ? (size_t)(from - s->dropped) : 0;
	if (start > s->len)
		return -1;
	if (tlen == 0)
		return (int64_t)(s->dropped + start);
	if (s->len - start < tlen)
		return -1;
	at = memmem(s->data + start, s->len - start, text, tlen);
	if (!at)
		return -1;
	return (int64_t)(s->dropped + (size_t)(at - s->data) + tlen);
}

/* Frees the stream's bytes. */
void qemu_stream_free(struct qemu_stream *s)
{
	free(s->data);
	s->data = NULL;
	s->len = s->cap = 0;
}

/* Maps QEMU's wait status to how it ended; see compiler/qemu.h. */
enum qemu_end qemu_map_exit(int wstatus, const char *reason, int *status)
{
	int code;

	*status = -1;
	if (!WIFEXITED(wstatus))
		return QEMU_END_ERROR;
	code = WEXITSTATUS(wstatus);
	/* isa-debug-exit: the guest wrote code >> 1. */
	if (code & 1) {
		*status = code >> 1;
		return QEMU_END_STATUS;
	}
	if (code != 0)
		return QEMU_END_ERROR;
	*status = 0;
	if (strcmp(reason, "guest-shutdown") == 0)
		return QEMU_END_POWEROFF;
	if (strcmp(reason, "guest-reset") == 0)
		return QEMU_END_RESET;
	return QEMU_END_CLOSED;
}

/*
 * Returns the length of the escape sequence at text[0] (an ESC), within
 * len bytes: CSI sequences up to their final byte, others two bytes, three
 * for a character set designation.
 */
static size_t escape_len(const char *text, size_t len)
{
	size_t i;

	if (len < 2)
		return len;
	if (text[1] == '[') {
		for (i = 2; i < len; i++)
			if (text[i] >= 0x40 && text[i] <= 0x7e)
				return i + 1;
		return len;
	}
	if (strchr("()*+", text[1]) && len >= 3)
		return 3;
	return 2;
}

/* Copies text without terminal controls; see compiler/qemu.h. */
size_t qemu_plain_text(const char *text, size_t len, char *out)
{
	size_t i = 0, n = 0;
	unsigned char c;

	while (i < len) {
		c = (unsigned char)text[i];
		if (c == 0x1b) {
			i += escape_len(text + i, len - i);
			continue;
		}
		i++;
		if (c == '\r')
			continue;
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			c = '?';
		out[n++] = (char)c;
	}
	return n;
}

/* Finds a window backend in "-display help" output; see compiler/qemu.h. */
const char *qemu_parse_displays(const char *help)
{
	static const char *const windows[] = { "gtk", "sdl" };
	const char *line, *end;
	size_t i, n;

	for (i = 0; i < sizeof(windows) / sizeof(windows[0]); i++) {
		n = strlen(windows[i]);
		for (line = help; *line; line = *end ? end + 1 : end) {
			end = strchrnul(line, '\n');
			if ((size_t)(end - line) == n &&
			    memcmp(line, windows[i], n) == 0)
				return windows[i];
		}
	}
	return NULL;
}
