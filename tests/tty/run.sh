#!/bin/sh
# Console input under QEMU+OVMF: keys typed through the QEMU monitor
# (PS/2 keyboard, tboot --sendkey) and bytes sent on COM1 (tboot --type)
# reach OCaml programs through the terminal's line discipline.
#
#   echo   tests/tty/echo.ml: typed lines come back, backspace, Ctrl-U,
#          Ctrl-W and Ctrl-D mid-line edit and end them, Ctrl-C raises
#          Break, an unknown key is reported once, the screen shows what
#          serial shows, COM1 input edits the same way, Ctrl-D at the
#          start of a line ends the program with status 0.
#   raw    tests/tty/raw.ml: Unix.tcsetattr to raw mode; VMIN 0 reads,
#          VTIME, select on the terminal, arrows, function keys and
#          control keys as bytes with no echo and no signal, VMIN 3 in
#          one read, VMIN 2 with VTIME ended by the gap; back in
#          canonical mode, Ctrl-C ends it by SIGINT's default action.
#   example  examples/echo (when built): typed lines are written back.
#
# usage: B=BUILD-DIR sh tests/tty/run.sh
# Prints one line per check and "tty: N passed, M failed".
set -u
. "$(dirname "$0")/../lib.sh"

B=${B:-build}
ROOT=$(pwd)
T=$ROOT/$B/terrarium
TBOOT=$ROOT/$B/tboot
OUT=$ROOT/$B/tty-test
CR=$(printf '\r')
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$OUT" || exit 1

# boot CASE WANT-STATUS TBOOT-ARGS...: one boot, its log in CASE.log.
boot() {
	c=$1
	want=$2
	shift 2
	"$TBOOT" -q --cpu max --timeout 90 --serial-log "$c.log" "$@" \
	    2>"$c.err"
	got=$?
	if [ "$got" = "$want" ]; then
		ok "$c-status"
	else
		bad "$c-status" "status $got, expected $want: $(tail -n 4 "$c.err" | tr '\n' ' ')"
	fi
}

# has CASE NAME TEXT...: each TEXT must be in the case's serial log.
has() {
	c=$1
	name=$2
	shift 2
	for t in "$@"; do
		if ! grep -qF -- "$t" "$c.log"; then
			bad "$c-$name" "serial log lacks: $t"
			return
		fi
	done
	ok "$c-$name"
}

# lacks CASE NAME TEXT: TEXT must not be in the case's serial log.
lacks() {
	if grep -qF -- "$3" "$1.log"; then
		bad "$1-$2" "serial log has: $3"
	else
		ok "$1-$2"
	fi
}

# keys KEY...: tboot arguments that press each key in turn.
keys() {
	for k in "$@"; do
		printf ' --sendkey %s' "$k"
	done
}

for p in echo raw; do
	if ! "$T" build -q -package unix -o "$p.efi" "$ROOT/tests/tty/$p.ml" \
	    >"build-$p.out" 2>&1; then
		bad "build-$p" "$(head -c 400 "build-$p.out")"
		summary tty
		exit 1
	fi
done

# --- echo: the keyboard, then COM1 ---
# The screenshot is taken once the whole "break" line is on serial: the
# console draws before it writes to serial, so the screen holds then
# what the log holds, rendered by the same console code on the host.
# shellcheck disable=SC2046
boot echo 0 --kernel echo.efi --append "video=1024x768" \
    --expect "tty-echo: ready" \
    $(keys h e l l o ret) --expect "[hello]" \
    $(keys a b x backspace c ret) --expect "[abc]" \
    $(keys shift-h i ret) --expect "[Hi]" \
    $(keys z z ctrl-u o k ret) --expect "[ok]" \
    $(keys f o o spc b a r ctrl-w b a z ret) --expect "[foo baz]" \
    $(keys audionext audionext x ctrl-d y ret) --expect "[xy]" \
    $(keys ctrl-c) --expect "tty-echo: break$CR" \
    --screenshot "$OUT/echo.ppm" \
    --type "serial${CR}" --expect "[serial]" \
    --type "$(printf 'ab\177c\r')" --expect "[ac]" \
    --type "$(printf 'x\303\251\177e\r')" --expect "[xe]" \
    --type "$(printf '\004')"
has echo lines "tty-echo: ready, a terminal: true" "hello$CR" "[hello]" \
    "[abc]" "[Hi]" "[ok]" "[foo baz]" "[xy]" "[serial]" "[ac]" "[xe]" \
    "tty-echo: end"
has echo erase-echo "abx$(printf '\b \b')c"
has echo kill-echo "zz$(printf '\b \b\b \b')ok"
has echo break "^Ctty-echo: break"
n=$(grep -c "keyboard: unknown scancode" echo.log)
if [ "$n" = 1 ]; then
	ok echo-unknown-once
else
	bad echo-unknown-once "$n reports of the unknown key, expected 1"
fi
# The screen against the serial text from the kernel's first line on.
sed -n '/hi from Terrarium/,$p' echo.log |
    sed '1s/.*hi from Terrarium/hi from Terrarium/' |
    sed '/tty-echo: break/q' >echo.text
format=$(sed -n 's/^framebuffer: [0-9x]* \([A-Z]*\).*/\1/p' echo.log | tr A-Z a-z)
if "$ROOT/$B/fbrender" 1024 768 "${format:-bgrx}" <echo.text >echo.expected.ppm &&
    "$ROOT/$B/fbcheck" --compare echo.ppm echo.expected.ppm \
    >echo.compare 2>&1; then
	ok echo-screen
else
	bad echo-screen "the screen differs from the serial text: $(head -c 300 echo.compare)"
fi

# --- raw mode ---
# shellcheck disable=SC2046
boot raw 2 --kernel raw.efi \
    --expect "raw: ready" \
    $(keys up) --expect "keys: 1b 5b 41$CR" \
    $(keys ctrl-left) --expect "keys: 1b 5b 31 3b 35 44$CR" \
    $(keys f1) --expect "keys: 1b 4f 50$CR" \
    $(keys f12) --expect "keys: 1b 5b 32 34 7e$CR" \
    $(keys delete) --expect "keys: 1b 5b 33 7e$CR" \
    $(keys ctrl-c) --expect "keys: 03$CR" \
    $(keys ret) --expect "keys: 0d$CR" \
    $(keys backspace) --expect "keys: 7f$CR" \
    $(keys ctrl-d) --expect "keys: 04$CR" \
    $(keys q) --expect "vmin3: ready" \
    $(keys a b c) --expect "keys: 61 62 63$CR" \
    --expect "gap: ready" $(keys z) --expect "keys: 7a$CR" \
    --expect "raw: canonical again" \
    $(keys o k ret) --expect "[ok]" \
    $(keys ctrl-c)
has raw vmin "vmin0: 0$CR" "vtime: 0 after 0.3 s$CR"
has raw mode "raw: ready, icanon false echo false isig false vmin 1, select 0"
has raw signal "program ended by signal 2"
lacks raw no-echo "^[[A"
lacks raw not-interrupted "raw: not interrupted"
lacks raw select "select: woke with nothing"

# --- examples/echo ---
# shellcheck disable=SC2046
boot example 0 --kernel "$ROOT/$B/examples/echo.efi" \
    --expect "Ctrl-D ends" \
    $(keys h i ret) --expect "hi$CR
hi$CR" \
    $(keys ctrl-d)

summary tty
