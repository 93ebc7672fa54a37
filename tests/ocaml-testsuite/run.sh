#!/bin/sh
# Runs the single-file native programs of OCaml 4.13.1's own testsuite
# (testsuite/tests/ in Debian's ocaml-source) on Linux and in Terrarium
# images.  README.md says how tests are chosen.
#
# usage: tests/ocaml-testsuite/run.sh [--native-only]
# Environment: B (build directory, default build; everything goes to
# $B/ocaml-testsuite, OCaml's files included), TERRARIUM (default
# $B/terrarium), OCAML_SOURCE (default /usr/src/ocaml-source-4.13.1.tar),
# OCAML_TESTSUITE_ONLY (an extended regular expression: only the selected
# tests whose path matches it run).
# Prints the failures and "ocaml-testsuite: P passed, F failed (of U usable)".
set -u

HERE=tests/ocaml-testsuite
B=${B:-build}
OUT=$B/ocaml-testsuite
TERRARIUM=${TERRARIUM:-$B/terrarium}
SOURCE=${OCAML_SOURCE:-/usr/src/ocaml-source-4.13.1.tar}
NATIVE_TIMEOUT=20
# An image gets 60 s plus 40 times what the Linux run took (TCG is 10-50
# times slower), at most 600 s.
IMAGE_TIMEOUT=60
# Some tests hold 450 MB on Linux (statmemprof/arrays_in_minor).
IMAGE_MEM=1024
# Directories of compiler, type checker and tool tests, not of the runtime
# or the libraries.
EXCLUDE='^(typing-|tool-|ppx-|warnings|parsing|parse-errors|generated-parse-errors|messages|printing-types|ast-invariants|parsetree|utils|compiler-libs|self-contained-toplevel|lib-dynlink-|lib-systhreads|lib-threads|c-api|embedded|output-complete-obj|afl-instrumentation|instrumented-runtime|reproducibility|load_path|link-test|no-alias-deps|opaque|shadow_include|letrec-check|formats-transition|win-unicode)'

# field N: the Nth tab-separated field of the test's spec.
field() {
	cut -f "$1" "$T/spec"
}

# native ID: builds and runs one test on Linux; the test is usable when the
# output (stdout and stderr together, as ocamltest takes it) equals the
# reference and the status is the expected one.
native() {
	T=$OUT/t/$1
	rel=$(field 1) flags=$(field 2) args=$(field 3) want=$(field 4)
	ref=$(field 5) runparam=$(field 7)
	name=$(basename "$rel" .ml)
	srcdir=$OUT/src/$(dirname "$rel")
	g=""
	case " $flags " in *" -g "*) g=-g ;; esac
	# files/: what the program finds in its working directory (its source,
	# as ocamltest leaves it, and its data files); every run gets a fresh
	# copy, the image gets it with --files.
	mkdir -p "$T/build" "$T/files"
	cp "$srcdir/$name.ml" "$T/build/"
	cp "$srcdir/$name.ml" "$T/files/"
	for f in $(field 6); do cp "$srcdir/$f" "$T/files/"; done
	libs=""
	if [ "$(field 8)" = yes ]; then
		cp "$OUT/src/testsuite/lib/testing.mli" "$OUT/src/testsuite/lib/testing.ml" "$T/build/"
		libs="testing.mli testing.ml"
	fi
	echo "$libs" >"$T/libs"
	# shellcheck disable=SC2086
	if ! (cd "$T/build" && ocamlfind ocamlopt $g -package unix,str -linkpkg \
	    $libs "$name.ml" -o prog >build.log 2>&1); then
		echo "native build failed" >"$T/native"
		return
	fi
	cp -R "$T/files" "$T/run1"
	# shellcheck disable=SC2086
	(cd "$T/run1" && env -i PATH=/usr/bin:/bin ${runparam:+OCAMLRUNPARAM=$runparam} \
	    timeout $NATIVE_TIMEOUT ../build/prog $args </dev/null >../merged 2>&1
	echo $? >../merged.status)
	got=$(cat "$T/merged.status")
	if [ -n "$ref" ]; then
		cp "$srcdir/$ref" "$T/reference"
	else
		: >"$T/reference"
	fi
	if [ "$got" != "$want" ]; then
		echo "native status $got, expected $want" >"$T/native"
	elif ! cmp -s "$T/reference" "$T/merged"; then
		echo "native output differs from the reference" >"$T/native"
	else
		# Streams apart, as the image gives them.
		t0=$(date +%s%N)
		cp -R "$T/files" "$T/run2"
		# shellcheck disable=SC2086
		(cd "$T/run2" && env -i PATH=/usr/bin:/bin \
		    ${runparam:+OCAMLRUNPARAM=$runparam} timeout $NATIVE_TIMEOUT \
		    ../build/prog $args </dev/null >../native.out 2>../native.err
		echo $? >../native.status)
		echo $((($(date +%s%N) - t0) / 1000000)) >"$T/native.ms"
		echo usable >"$T/native"
	fi
}

