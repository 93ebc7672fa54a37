/*
 * Recognising a UEFI application for x86-64 (PE32+, machine AMD64,
 * subsystem EFI application) before writing it to a disk or serving it,
 * so a wrong file is named at once rather than by a firmware that skips it.
 */
#ifndef IMAGES_PE_H
#define IMAGES_PE_H

#include <stddef.h>

/*
 * Checks the headers in buf[0..len), the start of a file.  Returns NULL
 * when they are those of an x86-64 UEFI application, otherwise a phrase
 * that completes "FILE ...", such as "is not a PE/COFF file (no MZ
 * header)".
 */
const char *pe_check_efi_app(const unsigned char *buf, size_t len);

/* Bytes of a file's start that pe_check_efi_app() needs at most. */
#define PE_CHECK_BYTES	4096

/*
 * Checks that the file path is a readable x86-64 UEFI application.
 * Returns 0, or -1 after saying why not on stderr.
 */
int pe_check_file(const char *path);

#endif
