/* The PE check on arbitrary bytes: it must only read inside the buffer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "images/pe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Checks one input as an EFI application. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *copy = malloc(size ? size : 1);

	/* An exact-size copy, so ASan sees any read past the end. */
	memcpy(copy, data, size);
	pe_check_efi_app(copy, size);
	free(copy);
	return 0;
}
