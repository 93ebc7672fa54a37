#!/bin/sh
# The event syscalls seen from OCaml: tests/events/events.ml built for
# Linux and with terrarium, each run with stdin from /dev/null, must print
# the same bytes on stdout and stderr and end with status 0.  One boot.
#
# usage: B=BUILD-DIR sh tests/events/run.sh
# Prints one line per check and "events: N passed, M failed".
set -u

B=${B:-build}
T=$(pwd)/$B/terrarium
SRC=$(pwd)/tests/events
OUT=$(pwd)/$B/events-test
passed=0
failed=0

ok() {
	echo "ok   $1"
	passed=$((passed + 1))
}

bad() {
	echo "FAIL $1: $2"
	failed=$((failed + 1))
}

# Each build in its own directory: ocamlfind warns about a second .cmi.
rm -rf "$OUT"
mkdir -p "$OUT/linux" "$OUT/image" || exit 1
cp "$SRC/events.ml" "$OUT/linux/" && cp "$SRC/events.ml" "$OUT/image/" ||
	exit 1
if (cd "$OUT/linux" && ocamlfind ocamlopt -package unix -linkpkg \
    events.ml -o events) >"$OUT/linux/build.log" 2>&1; then
	ok build-linux
else
	bad build-linux "$(head -c 400 "$OUT/linux/build.log")"
fi
if (cd "$OUT/image" && "$T" build -q -package unix events.ml) \
    >"$OUT/image/build.log" 2>&1; then
	ok build-image
else
	bad build-image "$(head -c 400 "$OUT/image/build.log")"
fi

if [ -x "$OUT/linux/events" ] && [ -s "$OUT/image/events.efi" ]; then
	(cd "$OUT/linux" && ./events </dev/null >out 2>err; echo $? >status)
	"$T" run --timeout 120 "$OUT/image/events.efi" </dev/null \
	    >"$OUT/image/out" 2>"$OUT/image/err"
	echo $? >"$OUT/image/status"
	for side in linux image; do
		st=$(cat "$OUT/$side/status")
		if [ "$st" = 0 ] && [ "$(tail -n 1 "$OUT/$side/out")" = done ]; then
			ok "run-$side"
		else
			bad "run-$side" "status $st, last line: $(tail -n 1 \
			    "$OUT/$side/out"); $(head -c 400 "$OUT/$side/err")"
		fi
	done
	for s in out err; do
		if cmp -s "$OUT/linux/$s" "$OUT/image/$s"; then
			ok "same-std$s ($(wc -l <"$OUT/linux/$s") lines)"
		else
			bad "same-std$s" "differs from Linux's (< linux, > image):
$(diff "$OUT/linux/$s" "$OUT/image/$s" | head -n 20)"
		fi
	done
fi

echo "events: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
