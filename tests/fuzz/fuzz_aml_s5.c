/* The \_S5_ finder on arbitrary AML: in bounds, and sane when it succeeds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/aml_s5.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct aml_s5 s5;
	uint8_t *aml;
	int err;

	/* An exact-size copy, so that reading past the end is caught. */
	if ((aml = malloc(size ? size : 1)) == NULL)
		abort();
	memcpy(aml, data, size);
	err = aml_s5_find(aml, size, &s5);
	if (err == 0 && (s5.slp_typa > 7 || s5.slp_typb > 7))
		abort();
	if (err > 0 || err < AML_S5_ERANGE || aml_s5_strerror(err) == NULL)
		abort();
	free(aml);
	return 0;
}
