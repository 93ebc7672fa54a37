/*
 * The boot server's side of the network: the interface it serves on and
 * the ports its servers need, checked before anything starts so a clash
 * is named in one sentence rather than by a server that dies.
 */
#ifndef NETBOOT_HOST_H
#define NETBOOT_HOST_H

#include <netinet/in.h>

/*
 * Finds the interface name's first IPv4 address and netmask.  Returns 0,
 * or -1 after saying what is missing (the interface, an address, the
 * link being up) on stderr.
 */
int host_interface(const char *name, struct in_addr *addr,
    struct in_addr *mask);

/*
 * Checks that the UDP port is free for a server bound to the interface
 * name (all its addresses, as a DHCP server listens).  what names the
 * service for the message.  Returns 0, or -1 (said).
 */
int host_udp_free_on(const char *name, unsigned port, const char *what);

/*
 * Checks that the UDP or TCP (tcp non-zero) port is free on addr.
 * Returns 0, or -1 (said).
 */
int host_port_free_at(struct in_addr addr, unsigned port, int tcp,
    const char *what);

#endif
