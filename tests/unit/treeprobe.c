/* The tree side of tests/unit/treeprobe.h. */
#include <linux/stat.h>
#include <string.h>
#include "soil/cpio.h"
#include "soil/memfs.h"
#include "tests/unit/treeprobe.h"

static struct memfs *fs;

/* Loads an archive into a new tree; cpio_load's result. */
int probe_load(const void *archive, size_t len)
{
	fs = memfs_new();
	return cpio_load(fs, archive, len);
}

/*
 * A file's permissions and bytes in the loaded tree (see
 * tests/unit/treeprobe.h).
 */
int probe_get(const char *path, unsigned *perm, char *buf, size_t size,
    size_t *len)
{
	struct mpath mp;
	struct mnode *n;

	if (memfs_walk(fs, fs->root, path, 0, &mp) || !(n = mp.node))
		return 0;
	*perm = n->mode & 07777;
	*len = 0;
	if (S_ISREG(n->mode)) {
		*len = (size_t)memfs_read(n, buf, size, 0);
		return 'f';
	}
	if (S_ISLNK(n->mode)) {
		*len = n->size < size ? n->size : size;
		memcpy(buf, n->u.target, *len);
		return 'l';
	}
	return S_ISDIR(n->mode) ? 'd' : '?';
}

/* Frees the loaded tree. */
void probe_free(void)
{
	memfs_destroy(fs);
}
