/*
 * Tests for the ACPI table walker over a fake physical memory image: good
 * ACPI 1.0 and 2.0+ layouts, and broken signatures, checksums, lengths and
 * pointers, each of which must be caught.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/acpi.h"
#include "tests/unit/check.h"

/* Where the image sits in "physical" memory; 0 stays unmapped. */
#define BASE		0xe0000u
#define MEM_SIZE	0x1000u

/* Image layout, as offsets from BASE. */
#define RSDP_AT		0x000
#define XSDT_AT		0x040
#define RSDT_AT		0x0a0
#define FADT_AT		0x100
#define DSDT_AT		0x300
#define XDSDT_AT	0x380
#define APIC_AT		0x400
#define SSDT1_AT	0x480
#define SSDT2_AT	0x500
#define FADT2_AT	0x600

#define FADT_V1_LEN	116
#define FADT_V6_LEN	276

struct mem {
	uint8_t *buf;
	uint64_t base;
	size_t size;
};

static struct mem m;

static const void *map(void *ctx, uint64_t phys, size_t len)
{
	struct mem *mm = ctx;

	if (phys < mm->base || phys - mm->base > mm->size ||
	    len > mm->size - (phys - mm->base))
		return NULL;
	return mm->buf + (phys - mm->base);
}

static void put16(uint32_t off, uint16_t v)
{
	m.buf[off] = (uint8_t)v;
	m.buf[off + 1] = (uint8_t)(v >> 8);
}

static void put32(uint32_t off, uint32_t v)
{
	put16(off, (uint16_t)v);
	put16(off + 2, (uint16_t)(v >> 16));
}

static void put64(uint32_t off, uint64_t v)
{
	put32(off, (uint32_t)v);
	put32(off + 4, (uint32_t)(v >> 32));
}

/* Sets the byte at off so that the len bytes at start sum to zero. */
static void fix_sum(uint32_t start, uint32_t len, uint32_t off)
{
	uint8_t s;
	uint32_t i;

	m.buf[off] = 0;
	s = 0;
	for (i = 0; i < len; i++)
		s += m.buf[start + i];
	m.buf[off] = (uint8_t)-s;
}

static void put_gas(uint32_t off, uint8_t space, uint8_t width,
    uint8_t access, uint64_t addr)
{
	m.buf[off] = space;
	m.buf[off + 1] = width;
	m.buf[off + 2] = 0;
	m.buf[off + 3] = access;
	put64(off + 4, addr);
}

/* Writes a table header; seal() computes the checksum once filled in. */
static void sdt(uint32_t off, const char *sig, uint32_t len, uint8_t rev)
{
	memcpy(m.buf + off, sig, 4);
	put32(off + 4, len);
	m.buf[off + 8] = rev;
	memcpy(m.buf + off + 10, "TERRA ", 6);
	memcpy(m.buf + off + 16, "TESTTBL ", 8);
	put32(off + 24, 1);
	memcpy(m.buf + off + 28, "TTST", 4);
	put32(off + 32, 1);
}

static void seal(uint32_t off)
{
	uint32_t len;

	len = (uint32_t)m.buf[off + 4] | (uint32_t)m.buf[off + 5] << 8;
	fix_sum(off, len, off + 9);
}

static void rsdp(uint8_t rev, uint32_t rsdt, uint64_t xsdt)
{
	memcpy(m.buf + RSDP_AT, "RSD PTR ", 8);
	memcpy(m.buf + RSDP_AT + 9, "TERRA ", 6);
	m.buf[RSDP_AT + 15] = rev;
	put32(RSDP_AT + 16, rsdt);
	fix_sum(RSDP_AT, 20, RSDP_AT + 8);
	if (rev >= 2) {
		put32(RSDP_AT + 20, 36);
		put64(RSDP_AT + 24, xsdt);
		fix_sum(RSDP_AT, 36, RSDP_AT + 32);
	}
}

