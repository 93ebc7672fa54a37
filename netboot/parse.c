/*
 * Checks of what the user gives `terrarium netboot` that ends up in the
 * servers' configuration (see conf.h).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "netboot/conf.h"

/* Checks a command line for the iPXE script; see conf.h. */
const char *netboot_cmdline_problem(const char *text)
{
	const char *p;
	size_t n;

	if (strlen(text) > NETBOOT_CMDLINE_MAX)
		return "is longer than 1024 bytes";
	for (p = text; *p; p++) {
		if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
			return "has a control or non-ASCII character";
		if (*p == '$')
			return "has a '$', which iPXE would expand";
	}
	for (p = text; *p; p += n) {
		p += strspn(p, " ");
		n = strcspn(p, " ");
		if (n == 2 && (!strncmp(p, "&&", 2) || !strncmp(p, "||", 2)))
			return "has a word '&&' or '||', which iPXE takes for "
			    "an operator";
	}
	return NULL;
}

/* Returns the value of hex digit c. */
static int hexval(int c)
{
	return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/* Parses "MAC=TEXT"; see conf.h. */
const char *netboot_parse_host(const char *arg, struct netboot_host *h)
{
	static const char bad[] = "wants MAC=TEXT, the MAC address written "
	    "like 52:54:00:12:34:56";
	const char *p = arg;
	char sep = 0;
	int i;

	for (i = 0; i < 6; i++) {
		if (i > 0) {
			if ((*p != ':' && *p != '-') || (sep && *p != sep))
				return bad;
			sep = *p++;
		}
		if (!isxdigit((unsigned char)p[0]) ||
		    !isxdigit((unsigned char)p[1]))
			return bad;
		h->mac[i] = (unsigned char)(hexval(p[0]) << 4 | hexval(p[1]));
		p += 2;
	}
	if (*p != '=')
		return bad;
	h->cmdline = p + 1;
	return NULL;
}

/* Returns the address a in host byte order. */
static uint32_t host(struct in_addr a)
{
	return ntohl(a.s_addr);
}

/* Parses one address of the pool into *out.  Returns NULL or why not. */
static const char *pool_address(const char *s, size_t n, struct in_addr addr,
    struct in_addr mask, struct in_addr *out)
{
	char buf[INET_ADDRSTRLEN];
	uint32_t m = host(mask), a;

	if (n >= sizeof(buf))
		return "wants FIRST,LAST: two IPv4 addresses";
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (inet_pton(AF_INET, buf, out) != 1)
		return "wants FIRST,LAST: two IPv4 addresses";
	a = host(*out);
	if ((a & m) != (host(addr) & m))
		return "goes outside the interface's subnet";
	if ((a & ~m) == 0 || (a | m) == UINT32_MAX)
		return "holds the subnet's network or broadcast address";
	return NULL;
}

/* Parses the DHCP pool; see conf.h. */
const char *netboot_parse_range(const char *arg, struct in_addr addr,
    struct in_addr mask, struct in_addr *first, struct in_addr *last)
{
	const char *comma = strchr(arg, ','), *why;

	if (!comma)
		return "wants FIRST,LAST: two IPv4 addresses";
	why = pool_address(arg, (size_t)(comma - arg), addr, mask, first);
	if (!why)
		why = pool_address(comma + 1, strlen(comma + 1), addr, mask,
		    last);
	if (why)
		return why;
	if (host(*first) > host(*last))
		return "starts after it ends";
	if (host(addr) >= host(*first) && host(addr) <= host(*last))
		return "holds the server's own address";
	return NULL;
}

/* Picks the half of the subnet without addr; see conf.h. */
int netboot_default_range(struct in_addr addr, struct in_addr mask,
    struct in_addr *first, struct in_addr *last)
{
	uint32_t a = host(addr), m = host(mask), net = a & m;
	uint32_t half = (~m + 1) / 2;

	/* A contiguous mask of at most 29 bits: eight addresses or more. */
	if (m == 0 || (~m & (~m + 1)) != 0 || ~m < 7)
		return -1;
	if (a - net >= half) {
		first->s_addr = htonl(net + 1);
		last->s_addr = htonl(net + half - 1);
	} else {
		first->s_addr = htonl(net + half);
		last->s_addr = htonl((net | ~m) - 1);
	}
	return 0;
}

/* Checks a path for the configuration files; see conf.h. */
int netboot_path_ok(const char *path)
{
	const unsigned char *p;

	for (p = (const unsigned char *)path; *p; p++)
		if (*p <= ' ' || *p >= 0x7f || strchr("\"\\,#'", *p))
			return -1;
	return *path ? 0 : -1;
}

/* Formats a MAC address as iPXE does; see conf.h. */
void netboot_format_mac(const unsigned char mac[6], char out[18])
{
	snprintf(out, 18, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
	    mac[2], mac[3], mac[4], mac[5]);
}
