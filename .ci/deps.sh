#!/bin/sh
# Installs what jobmatch needs to build and test on Debian 12 (bookworm):
# the compiler, pkg-config, the six libraries (libzip reads DOCX and ODT), cmocka, valgrind, a word list,
# GNU parallel (the scale-out test), bash, zsh and fish (the completions test loads
# each), clang-format (make lint), and BeautifulSoup and lxml (the Python baseline of
# `make bench`), poppler-utils (pdftotext: jobmatch reads PDF through it), and clang with
# libFuzzer (libclang-rt-dev: clang only recommends it) for `make fuzz-smoke`, and
# Chromium with a font (the HTML reports are rendered in it: `make browser`). Uses sudo
# when not root. Safe to run again.
set -e
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
PKGS="build-essential pkg-config libxml2-dev libpcre2-dev libutf8proc-dev libcjson-dev \
libcmark-dev libzip-dev libcmocka-dev valgrind wamerican python3 parallel bash zsh fish clang-format \
python3-bs4 python3-lxml poppler-utils clang libclang-rt-dev chromium fonts-dejavu-core"
missing=
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    $SUDO apt-get update
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
fi
