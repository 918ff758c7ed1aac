#!/bin/sh
# tests/track/libreoffice.sh - remakes pipeline-libreoffice.csv, the tracker as a spreadsheet
# program saves it: edited.csv (a tracker jobmatch wrote from the samples on 2026-12-07, then
# edited as a person does: a status, a date applied, a note over two lines with quotes, a
# column of their own) opened in LibreOffice Calc and saved again as CSV with ';' (a
# European locale's separator), as Calc writes it: every text quoted, LF line ends, numbers
# and percentages in its own format. Needs LibreOffice (Debian: libreoffice-calc-nogui).
set -e
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
soffice -env:UserInstallation="file://$out/profile" --headless \
    --infilter='Text - txt - csv (StarCalc):44,34,76,1' \
    --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1' --outdir "$out" edited.csv >/dev/null
cp "$out/edited.csv" pipeline-libreoffice.csv
