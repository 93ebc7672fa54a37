/*
 * Loads a cpio "newc" archive (magic 070701, or 070702 with checksums,
 * which are not checked) into a file system tree: directories, regular
 * files and symbolic links with their permission bits and mtimes.
 * Entries may come in any order; missing parent directories are made
 * (mode 0755); a later entry replaces an earlier file of the same name.
 * Names are relative to the root ("/x" and "./x" are "x").
 *
 * Regular files borrow their bytes from the archive, which must outlive
 * the tree and is never written: a file's first write copies them.
 * Hard links (newc's shared inode numbers) are not recognised: each
 * name is a file of its own.
 */
#ifndef SOIL_CPIO_H
#define SOIL_CPIO_H

#include <stddef.h>
#include "soil/memfs.h"

/*
 * Loads the len bytes at archive into fs.  Returns 0; or -EINVAL for a
 * malformed archive, -ENOMEM, after a console message naming the entry
 * and what is wrong with it (entries before it stay loaded).
 */
int cpio_load(struct memfs *fs, const void *archive, size_t len);

#endif
