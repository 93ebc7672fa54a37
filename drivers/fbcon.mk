# drivers/fbcon.mk: the framebuffer console, its parser and its font, and
# the host tools that render and check console screenshots.
#
# The font is generated at build time from Debian's console-setup-linux
# package (mk/deps.sh installs it); no font file is kept in the tree.

KSRCS += drivers/fbcon.c drivers/ansi.c drivers/font/font.c drivers/font/utf8.c

FONT_PSF := /usr/share/consolefonts/Uni2-VGA16.psf.gz
FONT_GEN := $(B)/gen/font.c

$(B)/mkfont: $(B)/host/drivers/font/mkfont.o $(B)/host/drivers/font/psf.o \
		$(B)/host/drivers/font/utf8.o $(B)/host/compiler/readall.o
	@echo "  LINK    $@"
	@$(CC) $(HLDFLAGS) $^ -o $@

$(FONT_GEN): $(B)/mkfont | $(DEPS)
	@mkdir -p $(dir $@)
	@echo "  MKFONT  $@"
	@gzip -dc $(FONT_PSF) | $(B)/mkfont > $@.tmp
	@mv $@.tmp $@

# The generated font, for the image (the Makefile links KEXTRA_OBJS), and
# for host programs through the generic host rule, which compiles it to
# $(B)/host/$(FONT_GEN:.c=.o).
$(B)/k/gen/font.o: $(FONT_GEN)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(KCC) $(KCFLAGS) -c $< -o $@
KEXTRA_OBJS += $(B)/k/gen/font.o

FBCON_SRCS := drivers/fbcon.c drivers/ansi.c drivers/font/font.c \
	drivers/font/utf8.c $(FONT_GEN)
FBCON_HOST_OBJS := $(addprefix $(B)/host/,$(FBCON_SRCS:.c=.o))

$(B)/fbrender: $(B)/host/tests/harness/fbrender.o $(FBCON_HOST_OBJS)
	@echo "  LINK    $@"
	@$(CC) $(HLDFLAGS) $^ -o $@

$(B)/fbcheck: $(B)/host/tests/harness/fbcheck.o $(B)/host/drivers/font/font.o \
		$(B)/host/drivers/font/utf8.o $(B)/host/$(FONT_GEN:.c=.o) \
		$(B)/host/compiler/readall.o
	@echo "  LINK    $@"
	@$(CC) $(HLDFLAGS) $^ -o $@

HOST_TOOLS += $(B)/mkfont $(B)/fbrender $(B)/fbcheck

UNIT_TESTS += psf ansi fbcon
UNIT_SRCS_psf := drivers/font/psf.c drivers/font/utf8.c
UNIT_SRCS_ansi := drivers/ansi.c drivers/font/utf8.c
UNIT_SRCS_fbcon := $(FBCON_SRCS)

FUZZ_TARGETS += psf ansi
FUZZ_SRCS_psf := drivers/font/psf.c drivers/font/utf8.c
FUZZ_SRCS_ansi := $(FBCON_SRCS)

# test_fbtools runs the two tools as commands.
UNIT_TESTS += fbtools
UNIT_SRCS_fbtools :=
$(B)/tests/test_fbtools: | $(B)/fbrender $(B)/fbcheck
