# compiler/: the terrarium command (build, link, run and the commands other
# subsystems register), the link step, and the QEMU+OVMF launcher library
# the boot tests share with `terrarium run`.
#
# terrarium is installed and drives the toolchain, so it is built without
# sanitizers ($(B)/tool/); its pure parts have unit tests built with them.
# The library directory $(LIBDIR) (notes/interfaces.md) holds what a link
# needs: libterrarium.a (made in the Makefile), efi.lds, mksyms, and the
# OCaml runtime built with musl (runtime/rules.mk).

LIBDIR := $(B)/lib/terrarium
TCFLAGS := $(filter-out -O1 -fsanitize=% -fno-sanitize-recover=%,$(HCFLAGS)) -O2

QEMU_HOST_SRCS := compiler/qemu.c compiler/qemu_wait.c compiler/qemu_monitor.c \
	compiler/qemu_args.c compiler/qemu_output.c compiler/qmp.c \
	compiler/tmpdir.c
TERRARIUM_SRCS += compiler/terrarium.c compiler/cmd_build.c \
	compiler/cmd_link.c compiler/cmd_run.c compiler/link.c \
	compiler/linklog.c compiler/clibs.c compiler/libdir.c compiler/opts.c \
	compiler/runline.c compiler/spawn.c compiler/strlist.c \
	compiler/readall.c compiler/cpio_write.c \
	$(QEMU_HOST_SRCS)
tool_objs = $(addprefix $(B)/tool/,$(addsuffix .o,$(basename $(1))))

HOST_TOOLS += $(B)/terrarium $(LIBDIR)/mksyms $(LIBDIR)/efi.lds

$(B)/tool/%.o: %.c | $(DEPS)
	@mkdir -p $(dir $@)
	@echo "  TOOLCC  $<"
	@$(CC) $(TCFLAGS) -MMD -MP -c $< -o $@

# Expanded late, so any rules.mk may add to TERRARIUM_SRCS (a command of
# its own in compiler/cmd_NAME.c and the files it needs).
.SECONDEXPANSION:
$(B)/terrarium: $$(call tool_objs,$$(TERRARIUM_SRCS))
	@echo "  LINK    $@"
	@$(CC) $^ -o $@

$(LIBDIR)/mksyms: $(B)/tool/compiler/mksyms.o
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $^ -o $@

$(LIBDIR)/efi.lds: efi/efi.lds
	@mkdir -p $(dir $@)
	@cp $< $@

UNIT_TESTS += opts clibs linklog runline
UNIT_SRCS_opts := compiler/opts.c
UNIT_SRCS_clibs := compiler/clibs.c compiler/strlist.c
UNIT_SRCS_linklog := compiler/linklog.c compiler/strlist.c
UNIT_SRCS_runline := compiler/runline.c
# The archive writer, read back by GNU cpio and by soil/cpio.c.
UNIT_TESTS += cpio_write
UNIT_SRCS_cpio_write := compiler/cpio_write.c tests/unit/treeprobe.c \
	soil/cpio.c soil/memfs.c kernel/kmalloc.c tests/unit/kstubs.c

# The command's own errors, the kernel-only link and run, and, once the
# kernel runs programs, OCaml programs against Linux and the dune example
# (tests/cli/run.sh).
cli-test: $(B)/terrarium $(LIBDIR)/mksyms $(LIBDIR)/efi.lds \
		$(LIBDIR)/libterrarium.a $(OCAML_LIBS)
	@sh mk/deps.sh dune
	@B=$(B) sh tests/cli/run.sh

FUZZ_TARGETS += linklog
FUZZ_SRCS_linklog := compiler/linklog.c compiler/clibs.c compiler/strlist.c
