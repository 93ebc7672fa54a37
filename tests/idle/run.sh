#!/bin/sh
# The idle loop under QEMU+OVMF: while a program sleeps, the machine must
# halt, not spin.  tests/idle/sleep.ml spins on the clock for 5 s (the
# busy baseline), then sleeps 5 s.  QEMU's CPU time (utime + stime in
# /proc/PID/stat) is read when each phase's start and end lines reach the
# serial log.  Over the sleep it must stay under 20% of one host core, and
# under a fifth of what the spin took: on a host so loaded that QEMU gets
# little of a core, the absolute figure alone would pass a kernel that
# spins, the comparison would not.  The sleep must last 5 s within 20%, by
# the guest's clock and by the host's.
#
# usage: B=BUILD-DIR sh tests/idle/run.sh
# Prints one line per check and "idle: N passed, M failed".
set -u
. "$(dirname "$0")/../lib.sh"

B=${B:-build}
ROOT=$(pwd)
OUT=$ROOT/$B/idle-test
SECONDS_ASKED=5
MAX_SLEEP_PCT=20
MIN_SPIN_RATIO=5
HZ=$(getconf CLK_TCK)
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$OUT" || exit 1

# child_of PID: the pid of PID's child process (QEMU under tboot).
child_of() {
	parent=$1
	for d in /proc/[0-9]*; do
		# The fields after the command name: state, ppid, ...
		set -- $(sed 's/^.*) //' "$d/stat" 2>/dev/null)
		if [ "${2:-}" = "$parent" ]; then
			echo "${d#/proc/}"
			return 0
		fi
	done
	return 1
}

# cpu_ticks PID: user + system time of PID so far, in clock ticks.
cpu_ticks() {
	sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# wait_line TEXT: waits until TEXT is in the serial log, while tboot runs.
wait_line() {
	until grep -qF -- "$1" serial.log 2>/dev/null; do
		kill -0 "$tboot" 2>/dev/null || return 1
		sleep 0.02
	done
}

# sample PHASE WHEN: records QEMU's CPU ticks and the host's clock (ns)
# once PHASE's WHEN line appears, in PHASE-WHEN.cpu.
sample() {
	wait_line "$1: $2" || return 1
	echo "$(cpu_ticks "$qemu") $(date +%s%N)" >"$1-$2.cpu"
}

# usage PHASE: "PCT10 WALL_MS": tenths of a percent of one core QEMU
# used over PHASE, and its length on the host's clock.
usage() {
	read -r c0 t0 <"$1-start.cpu"
	read -r c1 t1 <"$1-end.cpu"
	wall_ns=$((t1 - t0))
	echo "$(( (c1 - c0) * 1000 * 1000000000 / (HZ * wall_ns) )) $((wall_ns / 1000000))"
}

cp "$ROOT/tests/idle/sleep.ml" .
if ! "$ROOT/$B/terrarium" build -q -package unix sleep.ml >build.log 2>&1; then
	bad build "terrarium build failed: $(tail -n 5 build.log)"
	summary idle
	exit 1
fi

"$ROOT/$B/tboot" -q --kernel sleep.efi --cpu max --no-vga --timeout 90 \
    --serial-log serial.log 2>tboot.err &
tboot=$!
qemu=""
for i in 1 2 3 4 5 6 7 8 9 10; do
	qemu=$(child_of "$tboot") && break
	sleep 0.1
done
if [ -z "$qemu" ]; then
	bad qemu "no QEMU process under tboot: $(cat tboot.err)"
elif ! { sample spin start && sample spin end &&
    sample sleep start && sample sleep end; }; then
	bad phases "the program did not print its phases: $(tail -n 5 serial.log)"
fi
wait "$tboot"
status=$?
[ "$status" = 0 ] || bad exit "tboot exited $status: $(tail -n 3 tboot.err)"

if [ -f sleep-end.cpu ]; then
	set -- $(usage spin)
	spin_pct=$1
	set -- $(usage sleep)
	sleep_pct=$1 sleep_ms=$2
	guest=$(sed -n 's/^sleep: end \([0-9.]*\) s.*/\1/p' serial.log)
	guest_ms=$(echo "$guest" | awk '{ printf "%d", $1 * 1000 }')
	figures="spin $(tenths "$spin_pct")% of a core, sleep $(tenths "$sleep_pct")%"
	if [ "$sleep_pct" -ge $((MAX_SLEEP_PCT * 10)) ]; then
		bad cpu-sleep "$figures: a sleep should take under $MAX_SLEEP_PCT%"
	elif [ $((sleep_pct * MIN_SPIN_RATIO)) -ge "$spin_pct" ]; then
		bad cpu-baseline "$figures: a sleep should take under 1/$MIN_SPIN_RATIO of the spin"
	else
		ok "cpu ($figures)"
	fi
	lo=$((SECONDS_ASKED * 800)) hi=$((SECONDS_ASKED * 1200))
	if [ -z "$guest_ms" ] || [ "$guest_ms" -lt "$lo" ] ||
	    [ "$guest_ms" -gt "$hi" ] || [ "$sleep_ms" -lt "$lo" ] ||
	    [ "$sleep_ms" -gt "$hi" ]; then
		bad accuracy "asked ${SECONDS_ASKED} s, slept ${guest:-?} s by the guest's clock, $sleep_ms ms by the host's"
	else
		ok "accuracy (asked ${SECONDS_ASKED} s: $guest s guest, $sleep_ms ms host)"
	fi
fi
summary idle
