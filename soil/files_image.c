/*
 * soil_files_init: the tree with the archive the link put in the image
 * (notes/interfaces.md).  Apart from soil/files.c so that host tests,
 * which have no image data, can link the rest.
 */
#include "soil/sys_file.h"

extern const unsigned char terrarium_files[], terrarium_files_end[];

/* Makes the tree with the image's files. */
int soil_files_init(void)
{
	return soil_files_init_from(terrarium_files,
	    (size_t)(terrarium_files_end - terrarium_files));
}
