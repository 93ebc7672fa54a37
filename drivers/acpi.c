/*
 * ACPI table walker (ACPI 6.5, section 5.2): pure parsing over a map
 * callback, shared by the kernel and the host tests.
 */
#include "drivers/acpi.h"
#include "drivers/le.h"
#include "kernel/string.h"

#define RSDP_V1_LEN	20
#define RSDP_V2_LEN	36
/* Real tables stay far below this; a bigger length field is garbage. */
#define SDT_MAX_LEN	(16u << 20)
/* FADT size in ACPI 6.5; fields past the table's own length read as 0. */
#define FADT_LEN	276

/* Returns the 8-bit sum of p[0..n): 0 for a valid ACPI checksum. */
static uint8_t sum(const uint8_t *p, size_t n)
{
	uint8_t s;

	s = 0;
	while (n-- > 0)
		s += *p++;
	return s;
}

int acpi_table_at(const struct acpi *a, uint64_t phys, const char *sig,
    struct acpi_table *t)
{
	const uint8_t *p;
	uint32_t len;

	if (phys == 0 || (p = a->map(a->ctx, phys, ACPI_HDR_LEN)) == NULL)
		return ACPI_EMAP;
	if (sig != NULL && memcmp(p, sig, 4) != 0)
		return ACPI_ESIG;
	len = get32(p + 4);
	if (len < ACPI_HDR_LEN || len > SDT_MAX_LEN)
		return ACPI_ELEN;
	if ((p = a->map(a->ctx, phys, len)) == NULL)
		return ACPI_EMAP;
	if (sum(p, len) != 0)
		return ACPI_ECHECKSUM;
	t->phys = phys;
	t->data = p;
	t->len = len;
	memcpy(t->sig, p, 4);
	t->sig[4] = '\0';
	return 0;
}

/*
 * Makes the table at phys, with signature sig and entry_size-byte entries,
 * the root list of a.  Returns 0 or ACPI_E*.
 */
static int use_root(struct acpi *a, uint64_t phys, const char *sig,
    uint8_t entry_size)
{
	struct acpi_table t;
	int err;

	if ((err = acpi_table_at(a, phys, sig, &t)) != 0)
		return err;
	a->root = phys;
	a->list = t.data + ACPI_HDR_LEN;
	a->entries = (t.len - ACPI_HDR_LEN) / entry_size;
	a->entry_size = entry_size;
	return 0;
}

/*
 * Tries the XSDT of the ACPI 2.0+ RSDP at rsdp.  Returns 0, ACPI_ENOTFOUND
 * when the RSDP gives no XSDT address, or another ACPI_E* code.
 */
static int use_xsdt(struct acpi *a, uint64_t rsdp)
{
	const uint8_t *r;
	uint64_t xsdt;
	uint32_t len;

	if ((r = a->map(a->ctx, rsdp, RSDP_V2_LEN)) == NULL)
		return ACPI_EMAP;
	len = get32(r + 20);
	if (len < RSDP_V2_LEN || len > SDT_MAX_LEN)
		return ACPI_ELEN;
	if ((r = a->map(a->ctx, rsdp, len)) == NULL)
		return ACPI_EMAP;
	if (sum(r, len) != 0)
		return ACPI_ECHECKSUM;
	if ((xsdt = get64(r + 24)) == 0)
		return ACPI_ENOTFOUND;
	return use_root(a, xsdt, "XSDT", 8);
}

int acpi_open(struct acpi *a, uint64_t rsdp, acpi_map_fn map, void *ctx)
{
	const uint8_t *r;
	uint32_t rsdt;
	int err;

	memset(a, 0, sizeof *a);
	a->map = map;
	a->ctx = ctx;
	if (rsdp == 0 || (r = map(ctx, rsdp, RSDP_V1_LEN)) == NULL)
		return ACPI_EMAP;
	if (memcmp(r, "RSD PTR ", 8) != 0)
		return ACPI_ESIG;
	if (sum(r, RSDP_V1_LEN) != 0)
		return ACPI_ECHECKSUM;
	a->revision = r[15];
	memcpy(a->oem, r + 9, 6);
	rsdt = get32(r + 16);
	if (a->revision >= 2) {
		err = use_xsdt(a, rsdp);
		if (err == 0)
			return 0;
		/* Some firmware leaves the XSDT address 0: not worth a word. */
		if (err != ACPI_ENOTFOUND)
			a->xsdt_err = err;
	}
	if (rsdt == 0)
		return a->xsdt_err != 0 ? a->xsdt_err : ACPI_ENOTFOUND;
	return use_root(a, rsdt, "RSDT", 4);
}

