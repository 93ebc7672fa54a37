# Sourced by the network boot tests and benchmarks: a private network
# that the script builds in network namespaces of its own and deletes at
# the end.  No real interface and no address outside them is touched.
#
#   namespace $NET_NS: bridge br0 (10.99.0.1/24, fd99::1/64), the boot
#       server's side; tap0 and tap1 on it for two QEMUs; vd0 on it, a
#       veth to
#   namespace $NET_NS-dhcp: vd1 (10.99.0.2/24), where a plain DHCP server
#       runs for the proxy-DHCP case.
# A router advertisement helper (dnsmasq, RA only) runs on br0: without
# any IPv6 router iPXE waits about 15 s for one before it goes on, which a
# lab with IPv6 does not see either.
#
# Needs: B (build directory), TBOOT (the tboot binary).

NET_NS=terrarium-net-$$
NET_DHCP_NS=$NET_NS-dhcp
NET_SERVER=10.99.0.1
NET_PIDS=""

# net_setup: builds the network.  Returns non-zero when it cannot.
net_setup() {
	ip netns add "$NET_NS" || return 1
	ip netns add "$NET_DHCP_NS" || return 1
	ip -n "$NET_NS" link set lo up &&
	ip -n "$NET_NS" link add br0 type bridge &&
	ip -n "$NET_NS" addr add "$NET_SERVER/24" dev br0 &&
	ip -n "$NET_NS" addr add fd99::1/64 dev br0 nodad &&
	ip -n "$NET_NS" link set br0 up || return 1
	for t in tap0 tap1; do
		ip -n "$NET_NS" tuntap add "$t" mode tap &&
		ip -n "$NET_NS" link set "$t" master br0 &&
		ip -n "$NET_NS" link set "$t" up || return 1
	done
	ip -n "$NET_NS" link add vd0 type veth peer name vd1 \
	    netns "$NET_DHCP_NS" &&
	ip -n "$NET_NS" link set vd0 master br0 &&
	ip -n "$NET_NS" link set vd0 up &&
	ip -n "$NET_DHCP_NS" link set lo up &&
	ip -n "$NET_DHCP_NS" addr add 10.99.0.2/24 dev vd1 &&
	ip -n "$NET_DHCP_NS" link set vd1 up || return 1
	ip netns exec "$NET_NS" dnsmasq --keep-in-foreground --port=0 \
	    --conf-file=/dev/null --pid-file= --interface=br0 --bind-interfaces \
	    --enable-ra --dhcp-range=::,constructor:br0,ra-only \
	    --log-facility=- >"$B/ra.log" 2>&1 &
	NET_RA_PID=$!
	NET_PIDS="$NET_PIDS $NET_RA_PID"
}

# net_plain_dhcp: starts the network's own DHCP server (no boot options)
# in the second namespace; its pid goes to NET_PLAIN_PID.
net_plain_dhcp() {
	ip netns exec "$NET_DHCP_NS" dnsmasq --keep-in-foreground --port=0 \
	    --conf-file=/dev/null --pid-file= --interface=vd1 --bind-interfaces \
	    --dhcp-range=10.99.0.50,10.99.0.99,1h \
	    --dhcp-leasefile="$B/plain-dhcp.leases" \
	    --log-facility=- >"$B/plain-dhcp.log" 2>&1 &
	NET_PLAIN_PID=$!
	NET_PIDS="$NET_PIDS $NET_PLAIN_PID"
}

# net_teardown: stops what net_* started and deletes the namespaces.
net_teardown() {
	for p in $NET_PIDS; do
		kill "$p" 2>/dev/null
	done
	for p in $NET_PIDS; do
		wait "$p" 2>/dev/null
	done
	NET_PIDS=""
	ip netns del "$NET_NS" 2>/dev/null
	ip netns del "$NET_DHCP_NS" 2>/dev/null
}

# net_others: the pids in the server's namespace other than the helpers
# this file started (empty when nothing else runs there).
net_others() {
	ip netns pids "$NET_NS" | grep -vx "$NET_RA_PID"
}

# net_boot LOG TAP MAC KIND TBOOT-ARGS...: boots a diskless machine on
# TAP with a virtio NIC of address MAC, its serial output in LOG.  KIND:
#   ipxe  the NIC carries iPXE's EFI ROM (Debian's ipxe-qemu), which then
#         drives it and boots the way iPXE does
#   pxe   OVMF's own driver and UEFI PXE (IPv4)
#   http  OVMF's own driver and UEFI HTTP Boot (PXE turned off)
net_boot() {
	log=$1
	tap=$2
	mac=$3
	kind=$4
	shift 4
	case $kind in
	ipxe)	rom=/usr/lib/ipxe/qemu/efi-virtio.rom
		set -- "$@" -- ;;
	pxe)	rom=
		set -- "$@" -- -fw_cfg name=opt/org.tianocore/IPv6PXESupport,string=no ;;
	http)	rom=
		set -- "$@" -- -fw_cfg name=opt/org.tianocore/IPv4PXESupport,string=no \
		    -fw_cfg name=opt/org.tianocore/IPv6PXESupport,string=no ;;
	esac
	ip netns exec "$NET_NS" "$TBOOT" -q --no-disk --no-vga \
	    --serial-log "$log" "$@" \
	    -netdev "tap,id=n0,ifname=$tap,script=no,downscript=no" \
	    -device "virtio-net-pci,netdev=n0,mac=$mac,romfile=$rom"
}