/* A table with nothing but a header and a little body. */
static void plain(uint32_t off, const char *sig)
{
	sdt(off, sig, 44, 1);
	memset(m.buf + off + 36, 0x5a, 8);
	seal(off);
}

static void dsdt(uint32_t off, uint8_t typa)
{
	static const uint8_t aml[] = {
		0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04,
		0x0a, 0x00, 0x00, 0x00, 0x00,
	};

	sdt(off, "DSDT", 36 + sizeof aml, 2);
	memcpy(m.buf + off + 36, aml, sizeof aml);
	m.buf[off + 36 + 9] = typa;
	seal(off);
}

/*
 * A FADT of len bytes.  The 64-bit fields are always written, so a short
 * FADT must be seen to ignore them.
 */
static void fadt(uint32_t off, uint32_t len, uint8_t rev)
{
	sdt(off, "FACP", len, rev);
	put32(off + 40, BASE + DSDT_AT);
	put32(off + 48, 0xb2);
	m.buf[off + 52] = 0xf1;
	put32(off + 64, 0x604);
	put32(off + 68, 0);
	put32(off + 76, 0x608);
	m.buf[off + 89] = 2;
	m.buf[off + 91] = 4;
	m.buf[off + 108] = 0x32;
	put16(off + 109, ACPI_BOOT_8042);
	put32(off + 112, ACPI_FADT_RESET_REG_SUP | ACPI_FADT_TMR_VAL_EXT);
	put_gas(off + 116, ACPI_SPACE_IO, 8, 1, 0xcf9);
	m.buf[off + 128] = 0x06;
	put64(off + 140, BASE + XDSDT_AT);
	put_gas(off + 172, ACPI_SPACE_IO, 16, 2, 0x1004);
	put_gas(off + 244, ACPI_SPACE_MEMORY, 8, 1, 0xfee00000u);
	seal(off);
}

/* The root lists, each naming FACP, APIC, SSDT, SSDT. */
static void roots(void)
{
	static const uint32_t tables[] = {
		FADT_AT, APIC_AT, SSDT1_AT, SSDT2_AT,
	};
	uint32_t i, n;

	n = sizeof tables / sizeof tables[0];
	sdt(XSDT_AT, "XSDT", 36 + 8 * n, 1);
	sdt(RSDT_AT, "RSDT", 36 + 4 * n, 1);
	for (i = 0; i < n; i++) {
		put64(XSDT_AT + 36 + 8 * i, BASE + tables[i]);
		put32(RSDT_AT + 36 + 4 * i, BASE + tables[i]);
	}
	seal(XSDT_AT);
	seal(RSDT_AT);
}

/* Builds a complete, valid ACPI 2.0+ image. */
static void image(void)
{
	memset(m.buf, 0, m.size);
	dsdt(DSDT_AT, 1);
	dsdt(XDSDT_AT, 2);
	fadt(FADT_AT, FADT_V6_LEN, 6);
	plain(APIC_AT, "APIC");
	plain(SSDT1_AT, "SSDT");
	plain(SSDT2_AT, "SSDT");
	roots();
	rsdp(2, BASE + RSDT_AT, BASE + XSDT_AT);
}

static int open_image(struct acpi *a)
{
	return acpi_open(a, BASE + RSDP_AT, map, &m);
}

