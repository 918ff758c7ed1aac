#!/usr/bin/env python3
"""Prints title, company and location of each posting of a `jobmatch batch --format csv`
run, one line per file in name order, so that the golden shows the metadata alone (not the
scores, which follow the dictionaries)."""
import csv
import io
import os
import sys

rows = list(csv.DictReader(io.StringIO(sys.stdin.buffer.read().decode("utf-8"), newline="")))
for row in sorted(rows, key=lambda r: r["path"]):
    fields = [row["title"], row["company"], row["location"]]
    print(f"{os.path.basename(row['path'])}: " + " | ".join(f or "-" for f in fields))
