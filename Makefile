# Terrarium: the one entry point.
#   make        build/BOOTX64.EFI and the host tools (installs Debian packages first)
#   make test   every test: host unit tests, fuzz regressions, QEMU/OVMF boot tests
#   make demo   boot the image under QEMU+OVMF, console on this terminal
# Each subsystem lists its files in its own rules.mk.

VERSION := 0.1.0
B := build

all: $(B)/BOOTX64.EFI host-tools

include mk/flags.mk
include efi/rules.mk kernel/rules.mk drivers/rules.mk runtime/rules.mk \
	soil/rules.mk compiler/rules.mk images/rules.mk netboot/rules.mk \
	examples/rules.mk
include tests/rules.mk

# --- Debian packages: checked on every build, installed when missing ---
DEPS := $(B)/.deps-ok
$(DEPS): mk/deps.sh
	@mkdir -p $(B)
	@sh mk/deps.sh
	@touch $@
.PHONY: deps
deps:
	@sh mk/deps.sh

# --- kernel objects (run in the image) ---
$(B)/k/%.o: %.c | $(DEPS)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(KCC) $(KCFLAGS) $(KCFLAGS_$(firstword $(subst /, ,$<))) -MMD -MP -c $< -o $@

$(B)/k/%.o: %.S | $(DEPS)
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(KCC) $(KCFLAGS) -MMD -MP -c $< -o $@

# --- host objects (tools and unit tests, built for Linux) ---
$(B)/host/%.o: %.c | $(DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	@$(CC) $(HCFLAGS) -MMD -MP -c $< -o $@

# --- the image: `terrarium link` with no program objects ---
# Every kernel object goes into libterrarium.a of the library directory
# (docs/ARCHITECTURE.md), the program start-up too; the kernel-only image is linked from it by the same
# code that links OCaml programs (compiler/link.c): link, symbol table from
# the first link, link again, check that no code moved, objcopy.
KOBJS := $(addprefix $(B)/k/,$(addsuffix .o,$(basename $(KSRCS)))) $(KEXTRA_OBJS)

# The archive is also remade when its list of objects changes: under
# .SECONDARY a listed object that does not exist yet makes nothing stale.
$(B)/libterrarium.list: FORCE
	@mkdir -p $(dir $@)
	@echo '$(KOBJS) $(PROGRAM_KOBJS)' | cmp -s - $@ || \
		echo '$(KOBJS) $(PROGRAM_KOBJS)' > $@

$(LIBDIR)/libterrarium.a: $(KOBJS) $(PROGRAM_KOBJS) $(B)/libterrarium.list
	@mkdir -p $(dir $@)
	@echo "  AR      $@"
	@rm -f $@ && ar rcs $@ $(filter %.o,$^)

$(B)/BOOTX64.EFI: $(B)/terrarium $(LIBDIR)/libterrarium.a $(LIBDIR)/efi.lds \
		$(LIBDIR)/mksyms
	@echo "  LINK    $@"
	@$(B)/terrarium link -q -o $@ --elf $(B)/kernel.so

host-tools: $(HOST_TOOLS)

clean:
	rm -rf $(B)

# make install PREFIX=/usr/local: the command and its library directory.
PREFIX ?= /usr/local
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/terrarium
	install -m 755 $(B)/terrarium $(DESTDIR)$(PREFIX)/bin/terrarium
	cp -pR $(LIBDIR)/* $(DESTDIR)$(PREFIX)/lib/terrarium/

.PHONY: all host-tools clean test unit-test boot-test fuzz-test fuzz demo deps bench \
	install cli-test FORCE
.DELETE_ON_ERROR:
.SECONDARY:
-include $(shell find $(B) -name '*.d' 2>/dev/null)
