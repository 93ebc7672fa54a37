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
	soil/rules.mk compiler/rules.mk images/rules.mk netboot/rules.mk
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

# --- the image: link once, derive the symbol table, link again ---
# The symbol table sits after all code and data (efi/efi.lds), so the second
# link moves no function; the cmp below proves it on every build.
KOBJS := $(addprefix $(B)/k/,$(addsuffix .o,$(basename $(KSRCS)))) $(KEXTRA_OBJS)
KLINK = $(LD) -nostdlib -shared -Bsymbolic -znocombreloc -znorelro \
	--no-undefined --orphan-handling=error -T efi/efi.lds \
	$(EFI_CRT0) $(1) $(EFI_RELOC_LIB) -o $@

$(B)/pass1.so: $(KOBJS) efi/efi.lds
	@echo "  LD      $@"
	@$(call KLINK,$(KOBJS))

$(B)/ksyms.S: $(B)/pass1.so $(B)/mksyms
	@echo "  MKSYMS  $@"
	@nm -n --defined-only $< | $(B)/mksyms > $@

$(B)/ksyms.o: $(B)/ksyms.S
	@$(KCC) $(KCFLAGS) -c $< -o $@

$(B)/kernel.so: $(KOBJS) $(B)/ksyms.o efi/efi.lds
	@echo "  LD      $@"
	@$(call KLINK,$(KOBJS) $(B)/ksyms.o)
	@nm -n --defined-only $(B)/pass1.so | grep -i ' t ' > $(B)/pass1.syms
	@nm -n --defined-only $@ | grep -i ' t ' > $(B)/pass2.syms
	@cmp -s $(B)/pass1.syms $(B)/pass2.syms || \
		{ echo "link: the symbol table moved code" >&2; rm -f $@; exit 1; }

$(B)/BOOTX64.EFI: $(B)/kernel.so
	@echo "  OBJCOPY $@"
	@objcopy -j .text -j .reloc -j .rodata -j .data -j .ksyms -j .dynamic \
		-j .dynsym -j .rela --target efi-app-x86_64 --subsystem=10 $< $@
	@echo "image: $@ $$(stat -c %s $@) bytes"

host-tools: $(HOST_TOOLS)

clean:
	rm -rf $(B)

.PHONY: all host-tools clean test unit-test boot-test fuzz-test fuzz demo deps
.DELETE_ON_ERROR:
.SECONDARY:
-include $(shell find $(B) -name '*.d' 2>/dev/null)
