/*
 * Making a bootable image of a UEFI application (see image.h): check the
 * application, size the ESP, build its FAT image, then wrap it in a GPT
 * disk or an ISO.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/stat.h>
#include "compiler/tmpdir.h"
#include "images/disk.h"
#include "images/esp.h"
#include "images/gpt.h"
#include "images/image.h"
#include "images/iso.h"
#include "images/pe.h"

#define MIB	(1024 * 1024)

/* Whether out names an ISO image; see image.h. */
int image_is_iso(const char *out)
{
	size_t n = strlen(out);

	return n > 4 && strcasecmp(out + n - 4, ".iso") == 0;
}

/*
 * Refuses to replace anything but a regular file: a device node renamed
 * over would be lost, and writing a stick is dd's job, after a look.
 */
static int check_output(const char *out)
{
	struct stat st;

	if (stat(out, &st) == 0 && !S_ISREG(st.st_mode)) {
		fprintf(stderr, "terrarium: %s is not a regular file; write "
		    "the image to a file, then copy it to the device with dd\n",
		    out);
		return -1;
	}
	return 0;
}

/* Fills the disk's GUIDs with random ones.  Returns 0, or -1 (said). */
static int random_guids(struct gpt_disk *d)
{
	if (getrandom(d->disk_guid, 16, 0) != 16 ||
	    getrandom(d->part_guid, 16, 0) != 16) {
		fprintf(stderr, "terrarium: no random numbers for the disk's "
		    "GUIDs: %s\n", strerror(errno));
		return -1;
	}
	gpt_random_guid(d->disk_guid);
	gpt_random_guid(d->part_guid);
	return 0;
}

/*
 * Sizes the GPT disk for need_mib MiB of ESP content.  Returns 0, or -1
 * when --size is too small (said).
 */
static int size_disk(const struct image_job *j, uint64_t need_mib,
    struct gpt_disk *d)
{
	uint64_t esp_mib = need_mib, disk_mib;

	if (esp_mib < ESP_FAT32_MIN_MIB)
		esp_mib = ESP_FAT32_MIN_MIB;
	/* The first MiB holds the tables, the last the backup ones. */
	disk_mib = esp_mib + 2;
	if (j->size_mib && j->size_mib < disk_mib) {
		fprintf(stderr, "terrarium: --size %u MiB is too small: this "
		    "image needs at least %llu MiB\n", j->size_mib,
		    (unsigned long long)disk_mib);
		return -1;
	}
	if (j->size_mib)
		disk_mib = j->size_mib;
	else if (disk_mib < IMAGE_DEFAULT_MIB)
		disk_mib = IMAGE_DEFAULT_MIB;
	d->sectors = disk_mib * (MIB / GPT_SECTOR);
	return gpt_place(d);
}

/* Writes the image; see image.h. */
int image_make(const struct image_job *j)
{
	struct esp_content c = { j->efi, j->files };
	struct gpt_disk d;
	uint64_t bytes, need_mib, kib;
	char *dir = NULL, *esp = NULL;
	int iso = image_is_iso(j->out);

	memset(&d, 0, sizeof(d));
	if (pe_check_file(j->efi) < 0 || check_output(j->out) < 0 ||
	    esp_check_files(&c) < 0 || esp_content_bytes(&c, &bytes) < 0)
		return 1;
	/* Room for the FATs, directories and clusters larger than guessed. */
	need_mib = (bytes + bytes / 8 + MIB - 1) / MIB + 1;
	if (iso) {
		kib = need_mib * 1024;
		if (kib > ISO_ESP_MAX_KIB)
			fprintf(stderr, "terrarium: warning: the EFI boot "
			    "image is %llu MiB; some firmware loads only its "
			    "first 32 MiB from a CD\n",
			    (unsigned long long)need_mib);
	} else {
		if (size_disk(j, need_mib, &d) < 0 || random_guids(&d) < 0)
			return 1;
		kib = (d.last - d.first + 1) * GPT_SECTOR / 1024;
	}
	dir = tmpdir_make("image");
	if (!dir)
		return 1;
	if (asprintf(&esp, "%s/esp.img", dir) < 0) {
		esp = NULL;
		fprintf(stderr, "terrarium: out of memory\n");
		goto err;
	}
	if (esp_build(esp, kib, !iso, iso ? 0 : (uint32_t)d.first, &c) < 0)
		goto err;
	if (iso ? iso_write(j->out, esp, dir) : disk_write(j->out, &d, esp))
		goto err;
	free(esp);
	tmpdir_remove(dir);
	return 0;

err:
	free(esp);
	tmpdir_remove(dir);
	return 1;
}
