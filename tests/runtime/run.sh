#!/bin/sh
# Proves the musl-built OCaml libraries (runtime/rules.mk) on Linux, without
# our kernel.  Every tests/runtime/*.ml is linked twice: as an -output-obj
# object with LIBDIR's libasmrun.a, libunix.a, libcamlstr.a and musl's
# libc.a (static), and normally with Debian's runtime and glibc.  Both must
# print the same stdout and stderr and exit with the same status, the one the
# program's "(* exit: N" comment names.  Two more checks: the libraries need
# nothing beyond musl's libc.a (the image links no libgcc), and they contain
# no AVX instruction (OVMF leaves AVX off).
# Usage: run.sh LIBDIR WORKDIR
set -u

libdir=$(cd "$1" && pwd) || exit 1
mkdir -p "$2" && work=$(cd "$2" && pwd) || exit 1
here=$(cd "$(dirname "$0")" && pwd)
libc=/usr/lib/x86_64-linux-musl/libc.a
libs="$libdir/libunix.a $libdir/libcamlstr.a $libdir/libasmrun.a"
passed=0 failed=0

# pass NAME / fail NAME WHY: count one check.
pass() { echo "  ok    $1"; passed=$((passed + 1)); }
fail() { echo "  FAIL  $1: $2"; failed=$((failed + 1)); }

# run BINARY PREFIX INPUT: run in an empty directory of its own with fixed
# arguments, environment and stdin; leave PREFIX.out, .err and .rc.
run() {
	mkdir "$2.dir" || return
	(cd "$2.dir" && ulimit -s 8192 &&
	    exec env -u TERRARIUM_RT_UNSET TERRARIUM_RT_TEST=yes \
	    timeout 60 "$1" one "two words" <"$3" >"$2.out" 2>"$2.err")
	echo $? >"$2.rc"
}

# build NAME: compile NAME.ml both ways in the current directory.
# -output-obj leaves out Std_exit, whose at_exit flushes stdout at the end
# of the program: name it last, as a normal link does.
build() {
	ocamlfind ocamlopt -g -package unix,str -linkpkg "$1.ml" \
	    -o "$1.native" &&
	ocamlfind ocamlopt -g -package unix,str -linkpkg -output-obj \
	    -o "$1.prog.o" "$1.ml" "$(ocamlfind ocamlc -where)/std_exit.cmx" &&
	musl-gcc -static "$1.prog.o" $libs -lm -o "$1.musl"
}

for l in $libs $libc; do
	[ -f "$l" ] || { echo "runtime: $l is missing" >&2; exit 1; }
done
rm -rf "${work:?}"/* || exit 1
for ml in "$here"/*.ml; do
	name=$(basename "$ml" .ml)
	dir=$work/$name
	mkdir "$dir" && cp "$ml" "$dir/" || exit 1
	want=$(sed -n 's/^(\* exit: \([0-9]*\).*/\1/p' "$ml")
	if ! (cd "$dir" && build "$name") >"$dir/build.log" 2>&1; then
		fail "$name" "build failed"
		sed 's/^/        /' "$dir/build.log"
		continue
	fi
	run "$dir/$name.musl" "$dir/musl" "$ml"
	run "$dir/$name.native" "$dir/native" "$ml"
	why=""
	for f in out err rc; do
		cmp -s "$dir/musl.$f" "$dir/native.$f" || why="$why $f differs;"
	done
	[ "$(cat "$dir/musl.rc")" = "$want" ] ||
		why="$why exit $(cat "$dir/musl.rc"), want $want;"
	[ -s "$dir/musl.out" ] || why="$why no output;"
	if [ -z "$why" ]; then
		pass "$name ($(wc -l <"$dir/musl.out") lines, exit $want)"
	else
		fail "$name" "$why"
		for f in out err; do
			diff "$dir/native.$f" "$dir/musl.$f" | head -n 20 |
			    sed 's/^/        /'
		done
	fi
done

# Symbols the libraries and a program need that neither they nor musl
# define; only the linker's own _GLOBAL_OFFSET_TABLE_ may remain.
set -- "$work"/*/*.prog.o
prog=$1
nm -u $libs "$prog" 2>/dev/null | awk 'NF == 2 { print $2 }' | sort -u \
    >"$work/undef"
nm --defined-only $libs "$prog" "$libc" 2>/dev/null |
    awk 'NF == 3 { print $3 }' | sort -u >"$work/def"
missing=$(comm -23 "$work/undef" "$work/def" |
    grep -v '^_GLOBAL_OFFSET_TABLE_$' | tr '\n' ' ')
if [ -s "$work/undef" ] && [ -z "$missing" ]; then
	pass "symbols (all resolved by musl libc.a)"
else
	fail "symbols" "unresolved: $missing"
fi

avx=$(objdump -d --no-show-raw-insn $libs |
    grep -cE '%[yz]mm|^ *[0-9a-f]+:[[:space:]]+v[a-z0-9]+[[:space:]]')
if [ "$avx" -eq 0 ]; then
	pass "no AVX instructions"
else
	fail "no AVX instructions" "$avx found"
fi

echo "runtime: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
