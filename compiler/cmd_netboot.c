/*
 * terrarium netboot: this machine becomes the network boot server of the
 * machines on one interface, until Ctrl-C.  The options and checks are
 * here; the servers' configuration is netboot/conf.c, their files
 * netboot/setup.c, running them netboot/serve.c.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compiler/commands.h"
#include "compiler/opts.h"
#include "compiler/sbinpath.h"
#include "compiler/tmpdir.h"
#include "images/pe.h"
#include "netboot/conf.h"
#include "netboot/host.h"
#include "netboot/serve.h"
#include "netboot/setup.h"

#define DEFAULT_HTTP_PORT	8080
#define MAX_HOSTS		256
#define DHCP_PORT		67
#define TFTP_PORT		69
#define PXE_PORT		4011	/* proxy-DHCP's boot server */

enum { O_INTERFACE = 1, O_IMAGE, O_CMDLINE, O_MAC_CMDLINE, O_PROXY, O_RANGE,
	O_HTTP_PORT, O_NO_IPXE, O_VERBOSE, O_HELP };

static const struct opt opts[] = {
	{ O_INTERFACE, "interface", 'i', "IF", "the network interface the "
	    "machines are on (required);\nit needs an IPv4 address" },
	{ O_IMAGE, "image", 0, "IMG", "the UEFI image to boot (required)" },
	{ O_CMDLINE, "cmdline", 0, "TEXT", "the image's command line on every "
	    "machine (it\ntravels in the iPXE script)" },
	{ O_MAC_CMDLINE, "mac-cmdline", 0, "MAC=TEXT", "the command line of "
	    "the machine with this MAC\naddress; repeatable" },
	{ O_PROXY, "proxy-dhcp", 0, NULL, "leave addresses to the network's "
	    "DHCP server and\nanswer network boot requests only (UEFI PXE)" },
	{ O_RANGE, "range", 0, "FIRST,LAST", "the addresses to hand out "
	    "(default: the half\nof IF's subnet without IF's address)" },
	{ O_HTTP_PORT, "http-port", 0, "PORT", "the HTTP server's port "
	    "(default 8080)" },
	{ O_NO_IPXE, "no-ipxe", 0, NULL, "no iPXE: firmware fetches the image "
	    "itself, by\nTFTP (PXE) or HTTP (HTTP Boot), and it starts\nwith "
	    "no command line" },
	{ O_VERBOSE, "verbose", 'v', NULL, "dnsmasq logs every DHCP option" },
	{ O_HELP, "help", 'h', NULL, "this text" },
	{ 0, NULL, 0, NULL, NULL },
};

static const char usage[] =
"usage: terrarium netboot --interface IF --image IMAGE.efi [--proxy-dhcp]\n"
"                         [--cmdline TEXT] [--mac-cmdline MAC=TEXT ...]\n";

static const char about[] =
"Makes this machine the network boot server of the machines on IF, until\n"
"Ctrl-C: dnsmasq answers DHCP (or proxy-DHCP) and TFTP, lighttpd serves\n"
"HTTP.  UEFI PXE clients get iPXE by TFTP, UEFI HTTP Boot clients get it\n"
"by HTTP; iPXE then boots the image by HTTP with its command line.  Runs\n"
"as root (DHCP and TFTP use privileged ports); Debian's dnsmasq-base,\n"
"lighttpd and ipxe packages provide the servers and iPXE.\n";

static const char footer[] =
"On each machine, enable network boot in the firmware setup (UEFI PXE or\n"
"HTTP Boot over IPv4, the network stack on) and put it first in the boot\n"
"order.\n"
"Exit status: 0 stopped by Ctrl-C or SIGTERM, 1 it failed (said why),\n"
"2 a usage mistake.\n";

/* The command line and what it asks for. */
struct args {
	const char *image, *range;
	struct netboot_conf conf;
	struct netboot_host hosts[MAX_HOSTS];
};

/* Parses a TCP port.  Returns 0, or -1. */
static int parse_port(const char *v, unsigned *port)
{
	unsigned long n;
	char *end;

	n = strtoul(v, &end, 10);
	if (end == v || *end || n == 0 || n > 65535)
		return -1;
	*port = (unsigned)n;
	return 0;
}

/* Adds a --mac-cmdline.  Returns 0, or a usage error's status. */
static int add_host(struct opt_state *s, struct args *a, const char *v)
{
	struct netboot_host *h = &a->hosts[a->conf.nhosts];
	const char *why;
	size_t i;

	if (a->conf.nhosts == MAX_HOSTS)
		return opt_usage_error(s, "at most %d --mac-cmdline",
		    MAX_HOSTS);
	why = netboot_parse_host(v, h);
	if (why)
		return opt_usage_error(s, "--mac-cmdline %s %s", v, why);
	why = netboot_cmdline_problem(h->cmdline);
	if (why)
		return opt_usage_error(s, "the command line of --mac-cmdline "
		    "%s %s", v, why);
	for (i = 0; i < a->conf.nhosts; i++)
		if (!memcmp(a->hosts[i].mac, h->mac, 6))
			return opt_usage_error(s, "--mac-cmdline names one MAC "
			    "address twice (%s)", v);
	a->conf.nhosts++;
	return 0;
}

