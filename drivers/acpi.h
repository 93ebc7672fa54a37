/*
 * ACPI tables: RSDP, XSDT/RSDT, table lookup by signature with checksum
 * checks, and the FADT fields the kernel uses.
 *
 * The walker reaches physical memory only through a map callback, so the
 * same code runs in the kernel (identity mapping) and on the host over a
 * buffer (tests, fuzzing).  acpi_init() and the acpi_get_*() accessors are
 * the kernel's view of the tables it found at boot.
 */
#ifndef DRIVERS_ACPI_H
#define DRIVERS_ACPI_H

#include <stddef.h>
#include <stdint.h>

#include "drivers/aml_s5.h"

enum {
	ACPI_ENOTFOUND = -1,	/* no table with that signature */
	ACPI_EMAP = -2,		/* an address points outside memory */
	ACPI_ESIG = -3,		/* wrong signature */
	ACPI_ECHECKSUM = -4,	/* bytes do not sum to zero */
	ACPI_ELEN = -5,		/* a length field is too small or absurd */
};

/* Address space IDs of a Generic Address Structure. */
enum {
	ACPI_SPACE_MEMORY = 0,
	ACPI_SPACE_IO = 1,
	ACPI_SPACE_PCI = 2,
};

/* FADT flags. */
#define ACPI_FADT_TMR_VAL_EXT	(1u << 8)	/* the PM timer has 32 bits */
#define ACPI_FADT_RESET_REG_SUP	(1u << 10)	/* reset_reg works */
#define ACPI_FADT_HW_REDUCED	(1u << 20)	/* no PM1 blocks, no PM timer */

/* FADT IA-PC boot architecture flags. */
#define ACPI_BOOT_8042		(1u << 1)

/* PM1 control register bits. */
#define ACPI_PM1_SCI_EN		(1u << 0)
#define ACPI_PM1_SLP_TYP_SHIFT	10
#define ACPI_PM1_SLP_TYP_MASK	(7u << 10)
#define ACPI_PM1_SLP_EN		(1u << 13)

/* Sleep control register bits (hardware-reduced ACPI). */
#define ACPI_SLEEP_TYP_SHIFT	2
#define ACPI_SLEEP_EN		(1u << 5)

/* Size of the header every system description table starts with. */
#define ACPI_HDR_LEN		36

/* Frequency of the ACPI PM timer. */
#define ACPI_PM_TIMER_HZ	3579545

/* A register: address == 0 means the register is absent. */
struct acpi_gas {
	uint8_t space;		/* ACPI_SPACE_* */
	uint8_t bit_width;
	uint8_t bit_offset;
	uint8_t access_size;	/* 0 any, 1 byte, 2 word, 3 dword, 4 qword */
	uint64_t address;
};

/*
 * The FADT fields the kernel uses.  Legacy port blocks are turned into
 * GAS form; the 64-bit X_ fields win when the table has them.
 */
struct acpi_fadt {
	uint8_t revision;
	uint32_t flags;		/* ACPI_FADT_* */
	uint16_t boot_arch;	/* ACPI_BOOT_* */
	uint64_t dsdt;		/* physical address, 0 if none */
	uint32_t smi_cmd;	/* port to switch to ACPI mode, 0 if none */
	uint8_t acpi_enable;	/* value to write to smi_cmd */
	uint8_t century;	/* CMOS index of the century, 0 if none */
	struct acpi_gas pm1a_cnt, pm1b_cnt;
	struct acpi_gas pm_timer;
	struct acpi_gas reset_reg;
	uint8_t reset_value;
	struct acpi_gas sleep_ctl;	/* hardware-reduced ACPI only */
};

/* Returns a pointer to len readable bytes at phys, or NULL. */
typedef const void *(*acpi_map_fn)(void *ctx, uint64_t phys, size_t len);

/* The root table list found from an RSDP. */
struct acpi {
	acpi_map_fn map;
	void *ctx;
	uint64_t root;		/* physical address of the XSDT or RSDT */
	uint32_t entries;	/* how many tables the root lists */
	uint8_t entry_size;	/* 8 for an XSDT, 4 for an RSDT */
	uint8_t revision;	/* RSDP revision: 0 for ACPI 1.0, 2 and up after */
	const uint8_t *list;	/* the root's entries */
	int xsdt_err;		/* why a present XSDT was passed over, or 0 */
	char oem[7];		/* RSDP OEM ID, NUL-terminated */
};

/* A validated table: header and body, checksum checked. */
struct acpi_table {
	uint64_t phys;
	const uint8_t *data;
	uint32_t len;
	char sig[5];		/* NUL-terminated */
};

/*
 * Validates the RSDP at rsdp and its XSDT (or, for ACPI 1.0 or a broken
 * XSDT, its RSDT).  Returns 0 or a negative ACPI_E* code.
 */
int acpi_open(struct acpi *a, uint64_t rsdp, acpi_map_fn map, void *ctx);

/* Validates the i-th table the root lists.  Returns 0 or ACPI_E*. */
int acpi_entry(const struct acpi *a, uint32_t i, struct acpi_table *t);

/*
 * Finds the n-th (from 0) valid table with signature sig.  Returns 0, or
 * ACPI_ENOTFOUND, or the error of a matching table that failed its checks.
 */
int acpi_find(const struct acpi *a, const char *sig, unsigned n,
    struct acpi_table *t);

/*
 * Validates the table at phys; sig, when not NULL, is the signature it
 * must have.  Returns 0 or ACPI_E*.
 */
int acpi_table_at(const struct acpi *a, uint64_t phys, const char *sig,
    struct acpi_table *t);

/* Decodes a FADT.  Returns 0 or ACPI_ESIG. */
int acpi_fadt_parse(const struct acpi_table *t, struct acpi_fadt *f);

/* A sentence describing an ACPI_E* code. */
const char *acpi_strerror(int err);

/*
 * Kernel only: finds the tables from the RSDP the firmware gave (0 when
 * none), prints what it found, and returns 0 or a negative ACPI_E* code.
 */
int acpi_init(uint64_t rsdp);

/* Kernel only: the FADT found by acpi_init, or NULL. */
const struct acpi_fadt *acpi_get_fadt(void);

/* Kernel only: the \_S5_ sleep types found by acpi_init, or NULL. */
const struct aml_s5 *acpi_get_s5(void);

/* Kernel only: acpi_find() over the tables acpi_init found. */
int acpi_find_table(const char *sig, unsigned n, struct acpi_table *t);

#endif
