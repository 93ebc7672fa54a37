/*
 * The MADT decoder on arbitrary bytes taken as a whole table (signature
 * included): in bounds, and sane when it succeeds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/madt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parses one input as a MADT and checks what a success claims. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct acpi_table t;
	struct madt m;
	uint8_t *p;
	unsigned i;
	int err;

	if (size < 4 || size > UINT32_MAX)
		return 0;
	/* An exact-size copy, so that reading past the end is caught. */
	if ((p = malloc(size)) == NULL)
		abort();
	memcpy(p, data, size);
	t.phys = 0x1000;
	t.data = p;
	t.len = (uint32_t)size;
	memcpy(t.sig, p, 4);
	t.sig[4] = '\0';
	err = madt_parse(&t, &m);
	if (err > 0 || err < MADT_EENTRY || madt_strerror(err) == NULL)
		abort();
	if (err == 0) {
		/* Each entry takes 2 bytes at least, a processor 8. */
		if (m.nioapics > MADT_MAX_IOAPICS ||
		    m.cpus > size / 8 || m.overrides > size / 10 ||
		    m.nioapics + m.ioapics_dropped > size / 12)
			abort();
		for (i = 0; i < MADT_ISA_IRQS; i++)
			if (m.isa[i].flags & ~(MADT_ACTIVE_LOW | MADT_LEVEL))
				abort();
	}
	free(p);
	return 0;
}
