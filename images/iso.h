/*
 * Writing an ISO 9660 image that boots UEFI machines from a CD or a
 * server's virtual media: an El Torito catalog whose one entry, for the
 * EFI platform, is a FAT image holding EFI/BOOT/BOOTX64.EFI.  The FAT
 * image is also appended as a GPT partition of type EFI System, so the
 * same file boots when written to a USB stick.  Made with Debian's
 * xorriso.
 */
#ifndef IMAGES_ISO_H
#define IMAGES_ISO_H

/*
 * Writes the ISO image out with the FAT image esp as its EFI boot image;
 * dir is a private directory for the ISO's (empty) tree and xorriso's
 * messages.  Written beside out and renamed over it.  Returns 0, or -1
 * (said on stderr).
 */
int iso_write(const char *out, const char *esp, const char *dir);

/*
 * The El Torito catalog counts the boot image in 512-byte sectors in 16
 * bits: larger FAT images are not fully loaded by every firmware.
 */
#define ISO_ESP_MAX_KIB	(65535 / 2)

#endif
