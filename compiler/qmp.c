/*
 * JSON for the QMP monitor (see compiler/qmp.h).  QEMU's replies are one
 * object per line; this scans them without building a tree.
 */
#include <stdint.h>
#include <string.h>
#include "compiler/qmp.h"

/* Nesting deeper than this is treated as malformed: QMP never gets close. */
#define QMP_MAX_DEPTH 32

static const char hexdigits[] = "0123456789abcdef";

/* Returns how many bytes byte c takes inside a JSON string literal. */
static size_t quoted_len(unsigned char c)
{
	if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t')
		return 2;
	if (c < 0x20)
		return 6;
	return 1;
}

/* Returns the size of the buffer qmp_quote() needs; see compiler/qmp.h. */
size_t qmp_quoted_size(const char *s)
{
	size_t n = 3;

	for (; *s; s++)
		n += quoted_len((unsigned char)*s);
	return n;
}

/* Writes s as a JSON string literal; see compiler/qmp.h. */
void qmp_quote(const char *s, char *out)
{
	unsigned char c;

	*out++ = '"';
	for (; (c = (unsigned char)*s); s++) {
		if (quoted_len(c) == 1) {
			*out++ = (char)c;
			continue;
		}
		*out++ = '\\';
		if (c == '\n')
			*out++ = 'n';
		else if (c == '\r')
			*out++ = 'r';
		else if (c == '\t')
			*out++ = 't';
		else if (c == '"' || c == '\\')
			*out++ = (char)c;
		else {
			*out++ = 'u';
			*out++ = '0';
			*out++ = '0';
			*out++ = hexdigits[c >> 4];
			*out++ = hexdigits[c & 15];
		}
	}
	*out++ = '"';
	*out = '\0';
}

/* Returns the first byte at or after p that is not JSON white space. */
static const char *skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

/* Skips the string literal at p; returns the byte after it, or NULL. */
static const char *skip_string(const char *p, const char *end)
{
	if (p >= end || *p != '"')
		return NULL;
	for (p++; p < end; p++) {
		if (*p == '"')
			return p + 1;
		if ((unsigned char)*p < 0x20)
			return NULL;
		if (*p == '\\' && ++p == end)
			return NULL;
	}
	return NULL;
}

/* Returns whether c can be part of a number, true, false or null. */
static int is_scalar_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    c == '-' || c == '+' || c == '.' || c == 'E';
}

static const char *skip_value(const char *p, const char *end, int depth);

/*
 * Skips the members of the object or the elements of the array whose
 * opening bracket is at p; returns the byte after the closing one, or NULL.
 */
static const char *skip_compound(const char *p, const char *end, int depth)
{
	char close = *p == '{' ? '}' : ']';
	int is_object = *p == '{';

	p = skip_ws(p + 1, end);
	if (p < end && *p == close)
		return p + 1;
	for (;;) {
		if (is_object) {
			p = skip_string(p, end);
			if (!p)
				return NULL;
			p = skip_ws(p, end);
			if (p >= end || *p != ':')
				return NULL;
			p = skip_ws(p + 1, end);
		}
		p = skip_value(p, end, depth + 1);
		if (!p)
			return NULL;
		p = skip_ws(p, end);
		if (p < end && *p == close)
			return p + 1;
		if (p >= end || *p != ',')
			return NULL;
		p = skip_ws(p + 1, end);
	}
}

/* Skips one JSON value at p; returns the byte after it, or NULL. */
static const char *skip_value(const char *p, const char *end, int depth)
{
	const char *start = p;

	if (p >= end || depth > QMP_MAX_DEPTH)
		return NULL;
	if (*p == '"')
		return skip_string(p, end);
	if (*p == '{' || *p == '[')
		return skip_compound(p, end, depth);
	while (p < end && is_scalar_char(*p))
		p++;
	return p > start ? p : NULL;
}

