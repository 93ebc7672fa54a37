/* kvsnprintf against the C library's snprintf for the conversions it has. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "kernel/kprintf.h"
#include "tests/unit/check.h"

/* Formats with both and checks they agree, including the return value. */
static void same(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void same(const char *fmt, ...)
{
	char ours[128], libc[128];
	va_list ap, ap2;
	int n1, n2;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n1 = kvsnprintf(ours, sizeof(ours), fmt, ap);
	n2 = vsnprintf(libc, sizeof(libc), fmt, ap2);
	va_end(ap2);
	va_end(ap);
	if (!CHECK(n1 == n2 && !strcmp(ours, libc)))
		fprintf(stderr, "  format \"%s\": ours \"%s\" (%d), libc \"%s\" (%d)\n",
		    fmt, ours, n1, libc, n2);
}

/* No format attribute: lets the test pass what the compiler would reject. */
static int unchecked(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int main(void)
{
	char small[8];
	int n;

	same("plain text");
	same("%d %i %d", 0, -42, 2147483647);
	same("%d", (int)-2147483647 - 1);
	same("%ld %lu", (long)INT64_MIN, (unsigned long)UINT64_MAX);
	same("%x %X %lx", 0xbeefu, 0xbeefu, 0x123456789abcdefUL);
	same("[%5d] [%-5d] [%05d] [%05d]", 42, 42, 42, -42);
	same("[%016lx]", 0xabcUL);
	same("[%s] [%8s] [%-8s] [%.3s]", "abc", "abc", "abc", "abcdef");
	same("[%*d] [%.*s]", 6, 7, 2, "xyz");
	same("%c%c %%", 'o', 'k');
	same("%zu", (size_t)12345);
	same("%p", (void *)0x1000);

	n = ksnprintf(small, sizeof(small), "%s", "0123456789");
	CHECK(n == 10);
	CHECK(!strcmp(small, "0123456"));
	n = ksnprintf(small, 0, "abc");
	CHECK(n == 3);
	n = unchecked(small, sizeof(small), "%s", (char *)NULL);
	CHECK(!strcmp(small, "(null)"));
	n = unchecked(small, sizeof(small), "trailing %");
	CHECK(n == 9 && !strcmp(small, "trailin"));
	return check_report("kprintf");
}
