/*
 * The configuration files of `terrarium netboot`'s servers and the iPXE
 * script (see conf.h).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include "netboot/conf.h"

#define SETTING	"terrarium_cmdline"	/* iPXE setting holding it */

static const char header[] =
"# Written by terrarium netboot for one run; removed when it stops.\n";

/* The address a as text in buf. */
static const char *ip(struct in_addr a, char buf[INET_ADDRSTRLEN])
{
	return inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN);
}

/* Writes the lines that hand out boot files in proxy-DHCP mode. */
static void proxy_boot(FILE *f, const struct netboot_conf *c, const char *url)
{
	static const char *const arches[] = { "x86-64_EFI", "BC_EFI" };
	const char *file = c->ipxe ? NETBOOT_IPXE_FILE : NETBOOT_IMAGE_FILE;
	size_t i;

	/* The other server gives addresses; this one answers PXE clients
	   with a one-entry menu, which they boot without asking. */
	for (i = 0; i < sizeof(arches) / sizeof(arches[0]); i++) {
		if (!c->ipxe) {
			fprintf(f, "pxe-service=%s,\"Terrarium\",%s\n",
			    arches[i], file);
			continue;
		}
		fprintf(f, "pxe-service=tag:!ipxe,%s,\"Terrarium\",%s\n",
		    arches[i], file);
		fprintf(f, "pxe-service=tag:ipxe,%s,\"Terrarium\",%s/%s\n",
		    arches[i], url, NETBOOT_SCRIPT_FILE);
	}
}

/* Writes the lines that hand out boot files with full DHCP. */
static void dhcp_boot(FILE *f, const struct netboot_conf *c, const char *url)
{
	const char *file = c->ipxe ? NETBOOT_IPXE_FILE : NETBOOT_IMAGE_FILE;

	if (c->ipxe) {
		/* iPXE's no-pxedhcp (option 175.176): no 2 s wait for a
		   ProxyDHCP offer that will not come. */
		fprintf(f, "dhcp-option-force=tag:ipxe,encap:175,176,1\n");
		fprintf(f, "dhcp-boot=tag:ipxe,%s/%s\n", url,
		    NETBOOT_SCRIPT_FILE);
		fprintf(f, "dhcp-boot=tag:efi64,tag:!ipxe,%s\n", file);
		fprintf(f, "dhcp-boot=tag:httpboot,tag:!ipxe,%s/%s\n", url,
		    file);
	} else {
		fprintf(f, "dhcp-boot=tag:efi64,%s\n", file);
		fprintf(f, "dhcp-boot=tag:httpboot,%s/%s\n", url, file);
	}
	/* UEFI HTTP Boot ignores an offer without vendor class HTTPClient. */
	fprintf(f, "dhcp-option-force=tag:httpboot,60,HTTPClient\n");
}

/* Writes dnsmasq's configuration; see conf.h. */
int netboot_write_dnsmasq(FILE *f, const struct netboot_conf *c)
{
	char a[INET_ADDRSTRLEN], b[INET_ADDRSTRLEN], m[INET_ADDRSTRLEN];
	char url[64];
	struct in_addr net;

	snprintf(url, sizeof(url), "http://%s:%u", ip(c->addr, a),
	    c->http_port);
	fputs(header, f);
	fprintf(f, "# DHCP and TFTP only, on %s alone.\n"
	    "port=0\nno-resolv\nno-hosts\ninterface=%s\nbind-interfaces\n"
	    "pid-file=\ndhcp-leasefile=%s\n", c->interface, c->interface,
	    c->leases);
	if (c->proxy) {
		net.s_addr = c->addr.s_addr & c->netmask.s_addr;
		fprintf(f, "dhcp-range=%s,proxy,%s\n", ip(net, a),
		    ip(c->netmask, m));
	} else {
		fprintf(f, "dhcp-range=%s,%s,%s,1h\n", ip(c->first, a),
		    ip(c->last, b), ip(c->netmask, m));
	}
	fprintf(f, "enable-tftp\ntftp-root=%s\n", c->root);
	fprintf(f, "# x86-64 UEFI firmware says client architecture 7 or 9 "
	    "(RFC 4578), UEFI\n# HTTP Boot vendor class HTTPClient, iPXE user "
	    "class iPXE: iPXE gets the\n# script, never iPXE again.\n"
	    "dhcp-match=set:efi64,option:client-arch,7\n"
	    "dhcp-match=set:efi64,option:client-arch,9\n"
	    "dhcp-vendorclass=set:httpboot,HTTPClient\n"
	    "dhcp-userclass=set:ipxe,iPXE\n");
	if (c->proxy)
		proxy_boot(f, c, url);
	else
		dhcp_boot(f, c, url);
	if (c->verbose)
		fputs("log-dhcp\n", f);
	return ferror(f) ? -1 : 0;
}

/* Writes lighttpd's configuration; see conf.h. */
int netboot_write_lighttpd(FILE *f, const struct netboot_conf *c)
{
	char a[INET_ADDRSTRLEN];

	fputs(header, f);
	fprintf(f, "server.document-root = \"%s\"\n"
	    "server.bind = \"%s\"\n"
	    "server.port = %u\n"
	    "server.username = \"www-data\"\n"
	    "server.groupname = \"www-data\"\n"
	    "mimetype.assign = ( \".ipxe\" => \"text/plain\", "
	    "\"\" => \"application/octet-stream\" )\n"
	    "# A client asking for another file is worth a line.\n"
	    "debug.log-file-not-found = \"enable\"\n",
	    c->root, ip(c->addr, a), c->http_port);
	return ferror(f) ? -1 : 0;
}

/* Writes the line that gives SETTING the command line text. */
static void set_line(FILE *f, const char *text)
{
	if (text && *text)
		fprintf(f, "set %s %s", SETTING, text);
	else
		fprintf(f, "clear %s", SETTING);
}

/* Writes the iPXE script; see conf.h. */
int netboot_write_script(FILE *f, const struct netboot_conf *c)
{
	char a[INET_ADDRSTRLEN], mac[18];
	size_t i;

	fprintf(f, "#!ipxe\n"
	    "# Written by terrarium netboot: boots the image with this "
	    "machine's command\n# line (chosen by MAC address) or the "
	    "default one.\n");
	set_line(f, c->cmdline);
	fputc('\n', f);
	for (i = 0; i < c->nhosts; i++) {
		netboot_format_mac(c->hosts[i].mac, mac);
		fprintf(f, "iseq ${netX/mac} %s && ", mac);
		set_line(f, c->hosts[i].cmdline);
		fputs(" ||\n", f);
	}
	fprintf(f, "echo Terrarium: booting %s with command line "
	    "\"${%s}\"\n", NETBOOT_IMAGE_FILE, SETTING);
	fprintf(f, "chain http://%s:%u/%s ${%s}\n", ip(c->addr, a),
	    c->http_port, NETBOOT_IMAGE_FILE, SETTING);
	return ferror(f) ? -1 : 0;
}
