/*
 * Symbol lookup in the .ksyms table (format in kernel/ksyms.h).
 */
#include <stddef.h>
#include "kernel/image.h"
#include "kernel/ksyms.h"

struct ksym {
	uint32_t addr;
	uint32_t name;
};

struct ksym_table {
	uint32_t count;
	uint32_t names_offset;	/* from the table start to the names */
	struct ksym sym[];
};

static const struct ksym_table *table(void)
{
	if (__ksyms_end - __ksyms_start < (long)sizeof(struct ksym_table))
		return NULL;
	return (const struct ksym_table *)__ksyms_start;
}

static const char *name_of(const struct ksym_table *t, const struct ksym *s)
{
	return (const char *)t + t->names_offset + s->name;
}

/* Names the function containing pc; NULL outside the image's code. */
const char *ksym_lookup(uint64_t pc, uint64_t *offset)
{
	const struct ksym_table *t = table();
	uint64_t rel;
	uint32_t lo, hi, mid;

	if (!t || !t->count || pc < image_addr(_text) || pc >= image_addr(_etext))
		return NULL;
	rel = pc - image_addr(ImageBase);
	if (rel < t->sym[0].addr)
		return NULL;
	lo = 0;
	hi = t->count;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (t->sym[mid].addr <= rel)
			lo = mid;
		else
			hi = mid;
	}
	*offset = rel - t->sym[lo].addr;
	return name_of(t, &t->sym[lo]);
}
