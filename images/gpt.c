/*
 * GPT with one EFI System Partition: the protective MBR, the primary and
 * backup headers and entry arrays, with their CRC-32s.  See gpt.h.
 */
#include <string.h>
#include "images/crc32.h"
#include "images/gpt.h"

#define MBR_PART_TABLE	446
#define MBR_TYPE_GPT	0xee
#define HEADER_SIZE	92
#define GPT_REVISION	0x00010000u
#define NAME_CHARS	36

/* EFI System Partition C12A7328-F81F-11D2-BA4B-00A0C93EC93B, on-disk order. */
static const uint8_t esp_type[16] = {
	0x28, 0x73, 0x2a, 0xc1, 0x1f, 0xf8, 0xd2, 0x11,
	0xba, 0x4b, 0x00, 0xa0, 0xc9, 0x3e, 0xc9, 0x3b,
};

static const char part_name[] = "EFI System Partition";

/* Stores v little-endian in n bytes at p. */
static void put_le(uint8_t *p, uint64_t v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* Places the ESP on 1 MiB boundaries between the two tables. */
int gpt_place(struct gpt_disk *d)
{
	uint64_t end;

	if (d->sectors < GPT_ALIGN + GPT_TAIL_SECTORS)
		return -1;
	/* One past the last usable sector, rounded down to a boundary. */
	end = (d->sectors - GPT_TAIL_SECTORS) / GPT_ALIGN * GPT_ALIGN;
	if (end <= GPT_ALIGN)
		return -1;
	d->first = GPT_ALIGN;
	d->last = end - 1;
	return 0;
}

/*
 * Writes a CHS address of lba in the BIOS geometry of 255 heads and 63
 * sectors a track, or the "does not fit" value 0xffffff.
 */
static void put_chs(uint8_t *p, uint64_t lba)
{
	uint64_t c = lba / (255 * 63);
	unsigned h = (unsigned)(lba / 63 % 255), s = (unsigned)(lba % 63 + 1);

	if (c > 1023) {
		p[0] = p[1] = p[2] = 0xff;
		return;
	}
	p[0] = (uint8_t)h;
	p[1] = (uint8_t)(s | (c >> 2 & 0xc0));
	p[2] = (uint8_t)c;
}

/* The protective MBR: one 0xEE partition from LBA 1 over the whole disk. */
static void build_mbr(const struct gpt_disk *d, uint8_t *mbr)
{
	uint8_t *e = mbr + MBR_PART_TABLE;
	uint64_t size = d->sectors - 1;

	memset(mbr, 0, GPT_SECTOR);
	put_chs(e + 1, 1);
	e[4] = MBR_TYPE_GPT;
	put_chs(e + 5, d->sectors - 1);
	put_le(e + 8, 1, 4);
	put_le(e + 12, size > 0xffffffffu ? 0xffffffffu : size, 4);
	mbr[510] = 0x55;
	mbr[511] = 0xaa;
}

/* The entry array: the ESP in the first entry, the others unused. */
static void build_entries(const struct gpt_disk *d, uint8_t *array)
{
	size_t i;

	memset(array, 0, GPT_ARRAY_SECTORS * GPT_SECTOR);
	memcpy(array, esp_type, 16);
	memcpy(array + 16, d->part_guid, 16);
	put_le(array + 32, d->first, 8);
	put_le(array + 40, d->last, 8);
	for (i = 0; i < sizeof(part_name) - 1 && i < NAME_CHARS; i++)
		put_le(array + 56 + 2 * i, (uint8_t)part_name[i], 2);
}

/*
 * A header at my_lba whose twin is at alt_lba and whose entry array starts
 * at array_lba.
 */
static void build_header(const struct gpt_disk *d, uint8_t *h, uint64_t my_lba,
    uint64_t alt_lba, uint64_t array_lba, uint32_t array_crc)
{
	memset(h, 0, GPT_SECTOR);
	memcpy(h, "EFI PART", 8);
	put_le(h + 8, GPT_REVISION, 4);
	put_le(h + 12, HEADER_SIZE, 4);
	put_le(h + 24, my_lba, 8);
	put_le(h + 32, alt_lba, 8);
	put_le(h + 40, GPT_HEAD_SECTORS, 8);
	put_le(h + 48, d->sectors - GPT_TAIL_SECTORS - 1, 8);
	memcpy(h + 56, d->disk_guid, 16);
	put_le(h + 72, array_lba, 8);
	put_le(h + 80, GPT_ENTRIES, 4);
	put_le(h + 84, GPT_ENTRY_SIZE, 4);
	put_le(h + 88, array_crc, 4);
	/* The header's own CRC covers its 92 bytes with the field zero. */
	put_le(h + 16, crc32_update(0, h, HEADER_SIZE), 4);
}

/* Fills the head and tail sectors of the disk; see gpt.h. */
void gpt_build(const struct gpt_disk *d, uint8_t *head, uint8_t *tail)
{
	uint64_t last = d->sectors - 1;
	uint8_t *array = head + 2 * GPT_SECTOR;
	uint32_t crc;

	build_mbr(d, head);
	build_entries(d, array);
	crc = crc32_update(0, array, GPT_ARRAY_SECTORS * GPT_SECTOR);
	build_header(d, head + GPT_SECTOR, 1, last, 2, crc);
	memcpy(tail, array, GPT_ARRAY_SECTORS * GPT_SECTOR);
	build_header(d, tail + GPT_ARRAY_SECTORS * GPT_SECTOR, last, 1,
	    last - GPT_ARRAY_SECTORS, crc);
}

/*
 * Sets the version (4) and variant (10b) bits.  The first three GUID
 * fields are little-endian on disk, so the version nibble is the high one
 * of byte 7.
 */
void gpt_random_guid(uint8_t guid[16])
{
	guid[7] = (uint8_t)((guid[7] & 0x0f) | 0x40);
	guid[8] = (uint8_t)((guid[8] & 0x3f) | 0x80);
}
