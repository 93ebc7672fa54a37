/*
 * Checks on pointers the program hands to a syscall.  Everything runs in
 * one address space at ring 0, so a bad pointer would fault in the kernel;
 * a syscall rejects the obviously bad ones with -EFAULT first.
 */
#ifndef SOIL_USER_H
#define SOIL_USER_H

#include <stddef.h>
#include <stdint.h>

/* The lowest address a program may pass: page 0 is never mapped. */
#define USER_LOWEST	4096ull
/* Addresses at or above this are not canonical lower-half addresses. */
#define USER_LIMIT	(1ull << 47)

/* Returns non-zero when [p, p + len) is a plausible program range. */
static inline int user_ok(const void *p, size_t len)
{
	uint64_t a = (uint64_t)(uintptr_t)p;

	return a >= USER_LOWEST && a < USER_LIMIT && len <= USER_LIMIT - a;
}

#endif