static void test_acpi2(void)
{
	struct acpi_table t, t2;
	struct acpi_fadt f;
	struct aml_s5 s5;
	struct acpi a;

	image();
	CHECK(open_image(&a) == 0);
	CHECK(a.revision == 2);
	CHECK(a.entry_size == 8);
	CHECK(a.root == BASE + XSDT_AT);
	CHECK(a.entries == 4);
	CHECK(a.xsdt_err == 0);
	CHECK(strcmp(a.oem, "TERRA ") == 0);

	CHECK(acpi_entry(&a, 1, &t) == 0);
	CHECK(strcmp(t.sig, "APIC") == 0);
	CHECK(t.phys == BASE + APIC_AT && t.len == 44);
	CHECK(acpi_entry(&a, 4, &t) == ACPI_ENOTFOUND);

	CHECK(acpi_find(&a, "SSDT", 0, &t) == 0);
	CHECK(acpi_find(&a, "SSDT", 1, &t2) == 0);
	CHECK(t.phys == BASE + SSDT1_AT && t2.phys == BASE + SSDT2_AT);
	CHECK(acpi_find(&a, "SSDT", 2, &t) == ACPI_ENOTFOUND);
	CHECK(acpi_find(&a, "HPET", 0, &t) == ACPI_ENOTFOUND);

	CHECK(acpi_find(&a, "FACP", 0, &t) == 0);
	CHECK(t.len == FADT_V6_LEN);
	CHECK(t.data == m.buf + FADT_AT);
	CHECK(acpi_fadt_parse(&t, &f) == 0);
	CHECK(f.revision == 6);
	CHECK(f.dsdt == BASE + XDSDT_AT);
	CHECK(f.smi_cmd == 0xb2 && f.acpi_enable == 0xf1);
	CHECK(f.century == 0x32);
	CHECK(f.boot_arch == ACPI_BOOT_8042);
	CHECK(f.flags == (ACPI_FADT_RESET_REG_SUP | ACPI_FADT_TMR_VAL_EXT));
	/* The 64-bit block wins over the legacy port. */
	CHECK(f.pm1a_cnt.space == ACPI_SPACE_IO);
	CHECK(f.pm1a_cnt.address == 0x1004 && f.pm1a_cnt.bit_width == 16);
	CHECK(f.pm1b_cnt.address == 0);
	/* No X_PM_TMR_BLK: the legacy port, as a 32-bit I/O register. */
	CHECK(f.pm_timer.space == ACPI_SPACE_IO);
	CHECK(f.pm_timer.address == 0x608 && f.pm_timer.bit_width == 32);
	CHECK(f.reset_reg.space == ACPI_SPACE_IO);
	CHECK(f.reset_reg.address == 0xcf9 && f.reset_reg.bit_width == 8);
	CHECK(f.reset_value == 0x06);
	CHECK(f.sleep_ctl.space == ACPI_SPACE_MEMORY);
	CHECK(f.sleep_ctl.address == 0xfee00000u);

	CHECK(acpi_table_at(&a, f.dsdt, "DSDT", &t) == 0);
	CHECK(aml_s5_find(t.data + 36, t.len - 36, &s5) == 0);
	CHECK(s5.slp_typa == 2 && s5.slp_typb == 0);
	CHECK(acpi_table_at(&a, f.dsdt, "SSDT", &t) == ACPI_ESIG);
}

static void test_acpi1(void)
{
	struct acpi_table t;
	struct acpi_fadt f;
	struct acpi a;

	image();
	fadt(FADT_AT, FADT_V1_LEN, 1);
	rsdp(0, BASE + RSDT_AT, 0);
	CHECK(open_image(&a) == 0);
	CHECK(a.revision == 0);
	CHECK(a.entry_size == 4 && a.root == BASE + RSDT_AT);
	CHECK(a.entries == 4);
	CHECK(acpi_find(&a, "FACP", 0, &t) == 0);
	CHECK(t.len == FADT_V1_LEN);
	CHECK(acpi_fadt_parse(&t, &f) == 0);
	/* Nothing past byte 116 may leak in. */
	CHECK(f.dsdt == BASE + DSDT_AT);
	CHECK(f.pm1a_cnt.address == 0x604 && f.pm1a_cnt.bit_width == 16);
	CHECK(f.reset_reg.address == 0 && f.reset_value == 0);
	CHECK(f.sleep_ctl.address == 0);
	CHECK(f.flags == (ACPI_FADT_RESET_REG_SUP | ACPI_FADT_TMR_VAL_EXT));
}

