/*
 * A GUID partition table with one EFI System Partition, as the UEFI
 * specification (chapter 5) lays it out on a disk of 512-byte sectors:
 *
 *   LBA 0          protective MBR: one partition of type 0xEE over the disk
 *   LBA 1          primary GPT header
 *   LBA 2..33      partition entry array (128 entries of 128 bytes)
 *   LBA 2048..     the ESP, starting and ending on 1 MiB boundaries
 *   LBA N-33..N-2  backup copy of the entry array
 *   LBA N-1        backup GPT header
 *
 * Pure layout: the caller writes the bytes and the partition's contents.
 */
#ifndef IMAGES_GPT_H
#define IMAGES_GPT_H

#include <stdint.h>

#define GPT_SECTOR		512
#define GPT_ENTRIES		128
#define GPT_ENTRY_SIZE		128
#define GPT_ARRAY_SECTORS	(GPT_ENTRIES * GPT_ENTRY_SIZE / GPT_SECTOR)
/* Sectors before the first usable one: MBR, header, entry array. */
#define GPT_HEAD_SECTORS	(2 + GPT_ARRAY_SECTORS)
/* Sectors after the last usable one: entry array copy, backup header. */
#define GPT_TAIL_SECTORS	(GPT_ARRAY_SECTORS + 1)
/* Partitions start and end on 1 MiB boundaries, as disk tools expect. */
#define GPT_ALIGN		2048

struct gpt_disk {
	uint64_t sectors;		/* size of the whole disk */
	uint8_t disk_guid[16];		/* in on-disk byte order */
	uint8_t part_guid[16];		/* the ESP's own GUID, on-disk order */
	uint64_t first, last;		/* the ESP's first and last LBA */
};

/*
 * Places the ESP on a disk of d->sectors sectors: sets d->first and
 * d->last.  Returns 0, or -1 when the disk has no room for an aligned
 * partition of at least 1 MiB.
 */
int gpt_place(struct gpt_disk *d);

/*
 * Fills head (GPT_HEAD_SECTORS sectors: the protective MBR, the primary
 * header and entry array) and tail (GPT_TAIL_SECTORS sectors: the backup
 * entry array and header) for d, placed by gpt_place().
 */
void gpt_build(const struct gpt_disk *d, uint8_t *head, uint8_t *tail);

/*
 * Turns 16 random bytes into a version 4 (random) GUID in on-disk byte
 * order.
 */
void gpt_random_guid(uint8_t guid[16]);

#endif
