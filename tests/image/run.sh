#!/bin/sh
# Tests of `terrarium image`: the GPT and FAT checked with Debian's tools
# (sgdisk, fsck.fat, mtools), the files read back, the mistakes refused,
# then QEMU+OVMF booting the disk image as a plain disk and as a USB stick
# (usb-storage on qemu-xhci), and the ISO image as a CD and a USB stick.
#
# usage: tests/image/run.sh IMAGE.efi     (B: the build directory)
# Prints one line per case and "image: N passed, M failed".
set -u
. "$(dirname "$0")/../lib.sh"

EFI=$1
B=${B:-build}
T=$B/terrarium
OUT=$B/image-test
rm -rf "$OUT"
mkdir -p "$OUT/tmp"
# Every temporary directory terrarium makes goes here: empty at the end.
export TMPDIR=$OUT/tmp

# fail CASE MESSAGE: records a failed check.
fail() {
	echo "FAIL $1: $2" >>"$OUT/$1.result"
}

# start CASE: opens the case's result file.
start() {
	: >"$OUT/$1.result"
}

# fat_of IMG FILE: extracts the ESP of the disk image IMG (partition 1,
# per sgdisk) into FILE.
fat_of() {
	first=$(sgdisk -i 1 "$1" | sed -n 's/^First sector: \([0-9]*\).*/\1/p')
	last=$(sgdisk -i 1 "$1" | sed -n 's/^Last sector: \([0-9]*\).*/\1/p')
	dd if="$1" of="$2" bs=512 skip="$first" count=$((last - first + 1)) \
	    status=none
}

# The default disk image: GPT valid (both headers and arrays), one ESP of
# type EF00 at 1 MiB, FAT32 clean, the image inside byte for byte, 64 MiB
# and sparse.
case_disk() {
	c=disk
	start $c
	"$T" image "$EFI" -o "$OUT/disk.img" 2>"$OUT/$c.err" ||
		{ fail $c "terrarium image failed: $(cat "$OUT/$c.err")"; return; }
	sgdisk -v "$OUT/disk.img" >"$OUT/$c.sgdisk" 2>&1
	grep -q "No problems found" "$OUT/$c.sgdisk" ||
		fail $c "sgdisk -v: $(cat "$OUT/$c.sgdisk")"
	sgdisk -p "$OUT/disk.img" >"$OUT/$c.table" 2>&1
	grep -Eq '^ +1 +2048 +[0-9]+ .* EF00 +EFI System Partition' "$OUT/$c.table" ||
		fail $c "no ESP at sector 2048: $(cat "$OUT/$c.table")"
	[ "$(grep -Ec '^ +[0-9]+ +[0-9]+ +[0-9]+ ' "$OUT/$c.table")" = 1 ] ||
		fail $c "not exactly one partition"
	# The protective MBR: one partition of type 0xee (fdisk reads it as
	# a GPT disk only then).
	fdisk -l "$OUT/disk.img" 2>&1 | grep -q "Disklabel type: gpt" ||
		fail $c "fdisk does not see a GPT disk"
	[ "$(stat -c %s "$OUT/disk.img")" = $((64 << 20)) ] ||
		fail $c "size $(stat -c %s "$OUT/disk.img"), not 64 MiB"
	[ "$(du -k "$OUT/disk.img" | cut -f1)" -lt 16384 ] ||
		fail $c "the image file is not sparse"
	fat_of "$OUT/disk.img" "$OUT/disk.fat"
	fsck.fat -n "$OUT/disk.fat" >"$OUT/$c.fsck" 2>&1 ||
		fail $c "fsck.fat: $(cat "$OUT/$c.fsck")"
	# The FAT32 boot sector names its type at offset 82.
	[ "$(dd if="$OUT/disk.fat" bs=1 skip=82 count=8 status=none)" = "FAT32   " ] ||
		fail $c "the ESP is not FAT32"
	MTOOLS_SKIP_CHECK=1 mcopy -n -i "$OUT/disk.fat" \
	    ::/EFI/BOOT/BOOTX64.EFI "$OUT/disk.copy" &&
	    cmp -s "$EFI" "$OUT/disk.copy" ||
		fail $c "EFI/BOOT/BOOTX64.EFI is not the image"
}

# --files and --size: the tree arrives whole (nested directories, long
# names, a larger file), the disk has the size asked for.
case_files() {
	c=files
	start $c
	d=$OUT/files.in
	mkdir -p "$d/etc/deep/er" "$d/EFI/vendor"
	echo "hello from a stick" >"$d/hello.txt"
	echo nested >"$d/etc/deep/er/A long file name.conf"
	echo mine >"$d/EFI/vendor/x.cfg"
	head -c 3000000 /dev/urandom >"$d/etc/blob.bin"
	"$T" image "$EFI" -o "$OUT/files.img" --files "$d" --size 100 \
	    2>"$OUT/$c.err" ||
		{ fail $c "terrarium image failed: $(cat "$OUT/$c.err")"; return; }
	[ "$(stat -c %s "$OUT/files.img")" = $((100 << 20)) ] ||
		fail $c "size $(stat -c %s "$OUT/files.img"), not 100 MiB"
	sgdisk -v "$OUT/files.img" 2>&1 | grep -q "No problems found" ||
		fail $c "sgdisk -v found problems"
	fat_of "$OUT/files.img" "$OUT/files.fat"
	fsck.fat -n "$OUT/files.fat" >"$OUT/$c.fsck" 2>&1 ||
		fail $c "fsck.fat: $(cat "$OUT/$c.fsck")"
	mkdir -p "$OUT/files.out"
	MTOOLS_SKIP_CHECK=1 mcopy -n -s -i "$OUT/files.fat" ::/ "$OUT/files.out/" \
	    2>"$OUT/$c.mcopy" || fail $c "mcopy back: $(cat "$OUT/$c.mcopy")"
	for f in hello.txt "etc/deep/er/A long file name.conf" \
	    EFI/vendor/x.cfg etc/blob.bin; do
		cmp -s "$d/$f" "$OUT/files.out/$f" || fail $c "$f did not arrive whole"
	done
	cmp -s "$EFI" "$OUT/files.out/EFI/BOOT/BOOTX64.EFI" ||
		fail $c "EFI/BOOT/BOOTX64.EFI is not the image"
}

