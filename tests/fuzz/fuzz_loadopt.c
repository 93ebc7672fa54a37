/* Load options from the firmware: arbitrary bytes, any size. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "efi/loadopt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint16_t *units = malloc(size + 2);
	char out[64];
	int n;

	memcpy(units, data, size);
	n = loadopt_to_utf8(units, size, out, sizeof(out));
	if (n >= 0 && (size_t)n != strlen(out))
		abort();
	free(units);
	return 0;
}
