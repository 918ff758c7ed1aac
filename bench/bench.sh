#!/bin/sh
# bench.sh - the benchmarks behind `make bench`. Every figure is printed next to a
# baseline measured in the same run, interleaved, because absolute times on shared
# machines lie. Timing is never asserted: this reports, it does not fail.
set -eu

JOBMATCH=${JOBMATCH:-./jobmatch}
SPAWN=${SPAWN:-build/bench/spawn}
ROUNDS=${ROUNDS:-60}
RESUME=samples/resume.md
POSTING=samples/posting-greenhouse.html

terms=$("$JOBMATCH" dict list | wc -l)
echo "== single run: one process, dictionaries loaded each time ($terms terms)"
echo "   $ROUNDS rounds, interleaved; medians; $(nproc) cores"
"$SPAWN" "$ROUNDS" \
    "process start: jobmatch --version" "$JOBMATCH" --version -- \
    "dictionary load: jobmatch dict show Go" "$JOBMATCH" dict show Go -- \
    "match: jobmatch $(basename $RESUME) $(basename $POSTING)" "$JOBMATCH" "$RESUME" "$POSTING" |
awk -F'\t' '
    NR == 1 { base = $2 }
    { printf "   %-52s %6.2f ms  (min %5.2f)  %5.2fx process start\n", $1, $2, $3, $2 / base;
      last = $2 }
    END { printf "   single match: %.1f ms, target under 15 ms: %s\n", last,
                 last < 15 ? "met" : "MISSED" }'
