/*
 * UTF-16 load options to a UTF-8 command line (see efi/loadopt.h).
 */
#include "efi/loadopt.h"

static int is_high_surrogate(uint32_t c)
{
	return c >= 0xd800 && c <= 0xdbff;
}

static int is_low_surrogate(uint32_t c)
{
	return c >= 0xdc00 && c <= 0xdfff;
}

/* Appends c as UTF-8; returns the new length or -1 when it does not fit. */
static int put_utf8(char *dst, size_t dstsize, int len, uint32_t c)
{
	unsigned char b[4];
	int n, i;

	if (c < 0x80) {
		b[0] = c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = 0xc0 | c >> 6;
		b[1] = 0x80 | (c & 0x3f);
		n = 2;
	} else if (c < 0x10000) {
		b[0] = 0xe0 | c >> 12;
		b[1] = 0x80 | (c >> 6 & 0x3f);
		b[2] = 0x80 | (c & 0x3f);
		n = 3;
	} else {
		b[0] = 0xf0 | c >> 18;
		b[1] = 0x80 | (c >> 12 & 0x3f);
		b[2] = 0x80 | (c >> 6 & 0x3f);
		b[3] = 0x80 | (c & 0x3f);
		n = 4;
	}
	if ((size_t)(len + n) >= dstsize)
		return -1;
	for (i = 0; i < n; i++)
		dst[len + i] = (char)b[i];
	return len + n;
}

/* Converts UTF-16 load options to UTF-8; see efi/loadopt.h. */
int loadopt_to_utf8(const uint16_t *src, size_t size, char *dst, size_t dstsize)
{
	size_t i, units = size / 2;
	uint32_t c;
	int len = 0;

	dst[0] = '\0';
	if (size % 2)
		return -1;
	for (i = 0; i < units && src[i]; i++) {
		c = src[i];
		if (is_high_surrogate(c)) {
			if (i + 1 >= units || !is_low_surrogate(src[i + 1]))
				goto err_text;
			c = 0x10000 + ((c - 0xd800) << 10) + (src[++i] - 0xdc00);
		} else if (is_low_surrogate(c)) {
			goto err_text;
		} else if (c == '\t' || c == '\r' || c == '\n') {
			c = ' ';
		} else if (c < 0x20 || c == 0x7f) {
			goto err_text;
		}
		len = put_utf8(dst, dstsize, len, c);
		if (len < 0)
			goto err_text;
	}
	dst[len] = '\0';
	return len;

err_text:
	dst[0] = '\0';
	return -1;
}
