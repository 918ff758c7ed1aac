#!/bin/sh
# tests/fuzz/run.sh - runs the libFuzzer targets that `make fuzz-build` built in build/fuzz.
#
#   run.sh --check-toolchain   can $CC (clang) build a libFuzzer target? Says so when not.
#   run.sh smoke NAME...       each target briefly (FUZZ_RUNS inputs, fixed seed) over its
#                              seeds and kept findings, then each finding replayed alone;
#                              ends with "N passed, N failed" (make check adds it up).
#   run.sh long NAME...        each target FUZZ_TIME seconds (default 60), one after the
#                              other, growing build/fuzz/corpus/NAME; crashes, leaks and
#                              timeouts go to build/fuzz/findings/NAME/, logs to
#                              build/fuzz/logs/NAME.log, and a line of figures per target.
#
# The seeds are built at run time in build/fuzz/seeds/NAME from the project's own files
# (samples/, tests/, dictionaries/), plus the few written for fuzzing in
# tests/fuzz/seeds/NAME; a finding, once fixed, is kept in tests/fuzz/regressions/NAME.
# FUZZ_BIN_DIR runs the targets from another directory than build/fuzz (copies, for a long
# session that should outlive rebuilds). Inputs are bounded (FUZZ_MAX_LEN bytes) and a run
# slower than FUZZ_TIMEOUT seconds is a finding: super-linear time on large inputs is
# `make bench`'s business, not this.
LC_ALL=C
export LC_ALL
CC=${CC:-clang}
FUZZ_TIME=${FUZZ_TIME:-60}
FUZZ_RUNS=${FUZZ_RUNS:-300}
FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-32768}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}
OUT=build/fuzz
# Where the targets are: a long session may run copies, so that a rebuild meanwhile does
# not pull a binary from under libFuzzer's fork mode, which starts it again and again.
BIN_DIR=${FUZZ_BIN_DIR:-$OUT}
HERE=tests/fuzz
# ASan's default leak check stays on; UBSan stops at its first report (a finding).
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS

check_toolchain() {
    tmp=$(mktemp -d)
    printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
        'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return 0; }' >"$tmp/t.c"
    if "$CC" -fsanitize=fuzzer,address,undefined -o "$tmp/t" "$tmp/t.c" >/dev/null 2>&1; then
        rm -rf "$tmp"
        return 0
    fi
    rm -rf "$tmp"
    echo "fuzz: skipped: '$CC' cannot build a libFuzzer target with ASan+UBSan" \
        "(Debian: clang and libclang-rt-dev; sh .ci/deps.sh installs them)"
    return 1
}

# copy DIR FILE...: the files that exist, no larger than FUZZ_MAX_LEN, as seeds in DIR.
copy() {
    dir=$1
    shift
    for f in "$@"; do
        [ -f "$f" ] && [ "$(wc -c <"$f")" -le "$FUZZ_MAX_LEN" ] || continue
        cp "$f" "$dir/$(echo "$f" | tr / _)"
    done
}

# match_seed DIR OPTION RESUME POSTING [OLD]: the options byte (octal), then the documents
# parted by NUL bytes (fuzz_match.c).
match_seed() {
    dir=$1 opt=$2
    out="$dir/$opt-$(basename "$3")-$(basename "$4")${5:+-$(basename "$5")}"
    { printf "\\$opt"; cat "$3"; printf '\0'; cat "$4"; [ -z "$5" ] || { printf '\0'; cat "$5"; }; } >"$out"
}

# office_parts DIR ARCHIVE: the archive's content and styles parts as fuzz_office.c packs
# them ('D' or 'O', content, NUL, styles), so that mutations reach the XML.
office_parts() {
    python3 - "$1" "$2" <<'PY' 2>/dev/null || :
import os, sys, zipfile
out, path = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(path)
names = z.namelist()
odt = "content.xml" in names
content = z.read("content.xml" if odt else "word/document.xml")
styles = "styles.xml" if odt else "word/styles.xml"
data = (b"O" if odt else b"D") + content + (b"\0" + z.read(styles) if styles in names else b"")
open(os.path.join(out, "parts_" + os.path.basename(path)), "wb").write(data)
PY
}

