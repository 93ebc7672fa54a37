# drivers/: hardware, one device per file.  Bigger drivers keep their own
# fragment beside this one.
KSRCS += drivers/serial.c drivers/rng.c
UNIT_TESTS += rng
UNIT_SRCS_rng := drivers/rng.c tests/unit/kstubs.c
-include drivers/fbcon.mk drivers/acpi.mk drivers/irq.mk

# The PS/2 keyboard: the i8042 controller and the scancode decoder.
KSRCS += drivers/i8042.c drivers/keymap.c
UNIT_TESTS += keymap
UNIT_SRCS_keymap := drivers/keymap.c
FUZZ_TARGETS += keymap
FUZZ_SRCS_keymap := drivers/keymap.c
