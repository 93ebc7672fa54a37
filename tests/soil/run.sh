#!/bin/sh
# Tests of the Soil library and its examples.  On Linux: test_soil (key
# decoder, colours, the event loop's timers and descriptor waits, files,
# machine facts), the raw-mode key reader on a pseudo-terminal, and the
# examples' output.  Then four boots: test_soil, hello_async and echo as
# images must print what they print on Linux, test_soil ends by restarting
# the machine (Soil.Machine.reboot), and hello_async's sleep must last what
# it asked, within 20 %; keys sees keys pressed on the PS/2 keyboard.
#
# usage: B=BUILD-DIR sh tests/soil/run.sh   (make soil-test builds what it needs)
# Prints one line per check and "soil: N passed, M failed".
set -u
. "$(dirname "$0")/../lib.sh"

B=${B:-build}
ROOT=$(pwd)
T=$ROOT/$B/terrarium
EX=$ROOT/$B/examples
TS=$ROOT/$B/tests/soil
OUT=$TS/out
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$OUT" || exit 1

# same NAME A B: files A and B must hold the same bytes.
same() {
	if cmp -s "$2" "$3"; then
		ok "$1"
	else
		bad "$1" "$2 and $3 differ: $(cmp "$2" "$3" 2>&1 | head -n 1)"
	fi
}

# status NAME GOT WANT [FILE]: an exit status, with FILE's start on failure.
status() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		bad "$1" "status $2, expected $3${4:+: $(head -c 300 "$4")}"
	fi
}

# within NAME SLEPT ASKED: SLEPT is at least ASKED and less than 1.2 ASKED.
within() {
	if awk -v s="$2" -v a="$3" 'BEGIN { exit !(s >= a && s < a * 1.2) }'; then
		ok "$1"
	else
		bad "$1" "slept ${2:-nothing} s for $3 s"
	fi
}

# Reads the seconds of "slept S s (asked A s)" from file $1.
slept() {
	sed -n 's/^slept \([0-9.]*\) s .*/\1/p' "$1"
}

now() {
	date +%s.%N
}

# --- Linux ---
"$TS/test_soil" >test_soil.linux 2>&1
status test_soil-linux $? 0 test_soil.linux
grep '^FAIL' test_soil.linux

printf 'first line\n\nthird, after an empty one\nno newline at the end' >echo.in
"$EX/echo" <echo.in >echo.linux 2>echo.linux.err
status echo-linux $? 0 echo.linux.err
same echo-linux-output echo.in echo.linux

printf 'Hello, Soil and Linux!\n' >hello.want
"$EX/hello_async" --name Soil -n Linux --delay 0.3 --timing \
    >hello.linux 2>hello.linux.err
status hello-linux $? 0 hello.linux.err
same hello-linux-output hello.want hello.linux
within hello-linux-delay "$(slept hello.linux.err)" 0.3
"$EX/hello_async" --delay=soon >hello-bad.out 2>hello-bad.err
status hello-bad-delay $? 124
grep -q '"soon" is not a number of seconds' hello-bad.err ||
	bad hello-bad-delay-message "$(head -c 300 hello-bad.err)"

# Raw mode on a pseudo-terminal of its own size: the keys come decoded,
# and the terminal is back in its mode afterwards.  The input may come
# before raw mode is on; the pseudo-terminal then echoes it and holds it
# until the CR, which changes nothing in the keys.
printf 'size 30x100\nkey a\nkey Up\nkey Left\nkey F1\nkey F5\nkey Ctrl-A\nkey Enter\nkey Escape\nkeys: done\n' >keys.want
{ sleep 0.5; printf 'a\033[A\033[1;5D\033OP\033[15~\001\r\033'; sleep 0.3
  printf q; } |
	script -q -e -c "stty rows 30 cols 100; $TS/keys; stty -a" /dev/null \
	    >keys.tty 2>&1
status keys-linux $? 0 keys.tty
tr -d '\r' <keys.tty | grep -E '^(size |key |keys: done)' >keys.linux
same keys-linux-output keys.want keys.linux
modes=$(tr -d '\r' <keys.tty | tr ' ' '\n' | grep -xE -- '-?(icanon|echo|isig|icrnl)' |
    tr '\n' ' ')
if [ "$modes" = "icrnl isig icanon echo " ]; then
	ok keys-linux-mode-restored
else
	bad keys-linux-mode-restored "after it stty -a says: $modes"
fi

# --- images, one boot at a time ---
# A good run ends with Soil.Machine.reboot: terrarium run says the guest
# reset, status 125.
"$T" run --timeout 120 "$TS/test_soil.efi" >test_soil.image 2>test_soil.image.err
status test_soil-image $? 125 test_soil.image.err
grep '^FAIL' test_soil.image
if grep -q 'the guest reset' test_soil.image.err; then
	ok test_soil-image-reboot
else
	bad test_soil-image-reboot "no reset: $(head -c 300 test_soil.image.err)"
fi
same test_soil-image-output test_soil.linux test_soil.image

# The guest measures its own sleep on its monotonic clock (the TSC, which
# QEMU's TCG derives from the host's clock); the host checks that the run
# took at least the sleep, so a guest clock running fast cannot pass.
printf 'Hello, Soil and Terrarium!\n' >hello.want
start=$(now)
"$T" run --timeout 120 "$EX/hello_async.efi" -- --name Soil -n Terrarium \
    --delay 2 --timing >hello.image 2>hello.image.err
st=$?
took=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
status hello-image $st 0 hello.image.err
same hello-image-output hello.want hello.image
within hello-image-delay "$(slept hello.image.err)" 2
if awk -v t="$took" 'BEGIN { exit !(t >= 2) }'; then
	ok hello-image-host-time
else
	bad hello-image-host-time "the whole run took $took s, less than the sleep"
fi

# terrarium run feeds a piped stdin to the image's COM2, then the end.
"$T" run --timeout 120 "$EX/echo.efi" <echo.in >echo.image 2>echo.image.err
status echo-image $? 0 echo.image.err
same echo-image-output echo.in echo.image

# The keyboard in raw mode through Soil.Console: keys pressed through the
# QEMU monitor come decoded, and the console's size is the framebuffer
# console's, as the kernel's banner gives it ("240x67 text cells").
"$ROOT/$B/tboot" -q --efi "$TS/keys.efi" --cpu max --timeout 120 \
    --serial-log keys.image.log --expect "keys: raw mode" \
    --sendkey up --sendkey left --sendkey f5 --sendkey ctrl-a \
    --sendkey home --sendkey delete --sendkey esc --expect "key Escape" \
    --sendkey q --expect "keys: done" 2>keys.image.err
status keys-image $? 0 keys.image.err
tr -d '\r' <keys.image.log >keys.image
printf 'key Up\nkey Left\nkey F5\nkey Ctrl-A\nkey Home\nkey Delete\nkey Escape\nkeys: done\n' \
    >keys.image.want
grep -E '^(key |keys: done)' keys.image >keys.image.keys
same keys-image-output keys.image.want keys.image.keys
cells=$(sed -n 's/^framebuffer: .* \([0-9]*\)x\([0-9]*\) text cells.*/size \2x\1/p' keys.image)
if [ -n "$cells" ] && grep -qx "$cells" keys.image; then
	ok keys-image-size
else
	bad keys-image-size "banner says '${cells:-nothing}', program: $(grep '^size' keys.image)"
fi

summary soil
