/*
 * The files of one `terrarium netboot` run in its private directory:
 *   www/             served by HTTP (lighttpd) and TFTP (dnsmasq): the
 *                    image, iPXE, the iPXE script
 *   dnsmasq.conf, lighttpd.conf, leases
 * The servers drop root for users of their own, so everything is
 * readable by all.
 */
#ifndef NETBOOT_SETUP_H
#define NETBOOT_SETUP_H

#include "netboot/conf.h"

/* Where the iPXE binary for chainloading comes from (Debian's ipxe). */
#define NETBOOT_IPXE_SOURCE	"/usr/lib/ipxe/snponly.efi"

/* Paths inside a run's directory. */
struct netboot_paths {
	char *www, *dnsmasq_conf, *lighttpd_conf, *leases;
};

/*
 * Fills p for the directory dir.  Returns 0, or -1 when out of memory
 * (said).
 */
int netboot_paths(const char *dir, struct netboot_paths *p);

/* Frees the strings of p. */
void netboot_paths_free(struct netboot_paths *p);

/*
 * Writes the run's files for c (whose root and leases are p's) into dir:
 * a copy of image, of iPXE when c->ipxe, the script and both
 * configurations.  Returns 0, or -1 (said on stderr).
 */
int netboot_setup(const char *dir, const struct netboot_paths *p,
    const struct netboot_conf *c, const char *image);

#endif
