#!/bin/sh
# man/gen-exit-status.sh - writes the exit status lists of man/jobmatch.1 (its
# EXIT STATUS section) and README.md (the table under "### Exit status") from
# src/cli/exit_codes.def, the list that --help prints, so that the three agree.
#
#   sh man/gen-exit-status.sh          rewrite both files where they differ (make man)
#   sh man/gen-exit-status.sh --check  print a diff and exit 1 when either differs
#
# Run from the project root. POSIX sh and awk. DEF, MAN and README may name
# other files (the test suite checks that a stale copy is caught).
DEF=${DEF:-src/cli/exit_codes.def}
MAN=${MAN:-man/jobmatch.1}
README=${README:-README.md}

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# One "CODE<tab>DESCRIPTION" line per EXIT_CODE(code, NAME, "..." "...") entry;
# an entry runs from a line starting EXIT_CODE( to a line ending in ")".
awk '
    /^EXIT_CODE\(/ { entry = ""; open = 1 }
    open { entry = entry $0 }
    open && /\)[ \t]*$/ {
        open = 0
        code = entry
        sub(/^EXIT_CODE\([ \t]*/, "", code)
        sub(/[ \t]*,.*/, "", code)
        text = ""
        while (match(entry, /"[^"]*"/)) {
            text = text substr(entry, RSTART + 1, RLENGTH - 2)
            entry = substr(entry, RSTART + RLENGTH)
        }
        print code "\t" text
    }' "$DEF" >"$tmp/codes" || exit 1
[ -s "$tmp/codes" ] || { echo "$0: no EXIT_CODE entry in $DEF" >&2; exit 1; }

# The man page: `code` in bold with - as \-, a capital and a full stop, lines
# wrapped at 78 columns; the rest of the page as it is.
awk -F '\t' -v codes="$tmp/codes" '
    function roff(s,    out, n, parts, i) {
        n = split(s, parts, "`")
        for (i = 1; i <= n; i++) {
            if (i % 2 == 0) {
                gsub(/-/, "\\-", parts[i])
                out = out "\\fB" parts[i] "\\fR"
            } else {
                out = out parts[i]
            }
        }
        if (out ~ /^[a-z]/)
            out = toupper(substr(out, 1, 1)) substr(out, 2)
        return out "."
    }
    function wrapped(s,    n, words, i, line) {
        n = split(s, words, " ")
        line = words[1]
        for (i = 2; i <= n; i++) {
            if (length(line) + 1 + length(words[i]) > 78) {
                print line
                line = words[i]
            } else {
                line = line " " words[i]
            }
        }
        print line
    }
    /^\.SH / && skipping { skipping = 0 }
    skipping { next }
    { print }
    $0 == ".SH EXIT STATUS" {
        while ((getline entry < codes) > 0) {
            split(entry, f, "\t")
            print ".TP"
            print ".B " f[1]
            wrapped(roff(f[2]))
        }
        skipping = 1
    }' "$MAN" >"$tmp/man" || exit 1

# README.md: the table right under "### Exit status", `code` kept as Markdown.
awk -F '\t' -v codes="$tmp/codes" '
    /^#/ { section = ($0 == "### Exit status") }
    section && /^\|/ {
        if (!done) {
            print "| code | meaning |"
            print "|---|---|"
            while ((getline entry < codes) > 0) {
                split(entry, f, "\t")
                print "| " f[1] " | " f[2] " |"
            }
            done = 1
        }
        next
    }
    { print }' "$README" >"$tmp/readme" || exit 1

status=0
for pair in "$MAN:$tmp/man" "$README:$tmp/readme"; do
    file=${pair%%:*}
    new=${pair#*:}
    cmp -s "$file" "$new" && continue
    if [ "$1" = "--check" ]; then
        echo "$file: exit statuses differ from $DEF (run make man):"
        diff -u "$file" "$new"
        status=1
    else
        cp "$new" "$file" && echo "updated $file"
    fi
done
exit $status
