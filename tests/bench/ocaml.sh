#!/bin/sh
# Benchmarks of OCaml images (issue 3).  Each figure is printed with a
# ratio against a baseline measured in this same run; nothing here fails on
# an absolute time (the machines are shared and QEMU is TCG).
#   - image size of a hello world, against the kernel-only image
#   - guest time from efi_main to the program's first instruction, against
#     the time to the end of the banner in the same boot
#   - syscall round trip (getppid) in the image, against Linux on this host
# usage: tests/bench/ocaml.sh   (B: build directory, default build)
set -u
B=${B:-build}
T=$B/terrarium
OUT=$B/bench/ocaml
SRC=tests/bench
rm -rf "$OUT"
mkdir -p "$OUT"

fail() {
	echo "bench ocaml: $*" >&2
	exit 1
}

"$T" build -q -o "$OUT/hello.efi" "$SRC/hello.ml" ||
	fail "terrarium build of hello.ml failed"
hello=$(stat -c %s "$OUT/hello.efi")
kernel=$(stat -c %s "$B/BOOTX64.EFI")
echo "image size, hello world: $hello bytes ($(echo "$hello $kernel" |
	awk '{ printf "%.1fx the kernel-only image, %.2f of the 1.5 MB target", $1 / $2, $1 / 1572864 }'))"

"$T" run --verbose --timeout 120 "$OUT/hello.efi" >"$OUT/hello.out" \
	2>"$OUT/hello.err" || fail "hello.efi did not run: $(tail -n 3 "$OUT/hello.err")"
start=$(sed -n 's/.*program: started \([0-9.]*\) ms after efi_main.*/\1/p' "$OUT/hello.err")
banner=$(sed -n 's/.*boot: \([0-9.]*\) ms from efi_main.*/\1/p' "$OUT/hello.err")
[ -n "$start" ] && [ -n "$banner" ] || fail "no boot timing lines in the console log"
echo "efi_main to the program's first instruction: $start ms guest time ($(echo "$start $banner" |
	awk '{ printf "%.2fx the banner time of %s ms, %.2f of the 30 ms target", $1 / $2, $2, $1 / 30 }'))"

"$T" build -q -package unix -o "$OUT/syscall.efi" "$SRC/syscall.ml" ||
	fail "terrarium build of syscall.ml failed"
ocamlfind ocamlopt -package unix -linkpkg "$SRC/syscall.ml" \
	-o "$OUT/syscall.native" 2>"$OUT/native.err" ||
	fail "native build of syscall.ml failed: $(cat "$OUT/native.err")"
native=$("$OUT/syscall.native" 2000000) || fail "syscall.native failed"
image=$("$T" run --timeout 300 "$OUT/syscall.efi" -- 200000) ||
	fail "syscall.efi failed"
echo "syscall round trip (getppid): $image ns in the image, $native ns on Linux here ($(echo "$image $native" |
	awk '{ printf "%.2fx", $1 / $2 }'))"
