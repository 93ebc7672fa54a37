/*
 * netboot's checks and generated text: command lines that iPXE would
 * misread are refused, MACs and pools parse, the default pool avoids the
 * server, and the dnsmasq, lighttpd and iPXE files say what DESIGN.md's
 * network boot facts require (iPXE told apart by its user class, option
 * 60 for HTTP Boot, the command line in the chain line).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "netboot/conf.h"
#include "tests/unit/check.h"

/* The address in dotted-quad text s. */
static struct in_addr ip(const char *s)
{
	struct in_addr a;

	inet_pton(AF_INET, s, &a);
	return a;
}

/* Whether a is the address s. */
static int same(struct in_addr a, const char *s)
{
	return a.s_addr == ip(s).s_addr;
}

/*
 * Which command lines may go into the iPXE script: no ${...}, no bare ||,
 * only printable ASCII, not too long.
 */
static void test_cmdline(void)
{
	char big[NETBOOT_CMDLINE_MAX + 2];

	CHECK(netboot_cmdline_problem("") == NULL);
	CHECK(netboot_cmdline_problem("ip=dhcp port=80 -- a b") == NULL);
	CHECK(netboot_cmdline_problem("a=\"x y\" z") == NULL);
	CHECK(netboot_cmdline_problem("a=&&b c||") == NULL);
	CHECK(netboot_cmdline_problem("a ${x}") != NULL);
	CHECK(netboot_cmdline_problem("$") != NULL);
	CHECK(netboot_cmdline_problem("a && b") != NULL);
	CHECK(netboot_cmdline_problem("||") != NULL);
	CHECK(netboot_cmdline_problem("a  || ") != NULL);
	CHECK(netboot_cmdline_problem("a\nchain http://evil/") != NULL);
	CHECK(netboot_cmdline_problem("a\tb") != NULL);
	CHECK(netboot_cmdline_problem("caf\xc3\xa9") != NULL);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CHECK(netboot_cmdline_problem(big) != NULL);
	big[NETBOOT_CMDLINE_MAX] = '\0';
	CHECK(netboot_cmdline_problem(big) == NULL);
}

/* Parsing MAC=command-line host entries. */
static void test_host(void)
{
	struct netboot_host h;
	char mac[18];

	CHECK(netboot_parse_host("52:54:00:AB:cd:0f=ip=dhcp x", &h) == NULL);
	CHECK(h.mac[0] == 0x52 && h.mac[3] == 0xab && h.mac[4] == 0xcd &&
	    h.mac[5] == 0x0f);
	CHECK(strcmp(h.cmdline, "ip=dhcp x") == 0);
	netboot_format_mac(h.mac, mac);
	CHECK(strcmp(mac, "52:54:00:ab:cd:0f") == 0);
	CHECK(netboot_parse_host("52-54-00-ab-cd-0f=", &h) == NULL);
	CHECK(h.cmdline[0] == '\0');
	CHECK(netboot_parse_host("52:54-00:ab:cd:0f=x", &h) != NULL);
	CHECK(netboot_parse_host("52:54:00:ab:cd=x", &h) != NULL);
	CHECK(netboot_parse_host("52:54:00:ab:cd:0f:11=x", &h) != NULL);
	CHECK(netboot_parse_host("52:54:00:ab:cd:0g=x", &h) != NULL);
	CHECK(netboot_parse_host("52:54:00:ab:cd:0f", &h) != NULL);
	CHECK(netboot_parse_host("", &h) != NULL);
}

