/*
 * Soil.Time's clocks: clock_gettime, which OCaml's Unix library lacks.
 */
#include <time.h>
#include <caml/alloc.h>
#include <caml/unixsupport.h>
#include "soil/ocaml/soil_stubs.h"

/* The clock ids, in the order of soil.ml's type clock. */
static const clockid_t clocks[] = { CLOCK_MONOTONIC, CLOCK_BOOTTIME };

/* Reads a clock as seconds; see soil_stubs.h. */
value soil_clock_seconds(value clock)
{
	struct timespec ts;

	if (clock_gettime(clocks[Int_val(clock)], &ts) != 0)
		uerror("clock_gettime", Nothing);
	return caml_copy_double((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}
