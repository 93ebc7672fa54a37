#!/bin/sh
# Boot tests of the kernel-only image under QEMU+OVMF.  Each case boots
# once and checks several things; cases run two at a time (two cores).
#
# usage: tests/boot/run.sh IMAGE VERSION
# Prints one line per case and "boot: N passed, M failed".
set -u
. "$(dirname "$0")/../lib.sh"

IMAGE=$1
VERSION=$2
B=${B:-build}
OUT=$B/boot-test
TBOOT=$B/tboot
MEM=512
# How the idle message ends on serial (the console sends \r\n).
IDLE_LINE_END="QEMU to end.$(printf '\r')
"
rm -rf "$OUT"
mkdir -p "$OUT"

# fail CASE MESSAGE: records a failed check and shows the log.
fail() {
	echo "FAIL $1: $2" >>"$OUT/$1.result"
}

# has CASE TEXT: whether the case's serial log contains TEXT.
has() {
	grep -qF -- "$2" "$OUT/$1.log"
}

# expect_in_log CASE TEXT...: each TEXT must be in the log.
expect_in_log() {
	c=$1
	shift
	for t in "$@"; do
		has "$c" "$t" || fail "$c" "serial log lacks: $t"
	done
}

# boot CASE EXPECTED-STATUS TBOOT-ARGS...: runs tboot, checks its status.
boot() {
	c=$1
	want=$2
	shift 2
	: >"$OUT/$c.result"
	"$TBOOT" -q --serial-log "$OUT/$c.log" "$@" 2>"$OUT/$c.err"
	got=$?
	[ "$got" = "$want" ] ||
		fail "$c" "exit status $got, expected $want ($(tail -n 3 "$OUT/$c.err" | tr '\n' ' '))"
}

# The banner on serial and screen, an unknown option, memory size, the
# chosen video mode, the boot time.  The screen is checked twice: the banner
# cells against the font's glyphs (independent of the console code), and
# the whole screen against the kernel's serial output rendered on the host
# by the same console code.
case_banner() {
	c=banner
	# The whole last line, end included: the log must hold every byte the
	# screen shows when the screenshot is taken.
	boot $c 0 --kernel "$IMAGE" --append "video=1024x768 bogus=1" \
	    --mem $MEM --expect "$IDLE_LINE_END" \
	    --screenshot "$OUT/$c.ppm" --quit-after-expect
	expect_in_log $c "hi from Terrarium $VERSION" \
	    "cmdline: unknown option 'bogus=1' ignored" \
	    "framebuffer: 1024x768" "cpu: " "boot: "
	# q35's interrupt controllers, and a wake-up timer that fired once.
	expect_in_log $c "irq: MADT: 1 CPU, 1 I/O APIC, 5 ISA overrides" \
	    "irq: I/O APIC 0 at 0xfec00000, GSI 0-23" "timer: local APIC"
	has $c "lapic: error" && fail $c "the local APIC reported an error"
	mib=$(sed -n 's/^memory: \([0-9]*\) MiB RAM.*/\1/p' "$OUT/$c.log")
	if [ -z "$mib" ] || [ $((mib * 100)) -lt $((MEM * 95)) ] ||
	    [ $((mib * 100)) -gt $((MEM * 105)) ]; then
		fail $c "memory reported '$mib' MiB, not within 5% of $MEM"
	fi
	# Boot-services memory (about 7% here) is free again after the switch.
	free=$(sed -n 's/^memory: [0-9]* MiB RAM, \([0-9]*\) MiB free.*/\1/p' \
	    "$OUT/$c.log")
	if [ -z "$free" ] || [ $((free * 100)) -lt $((mib * 98)) ]; then
		fail $c "only '$free' of $mib MiB free: boot-services memory not reclaimed?"
	fi
	# The kernel's output: from its first line to the end of the log.
	sed -n '/hi from Terrarium/,$p' "$OUT/$c.log" |
	    sed '1s/.*hi from Terrarium/hi from Terrarium/' >"$OUT/$c.text"
	format=$(sed -n 's/^framebuffer: [0-9x]* \([A-Z]*\).*/\1/p' "$OUT/$c.log" |
	    tr A-Z a-z)
	[ -n "$format" ] || format=bgrx
	$B/fbcheck "$OUT/$c.ppm" 0 "hi from Terrarium $VERSION" \
	    >"$OUT/$c.fbcheck" 2>&1 ||
		fail $c "banner glyphs not on screen: $(cat "$OUT/$c.fbcheck")"
	$B/fbrender 1024 768 "$format" <"$OUT/$c.text" >"$OUT/$c.expected.ppm" &&
	    $B/fbcheck --compare "$OUT/$c.ppm" "$OUT/$c.expected.ppm" \
	    >"$OUT/$c.compare" 2>&1 ||
		fail $c "screen differs from the serial text rendered: $(cat "$OUT/$c.compare")"
}

