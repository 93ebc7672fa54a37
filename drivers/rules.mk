# drivers/: hardware, one device per file.  Bigger drivers keep their own
# fragment beside this one.
KSRCS += drivers/serial.c
-include drivers/fbcon.mk drivers/acpi.mk