/* Parses the options into a.  Returns -1 to go on, or an exit status. */
static int parse(struct args *a, int argc, char **argv)
{
	struct opt_state s;
	const char *v, *why;
	int id, r;

	opt_init(&s, "terrarium netboot", opts, argc, argv);
	while ((id = opt_next(&s, &v)) != OPT_DONE) {
		switch (id) {
		case OPT_ERROR:
			return EXIT_USAGE;
		case OPT_OPERAND:
			return opt_usage_error(&s, "unexpected %s (the image "
			    "goes after --image)", v);
		case O_INTERFACE:
			a->conf.interface = v;
			break;
		case O_IMAGE:
			a->image = v;
			break;
		case O_CMDLINE:
			why = netboot_cmdline_problem(v);
			if (why)
				return opt_usage_error(&s, "--cmdline %s", why);
			a->conf.cmdline = v;
			break;
		case O_MAC_CMDLINE:
			r = add_host(&s, a, v);
			if (r)
				return r;
			break;
		case O_PROXY:
			a->conf.proxy = 1;
			break;
		case O_RANGE:
			a->range = v;
			break;
		case O_HTTP_PORT:
			if (parse_port(v, &a->conf.http_port) < 0)
				return opt_usage_error(&s, "--http-port wants "
				    "a port from 1 to 65535, not %s", v);
			break;
		case O_NO_IPXE:
			a->conf.ipxe = 0;
			break;
		case O_VERBOSE:
			a->conf.verbose = 1;
			break;
		case O_HELP:
			opt_help(stdout, usage, about, opts, footer);
			return 0;
		}
	}
	if (s.next < argc)
		return opt_usage_error(&s, "unexpected %s", argv[s.next]);
	if (!a->conf.interface)
		return opt_usage_error(&s, "no --interface given");
	if (!a->image)
		return opt_usage_error(&s, "no --image given");
	if (!a->conf.ipxe && (a->conf.cmdline || a->conf.nhosts))
		return opt_usage_error(&s, "a command line travels through "
		    "iPXE: --cmdline and --mac-cmdline do not go with "
		    "--no-ipxe");
	if (a->range && a->conf.proxy)
		return opt_usage_error(&s, "--range does not go with "
		    "--proxy-dhcp (the other DHCP server hands out the "
		    "addresses)");
	if (netboot_path_ok(a->conf.interface) < 0)
		return opt_usage_error(&s, "the interface name %s has a "
		    "character dnsmasq's configuration cannot hold",
		    a->conf.interface);
	return -1;
}

/* Whether the program name is in PATH. */
static int in_path(const char *name)
{
	const char *path = getenv("PATH"), *p, *colon;
	char file[4096];

	for (p = path ? path : ""; *p; p = *colon ? colon + 1 : colon) {
		colon = strchrnul(p, ':');
		snprintf(file, sizeof(file), "%.*s/%s", (int)(colon - p), p,
		    name);
		if (access(file, X_OK) == 0)
			return 1;
	}
	return 0;
}

/* Checks the tools of the servers.  Returns 0, or -1 (said). */
static int check_tools(const struct netboot_conf *c)
{
	static const char *const tools[][2] = {
		{ "dnsmasq", "dnsmasq-base" }, { "lighttpd", "lighttpd" },
	};
	size_t i;

	for (i = 0; i < sizeof(tools) / sizeof(tools[0]); i++)
		if (!in_path(tools[i][0])) {
			fprintf(stderr, "terrarium: %s is not installed "
			    "(Debian package %s)\n", tools[i][0], tools[i][1]);
			return -1;
		}
	if (c->ipxe && access(NETBOOT_IPXE_SOURCE, R_OK) < 0) {
		fprintf(stderr, "terrarium: %s is missing (Debian package "
		    "ipxe)\n", NETBOOT_IPXE_SOURCE);
		return -1;
	}
	return 0;
}

/* Finds the interface, the pool and free ports.  Returns 0, or -1. */
static int check_network(struct args *a)
{
	struct netboot_conf *c = &a->conf;
	const char *why;

	if (host_interface(c->interface, &c->addr, &c->netmask) < 0)
		return -1;
	if (a->range) {
		why = netboot_parse_range(a->range, c->addr, c->netmask,
		    &c->first, &c->last);
		if (why) {
			fprintf(stderr, "terrarium: --range %s %s\n", a->range,
			    why);
			return -1;
		}
	} else if (!c->proxy && netboot_default_range(c->addr, c->netmask,
	    &c->first, &c->last) < 0) {
		fprintf(stderr, "terrarium: the subnet of %s is too small for "
		    "a DHCP pool; give --range\n", c->interface);
		return -1;
	}
	if (host_udp_free_on(c->interface, DHCP_PORT, "DHCP") < 0 ||
	    (c->proxy && host_udp_free_on(c->interface, PXE_PORT, "PXE") < 0) ||
	    host_port_free_at(c->addr, TFTP_PORT, 0, "TFTP") < 0 ||
	    host_port_free_at(c->addr, c->http_port, 1, "HTTP") < 0)
		return -1;
	return 0;
}

