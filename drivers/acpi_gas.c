/*
 * ACPI register access through a Generic Address Structure: system I/O,
 * system memory (identity mapped), and PCI configuration space on bus 0.
 */
#include "drivers/acpi_gas.h"
#include "kernel/cpu.h"

#define PCI_CONFIG_ADDR	0xcf8
#define PCI_CONFIG_DATA	0xcfc
#define PCI_ENABLE	0x80000000u

/* Returns the access width of g in bits (8, 16, 32 or 64), or 0. */
static unsigned width(const struct acpi_gas *g)
{
	unsigned bits, w;

	if (g->access_size >= 1 && g->access_size <= 4)
		w = 8u << (g->access_size - 1);
	else {
		/* Undefined access size: the narrowest access holding the field. */
		bits = (unsigned)g->bit_width + g->bit_offset;
		if (g->bit_width == 0 || bits > 64)
			return 0;
		for (w = 8; w < bits; w *= 2)
			;
	}
	return g->bit_offset < w ? w : 0;
}

/*
 * Selects PCI configuration register g->address (ACPI encoding: device in
 * bits 32-47, function in 16-31, offset in 0-15; bus 0) through the legacy
 * mechanism.  Returns the data port, or 0 when the address cannot be used.
 */
static uint16_t pci_select(const struct acpi_gas *g, unsigned bits)
{
	uint64_t dev, fn, off;

	dev = g->address >> 32 & 0xffff;
	fn = g->address >> 16 & 0xffff;
	off = g->address & 0xffff;
	if (dev > 31 || fn > 7 || off + bits / 8 > 256 || off % (bits / 8))
		return 0;
	outl(PCI_CONFIG_ADDR, PCI_ENABLE | (uint32_t)(dev << 11 | fn << 8 |
	    (off & 0xfc)));
	return (uint16_t)(PCI_CONFIG_DATA + (off & 3));
}

/* Reads a bits-wide port; 64-bit port access does not exist. */
static int port_read(uint16_t port, unsigned bits, uint64_t *v)
{
	switch (bits) {
	case 8:
		*v = inb(port);
		return 0;
	case 16:
		*v = inw(port);
		return 0;
	case 32:
		*v = inl(port);
		return 0;
	}
	return -1;
}

/* Writes a bits-wide port. */
static int port_write(uint16_t port, unsigned bits, uint64_t v)
{
	switch (bits) {
	case 8:
		outb(port, (uint8_t)v);
		return 0;
	case 16:
		outw(port, (uint16_t)v);
		return 0;
	case 32:
		outl(port, (uint32_t)v);
		return 0;
	}
	return -1;
}

/* Reads a bits-wide memory register (identity mapped). */
static uint64_t mem_read(uint64_t addr, unsigned bits)
{
	uintptr_t p = (uintptr_t)addr;

	switch (bits) {
	case 8:
		return *(volatile uint8_t *)p;
	case 16:
		return *(volatile uint16_t *)p;
	case 32:
		return *(volatile uint32_t *)p;
	}
	return *(volatile uint64_t *)p;
}

/* Writes a bits-wide memory register (identity mapped). */
static void mem_write(uint64_t addr, unsigned bits, uint64_t v)
{
	uintptr_t p = (uintptr_t)addr;

	switch (bits) {
	case 8:
		*(volatile uint8_t *)p = (uint8_t)v;
		break;
	case 16:
		*(volatile uint16_t *)p = (uint16_t)v;
		break;
	case 32:
		*(volatile uint32_t *)p = (uint32_t)v;
		break;
	default:
		*(volatile uint64_t *)p = v;
		break;
	}
}

/* Returns whether a bits-wide access at I/O port addr stays in port space. */
static int port_ok(uint64_t addr, unsigned bits)
{
	return addr + bits / 8 <= 0x10000;
}

int acpi_gas_read(const struct acpi_gas *g, uint64_t *v)
{
	unsigned bits;
	uint64_t raw;
	uint16_t port;

	if (g->address == 0 || (bits = width(g)) == 0)
		return -1;
	switch (g->space) {
	case ACPI_SPACE_MEMORY:
		raw = mem_read(g->address, bits);
		break;
	case ACPI_SPACE_IO:
		if (!port_ok(g->address, bits) ||
		    port_read((uint16_t)g->address, bits, &raw) != 0)
			return -1;
		break;
	case ACPI_SPACE_PCI:
		if ((port = pci_select(g, bits)) == 0 ||
		    port_read(port, bits, &raw) != 0)
			return -1;
		break;
	default:
		return -1;
	}
	raw >>= g->bit_offset;
	if (g->bit_width != 0 && g->bit_width < 64)
		raw &= (1ull << g->bit_width) - 1;
	*v = raw;
	return 0;
}

int acpi_gas_write(const struct acpi_gas *g, uint64_t v)
{
	unsigned bits;
	uint16_t port;

	if (g->address == 0 || (bits = width(g)) == 0)
		return -1;
	v <<= g->bit_offset;
	switch (g->space) {
	case ACPI_SPACE_MEMORY:
		mem_write(g->address, bits, v);
		return 0;
	case ACPI_SPACE_IO:
		if (!port_ok(g->address, bits))
			return -1;
		return port_write((uint16_t)g->address, bits, v);
	case ACPI_SPACE_PCI:
		if ((port = pci_select(g, bits)) == 0)
			return -1;
		return port_write(port, bits, v);
	}
	return -1;
}