/* Returns the physical address the root's i-th entry holds. */
static uint64_t entry_addr(const struct acpi *a, uint32_t i)
{
	const uint8_t *p;

	p = a->list + (size_t)i * a->entry_size;
	return a->entry_size == 8 ? get64(p) : get32(p);
}

int acpi_entry(const struct acpi *a, uint32_t i, struct acpi_table *t)
{
	if (i >= a->entries)
		return ACPI_ENOTFOUND;
	return acpi_table_at(a, entry_addr(a, i), NULL, t);
}

int acpi_find(const struct acpi *a, const char *sig, unsigned n,
    struct acpi_table *t)
{
	const uint8_t *h;
	uint64_t phys;
	uint32_t i;
	int err, e;

	err = ACPI_ENOTFOUND;
	for (i = 0; i < a->entries; i++) {
		phys = entry_addr(a, i);
		if (phys == 0 || (h = a->map(a->ctx, phys, 4)) == NULL ||
		    memcmp(h, sig, 4) != 0)
			continue;
		if ((e = acpi_table_at(a, phys, sig, t)) != 0) {
			err = e;
			continue;
		}
		if (n-- == 0)
			return 0;
	}
	return err;
}

/* Decodes the 12-byte Generic Address Structure at p. */
static void gas_decode(struct acpi_gas *g, const uint8_t *p)
{
	g->space = p[0];
	g->bit_width = p[1];
	g->bit_offset = p[2];
	g->access_size = p[3];
	g->address = get64(p + 4);
}

/*
 * Sets *g from the FADT's 64-bit GAS x when it is filled in, else from the
 * legacy port block of len bytes (absent unless len is 1, 2 or 4).
 */
static void fadt_reg(struct acpi_gas *g, const uint8_t *x, uint32_t port,
    uint8_t len)
{
	gas_decode(g, x);
	if (g->address != 0 && g->bit_width != 0)
		return;
	memset(g, 0, sizeof *g);
	if (port == 0 || (len != 1 && len != 2 && len != 4))
		return;
	g->space = ACPI_SPACE_IO;
	g->bit_width = (uint8_t)(len * 8);
	g->address = port;
}

int acpi_fadt_parse(const struct acpi_table *t, struct acpi_fadt *f)
{
	uint8_t b[FADT_LEN];
	uint64_t x_dsdt;

	if (memcmp(t->sig, "FACP", 4) != 0)
		return ACPI_ESIG;
	memset(b, 0, sizeof b);
	memcpy(b, t->data, t->len < sizeof b ? t->len : sizeof b);
	memset(f, 0, sizeof *f);
	f->revision = b[8];
	x_dsdt = get64(b + 140);
	f->dsdt = x_dsdt != 0 ? x_dsdt : get32(b + 40);
	f->smi_cmd = get32(b + 48);
	f->acpi_enable = b[52];
	f->century = b[108];
	f->boot_arch = get16(b + 109);
	f->flags = get32(b + 112);
	fadt_reg(&f->pm1a_cnt, b + 172, get32(b + 64), b[89]);
	fadt_reg(&f->pm1b_cnt, b + 184, get32(b + 68), b[89]);
	fadt_reg(&f->pm_timer, b + 208, get32(b + 76), b[91] == 4 ? 4 : 0);
	gas_decode(&f->reset_reg, b + 116);
	f->reset_value = b[128];
	gas_decode(&f->sleep_ctl, b + 244);
	return 0;
}

const char *acpi_strerror(int err)
{
	switch (err) {
	case 0:
		return "no error";
	case ACPI_ENOTFOUND:
		return "no such table";
	case ACPI_EMAP:
		return "address outside memory";
	case ACPI_ESIG:
		return "wrong signature";
	case ACPI_ECHECKSUM:
		return "bad checksum";
	case ACPI_ELEN:
		return "bad length field";
	}
	return "unknown ACPI error";
}
