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
	compiler/qemu_args.c compiler/qemu_output.c compiler/qmp.c
TERRARIUM_SRCS += compiler/terrarium.c compiler/cmd_build.c \
	compiler/cmd_link.c compiler/cmd_run.c compiler/link.c \
	compiler/linklog.c compiler/clibs.c compiler/libdir.c compiler/opts.c \
	compiler/runline.c compiler/spawn.c compiler/strlist.c \
	compiler/tmpdir.c compiler/readall.c compiler/cpio_write.c \
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

# The command's own errors and, once the kernel runs programs, a build and
# a run of an OCaml program (tests/cli/run.sh).
cli-test: $(B)/terrarium $(LIBDIR)/mksyms $(LIBDIR)/efi.lds \
		$(LIBDIR)/libterrarium.a
	@B=$(B) sh tests/cli/run.sh
