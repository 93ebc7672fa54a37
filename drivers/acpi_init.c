/*
 * The kernel's ACPI state: the tables reached from the RSDP the firmware
 * handed over, read in place (physical memory is identity mapped).
 */
#include "drivers/acpi.h"
#include "kernel/kprintf.h"
#include "kernel/string.h"

/* Page 0 is never mapped; nothing real lies past the 46-bit space. */
#define PHYS_MIN	0x1000ull
#define PHYS_LIMIT	(1ull << 46)

static struct acpi acpi;
static int acpi_ok;
static struct acpi_fadt fadt;
static int fadt_ok;
static struct aml_s5 s5;
static int s5_ok;

/* The kernel's map callback: a physical address is a pointer. */
static const void *identity(void *ctx, uint64_t phys, size_t len)
{
	(void)ctx;
	if (phys < PHYS_MIN || phys >= PHYS_LIMIT || len > PHYS_LIMIT - phys)
		return NULL;
	return (const void *)(uintptr_t)phys;
}

/* Formats register g as "io 0x604" and the like into buf. */
static const char *gas_str(char *buf, size_t size, const struct acpi_gas *g)
{
	static const char *const space[] = { "mem", "io", "pci" };

	if (g->address == 0)
		return "none";
	if (g->space < sizeof space / sizeof space[0])
		ksnprintf(buf, size, "%s 0x%lx", space[g->space], g->address);
	else
		ksnprintf(buf, size, "space %u 0x%lx", g->space, g->address);
	return buf;
}

/* Prints the root table's signature list, flagging broken tables. */
static void print_tables(void)
{
	struct acpi_table t;
	char oem[sizeof acpi.oem];
	size_t n;
	uint32_t i;
	int err;

	/* OEM IDs are padded with spaces. */
	memcpy(oem, acpi.oem, sizeof oem);
	for (n = strlen(oem); n > 0 && oem[n - 1] == ' '; n--)
		oem[n - 1] = '\0';
	kprintf("acpi: RSDP rev %u (%s), %s at 0x%lx:", acpi.revision, oem,
	    acpi.entry_size == 8 ? "XSDT" : "RSDT", acpi.root);
	for (i = 0; i < acpi.entries; i++) {
		if ((err = acpi_entry(&acpi, i, &t)) == 0)
			kprintf(" %s", t.sig);
		else
			kprintf(" [entry %u: %s]", i, acpi_strerror(err));
	}
	kprintf("\n");
}

/* Prints the FADT registers the kernel uses. */
static void print_fadt(void)
{
	char a[32], b[32], c[32];

	kprintf("acpi: FADT rev %u: PM1a_CNT %s, PM timer %s (%u-bit), "
	    "reset %s%s\n", fadt.revision,
	    gas_str(a, sizeof a, &fadt.pm1a_cnt),
	    gas_str(b, sizeof b, &fadt.pm_timer),
	    fadt.flags & ACPI_FADT_TMR_VAL_EXT ? 32 : 24,
	    gas_str(c, sizeof c, &fadt.reset_reg),
	    fadt.flags & ACPI_FADT_RESET_REG_SUP ? "" : " (not supported)");
	if (fadt.flags & ACPI_FADT_HW_REDUCED)
		kprintf("acpi: hardware-reduced ACPI\n");
}

/*
 * Looks for \_S5_ in the AML of table t; err is the error so far.  Returns
 * 0 when found, else the more telling of err and this table's error.
 */
static int s5_in(const struct acpi_table *t, int err)
{
	int e;

	e = aml_s5_find(t->data + ACPI_HDR_LEN, t->len - ACPI_HDR_LEN, &s5);
	if (e == 0)
		s5_ok = 1;
	return e == AML_S5_ENOTFOUND ? err : e;
}

/* Finds \_S5_ in the DSDT or, failing that, an SSDT; says why not. */
static void find_s5(void)
{
	struct acpi_table t;
	unsigned n;
	int err;

	err = AML_S5_ENOTFOUND;
	if (fadt.dsdt == 0)
		kprintf("acpi: the FADT gives no DSDT\n");
	else if ((err = acpi_table_at(&acpi, fadt.dsdt, "DSDT", &t)) != 0) {
		kprintf("acpi: DSDT at 0x%lx: %s\n", fadt.dsdt,
		    acpi_strerror(err));
		err = AML_S5_ENOTFOUND;
	} else
		err = s5_in(&t, AML_S5_ENOTFOUND);
	for (n = 0; !s5_ok && acpi_find(&acpi, "SSDT", n, &t) == 0; n++)
		err = s5_in(&t, err);
	if (s5_ok)
		kprintf("acpi: \\_S5_ SLP_TYPa %u, SLP_TYPb %u\n",
		    s5.slp_typa, s5.slp_typb);
	else
		kprintf("acpi: %s: no ACPI power-off\n", aml_s5_strerror(err));
}

int acpi_init(uint64_t rsdp)
{
	struct acpi_table t;
	int err;

	if (rsdp == 0) {
		kprintf("acpi: the firmware gave no RSDP: "
		    "no ACPI power-off, reset or PM timer\n");
		return ACPI_ENOTFOUND;
	}
	if ((err = acpi_open(&acpi, rsdp, identity, NULL)) != 0) {
		kprintf("acpi: RSDP at 0x%lx: %s: ACPI is off\n", rsdp,
		    acpi_strerror(err));
		return err;
	}
	acpi_ok = 1;
	if (acpi.xsdt_err != 0)
		kprintf("acpi: XSDT: %s; using the RSDT\n",
		    acpi_strerror(acpi.xsdt_err));
	print_tables();
	if ((err = acpi_find(&acpi, "FACP", 0, &t)) != 0) {
		kprintf("acpi: FADT: %s: no ACPI power-off, reset or "
		    "PM timer\n", acpi_strerror(err));
		return err;
	}
	acpi_fadt_parse(&t, &fadt);
	fadt_ok = 1;
	print_fadt();
	find_s5();
	return 0;
}

const struct acpi_fadt *acpi_get_fadt(void)
{
	return fadt_ok ? &fadt : NULL;
}

const struct aml_s5 *acpi_get_s5(void)
{
	return s5_ok ? &s5 : NULL;
}

int acpi_find_table(const char *sig, unsigned n, struct acpi_table *t)
{
	if (!acpi_ok)
		return ACPI_ENOTFOUND;
	return acpi_find(&acpi, sig, n, t);
}