/* The DHCP range netboot picks by default, and networks too small for one. */
static void test_range(void)
{
	struct in_addr a = ip("10.0.0.1"), m = ip("255.255.255.0"), f, l;

	CHECK(netboot_default_range(a, m, &f, &l) == 0);
	CHECK(same(f, "10.0.0.128") && same(l, "10.0.0.254"));
	CHECK(netboot_default_range(ip("10.0.0.200"), m, &f, &l) == 0);
	CHECK(same(f, "10.0.0.1") && same(l, "10.0.0.127"));
	CHECK(netboot_default_range(ip("192.168.8.9"), ip("255.255.255.248"),
	    &f, &l) == 0);
	CHECK(same(f, "192.168.8.12") && same(l, "192.168.8.14"));
	CHECK(netboot_default_range(a, ip("255.255.255.252"), &f, &l) == -1);
	CHECK(netboot_default_range(a, ip("255.255.255.255"), &f, &l) == -1);
	CHECK(netboot_default_range(a, ip("255.0.255.0"), &f, &l) == -1);
	CHECK(netboot_default_range(a, ip("0.0.0.0"), &f, &l) == -1);

	CHECK(netboot_parse_range("10.0.0.10,10.0.0.20", a, m, &f, &l) == NULL);
	CHECK(same(f, "10.0.0.10") && same(l, "10.0.0.20"));
	CHECK(netboot_parse_range("10.0.0.20,10.0.0.10", a, m, &f, &l) != NULL);
	CHECK(netboot_parse_range("10.0.1.10,10.0.1.20", a, m, &f, &l) != NULL);
	CHECK(netboot_parse_range("10.0.0.0,10.0.0.20", a, m, &f, &l) != NULL);
	CHECK(netboot_parse_range("10.0.0.10,10.0.0.255", a, m, &f, &l) !=
	    NULL);
	CHECK(netboot_parse_range("10.0.0.1,10.0.0.20", a, m, &f, &l) != NULL);
	CHECK(netboot_parse_range("10.0.0.10", a, m, &f, &l) != NULL);
	CHECK(netboot_parse_range("10.0.0.10,x", a, m, &f, &l) != NULL);
	CHECK(netboot_parse_range("10.0.0.10000000000000000000,10.0.0.2", a, m,
	    &f, &l) != NULL);
}

/* Which paths may be written into the servers' configurations. */
static void test_path(void)
{
	CHECK(netboot_path_ok("/tmp/terrarium-netboot.Ab3x/www") == 0);
	CHECK(netboot_path_ok("eth0") == 0);
	CHECK(netboot_path_ok("/tmp/a b") == -1);
	CHECK(netboot_path_ok("/tmp/a\"b") == -1);
	CHECK(netboot_path_ok("/tmp/a,b") == -1);
	CHECK(netboot_path_ok("/tmp/a#b") == -1);
	CHECK(netboot_path_ok("/tmp/a\nb") == -1);
	CHECK(netboot_path_ok("") == -1);
}

/* Runs writer over c into a new string (free it). */
static char *text_of(int (*writer)(FILE *, const struct netboot_conf *),
    const struct netboot_conf *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	CHECK(f && writer(f, c) == 0);
	fclose(f);
	return buf;
}

/* Whether text has line as a whole line. */
static int has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *p;

	for (p = text; (p = strstr(p, line)); p += n)
		if ((p == text || p[-1] == '\n') && p[n] == '\n')
			return 1;
	return 0;
}

/* A configuration the dnsmasq, lighttpd and script tests start from. */
static void base_conf(struct netboot_conf *c)
{
	memset(c, 0, sizeof(*c));
	c->interface = "eth1";
	c->addr = ip("10.0.0.1");
	c->netmask = ip("255.255.255.0");
	c->ipxe = 1;
	c->first = ip("10.0.0.128");
	c->last = ip("10.0.0.254");
	c->http_port = 8080;
	c->root = "/tmp/nb/www";
	c->leases = "/tmp/nb/leases";
}

