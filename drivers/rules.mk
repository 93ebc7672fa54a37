# drivers/: hardware, one device per file.  Bigger drivers keep their own
# fragment beside this one.
KSRCS += drivers/serial.c drivers/rng.c
UNIT_TESTS += rng
UNIT_SRCS_rng := drivers/rng.c tests/unit/kstubs.c
-include drivers/fbcon.mk drivers/acpi.mk drivers/irq.mk
