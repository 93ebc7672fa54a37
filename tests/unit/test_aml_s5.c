/*
 * Tests for the \_S5_ finder: the encodings firmware uses, and malformed or
 * truncated AML, which must fail with the right code and stay in bounds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/aml_s5.h"
#include "tests/unit/check.h"

/* Runs aml_s5_find over an exact-size heap copy, so ASan sees overreads. */
static int find(const void *aml, size_t len, struct aml_s5 *out)
{
	uint8_t *copy;
	int err;

	copy = malloc(len ? len : 1);
	if (copy == NULL)
		abort();
	memcpy(copy, aml, len);
	err = aml_s5_find(copy, len, out);
	free(copy);
	return err;
}

/* Checks that aml parses to a and b. */
static void check_parses(const void *aml, size_t len, uint8_t a, uint8_t b)
{
	struct aml_s5 s5;

	s5.slp_typa = s5.slp_typb = 0xee;
	CHECK(find(aml, len, &s5) == 0);
	CHECK(s5.slp_typa == a);
	CHECK(s5.slp_typb == b);
}

/* Checks that aml parses to a and b, and that no proper prefix parses. */
static void check_ok(const void *aml, size_t len, uint8_t a, uint8_t b)
{
	struct aml_s5 s5;
	size_t cut;
	int err;

	check_parses(aml, len, a, b);
	for (cut = 0; cut < len; cut++) {
		s5.slp_typa = 0xee;
		err = find(aml, cut, &s5);
		CHECK(err == AML_S5_ETRUNC || err == AML_S5_ENOTFOUND);
		CHECK(s5.slp_typa == 0xee);
	}
}

/* Checks that aml fails with err and leaves *out alone. */
static void check_err(const void *aml, size_t len, int err)
{
	struct aml_s5 s5;

	s5.slp_typa = s5.slp_typb = 0xee;
	CHECK(find(aml, len, &s5) == err);
	CHECK(s5.slp_typa == 0xee && s5.slp_typb == 0xee);
}

#define OK(s, a, b)	check_ok(s, sizeof(s) - 1, a, b)
#define PARSES(s, a, b)	check_parses(s, sizeof(s) - 1, a, b)
#define ERR(s, e)	check_err(s, sizeof(s) - 1, e)

static void test_encodings(void)
{
	/* What QEMU emits: Name(_S5, Package(4) {Zero, Zero, Zero, Zero}). */
	OK("\x08_S5_\x12\x06\x04\x00\x00\x00\x00", 0, 0);
	/* A root prefix and byte constants, as iasl emits Name(\_S5, ...). */
	OK("\x08\\_S5_\x12\x08\x04\x0a\x05\x0a\x06\x00\x00", 5, 6);
	/* Package() {0x05, Zero}. */
	OK("\x08_S5_\x12\x05\x02\x0a\x05\x00", 5, 0);
	OK("\x08_S5_\x12\x04\x02\x01\x01", 1, 1);
	/* Word, DWord and QWord constants. */
	OK("\x08_S5_\x12\x07\x02\x0b\x07\x00\x0a\x03", 7, 3);
	OK("\x08_S5_\x12\x10\x02\x0c\x02\x00\x00\x00\x0e\x04\0\0\0\0\0\0\0",
	    2, 4);
	/* One integer carrying both types: a in the low byte, b above. */
	OK("\x08_S5_\x12\x05\x01\x0b\x07\x03", 7, 3);
	/* Elements past the first two are not looked at. */
	OK("\x08_S5_\x12\x07\x04\x0a\x07\x01\x0d\x00", 7, 1);
	/* Inside a Scope(\) block, after other names. */
	OK("\x10\x14\\\x08P0S_\x0c\x78\x56\x34\x12"
	    "\x08_S5_\x12\x06\x04\x00\x00\x00\x00", 0, 0);
}

