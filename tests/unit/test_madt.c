/*
 * Tests for the MADT decoder: the table QEMU's q35 machine gives, each
 * entry type the kernel uses, overrides with every polarity and trigger,
 * and broken lengths, each of which must be refused without reading past
 * the table.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/madt.h"
#include "tests/unit/check.h"

#define MAX_LEN		1024

static uint8_t buf[MAX_LEN];
static uint32_t len;

/* Stores v little-endian at p. */
static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

/* Stores v little-endian at p. */
static void put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)v);
	put16(p + 2, (uint16_t)(v >> 16));
}

/* Stores v little-endian at p. */
static void put64(uint8_t *p, uint64_t v)
{
	put32(p, (uint32_t)v);
	put32(p + 4, (uint32_t)(v >> 32));
}

/* Starts a MADT with the local APIC at lapic and the given flags. */
static void start(uint32_t lapic, uint32_t flags)
{
	memset(buf, 0, sizeof buf);
	memcpy(buf, "APIC", 4);
	put32(buf + 36, lapic);
	put32(buf + 40, flags);
	len = 44;
}

/* Appends an entry of type and length n; returns it to fill in. */
static uint8_t *entry(uint8_t type, uint8_t n)
{
	uint8_t *e = buf + len;

	e[0] = type;
	e[1] = n;
	len += n;
	return e;
}

/* Appends a local APIC entry (type 0). */
static void lapic(uint8_t uid, uint8_t id, uint32_t flags)
{
	uint8_t *e = entry(0, 8);

	e[2] = uid;
	e[3] = id;
	put32(e + 4, flags);
}

/* Appends an I/O APIC entry (type 1). */
static void ioapic(uint8_t id, uint32_t addr, uint32_t gsi_base)
{
	uint8_t *e = entry(1, 12);

	e[2] = id;
	put32(e + 4, addr);
	put32(e + 8, gsi_base);
}

/* Appends an interrupt source override entry (type 2). */
static void override(uint8_t bus, uint8_t irq, uint32_t gsi, uint16_t flags)
{
	uint8_t *e = entry(2, 10);

	e[2] = bus;
	e[3] = irq;
	put32(e + 4, gsi);
	put16(e + 8, flags);
}

/* Parses buf[0..len) as a table. */
static int parse(struct madt *m)
{
	struct acpi_table t;

	t.phys = 0x1000;
	t.data = buf;
	t.len = len;
	memcpy(t.sig, buf, 4);
	t.sig[4] = '\0';
	return madt_parse(&t, m);
}

/* The table QEMU 7.2 builds for q35 with one CPU. */
static void q35(void)
{
	uint8_t *e;

	start(0xfee00000, MADT_PCAT_COMPAT);
	lapic(0, 0, 1);
	ioapic(0, 0xfec00000, 0);
	override(0, 0, 2, 0);
	override(0, 5, 5, 0xd);
	override(0, 9, 9, 0xd);
	override(0, 10, 10, 0xd);
	override(0, 11, 11, 0xd);
	/* Local APIC NMI on LINT1 for every processor: skipped. */
	e = entry(4, 6);
	e[2] = 0xff;
	e[5] = 1;
}

/* What QEMU's q35 MADT decodes to. */
static void test_q35(void)
{
	struct madt m;
	unsigned i;

	q35();
	CHECK(parse(&m) == 0);
	CHECK(m.lapic_addr == 0xfee00000);
	CHECK(m.flags == MADT_PCAT_COMPAT);
	CHECK(m.cpus == 1);
	CHECK(m.nioapics == 1 && m.ioapics_dropped == 0);
	CHECK(m.ioapic[0].id == 0 && m.ioapic[0].addr == 0xfec00000 &&
	    m.ioapic[0].gsi_base == 0);
	CHECK(m.overrides == 5);
	/* The PIT's IRQ 0 arrives on GSI 2, edge, active high. */
	CHECK(m.isa[0].gsi == 2 && m.isa[0].flags == 0);
	/* The PCI-shared IRQs are level-triggered, active high. */
	CHECK(m.isa[9].gsi == 9 && m.isa[9].flags == MADT_LEVEL);
	CHECK(m.isa[5].flags == MADT_LEVEL && m.isa[11].flags == MADT_LEVEL);
	/* The rest keep ISA's identity mapping, edge, active high. */
	for (i = 1; i < MADT_ISA_IRQS; i++)
		if (i != 5 && (i < 9 || i > 11))
			CHECK(m.isa[i].gsi == i && m.isa[i].flags == 0);
}

