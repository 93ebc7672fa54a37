/*
 * Soil.Machine: memory facts (sysinfo) and restarting (reboot), which
 * POSIX does not have.
 */
#include <sys/reboot.h>
#include <sys/sysinfo.h>
#include <caml/alloc.h>
#include <caml/unixsupport.h>
#include "soil/ocaml/soil_stubs.h"

/* Memory facts; see soil_stubs.h. */
value soil_machine_memory(value unit)
{
	struct sysinfo si;
	value facts;

	(void)unit;
	if (sysinfo(&si) < 0)
		uerror("sysinfo", Nothing);
	facts = caml_alloc_tuple(2);
	Field(facts, 0) = Val_long((long)si.totalram * si.mem_unit);
	Field(facts, 1) = Val_long((long)si.freeram * si.mem_unit);
	return facts;
}

/* Restarts the machine; see soil_stubs.h. */
value soil_machine_reboot(value unit)
{
	(void)unit;
	reboot(RB_AUTOBOOT);
	/* reboot(2) returns only when it failed. */
	uerror("reboot", Nothing);
}
