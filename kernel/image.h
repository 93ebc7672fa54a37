/*
 * Where the image's sections are at run time (symbols from efi/efi.lds).
 */
#ifndef KERNEL_IMAGE_H
#define KERNEL_IMAGE_H

#include <stdint.h>

extern char ImageBase[], _text[], _etext[], _rodata[], _erodata[];
extern char _data[], _edata[], __ksyms_start[], __ksyms_end[];
extern char _image_end[];

static inline uint64_t image_addr(const char *sym)
{
	return (uint64_t)(uintptr_t)sym;
}

#endif
