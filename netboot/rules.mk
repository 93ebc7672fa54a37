# netboot/: PXE and HTTP boot (dnsmasq, lighttpd, iPXE configuration).
