/*
 * I/O APIC driver (Intel 82093AA datasheet): two registers in memory, a
 * select and a window, reach the ID, the version (which holds the number
 * of inputs) and a 64-bit redirection entry per input.
 */
#include "drivers/ioapic.h"

#define IOREGSEL		0	/* 32-bit words from the base */
#define IOWIN			4
#define REG_VERSION		0x01
#define REG_REDIR		0x10	/* two registers per input */

#define REDIR_ACTIVE_LOW	(1u << 13)
#define REDIR_LEVEL		(1u << 15)
#define REDIR_MASKED		(1u << 16)
#define REDIR_DEST_SHIFT	24	/* in the high half: physical APIC ID */
#define MAX_APIC_ID		0xff

struct ioapic {
	volatile uint32_t *regs;
	uint32_t gsi_base;
	unsigned inputs;
};

static struct ioapic ioapics[MADT_MAX_IOAPICS];
static unsigned nioapics;

/* Reads register reg of io through the select/window pair. */
static uint32_t reg_read(const struct ioapic *io, uint32_t reg)
{
	io->regs[IOREGSEL] = reg;
	return io->regs[IOWIN];
}

/* Writes register reg of io through the select/window pair. */
static void reg_write(const struct ioapic *io, uint32_t reg, uint32_t v)
{
	io->regs[IOREGSEL] = reg;
	io->regs[IOWIN] = v;
}

/* Takes an I/O APIC and masks its inputs; see drivers/ioapic.h. */
int ioapic_add(const struct madt_ioapic *m)
{
	struct ioapic *io;
	uint32_t version;
	unsigned i;

	if (nioapics == MADT_MAX_IOAPICS || m->addr == 0)
		return -1;
	io = &ioapics[nioapics];
	io->regs = (volatile uint32_t *)(uintptr_t)m->addr;
	io->gsi_base = m->gsi_base;
	version = reg_read(io, REG_VERSION);
	/* Nothing decodes the address: reads come back all ones. */
	if (version == UINT32_MAX)
		return -1;
	io->inputs = (version >> 16 & 0xff) + 1;
	for (i = 0; i < io->inputs; i++)
		reg_write(io, REG_REDIR + 2 * i, REDIR_MASKED);
	nioapics++;
	return (int)io->inputs;
}

/* Routes gsi to vector; see drivers/ioapic.h. */
int ioapic_route(uint32_t gsi, unsigned vector, unsigned flags,
    uint32_t apic_id)
{
	const struct ioapic *io;
	uint32_t lo, n;
	unsigned i;

	if (apic_id > MAX_APIC_ID)
		return -1;
	for (i = 0; i < nioapics; i++) {
		io = &ioapics[i];
		if (gsi < io->gsi_base || gsi - io->gsi_base >= io->inputs)
			continue;
		n = gsi - io->gsi_base;
		/* Fixed delivery, physical destination. */
		lo = vector & 0xff;
		if (flags & MADT_ACTIVE_LOW)
			lo |= REDIR_ACTIVE_LOW;
		if (flags & MADT_LEVEL)
			lo |= REDIR_LEVEL;
		/* Destination first, so the input is never open to another. */
		reg_write(io, REG_REDIR + 2 * n + 1,
		    apic_id << REDIR_DEST_SHIFT);
		reg_write(io, REG_REDIR + 2 * n, lo);
		return 0;
	}
	return -1;
}
