# images/: bootable disk images for USB sticks and disks (GPT + one EFI
# System Partition) and ISO images; `terrarium image` (compiler/cmd_image.c)
# drives them.  compiler/sbinpath.c is listed here once for both of the
# commands that run tools from /usr/sbin (image, netboot).
TERRARIUM_SRCS += compiler/cmd_image.c compiler/sbinpath.c images/image.c \
	images/esp.c images/disk.c images/iso.c images/gpt.c images/crc32.c \
	images/pe.c

UNIT_TESTS += gpt pe
UNIT_SRCS_gpt := images/gpt.c images/crc32.c
UNIT_SRCS_pe := images/pe.c
FUZZ_TARGETS += pe
FUZZ_SRCS_pe := images/pe.c

# GPT and FAT checked by Debian's tools, then booted by QEMU+OVMF as a
# disk, a USB stick and a CD.
image-test: $(B)/BOOTX64.EFI $(B)/terrarium $(B)/tboot
	@B=$(B) sh tests/image/run.sh $(B)/BOOTX64.EFI

.PHONY: image-test
