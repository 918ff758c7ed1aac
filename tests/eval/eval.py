#!/usr/bin/env python3
"""Precision and recall of `jobmatch keywords` against hand labels.

tests/eval/postings.tsv names postings of the shared corpus (not shipped with
the project) with, for each, what a careful reader says it asks for (`asks`)
and what a good dictionary may also report without being wrong (`may`).
A keyword found that is in neither is a false positive; a label in `asks`
that is not found is a miss. Labels are resolved through the dictionaries'
aliases (a label "Lucene" is the term "Apache Lucene"), and soft skills are
always acceptable: the labels name technologies, and the issue counts soft
skills among what a good dictionary may also report.
"""
import csv
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "postings.tsv")


def canonical_names(jobmatch):
    """Every canonical name and alias, lower-cased, to its canonical name."""
    out = subprocess.run([jobmatch, "dict", "list", "--format", "json"],
                         capture_output=True, text=True, check=True)
    names = {}
    for term in json.loads(out.stdout)["terms"]:
        for form in [term["name"]] + term["aliases"]:
            names.setdefault(form.lower(), term["name"])
    return names


def split(cell, names):
    labels = [x.strip() for x in (cell or "").split(",") if x.strip()]
    return {names.get(x.lower(), x).lower(): names.get(x.lower(), x) for x in labels}


def found(jobmatch, path):
    out = subprocess.run([jobmatch, "keywords", "--format", "json", path],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return None, out.stderr.strip()
    keywords = json.loads(out.stdout)["keywords"]
    return ({k["name"].lower(): k["name"] for k in keywords},
            {k["name"].lower() for k in keywords if k["kind"] == "soft-skill"}), ""


def main():
    jobmatch = sys.argv[1] if len(sys.argv) > 1 else "./jobmatch"
    corpus = sys.argv[2] if len(sys.argv) > 2 else "../shared/corpus/postings"
    if not os.path.isdir(corpus):
        print(f"eval: SKIPPED: {corpus} is absent (the shared corpus sits beside the project)")
        return 0
    names = canonical_names(jobmatch)
    tp = fp = fn = 0
    with open(LABELS, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for row in rows:
        asks, may = split(row["asks"], names), split(row["may"], names)
        result, err = found(jobmatch, os.path.join(corpus, row["file"]))
        if result is None:
            print(f"{row['file']}: error: {err}")
            fn += len(asks)
            continue
        got, soft = result
        hits = [asks[k] for k in asks if k in got]
        misses = [asks[k] for k in asks if k not in got]
        wrong = [got[k] for k in got if k not in asks and k not in may and k not in soft]
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
