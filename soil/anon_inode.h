/*
 * Files with no node in any file system (eventfd, epoll): Linux gives
 * them all one inode, which fstat shows as mode 0600 with no file type.
 */
#ifndef SOIL_ANON_INODE_H
#define SOIL_ANON_INODE_H

#include <asm/stat.h>

struct file;

/* file_ops.stat of such files. */
long anon_inode_stat(struct file *f, struct stat *st);

#endif
