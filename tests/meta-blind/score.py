#!/usr/bin/env python3
"""Scores the title, company and location jobmatch reads from the blind postings of this
folder against expected.tsv.

The postings are split in two: `d-*` files are the dev set, whose mismatches are printed
one per line, and `c-*` files are the held-out check set, of which only the accuracy
figures are printed (never the files or the values), so that nobody tunes on them.

A field matches when it equals one of the `|`-separated alternatives of expected.tsv once
both are case-folded and stripped of everything but letters and digits. An empty expected
field matches only an empty answer.

Run from anywhere: python3 tests/meta-blind/score.py [path/to/jobmatch]
"""
import csv
import io
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIELDS = ("title", "company", "location")


def norm(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(c for c in s if c.isalnum())


def matches(got, want):
    return any(norm(got) == norm(alt) for alt in want.split("|"))


def load_expected():
    with open(os.path.join(HERE, "expected.tsv"), encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    header = lines[0].split("\t")
    assert header == ["file", *FIELDS], header
    expected = {}
    for line in lines[1:]:
        if not line.strip():
            continue
        cols = line.split("\t")
        cols += [""] * (4 - len(cols))
        expected[cols[0]] = dict(zip(FIELDS, cols[1:4]))
    return expected


def run_jobmatch(binary):
    cmd = [binary, "batch", "--format", "csv", "--quiet",
           "samples/resume.md", os.path.relpath(HERE, ROOT)]
    # stderr is kept back: it only names the files of this folder that are not postings
    run = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    rows = csv.DictReader(io.StringIO(run.stdout.decode("utf-8"), newline=""))
    got = {os.path.basename(r["path"]): r for r in rows}
    if not got:
        sys.exit(f"score.py: no rows from {' '.join(cmd)}\n{run.stderr.decode('utf-8', 'replace')}")
    return got


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "./jobmatch"
    expected = load_expected()
    got = run_jobmatch(binary)

    tally = {s: {f: 0 for f in FIELDS} for s in ("dev", "check")}
    count = {"dev": 0, "check": 0}
    for name in sorted(expected):
        split = "dev" if name.startswith("d-") else "check"
        count[split] += 1
        row = got.get(name)
        for field in FIELDS:
            value = row[field] if row else None
            if value is not None and matches(value, expected[name][field]):
                tally[split][field] += 1
            elif split == "dev":
                shown = "(no row)" if value is None else repr(value)
                print(f"{name}: {field}: expected {expected[name][field]!r}, got {shown}")

    print()
    for split in ("dev", "check"):
        n = count[split]
        figures = "  ".join(
            f"{f} {tally[split][f]}/{n} ({100.0 * tally[split][f] / n:.0f}%)" for f in FIELDS)
        print(f"{split:5} ({n} files): {figures}")


if __name__ == "__main__":
    main()