static void test_pkg_length(void)
{
	uint8_t aml[64];
	size_t n, i;

	/* A two-byte PkgLength: 0x42 0x01 is 2 | 1 << 4 = 18 bytes. */
	n = 0;
	aml[n++] = 0x08;
	memcpy(aml + n, "_S5_", 4);
	n += 4;
	aml[n++] = 0x12;
	aml[n++] = 0x42;
	aml[n++] = 0x01;
	aml[n++] = 8;
	aml[n++] = 0x0a;
	aml[n++] = 3;
	aml[n++] = 0x0a;
	aml[n++] = 4;
	for (i = 0; i < 11; i++)
		aml[n++] = 0x00;
	CHECK(n == 6 + 18);
	check_ok(aml, n, 3, 4);

	/* A three-byte PkgLength of the same 18 bytes. */
	memmove(aml + 9, aml + 8, n - 8);
	aml[6] = 0x82;
	aml[7] = 0x01;
	aml[8] = 0x00;
	check_ok(aml, n, 3, 4);

	/* Reserved bits 4-5 set in a multi-byte lead. */
	aml[6] = 0x92;
	check_err(aml, n, AML_S5_EBADPKG);
	/* A length running past the end. */
	aml[6] = 0x83;
	check_err(aml, n, AML_S5_ETRUNC);
}

static void test_malformed(void)
{
	ERR("", AML_S5_ENOTFOUND);
	ERR("\x08\x08\x08", AML_S5_ENOTFOUND);
	/* A reference to _S5_, not its declaration. */
	ERR("\xa4_S5_\x12\x06\x04\x00\x00\x00\x00", AML_S5_ENOTFOUND);
	ERR("_S5_\x12\x06\x04\x00\x00\x00\x00", AML_S5_ENOTFOUND);
	/* Name(_S5_, 5): not a package. */
	ERR("\x08_S5_\x0a\x05", AML_S5_EBADPKG);
	/* No elements; a PkgLength too short to hold the count. */
	ERR("\x08_S5_\x12\x02\x00", AML_S5_EBADPKG);
	ERR("\x08_S5_\x12\x01\x02\x00\x00", AML_S5_EBADPKG);
	/* The count promises two elements the package does not hold. */
	ERR("\x08_S5_\x12\x03\x02\x00\x00", AML_S5_ETRUNC);
	ERR("\x08_S5_\x12\x03\x02\x0a\x05", AML_S5_ETRUNC);
	/* A PkgLength past the end of the AML. */
	ERR("\x08_S5_\x12\x3f\x02\x00\x00", AML_S5_ETRUNC);
	/* Elements that are not integer constants. */
	ERR("\x08_S5_\x12\x06\x02\x0d\x41\x00\x00", AML_S5_EBADELEM);
	ERR("\x08_S5_\x12\x07\x02\x00SLPA", AML_S5_EBADELEM);
	/* Values that do not fit SLP_TYP. */
	ERR("\x08_S5_\x12\x04\x02\xff\x00", AML_S5_ERANGE);
	ERR("\x08_S5_\x12\x05\x02\x00\x0a\x08", AML_S5_ERANGE);
	ERR("\x08_S5_\x12\x06\x02\x0b\x00\x01\x00", AML_S5_ERANGE);
	ERR("\x08_S5_\x12\x05\x01\x0b\x01\x08", AML_S5_ERANGE);
}

static void test_candidates(void)
{
	/* A broken candidate does not hide a good one after it. */
	PARSES("\x08_S5_\x0a\x05" "\x08_S5_\x12\x04\x02\x01\x00", 1, 0);
	/* The first good one wins. */
	PARSES("\x08_S5_\x12\x04\x02\x01\x00" "\x08_S5_\x12\x04\x02\x00\x01", 1, 0);
	/* With no good one, the first candidate's error is reported. */
	ERR("\x08_S5_\x12\x04\x02\x0d\x00" "\x08_S5_\x12\x09\x02", AML_S5_EBADELEM);
}

static void test_strerror(void)
{
	CHECK(strcmp(aml_s5_strerror(AML_S5_ETRUNC),
	    aml_s5_strerror(AML_S5_ERANGE)) != 0);
	CHECK(strstr(aml_s5_strerror(AML_S5_ENOTFOUND), "_S5_") != NULL);
	CHECK(strstr(aml_s5_strerror(42), "unknown") != NULL);
}

int main(void)
{
	test_encodings();
	test_pkg_length();
	test_malformed();
	test_candidates();
	test_strerror();
	return check_report("aml_s5");
}