/* dnsmasq's configuration: full DHCP or proxy, ranges, the boot files. */
static void test_dnsmasq(void)
{
	struct netboot_conf c;
	char *t;

	base_conf(&c);
	t = text_of(netboot_write_dnsmasq, &c);
	CHECK(has_line(t, "port=0"));
	CHECK(has_line(t, "interface=eth1"));
	CHECK(has_line(t, "bind-interfaces"));
	CHECK(has_line(t, "dhcp-range=10.0.0.128,10.0.0.254,255.255.255.0,1h"));
	CHECK(has_line(t, "tftp-root=/tmp/nb/www"));
	CHECK(has_line(t, "dhcp-match=set:efi64,option:client-arch,7"));
	CHECK(has_line(t, "dhcp-match=set:efi64,option:client-arch,9"));
	CHECK(has_line(t, "dhcp-userclass=set:ipxe,iPXE"));
	CHECK(has_line(t, "dhcp-vendorclass=set:httpboot,HTTPClient"));
	/* iPXE gets the script, everything else iPXE: no loop. */
	CHECK(has_line(t, "dhcp-boot=tag:ipxe,http://10.0.0.1:8080/boot.ipxe"));
	CHECK(has_line(t, "dhcp-boot=tag:efi64,tag:!ipxe,snponly.efi"));
	CHECK(has_line(t, "dhcp-boot=tag:httpboot,tag:!ipxe,"
	    "http://10.0.0.1:8080/snponly.efi"));
	CHECK(has_line(t, "dhcp-option-force=tag:httpboot,60,HTTPClient"));
	CHECK(has_line(t, "dhcp-option-force=tag:ipxe,encap:175,176,1"));
	CHECK(!strstr(t, "log-dhcp"));
	CHECK(!strstr(t, "proxy"));
	free(t);

	c.ipxe = 0;
	c.verbose = 1;
	t = text_of(netboot_write_dnsmasq, &c);
	CHECK(has_line(t, "dhcp-boot=tag:efi64,BOOTX64.EFI"));
	CHECK(has_line(t,
	    "dhcp-boot=tag:httpboot,http://10.0.0.1:8080/BOOTX64.EFI"));
	CHECK(!strstr(t, "snponly"));
	CHECK(!strstr(t, "boot.ipxe"));
	CHECK(has_line(t, "log-dhcp"));
	free(t);

	c.ipxe = 1;
	c.proxy = 1;
	c.addr = ip("10.0.0.77");
	t = text_of(netboot_write_dnsmasq, &c);
	CHECK(has_line(t, "dhcp-range=10.0.0.0,proxy,255.255.255.0"));
	CHECK(has_line(t,
	    "pxe-service=tag:!ipxe,x86-64_EFI,\"Terrarium\",snponly.efi"));
	CHECK(has_line(t,
	    "pxe-service=tag:!ipxe,BC_EFI,\"Terrarium\",snponly.efi"));
	CHECK(has_line(t, "pxe-service=tag:ipxe,x86-64_EFI,\"Terrarium\","
	    "http://10.0.0.77:8080/boot.ipxe"));
	CHECK(has_line(t, "pxe-service=tag:ipxe,BC_EFI,\"Terrarium\","
	    "http://10.0.0.77:8080/boot.ipxe"));
	CHECK(!strstr(t, "dhcp-boot"));
	CHECK(!strstr(t, "10.0.0.128"));
	free(t);

	c.ipxe = 0;
	t = text_of(netboot_write_dnsmasq, &c);
	CHECK(has_line(t, "pxe-service=x86-64_EFI,\"Terrarium\",BOOTX64.EFI"));
	CHECK(!strstr(t, "tag:ipxe"));
	free(t);
}

/* lighttpd's configuration. */
static void test_lighttpd(void)
{
	struct netboot_conf c;
	char *t;

	base_conf(&c);
	c.http_port = 81;
	t = text_of(netboot_write_lighttpd, &c);
	CHECK(has_line(t, "server.document-root = \"/tmp/nb/www\""));
	CHECK(has_line(t, "server.bind = \"10.0.0.1\""));
	CHECK(has_line(t, "server.port = 81"));
	CHECK(has_line(t, "server.username = \"www-data\""));
	free(t);
}

/* The iPXE script: one entry per host and the default one. */
static void test_script(void)
{
	struct netboot_host hosts[2];
	struct netboot_conf c;
	char *t;

	base_conf(&c);
	t = text_of(netboot_write_script, &c);
	CHECK(strncmp(t, "#!ipxe\n", 7) == 0);
	CHECK(has_line(t, "clear terrarium_cmdline"));
	CHECK(has_line(t, "chain http://10.0.0.1:8080/BOOTX64.EFI "
	    "${terrarium_cmdline}"));
	CHECK(!strstr(t, "iseq"));
	free(t);

	CHECK(netboot_parse_host("52:54:00:00:00:0A=netboot-mac=1 poweroff",
	    &hosts[0]) == NULL);
	CHECK(netboot_parse_host("52:54:00:00:00:0b=", &hosts[1]) == NULL);
	c.cmdline = "ip=dhcp -- x";
	c.hosts = hosts;
	c.nhosts = 2;
	t = text_of(netboot_write_script, &c);
	CHECK(has_line(t, "set terrarium_cmdline ip=dhcp -- x"));
	CHECK(has_line(t, "iseq ${netX/mac} 52:54:00:00:00:0a && "
	    "set terrarium_cmdline netboot-mac=1 poweroff ||"));
	CHECK(has_line(t, "iseq ${netX/mac} 52:54:00:00:00:0b && "
	    "clear terrarium_cmdline ||"));
	/* The per-MAC lines come before the chain line that uses them. */
	CHECK(strstr(t, "iseq") < strstr(t, "chain "));
	free(t);
}

/* Runs the netboot cases; the status is check_report's. */
int main(void)
{
	test_cmdline();
	test_host();
	test_range();
	test_path();
	test_dnsmasq();
	test_lighttpd();
	test_script();
	return check_report("netboot");
}
