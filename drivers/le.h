/*
 * Little-endian loads from byte buffers that may be unaligned: firmware
 * tables and file formats the drivers parse.
 */
#ifndef DRIVERS_LE_H
#define DRIVERS_LE_H

#include <stdint.h>

/* The 16-bit little-endian value at p. */
static inline uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

/* The 32-bit little-endian value at p. */
static inline uint32_t get32(const uint8_t *p)
{
	return (uint32_t)get16(p) | (uint32_t)get16(p + 2) << 16;
}

/* The 64-bit little-endian value at p. */
static inline uint64_t get64(const uint8_t *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

#endif
