/*
 * The interface and port checks of `terrarium netboot` (see host.h).  A
 * port is free when a socket of our own can take it the way the server
 * will: a UDP bind without SO_REUSEADDR fails on any other holder.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "netboot/host.h"

/* Finds the interface's IPv4 address; see host.h. */
int host_interface(const char *name, struct in_addr *addr,
    struct in_addr *mask)
{
	struct ifaddrs *list, *i;
	unsigned flags = 0;
	int found = 0;

	if (if_nametoindex(name) == 0) {
		fprintf(stderr, "terrarium: there is no network interface "
		    "named %s (ip link lists them)\n", name);
		return -1;
	}
	if (getifaddrs(&list) < 0) {
		fprintf(stderr, "terrarium: cannot list the network "
		    "interfaces: %s\n", strerror(errno));
		return -1;
	}
	for (i = list; i; i = i->ifa_next) {
		if (strcmp(i->ifa_name, name) != 0)
			continue;
		flags = i->ifa_flags;
		if (!found && i->ifa_addr &&
		    i->ifa_addr->sa_family == AF_INET &&
		    i->ifa_netmask) {
			*addr = ((struct sockaddr_in *)i->ifa_addr)->sin_addr;
			*mask =
			    ((struct sockaddr_in *)i->ifa_netmask)->sin_addr;
			found = 1;
		}
	}
	freeifaddrs(list);
	if (!found) {
		fprintf(stderr, "terrarium: %s has no IPv4 address; give it "
		    "one first (ip addr add 192.168.50.1/24 dev %s)\n", name,
		    name);
		return -1;
	}
	if (!(flags & IFF_UP)) {
		fprintf(stderr, "terrarium: %s is down; bring it up first (ip "
		    "link set %s up)\n", name, name);
		return -1;
	}
	return 0;
}

/*
 * Binds a socket of type to sin, on device when not NULL.  Returns 0,
 * or the errno of the failure.
 */
static int try_bind(int type, const struct sockaddr_in *sin, const char *device)
{
	int fd, err = 0, one = 1;

	fd = socket(AF_INET, type | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return errno;
	if (device && setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, device,
	    (socklen_t)strlen(device)) < 0)
		err = errno;
	/* As lighttpd does: connections of a past run in TIME_WAIT do not
	   hold the port, a listener still does. */
	if (!err && type == SOCK_STREAM &&
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0)
		err = errno;
	if (!err && bind(fd, (const struct sockaddr *)sin, sizeof(*sin)) < 0)
		err = errno;
	close(fd);
	return err;
}

/* Says why a port cannot be had; returns -1. */
static int port_taken(int err, unsigned port, int tcp, const char *what,
    const char *where)
{
	if (err == EADDRINUSE)
		fprintf(stderr, "terrarium: %s port %u (%s) is already in use "
		    "on %s; stop the server that holds it (ss -lnup shows "
		    "it)\n", tcp ? "TCP" : "UDP", port, what, where);
	else
		fprintf(stderr, "terrarium: cannot take %s port %u (%s) on %s: "
		    "%s\n", tcp ? "TCP" : "UDP", port, what, where,
		    strerror(err));
	return -1;
}

/* Checks a UDP port on every address of an interface; see host.h. */
int host_udp_free_on(const char *name, unsigned port, const char *what)
{
	struct sockaddr_in sin;
	int err;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((unsigned short)port);
	sin.sin_addr.s_addr = htonl(INADDR_ANY);
	err = try_bind(SOCK_DGRAM, &sin, name);
	return err ? port_taken(err, port, 0, what, name) : 0;
}

/* Checks a port on one address; see host.h. */
int host_port_free_at(struct in_addr addr, unsigned port, int tcp,
    const char *what)
{
	char where[INET_ADDRSTRLEN];
	struct sockaddr_in sin;
	int err;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((unsigned short)port);
	sin.sin_addr = addr;
	err = try_bind(tcp ? SOCK_STREAM : SOCK_DGRAM, &sin, NULL);
	if (!err)
		return 0;
	inet_ntop(AF_INET, &addr, where, sizeof(where));
	return port_taken(err, port, tcp, what, where);
}