/* Every polarity and trigger field value, and foreign overrides. */
static void test_overrides(void)
{
	struct madt m;

	start(0xfee00000, 0);
	override(0, 1, 17, 0x0);	/* conforms: high, edge */
	override(0, 3, 3, 0x3);		/* active low, conforming trigger */
	override(0, 4, 4, 0xf);		/* active low, level */
	override(0, 6, 6, 0x2 | 0x8);	/* reserved values: ISA's own */
	override(0, 7, 7, 0x1 | 0x4);	/* active high, edge, explicitly */
	override(1, 8, 40, 0xf);	/* not ISA: ignored */
	override(0, 16, 16, 0xf);	/* no such ISA IRQ: ignored */
	override(0, 12, 30, 0xc);	/* level, a GSI of a second I/O APIC */
	override(0, 12, 31, 0x3);	/* a later one for the same IRQ wins */
	CHECK(parse(&m) == 0);
	CHECK(m.flags == 0 && m.nioapics == 0 && m.cpus == 0);
	CHECK(m.overrides == 7);
	CHECK(m.isa[1].gsi == 17 && m.isa[1].flags == 0);
	CHECK(m.isa[3].flags == MADT_ACTIVE_LOW);
	CHECK(m.isa[4].flags == (MADT_ACTIVE_LOW | MADT_LEVEL));
	CHECK(m.isa[6].flags == 0);
	CHECK(m.isa[7].flags == 0);
	CHECK(m.isa[8].gsi == 8 && m.isa[8].flags == 0);
	CHECK(m.isa[12].gsi == 31 && m.isa[12].flags == MADT_ACTIVE_LOW);
}

/* Processors, x2APIC entries, the address override, many I/O APICs. */
static void test_entries(void)
{
	struct madt m;
	uint8_t *e;
	unsigned i;

	start(0xfee00000, 0);
	lapic(0, 0, 1);
	lapic(1, 1, 0);			/* disabled */
	lapic(2, 2, 2);			/* online capable, not enabled */
	e = entry(9, 16);		/* x2APIC, enabled */
	put32(e + 4, 300);
	put32(e + 8, 1);
	e = entry(9, 16);		/* x2APIC, disabled */
	put32(e + 4, 301);
	e = entry(5, 12);		/* 64-bit local APIC address */
	put64(e + 4, 0x1234567890000ull);
	for (i = 0; i < MADT_MAX_IOAPICS + 2; i++)
		ioapic((uint8_t)i, 0xfec00000 + 0x1000 * i, 24 * i);
	e = entry(0x7f, 2);		/* unknown type, bare */
	/* A known unused type, longer than usual. */
	e = entry(4, 9);
	CHECK(parse(&m) == 0);
	CHECK(m.cpus == 2);
	CHECK(m.lapic_addr == 0x1234567890000ull);
	CHECK(m.nioapics == MADT_MAX_IOAPICS && m.ioapics_dropped == 2);
	CHECK(m.ioapic[7].id == 7 && m.ioapic[7].addr == 0xfec07000 &&
	    m.ioapic[7].gsi_base == 168);
}

/* Broken tables are refused. */
static void test_errors(void)
{
	struct madt m;
	uint8_t *e;

	q35();
	memcpy(buf, "APIX", 4);
	CHECK(parse(&m) == MADT_ESIG);

	start(0xfee00000, 0);
	len = 43;
	CHECK(parse(&m) == MADT_ESHORT);

	/* The fixed part alone: no entries, identity routes. */
	start(0xfee00000, 0);
	CHECK(parse(&m) == 0 && m.nioapics == 0 && m.isa[15].gsi == 15);

	/* Lengths 0 and 1 would never advance or cut a header in two. */
	start(0xfee00000, 0);
	lapic(0, 0, 1);
	entry(0x7f, 0);
	len += 2;
	CHECK(parse(&m) == MADT_EENTRY);
	start(0xfee00000, 0);
	entry(0x7f, 1);
	len += 1;
	CHECK(parse(&m) == MADT_EENTRY);

	/* Entries shorter than their type's fields. */
	start(0xfee00000, 0);
	entry(1, 11);
	CHECK(parse(&m) == MADT_EENTRY);
	start(0xfee00000, 0);
	entry(2, 9);
	CHECK(parse(&m) == MADT_EENTRY);
	start(0xfee00000, 0);
	entry(0, 7);
	CHECK(parse(&m) == MADT_EENTRY);
	start(0xfee00000, 0);
	entry(5, 11);
	CHECK(parse(&m) == MADT_EENTRY);
	start(0xfee00000, 0);
	entry(9, 15);
	CHECK(parse(&m) == MADT_EENTRY);

	/* An entry running past the end, and a lone trailing byte. */
	start(0xfee00000, 0);
	ioapic(0, 0xfec00000, 0);
	len -= 1;
	CHECK(parse(&m) == MADT_EENTRY);
	start(0xfee00000, 0);
	ioapic(0, 0xfec00000, 0);
	len += 1;
	CHECK(parse(&m) == MADT_EENTRY);

	/* The table's length, not the buffer's, bounds the walk. */
	q35();
	e = buf + len;
	e[0] = 1;
	e[1] = 12;
	CHECK(parse(&m) == 0 && m.nioapics == 1);

	CHECK(strcmp(madt_strerror(MADT_EENTRY), "an entry has a bad length")
	    == 0);
	CHECK(strcmp(madt_strerror(-99), "unknown MADT error") == 0);
}

/* Runs the MADT cases; the status is check_report's. */
int main(void)
{
	test_q35();
	test_overrides();
	test_entries();
	test_errors();
	return check_report("madt");
}
