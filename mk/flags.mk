# Compiler flags shared by every subsystem.

KCC := gcc
CC := gcc
LD := ld

EFI_INC := /usr/include/efi
EFI_CRT0 := /usr/lib/crt0-efi-x86_64.o
EFI_RELOC_LIB := /usr/lib/libgnuefi.a

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes

# Kernel code: freestanding, position independent (the image relocates
# itself), no red zone (interrupts and firmware calls land on the current
# stack), general registers only (a syscall must not touch the caller's
# xmm registers), frame pointers for the crash backtrace.
KCFLAGS := -std=gnu11 -O2 -g $(WARN) -ffreestanding -fPIC -fvisibility=hidden \
	-fno-stack-protector -fno-strict-aliasing -fno-omit-frame-pointer \
	-fno-delete-null-pointer-checks -fno-asynchronous-unwind-tables \
	-fno-unwind-tables -fno-tree-loop-distribute-patterns -mno-red-zone -mgeneral-regs-only -mcmodel=small \
	-I. -DTERRARIUM_VERSION='"$(VERSION)"'

# efi/ code includes gnu-efi's headers and calls the firmware directly
# with the Microsoft ABI.
KCFLAGS_efi := -fshort-wchar -DGNU_EFI_USE_MS_ABI -maccumulate-outgoing-args \
	-isystem $(EFI_INC) -isystem $(EFI_INC)/x86_64

# Host code: tools and unit tests, with sanitizers so a parser bug shows.
HCFLAGS := -std=gnu11 -O1 -g $(WARN) -I. -DTERRARIUM_HOST -DTERRARIUM_VERSION='"$(VERSION)"' \
	-fsanitize=address,undefined -fno-sanitize-recover=all
HLDFLAGS := -fsanitize=address,undefined
