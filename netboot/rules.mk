# netboot/: PXE and HTTP boot (dnsmasq, lighttpd, iPXE configuration).
TERRARIUM_SRCS += compiler/cmd_netboot.c netboot/conf.c netboot/parse.c \
	netboot/host.c netboot/serve.c netboot/setup.c

UNIT_TESTS += netboot
UNIT_SRCS_netboot := netboot/conf.c netboot/parse.c
FUZZ_TARGETS += netboot
FUZZ_SRCS_netboot := netboot/conf.c netboot/parse.c

# QEMU+OVMF machines with no disk boot the image from terrarium netboot in
# a network namespace the test builds (needs root).
netboot-test: $(B)/BOOTX64.EFI $(B)/terrarium $(B)/tboot
	@B=$(B) sh tests/netboot/run.sh $(B)/BOOTX64.EFI

# Time from QEMU's start to the image's first line, disk and network paths.
BENCH_SCRIPTS += tests/bench/boot_paths.sh

.PHONY: netboot-test
