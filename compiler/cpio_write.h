/*
 * Packs a directory tree into a cpio "newc" archive for an image's file
 * system (soil/cpio.c reads it back at boot).
 */
#ifndef COMPILER_CPIO_WRITE_H
#define COMPILER_CPIO_WRITE_H

#include <stdio.h>

/*
 * Writes the regular files, directories and symbolic links under dir (not
 * dir itself) to out, names relative to dir, each directory's entries in
 * strcmp order after the directory, then the TRAILER!!! entry.  The
 * archive depends only on names, contents, types and permission bits:
 * mtime, uid and gid are 0, inode numbers count from 1.  Returns 0, or
 * -1 after a message on stderr naming the path (other file types, files
 * of 4 GiB or more, read and write errors).
 */
int cpio_write_dir(const char *dir, FILE *out);

#endif
