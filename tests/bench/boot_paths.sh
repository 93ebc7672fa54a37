#!/bin/sh
# Benchmark of the ways a machine boots the image: the time from QEMU's
# start (OVMF's first instruction) to the image's first serial line ("hi
# from Terrarium"), for the disk paths and each network path, one QEMU at
# a time.  Each figure is the fastest of RUNS boots (default 3): on a
# shared machine other work only ever adds time.  Each comes with its
# ratio to the baseline measured in this run: `terrarium image`'s disk
# image on an AHCI disk.  Never fails on a time (shared machines, TCG).
#
# The network paths need root (network namespaces); without it they are
# skipped with a note.  tests/netboot/netns.sh builds the network.
# usage: tests/bench/boot_paths.sh   (B: build directory, default build)
set -u
B=$(realpath "${B:-build}")
T=$B/terrarium
TBOOT=$B/tboot
EFI=$B/BOOTX64.EFI
OUT=$B/bench/boot_paths
rm -rf "$OUT"
mkdir -p "$OUT"

fail() {
	echo "bench boot_paths: $*" >&2
	exit 1
}

RUNS=${RUNS:-3}
BASE=""

# report NAME ERRFILE...: prints the fastest of the figures tboot -v left
# in the ERRFILEs.
report() {
	name=$1
	shift
	s=$(sed -n 's/^tboot: "hi from Terrarium" seen after \([0-9.]*\) s$/\1/p' \
	    "$@" | sort -n | head -n 1)
	if [ -z "$s" ]; then
		echo "$name: did not boot ($(head -n 1 "$1"))"
		return
	fi
	[ -z "$BASE" ] && BASE=$s
	echo "$name: $s s to the image's first line ($(echo "$s $BASE" |
		awk '{ printf "%.2fx the disk image boot", $1 / $2 }'))"
}

# fastest NAME COMMAND...: runs COMMAND RUNS times, its stderr in files, and
# reports the fastest.
fastest() {
	name=$1
	shift
	files=""
	i=0
	while [ $i -lt "$RUNS" ]; do
		"$@" 2>"$OUT/run.$i.err"
		files="$files $OUT/run.$i.err"
		i=$((i + 1))
	done
	report "$name" $files
}

# disk NAME TBOOT-ARGS...: times a boot from a local device.
disk() {
	name=$1
	shift
	fastest "$name" "$TBOOT" -q -v --timeout 120 --expect "hi from Terrarium" \
	    --quit-after-expect "$@"
}

"$T" image "$EFI" -o "$OUT/disk.img" || fail "terrarium image failed"
"$T" image "$EFI" -o "$OUT/cd.iso" || fail "terrarium image (ISO) failed"
echo "boot paths: QEMU start to the image's first serial line, fastest of $RUNS, one QEMU at a time"
disk "disk image, AHCI disk (baseline)" --disk "$OUT/disk.img"
disk "QEMU's FAT directory disk (tboot --efi)" --efi "$EFI"
disk "disk image, USB stick (xHCI)" --usb "$OUT/disk.img"
disk "ISO image, CD" --no-disk -- -drive \
    "file=$OUT/cd.iso,format=raw,media=cdrom,readonly=on"

if [ "$(id -u)" != 0 ]; then
	echo "network paths: skipped (they need root for a network namespace)"
	exit 0
fi
B=$OUT
. "$(dirname "$0")/../netboot/netns.sh"
TMPDIR=$(mktemp -d /tmp/terrarium-bench.XXXXXX)
chmod 755 "$TMPDIR"
export TMPDIR
SERVER=""
cleanup() {
	[ -n "$SERVER" ] && kill -INT "$SERVER" 2>/dev/null && wait "$SERVER"
	net_teardown
	rm -rf "$TMPDIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# serve ARGS...: a netboot server on br0, ready.
serve() {
	ip netns exec "$NET_NS" "$T" netboot --interface br0 --image "$EFI" \
	    "$@" >"$OUT/server.log" 2>&1 &
	SERVER=$!
	i=0
	until grep -q "^netboot: ready" "$OUT/server.log"; do
		kill -0 "$SERVER" 2>/dev/null && [ $i -lt 100 ] ||
			fail "netboot did not start: $(tail -n 2 "$OUT/server.log")"
		sleep 0.2
		i=$((i + 1))
	done
}

unserve() {
	kill -INT "$SERVER"
	wait "$SERVER"
	SERVER=""
}

# net NAME KIND: times a network boot.
net() {
	fastest "$1" net_boot "$OUT/net.log" tap0 52:54:00:99:01:01 "$2" -v \
	    --timeout 120 --expect "hi from Terrarium" --quit-after-expect
}

net_setup || fail "cannot build the test network"
serve
net "UEFI PXE -> iPXE (TFTP) -> image (HTTP)" pxe
net "iPXE EFI ROM -> image (HTTP)" ipxe
net "UEFI HTTP Boot -> iPXE -> image (HTTP)" http
unserve
serve --no-ipxe
net "UEFI PXE -> image (TFTP)" pxe
net "UEFI HTTP Boot -> image (HTTP)" http
unserve
