/*
 * Soil.Console's size: the TIOCGWINSZ ioctl, which OCaml's Unix library
 * lacks.
 */
#include <sys/ioctl.h>
#include <caml/alloc.h>
#include <caml/unixsupport.h>
#include "soil/ocaml/soil_stubs.h"

/* The terminal's size in cells; see soil_stubs.h. */
value soil_console_size(value fd)
{
	struct winsize ws;
	value size;

	if (ioctl(Int_val(fd), TIOCGWINSZ, &ws) < 0)
		uerror("ioctl", Nothing);
	size = caml_alloc_tuple(2);
	Field(size, 0) = Val_int(ws.ws_row);
	Field(size, 1) = Val_int(ws.ws_col);
	return size;
}
