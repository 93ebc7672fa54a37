# tests/harness/: the QEMU+OVMF harness.  The library (compiler/qemu*.c,
# compiler/qmp.c) runs an image under QEMU and drives it; build/tboot is
# its command-line front end for the boot tests and `make demo`.
# QEMU_HOST_SRCS (compiler/rules.mk) lists the library's files.

QEMU_HOST_OBJS := $(patsubst %.c,$(B)/host/%.o,$(QEMU_HOST_SRCS))

HOST_TOOLS += $(B)/tboot

$(B)/tboot: $(B)/host/tests/harness/tboot.o $(QEMU_HOST_OBJS)
	$(CC) $(HLDFLAGS) $^ -o $@

UNIT_TESTS += qemu
UNIT_SRCS_qemu := compiler/qemu_args.c compiler/qemu_output.c compiler/qmp.c

FUZZ_TARGETS += qmp
FUZZ_SRCS_qmp := compiler/qmp.c
