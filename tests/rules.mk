# tests/: host unit tests, fuzz regressions, QEMU/OVMF boot tests.
#
# A unit test NAME is tests/unit/test_NAME.c linked with UNIT_SRCS_NAME.
# A fuzz target NAME is tests/fuzz/fuzz_NAME.c linked with FUZZ_SRCS_NAME,
# run over tests/fuzz/corpus/NAME/ plus deterministic mutations.

-include tests/harness/rules.mk

UNIT_BINS := $(foreach t,$(UNIT_TESTS),$(B)/tests/test_$(t))
FUZZ_BINS := $(foreach t,$(FUZZ_TARGETS),$(B)/tests/fuzz_$(t))

host_objs = $(addprefix $(B)/host/,$(addsuffix .o,$(basename $(1))))

.SECONDEXPANSION:
$(B)/tests/test_%: $(B)/host/tests/unit/test_%.o $$(call host_objs,$$(UNIT_SRCS_$$*))
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $(HLDFLAGS) $^ -o $@

$(B)/tests/fuzz_%: $(B)/host/tests/fuzz/fuzz_%.o $(B)/host/tests/fuzz/driver.o \
		$$(call host_objs,$$(FUZZ_SRCS_$$*))
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $(HLDFLAGS) $^ -o $@

unit-test: $(UNIT_BINS)
	@sh tests/unit/run.sh $(UNIT_BINS)

fuzz-test: $(FUZZ_BINS)
	@B=$(B) sh tests/fuzz/run.sh $(FUZZ_TARGETS)

test: unit-test fuzz-test runtime-test cli-test boot-test image-test netboot-test \
	soil-test

boot-test: $(B)/BOOTX64.EFI $(B)/tboot $(B)/fbrender $(B)/fbcheck
	@B=$(B) sh tests/boot/run.sh $(B)/BOOTX64.EFI $(VERSION)

# make bench: figures, each with a ratio against a baseline measured in the
# same run; never fails on an absolute time.  One script per area.
BENCH_SCRIPTS += tests/bench/ocaml.sh
bench: all
	@for s in $(BENCH_SCRIPTS); do B=$(B) sh $$s || exit 1; done

# make demo: the echo example booted as a USB stick boots it (a FAT disk,
# no load options), the screen in a window when there is a display.
demo: $(B)/examples/echo.efi $(B)/tboot
	@$(B)/tboot --efi $(B)/examples/echo.efi --cpu max --display-if-available \
		--timeout 0

# make fuzz: every target under clang's libFuzzer for FUZZ_SECONDS each,
# starting from its seeds; new inputs go to build/fuzz/NAME/.
FUZZ_SECONDS ?= 60
LIBFUZZER_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -I. -DTERRARIUM_HOST

$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $$(FUZZ_SRCS_$$*)
	@sh mk/deps.sh clang libclang-rt-14-dev
	@mkdir -p $(dir $@)
	@echo "  CLANG   $@"
	@clang $(LIBFUZZER_FLAGS) $^ -o $@

fuzz: $(foreach t,$(FUZZ_TARGETS),$(B)/fuzz/fuzz_$(t))
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(B)/fuzz/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		$(B)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
			$(B)/fuzz/$$t tests/fuzz/corpus/$$t 2>$(B)/fuzz/$$t.log || \
			{ tail -n 40 $(B)/fuzz/$$t.log; exit 1; }; \
	done

# OCaml programs built for Linux and with terrarium must print the same
# bytes: the corpus (tests/ocaml/README.md; ocaml-test-native runs its Linux
# half alone) and OCaml's own testsuite (tests/ocaml-testsuite/README.md,
# long, so not part of make test).
OCAML_TEST_DEPS = $(B)/terrarium $(LIBDIR)/mksyms $(LIBDIR)/efi.lds \
	$(LIBDIR)/libterrarium.a $(OCAML_LIBS)
.PHONY: ocaml-test ocaml-test-native ocaml-testsuite
test: ocaml-test
ocaml-test: $(OCAML_TEST_DEPS)
	@B=$(B) sh tests/ocaml/run.sh

ocaml-test-native:
	@B=$(B) sh tests/ocaml/run.sh --native-only

ocaml-testsuite: $(OCAML_TEST_DEPS)
	@B=$(B) sh tests/ocaml-testsuite/run.sh

# The idle loop halts: QEMU's CPU time while an OCaml program sleeps, against
# a busy baseline in the same boot, and the sleep's accuracy
# (tests/idle/run.sh).
.PHONY: idle-test
test: idle-test
idle-test: $(OCAML_TEST_DEPS) $(B)/tboot
	@B=$(B) sh tests/idle/run.sh

# Console input: keys through the QEMU monitor and bytes on COM1 reach
# OCaml programs through the terminal's line discipline (tests/tty/run.sh).
.PHONY: tty-test
test: tty-test
tty-test: $(OCAML_TEST_DEPS) $(B)/tboot $(B)/fbrender $(B)/fbcheck \
		$(B)/examples/echo.efi
	@B=$(B) sh tests/tty/run.sh

# The event syscalls from OCaml (pipes, select, EOF, EPIPE, EBADF) print
# the same as on Linux; waits halt; Ctrl-C interrupts them
# (tests/events/run.sh): two boots.
.PHONY: events-test
test: events-test
events-test: $(OCAML_TEST_DEPS) $(B)/tboot
	@B=$(B) sh tests/events/run.sh
