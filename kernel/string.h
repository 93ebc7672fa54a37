/*
 * The few string functions the kernel uses.  The kernel's own definitions
 * (kernel/string.c) use general registers only; on the host the C
 * library's are used.
 */
#ifndef KERNEL_STRING_H
#define KERNEL_STRING_H

#ifdef TERRARIUM_HOST
#include <string.h>
#else
#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
#endif

#endif
