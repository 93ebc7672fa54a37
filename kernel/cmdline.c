/*
 * Command-line words (see kernel/cmdline.h).
 */
#include "kernel/cmdline.h"
#include "kernel/string.h"

/* Splits line into words in place; see kernel/cmdline.h. */
int cmdline_split(char *line, char **words, int max)
{
	char *r = line, *w = line;
	int n = 0, quoted;

	for (;;) {
		while (*r == ' ')
			r++;
		if (!*r)
			break;
		if (n < max)
			words[n] = w;
		n++;
		quoted = 0;
		for (; *r && (quoted || *r != ' '); r++) {
			if (*r == '"')
				quoted = !quoted;
			else
				*w++ = *r;
		}
		if (*r)
			r++;
		*w++ = '\0';
	}
	return n;
}

/*
 * Whether the word ends in ".efi" in any case: the image's own path, as
 * firmware passes it first.
 */
static bool ends_with_efi(const char *s, size_t len)
{
	const char *e;

	if (len < 4)
		return false;
	e = s + len - 4;
	return e[0] == '.' && (e[1] | 0x20) == 'e' && (e[2] | 0x20) == 'f' &&
	    (e[3] | 0x20) == 'i';
}

/* Whether word is the image's own path or URL; see kernel/cmdline.h. */
bool cmdline_is_image_path(const char *word)
{
	const char *p;

	if (ends_with_efi(word, strlen(word)))
		return true;
	for (p = word; *p; p++) {
		if (*p == '\\')
			return true;
		if (*p == '=')
			return false;
		if (p[0] == ':' && p[1] == '/' && p[2] == '/')
			return true;
	}
	return false;
}

/* Whether word is "NAME=value" for the program; see kernel/cmdline.h. */
bool cmdline_is_env(const char *word)
{
	const char *p = word;

	if (*p < 'A' || *p > 'Z')
		return false;
	for (; *p && *p != '='; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '_'))
			return false;
	return *p == '=';
}

/* Returns the value of key in word, or NULL; see kernel/cmdline.h. */
const char *cmdline_value(const char *word, const char *key)
{
	size_t n = strlen(key);

	if (strncmp(word, key, n))
		return NULL;
	if (word[n] == '=')
		return word + n + 1;
	return word[n] ? NULL : word + n;
}

/* Parses one dimension, 1 to 65535, and moves *s past its digits. */
static int parse_dim(const char **s, uint32_t *v)
{
	uint32_t x = 0;
	const char *p = *s;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		x = x * 10 + (uint32_t)(*p - '0');
		if (x > 65535)
			return -1;
	}
	if (!x)
		return -1;
	*v = x;
	*s = p;
	return 0;
}

/* Parses "WIDTHxHEIGHT"; see kernel/cmdline.h. */
int cmdline_parse_size(const char *s, uint32_t *w, uint32_t *h)
{
	if (parse_dim(&s, w) < 0 || (*s != 'x' && *s != 'X'))
		return -1;
	s++;
	if (parse_dim(&s, h) < 0 || *s)
		return -1;
	return 0;
}
