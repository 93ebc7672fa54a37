# examples/: programs written against Soil, each built twice from the same
# source: as an image, $(B)/examples/NAME.efi (terrarium build, so the
# soil package of the libdir, stubs built with musl), and as a Linux
# executable, $(B)/examples/NAME (ocamlfind against the Linux build of
# soil); see soil/ocaml/rules.mk.  examples/dune-hello is built by the
# commands of its README.

EXAMPLES := echo hello_async
EXAMPLE_PACKAGES_echo := soil,unix
EXAMPLE_PACKAGES_hello_async := soil,base,cmdliner

all: examples
examples: $(foreach e,$(EXAMPLES),$(B)/examples/$(e).efi $(B)/examples/$(e))
.PHONY: examples

$(B)/examples/%.efi: examples/%/$$*.ml $(SOIL_IMAGE_DEPS)
	@mkdir -p $(dir $@)
	@echo "  IMAGE   $@"
	@$(call soil_image,$(EXAMPLE_PACKAGES_$*),$<,$@)

$(B)/examples/%: examples/%/$$*.ml $(SOIL_LINUX_DEPS)
	@mkdir -p $(dir $@)
	@echo "  OCAMLOPT $@"
	@$(call soil_linux,$(EXAMPLE_PACKAGES_$*),$<,$@)