# refused CASE WHAT TEXT ARGS...: terrarium image ARGS must fail with
# status 1 (2 for usage), one line on stderr containing TEXT, and leave no
# output file.
refused() {
	c=$1
	want=$2
	text=$3
	shift 3
	start $c
	"$T" image "$@" -o "$OUT/$c.img" >"$OUT/$c.out" 2>"$OUT/$c.err"
	got=$?
	[ "$got" = "$want" ] || fail $c "exit status $got, expected $want"
	grep -qF -- "$text" "$OUT/$c.err" ||
		fail $c "stderr lacks '$text': $(cat "$OUT/$c.err")"
	[ "$want" = 2 ] || [ "$(wc -l <"$OUT/$c.err")" = 1 ] ||
		fail $c "more than one line on stderr: $(cat "$OUT/$c.err")"
	ls "$OUT/$c.img"* >/dev/null 2>&1 && fail $c "an output file was left"
}

case_mistakes() {
	refused missing 1 "cannot read the image" "$OUT/no-such.efi"
	echo "not an image" >"$OUT/text.efi"
	refused not-pe 1 "is not a UEFI application" "$OUT/text.efi"
	refused too-small 1 "too small" "$EFI" --size 20
	mkdir -p "$OUT/clash/efi/Boot"
	echo x >"$OUT/clash/efi/Boot/bootx64.efi"
	refused clash 1 "would replace" "$EFI" --files "$OUT/clash"
	refused files-not-dir 1 "is not a directory" "$EFI" --files "$EFI"
	refused two-images 2 "one image at a time" "$EFI" "$EFI"
	refused bad-size 2 "--size wants" "$EFI" --size 12x
	c=device
	start $c
	"$T" image "$EFI" -o /dev/null 2>"$OUT/$c.err" &&
		fail $c "wrote over /dev/null"
	grep -q "not a regular file" "$OUT/$c.err" ||
		fail $c "stderr: $(cat "$OUT/$c.err")"
	[ -c /dev/null ] || fail $c "/dev/null is no longer a device"
}

# The ISO image: valid GPT for the appended ESP, an El Torito EFI entry.
case_iso() {
	c=iso
	start $c
	"$T" image "$EFI" -o "$OUT/cd.iso" 2>"$OUT/$c.err" ||
		{ fail $c "terrarium image failed: $(cat "$OUT/$c.err")"; return; }
	[ -s "$OUT/$c.err" ] && fail $c "chatter on stderr: $(cat "$OUT/$c.err")"
	xorriso -indev "$OUT/cd.iso" -report_el_torito plain 2>/dev/null |
	    grep -q "boot img :   1  UEFI" || fail $c "no El Torito UEFI entry"
	sgdisk -v "$OUT/cd.iso" 2>&1 | grep -q "No problems found" ||
		fail $c "sgdisk -v found problems"
	sgdisk -p "$OUT/cd.iso" 2>&1 | grep -q " EF00 " ||
		fail $c "no EFI System partition in the ISO's GPT"
}

# boot CASE DEVICE TBOOT-ARGS...: the firmware boots the image from that
# kind of device (its boot manager names it) without any boot entry set.
boot() {
	c=$1
	dev=$2
	shift 2
	start $c
	"$B/tboot" -q --timeout 90 --serial-log "$OUT/$c.log" \
	    --expect "hi from Terrarium" --quit-after-expect "$@" \
	    2>"$OUT/$c.err" || fail $c "did not boot: $(tail -n 3 "$OUT/$c.err")"
	grep -q "BdsDxe: starting Boot[0-9A-F]* \"UEFI QEMU.*$dev" "$OUT/$c.log" ||
		fail $c "the firmware did not boot from a $dev"
}

case_boot_disk() {
	cp "$OUT/disk.img" "$OUT/boot-disk.img"
	boot boot-disk "HARDDISK" --disk "$OUT/boot-disk.img"
}
case_boot_usb() {
	cp "$OUT/disk.img" "$OUT/boot-usb.img"
	boot boot-usb "USB HARDDRIVE" --usb "$OUT/boot-usb.img"
}
case_boot_cd() {
	boot boot-cd "DVD-ROM" --no-disk -- -drive \
	    "file=$OUT/cd.iso,format=raw,media=cdrom,readonly=on"
}
case_boot_iso_usb() {
	cp "$OUT/cd.iso" "$OUT/boot-iso-usb.iso"
	boot boot-iso-usb "USB HARDDRIVE" --usb "$OUT/boot-iso-usb.iso"
}

# Host cases first (they make the images), then the boots two at a time:
# QEMU under TCG keeps one core busy.
case_disk
case_files
case_iso
case_mistakes
case_boot_disk &
case_boot_usb &
wait
case_boot_cd &
case_boot_iso_usb &
wait

c=tmpdir
start $c
[ -z "$(ls -A "$TMPDIR")" ] || fail $c "left in TMPDIR: $(ls -A "$TMPDIR")"

tally "$OUT" 15
summary image
