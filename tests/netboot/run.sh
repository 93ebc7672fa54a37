#!/bin/sh
# End-to-end tests of `terrarium netboot`: the boot server in a network
# namespace (tests/netboot/netns.sh) and QEMU+OVMF machines with no disk
# on the same bridge, booting the image by
#   UEFI PXE (OVMF's own network stack): iPXE by TFTP, then the image by
#       HTTP with the command line; and the image itself by TFTP
#   iPXE's EFI ROM on the NIC: the script and the image by HTTP
#   UEFI HTTP Boot: iPXE by HTTP, then the image with a per-MAC command
#       line; and the image itself by HTTP
#   proxy-DHCP beside another DHCP server
# The kernel reports words it does not know ("unknown option
# 'netboot-check=1'"), which proves the command line arrived; `poweroff`
# ends the machine.  Then the mistakes: each one sentence, status 1 and
# nothing left running.  Two QEMUs at a time at most.
#
# usage: tests/netboot/run.sh IMAGE.efi     (B: the build directory)
# Prints one line per case and "netboot: N passed, M failed".  Needs root.
set -u
. "$(dirname "$0")/../lib.sh"

EFI=$(realpath "$1")
B=$(realpath "${B:-build}")
T=$B/terrarium
TBOOT=$B/tboot
OUT=$B/netboot-test
rm -rf "$OUT"
mkdir -p "$OUT"
B=$OUT
. "$(dirname "$0")/netns.sh"
# The servers run as nobody and www-data: their files must be reachable
# by them wherever the checkout is.
TMPDIR=$(mktemp -d /tmp/terrarium-netboot-test.XXXXXX)
chmod 755 "$TMPDIR"
export TMPDIR
SERVER_PID=""

cleanup() {
	[ -n "$SERVER_PID" ] && kill -INT "$SERVER_PID" 2>/dev/null &&
	    wait "$SERVER_PID"
	net_teardown
	rm -rf "$TMPDIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# fail CASE MESSAGE: records a failed check.
fail() {
	echo "FAIL $1: $2" >>"$OUT/$1.result"
}

# start CASE: opens the case's result file.
start() {
	: >"$OUT/$1.result"
}

# server NAME ARGS...: starts terrarium netboot on br0 with ARGS; waits
# until it says it is ready.  Returns non-zero (and records it) if not.
server() {
	name=$1
	shift
	start "server-$name"
	ip netns exec "$NET_NS" "$T" netboot --interface br0 --image "$EFI" \
	    "$@" >"$OUT/server-$name.log" 2>&1 &
	SERVER_PID=$!
	SERVER_NAME=$name
	i=0
	while ! grep -q "^netboot: ready" "$OUT/server-$name.log"; do
		if ! kill -0 "$SERVER_PID" 2>/dev/null || [ $i -ge 100 ]; then
			fail "server-$name" "not ready: $(tail -n 3 "$OUT/server-$name.log")"
			kill -INT "$SERVER_PID" 2>/dev/null
			wait "$SERVER_PID"
			SERVER_PID=""
			return 1
		fi
		sleep 0.2
		i=$((i + 1))
	done
}

# stop: Ctrl-C to the server: it must end with status 0, its servers and
# its files with it.
stop() {
	c=server-$SERVER_NAME
	kill -INT "$SERVER_PID"
	wait "$SERVER_PID"
	st=$?
	SERVER_PID=""
	[ "$st" = 0 ] || fail $c "exit status $st after Ctrl-C"
	grep -q "^netboot: stopping" "$OUT/$c.log" || fail $c "no stopping line"
	[ -z "$(net_others)" ] || fail $c "still running: $(net_others)"
	[ -z "$(ls -A "$TMPDIR")" ] || fail $c "left in TMPDIR: $(ls -A "$TMPDIR")"
}

# boot CASE TAP MAC KIND EXPECT...: a machine boots; each EXPECT must show
# on its serial console in order.  A command line with poweroff ends it;
# otherwise it is stopped after the last EXPECT.
boot() {
	c=$1
	tap=$2
	mac=$3
	kind=$4
	shift 4
	start $c
	quit=--quit-after-expect
	case "$*" in
	*netboot-*=1*)	quit= ;;
	esac
	n=$#
	for e in "$@"; do
		set -- "$@" --expect "$e"
	done
	shift $n
	net_boot "$OUT/$c.log" $tap $mac $kind --timeout 150 $quit "$@" \
	    2>"$OUT/$c.err" ||
		fail $c "$(head -n 1 "$OUT/$c.err")"
}

