#!/bin/sh
# Writes the fixtures of tests/formats from the project's own sources, as committed:
#   resume.docx, resume.odt   pandoc from samples/resume.md
#   resume.pdf                headless Chromium's print of pandoc's HTML of samples/resume.md
#   resume-office.pdf         LibreOffice Writer's PDF export of resume.docx (an office
#                             suite's PDF: bullets are text glyphs, lines are set by Writer)
#   two-column.pdf            Chromium's print of two-column.html: a sidebar beside the main column
#   posting.pdf               Chromium's print of samples/posting-greenhouse.html (a saved job page)
#   tables-textbox.docx and the bad-*.docx: office.py (hand-made XML)
#   bad-encrypted.pdf         qpdf's AES-256 encryption of resume.pdf (a user password)
#   bad-image-only.pdf        Chromium's print of a page that holds only drawn shapes
# Needs (Debian 12): pandoc chromium libreoffice-writer-nogui qpdf python3. Only the
# committed files are read by the tests; run this after changing a source, and commit
# what it writes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here"
pdf() { # pdf HTML OUT: Chromium's print, no header or footer
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$2" "$1" 2>/dev/null
}
pandoc "$root/samples/resume.md" -o resume.docx
pandoc "$root/samples/resume.md" -o resume.odt
pandoc "$root/samples/resume.md" -s --metadata pagetitle=Resume -o "$tmp/resume.html"
pdf "$tmp/resume.html" resume.pdf
soffice --headless --convert-to pdf --outdir "$tmp" resume.docx >/dev/null 2>&1
mv "$tmp/resume.pdf" resume-office.pdf
pdf "$here/two-column.html" two-column.pdf
pdf "$root/samples/posting-greenhouse.html" posting.pdf
python3 "$here/office.py" "$here"
qpdf --encrypt user-secret owner-secret 256 -- resume.pdf bad-encrypted.pdf
printf '<!doctype html><svg width="400" height="300"><rect x="10" y="10" width="300" height="40"/><circle cx="60" cy="150" r="40"/></svg>' >"$tmp/shapes.html"
pdf "$tmp/shapes.html" bad-image-only.pdf
ls -l "$here"
