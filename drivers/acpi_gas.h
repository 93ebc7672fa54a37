/*
 * Kernel access to ACPI registers described by a Generic Address Structure.
 */
#ifndef DRIVERS_ACPI_GAS_H
#define DRIVERS_ACPI_GAS_H

#include <stdint.h>

#include "drivers/acpi.h"

/* Reads g into *v.  Returns 0, or -1 when its space or width is unsupported. */
int acpi_gas_read(const struct acpi_gas *g, uint64_t *v);

/* Writes v to g.  Returns 0, or -1 when its space or width is unsupported. */
int acpi_gas_write(const struct acpi_gas *g, uint64_t v);

#endif
