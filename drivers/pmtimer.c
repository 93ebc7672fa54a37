/*
 * The ACPI power-management timer: a 3.579545 MHz counter of 24 or 32 bits
 * that the FADT describes.
 */
#include "drivers/acpi.h"
#include "drivers/acpi_gas.h"
#include "drivers/refclock.h"

static struct acpi_gas reg;

/* The counter, or 0 when the register cannot be read. */
static uint64_t pmtimer_read(void)
{
	uint64_t v;

	if (acpi_gas_read(&reg, &v) != 0)
		return 0;
	return v;
}

int pmtimer_probe(struct refclock *rc)
{
	const struct acpi_fadt *f;
	uint64_t v;

	f = acpi_get_fadt();
	if (f == NULL || f->pm_timer.address == 0 ||
	    (f->flags & ACPI_FADT_HW_REDUCED))
		return -1;
	reg = f->pm_timer;
	if (acpi_gas_read(&reg, &v) != 0)
		return -1;
	rc->name = "the ACPI PM timer";
	rc->hz = ACPI_PM_TIMER_HZ;
	rc->mask = f->flags & ACPI_FADT_TMR_VAL_EXT ? 0xffffffffu : 0xffffffu;
	rc->read = pmtimer_read;
	return 0;
}
