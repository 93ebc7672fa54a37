/*
 * PE/COFF header check for UEFI applications (Microsoft PE format: DOS
 * header, "PE\0\0", COFF file header, PE32+ optional header).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "images/pe.h"

#define DOS_LFANEW		0x3c
#define COFF_SIZE		20
#define MACHINE_AMD64		0x8664
#define OPT_MAGIC_PE32PLUS	0x20b
#define OPT_SUBSYSTEM		68	/* offset in a PE32+ optional header */
#define SUBSYSTEM_EFI_APP	10

/* Reads a little-endian value of n bytes at p. */
static uint32_t get_le(const unsigned char *p, int n)
{
	uint32_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

/* Checks the headers; see pe.h. */
const char *pe_check_efi_app(const unsigned char *buf, size_t len)
{
	size_t pe, opt, opt_size;

	if (len < DOS_LFANEW + 4 || buf[0] != 'M' || buf[1] != 'Z')
		return "is not a PE/COFF file (no MZ header)";
	pe = get_le(buf + DOS_LFANEW, 4);
	if (pe > len || len - pe < 4 + COFF_SIZE ||
	    get_le(buf + pe, 4) != ('P' | 'E' << 8))
		return "is not a PE/COFF file (no PE signature)";
	if (get_le(buf + pe + 4, 2) != MACHINE_AMD64)
		return "is a PE file for another CPU, not x86-64";
	opt = pe + 4 + COFF_SIZE;
	opt_size = get_le(buf + pe + 20, 2);
	if (opt_size < OPT_SUBSYSTEM + 2 || len - opt < OPT_SUBSYSTEM + 2)
		return "is a PE file without a complete optional header";
	if (get_le(buf + opt, 2) != OPT_MAGIC_PE32PLUS)
		return "is not a 64-bit (PE32+) image";
	if (get_le(buf + opt + OPT_SUBSYSTEM, 2) != SUBSYSTEM_EFI_APP)
		return "is a PE file for another subsystem";
	return NULL;
}

/* Reads the start of path and checks it; see pe.h. */
int pe_check_file(const char *path)
{
	unsigned char buf[PE_CHECK_BYTES];
	const char *why;
	size_t n;
	FILE *f;

	f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "terrarium: cannot read the image %s: %s\n",
		    path,
		    strerror(errno));
		return -1;
	}
	n = fread(buf, 1, sizeof(buf), f);
	if (ferror(f)) {
		fprintf(stderr, "terrarium: cannot read the image %s: %s\n",
		    path,
		    strerror(errno));
		fclose(f);
		return -1;
	}
	fclose(f);
	why = pe_check_efi_app(buf, n);
	if (why) {
		fprintf(stderr, "terrarium: %s is not a UEFI application for "
		    "x86-64: it %s\n", path, why);
		return -1;
	}
	return 0;
}
