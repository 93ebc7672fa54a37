# soil/ocaml/: the OCaml library Soil, installed for ocamlfind as `soil`
# twice, with the same OCaml objects: in $(LIBDIR)/ocaml/soil with its C
# stubs built with musl-gcc (for images; terrarium build puts
# $(LIBDIR)/ocaml on OCAMLPATH) and in $(B)/lib/linux/ocaml/soil with
# them built with gcc (for Linux executables:
# OCAMLPATH=$(B)/lib/linux/ocaml ocamlfind ocamlopt -package soil ...).

SOIL_PKG := $(B)/lib/terrarium/ocaml/soil
SOIL_LINUX_PKG := $(B)/lib/linux/ocaml/soil
SOIL_OBJ := $(B)/soil-ocaml
SOIL_STUB_SRCS := soil/ocaml/time_stubs.c soil/ocaml/console_stubs.c \
	soil/ocaml/machine_stubs.c
SOIL_PKG_FILES := META soil.mli soil.cmi soil.cmx soil.cmxa soil.a \
	libsoil_stubs.a

# Warnings are errors, as in C; 4, 40-42, 44, 45, 70: fragile matches,
# disambiguation, open shadowing, missing .mli files are allowed.
SOIL_OCAMLFLAGS := -g -strict-sequence -w +a-4-40-41-42-44-45-70 -warn-error +a
SOIL_STUB_CFLAGS := -std=gnu11 -O2 -g -fPIC $(WARN) -I. -DCAML_NAME_SPACE \
	-isystem /usr/lib/ocaml

# What building a Soil program needs: as an image, and for Linux.
SOIL_IMAGE_DEPS := $(B)/terrarium $(addprefix $(B)/lib/terrarium/,mksyms \
	efi.lds libterrarium.a) $(OCAML_LIBS) \
	$(addprefix $(SOIL_PKG)/,$(SOIL_PKG_FILES))
SOIL_LINUX_DEPS := $(addprefix $(SOIL_LINUX_PKG)/,$(SOIL_PKG_FILES))

# $(call soil_image,PACKAGES,SOURCE,OUT): SOURCE built as the image OUT.
soil_image = $(B)/terrarium build -q -package $(1) -o $(3) $(2)
# $(call soil_linux,PACKAGES,SOURCE,OUT): SOURCE built as the Linux
# executable OUT, in two steps so that the compiler's files go beside OUT.
soil_linux = OCAMLPATH=$(abspath $(B)/lib/linux/ocaml) ocamlfind ocamlopt \
	$(SOIL_OCAMLFLAGS) -package $(1) -c -o $(3).cmx $(2) && \
	OCAMLPATH=$(abspath $(B)/lib/linux/ocaml) ocamlfind ocamlopt \
	$(SOIL_OCAMLFLAGS) -package $(1) -linkpkg -o $(3) $(3).cmx

all: soil-ocaml
soil-ocaml: $(addprefix $(SOIL_PKG)/,$(SOIL_PKG_FILES)) \
	$(addprefix $(SOIL_LINUX_PKG)/,$(SOIL_PKG_FILES))
.PHONY: soil-ocaml soil-test

$(SOIL_OBJ)/soil.cmi: soil/ocaml/soil.mli | $(DEPS)
	@mkdir -p $(dir $@)
	@echo "  OCAMLC  $<"
	@ocamlfind ocamlopt -package unix,lwt $(SOIL_OCAMLFLAGS) -c -o $@ $<

# ocamlopt writes soil.o beside soil.cmx, and soil.a beside soil.cmxa.
$(SOIL_OBJ)/soil.cmx: soil/ocaml/soil.ml $(SOIL_OBJ)/soil.cmi
	@echo "  OCAMLOPT $<"
	@ocamlfind ocamlopt -package unix,lwt $(SOIL_OCAMLFLAGS) -I $(SOIL_OBJ) \
		-c -o $@ $<

$(SOIL_OBJ)/soil.cmxa: $(SOIL_OBJ)/soil.cmx
	@echo "  OCAMLA  $@"
	@ocamlfind ocamlopt -a -o $@ $< -cclib -lsoil_stubs

$(SOIL_OBJ)/META: soil/ocaml/META.in
	@mkdir -p $(dir $@)
	@sed 's/@VERSION@/$(VERSION)/' $< > $@

$(SOIL_OBJ)/musl/%.o: soil/ocaml/%.c soil/ocaml/soil_stubs.h | $(DEPS)
	@mkdir -p $(dir $@)
	@echo "  MUSLCC  $<"
	@musl-gcc $(SOIL_STUB_CFLAGS) -c $< -o $@

$(SOIL_OBJ)/linux/%.o: soil/ocaml/%.c soil/ocaml/soil_stubs.h | $(DEPS)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(SOIL_STUB_CFLAGS) -c $< -o $@

$(SOIL_PKG)/libsoil_stubs.a: $(patsubst soil/ocaml/%.c,$(SOIL_OBJ)/musl/%.o,$(SOIL_STUB_SRCS))
	@mkdir -p $(dir $@)
	@echo "  AR      $@"
	@rm -f $@ && ar rcs $@ $^

$(SOIL_LINUX_PKG)/libsoil_stubs.a: $(patsubst soil/ocaml/%.c,$(SOIL_OBJ)/linux/%.o,$(SOIL_STUB_SRCS))
	@mkdir -p $(dir $@)
	@echo "  AR      $@"
	@rm -f $@ && ar rcs $@ $^

$(SOIL_PKG)/soil.mli $(SOIL_LINUX_PKG)/soil.mli: soil/ocaml/soil.mli
	@mkdir -p $(dir $@)
	@cp $< $@

$(SOIL_PKG)/soil.a $(SOIL_LINUX_PKG)/soil.a: $(SOIL_OBJ)/soil.cmxa
	@mkdir -p $(dir $@)
	@cp $(SOIL_OBJ)/soil.a $@

$(SOIL_PKG)/%: $(SOIL_OBJ)/%
	@mkdir -p $(dir $@)
	@cp $< $@

$(SOIL_LINUX_PKG)/%: $(SOIL_OBJ)/%
	@mkdir -p $(dir $@)
	@cp $< $@

# The library's tests (tests/soil/run.sh): test_soil and the examples on
# Linux, then the same programs as images, which must print the same.
# tests/soil/keys.ml is the raw-mode key reader, on a Linux pseudo-
# terminal and as an image typed on through the QEMU monitor (tboot).
soil-test: $(B)/tests/soil/test_soil $(B)/tests/soil/test_soil.efi \
		$(B)/tests/soil/keys $(B)/tests/soil/keys.efi $(B)/tboot \
		$(B)/examples/echo $(B)/examples/echo.efi \
		$(B)/examples/hello_async $(B)/examples/hello_async.efi
	@B=$(B) sh tests/soil/run.sh

$(B)/tests/soil/%.efi: tests/soil/%.ml $(SOIL_IMAGE_DEPS)
	@mkdir -p $(dir $@)
	@echo "  IMAGE   $@"
	@$(call soil_image,soil,$<,$@)

$(B)/tests/soil/%: tests/soil/%.ml $(SOIL_LINUX_DEPS)
	@mkdir -p $(dir $@)
	@echo "  OCAMLOPT $@"
	@$(call soil_linux,soil,$<,$@)
