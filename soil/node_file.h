/*
 * Files opened from the file system tree: regular files, directories,
 * device nodes (their node holds their struct file_ops), and O_PATH
 * handles.
 */
#ifndef SOIL_NODE_FILE_H
#define SOIL_NODE_FILE_H

#include <stdint.h>
#include "soil/file.h"
#include "soil/memfs.h"

/*
 * Opens node with open()'s flags (checked by the caller); the file holds
 * the node.  NULL without memory.
 */
struct file *node_open(struct mnode *node, uint32_t flags);

#endif
