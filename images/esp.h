/*
 * The EFI System Partition's file system: a FAT image holding
 * /EFI/BOOT/BOOTX64.EFI (the removable-media boot path that firmware
 * tries without any boot entry) and a directory's files, made with
 * Debian's mkfs.fat and mtools.
 */
#ifndef IMAGES_ESP_H
#define IMAGES_ESP_H

#include <stdint.h>

/* What goes into an ESP. */
struct esp_content {
	const char *efi;	/* becomes /EFI/BOOT/BOOTX64.EFI */
	const char *files;	/* directory copied to the root; or NULL */
};

/*
 * Sets *bytes to the space the content takes on FAT: every file rounded
 * up to 4 KiB clusters, one cluster per directory.  Returns 0, or -1
 * (said on stderr).
 */
int esp_content_bytes(const struct esp_content *c, uint64_t *bytes);

/*
 * Checks that the files directory is a directory without an
 * EFI/BOOT/BOOTX64.EFI of its own (FAT ignores case).  Returns 0, or -1
 * (said).
 */
int esp_check_files(const struct esp_content *c);

/*
 * Writes the FAT file system image path of kib KiB holding c: FAT32 when
 * fat32 is non-zero (the ESP format the UEFI specification names, and
 * what some firmware insists on; it needs 33 MiB), otherwise the FAT
 * type mkfs.fat picks for the size.  hidden is the LBA of the partition
 * that will hold it (0 for none).  Returns 0, or -1 (said).
 */
int esp_build(const char *path, uint64_t kib, int fat32, uint32_t hidden,
    const struct esp_content *c);

/* Smallest ESP, in MiB, that mkfs.fat makes FAT32 without complaint. */
#define ESP_FAT32_MIN_MIB	33

#endif
