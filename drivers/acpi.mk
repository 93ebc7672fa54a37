# ACPI tables, the \_S5_ finder, reference clocks, TSC calibration,
# power-off and reset.
KSRCS += drivers/acpi.c drivers/acpi_init.c drivers/acpi_gas.c \
	drivers/aml_s5.c drivers/pmtimer.c drivers/hpet.c drivers/pit.c \
	drivers/tsc.c drivers/power.c

UNIT_TESTS += acpi aml_s5 tsc
UNIT_SRCS_acpi := drivers/acpi.c drivers/aml_s5.c
UNIT_SRCS_aml_s5 := drivers/aml_s5.c
UNIT_SRCS_tsc :=

FUZZ_TARGETS += acpi aml_s5
FUZZ_SRCS_acpi := drivers/acpi.c drivers/aml_s5.c
FUZZ_SRCS_aml_s5 := drivers/aml_s5.c
