#!/usr/bin/env python3
"""Precision and recall of `jobmatch keywords` against hand labels.

tests/eval/postings.tsv names postings of the shared corpus (not shipped with
the project) with, for each, what a careful reader says it asks for (`asks`)
and what a good dictionary may also report without being wrong (`may`).
A keyword found that is in neither is a false positive; a label in `asks`
that is not found is a miss.
"""
import csv
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "postings.tsv")


def split(cell):
    return {x.strip().lower(): x.strip() for x in (cell or "").split(",") if x.strip()}


def found(jobmatch, path):
    out = subprocess.run([jobmatch, "keywords", "--format", "json", path],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return None, out.stderr.strip()
    return {k["name"].lower(): k["name"] for k in json.loads(out.stdout)["keywords"]}, ""


def main():
    jobmatch = sys.argv[1] if len(sys.argv) > 1 else "./jobmatch"
    corpus = sys.argv[2] if len(sys.argv) > 2 else "../shared/corpus/postings"
    if not os.path.isdir(corpus):
        print(f"eval: SKIPPED: {corpus} is absent (the shared corpus sits beside the project)")
        return 0
    tp = fp = fn = 0
    with open(LABELS, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for row in rows:
        asks, may = split(row["asks"]), split(row["may"])
        got, err = found(jobmatch, os.path.join(corpus, row["file"]))
        if got is None:
            print(f"{row['file']}: error: {err}")
            fn += len(asks)
            continue
        hits = [asks[k] for k in asks if k in got]
        misses = [asks[k] for k in asks if k not in got]
        wrong = [got[k] for k in got if k not in asks and k not in may]
        tp, fp, fn = tp + len(hits), fp + len(wrong), fn + len(misses)
        line = f"{row['file']}: {len(hits)}/{len(asks)} found"
        if misses:
            line += "; missed: " + ", ".join(misses)
        if wrong:
            line += "; not asked: " + ", ".join(wrong)
        print(line)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"\n{len(rows)} postings, {tp + fn} labels: {tp} found, {fn} missed, "
          f"{fp} reported but not asked")
    print(f"precision {precision:.3f} (aim 0.95)   recall {recall:.3f} (aim 0.92)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
