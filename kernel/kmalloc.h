/*
 * The kernel heap over the page allocator: small blocks come from pages
 * cut into slots of one size class, big blocks are whole pages.  Every
 * block is 16-byte aligned.  All functions return NULL when memory runs
 * out; callers turn that into -ENOMEM.
 */
#ifndef KERNEL_KMALLOC_H
#define KERNEL_KMALLOC_H

#include <stddef.h>

/* Allocates n bytes (uninitialised); kmalloc(0) returns a unique block. */
void *kmalloc(size_t n);
/* Allocates n zeroed bytes. */
void *kzalloc(size_t n);
/*
 * Resizes p (NULL: like kmalloc) to n bytes, keeping the contents up to
 * the smaller size.  On failure p is left as it was and NULL returned.
 */
void *krealloc(void *p, size_t n);
/* Frees p from kmalloc, kzalloc or krealloc; NULL is ignored. */
void kfree(void *p);
/* Bytes usable in p: at least what was asked for. */
size_t ksize(const void *p);

#endif
