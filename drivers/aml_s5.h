/*
 * Finds the \_S5_ (soft-off) sleep type values in DSDT or SSDT AML.
 *
 * Pure parsing: it only reads the bytes it is given, so it runs on the host
 * for tests and fuzzing as well as in the kernel.
 */
#ifndef DRIVERS_AML_S5_H
#define DRIVERS_AML_S5_H

#include <stddef.h>
#include <stdint.h>

/* The values to write into the SLP_TYP fields of PM1a_CNT and PM1b_CNT. */
struct aml_s5 {
	uint8_t slp_typa;
	uint8_t slp_typb;
};

enum {
	AML_S5_ENOTFOUND = -1,	/* no Name(_S5_, Package) in the AML */
	AML_S5_ETRUNC = -2,	/* the package runs past the end of the AML */
	AML_S5_EBADPKG = -3,	/* bad PkgLength or no elements */
	AML_S5_EBADELEM = -4,	/* an element is not an integer constant */
	AML_S5_ERANGE = -5,	/* a sleep type does not fit in 3 bits */
};

/*
 * Looks for Name(_S5_, Package(){...}) in aml[0..len) and stores its first
 * two integers in *out.  Returns 0, or a negative AML_S5_E* code; *out is
 * only written on success.
 */
int aml_s5_find(const uint8_t *aml, size_t len, struct aml_s5 *out);

/* A sentence describing an AML_S5_E* code. */
const char *aml_s5_strerror(int err);

#endif
