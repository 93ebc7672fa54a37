/*
 * CRC-32, bit by bit: GPT checksums a few KiB once per image, so a table
 * would buy nothing.
 */
#include "images/crc32.h"

#define CRC32_POLY	0xedb88320u

/* Continues the CRC-32 crc over buf[0..len). */
uint32_t crc32_update(uint32_t crc, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	int bit;

	crc = ~crc;
	while (len--) {
		crc ^= *p++;
		for (bit = 0; bit < 8; bit++)
			crc = crc >> 1 ^ (CRC32_POLY & -(crc & 1));
	}
	return ~crc;
}