# image ID: builds the usable test into an image, boots it once, and
# compares stdout, stderr and status with the Linux run.
image() {
	T=$OUT/t/$1
	rel=$(field 1) flags=$(field 2) args=$(field 3) runparam=$(field 7)
	name=$(basename "$rel" .ml)
	g=""
	case " $flags " in *" -g "*) g=-g ;; esac
	mkdir -p "$T/image"
	cp "$T/build/$name.ml" "$T/image/"
	libs=$(cat "$T/libs")
	[ -n "$libs" ] && cp "$T/build/testing.mli" "$T/build/testing.ml" "$T/image/"
	# shellcheck disable=SC2086
	if ! (cd "$T/image" && "$ABS_TERRARIUM" build -q $g -package unix,str \
	    --files ../files $libs "$name.ml" -o prog.efi >build.log 2>&1); then
		{ echo "FAIL $rel: terrarium build failed"; tail -n 3 "$T/image/build.log" |
		    sed 's/^/    /'; } >"$T/image.result"
		return
	fi
	limit=$((IMAGE_TIMEOUT + 40 * $(cat "$T/native.ms") / 1000))
	[ $limit -gt 600 ] && limit=600
	# shellcheck disable=SC2086
	"$TERRARIUM" run --mem $IMAGE_MEM --timeout $limit \
	    ${runparam:+-e OCAMLRUNPARAM=$runparam} \
	    "$T/image/prog.efi" -- $args </dev/null >"$T/image.out" 2>"$T/image.err"
	st=$?
	nst=$(cat "$T/native.status")
	why=""
	if [ "$st" != "$nst" ]; then
		why="status $st, expected $nst"
	elif ! cmp -s "$T/native.out" "$T/image.out"; then
		why="stdout differs"
	elif ! cmp -s "$T/native.err" "$T/image.err"; then
		why="stderr differs"
	fi
	if [ -z "$why" ]; then
		echo "ok   $rel" >"$T/image.result"
	else
		{
			echo "FAIL $rel: $why"
			diff "$T/native.out" "$T/image.out" | head -n 4 | sed 's/^/    out /'
			diff "$T/native.err" "$T/image.err" | head -n 4 | sed 's/^/    err /'
		} >"$T/image.result"
	fi
}

case "${1:-}" in
--native) native "$2"; exit 0 ;;
--image)
	ABS_TERRARIUM=$(cd "$(dirname "$TERRARIUM")" && pwd)/$(basename "$TERRARIUM")
	image "$2"
	exit 0 ;;
esac

MODE=image
[ "${1:-}" = --native-only ] && MODE=native
if [ $MODE = image ] && [ ! -x "$TERRARIUM" ]; then
	echo "ocaml-testsuite: $TERRARIUM not found; build it first or use --native-only" >&2
	exit 1
