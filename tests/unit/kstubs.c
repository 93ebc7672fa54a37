/*
 * Host versions of the kernel services kernel code calls (see
 * tests/unit/kstubs.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/kprintf.h"
#include "kernel/memory.h"
#include "kernel/panic.h"
#include "soil/clock.h"
#include "tests/unit/kstubs.h"

#define LOG_SIZE 65536

static long limit = -1, in_use;
static char log_buf[LOG_SIZE];
static size_t log_len;
static uint64_t now_ns;
jmp_buf *kstubs_panic_jmp;

/*
 * Lets page_alloc hand out at most pages pages (-1: no limit), to test
 * running out of memory.
 */
void kstubs_page_limit(long pages)
{
	limit = pages;
}

/*
 * How many pages page_alloc has handed out and page_free not taken back: a
 * leak check.
 */
long kstubs_pages_in_use(void)
{
	return in_use;
}

/* What kprintf has printed since the last kstubs_log_clear. */
const char *kstubs_log(void)
{
	return log_buf;
}

/* Forgets what kprintf printed, before a call whose messages a test reads. */
void kstubs_log_clear(void)
{
	log_len = 0;
	log_buf[0] = '\0';
}

/* Sets the time soil_time_ns returns, so timestamps are known. */
void kstubs_set_time(uint64_t ns)
{
	now_ns = ns;
}

/* Zeroed, page-aligned pages from the C library, counted against the limit. */
void *page_alloc(uint64_t n)
{
	void *p;

	if (!n || (limit >= 0 && in_use + (long)n > limit) || n > (1ull << 20))
		return NULL;
	p = aligned_alloc(4096, n * 4096);
	if (!p)
		return NULL;
	memset(p, 0, n * 4096);
	in_use += (long)n;
	return p;
}

/* Gives back pages from page_alloc. */
void page_free(void *p, uint64_t n)
{
	in_use -= (long)n;
	free(p);
}

/* Appends to the log; KSTUBS_VERBOSE=1 also echoes to stderr. */
int kprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(log_buf + log_len, LOG_SIZE - log_len, fmt, ap);
	va_end(ap);
	if (n > 0 && getenv("KSTUBS_VERBOSE"))
		fputs(log_buf + log_len, stderr);
	if (n > 0)
		log_len += (size_t)n < LOG_SIZE - log_len ? (size_t)n :
		    LOG_SIZE - 1 - log_len;
	return n;
}

/*
 * Prints the panic and exits, or, while a test expects one, jumps back to
 * it.
 */
void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!kstubs_panic_jmp) {
		fputs("panic: ", stderr);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
		va_end(ap);
		abort();
	}
	va_end(ap);
	longjmp(*kstubs_panic_jmp, 1);
}

/* The time kstubs_set_time set. */
uint64_t soil_time_ns(void)
{
	return now_ns;
}
