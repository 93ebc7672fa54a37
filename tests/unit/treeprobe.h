/*
 * A look into a tree loaded by soil/cpio.c, for host tests that include
 * the C library's <sys/stat.h> (whose struct stat clashes with the
 * kernel's): the tree side lives in tests/unit/treeprobe.c.
 */
#ifndef TESTS_UNIT_TREEPROBE_H
#define TESTS_UNIT_TREEPROBE_H

#include <stddef.h>

/* Loads the archive into a fresh tree; cpio_load's result. */
int probe_load(const void *archive, size_t len);
/*
 * What path names in the tree: 'f' (file), 'd', 'l' (link), or 0 when
 * nothing; its permission bits in *perm; a file's bytes or a link's
 * target in buf (up to size), their length in *len.
 */
int probe_get(const char *path, unsigned *perm, char *buf, size_t size,
    size_t *len);
/* Frees the tree. */
void probe_free(void);

#endif
