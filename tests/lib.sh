# The check helpers the QEMU suites share (sourced by tests/*/run.sh).
# A suite calls ok or bad once per check and ends with `summary NAME`,
# whose status is the suite's: 0 only when no check failed.
passed=0
failed=0

# ok NAME: records a passed check.
ok() {
	echo "ok   $1"
	passed=$((passed + 1))
}

# bad NAME WHY: records a failed check and says why.
bad() {
	echo "FAIL $1: $2"
	failed=$((failed + 1))
}

# tally DIR LINES: a check per DIR/*.result, passed when the file is
# empty; a failed one shows the file and the last LINES lines of
# DIR/NAME.log, when there is one.
tally() {
	for r in "$1"/*.result; do
		name=$(basename "$r" .result)
		if [ -s "$r" ]; then
			cat "$r"
			[ -f "$1/$name.log" ] &&
				tail -n "$2" "$1/$name.log" | sed 's/^/  | /'
			failed=$((failed + 1))
		else
			ok "$name"
		fi
	done
}

# summary SUITE: prints "SUITE: N passed, M failed"; fails if any failed.
summary() {
	echo "$1: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# tenths N: N tenths as "N.N".
tenths() {
	echo "$(($1 / 10)).$(($1 % 10))"
}