# pair: waits for the two boots started last in the background (the
# server runs in the background too).
pair() {
	wait "$BOOT1" "$BOOT2"
}

# log_has CASE FILE TEXT: FILE (the server's log) must hold TEXT.
log_has() {
	grep -qF -- "$3" "$2" || fail "$1" "the server's log lacks: $3"
}

# The default: iPXE in between, a command line for all, one per MAC.
phase_ipxe() {
	server ipxe --cmdline "netboot-check=1 poweroff" \
	    --mac-cmdline 52:54:00:99:00:03="netboot-mac=1 poweroff" || return
	boot pxe tap0 52:54:00:99:00:01 pxe "NBP filename is snponly.efi" \
	    "Filename: http://$NET_SERVER:8080/boot.ipxe" \
	    "unknown option 'netboot-check=1'" &
	BOOT1=$!
	boot ipxe tap1 52:54:00:99:00:02 ipxe \
	    "Filename: http://$NET_SERVER:8080/boot.ipxe" \
	    "http://$NET_SERVER:8080/BOOTX64.EFI... ok" \
	    "unknown option 'netboot-check=1'" &
	BOOT2=$!
	pair
	boot http tap0 52:54:00:99:00:03 http \
	    "URI: http://$NET_SERVER:8080/snponly.efi" \
	    "command line \"netboot-mac=1 poweroff\"" \
	    "unknown option 'netboot-mac=1'"
	log_has pxe "$OUT/server-ipxe.log" "snponly.efi to 10.99.0."
	stop
}

# --no-ipxe: the firmware fetches the image itself.
phase_direct() {
	server direct --no-ipxe || return
	boot pxe-tftp tap0 52:54:00:99:00:04 pxe "NBP filename is BOOTX64.EFI" \
	    "hi from Terrarium" &
	BOOT1=$!
	boot http-direct tap1 52:54:00:99:00:05 http \
	    "URI: http://$NET_SERVER:8080/BOOTX64.EFI" "hi from Terrarium" &
	BOOT2=$!
	pair
	log_has pxe-tftp "$OUT/server-direct.log" "BOOTX64.EFI to 10.99.0."
	stop
}

# --proxy-dhcp: addresses come from the other server (10.99.0.50-99).
phase_proxy() {
	net_plain_dhcp
	server proxy --proxy-dhcp --cmdline "netboot-check=1 poweroff" || return
	boot proxy tap0 52:54:00:99:00:06 pxe "Station IP address is 10.99.0." \
	    "NBP filename is snponly.efi" "gw 10.99.0.2" \
	    "unknown option 'netboot-check=1'"
	grep -q "DHCPACK(vd1) 10.99.0.[5-9][0-9] 52:54:00:99:00:06" \
	    "$B/plain-dhcp.log" || fail proxy "the other server gave no address"
	log_has proxy "$OUT/server-proxy.log" "PXE(br0) 52:54:00:99:00:06 proxy"
	stop
	kill "$NET_PLAIN_PID"
}

