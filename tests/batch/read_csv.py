#!/usr/bin/env python3
"""Reads `jobmatch batch --format csv` back with Python's csv module, as a
spreadsheet would, and prints what it found: the header, then per row the
score, path and error, checking that every row has every column."""
import csv
import io
import sys

data = sys.stdin.buffer.read().decode("utf-8")
rows = list(csv.reader(io.StringIO(data, newline=""), strict=True))
header, body = rows[0], rows[1:]
print("columns:", ", ".join(header))
for row in body:
    assert len(row) == len(header), f"row of {len(row)} fields: {row}"
    record = dict(zip(header, row))
    print(f"{record['score'] or '-':>3}  {record['title'] or '-'} | {record['path']}"
          f"{'  error: ' + record['error'] if record['error'] else ''}")
print(f"{len(body)} rows, every one with {len(header)} fields")