# self_contained DIR DICT: the dictionary file with the names of terms defined in other
# files dropped from its implies and companion lists, so that it loads alone and the seed
# reaches compiling, not only parsing (the file as it is stays a seed too).
self_contained() {
    python3 - "$1" "$2" <<'PY' 2>/dev/null || :
import os, re, sys
out, path = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().split("\n")
names = set()
for l in lines:
    if l and not l[0].isspace() and l[0] not in "#[":
        names.add(l.strip().lower())
for i, l in enumerate(lines):
    m = re.match(r"(\s+(?:implies|companion):)(.*)", l)
    if m:
        keep = [x.strip() for x in m.group(2).split(",") if x.strip().lower() in names]
        lines[i] = m.group(1) + " " + ", ".join(keep) if keep else ""
open(os.path.join(out, "alone_" + os.path.basename(path)), "w", encoding="utf-8").write("\n".join(lines))
PY
}

# pdf_layout DIR PDF: pdftotext's answer for PDF, its word and block boxes left out (the
# reader reads the lines' boxes and the words' text), when pdftotext is there.
pdf_layout() {
    command -v pdftotext >/dev/null 2>&1 || return 0
    pdftotext -bbox-layout -enc UTF-8 "$2" - 2>/dev/null |
        sed -E 's/<word [^>]*>/<word>/g; s/<block [^>]*>/<block>/g; s/^ +//' \
            >"$1/$(basename "$2" .pdf).xml"
    [ -s "$1/$(basename "$2" .pdf).xml" ] || rm -f "$1/$(basename "$2" .pdf).xml"
}

