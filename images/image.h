/*
 * Bootable images of a UEFI application: a GPT disk image for USB sticks
 * and disks, or an ISO 9660 image with an El Torito EFI boot image for CDs
 * and servers' virtual media.  `terrarium image` is the front end.
 */
#ifndef IMAGES_IMAGE_H
#define IMAGES_IMAGE_H

/* Default and smallest disk image, in MiB: the ESP is FAT32 (esp.h). */
#define IMAGE_DEFAULT_MIB	64
#define IMAGE_MIN_MIB		35

struct image_job {
	const char *efi;	/* the UEFI application */
	const char *files;	/* directory for the ESP's root; or NULL */
	const char *out;	/* file to write; ".iso" makes an ISO */
	unsigned size_mib;	/* disk image size; 0: the default or what the
				   files need */
};

/*
 * Writes the image: to a temporary file beside out, renamed over out at
 * the end, so a failure leaves no half image.  Returns 0, or 1 after
 * saying what went wrong on stderr.
 */
int image_make(const struct image_job *j);

/* Whether out names an ISO image (ends in ".iso", any case). */
int image_is_iso(const char *out);

#endif
