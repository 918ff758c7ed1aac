#!/usr/bin/env python3
"""Accuracy of `jobmatch lint` against hand-labelled bullets.

Two label sets, both made by hand before any verdict was looked at:

- tests/eval/bullets.tsv labels the bullets of ../shared/corpus/bullets.tsv by
  id. They are written into one Markdown resume, one list item each under an
  Experience heading, and judged by one `jobmatch lint --format json` run.
  The phrasing rules were tuned while reading the disagreements on this set.
- tests/eval/resume-bullets.tsv labels bullets of the real resumes in
  ../shared/corpus/resumes/ by file and line: a held-out set, never used for
  tuning, which also measures finding the bullets. Each resume is linted as a
  user would; a label whose line yields no jobmatch bullet counts as "none",
  and when a labelled paragraph yields several sentences, the best verdict
  among them stands for the paragraph.

Prints, for each set, accuracy, the confusion matrix and the share of tasks
called results; -v also lists every disagreement.
"""
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "bullets.tsv")
CLASSES = ["result", "partial", "task"]


def markdown_item(text):
    """One list item; Markdown's inline syntax escaped so that the text stays as written."""
    return "- " + re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", " ".join(text.split())) + "\n"


def verdicts(jobmatch, texts):
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as f:
        header = "# Eval\n\n## Experience\n\n### Bullets\n\n"
        f.write(header)
        first = header.count("\n") + 1  # the line of the first item
        for text in texts:
            f.write(markdown_item(text))
        path = f.name
    try:
        out = subprocess.run([jobmatch, "lint", "--format", "json", path],
                             capture_output=True, text=True)
    finally:
        os.unlink(path)
    if out.returncode not in (0, 1):
        sys.exit(f"eval: jobmatch lint failed: {out.stderr.strip()}")
    by_line = {b["line"]: b for b in json.loads(out.stdout)["bullets"]}
    return [by_line.get(first + i) for i in range(len(texts))]


RANK = {"task": 0, "partial": 1, "result": 2}


def confusion(title, pairs, verbose):
    """pairs: (label, verdict, note) tuples; prints the matrix and the two figures."""
    matrix = {(a, b): 0 for a in CLASSES for b in CLASSES + ["none"]}
    for label, said, note in pairs:
        matrix[(label, said)] += 1
        if verbose and said != label:
            print(f"  {note}: label {label}, jobmatch {said}")
    n = len(pairs)
    right = sum(matrix[(c, c)] for c in CLASSES)
    tasks = sum(matrix[("task", c)] for c in CLASSES + ["none"])
    print(f"{title}: {n} bullets labelled by hand; rows: label, columns: jobmatch")
    print("            " + "".join(f"{c:>9}" for c in CLASSES + ["none"]))
    for a in CLASSES:
        print(f"  {a:<10}" + "".join(f"{matrix[(a, b)]:>9}" for b in CLASSES + ["none"]))
    print(f"accuracy {right / max(n, 1):.3f} (aim 0.85)   "
          f"tasks called results {matrix[('task', 'result')] / max(tasks, 1):.3f} (aim <= 0.03)")


def tuned_set(jobmatch, shared, verbose):
    with open(shared, newline="", encoding="utf-8") as f:
        texts = {r["id"]: r["text"] for r in csv.DictReader(f, delimiter="\t")}
    with open(LABELS, newline="", encoding="utf-8") as f:
        labels = [r for r in csv.DictReader(f, delimiter="\t") if r["id"] in texts]
    got = verdicts(jobmatch, [texts[r["id"]] for r in labels])
    pairs = []
    for row, bullet in zip(labels, got):
        said = bullet["phrasing"] if bullet else "none"
        why = ", ".join(bullet["reasons"]) if bullet else "not judged"
        pairs.append((row["phrasing"], said, f"{row['id']} ({why}) {texts[row['id']][:90]}"))
    confusion("bullets.tsv (rules tuned on it)", pairs, verbose)


def half_of(name):
    """The fixed half of a bullet id: A is tuned on, B is held out (as eval.py splits postings)."""
    return "A" if hashlib.md5(name.encode()).digest()[0] % 2 == 0 else "B"


def shared_labels_set(jobmatch, shared, labels_path, verbose, all_misses):
    """The corpus's own labels (bullet-labels.tsv), in the two halves."""
    with open(shared, newline="", encoding="utf-8") as f:
        texts = {r["id"]: r["text"] for r in csv.DictReader(f, delimiter="\t")}
    with open(labels_path, newline="", encoding="utf-8") as f:
        labels = [r for r in csv.DictReader(f, delimiter="\t") if r["id"] in texts]
    got = verdicts(jobmatch, [texts[r["id"]] for r in labels])
    halves = {"A": [], "B": []}
    for row, bullet in zip(labels, got):
        said = bullet["phrasing"] if bullet else "none"
        why = ", ".join(bullet["reasons"]) if bullet else "not judged"
        note = f"{row['id']} [{row['subtype']}] ({why}) {texts[row['id']][:90]}"
        halves[half_of(row["id"])].append((row["label"], said, note))
    everything = halves["A"] + halves["B"]
    confusion("bullet-labels.tsv, half A (tuned on)", halves["A"], verbose)
    print()
    confusion("bullet-labels.tsv, half B (held out)", halves["B"], verbose and all_misses)
    print()
    confusion("bullet-labels.tsv, all", everything, False)


def held_out_set(jobmatch, resumes, verbose):
    with open(os.path.join(HERE, "resume-bullets.tsv"), newline="", encoding="utf-8") as f:
        labels = list(csv.DictReader(f, delimiter="\t"))
    judged = {}
    for name in sorted({r["file"] for r in labels}):
        out = subprocess.run([jobmatch, "lint", "--format", "json",
                              os.path.join(resumes, name)], capture_output=True, text=True)
        bullets = json.loads(out.stdout)["bullets"] if out.returncode in (0, 1) else []
        for b in bullets:
            key = (name, b["line"])
            if key not in judged or RANK[b["phrasing"]] > RANK[judged[key]["phrasing"]]:
                judged[key] = b
    pairs = []
    for row in labels:
        b = judged.get((row["file"], int(row["line"])))
        said = b["phrasing"] if b else "none"
        why = ", ".join(b["reasons"]) if b else "no bullet found on this line"
        pairs.append((row["phrasing"], said, f"{row['file']}:{row['line']} ({why})"))
    confusion("resume-bullets.tsv (held out)", pairs, verbose)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv[1:]
    all_misses = "--all-misses" in sys.argv[1:]
    jobmatch = args[0] if args else "./jobmatch"
    corpus = args[1] if len(args) > 1 else "../shared/corpus"
    shared = os.path.join(corpus, "bullets.tsv")
    if not os.path.isfile(shared):
        print(f"eval: SKIPPED: {shared} is absent (the shared corpus sits beside the project)")
        return 0
    shared_labels = os.path.join(corpus, "bullet-labels.tsv")
    if os.path.isfile(shared_labels):
        shared_labels_set(jobmatch, shared, shared_labels, verbose, all_misses)
        print()
    tuned_set(jobmatch, shared, verbose)
    print()
    held_out_set(jobmatch, os.path.join(corpus, "resumes"), verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
