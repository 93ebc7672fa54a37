# images/: bootable disk images for USB sticks and disks (GPT + one EFI
# System Partition); `terrarium image` (compiler/cmd_image.c) drives them.
UNIT_TESTS += gpt pe
UNIT_SRCS_gpt := images/gpt.c images/crc32.c
UNIT_SRCS_pe := images/pe.c
FUZZ_TARGETS += pe
FUZZ_SRCS_pe := images/pe.c
