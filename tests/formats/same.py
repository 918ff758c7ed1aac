#!/usr/bin/env python3
"""The same resume in Markdown, DOCX, ODT and PDF (Chromium's and LibreOffice's), and a
two-column resume in HTML and PDF, give the same keywords, with the same counts, and the same
bullets with the same verdicts; a job page printed to PDF gives the same title, company,
location and keywords at the same importance.

usage: same.py JOBMATCH
Prints one line per format: "same", or what differs from the source.
"""
import json
import shlex
import subprocess
import sys

PAIRS = [("samples/resume.md", ["tests/formats/resume.docx", "tests/formats/resume.odt",
                                  "tests/formats/resume.pdf", "tests/formats/resume-office.pdf"]),
         ("tests/formats/two-column.html", ["tests/formats/two-column.pdf"])]


def run(jobmatch, *args):
    # JOBMATCH may be a command line: "valgrind … ./jobmatch" when the tests run under valgrind
    out = subprocess.run([*shlex.split(jobmatch), *args, "--format", "json"],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"{args}: exit {out.returncode}: {out.stderr.strip()}")
    return json.loads(out.stdout)


def reading(jobmatch, path):
    kw = run(jobmatch, "keywords", "--role", "resume", path)
    lint = run(jobmatch, "lint", path)
    keywords = sorted((k["name"], k["count"]) for k in kw["keywords"])
    bullets = [(" ".join(b["text"].split()), b["phrasing"]) for b in lint["bullets"]]
    return kw["title"], keywords, bullets


def posting_reading(jobmatch, path):
    kw = run(jobmatch, "keywords", path)
    return ((kw["title"], kw["company"], kw["location"]),
            sorted((k["name"], k["importance"]) for k in kw["keywords"]))


def compare_postings(jobmatch, source, path):
    """A posting printed to PDF: the same title, company, location and keywords, each at the
    same importance."""
    want, got = posting_reading(jobmatch, source), posting_reading(jobmatch, path)
    diffs = []
    if got[0] != want[0]:
        diffs.append(f"title/company/location {got[0]}")
    if got[1] != want[1]:
        diffs.append(f"keywords missing {sorted(set(want[1]) - set(got[1]))} "
                     f"extra {sorted(set(got[1]) - set(want[1]))}")
    print(f"{path}: {'; '.join(diffs) if diffs else 'same'} ({len(got[1])} keywords)")


def main():
    jobmatch = sys.argv[1] if len(sys.argv) > 1 else "./jobmatch"
    for source, formats in PAIRS:
        compare(jobmatch, source, formats)
    compare_postings(jobmatch, "samples/posting-greenhouse.html", "tests/formats/posting.pdf")


def compare(jobmatch, source, formats):
    want = reading(jobmatch, source)
    for path in formats:
        title, keywords, bullets = reading(jobmatch, path)
        diffs = []
        if title != want[0]:
            diffs.append(f"title {title!r}")
        missing = sorted(set(want[1]) - set(keywords))
        extra = sorted(set(keywords) - set(want[1]))
        if missing or extra:
            diffs.append(f"keywords missing {missing} extra {extra}")
        if bullets != want[2]:
            lost = [b for b in want[2] if b not in bullets]
            new = [b for b in bullets if b not in want[2]]
            diffs.append(f"bullets lost {lost} new {new}")
        print(f"{path}: {'; '.join(diffs) if diffs else 'same'} "
              f"({len(keywords)} keywords, {len(bullets)} bullets)")


if __name__ == "__main__":
    main()