/* Writes what is served, for the ready message.  Returns it (free it). */
static char *ready_text(const struct args *a)
{
	const struct netboot_conf *c = &a->conf;
	char ip[INET_ADDRSTRLEN], f[INET_ADDRSTRLEN], l[INET_ADDRSTRLEN];
	static const char *const clients[2][2] = {
		{ "UEFI PXE gets iPXE by TFTP, UEFI HTTP Boot by HTTP; iPXE "
		    "boots the image by HTTP",
		  "UEFI PXE gets iPXE by TFTP; iPXE boots the image by HTTP "
		    "(for HTTP Boot the network's DHCP server gives the URL)" },
		{ "UEFI PXE gets the image by TFTP, UEFI HTTP Boot by HTTP",
		  "UEFI PXE gets the image by TFTP (for HTTP Boot the "
		    "network's DHCP server gives the URL)" },
	};
	char *text = NULL, *pool = NULL, *line = NULL;
	int r;

	inet_ntop(AF_INET, &c->addr, ip, sizeof(ip));
	inet_ntop(AF_INET, &c->first, f, sizeof(f));
	inet_ntop(AF_INET, &c->last, l, sizeof(l));
	if (c->proxy)
		r = asprintf(&pool, "proxy-DHCP beside the network's DHCP "
		    "server");
	else
		r = asprintf(&pool, "DHCP pool %s-%s", f, l);
	if (r < 0)
		return NULL;
	if (c->ipxe)
		r = asprintf(&line, "command line \"%s\", %zu machine(s) with "
		    "their own", c->cmdline ? c->cmdline : "", c->nhosts);
	else
		r = asprintf(&line, "no command line: the image starts with "
		    "its built-in one");
	if (r < 0) {
		free(pool);
		return NULL;
	}
	r = asprintf(&text, "netboot: serving %s on %s (%s): %s, TFTP, "
	    "HTTP on port %u\nnetboot: %s\nnetboot: %s\n"
	    "netboot: ready; Ctrl-C stops it\n",
	    a->image, c->interface, ip, pool, c->http_port,
	    clients[!c->ipxe][c->proxy], line);
	free(line);
	free(pool);
	return r < 0 ? NULL : text;
}

/* Runs lighttpd, then dnsmasq, until stopped.  Returns the exit status. */
static int serve(const struct args *a, const struct netboot_paths *p)
{
	char *lighttpd[] = { "lighttpd", "-D", "-f", p->lighttpd_conf, NULL };
	char *dnsmasq[] = { "dnsmasq", "--keep-in-foreground",
		"--log-facility=-", "-C", p->dnsmasq_conf, NULL };
	struct serve_proc procs[2];
	char *ready = ready_text(a);
	int r;

	if (!ready) {
		fprintf(stderr, "terrarium: out of memory\n");
		return 1;
	}
	memset(procs, 0, sizeof(procs));
	procs[0].name = "lighttpd";
	procs[0].argv = lighttpd;
	procs[0].prefix = "lighttpd: ";
	procs[0].ready_addr.sin_family = AF_INET;
	procs[0].ready_addr.sin_port = htons((unsigned short)a->conf.http_port);
	procs[0].ready_addr.sin_addr = a->conf.addr;
	procs[1].name = "dnsmasq";
	procs[1].argv = dnsmasq;
	procs[1].prefix = "";
	/* Its last start-up line; every socket is bound by then. */
	procs[1].ready_text = "TFTP root is";
	r = serve_run(procs, 2, ready);
	free(ready);
	return r;
}

/* Serves an image to network boot clients: the netboot command. */
int cmd_netboot(int argc, char **argv)
{
	struct netboot_paths paths;
	struct args *a = calloc(1, sizeof(*a));
	char *dir = NULL;
	int r;

	if (!a) {
		fprintf(stderr, "terrarium: out of memory\n");
		return 1;
	}
	a->conf.ipxe = 1;
	a->conf.http_port = DEFAULT_HTTP_PORT;
	a->conf.hosts = a->hosts;
	r = parse(a, argc, argv);
	if (r >= 0)
		goto out;
	r = 1;
	if (geteuid() != 0) {
		fprintf(stderr, "terrarium: netboot must run as root (DHCP and "
		    "TFTP use privileged ports); try sudo\n");
		goto out;
	}
	if (pe_check_file(a->image) < 0 || sbin_path() < 0 ||
	    check_tools(&a->conf) < 0 || check_network(a) < 0)
		goto out;
	dir = tmpdir_make("netboot");
	if (!dir || netboot_paths(dir, &paths) < 0)
		goto out;
	a->conf.root = paths.www;
	a->conf.leases = paths.leases;
	if (netboot_path_ok(dir) < 0)
		fprintf(stderr, "terrarium: the directory %s has a character "
		    "the servers' configuration cannot hold; set TMPDIR\n",
		    dir);
	else if (netboot_setup(dir, &paths, &a->conf, a->image) == 0)
		r = serve(a, &paths);
	netboot_paths_free(&paths);
out:
	tmpdir_remove(dir);
	free(a);
	return r;
}