fi
[ -f "$SOURCE" ] || {
	echo "ocaml-testsuite: $SOURCE not found (Debian package ocaml-source)" >&2
	exit 1
}
START=$(date +%s)
ABS_HERE=$(pwd)/$HERE
rm -rf "$OUT"
mkdir -p "$OUT/src" "$OUT/t"
# The source package holds the upstream tarball; take only the testsuite.
tar -xOf "$SOURCE" --wildcards '*/ocaml_*.orig.tar.gz' |
    tar -xzf - -C "$OUT/src" --strip-components=1 --wildcards '*/testsuite/' ||
    { echo "ocaml-testsuite: cannot extract $SOURCE" >&2; exit 1; }

# Selection: one line per program, "run" or "skip REASON".
(
	cd "$OUT/src/testsuite/tests" || exit 1
	find . -name '*.ml' | sed 's|^\./||' | sort >../all
	grep -E "$EXCLUDE" ../all | sed 's/$/\tskip\tcompiler or tool test directory/'
	grep -Ev "$EXCLUDE" ../all | xargs awk -f "$ABS_HERE/select.awk"
) | sed 's|^|testsuite/tests/|' | sort >"$OUT/selection.tsv"

total=$(wc -l <"$OUT/src/testsuite/all")
selected=$(awk -F '\t' '$2 == "run"' "$OUT/selection.tsv" | wc -l)
awk -F '\t' '$2 == "run"' "$OUT/selection.tsv" |
    grep -E -- "${OCAML_TESTSUITE_ONLY:-.}" >"$OUT/run.tsv"
echo "ocaml-testsuite: $total programs, $selected selected; skipped by reason:"
awk -F '\t' '$2 == "skip" { n[$3]++ } END { for (r in n) printf "  %5d %s\n", n[r], r }' \
    "$OUT/selection.tsv" | sort -rn | head -n 12

# One directory per test, named after its path.
while IFS= read -r line; do
	id=$(echo "$line" | cut -f 1 | sed 's|^testsuite/tests/||; s|/|__|g; s|\.ml$||')
	mkdir -p "$OUT/t/$id"
	echo "$line" | cut -f 1,3- >"$OUT/t/$id/spec"
	echo "$id"
done <"$OUT/run.tsv" >"$OUT/ids"

xargs -n 1 -P 2 sh "$0" --native <"$OUT/ids"
for id in $(cat "$OUT/ids"); do
	[ "$(cat "$OUT/t/$id/native")" = usable ] && echo "$id"
done >"$OUT/usable"
usable=$(wc -l <"$OUT/usable")
[ -n "${OCAML_TESTSUITE_ONLY:-}" ] &&
    echo "ocaml-testsuite: $(wc -l <"$OUT/ids") of them match $OCAML_TESTSUITE_ONLY"
echo "ocaml-testsuite: $usable usable (Linux output equals the reference) in $(($(date +%s) - START)) s;" \
    "not usable:"
for id in $(cat "$OUT/ids"); do
	r=$(cat "$OUT/t/$id/native")
	[ "$r" = usable ] || echo "  $(cut -f 1 "$OUT/t/$id/spec" | sed 's|^testsuite/tests/||'): $r"
done

if [ $MODE = native ]; then
	echo "ocaml-testsuite: native only, $usable usable of $selected selected"
	exit 0
fi

xargs -n 1 -P 2 sh "$0" --image <"$OUT/usable"
passed=0
for id in $(cat "$OUT/usable"); do
	f=$OUT/t/$id/image.result
	[ -f "$f" ] || echo "FAIL $id: no result" >"$f"
	case $(head -c 4 "$f") in
	"ok  ") passed=$((passed + 1)) ;;
	*) sed 's|testsuite/tests/||' "$f" ;;
	esac
done
failed=$((usable - passed))
echo "ocaml-testsuite: pass rate $passed/$usable" \
    "($(awk -v p="$passed" -v u="$usable" 'BEGIN { printf "%.0f", u ? 100 * p / u : 0 }')%)," \
    "$(($(date +%s) - START)) s"
echo "ocaml-testsuite: $passed passed, $failed failed"
[ $failed -eq 0 ]
