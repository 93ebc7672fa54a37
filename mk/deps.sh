#!/bin/sh
# Installs the Debian packages the build and the tests need, when missing.
# As root it runs apt-get; otherwise it prints the exact command and fails.
# Arguments name further packages a particular target needs.
set -eu

packages="gcc make binutils gnu-efi qemu-system-x86 ovmf mtools dosfstools
console-setup-linux gzip qemu-system-gui
ocaml-nox ocaml-source ocaml-findlib musl-tools musl-dev cpio
liblwt-ocaml-dev libcmdliner-ocaml-dev libbase-ocaml-dev
xorriso gdisk fdisk dnsmasq-base lighttpd ipxe ipxe-qemu iproute2 $*"

missing=""
for p in $packages; do
	if ! dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null |
	    grep -q '^install ok installed$'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing Debian packages:$missing" >&2
	echo "deps: run as root: apt-get update && $cmd" >&2
	exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
$cmd >/dev/null
