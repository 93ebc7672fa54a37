/*
 * kvsnprintf: the kernel's printf engine (see kernel/kprintf.h for the
 * conversions it knows).  Pure code, also built for the host tests.
 */
#include <stdint.h>
#include "kernel/kprintf.h"
#include "kernel/string.h"

struct out {
	char *buf;
	size_t size;
	size_t len;		/* bytes the full result needs */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_padded(struct out *o, const char *s, size_t n, int width,
    int left, char pad)
{
	int fill = width > (int)n ? width - (int)n : 0;

	if (!left && pad == '0' && n && (*s == '-')) {
		put(o, *s++);
		n--;
	}
	if (!left)
		while (fill-- > 0)
			put(o, pad);
	while (n--)
		put(o, *s++);
	if (left)
		while (fill-- > 0)
			put(o, ' ');
}

/* Formats v in base into the end of buf; returns the first digit. */
static char *format_number(char *end, uint64_t v, unsigned base, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";

	do {
		*--end = digits[v % base];
		v /= base;
	} while (v);
	return end;
}

/* Formats like vsnprintf; returns the length the full output needs. */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	char num[24], *p;
	const char *s;
	int left, width, prec, lng;
	char pad;
	uint64_t u;
	int64_t i;

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		left = 0;
		pad = ' ';
		for (;; fmt++) {
			if (*fmt == '-')
				left = 1;
			else if (*fmt == '0')
				pad = '0';
			else
				break;
		}
		width = 0;
		if (*fmt == '*') {
			width = va_arg(ap, int);
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + *fmt++ - '0';
		prec = -1;
		if (*fmt == '.') {
			prec = 0;
			fmt++;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9')
				prec = prec * 10 + *fmt++ - '0';
		}
		lng = 0;
		while (*fmt == 'l' || *fmt == 'z') {
			lng = 1;
			fmt++;
		}
		switch (*fmt) {
		case 'd':
		case 'i':
			i = lng ? va_arg(ap, long) : va_arg(ap, int);
			u = i < 0 ? -(uint64_t)i : (uint64_t)i;
			p = format_number(num + sizeof(num), u, 10, 0);
			if (i < 0)
				*--p = '-';
			put_padded(&o, p, num + sizeof(num) - p, width, left, pad);
			break;
		case 'u':
		case 'x':
		case 'X':
			u = lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
			p = format_number(num + sizeof(num), u,
			    *fmt == 'u' ? 10 : 16, *fmt == 'X');
			put_padded(&o, p, num + sizeof(num) - p, width, left, pad);
			break;
		case 'p':
			u = (uintptr_t)va_arg(ap, void *);
			p = format_number(num + sizeof(num), u, 16, 0);
			*--p = 'x';
			*--p = '0';
			put_padded(&o, p, num + sizeof(num) - p, width, left, ' ');
			break;
		case 's':
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			u = strlen(s);
			if (prec >= 0 && (uint64_t)prec < u)
				u = prec;
			put_padded(&o, s, u, width, left, ' ');
			break;
		case 'c':
			num[0] = (char)va_arg(ap, int);
			put_padded(&o, num, 1, width, left, ' ');
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

/* Formats into buf like snprintf. */
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
