# efi/: the UEFI stage (runs before ExitBootServices).
KSRCS += efi/main.c efi/enter.S efi/loadopt.c efi/memmap.c efi/gopmode.c

UNIT_TESTS += loadopt memmap gopmode
UNIT_SRCS_loadopt := efi/loadopt.c
UNIT_SRCS_memmap := efi/memmap.c
UNIT_SRCS_gopmode := efi/gopmode.c
FUZZ_TARGETS += loadopt
FUZZ_SRCS_loadopt := efi/loadopt.c