static void test_fadt_legacy_lengths(void)
{
	struct acpi_table t;
	struct acpi_fadt f;
	struct acpi a;

	image();
	/* A 3-byte PM1 block and a 2-byte PM timer block are not usable. */
	m.buf[FADT_AT + 89] = 3;
	m.buf[FADT_AT + 91] = 2;
	put_gas(FADT_AT + 172, 0, 0, 0, 0);
	seal(FADT_AT);
	CHECK(open_image(&a) == 0);
	CHECK(acpi_find(&a, "FACP", 0, &t) == 0);
	CHECK(acpi_fadt_parse(&t, &f) == 0);
	CHECK(f.pm1a_cnt.address == 0);
	CHECK(f.pm_timer.address == 0);
	/* A GAS with an address but no width falls back to the port. */
	m.buf[FADT_AT + 89] = 2;
	put_gas(FADT_AT + 172, ACPI_SPACE_IO, 0, 0, 0x1004);
	seal(FADT_AT);
	CHECK(acpi_fadt_parse(&t, &f) == 0);
	CHECK(f.pm1a_cnt.address == 0x604);
	CHECK(acpi_entry(&a, 1, &t) == 0);
	CHECK(acpi_fadt_parse(&t, &f) == ACPI_ESIG);
}

static void test_bad_rsdp(void)
{
	struct acpi a;

	image();
	CHECK(acpi_open(&a, 0, map, &m) == ACPI_EMAP);
	CHECK(acpi_open(&a, 0x1000, map, &m) == ACPI_EMAP);
	/* An RSDP cut off by the end of memory. */
	CHECK(acpi_open(&a, BASE + MEM_SIZE - 10, map, &m) == ACPI_EMAP);
	m.buf[RSDP_AT + 9] ^= 1;
	CHECK(open_image(&a) == ACPI_ECHECKSUM);
	image();
	m.buf[RSDP_AT + 3] = 'X';
	fix_sum(RSDP_AT, 20, RSDP_AT + 8);
	CHECK(open_image(&a) == ACPI_ESIG);
	/* No root table at all. */
	image();
	rsdp(2, 0, 0);
	CHECK(open_image(&a) == ACPI_ENOTFOUND);
	/* The RSDT is the only root, and it is broken. */
	image();
	rsdp(0, BASE + RSDT_AT, 0);
	m.buf[RSDT_AT + 40] ^= 1;
	CHECK(open_image(&a) == ACPI_ECHECKSUM);
}

/* Checks that a opened with the RSDT after xsdt_err. */
static void check_rsdt_fallback(int xsdt_err)
{
	struct acpi_table t;
	struct acpi a;

	CHECK(open_image(&a) == 0);
	CHECK(a.entry_size == 4 && a.root == BASE + RSDT_AT);
	CHECK(a.xsdt_err == xsdt_err);
	CHECK(acpi_find(&a, "FACP", 0, &t) == 0);
}

static void test_xsdt_fallback(void)
{
	struct acpi a;

	image();
	m.buf[XSDT_AT + 40] ^= 1;
	check_rsdt_fallback(ACPI_ECHECKSUM);

	image();
	memcpy(m.buf + XSDT_AT, "RSDT", 4);
	seal(XSDT_AT);
	check_rsdt_fallback(ACPI_ESIG);

	/* A bad extended checksum discredits the XSDT address. */
	image();
	m.buf[RSDP_AT + 32] ^= 1;
	check_rsdt_fallback(ACPI_ECHECKSUM);

	image();
	put32(RSDP_AT + 20, 8);
	fix_sum(RSDP_AT, 36, RSDP_AT + 32);
	check_rsdt_fallback(ACPI_ELEN);

	image();
	rsdp(2, BASE + RSDT_AT, 0x7fff0000);
	check_rsdt_fallback(ACPI_EMAP);

	/* No XSDT address is not worth an error. */
	image();
	rsdp(2, BASE + RSDT_AT, 0);
	check_rsdt_fallback(0);

	/* Without an RSDT, the XSDT's fault is the answer. */
	image();
	m.buf[XSDT_AT + 40] ^= 1;
	rsdp(2, 0, BASE + XSDT_AT);
	CHECK(open_image(&a) == ACPI_ECHECKSUM);
}

