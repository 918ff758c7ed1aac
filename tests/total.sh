#!/bin/sh
# tests/total.sh LOG... - adds up the "N passed, N failed" lines of several
# test runs (make check runs the suite plain and under sanitizers).
passed=0
failed=0
for log in "$@"; do
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        echo "no test summary in $log (the build failed?)"
        failed=$((failed + 1))
        continue
    fi
    passed=$((passed + $(echo "$line" | cut -d' ' -f1)))
    failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
