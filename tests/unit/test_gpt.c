/*
 * GPT layout: CRC-32 against its check value, placement of the ESP, and
 * every field of the MBR, headers and entry the firmware reads, checked
 * against the UEFI specification's offsets independently of gpt.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "images/crc32.h"
#include "images/gpt.h"
#include "tests/unit/check.h"

/* Reads an n-byte little-endian field. */
static uint64_t le(const uint8_t *p, int n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

/* CRC-32 against the standard check value, whole and in pieces. */
static void test_crc32(void)
{
	CHECK(crc32_update(0, "123456789", 9) == 0xcbf43926u);
	CHECK(crc32_update(0, "", 0) == 0);
	/* Feeding in pieces gives the same result as at once. */
	CHECK(crc32_update(crc32_update(0, "1234", 4), "56789", 5) ==
	    0xcbf43926u);
}

/*
 * Where the partition goes: MiB-aligned, clear of the backup tables, and
 * refused on disks too small.
 */
static void test_place(void)
{
	struct gpt_disk d;

	memset(&d, 0, sizeof(d));
	d.sectors = 64 * 2048;
	CHECK(gpt_place(&d) == 0);
	CHECK(d.first == 2048);
	CHECK((d.last + 1) % 2048 == 0);
	CHECK(d.last <= d.sectors - 34);
	/* 64 MiB disk: the tables cost the last MiB. */
	CHECK(d.last + 1 == 63 * 2048);
	d.sectors = 2 * 2048 + 33;
	CHECK(gpt_place(&d) == 0 && d.last == 2 * 2048 - 1);
	d.sectors = 2 * 2048 + 32;
	CHECK(gpt_place(&d) == -1);
	d.sectors = 10;
	CHECK(gpt_place(&d) == -1);
}

/* Checks one header sector h at lba, with its twin at alt. */
static void check_header(const struct gpt_disk *d, const uint8_t *h,
    uint64_t lba, uint64_t alt, uint64_t array_lba, uint32_t array_crc)
{
	uint8_t copy[92];

	CHECK(memcmp(h, "EFI PART", 8) == 0);
	CHECK(le(h + 8, 4) == 0x10000);
	CHECK(le(h + 12, 4) == 92);
	memcpy(copy, h, 92);
	memset(copy + 16, 0, 4);
	CHECK(le(h + 16, 4) == crc32_update(0, copy, 92));
	CHECK(le(h + 20, 4) == 0);
	CHECK(le(h + 24, 8) == lba);
	CHECK(le(h + 32, 8) == alt);
	CHECK(le(h + 40, 8) == 34);
	CHECK(le(h + 48, 8) == d->sectors - 34);
	CHECK(memcmp(h + 56, d->disk_guid, 16) == 0);
	CHECK(le(h + 72, 8) == array_lba);
	CHECK(le(h + 80, 4) == 128);
	CHECK(le(h + 84, 4) == 128);
	CHECK(le(h + 88, 4) == array_crc);
}

/*
 * Checks the protective MBR, both headers and the entry of a disk of sectors
 * sectors.
 */
static void test_build(uint64_t sectors)
{
	static const uint8_t esp[16] = {
		0x28, 0x73, 0x2a, 0xc1, 0x1f, 0xf8, 0xd2, 0x11,
		0xba, 0x4b, 0x00, 0xa0, 0xc9, 0x3e, 0xc9, 0x3b,
	};
	uint8_t *head = malloc(34 * 512), *tail = malloc(33 * 512);
	const uint8_t *e, *array = head + 1024;
	struct gpt_disk d;
	uint32_t crc;
	int i, empty = 1;

	memset(&d, 0, sizeof(d));
	d.sectors = sectors;
	for (i = 0; i < 16; i++) {
		d.disk_guid[i] = (uint8_t)(i + 1);
		d.part_guid[i] = (uint8_t)(0xf0 + i);
	}
	CHECK(gpt_place(&d) == 0);
	memset(head, 0xcc, 34 * 512);
	memset(tail, 0xcc, 33 * 512);
	gpt_build(&d, head, tail);

	/* Protective MBR. */
	CHECK(head[510] == 0x55 && head[511] == 0xaa);
	CHECK(head[446] == 0 && head[446 + 4] == 0xee);
	CHECK(head[447] == 0 && head[448] == 2 && head[449] == 0);
	CHECK(le(head + 446 + 8, 4) == 1);
	CHECK(le(head + 446 + 12, 4) ==
	    (sectors - 1 > 0xffffffffu ? 0xffffffffu : sectors - 1));
	for (i = 462; i < 510; i++)
		empty &= head[i] == 0;
	CHECK(empty);

	/* The one entry. */
	e = array;
	CHECK(memcmp(e, esp, 16) == 0);
	CHECK(memcmp(e + 16, d.part_guid, 16) == 0);
	CHECK(le(e + 32, 8) == d.first && le(e + 40, 8) == d.last);
	CHECK(le(e + 48, 8) == 0);
	CHECK(le(e + 56, 2) == 'E' && le(e + 58, 2) == 'F' &&
	    le(e + 60, 2) == 'I');
	empty = 1;
	for (i = 128; i < 128 * 128; i++)
		empty &= array[i] == 0;
	CHECK(empty);

	crc = crc32_update(0, array, 128 * 128);
	check_header(&d, head + 512, 1, sectors - 1, 2, crc);
	CHECK(memcmp(tail, array, 128 * 128) == 0);
	check_header(&d, tail + 32 * 512, sectors - 1, 1, sectors - 33, crc);
	free(head);
	free(tail);
}

/* A random GUID has version 4 and the RFC 4122 variant. */
static void test_guid(void)
{
	uint8_t g[16];

	memset(g, 0xff, sizeof(g));
	gpt_random_guid(g);
	CHECK(g[7] == 0x4f && g[8] == 0xbf);
	memset(g, 0, sizeof(g));
	gpt_random_guid(g);
	CHECK(g[7] == 0x40 && g[8] == 0x80);
}

/* Runs the GPT cases; the status is check_report's. */
int main(void)
{
	test_crc32();
	test_place();
	test_build(64 * 2048);
	test_build(3 * 2048 + 7);
	/* Over 2 TiB the MBR's 32-bit size saturates. */
	test_build(0x100000000ull + 4096);
	test_guid();
	return check_report("gpt");
}
