/*
 * What fstat shows for eventfd and epoll files (see soil/anon_inode.h).
 */
#include "kernel/string.h"
#include "soil/anon_inode.h"

#define ANON_DEV	0x0e	/* a pseudo file system's, not the tree's */
#define ANON_INO	1

/* The one anonymous inode. */
long anon_inode_stat(struct file *f, struct stat *st)
{
	(void)f;
	memset(st, 0, sizeof(*st));
	st->st_dev = ANON_DEV;
	st->st_ino = ANON_INO;
	st->st_mode = 0600;
	st->st_nlink = 1;
	st->st_blksize = 4096;
	return 0;
}
