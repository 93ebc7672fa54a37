#!/bin/sh
# Runs each fuzz target named over its seeds (tests/fuzz/corpus/NAME/)
# with the deterministic mutation driver; any sanitizer report fails it.
passed=0 failed=0
mkdir -p build/tests
for t in "$@"; do
	if build/tests/fuzz_$t tests/fuzz/corpus/$t/* >build/tests/fuzz_$t.log 2>&1; then
		passed=$((passed + 1))
	else
		echo "  fuzz $t failed:"
		tail -n 30 build/tests/fuzz_$t.log | sed 's/^/    /'
		failed=$((failed + 1))
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
