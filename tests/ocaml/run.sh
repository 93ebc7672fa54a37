#!/bin/sh
# The differential OCaml corpus: every program of tests/ocaml/progs/ built
# into one executable for Linux and into one Terrarium image, run with the
# same arguments, environment and files; stdout, stderr and the exit status
# must be the same bytes.  README.md explains the grouping.
#
# usage: tests/ocaml/run.sh [--native-only]
#   --native-only  no image: run the Linux build twice (outputs must not
#                  change), check each program's expected status, and build
#                  and run each program alone as well.
# Environment: B (build directory, default build; work files go to
# $B/ocaml-test), TERRARIUM (default $B/terrarium), OCAML_TEST_GROUPS (boots
# the ordinary programs are spread over, default 2).
# Prints one line per program and "ocaml: N passed, M failed".
set -u

SRC=tests/ocaml
B=${B:-build}
OUT=$B/ocaml-test
TERRARIUM=${TERRARIUM:-$B/terrarium}
NGROUPS=${OCAML_TEST_GROUPS:-2}
TIMEOUT=60
# A boot that stops in the middle of a group is resumed after the program
# that stopped it, at most this many times per group.
RESUMES=3
ARGS="alpha 42 -x --level 7"
# Every run's standard input (read by stdin_read.ml).
STDIN=$SRC/stdin.txt
ABS_STDIN=$(pwd)/$STDIN
ENV_VARS="CORPUS_GREETING=hello-terrarium CORPUS_NUMBER=42"

# now: seconds since the epoch, with centiseconds.
now() {
	date +%s.%N | cut -c1-13
}

# since T0: seconds elapsed since T0, one decimal.
since() {
	echo "$1 $(now)" | awk '{ printf "%.1f", $2 - $1 }'
}

# header PROGRAM KEY: the value of KEY (solo, exit=N) in the program's
# "corpus:" header line; "yes" for a bare word, empty when absent.
header() {
	sed -n 's/.*corpus:\(.*\)\*).*/\1/p; s/.*corpus:\(.*\)$/\1/p' \
	    "$SRC/progs/$1.ml" | tr ' ' '\n' | awk -v k="$2" '
		$0 == k { print "yes"; exit }
		index($0, k "=") == 1 { print substr($0, length(k) + 2); exit }'
}

# expected_status PROGRAM: the status the program ends with alone.
expected_status() {
	s=$(header "$1" exit)
	echo "${s:-0}"
}

