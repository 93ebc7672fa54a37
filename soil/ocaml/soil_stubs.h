/*
 * Soil's C stubs: only what OCaml's Unix library does not offer.  Each
 * raises Unix.Unix_error on failure.  Built twice: with musl-gcc for
 * images, with gcc for Linux executables.
 */
#ifndef SOIL_OCAML_SOIL_STUBS_H
#define SOIL_OCAML_SOIL_STUBS_H

#include <caml/mlvalues.h>

/* Seconds on a clock of soil.ml's type clock (Monotonic, Boot_time). */
value soil_clock_seconds(value clock);

/* (rows, columns) of the terminal on descriptor fd (TIOCGWINSZ). */
value soil_console_size(value fd);

/* (total, free) bytes of memory (sysinfo). */
value soil_machine_memory(value unit);

/* Restarts the machine (reboot(2)); returns only by raising. */
value soil_machine_reboot(value unit);

#endif