seeds() {
    d=$OUT/seeds/$1
    rm -rf "$d"
    mkdir -p "$d"
    case $1 in
    html) copy "$d" samples/*.html tests/meta/*.html tests/formats/*.html tests/bad/*.html \
        tests/batch/saved/*.html tests/resumes/positions/*.html ;;
    markdown) copy "$d" samples/*.md tests/postings/*.md tests/resumes/*.md \
        tests/resumes/positions/*.md tests/dicts/*.md tests/meta/*.md tests/batch/saved/*.md \
        tests/bad/*.md ;;
    text) copy "$d" samples/*.txt tests/dicts/*.txt tests/meta/*.txt tests/batch/saved/*.txt \
        tests/resumes/positions/*.txt tests/bad/blank.txt ;;
    json) copy "$d" tests/resumes/*.json tests/resumes/positions/*.json tests/bad/*.json \
        tests/meta/*.json ;;
    office)
        copy "$d" tests/formats/*.docx tests/formats/*.odt
        for f in tests/formats/resume.docx tests/formats/resume.odt \
            tests/formats/tables-textbox.docx; do office_parts "$d" "$f"; done ;;
    pdf) for f in tests/formats/*.pdf tests/bad/*.pdf; do pdf_layout "$d" "$f"; done ;;
    dict)
        copy "$d" dictionaries/*.dict tests/dicts/*.dict tests/bad/*.dict
        for f in dictionaries/*.dict tests/dicts/*.dict; do self_contained "$d" "$f"; done ;;
    rules)
        copy "$d" dictionaries/*.rules tests/dicts/*.rules tests/bad/*.rules
        cat dictionaries/phrasing.rules dictionaries/requirements.rules >"$d/both.rules" ;;
    match)
        # octal options: resume kind (bits 0-1), posting kind (2-3), format (4-5), top (6)
        match_seed "$d" 000 samples/resume.md samples/posting-remote.md
        match_seed "$d" 010 samples/resume.md samples/posting-greenhouse.html
        match_seed "$d" 210 samples/resume.md samples/posting-greenhouse.html
        match_seed "$d" 030 samples/resume.md samples/posting-jsonld.html
        match_seed "$d" 050 samples/resume.md samples/posting-legacy-cp1252.html
        match_seed "$d" 164 samples/resume.md samples/posting-plain.txt
        match_seed "$d" 003 tests/resumes/dated-roles.json tests/postings/knockouts.md
        match_seed "$d" 021 tests/dicts/plain-resume.txt tests/postings/choices.md
        match_seed "$d" 000 tests/dicts/resume-v2.md samples/posting-remote.md samples/resume.md
        match_seed "$d" 020 tests/dicts/resume-v2.md samples/posting-remote.md samples/resume.md ;;
    tracker) copy "$d" tests/track/*.csv tests/cli/batch-csv/out ;;
    summarize)
        copy "$d" tests/batch/*.jsonl
        # what summarize really reads: batch's lines, when the CLI is built
        [ ! -x ./jobmatch ] || JOBMATCH_NO_CACHE=1 ./jobmatch batch -q -j 1 --format jsonl \
            samples/resume.md tests/batch/saved >"$d/batch.jsonl" 2>/dev/null ;;
    esac
    [ -d "$HERE/seeds/$1" ] && cp "$HERE/seeds/$1"/* "$d/" 2>/dev/null
    :
}

# The libFuzzer dictionary of a target's tokens, when it has one.
dict_flag() {
    f=$HERE/dicts/$1.dict
    [ -f "$f" ] && echo "-dict=$f"
}

# A target's figures from its libFuzzer log: executions, per second, cov, ft, corpus.
figures() {
    tail -n 50 "$1" | awk '
        /^#[0-9]+/ { runs = substr($1, 2); sub(/:$/, "", runs)
            for (i = 1; i <= NF; i++) {
            if ($i == "cov:") cov = $(i + 1); if ($i == "ft:") ft = $(i + 1)
            if ($i == "corp:") corp = $(i + 1)
            if ($i == "exec/s:") eps = $(i + 1)
            if ($i == "time:") { secs = $(i + 1); sub(/s$/, "", secs) } } }
        /^stat::number_of_executed_units:/ { runs = $2 }
        /^stat::average_exec_per_sec:/ { eps = $2 }
        /oom\/timeout\/crash:/ { for (i = 1; i <= NF; i++) if ($i == "oom/timeout/crash:") otc = $(i + 1) }
        END { if (secs > 0) eps = int(runs / secs) # fork mode: the average over the run
              printf "runs %s exec/s %s cov %s ft %s corpus %s%s\n", runs, eps, cov, ft, corp,
              otc == "" ? "" : " oom/timeout/crash " otc }'
}

smoke() {
    passed=0 failed=0
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    for t in "$@"; do
        bin=$BIN_DIR/fuzz_$t
        seeds "$t"
        regs=$HERE/regressions/$t
        mkdir -p "$tmp/corpus-$t" "$tmp/art-$t"
        start=$(date +%s)
        # shellcheck disable=SC2046
        if "$bin" -runs="$FUZZ_RUNS" -seed=1 -max_len="$FUZZ_MAX_LEN" -timeout="$FUZZ_TIMEOUT" \
            -rss_limit_mb=2048 -print_final_stats=1 $(dict_flag "$t") \
            -artifact_prefix="$tmp/art-$t/" "$tmp/corpus-$t" "$OUT/seeds/$t" \
            $( [ -d "$regs" ] && echo "$regs") >"$tmp/$t.log" 2>&1; then
            passed=$((passed + 1))
            echo "ok: fuzz/$t ($(ls "$OUT/seeds/$t" | wc -l) seeds, $FUZZ_RUNS runs," \
                "$(($(date +%s) - start)) s; $(figures "$tmp/$t.log"))"
        else
            failed=$((failed + 1))
            echo "FAIL: fuzz/$t (the input: $(ls "$tmp/art-$t" | head -n 1))"
            grep -E 'ERROR|runtime error|SUMMARY|#[0-9]+ in ' "$tmp/$t.log" | head -n 20
        fi
        [ -d "$regs" ] || continue
        for f in "$regs"/*; do
            [ -f "$f" ] || continue
            if "$bin" -timeout="$FUZZ_TIMEOUT" -rss_limit_mb=2048 "$f" >"$tmp/reg.log" 2>&1; then
                passed=$((passed + 1))
                echo "ok: fuzz/$t/$(basename "$f")"
            else
                failed=$((failed + 1))
                echo "FAIL: fuzz/$t/$(basename "$f") (kept finding is back)"
                grep -E 'ERROR|runtime error|SUMMARY|#[0-9]+ in ' "$tmp/reg.log" | head -n 20
            fi
        done
    done
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

long() {
    for t in "$@"; do
        seeds "$t"
        mkdir -p "$OUT/corpus/$t" "$OUT/findings/$t" "$OUT/logs"
        regs=$HERE/regressions/$t
        # shellcheck disable=SC2046
        # -fork=1: one worker process (one core), restarted after a finding, so that one
        # crash does not end the target's time
        "$BIN_DIR/fuzz_$t" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
            -max_total_time="$FUZZ_TIME" -max_len="$FUZZ_MAX_LEN" \
            -timeout="$FUZZ_TIMEOUT" -rss_limit_mb=2048 -print_final_stats=1 $(dict_flag "$t") \
            -artifact_prefix="$OUT/findings/$t/" "$OUT/corpus/$t" "$OUT/seeds/$t" \
            $( [ -d "$regs" ] && echo "$regs") >"$OUT/logs/$t.log" 2>&1
        rc=$?
        echo "fuzz/$t: exit $rc; $(figures "$OUT/logs/$t.log"); findings: $(ls "$OUT/findings/$t" | wc -l)"
    done
}

case $1 in
--check-toolchain) check_toolchain ;;
smoke) shift && smoke "$@" ;;
long) shift && long "$@" ;;
*) echo "usage: $0 --check-toolchain | smoke NAME... | long NAME..." >&2 && exit 2 ;;
esac