# verdict PROGRAM LINE [DETAIL-FILE]: records the program's result.
verdict() {
	echo "$2" >"$OUT/verdict/$1"
	[ $# -ge 3 ] && [ -s "$3" ] && sed 's/^/    /' "$3" >>"$OUT/verdict/$1"
	return 0
}

# split DIR: cuts DIR/out and DIR/err at the "@@corpus NAME" lines into
# DIR/seg/NAME.out and NAME.err; DIR/seg/seen lists the names in stdout
# order, with "end" last when the run got through.
split_output() {
	mkdir -p "$1/seg"
	: >"$1/seg/seen"
	for s in out err; do
		awk -v dir="$1/seg" -v ext="$s" '
			/^@@corpus [a-z0-9_]+$/ {
				if (f != "") close(f)
				f = ""
				if (ext == "out") print $2 >> (dir "/seen")
				if ($2 == "end") next
				f = dir "/" $2 "." ext
				printf "" > f
				next
			}
			f != "" { print > f }' "$1/$s"
	done
}

# run_native DIR NAMES: runs the Linux build in a fresh working directory.
run_native() {
	mkdir -p "$1/cwd"
	cp "$SRC"/files/* "$1/cwd/"
	# shellcheck disable=SC2086
	(cd "$1/cwd" && env -i PATH=/usr/bin:/bin $ENV_VARS \
	    "$ABS_OUT/corpus.native" "$2" $ARGS <"$ABS_STDIN" >../out 2>../err
	echo $? >../status)
	split_output "$1"
}

# run_image DIR NAMES: boots the image once.
run_image() {
	mkdir -p "$1"
	# shellcheck disable=SC2086
	"$TERRARIUM" run --timeout $TIMEOUT $IMAGE_ENV_OPTS "$OUT/corpus.efi" \
	    -- "$2" $ARGS <"$STDIN" >"$1/out" 2>"$1/err"
	echo $? >"$1/status"
	split_output "$1"
}

# excerpt A B LABEL: the first lines of a diff of A against B, into $DIFF.
excerpt() {
	{
		echo "$3 ($LEGEND):"
		diff "$1" "$2" | head -n 8
	} >>"$DIFF"
}

# compare NAME NDIR IDIR: compares a program's parts of two runs; prints
# nothing when they are equal, else a reason (details go to $DIFF).
compare_parts() {
	for s in out err; do
		[ -f "$3/seg/$1.$s" ] || : >"$3/seg/$1.$s"
		if ! cmp -s "$2/seg/$1.$s" "$3/seg/$1.$s"; then
			excerpt "$2/seg/$1.$s" "$3/seg/$1.$s" "std$s"
			echo "std$s differs"
			return
		fi
	done
}

# check_native NAME DIR: the program's own checks on a Linux run.
check_native() {
	grep -q "^@@corpus $1 raised" "$2/seg/$1.out" 2>/dev/null &&
	    { grep "^@@corpus $1 raised" "$2/seg/$1.out" | cut -c10-; return; }
	grep -qx "$1" "$2/seg/seen" || { echo "no output part (no newline at its end?)"; return; }
}

# native_only_boot ID NAMES: two Linux runs of one boot's programs.
native_only_boot() {
	run_native "$OUT/run/$1.a" "$2"
	run_native "$OUT/run/$1.b" "$2"
	st=$(cat "$OUT/run/$1.a/status")
	for n in $(echo "$2" | tr ',' ' '); do
		DIFF=$OUT/verdict/$n.diff
		: >"$DIFF"
		why=$(check_native "$n" "$OUT/run/$1.a")
		[ -z "$why" ] && case "$2" in *,*) ;; *)
			want=$(expected_status "$n")
			[ "$st" = "$want" ] || why="exit status $st, expected $want";;
		esac
		[ -z "$why" ] && why=$(compare_parts "$n" "$OUT/run/$1.a" "$OUT/run/$1.b" |
		    sed 's/differs/differs between two runs/')
		[ -z "$why" ] && why=$(standalone "$n")
		if [ -z "$why" ]; then
			verdict "$n" "ok   $n"
		else
			verdict "$n" "FAIL $n: $why" "$DIFF"
		fi
	done
	case "$2" in *,*)
		grep -qx end "$OUT/run/$1.a/seg/seen" && [ "$st" = 0 ] ||
		    echo "FAIL boot $1: status $st, end marker $(grep -cx end "$OUT/run/$1.a/seg/seen")" \
		    >"$OUT/verdict/~boot-$1";;
	esac
}

# standalone NAME: builds the program alone and checks its status.
standalone() {
	d=$OUT/standalone/$1
	mkdir -p "$d/cwd"
	cp "$SRC/progs/$1.ml" "$d/"
	cp "$SRC"/files/* "$d/cwd/"
	(cd "$d" && ocamlfind ocamlopt -g -package unix,str -linkpkg "$1.ml" -o "$1" \
	    >build.log 2>&1) || { echo "standalone build failed"; return; }
	# shellcheck disable=SC2086
	(cd "$d/cwd" && env -i PATH=/usr/bin:/bin $ENV_VARS ../"$1" $ARGS \
	    <"$ABS_STDIN" >../out 2>../err
	echo $? >../status)
	want=$(expected_status "$1")
	[ "$(cat "$d/status")" = "$want" ] ||
	    echo "standalone exit status $(cat "$d/status"), expected $want"
}

# image_boot ID NAMES: Linux and image runs of one boot's programs,
# resuming after a program that stops the boot.
image_boot() {
	names=$2
	try=0
	while [ -n "$names" ]; do
		dir=$OUT/run/$1.$try
		run_native "$dir/native" "$names"
		t=$(now)
		run_image "$dir/image" "$names"
		echo "$1.$try $(since "$t") s, $(echo "$names" | tr ',' '\n' | wc -l) programs, status $(cat "$dir/image/status")" \
		    >"$OUT/times/$1.$try"
		st=$(cat "$dir/image/status")
		nst=$(cat "$dir/native/status")
		last=$(tail -n 1 "$dir/image/seg/seen")
		rest=""
		reached=yes
		for n in $(echo "$names" | tr ',' ' '); do
			DIFF=$OUT/verdict/$n.diff
			: >"$DIFF"
			if [ $reached = no ]; then
				rest="$rest${rest:+,}$n"
				continue
			fi
			if ! grep -qx "$n" "$dir/image/seg/seen"; then
				# Nothing ran: the image failed before its first program.
				[ -z "$last" ] && {
					tail -n 5 "$dir/image/err" >"$DIFF"
					verdict "$n" "FAIL $n: no program ran (status $st)" "$DIFF"
					continue
				}
				reached=no
				rest="$n"
				continue
			fi
			why=$(compare_parts "$n" "$dir/native" "$dir/image")
			case "$names" in
			*,*)	if [ "$n" = "$last" ]; then
					why="the boot ended (status $st) in this program${why:+; $why}"
					reached=no
				fi;;
			*)	[ "$st" = "$nst" ] || why="${why:+$why; }exit status $st, expected $nst"
				cmp -s "$dir/native/out" "$dir/image/out" &&
				    cmp -s "$dir/native/err" "$dir/image/err" ||
				    why=${why:-"output differs after the last newline"};;
			esac
			if [ -z "$why" ]; then
				verdict "$n" "ok   $n"
			else
				verdict "$n" "FAIL $n: $why" "$DIFF"
			fi
		done
		# A group's status, unless a program's failure explains it.
		case "$names" in *,*)
			[ "$last" = end ] && [ "$st" != "$nst" ] &&
			    ! { [ "$st" = 1 ] && grep -q '^@@corpus [a-z0-9_]* raised' "$dir/image/out"; } &&
			    echo "FAIL boot $1: exit status $st, expected $nst" >"$OUT/verdict/~boot-$1";;
		esac
		names=$rest
		try=$((try + 1))
		if [ -n "$names" ] && [ $try -gt $RESUMES ]; then
			for n in $(echo "$names" | tr ',' ' '); do
				verdict "$n" "FAIL $n: not run, its boot stopped $RESUMES times"
			done
			names=""
		fi
	done
}

# --boot ID: one worker, started by xargs below.
if [ "${1:-}" = --boot ]; then
	MODE=$(cat "$OUT/mode")
	LEGEND="< linux, > terrarium"
	[ "$MODE" = native ] && LEGEND="< first run, > second run"
	ABS_OUT=$(cd "$OUT" && pwd)
	IMAGE_ENV_OPTS=$(cat "$OUT/image-env-opts")
	if [ "$MODE" = native ]; then
		native_only_boot "$2" "$(cat "$OUT/boots/$2")"
	else
		image_boot "$2" "$(cat "$OUT/boots/$2")"
	fi
	exit 0
fi

MODE=image
[ "${1:-}" = --native-only ] && MODE=native
if [ $MODE = image ] && [ ! -x "$TERRARIUM" ]; then
	echo "ocaml-test: $TERRARIUM not found; build it first or use --native-only" >&2
	exit 1
fi
T0=$(now)
rm -rf "$OUT"
mkdir -p "$OUT/verdict" "$OUT/boots" "$OUT/run" "$OUT/times"
echo $MODE >"$OUT/mode"

PROGS=$(cd "$SRC/progs" && ls ./*.ml | sed 's|^\./||; s|\.ml$||')

# One source: each program becomes a function whose body is a local module
# holding the program's text; line directives keep its own file name.
{
	echo "(* Generated by tests/ocaml/run.sh from tests/ocaml/progs/. *)"
	for p in $PROGS; do
		echo "let corpus_$p () = let module M = struct"
		echo "# 1 \"$p.ml\""
		cat "$SRC/progs/$p.ml"
		echo "end in ()"
	done
	echo "let programs = ["
	for p in $PROGS; do echo "  (\"$p\", corpus_$p);"; done
	echo "]"
	echo "# 1 \"corpus_main.ml\""
	cat "$SRC/corpus_main.ml"
} >"$OUT/corpus.ml"

t=$(now)
if ! (cd "$OUT" && ocamlfind ocamlopt -g -package unix,str -linkpkg corpus.ml \
    -o corpus.native >native-build.log 2>&1); then
	cat "$OUT/native-build.log" >&2
	echo "ocaml-test: the Linux build of the corpus failed" >&2
	exit 1
fi
echo "ocaml: linux build $(since "$t") s"

# Environment variables for the image: only if terrarium run can pass them.
: >"$OUT/image-env-opts"
SKIP=""
if [ $MODE = image ]; then
	t=$(now)
	# Its own directory, away from the Linux build's .cmx and .o files.
	mkdir -p "$OUT/image"
	cp "$OUT/corpus.ml" "$OUT/image/"
	if ! "$TERRARIUM" build -g -q -package unix,str --files "$SRC/files" \
	    "$OUT/image/corpus.ml" -o "$OUT/corpus.efi" >"$OUT/image-build.log" 2>&1; then
		cat "$OUT/image-build.log" >&2
		echo "ocaml-test: terrarium build of the corpus failed" >&2
		exit 1
	fi
	echo "ocaml: image build $(since "$t") s, $(stat -c %s "$OUT/corpus.efi") bytes"
	if "$TERRARIUM" run --help 2>&1 | grep -q -- '-e NAME=value'; then
		for v in $ENV_VARS; do
			printf -- '-e %s ' "$v" >>"$OUT/image-env-opts"
		done
	else
		SKIP="sys_env"
	fi
fi

# The boots: programs that end the process themselves (corpus: solo) alone,
# the others dealt round-robin into NGROUPS groups.
i=0
for p in $PROGS; do
	case " $SKIP " in *" $p "*)
		verdict "$p" "skip $p: terrarium run cannot set environment variables"
		continue;;
	esac
	if [ "$(header "$p" solo)" = yes ]; then
		echo "$p" >"$OUT/boots/solo-$p"
	else
		g=$((i % NGROUPS + 1))
		f=$OUT/boots/group-$g
		if [ -s "$f" ]; then printf ',%s' "$p" >>"$f"; else printf '%s' "$p" >"$f"; fi
		i=$((i + 1))
	fi
done

t=$(now)
# Groups first (they take longest), two runs at a time.
(cd "$OUT/boots" && ls group-* solo-*) | xargs -n 1 -P 2 sh "$0" --boot
echo "ocaml: $(ls "$OUT/boots" | wc -l) boots in $(since "$t") s"
for f in "$OUT"/times/*; do
	[ -f "$f" ] && echo "ocaml: boot $(cat "$f")"
done

passed=0 failed=0 skipped=0
for p in $PROGS; do
	f=$OUT/verdict/$p
	[ -f "$f" ] || echo "FAIL $p: no result" >"$f"
	cat "$f"
	case $(head -c 4 "$f") in
	"ok  ") passed=$((passed + 1)) ;;
	skip) skipped=$((skipped + 1)) ;;
	*) failed=$((failed + 1)) ;;
	esac
done
for f in "$OUT"/verdict/~boot-*; do
	[ -f "$f" ] || continue
	cat "$f"
	failed=$((failed + 1))
done
echo "ocaml: total $(since "$T0") s"
echo "ocaml: $passed passed, $failed failed${SKIP:+, $skipped skipped}"
[ $failed -eq 0 ]
