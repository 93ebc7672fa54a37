/*
 * MADT decoding (ACPI 6.5 section 5.2.12): pure parsing of the table
 * bytes, shared by the kernel and the host tests.
 */
#include "drivers/le.h"
#include "drivers/madt.h"
#include "kernel/string.h"

#define MADT_ENTRIES	44	/* where the entry list starts */

/* Entry types, with the length each must at least have. */
#define T_LAPIC			0
#define T_IOAPIC		1
#define T_OVERRIDE		2
#define T_LAPIC_ADDR		5
#define T_X2APIC		9
#define LEN_LAPIC		8
#define LEN_IOAPIC		12
#define LEN_OVERRIDE		10
#define LEN_LAPIC_ADDR		12
#define LEN_X2APIC		16

#define CPU_ENABLED		(1u << 0)
#define BUS_ISA			0

/* MPS INTI flags of an override: 2-bit polarity and trigger fields. */
#define INTI_POLARITY(f)	((f) & 3u)
#define INTI_TRIGGER(f)		((f) >> 2 & 3u)
#define INTI_ACTIVE_LOW		3u
#define INTI_LEVEL		3u

/*
 * Turns MPS INTI flags into MADT_ACTIVE_LOW and MADT_LEVEL.  "Conforms to
 * the bus" (0) and the reserved value 2 mean ISA's own: active high, edge.
 */
static unsigned inti_flags(uint16_t inti)
{
	unsigned f;

	f = 0;
	if (INTI_POLARITY(inti) == INTI_ACTIVE_LOW)
		f |= MADT_ACTIVE_LOW;
	if (INTI_TRIGGER(inti) == INTI_LEVEL)
		f |= MADT_LEVEL;
	return f;
}

/* Records the I/O APIC entry e. */
static void add_ioapic(struct madt *m, const uint8_t *e)
{
	struct madt_ioapic *io;

	if (m->nioapics == MADT_MAX_IOAPICS) {
		m->ioapics_dropped++;
		return;
	}
	io = &m->ioapic[m->nioapics++];
	io->id = e[2];
	io->addr = get32(e + 4);
	io->gsi_base = get32(e + 8);
}

/* Applies the interrupt source override entry e, when it is an ISA one. */
static void add_override(struct madt *m, const uint8_t *e)
{
	struct madt_route *r;

	if (e[2] != BUS_ISA || e[3] >= MADT_ISA_IRQS)
		return;
	r = &m->isa[e[3]];
	r->gsi = get32(e + 4);
	r->flags = inti_flags(get16(e + 8));
	m->overrides++;
}

/* The length an entry of type type needs at least, 2 for unused types. */
static unsigned min_len(uint8_t type)
{
	switch (type) {
	case T_LAPIC:
		return LEN_LAPIC;
	case T_IOAPIC:
		return LEN_IOAPIC;
	case T_OVERRIDE:
		return LEN_OVERRIDE;
	case T_LAPIC_ADDR:
		return LEN_LAPIC_ADDR;
	case T_X2APIC:
		return LEN_X2APIC;
	}
	return 2;
}

/*
 * Decodes the MADT t into m: the local APIC address, the enabled CPUs,
 * the I/O APICs and each ISA IRQ's route after the overrides (see
 * drivers/madt.h).
 */
int madt_parse(const struct acpi_table *t, struct madt *m)
{
	const uint8_t *e;
	uint32_t off;
	unsigned i;

	if (memcmp(t->sig, "APIC", 4) != 0)
		return MADT_ESIG;
	if (t->len < MADT_ENTRIES)
		return MADT_ESHORT;
	memset(m, 0, sizeof *m);
	m->lapic_addr = get32(t->data + 36);
	m->flags = get32(t->data + 40);
	/* Without overrides an ISA IRQ is the GSI of its own number. */
	for (i = 0; i < MADT_ISA_IRQS; i++)
		m->isa[i].gsi = i;
	for (off = MADT_ENTRIES; off < t->len; off += e[1]) {
		e = t->data + off;
		if (t->len - off < 2 || e[1] < min_len(e[0]) ||
		    e[1] > t->len - off)
			return MADT_EENTRY;
		switch (e[0]) {
		case T_LAPIC:
			m->cpus += (get32(e + 4) & CPU_ENABLED) != 0;
			break;
		case T_X2APIC:
			m->cpus += (get32(e + 8) & CPU_ENABLED) != 0;
			break;
		case T_IOAPIC:
			add_ioapic(m, e);
			break;
		case T_OVERRIDE:
			add_override(m, e);
			break;
		case T_LAPIC_ADDR:
			m->lapic_addr = get64(e + 4);
			break;
		}
	}
	return 0;
}

/* One line for a madt_parse error, for the boot log. */
const char *madt_strerror(int err)
{
	switch (err) {
	case 0:
		return "no error";
	case MADT_ESIG:
		return "not a MADT";
	case MADT_ESHORT:
		return "table too short";
	case MADT_EENTRY:
		return "an entry has a bad length";
	}
	return "unknown MADT error";
}