# Booting from a FAT disk as EFI/BOOT/BOOTX64.EFI, the way a USB stick and
# make demo boot it: no load options at all.
case_fat() {
	c=fat
	boot $c 0 --efi "$IMAGE" --expect "no program in this image" \
	    --quit-after-expect
	expect_in_log $c "hi from Terrarium $VERSION" "framebuffer: 1920x1080"
	has $c "cmdline:" && fail $c "an empty command line gave a cmdline message"
}

# An image booted with no load options (a USB stick, firmware PXE) uses the
# command line built into it by terrarium link --cmdline; options given at
# boot win over it.
case_builtin_cmdline() {
	c=builtin-cmdline
	: >"$OUT/$c.result"
	"$B/terrarium" link -q --cmdline "builtin-word=1 poweroff" \
	    -o "$OUT/$c.efi" 2>"$OUT/$c.err" ||
		{ fail $c "terrarium link --cmdline failed: $(cat "$OUT/$c.err")"; return; }
	boot $c 0 --efi "$OUT/$c.efi"
	expect_in_log $c "cmdline: unknown option 'builtin-word=1' ignored" \
	    "powering off"
	g=builtin-cmdline-given
	# video=keep leaves OVMF's own mode (1280x800 in Debian's build)
	# instead of switching to the default 1920x1080.
	boot $g 0 --kernel "$OUT/builtin-cmdline.efi" \
	    --append "given-word=2 video=keep poweroff"
	expect_in_log $g "cmdline: unknown option 'given-word=2' ignored" \
	    "framebuffer: 1280x800"
	has $g "builtin-word" &&
		fail $g "the built-in command line was used although one was given"
}

# A machine without GOP boots on serial alone; ACPI S5 powers it off
# (QEMU reports a power-off, not a reset or a debug-exit write).
case_no_gop() {
	c=no-gop
	boot $c 0 -v --kernel "$IMAGE" --append poweroff --no-vga
	expect_in_log $c "hi from Terrarium $VERSION" \
	    "framebuffer: none" "powering off"
	grep -q "guest powered off" "$OUT/$c.err" ||
		fail $c "QEMU did not see an ACPI power-off: $(cat "$OUT/$c.err")"
}

# Reset ends QEMU (-no-reboot); on q35 it must come from the FADT reset
# register, the first way power_reset tries (it says when one fails).
case_reboot() {
	c=reboot
	boot $c 0 --kernel "$IMAGE" --append reboot
	expect_in_log $c "rebooting"
	grep -qi reset "$OUT/$c.err" || fail $c "tboot saw no guest reset"
	has $c "power: reset register" &&
		fail $c "the ACPI reset register did not reset the machine"
}

# crash_case NAME KIND EXCEPTION FUNCTION: a deliberate fault gives a
# crash report naming the exception and the faulting function, and the
# failure status 70.
crash_case() {
	c=crash-$1
	boot $c 70 --kernel "$IMAGE" --append "crash=$2"
	expect_in_log $c "$3" "backtrace:" "kernel_main+"
	grep -A1 '^backtrace:' "$OUT/$c.log" | grep -q "#0 .* $4" ||
		fail $c "backtrace frame #0 does not name $4"
}

case_crash_null() {
	crash_case null null "#PF page fault" crash_null_deref
	expect_in_log crash-null "address 0x0 (null pointer)"
}
case_crash_divide() {
	crash_case divide divide "#DE divide error" crash_divide_by_zero
}
case_crash_textwrite() {
	crash_case textwrite textwrite "#PF page fault" crash_write_text
	expect_in_log crash-textwrite "write violating page protection"
}
case_crash_stack() {
	crash_case stack stack "#PF page fault" crash_recurse
	expect_in_log crash-stack "the frame above"
}

cases="banner fat builtin_cmdline no_gop reboot crash_null crash_divide crash_textwrite
crash_stack"

# Two at a time: QEMU under TCG keeps one core busy.
set -- $cases
while [ $# -gt 0 ]; do
	case_$1 &
	if [ $# -gt 1 ]; then
		case_$2 &
		shift
	fi
	shift
	wait
done

tally "$OUT" 25
grep -h '^boot: ' "$OUT/banner.log" 2>/dev/null | sed 's/^/  timing: /'
summary boot