static void test_bad_tables(void)
{
	struct acpi_table t;
	struct acpi a;

	/* A broken FADT is reported, not returned. */
	image();
	m.buf[FADT_AT + 50] ^= 1;
	CHECK(open_image(&a) == 0);
	CHECK(acpi_find(&a, "FACP", 0, &t) == ACPI_ECHECKSUM);
	CHECK(acpi_entry(&a, 0, &t) == ACPI_ECHECKSUM);
	CHECK(acpi_find(&a, "APIC", 0, &t) == 0);

	/* A broken first SSDT: the good second one is the 0th valid one. */
	image();
	m.buf[SSDT1_AT + 40] ^= 1;
	CHECK(open_image(&a) == 0);
	CHECK(acpi_find(&a, "SSDT", 0, &t) == 0);
	CHECK(t.phys == BASE + SSDT2_AT);
	CHECK(acpi_find(&a, "SSDT", 1, &t) == ACPI_ECHECKSUM);

	/* Lengths below a header, absurdly large, or past memory. */
	image();
	put32(APIC_AT + 4, 20);
	seal(APIC_AT);
	CHECK(open_image(&a) == 0);
	CHECK(acpi_find(&a, "APIC", 0, &t) == ACPI_ELEN);
	put32(APIC_AT + 4, 0x7fffffff);
	CHECK(acpi_find(&a, "APIC", 0, &t) == ACPI_ELEN);
	put32(APIC_AT + 4, MEM_SIZE);
	CHECK(acpi_find(&a, "APIC", 0, &t) == ACPI_EMAP);

	/* An entry pointing outside memory, or at 0. */
	image();
	put64(XSDT_AT + 36 + 8, 0x7fff0000);
	put64(XSDT_AT + 36 + 16, 0);
	seal(XSDT_AT);
	CHECK(open_image(&a) == 0);
	CHECK(acpi_entry(&a, 1, &t) == ACPI_EMAP);
	CHECK(acpi_entry(&a, 2, &t) == ACPI_EMAP);
	CHECK(acpi_find(&a, "APIC", 0, &t) == ACPI_ENOTFOUND);
	CHECK(acpi_find(&a, "SSDT", 0, &t) == 0);
	CHECK(t.phys == BASE + SSDT2_AT);

	/* A second FADT after a broken one is found. */
	image();
	fadt(FADT2_AT, FADT_V6_LEN, 5);
	put64(XSDT_AT + 36 + 8, BASE + FADT2_AT);
	seal(XSDT_AT);
	m.buf[FADT_AT + 50] ^= 1;
	CHECK(open_image(&a) == 0);
	CHECK(acpi_find(&a, "FACP", 0, &t) == 0);
	CHECK(t.phys == BASE + FADT2_AT);
}

static void test_root_length(void)
{
	struct acpi a;

	/* A root whose length is not a whole number of entries. */
	image();
	put32(XSDT_AT + 4, 36 + 8 * 2 + 3);
	seal(XSDT_AT);
	CHECK(open_image(&a) == 0);
	CHECK(a.entry_size == 8 && a.entries == 2);
}

static void test_strerror(void)
{
	CHECK(strcmp(acpi_strerror(ACPI_ECHECKSUM), "bad checksum") == 0);
	CHECK(strcmp(acpi_strerror(ACPI_EMAP), acpi_strerror(ACPI_ELEN)) != 0);
	CHECK(strstr(acpi_strerror(-99), "unknown") != NULL);
}

int main(void)
{
	m.base = BASE;
	m.size = MEM_SIZE;
	if ((m.buf = malloc(MEM_SIZE)) == NULL)
		return 1;
	test_acpi2();
	test_acpi1();
	test_fadt_legacy_lengths();
	test_bad_rsdp();
	test_xsdt_fallback();
	test_bad_tables();
	test_root_length();
	test_strerror();
	free(m.buf);
	return check_report("acpi");
}
