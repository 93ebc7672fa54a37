/*
 * The HPET main counter (IA-PC HPET specification 1.0a), found through the
 * ACPI HPET table and read through its identity-mapped registers.
 */
#include "drivers/acpi.h"
#include "drivers/refclock.h"

/* HPET table: the base address GAS starts at byte 40. */
#define HPET_TABLE_GAS	40
#define HPET_TABLE_LEN	56

/* Registers. */
#define HPET_CAP	0x000
#define HPET_CONFIG	0x010
#define HPET_COUNTER	0x0f0

#define CAP_COUNT_64	(1ull << 13)
#define CONFIG_ENABLE	1ull

/* The spec caps the tick at 100 ns; a tick below 1 ns is garbage. */
#define FS_PER_S	1000000000000000ull
#define PERIOD_MAX_FS	100000000ull
#define PERIOD_MIN_FS	1000000ull

static volatile uint64_t *regs;
static int wide;

/* Reads the 64-bit register at byte offset off. */
static uint64_t reg(unsigned off)
{
	return regs[off / 8];
}

/* The main counter. */
static uint64_t hpet_read(void)
{
	/* A 32-bit counter needs a 32-bit read. */
	if (!wide)
		return ((volatile uint32_t *)regs)[HPET_COUNTER / 4];
	return reg(HPET_COUNTER);
}

int hpet_probe(struct refclock *rc)
{
	struct acpi_table t;
	uint64_t base, cap, config, period;
	const uint8_t *gas;
	int i;

	if (acpi_find_table("HPET", 0, &t) != 0 || t.len < HPET_TABLE_LEN)
		return -1;
	gas = t.data + HPET_TABLE_GAS;
	if (gas[0] != ACPI_SPACE_MEMORY)
		return -1;
	base = 0;
	for (i = 7; i >= 0; i--)
		base = base << 8 | gas[4 + i];
	/* Only the low 4 GiB are sure to be mapped for devices. */
	if (base == 0 || base % 1024 != 0 || base >= (1ull << 32))
		return -1;
	regs = (volatile uint64_t *)(uintptr_t)base;
	cap = reg(HPET_CAP);
	period = cap >> 32;
	if (period < PERIOD_MIN_FS || period > PERIOD_MAX_FS)
		return -1;
	wide = (cap & CAP_COUNT_64) != 0;
	config = reg(HPET_CONFIG);
	if (!(config & CONFIG_ENABLE))
		regs[HPET_CONFIG / 8] = config | CONFIG_ENABLE;
	rc->name = "the HPET";
	rc->hz = FS_PER_S / period;
	rc->mask = wide ? UINT64_MAX : 0xffffffffu;
	rc->read = hpet_read;
	return 0;
}
