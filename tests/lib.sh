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

# summary SUITE: prints "SUITE: N passed, M failed"; fails if any failed.
summary() {
	echo "$1: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# tenths N: N tenths as "N.N".
tenths() {
	echo "$(($1 / 10)).$(($1 % 10))"
}
