#!/bin/sh
# tests/example.sh - the example program at the top of include/jobmatch.h
# must build and work as printed. Takes the lines between "---- example.c ----"
# and "---- end of example.c ----" without their " *     " comment margin,
# compiles them against the library with JM_NO_DEPRECATED, runs the program on
# the samples, and checks that it exits 0, prints a text report, and prints
# the score `jobmatch --format json` reports. Run by tests/run.sh (make test);
# prints what went wrong and exits 1 on failure.
#
#   JOBMATCH        the binary (default ./jobmatch)
#   CC              the compiler (default cc)
#   EXAMPLE_CFLAGS  compile flags (default: strict C11 and -Iinclude)
#   EXAMPLE_LIBS    the library and what it links with (default: ./libjobmatch.a
#                   and the pkg-config packages of the Makefile)
LC_ALL=C
export LC_ALL
JOBMATCH=${JOBMATCH:-./jobmatch}
CC=${CC:-cc}
EXAMPLE_CFLAGS=${EXAMPLE_CFLAGS:--std=c11 -Wall -Wextra -Werror -Iinclude}
if [ -z "$EXAMPLE_LIBS" ]; then
    EXAMPLE_LIBS="./libjobmatch.a $(pkg-config --libs $(sed -n 's/^PKGS *:= *//p' Makefile)) -lm -lpthread"
fi
RESUME=samples/resume.md
POSTING=samples/posting-greenhouse.html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
    echo "example: $*"
    exit 1
}

begin='^ \* ---- example\.c ----$'
end='^ \* ---- end of example\.c ----$'
sed -n "/$begin/,/$end/p" include/jobmatch.h | sed '1d;$d' >"$tmp/lines"
[ -s "$tmp/lines" ] || fail "no example between the markers in include/jobmatch.h"
if grep -v -e '^ \*     ' -e '^ \*$' "$tmp/lines" >"$tmp/stray"; then
    fail "example lines without the ' *     ' margin: $(head -n 1 "$tmp/stray")"
fi
sed -e 's/^ \*     //' -e 's/^ \*$//' "$tmp/lines" >"$tmp/example.c"

$CC $EXAMPLE_CFLAGS -DJM_NO_DEPRECATED -o "$tmp/example" "$tmp/example.c" $EXAMPLE_LIBS \
    2>"$tmp/cc.err" || fail "does not compile: $(cat "$tmp/cc.err")"

"$tmp/example" "$RESUME" "$POSTING" dictionaries >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] || fail "exit status $rc: $(cat "$tmp/err")"
[ -s "$tmp/err" ] && fail "wrote to standard error: $(cat "$tmp/err")"

score=$(sed -n '1s/^score: \([0-9][0-9]*\)$/\1/p' "$tmp/out")
[ -n "$score" ] || fail "first line is not 'score: N': $(head -n 1 "$tmp/out")"
[ "$(wc -l <"$tmp/out")" -gt 2 ] || fail "no report after the score"

# The JSON match report starts {"schema_version":N,"score":N,...}: read the
# top-level score from there, not from any nested object.
(unset JOBMATCH_DICT_PATH; exec "$JOBMATCH" --format json "$RESUME" "$POSTING") >"$tmp/json" ||
    fail "jobmatch --format json failed"
expected=$(sed -n '1s/^{"schema_version":[0-9]*,"score":\([0-9][0-9]*\),.*/\1/p' "$tmp/json")
[ -n "$expected" ] || fail "no top-level score in jobmatch's JSON: $(head -c 80 "$tmp/json")"
[ "$score" = "$expected" ] || fail "score $score, but jobmatch --format json says $expected"
echo "example: score $score, as jobmatch --format json reports"
