#!/bin/sh
# Runs each fuzz target named over its seeds (tests/fuzz/corpus/NAME/)
# with the deterministic mutation driver; any sanitizer report fails it.
passed=0 failed=0
B=${B:-build}
mkdir -p $B/tests
for t in "$@"; do
	if $B/tests/fuzz_$t tests/fuzz/corpus/$t/* >$B/tests/fuzz_$t.log 2>&1; then
		passed=$((passed + 1))
	else
		echo "  fuzz $t failed:"
		tail -n 30 $B/tests/fuzz_$t.log | sed 's/^/    /'
		failed=$((failed + 1))
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
