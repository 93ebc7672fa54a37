/*
 * The kernel services that host unit tests and fuzz targets of kernel
 * code supply (tests/unit/kstubs.c): page_alloc/page_free over the C
 * library with a settable limit, kprintf into a buffer the test can read,
 * panic that a test can catch, and a settable clock for soil_time_ns.
 */
#ifndef TESTS_UNIT_KSTUBS_H
#define TESTS_UNIT_KSTUBS_H

#include <setjmp.h>
#include <stdint.h>

/* Pages page_alloc may hand out in all (-1: no limit, the default). */
void kstubs_page_limit(long pages);
/* Pages handed out and not yet freed. */
long kstubs_pages_in_use(void);
/* Everything kprintf printed since the last kstubs_log_clear. */
const char *kstubs_log(void);
void kstubs_log_clear(void);
/* The time soil_time_ns returns. */
void kstubs_set_time(uint64_t ns);
/* When set, panic longjmps here (value 1) instead of aborting. */
extern jmp_buf *kstubs_panic_jmp;

#endif
