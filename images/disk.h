/*
 * Writing a GPT disk image file: the tables of gpt.h around a FAT image.
 */
#ifndef IMAGES_DISK_H
#define IMAGES_DISK_H

#include "images/gpt.h"

/*
 * Writes the disk d (placed by gpt_place()) to the file out, with the
 * FAT image in the file esp at the start of its partition.  The file is
 * written beside out and renamed over it, and stays sparse where the FAT
 * image is zero.  Returns 0, or -1 (said on stderr).
 */
int disk_write(const char *out, const struct gpt_disk *d, const char *esp);

/*
 * Makes a temporary file beside path (path.XXXXXX), readable by all.
 * Returns its descriptor with the name in *tmp (free it), or -1 (said).
 */
int disk_temp_beside(const char *path, char **tmp);

#endif
