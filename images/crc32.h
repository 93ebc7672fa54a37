/*
 * CRC-32 as GPT, zlib and Ethernet use it (reflected polynomial
 * 0xEDB88320, initial value and final xor 0xFFFFFFFF).
 */
#ifndef IMAGES_CRC32_H
#define IMAGES_CRC32_H

#include <stddef.h>
#include <stdint.h>

/*
 * Returns the CRC-32 of crc's data followed by buf[0..len); start with
 * crc = 0.
 */
uint32_t crc32_update(uint32_t crc, const void *buf, size_t len);

#endif
