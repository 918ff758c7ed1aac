#!/bin/sh
# tests/browser.sh - the HTML reports (match, tailor, batch) rendered in headless Chromium:
# at a desktop and a phone width and in dark mode, each screenshot must be a real page (not
# blank), the DOM must hold the expected title and score, the batch page's script must have
# run (Chromium applies the page's Content-Security-Policy, so a wrong hash shows here), and
# the stylesheet's hash must be the one the policy allows. Skipped, with a message, where
# Chromium is absent. Ends with "N passed, N failed"; screenshots stay in build/browser/.
#
#   JOBMATCH   the binary under test (default ./jobmatch)
#   CHROMIUM   the browser (default: chromium, else chromium-browser, else google-chrome)
LC_ALL=C
export LC_ALL
JOBMATCH=${JOBMATCH:-./jobmatch}
out=build/browser
passed=0
failed=0

browser=${CHROMIUM:-}
for b in chromium chromium-browser google-chrome; do
    [ -n "$browser" ] && break
    command -v "$b" >/dev/null 2>&1 && browser=$b
done
if [ -z "$browser" ]; then
    echo "browser: skipped: no Chromium (Debian: apt-get install chromium; sh .ci/deps.sh does)"
    echo "0 passed, 0 failed"
    exit 0
fi

rm -rf "$out"
mkdir -p "$out/profile"
ok() { passed=$((passed + 1)); echo "ok: browser/$1"; }
fail() { failed=$((failed + 1)); echo "FAIL: browser/$1"; }

# chrome ARGS...: one headless run, its own profile, quiet, bounded in time.
chrome() {
    timeout 60 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --no-first-run --user-data-dir="$out/profile" "$@" 2>/dev/null
}

# The three reports, as a user writes them.
JOBMATCH_TODAY=2026-06 "$JOBMATCH" samples/resume.md samples/posting-greenhouse.html \
    --format html -o "$out/match.html"
JOBMATCH_TODAY=2026-06 "$JOBMATCH" tailor samples/resume.md samples/posting-remote.md \
    --format html -o "$out/tailor.html"
"$JOBMATCH" batch -q samples/resume.md samples/posting-greenhouse.html samples/posting-remote.md \
    samples/posting-plain.txt samples/posting-jsonld.html --format html -o "$out/batch.html"

# check NAME TEXT...: the DOM after load holds every TEXT.
check_dom() {
    name=$1
    shift
    chrome --dump-dom "file://$(pwd)/$out/$name.html" >"$out/$name.dom"
    for text in "$@"; do
        if ! grep -qF -- "$text" "$out/$name.dom"; then
            fail "$name-dom: no '$text' in the rendered page"
            return
        fi
    done
    ok "$name-dom"
}

check_dom match "<title>60/100 · Senior Backend Engineer (Python)" '<span id="score">60</span>'
check_dom tailor "<title>Tailoring for " 'id="score"' "Knock-out requirements"
# The script ran: the filter box is shown and the headers are buttons.
check_dom batch "<title>Postings ranked" 'class="n"><button type="button">Score' \
    'data-filter="ranked"><label>'
if grep -q 'data-filter="ranked" hidden' "$out/batch.dom"; then
    fail "batch-script: the filter is still hidden: the script did not run"
else
    ok "batch-script"
fi

# shot NAME MODE WIDTH HEIGHT [FLAGS]: a screenshot that is a real page, not a blank one
# (a blank page compresses to a few kilobytes).
shot() {
    png="$out/$1-$2.png"
    chrome --screenshot="$png" --window-size="$3,$4" $5 "file://$(pwd)/$out/$1.html" >/dev/null
    size=$(wc -c <"$png" 2>/dev/null || echo 0)
    if [ "$size" -gt 20000 ]; then ok "$1-$2"; else fail "$1-$2: blank or missing ($size bytes)"; fi
}

for r in match tailor batch; do
    shot "$r" desktop 1280 1600
    shot "$r" phone 390 1600
    shot "$r" dark 1280 1600 "--force-dark-mode --blink-settings=preferredColorScheme=0"
    if cmp -s "$out/$r-desktop.png" "$out/$r-dark.png"; then
        fail "$r-dark: the same as light"
    else
        ok "$r-dark-differs"
    fi
done

# The stylesheet's hash is the one the policy names (else the browser drops the styles).
if python3 - "$out/match.html" <<'PY'; then ok "csp-hash"; else fail "csp-hash"; fi
import base64, hashlib, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
css = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
sys.exit(0 if "'sha256-%s'" % digest in page else 1)
PY

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
