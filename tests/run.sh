#!/bin/sh
# tests/run.sh - runs every test: the cmocka unit binaries, the example of
# include/jobmatch.h (tests/example.sh), then the CLI golden cases in
# tests/cli/*/. Prints "N passed, N failed" as its last line and exits non-zero
# when anything failed.
#
#   JOBMATCH   the binary under test (default ./jobmatch)
#   UNIT_DIR   where the unit test binaries are (default build/tests)
#   UPDATE=1   rewrite the expected CLI outputs instead of comparing (make golden)
#   VALGRIND=1 run every CLI case under valgrind; a leak or error fails it (a case with a
#              no-valgrind file is skipped, the file saying why)
# A case with a no-sanitizer file is skipped when $JOBMATCH is an ASan or TSan build (which
# reserve more address space than `ulimit -v` leaves them), the file saying why.
#   CASES      only the CLI cases whose name matches this glob (default: all)
#   --cli-only skip the unit tests and the header's example (tests/example.sh)
#
# A CLI case is a directory with `cmd` (one shell command line run from the
# project root, with $JOBMATCH for the binary and optional stdin from `stdin`),
# and the expected `out`, `err` and `rc`, compared byte for byte.
#
# Every jobmatch run here shares one cache of compiled dictionaries in a
# temporary directory (the first run builds an image, the others load it),
# never the user's own; and no config file is read.
LC_ALL=C
export LC_ALL
unset NO_COLOR JOBMATCH_NO_CACHE
JOBMATCH=${JOBMATCH:-./jobmatch}
case $JOBMATCH in /*) ;; *) JOBMATCH=$(pwd)/$JOBMATCH ;; esac
UNIT_DIR=${UNIT_DIR:-build/tests}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
XDG_CACHE_HOME=$tmp/cache
XDG_CONFIG_HOME=$tmp/config # no config file: the user's settings never change a test
export XDG_CACHE_HOME XDG_CONFIG_HOME

if [ "$1" != "--cli-only" ]; then
    for t in "$UNIT_DIR"/test_*; do
        [ -x "$t" ] || continue
        "$t" >"$tmp/unit.out" 2>&1
        status=$?
        cat "$tmp/unit.out"
        p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$tmp/unit.out" | tail -n 1)
        f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$tmp/unit.out" | tail -n 1)
        passed=$((passed + ${p:-0}))
        failed=$((failed + ${f:-0}))
        if [ $status -ne 0 ] && [ -z "$f" ]; then
            echo "FAIL: $t exited with status $status"
            failed=$((failed + 1))
        fi
    done
    # The example program of include/jobmatch.h, built and run (one test).
    if JOBMATCH="$JOBMATCH" sh tests/example.sh >"$tmp/example.out" 2>&1; then
        passed=$((passed + 1))
        echo "ok: $(cat "$tmp/example.out")"
    else
        failed=$((failed + 1))
        echo "FAIL: $(cat "$tmp/example.out")"
    fi
fi

export JOBMATCH
sanitized=$(ldd "$JOBMATCH" 2>/dev/null | grep -E 'lib[at]san' || :)
for dir in tests/cli/*/; do
    name=$(basename "$dir")
    [ -f "$dir/cmd" ] || continue
    case $name in ${CASES:-*}) ;; *) continue ;; esac
    run="$JOBMATCH"
    if [ -n "$VALGRIND" ] && [ -f "$dir/no-valgrind" ]; then # it says why
        echo "skip: cli/$name under valgrind: $(cat "$dir/no-valgrind")"
        continue
    fi
    if [ -f "$dir/no-sanitizer" ] && [ -n "$sanitized" ]; then
        echo "skip: cli/$name under a sanitizer: $(cat "$dir/no-sanitizer")"
        continue
    fi
    if [ -n "$VALGRIND" ]; then
        run="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 $JOBMATCH"
    fi
    stdin=/dev/null
    [ -f "$dir/stdin" ] && stdin="$dir/stdin"
    JOBMATCH="$run" sh -c "$(cat "$dir/cmd")" <"$stdin" >"$tmp/out" 2>"$tmp/err"
    echo $? >"$tmp/rc"
    if [ -n "$UPDATE" ]; then
        cp "$tmp/out" "$dir/out"
        cp "$tmp/err" "$dir/err"
        cp "$tmp/rc" "$dir/rc"
        echo "updated $name"
        continue
    fi
    ok=1
    for f in out err rc; do
        if ! cmp -s "$tmp/$f" "$dir/$f"; then
            ok=0
            echo "FAIL: cli/$name: $f differs"
            diff -u "$dir/$f" "$tmp/$f" | head -n 20
        fi
    done
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
        echo "ok: cli/$name"
    else
        failed=$((failed + 1))
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
