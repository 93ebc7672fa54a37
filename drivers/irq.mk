# Interrupts: the MADT, 8259 masking, local APIC and its timer, I/O APICs,
# and the dispatch of vectors to handlers.
KSRCS += drivers/irq.c drivers/madt.c drivers/pic.c drivers/lapic.c \
	drivers/lapic_timer.c drivers/lapic_count.c drivers/ioapic.c

UNIT_TESTS += madt lapic_count
UNIT_SRCS_madt := drivers/madt.c
UNIT_SRCS_lapic_count := drivers/lapic_count.c

FUZZ_TARGETS += madt
FUZZ_SRCS_madt := drivers/madt.c
