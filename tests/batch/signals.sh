#!/bin/sh
# Ctrl-C (SIGINT) and SIGTERM stop a batch gently even while it waits on an
# idle standard input: the postings done are written, well formed, with the
# --summary, and the exit status names the signal. A closed output pipe stops
# it with status 8. Prints one line per check; the golden file holds them.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Waits (at most 20 s) until FILE has N lines.
wait_lines() {
    i=0
    while [ "$(cat "$1" 2>/dev/null | wc -l)" -lt "$2" ] && [ $i -lt 200 ]; do
        sleep 0.1
        i=$((i + 1))
    done
}

# One posting through a pipe kept open, then the signal.
stop_with() {
    sig=$1 fmt=$2
    rm -f "$tmp/in" "$tmp/out" "$tmp/summary.json"
    mkfifo "$tmp/in"
    # timeout(1) passes the signal on; it ends a batch that would ignore it (status 124)
    timeout -k 5 60 $JOBMATCH batch -q --format "$fmt" --summary "$tmp/summary.json" samples/resume.md - \
        <"$tmp/in" >"$tmp/out" 2>"$tmp/err" &
    pid=$!
    exec 3>"$tmp/in"
    # Blank lines (skipped) beyond the pipe's 64 KB: written only once the batch reads its
    # input, so the signal cannot come before the batch has started.
    head -c 200000 /dev/zero | tr '\0' '\n' >&3
    echo samples/posting-plain.txt >&3
    [ "$fmt" = jsonl ] && wait_lines "$tmp/out" 1 # done; the batch now waits on the pipe
    kill -"$sig" $pid
    wait $pid
    rc=$?
    exec 3>&-
    echo "$sig $fmt: exit $rc"
}

check_json() {
    python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$1" 2>/dev/null &&
        echo "  $2: valid JSON" || echo "  $2: NOT valid JSON"
}

for sig in INT TERM; do
    stop_with $sig jsonl
    echo "  lines written: $(wc -l <"$tmp/out")"
    python3 -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/out" &&
        echo "  each line: valid JSON"
    check_json "$tmp/summary.json" summary
    stop_with $sig json
    check_json "$tmp/out" output
    check_json "$tmp/summary.json" summary
    stop_with $sig csv
    echo "  csv header: $(head -n 1 "$tmp/out" | cut -d, -f1-3)"
done

# A reader that stops early, with SIGPIPE ignored (as under some supervisors).
mkdir "$tmp/many"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    cp samples/posting-plain.txt "$tmp/many/p$i.txt"
done
(
    trap '' PIPE
    {
        $JOBMATCH batch -q -j 1 --format jsonl samples/resume.md "$tmp/many" 2>"$tmp/err"
        echo $? >"$tmp/rc"
    } | head -n 1 >/dev/null
)
echo "closed pipe: exit $(cat "$tmp/rc"): $(sed "s|$tmp|DIR|" "$tmp/err")"