# refused CASE TEXT [env...] -- ARGS...: netboot with ARGS must fail with
# status 1 (2 for a usage mistake, when TEXT starts with "usage:"), one
# line on stderr holding TEXT, and leave nothing running or behind.
refused() {
	c=$1
	text=$2
	shift 2
	want=1
	case $text in
	usage:*) want=2; text=${text#usage:} ;;
	esac
	start $c
	ip netns exec "$NET_NS" "$@" >"$OUT/$c.out" 2>"$OUT/$c.err"
	got=$?
	[ "$got" = "$want" ] || fail $c "exit status $got, expected $want"
	grep -qF -- "$text" "$OUT/$c.err" ||
		fail $c "stderr lacks '$text': $(cat "$OUT/$c.err")"
	[ "$want" = 2 ] || [ "$(wc -l <"$OUT/$c.err")" = 1 ] ||
		fail $c "not one line on stderr: $(cat "$OUT/$c.err")"
	[ -z "$(net_others | grep -vx "${HOLDER:-0}")" ] ||
		fail $c "left running: $(net_others)"
	[ -z "$(ls -A "$TMPDIR")" ] || fail $c "left in TMPDIR: $(ls -A "$TMPDIR")"
}

# holder ARGS...: a dnsmasq holding a port on br0, pid in HOLDER.
holder() {
	ip netns exec "$NET_NS" dnsmasq --keep-in-foreground --port=0 \
	    --conf-file=/dev/null --pid-file= --interface=br0 --bind-interfaces \
	    --log-facility=- "$@" >"$OUT/holder.log" 2>&1 &
	HOLDER=$!
	i=0
	until grep -q "started" "$OUT/holder.log" || [ $i -ge 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}

phase_mistakes() {
	nb="$T netboot --interface br0"
	echo "not an image" >"$OUT/text.efi"
	refused missing-image "cannot read the image" $nb --image "$OUT/no.efi"
	refused not-pe "is not a UEFI application" $nb --image "$OUT/text.efi"
	refused no-interface "no network interface named nosuch0" \
	    $T netboot --interface nosuch0 --image "$EFI"
	refused bad-cmdline "usage:--cmdline has a '\$'" \
	    $nb --image "$EFI" --cmdline 'a=${x}'
	refused bad-mac "usage:wants MAC=TEXT" \
	    $nb --image "$EFI" --mac-cmdline 52:54:00:99:00=x
	# Not root: a copy of terrarium that the user nobody may run.
	bin=$(mktemp -d /tmp/terrarium-nobody.XXXXXX)
	chmod 755 "$bin"
	cp "$T" "$bin/terrarium" && chmod 755 "$bin/terrarium"
	refused not-root "must run as root" setpriv --reuid=65534 \
	    --regid=65534 --clear-groups "$bin/terrarium" netboot \
	    --interface br0 --image "$EFI"
	rm -rf "$bin"
	holder --dhcp-range=10.99.0.10,10.99.0.20 \
	    --dhcp-leasefile="$OUT/holder.leases"
	refused port-67 "UDP port 67 (DHCP) is already in use on br0" \
	    $nb --image "$EFI"
	kill "$HOLDER"
	wait "$HOLDER"
	holder --enable-tftp --tftp-root="$OUT"
	refused port-69 "UDP port 69 (TFTP) is already in use on $NET_SERVER" \
	    $nb --image "$EFI"
	kill "$HOLDER"
	wait "$HOLDER"
	HOLDER=""
}

# A server that dies takes the rest with it: netboot says so, status 1.
phase_crash() {
	c=crash
	server crash || return
	start $c
	pid=$(for p in $(net_others); do
		[ "$(cat "/proc/$p/comm" 2>/dev/null)" = dnsmasq ] && echo "$p"
	done)
	[ -n "$pid" ] && kill -KILL "$pid"
	wait "$SERVER_PID"
	st=$?
	SERVER_PID=""
	[ "$st" = 1 ] || fail $c "exit status $st, expected 1"
	grep -q "dnsmasq was killed by signal 9" "$OUT/server-crash.log" ||
		fail $c "no word of dnsmasq's end"
	[ -z "$(net_others)" ] || fail $c "still running: $(net_others)"
	[ -z "$(ls -A "$TMPDIR")" ] || fail $c "left in TMPDIR"
}

if net_setup; then
	phase_mistakes
	phase_crash
	phase_ipxe
	phase_direct
	phase_proxy
else
	start network
	fail network "cannot build the test network in a namespace"
fi

tally "$OUT" 15
summary netboot
