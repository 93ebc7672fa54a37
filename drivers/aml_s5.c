/*
 * \_S5_ lookup in AML without an interpreter.
 *
 * Firmware declares the soft-off sleep types as a named package at the root
 * of the namespace, so a scan for NameOp "_S5_" PackageOp finds it without
 * evaluating the table.  Every candidate is parsed with bounds checks; the
 * first one that parses wins, so a stray "_S5_" inside other data does not
 * hide the real declaration.
 */
#include "drivers/aml_s5.h"
#include "kernel/string.h"

/* AML encodings (ACPI 6.5, chapter 20). */
#define AML_ZERO	0x00
#define AML_ONE		0x01
#define AML_NAME	0x08
#define AML_BYTE	0x0a
#define AML_WORD	0x0b
#define AML_DWORD	0x0c
#define AML_QWORD	0x0e
#define AML_PACKAGE	0x12
#define AML_ROOT	0x5c
#define AML_ONES	0xff

/* SLP_TYP is a 3-bit field of PM1x_CNT. */
#define SLP_TYP_MAX	7

/*
 * Decodes the PkgLength at aml[*pos]: on success advances *pos past it and
 * stores in *end the offset just past the package.  Returns 0 or AML_S5_E*.
 */
static int pkg_length(const uint8_t *aml, size_t len, size_t *pos, size_t *end)
{
	size_t start, extra, i;
	uint32_t v;
	uint8_t lead;

	start = *pos;
	if (start >= len)
		return AML_S5_ETRUNC;
	lead = aml[start];
	extra = lead >> 6;
	if (extra == 0)
		v = lead & 0x3f;
	else {
		/* With follow-on bytes, bits 4-5 of the lead byte must be 0. */
		if (lead & 0x30)
			return AML_S5_EBADPKG;
		if (len - start <= extra)
			return AML_S5_ETRUNC;
		v = lead & 0x0f;
		for (i = 1; i <= extra; i++)
			v |= (uint32_t)aml[start + i] << (4 + 8 * (i - 1));
	}
	/* The length counts its own bytes, and a package has a count byte. */
	if (v < extra + 2)
		return AML_S5_EBADPKG;
	if (v > len - start)
		return AML_S5_ETRUNC;
	*pos = start + extra + 1;
	*end = start + v;
	return 0;
}

/*
 * Decodes the integer constant at aml[*pos] (which must end before end),
 * advancing *pos past it.  Returns 0 or AML_S5_E*.
 */
static int integer(const uint8_t *aml, size_t end, size_t *pos, uint64_t *v)
{
	size_t p, size, i;

	p = *pos;
	if (p >= end)
		return AML_S5_ETRUNC;
	switch (aml[p]) {
	case AML_ZERO:
		*v = 0;
		size = 0;
		break;
	case AML_ONE:
		*v = 1;
		size = 0;
		break;
	case AML_ONES:
		*v = UINT64_MAX;
		size = 0;
		break;
	case AML_BYTE:
		size = 1;
		break;
	case AML_WORD:
		size = 2;
		break;
	case AML_DWORD:
		size = 4;
		break;
	case AML_QWORD:
		size = 8;
		break;
	default:
		return AML_S5_EBADELEM;
	}
	if (size > end - p - 1)
		return AML_S5_ETRUNC;
	if (size > 0) {
		*v = 0;
		for (i = 0; i < size; i++)
			*v |= (uint64_t)aml[p + 1 + i] << (8 * i);
	}
	*pos = p + 1 + size;
	return 0;
}

/*
 * Parses the package that should follow the name at aml[pos] into *out.
 * Returns 0 or AML_S5_E*.
 */
static int s5_package(const uint8_t *aml, size_t len, size_t pos,
    struct aml_s5 *out)
{
	uint64_t a, b;
	size_t end;
	uint8_t count;
	int err;

	if (pos >= len)
		return AML_S5_ETRUNC;
	if (aml[pos] != AML_PACKAGE)
		return AML_S5_EBADPKG;
	pos++;
	if ((err = pkg_length(aml, len, &pos, &end)) != 0)
		return err;
	count = aml[pos++];
	if (count == 0)
		return AML_S5_EBADPKG;
	if ((err = integer(aml, end, &pos, &a)) != 0)
		return err;
	if (count == 1) {
		/* Old firmware packs both types into one integer, a in the low byte. */
		b = a >> 8 & 0xff;
		a &= 0xff;
	} else if ((err = integer(aml, end, &pos, &b)) != 0)
		return err;
	if (a > SLP_TYP_MAX || b > SLP_TYP_MAX)
		return AML_S5_ERANGE;
	out->slp_typa = (uint8_t)a;
	out->slp_typb = (uint8_t)b;
	return 0;
}

int aml_s5_find(const uint8_t *aml, size_t len, struct aml_s5 *out)
{
	size_t i;
	int first, err;

	first = AML_S5_ENOTFOUND;
	for (i = 1; i + 4 <= len; i++) {
		if (memcmp(aml + i, "_S5_", 4) != 0)
			continue;
		if (aml[i - 1] != AML_NAME && !(i >= 2 &&
		    aml[i - 1] == AML_ROOT && aml[i - 2] == AML_NAME))
			continue;
		err = s5_package(aml, len, i + 4, out);
		if (err == 0)
			return 0;
		if (first == AML_S5_ENOTFOUND)
			first = err;
	}
	return first;
}

const char *aml_s5_strerror(int err)
{
	switch (err) {
	case 0:
		return "no error";
	case AML_S5_ENOTFOUND:
		return "no Name(_S5_, Package) in the AML";
	case AML_S5_ETRUNC:
		return "the _S5_ package runs past the end of the table";
	case AML_S5_EBADPKG:
		return "_S5_ is not a well-formed package";
	case AML_S5_EBADELEM:
		return "an _S5_ element is not an integer constant";
	case AML_S5_ERANGE:
		return "an _S5_ sleep type does not fit in 3 bits";
	}
	return "unknown AML error";
}
