/*
 * The ACPI table walker over an arbitrary "physical memory" image, with the
 * RSDP at its start.  The first input byte is a flag: when bit 0 is set the
 * harness first repairs the checksums of everything the RSDP reaches, so
 * mutations get past the checksums into the parsers behind them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/acpi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define BASE	0x1000u

struct mem {
	uint8_t *buf;
	size_t size;
};

static const void *map(void *ctx, uint64_t phys, size_t len)
{
	struct mem *m = ctx;

	if (phys < BASE || phys - BASE > m->size ||
	    len > m->size - (phys - BASE))
		return NULL;
	return m->buf + (phys - BASE);
}

static uint64_t get(const uint8_t *p, int n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = v << 8 | p[n];
	return v;
}

static uint8_t sum(const uint8_t *p, size_t n)
{
	uint8_t s = 0;

	while (n-- > 0)
		s += *p++;
	return s;
}

/* Makes the len bytes at off sum to zero by changing the byte at at. */
static void fix(struct mem *m, uint64_t off, uint64_t len, uint64_t at)
{
	if (off > m->size || len > m->size - off || at < off || at >= off + len)
		return;
	m->buf[at] = 0;
	m->buf[at] = (uint8_t)-sum(m->buf + off, len);
}

/* Repairs the table at phys and returns its length, or 0. */
static uint64_t fix_table(struct mem *m, uint64_t phys)
{
	uint64_t off, len;

	if (phys < BASE || phys - BASE > m->size || m->size - (phys - BASE) < 36)
		return 0;
	off = phys - BASE;
	len = get(m->buf + off + 4, 4);
	if (len < 36 || len > m->size - off)
		return 0;
	fix(m, off, len, off + 9);
	return len;
}

/* Repairs a root list's entries and, in a FADT among them, the DSDTs. */
static void fix_root(struct mem *m, uint64_t phys, int entry)
{
	uint64_t len, i, t, tlen;
	const uint8_t *p;

	if ((len = fix_table(m, phys)) == 0)
		return;
	for (i = 36; i + entry <= len; i += entry) {
		t = get(m->buf + (phys - BASE) + i, entry);
		if ((tlen = fix_table(m, t)) == 0)
			continue;
		p = m->buf + (t - BASE);
		if (tlen < 44 || memcmp(p, "FACP", 4) != 0)
			continue;
		fix_table(m, get(p + 40, 4));
		if (tlen >= 148)
			fix_table(m, get(p + 140, 8));
	}
	/* The entries' repairs may have overlapped the list itself. */
	fix_table(m, phys);
}

static void fix_all(struct mem *m)
{
	uint64_t len;

	if (m->size < 36)
		return;
	fix_root(m, get(m->buf + 16, 4), 4);
	fix_root(m, get(m->buf + 24, 8), 8);
	fix(m, 0, 20, 8);
	len = get(m->buf + 20, 4);
	fix(m, 0, len, 32);
}

/* Checks what the walker claims about a table it accepted. */
static void check_table(const struct mem *m, const struct acpi_table *t,
    const char *sig)
{
	if (t->data < m->buf || t->len < ACPI_HDR_LEN ||
	    t->len > m->size - (size_t)(t->data - m->buf) ||
	    sum(t->data, t->len) != 0 || memcmp(t->data, t->sig, 4) != 0 ||
	    (sig != NULL && memcmp(t->sig, sig, 4) != 0))
		abort();
}

static void walk(struct mem *m)
{
	struct acpi_table t;
	struct acpi_fadt f;
	struct aml_s5 s5;
	struct acpi a;
	uint32_t i;
	unsigned n;

	if (acpi_open(&a, BASE, map, m) != 0)
		return;
	if (a.entry_size != 4 && a.entry_size != 8)
		abort();
	for (i = 0; i <= a.entries; i++)
		if (acpi_entry(&a, i, &t) == 0)
			check_table(m, &t, NULL);
	for (n = 0; acpi_find(&a, "SSDT", n, &t) == 0; n++) {
		check_table(m, &t, "SSDT");
		aml_s5_find(t.data + ACPI_HDR_LEN, t.len - ACPI_HDR_LEN, &s5);
	}
	if (acpi_find(&a, "FACP", 0, &t) != 0)
		return;
	check_table(m, &t, "FACP");
	if (acpi_fadt_parse(&t, &f) != 0)
		abort();
	if (acpi_table_at(&a, f.dsdt, "DSDT", &t) != 0)
		return;
	check_table(m, &t, "DSDT");
	if (aml_s5_find(t.data + ACPI_HDR_LEN, t.len - ACPI_HDR_LEN, &s5) == 0 &&
	    (s5.slp_typa > 7 || s5.slp_typb > 7))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mem m;

	if (size < 1)
		return 0;
	m.size = size - 1;
	if ((m.buf = malloc(m.size ? m.size : 1)) == NULL)
		abort();
	memcpy(m.buf, data + 1, m.size);
	if (data[0] & 1)
		fix_all(&m);
	walk(&m);
	free(m.buf);
	return 0;
}
