/*
 * A minimal check library for host unit tests: CHECK() records a result
 * and reports the failing expression; check_report() prints the totals.
 */
#ifndef TESTS_UNIT_CHECK_H
#define TESTS_UNIT_CHECK_H

#include <stdio.h>

static int check_passed, check_failed;

/* Records one check; prints where it failed. Returns ok. */
static inline int check_one(int ok, const char *expr, const char *file, int line)
{
	if (ok)
		check_passed++;
	else {
		check_failed++;
		fprintf(stderr, "%s:%d: check failed: %s\n", file, line, expr);
	}
	return ok;
}

#define CHECK(cond) check_one(!!(cond), #cond, __FILE__, __LINE__)

/* Prints "NAME: N passed, M failed"; returns the exit status for main. */
static inline int check_report(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
	return check_failed != 0 || check_passed == 0;
}

#endif
