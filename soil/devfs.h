/*
 * The device nodes of /dev: null, zero, full, random and urandom.
 */
#ifndef SOIL_DEVFS_H
#define SOIL_DEVFS_H

#include "soil/memfs.h"

/* Creates the device nodes in dir; 0 or -errno. */
int devfs_init(struct memfs *fs, struct mnode *dir);

#endif
