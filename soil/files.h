/*
 * The state the file syscalls share (soil/files.c): the one tree, the
 * working directory (held open) and the file mode creation mask.
 * Private to soil/sys_*.c and soil/files.c.
 */
#ifndef SOIL_FILES_H
#define SOIL_FILES_H

#include <stdint.h>
#include "soil/memfs.h"

extern struct memfs *files_fs;
extern struct mnode *files_cwd;
extern uint32_t files_umask;

/* Makes dir the working directory (dropping the old one's hold). */
void files_set_cwd(struct mnode *dir);

#endif
