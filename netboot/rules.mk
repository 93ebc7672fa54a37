# netboot/: PXE and HTTP boot (dnsmasq, lighttpd, iPXE configuration).
TERRARIUM_SRCS += compiler/cmd_netboot.c netboot/conf.c netboot/parse.c \
	netboot/host.c netboot/serve.c netboot/setup.c
