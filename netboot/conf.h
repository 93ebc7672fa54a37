/*
 * What `terrarium netboot` tells its servers: the dnsmasq configuration
 * (DHCP or proxy-DHCP, TFTP, which client gets which boot file), the
 * lighttpd configuration, and the iPXE script that chains to the image
 * with its command line.  Pure text generation, and the checks of what
 * the user gives that ends up in that text.
 *
 * Who gets what (DESIGN.md, "Network boot"):
 *   UEFI PXE client (client arch 7 or 9)  -> iPXE (snponly.efi) by TFTP
 *   UEFI HTTP Boot client (HTTPClient)    -> iPXE by HTTP, with option 60
 *   iPXE (user class "iPXE")              -> the script by HTTP, which
 *                                            chains to the image by HTTP
 * iPXE is told apart by its user class, so it never gets itself again.
 * Without iPXE (--no-ipxe) the firmware fetches the image directly, by
 * TFTP or HTTP, and it starts with no command line.
 */
#ifndef NETBOOT_CONF_H
#define NETBOOT_CONF_H

#include <stddef.h>
#include <stdio.h>
#include <netinet/in.h>

/* Names of the served files in the HTTP and TFTP root. */
#define NETBOOT_IMAGE_FILE	"BOOTX64.EFI"
#define NETBOOT_IPXE_FILE	"snponly.efi"
#define NETBOOT_SCRIPT_FILE	"boot.ipxe"

/* Longest command line an iPXE script line carries here. */
#define NETBOOT_CMDLINE_MAX	1024

/* A machine's own command line. */
struct netboot_host {
	unsigned char mac[6];
	const char *cmdline;
};

struct netboot_conf {
	const char *interface;
	struct in_addr addr;		/* the server's address on it */
	struct in_addr netmask;
	int proxy;			/* proxy-DHCP beside another server */
	int ipxe;			/* chain through iPXE */
	struct in_addr first, last;	/* DHCP pool (not with proxy) */
	unsigned http_port;
	const char *root;		/* directory served by HTTP and TFTP */
	const char *leases;		/* dnsmasq's lease file */
	const char *cmdline;		/* for every machine; NULL: none */
	const struct netboot_host *hosts;
	size_t nhosts;
	int verbose;			/* dnsmasq logs every DHCP option */
};

/*
 * Checks that text can travel as a kernel command line in an iPXE script:
 * printable ASCII, no "${" expansion sign "$", no "&&" or "||" word, at
 * most NETBOOT_CMDLINE_MAX bytes.  Returns NULL, or a phrase saying what
 * is wrong ("has a '$', which iPXE would expand").
 */
const char *netboot_cmdline_problem(const char *text);

/*
 * Parses "MAC=TEXT" (MAC as six hex pairs separated by ':' or '-') into
 * h; h->cmdline points into arg.  Returns NULL, or a phrase saying what is
 * wrong.
 */
const char *netboot_parse_host(const char *arg, struct netboot_host *h);

/*
 * Parses "FIRST,LAST" into two addresses of the subnet addr/mask, first
 * <= last, neither the network, the broadcast nor addr itself.  Returns
 * NULL, or a phrase saying what is wrong.
 */
const char *netboot_parse_range(const char *arg, struct in_addr addr,
    struct in_addr mask, struct in_addr *first, struct in_addr *last);

/*
 * Picks a DHCP pool in addr's subnet: the half of it that does not hold
 * addr, less the network and broadcast addresses.  Returns 0, or -1 when
 * the subnet is smaller than a /29.
 */
int netboot_default_range(struct in_addr addr, struct in_addr mask,
    struct in_addr *first, struct in_addr *last);

/*
 * Checks that a path can be written into the configuration files as it
 * is: no quote, backslash, comma, '#', white space or control character.
 * Returns 0, or -1.
 */
int netboot_path_ok(const char *path);

/* Writes dnsmasq's configuration for c to f.  Returns 0, or -1 on a write
   error. */
int netboot_write_dnsmasq(FILE *f, const struct netboot_conf *c);

/* Writes lighttpd's configuration for c to f.  Returns 0, or -1. */
int netboot_write_lighttpd(FILE *f, const struct netboot_conf *c);

/* Writes the iPXE script for c to f.  Returns 0, or -1. */
int netboot_write_script(FILE *f, const struct netboot_conf *c);

/* Formats mac as iPXE prints ${mac}: "52:54:00:12:34:56". */
void netboot_format_mac(const unsigned char mac[6], char out[18]);

#endif
