#!/bin/sh
# Runs every host unit test binary given and prints the totals of their
# "NAME: N passed, M failed" lines.  Exits non-zero if any test failed.
passed=0 failed=0 status=0
for t in "$@"; do
	out=$("$t" 2>&1)
	rc=$?
	printf '%s\n' "$out" | sed 's/^/  /'
	line=$(printf '%s\n' "$out" | grep -E '^[a-z0-9_]+: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
	if [ -z "$line" ]; then
		echo "  $t: no result line (crashed?)"
		failed=$((failed + 1))
		status=1
		continue
	fi
	p=$(printf '%s' "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
	f=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed$/\1/')
	passed=$((passed + p))
	failed=$((failed + f))
	[ "$rc" -ne 0 ] && status=1
done
echo "unit: $passed passed, $failed failed"
exit $status
