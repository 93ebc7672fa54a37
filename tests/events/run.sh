#!/bin/sh
# The event syscalls seen from OCaml: tests/events/events.ml built for
# Linux and with terrarium, each run with stdin from /dev/null, must print
# the same bytes on stdout and stderr and end with status 0.  One boot.
# While the program waits 2 s in select, QEMU must use under 20% of one
# host core and under a fifth of what a 2 s busy loop just before took
# (utime + stime in /proc/PID/stat, read when each phase's lines reach
# stdout): the wait halts in the idle loop.  On a loaded host the first
# figure alone would pass a spinning kernel; the comparison would not.
# A second boot types Ctrl-C on COM1 (tboot) while tests/events/intr.ml
# waits in select and in a pipe read: both must end with EINTR.
#
# usage: B=BUILD-DIR sh tests/events/run.sh
# Prints one line per check and "events: N passed, M failed".
set -u
. "$(dirname "$0")/../lib.sh"

B=${B:-build}
T=$(pwd)/$B/terrarium
TBOOT=$(pwd)/$B/tboot
SRC=$(pwd)/tests/events
OUT=$(pwd)/$B/events-test
MAX_WAIT_PCT=20
MIN_SPIN_RATIO=5
HZ=$(getconf CLK_TCK)

# wait_line TEXT: waits until TEXT is in the image's stdout while it runs.
wait_line() {
	until grep -qF -- "$1" "$OUT/image/out" 2>/dev/null; do
		kill -0 "$run" 2>/dev/null || return 1
		sleep 0.02
	done
}

# sample PHASE WHEN: once the line "PHASE: WHEN" is out, QEMU's CPU
# ticks and the host's clock (ns) into PHASE-WHEN.cpu.
sample() {
	wait_line "$1: $2" || return 1
	stat=$(sed 's/^.*) //' "/proc/$qemu/stat") || return 1
	echo "$(echo "$stat" | awk '{ print $12 + $13 }') $(date +%s%N)" \
	    >"$OUT/$1-$2.cpu"
}

# usage PHASE: "PCT10 WALL_MS": tenths of a percent of one core QEMU
# used over PHASE, and its length on the host's clock.
usage() {
	read -r c0 t0 <"$OUT/$1-start.cpu"
	read -r c1 t1 <"$OUT/$1-end.cpu"
	echo "$(( (c1 - c0) * 1000 * 1000000000 / (HZ * (t1 - t0 + 1)) ))" \
	    "$(( (t1 - t0) / 1000000 ))"
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
	    >"$OUT/image/out" 2>"$OUT/image/err" &
	run=$!
	qemu=""
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		qemu=$(pgrep -P "$run" qemu-system) && break
		sleep 0.2
	done
	if [ -n "$qemu" ] && sample spin start && sample spin end &&
	    sample select start && sample select end; then
		read -r spin spin_ms <<-END
		$(usage spin)
		END
		read -r wait wait_ms <<-END
		$(usage select)
		END
		figures="spin $(tenths "$spin")% of a core over $spin_ms ms, \
select $(tenths "$wait")% over $wait_ms ms"
		# Lines that reached stdout together would time nothing.
		if [ "$spin_ms" -lt 1500 ] || [ "$wait_ms" -lt 1500 ]; then
			bad select-halts "$figures: phases of 2 s expected"
		elif [ "$wait" -ge $((MAX_WAIT_PCT * 10)) ]; then
			bad select-halts "$figures: a wait should take under \
$MAX_WAIT_PCT%"
		elif [ $((wait * MIN_SPIN_RATIO)) -ge "$spin" ]; then
			bad select-halts "$figures: a wait should take under \
1/$MIN_SPIN_RATIO of the spin"
		else
			ok "select-halts ($figures)"
		fi
	else
		bad select-halts "no QEMU process or no phase lines"
	fi
	wait "$run"
	echo $? >"$OUT/image/status"
	for side in linux image; do
		st=$(cat "$OUT/$side/status")
		last=$(tail -n 1 "$OUT/$side/out")
		if [ "$st" = 0 ] && [ "$last" = "done" ]; then
			ok "run-$side"
		else
			bad "run-$side" "status $st, last line: $last; \
$(head -c 400 "$OUT/$side/err")"
		fi
	done
	for s in out err; do
		if cmp -s "$OUT/linux/$s" "$OUT/image/$s"; then
			ok "same-std$s ($(wc -l <"$OUT/linux/$s") lines)"
		else
			bad "same-std$s" "not Linux's (< linux, > image):
$(diff "$OUT/linux/$s" "$OUT/image/$s" | head -n 20)"
		fi
	done
fi


# --- Ctrl-C while waiting ---
cp "$SRC/intr.ml" "$OUT/image/" || exit 1
if (cd "$OUT/image" && "$T" build -q -package unix intr.ml) \
    >"$OUT/image/intr-build.log" 2>&1; then
	CTRL_C=$(printf '\003')
	"$TBOOT" -q --cpu max --timeout 90 --serial-log "$OUT/intr.log" \
	    --kernel "$OUT/image/intr.efi" \
	    --expect "select: waiting" --type "$CTRL_C" \
	    --expect "select: EINTR" \
	    --expect "read: waiting" --type "$CTRL_C" --expect "read: EINTR" \
	    2>"$OUT/intr.err"
	st=$?
	if [ "$st" = 0 ] &&
	    grep -q "SIGINT handled 2 times" "$OUT/intr.log"; then
		ok "ctrl-c-eintr (select and read)"
	else
		bad ctrl-c-eintr "status $st: $(tail -n 4 "$OUT/intr.log" \
		    "$OUT/intr.err" | tr '\n' ' ')"
	fi
else
	bad build-intr "$(head -c 400 "$OUT/image/intr-build.log")"
fi

summary events
