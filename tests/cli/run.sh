#!/bin/sh
# Tests of the terrarium command.  Without booting: usage mistakes, compile
# errors, refused and unknown packages, link errors, a kernel-only link with
# a command line and files.  With a few boots: terrarium run's plumbing on
# the kernel-only image and, once the kernel runs programs, OCaml programs
# whose stdout, stderr and exit status must match the same programs built
# for Linux.
#
# usage: B=BUILD-DIR sh tests/cli/run.sh
# Prints one line per check and "cli: N passed, M failed".
set -u
. "$(dirname "$0")/../lib.sh"

B=${B:-build}
T=$(pwd)/$B/terrarium
ROOT=$(pwd)
SRC=$ROOT/tests/cli
OUT=$(pwd)/$B/cli-test
LIBDIR=$(pwd)/$B/lib/terrarium
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$OUT" || exit 1

# run NAME COMMAND...: runs COMMAND with its output in NAME.out, its error
# output in NAME.err and its status in NAME.status (may run in background).
run() {
	name=$1
	shift
	"$@" >"$name.out" 2>"$name.err" </dev/null
	echo $? >"$name.status"
}

# check NAME STATUS [-o TEXT | -e TEXT]...: run NAME's status must be
# STATUS, each -o TEXT must be in its output, each -e TEXT in its errors.
check() {
	name=$1
	want=$2
	shift 2
	got=$(cat "$name.status")
	if [ "$got" != "$want" ]; then
		bad "$name" "status $got, expected $want: $(head -c 400 "$name.err")"
		return
	fi
	while [ $# -gt 0 ]; do
		file=$name.out
		[ "$1" = -e ] && file=$name.err
		if ! grep -qF -- "$2" "$file"; then
			bad "$name" "$file lacks: $2"
			return
		fi
		shift 2
	done
	ok "$name"
}

cp "$SRC"/*.ml .

# --- the command line ---
run no-command "$T"
check no-command 2 -e "usage: terrarium COMMAND"
run version "$T" --version
check version 0 -o "terrarium "
run help "$T" --help
check help 0 -o "build" -o "link" -o "run"
run unknown-command "$T" frobnicate
check unknown-command 2 -e "no command named frobnicate" \
    -e "Try 'terrarium --help'"
run unknown-option "$T" build --frob hello.ml
check unknown-option 2 -e "unknown option --frob" \
    -e "Try 'terrarium build --help'"
run missing-value "$T" link -o
check missing-value 2 -e "option -o needs a value"
for c in build link run; do
	run help-$c "$T" $c --help
	check help-$c 0 -o "usage: terrarium $c" -o "--help" -o "Exit status"
done
run help-via-help "$T" help run
check help-via-help 0 -o "usage: terrarium run"

# --- terrarium build, up to the link ---
run missing-ml "$T" build nosuch.ml
check missing-ml 2 -e "cannot read nosuch.ml: No such file or directory"
run not-ml "$T" build hello.c
check not-ml 2 -e "hello.c is not an OCaml source file"
run no-files "$T" build -q
check no-files 2 -e "no OCaml file to compile"
# OCaml's own message, as OCaml prints it.
run type-error "$T" build -q typeerror.ml
check type-error 1 -e 'File "typeerror.ml", line 1' \
    -e '1 | let x : int = "not an int"' \
    -e "Error: This expression has type string but an expression was expected of type"
[ -e typeerror.efi ] && bad type-error-output "a failed build left typeerror.efi"
# Several modules, one with an interface, from another directory: the
# compiler's files go elsewhere, and the image is made.
mkdir -p src
printf 'val greet : string -> string\n' >src/greet.mli
printf 'let greet n = "hello " ^ n\n' >src/greet.ml
printf 'let () = print_endline (Greet.greet "modules")\n' >src/main.ml
run modules "$T" build -q src/greet.mli src/greet.ml src/main.ml
check modules 0 -o "image: main.efi "
[ "$(ls src | tr '\n' ' ')" = "greet.ml greet.mli main.ml " ] ||
	bad modules-clean "the build left files beside the sources: $(ls src)"
run unknown-package "$T" build -q -package nosuchpackage hello.ml
check unknown-package 1 -e "nosuchpackage" -e "not found"
run threads "$T" build -q -package threads hello.ml
check threads 1 \
    -e "package threads needs kernel threads, which Terrarium does not run yet"
run threads-posix "$T" build -q -package unix,threads.posix hello.ml
check threads-posix 1 -e "package threads.posix needs kernel threads"

# --- terrarium link ---
run link-missing "$T" link nosuch.o
check link-missing 1 -e "cannot read nosuch.o: No such file or directory"
run link-lib-unknown "$T" link -l nosuch x.o
check link-lib-unknown 1 -e "there is no libnosuch.a"
run link-lib-threads "$T" link -l pthread x.o
check link-lib-threads 1 -e "needs kernel threads"
printf 'extern int nosuch_function(void);\nint f(void) { return nosuch_function(); }\n' >undef.c
gcc -fPIC -c undef.c -o undef.o
run link-undefined "$T" link -q undef.o
check link-undefined 1 -e "nosuch_function (used by undef.o)" \
    -e "the full output of the link is in undef.efi.log"
[ -s undef.efi.log ] || bad link-undefined-log "undef.efi.log is missing or empty"
[ -e undef.efi ] && bad link-undefined-output "a failed link left undef.efi"
# The kernel alone with a default command line and files, as a USB stick
# image gets them: both must be in the image, and no log left behind.
mkdir -p files/etc
printf 'terrarium-file-content-%s\n' 42 >files/etc/motd
run link-kernel "$T" link -q -o kernel.efi --cmdline "poweroff -- default-args" \
    --files files
check link-kernel 0 -o "image: kernel.efi "
if [ -s kernel.efi ]; then
	grep -q "poweroff -- default-args" kernel.efi ||
		bad link-cmdline "the command line is not in the image"
	grep -q "terrarium-file-content-42" kernel.efi ||
		bad link-files "the file's content is not in the image"
	grep -q "etc/motd" kernel.efi ||
		bad link-files "the file's name is not in the image"
	[ -e kernel.efi.log ] && bad link-kernel-log "a good link left its log"
fi

# --- terrarium run, without booting ---
run run-no-image "$T" run
check run-no-image 2 -e "no image to run"
run run-two-images "$T" run a.efi b.efi
check run-two-images 2 -e "one image at a time"
run run-bad-mem "$T" run --mem lots kernel.efi
check run-bad-mem 2 -e "--mem wants whole MiB"
run run-bad-env "$T" run -e lower=1 kernel.efi
check run-bad-env 2 -e "-e wants NAME=value"
run run-quote "$T" run kernel.efi -- 'say "hi"'
check run-quote 2 -e "holds a double quote"
run run-missing "$T" run nosuch.efi
check run-missing 2 -e "cannot read nosuch.efi"

# --- boots of the kernel alone, two at a time ---
# A clean power-off is status 0, and the firmware's console output on COM2
# never reaches stdout; a crash is status 70 with the kernel's report.
run run-poweroff "$T" run --timeout 60 --kernel-args poweroff kernel.efi &
run run-crash "$T" run --timeout 60 --kernel-args crash=null kernel.efi &
wait
check run-poweroff 0
[ -s run-poweroff.out ] &&
	bad run-poweroff-stdout "stdout is not empty: $(od -c run-poweroff.out | head -n 3)"
check run-crash 70 -e "the kernel stopped on a crash (status 70)" \
    -e "#PF page fault" -e "backtrace:"
run run-timeout "$T" run --timeout 1 kernel.efi
check run-timeout 124 -e "did not finish within 1 s"

# --- OCaml programs ---
# The same bytes on stdout and stderr and the same status as on Linux: a
# program with arguments, environment variables, input, a file of the
# image and exit 3, and one that dies of an uncaught exception (status 2).
run build-hello "$T" build -q -package unix,str --files files hello.ml
check build-hello 0 -o "image: hello.efi "
run build-raise "$T" build -q raise.ml
check build-raise 0 -o "image: raise.efi "
# examples/dune-hello, as its README says, built outside the tree.
run dune-build dune build --root "$ROOT/examples/dune-hello" \
    --build-dir "$OUT/dune" ./hello-prog.o
check dune-build 0
run dune-link "$T" link -q -l unix -o dune-hello.efi \
    "$OUT/dune/default/hello-prog.o"
check dune-link 0 -o "image: dune-hello.efi "
ocamlfind ocamlopt -package unix,str -linkpkg hello.ml -o hello.native \
    2>/dev/null
ocamlfind ocamlopt raise.ml -o raise.native 2>/dev/null
printf 'first line\nsecond line\n' >hello.in
GREETING="hi there" HELLO_FILE=files/etc/motd ./hello.native \
    "one two" three <hello.in \
    >hello.native.out 2>hello.native.err
native_status=$?
./raise.native >raise.native.out 2>raise.native.err
# Its stdin is a file: terrarium feeds it to COM2, then the end.
"$T" run --timeout 120 -e "GREETING=hi there" \
    -e HELLO_FILE=/etc/motd hello.efi -- \
    "one two" three <hello.in >hello.out 2>hello.err &
hello_pid=$!
run raise "$T" run --timeout 120 raise.efi &
wait $hello_pid
echo $? >hello.status
wait
check hello 3
check raise 2
[ "$native_status" = 3 ] || bad hello-native "Linux status $native_status"
for p in hello raise; do
	for s in out err; do
		if cmp -s $p.native.$s $p.$s; then
			ok $p-std$s
		else
			bad $p-std$s "differs from Linux's: $(cmp $p.native.$s $p.$s 2>&1)"
		fi
	done
done

summary cli