/* Finds a member of a JSON object; see compiler/qmp.h. */
const char *qmp_member(const char *json, size_t len, const char *key,
    size_t *vlen)
{
	const char *end = json + len, *p, *name, *value, *found = NULL;
	size_t keylen = strlen(key), found_len = 0;
	int is_key;

	p = skip_ws(json, end);
	if (p >= end || *p != '{')
		return NULL;
	p = skip_ws(p + 1, end);
	if (p < end && *p == '}')
		return NULL;
	for (;;) {
		name = p;
		p = skip_string(p, end);
		if (!p)
			return NULL;
		is_key = (size_t)(p - name) == keylen + 2 &&
		    memcmp(name + 1, key, keylen) == 0;
		p = skip_ws(p, end);
		if (p >= end || *p != ':')
			return NULL;
		value = skip_ws(p + 1, end);
		p = skip_value(value, end, 1);
		if (!p)
			return NULL;
		if (is_key && !found) {
			found = value;
			found_len = (size_t)(p - value);
		}
		p = skip_ws(p, end);
		if (p < end && *p == '}')
			break;
		if (p >= end || *p != ',')
			return NULL;
		p = skip_ws(p + 1, end);
	}
	if (skip_ws(p + 1, end) != end || !found)
		return NULL;
	*vlen = found_len;
	return found;
}

/* Returns the value of hex digit c, or -1. */
static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads the four hex digits at p; returns their value, or -1. */
static long hex4(const char *p, const char *end)
{
	long v = 0;
	int i, d;

	if (end - p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		d = hexval(p[i]);
		if (d < 0)
			return -1;
		v = v << 4 | d;
	}
	return v;
}

/* Encodes c as UTF-8 into b; returns the number of bytes. */
static size_t utf8(uint32_t c, char *b)
{
	if (c < 0x80) {
		b[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		b[0] = (char)(0xc0 | c >> 6);
		b[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		b[0] = (char)(0xe0 | c >> 12);
		b[1] = (char)(0x80 | (c >> 6 & 0x3f));
		b[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	b[0] = (char)(0xf0 | c >> 18);
	b[1] = (char)(0x80 | (c >> 12 & 0x3f));
	b[2] = (char)(0x80 | (c >> 6 & 0x3f));
	b[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/*
 * Decodes the escape after the backslash at *pp, advancing *pp past it.
 * Returns the code point, or -1 when the escape is malformed.
 */
static long unescape(const char **pp, const char *end)
{
	const char *p = *pp + 1;
	long c, lo;

	if (p >= end)
		return -1;
	*pp = p + 1;
	switch (*p) {
	case '"': case '\\': case '/':
		return *p;
	case 'b':
		return '\b';
	case 'f':
		return '\f';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	case 'u':
		break;
	default:
		return -1;
	}
	c = hex4(p + 1, end);
	*pp = p + 5;
	if (c < 0xd800 || c > 0xdfff)
		return c;
	/* A surrogate must be a high one followed by an escaped low one. */
	if (c > 0xdbff || end - *pp < 6 || (*pp)[0] != '\\' || (*pp)[1] != 'u')
		return -1;
	lo = hex4(*pp + 2, end);
	if (lo < 0xdc00 || lo > 0xdfff)
		return -1;
	*pp += 6;
	return 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
}

/* Decodes a JSON string literal; see compiler/qmp.h. */
int qmp_string(const char *v, size_t vlen, char *out, size_t outsize)
{
	const char *p = v + 1, *end = v + vlen - 1;
	size_t len = 0, n;
	char b[4];
	long c;

	if (outsize == 0 || vlen < 2 || v[0] != '"' || v[vlen - 1] != '"')
		return -1;
	while (p < end) {
		if (*p == '\\') {
			c = unescape(&p, end);
			if (c < 0)
				goto err_malformed;
			n = utf8((uint32_t)c, b);
		} else if ((unsigned char)*p < 0x20 || *p == '"') {
			goto err_malformed;
		} else {
			/* Raw UTF-8 text passes through byte by byte. */
			b[0] = *p++;
			n = 1;
		}
		if (len + n < outsize) {
			memcpy(out + len, b, n);
			len += n;
		}
	}
	out[len] = '\0';
	return 0;

err_malformed:
	out[0] = '\0';
	return -1;
}
