/*
 * PE check: a minimal valid UEFI application header passes, and each way
 * a file can fail to be one is named.
 */
#include <string.h>
#include "images/pe.h"
#include "tests/unit/check.h"

#define PE_AT	0x80

static unsigned char img[512];

/* Stores v little-endian at p. */
static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

/* A header as objcopy --target efi-app-x86_64 writes it. */
static void make_valid(void)
{
	memset(img, 0, sizeof(img));
	img[0] = 'M';
	img[1] = 'Z';
	img[0x3c] = PE_AT;
	memcpy(img + PE_AT, "PE\0\0", 4);
	put16(img + PE_AT + 4, 0x8664);
	put16(img + PE_AT + 20, 240);
	put16(img + PE_AT + 24, 0x20b);
	put16(img + PE_AT + 24 + 68, 10);
}

/* Whether the check's answer r mentions what. */
static int says(const char *r, const char *what)
{
	return r && strstr(r, what);
}

/* A valid EFI application header passes; each broken field is named. */
int main(void)
{
	make_valid();
	CHECK(pe_check_efi_app(img, sizeof(img)) == NULL);
	CHECK(says(pe_check_efi_app(img, 10), "no MZ"));
	CHECK(says(pe_check_efi_app((const unsigned char *)"#!/bin/sh\n", 10),
	    "no MZ"));

	make_valid();
	img[0] = 'Z';
	CHECK(says(pe_check_efi_app(img, sizeof(img)), "no MZ"));

	make_valid();
	img[PE_AT + 1] = 'X';
	CHECK(says(pe_check_efi_app(img, sizeof(img)), "no PE signature"));
	/* e_lfanew past the end, or too close to it. */
	make_valid();
	img[0x3d] = 0x10;
	CHECK(says(pe_check_efi_app(img, sizeof(img)), "no PE signature"));
	make_valid();
	CHECK(says(pe_check_efi_app(img, PE_AT + 10), "no PE signature"));
	make_valid();
	img[0x3c] = 0xff;
	img[0x3d] = 0xff;
	img[0x3e] = 0xff;
	img[0x3f] = 0xff;
	CHECK(says(pe_check_efi_app(img, sizeof(img)), "no PE signature"));

	make_valid();
	put16(img + PE_AT + 4, 0x14c);
	CHECK(says(pe_check_efi_app(img, sizeof(img)), "another CPU"));

	make_valid();
	put16(img + PE_AT + 20, 60);
	CHECK(says(pe_check_efi_app(img, sizeof(img)), "optional header"));
	make_valid();
	CHECK(says(pe_check_efi_app(img, PE_AT + 24 + 60), "optional header"));

	make_valid();
	put16(img + PE_AT + 24, 0x10b);
	CHECK(says(pe_check_efi_app(img, sizeof(img)), "PE32+"));

	make_valid();
	put16(img + PE_AT + 24 + 68, 3);
	CHECK(says(pe_check_efi_app(img, sizeof(img)), "another subsystem"));
	return check_report("pe");
}
