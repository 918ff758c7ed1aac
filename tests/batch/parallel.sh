#!/bin/sh
# The GNU parallel recipe of the README, run here: the postings split into shards of 2,
# scored by parallel jobmatch processes, merged by `jobmatch summarize`, give the same
# market view as one run over all of them.
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find tests/batch/saved -type f | sort >"$tmp/paths"
$JOBMATCH batch -q --format jsonl --summary "$tmp/one.json" samples/resume.md - \
    <"$tmp/paths" >/dev/null 2>&1 || [ $? = 7 ]
parallel --will-cite --pipe -N 2 -j 2 \
    "$JOBMATCH batch -q --format jsonl samples/resume.md - 2>/dev/null; test \$? = 0 -o \$? = 7" \
    <"$tmp/paths" >"$tmp/shards.jsonl"
$JOBMATCH summarize --format json "$tmp/shards.jsonl" >"$tmp/merged.json"
echo "$(wc -l <"$tmp/shards.jsonl") lines from $(wc -l <"$tmp/paths") postings in shards of 2"
cmp "$tmp/one.json" "$tmp/merged.json" && echo "the merged market view equals the single run's"
