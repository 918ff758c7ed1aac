#!/usr/bin/env python3
"""Keyword precision and recall against the shared corpus's labels.

usage: eval.py JOBMATCH CORPUS [--all-misses]

CORPUS holds postings/ and the labels; either label file may be absent, and the
figures it gives are then left out.

Reads CORPUS/posting-labels.tsv (the rules are CORPUS/posting-label-criteria.md):
- a reported keyword is right when its name or one of its surface forms equals a
  labelled name (must or maybe) of that posting, comparing only letters, digits,
  '+' and '#', case aside; anything else is a false positive;
- a `must` label is found when some reported keyword's name or form equals one of
  its names; recall is over `must` labels.

The postings are split in two fixed halves by a hash of the file name. Half A is
the one to read misses in while improving the dictionaries; half B is held out:
its figures estimate what unseen postings get, and its misses are not printed
unless --all-misses is given.

Then title, company and location against CORPUS/posting-meta.tsv (rules in
posting-meta-criteria.md): a value is right when, case and everything but letters
and digits aside, it equals the label or one of its `|`-separated alternatives;
an empty label means the posting states none, so only an empty value (or one of
the alternatives) is right. The same halves; misses printed for half A only.

Then the SkillSpan train split (CORPUS/skillspan), labelled by a published
study's annotators: recall on its Knowledge spans judged to be technologies (a
span of at most four tokens with a capital letter, a digit, '+', '#', '.' or '/'
in it: "Java", "CI/CD", "AWS Lambda"; lower-case fields and methods are not, nor
are spoken languages, degrees, fields of study and industries: NOT_TECHNOLOGY), and
the share of reported keywords whose form lies inside some labelled span. A span
is found when a form of a reported keyword occurs in it as a whole word.

A CORPUS without posting-meta.tsv or skillspan/ skips those parts.
"""
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import defaultdict


def norm(s):
    return "".join(c for c in s.lower() if c.isalnum() or c in "+#")


def half_of(name):
    return "A" if hashlib.md5(name.encode()).digest()[0] % 2 == 0 else "B"


def keywords(jobmatch, path):
    out = subprocess.run([jobmatch, "keywords", "--format", "json", path],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return None
    return json.loads(out.stdout)["keywords"]


def labels(corpus):
    must, allowed = defaultdict(list), defaultdict(set)
    with open(os.path.join(corpus, "posting-labels.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                continue
            file, kind, names = cols[0], cols[1], cols[2]
            allowed[file]  # a posting labelled "none" still counts
            if kind not in ("must", "maybe"):
                continue
            group = {norm(n) for n in names.split("|") if norm(n)}
            allowed[file] |= group
            if kind == "must":
                must[file].append((names.split("|")[0], group))
    return must, allowed


def meta_norm(s):
    return "".join(c for c in s.lower() if c.isalnum())


def meta_labels(corpus):
    """file -> {field: set of accepted normalized values}"""
    rows = {}
    path = os.path.join(corpus, "posting-meta.tsv")
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        for line in f:
            cols = dict(zip(header, line.rstrip("\n").split("\t")))
            accepted = {}
            for field in ("title", "company", "location"):
                # location lists its alternatives in the one column
                values = cols.get(field, "").split("|") + cols.get(field + "_alts", "").split("|")
                accepted[field] = {meta_norm(v) for v in values if meta_norm(v)}
                if not meta_norm(cols.get(field, "")):
                    accepted[field].add("")  # the posting states none
            rows[cols["file"]] = accepted
    return rows


def posting_meta(jobmatch, resume, path):
    """The title, company and location jobmatch reports for a posting (the match JSON's
    "posting" object: the one output that carries all three)."""
    out = subprocess.run([jobmatch, "match", "--format", "json", resume, path],
                         capture_output=True, text=True)
    try:
        return json.loads(out.stdout)["posting"]
    except (ValueError, KeyError):
        return {}


def eval_meta(jobmatch, corpus, resume, all_misses):
    labels_by_file = meta_labels(corpus)
    if not labels_by_file:
        return
    fields = ("title", "company", "location")
    right = {h: dict.fromkeys(fields, 0) for h in "AB"}
    count = dict.fromkeys("AB", 0)
    for file in sorted(labels_by_file):
        path = os.path.join(corpus, "postings", file)
        if not os.path.exists(path):
            continue
        half = half_of(file)
        count[half] += 1
        got = posting_meta(jobmatch, resume, path)
        misses = []
        for field in fields:
            value = got.get(field, "") or ""
            if meta_norm(value) in labels_by_file[file][field]:
                right[half][field] += 1
            else:
                misses.append(f"{field} {value!r}")
        if (half == "A" or all_misses) and misses:
            print(f"{half} {file}: " + "; ".join(misses))
    print()
    right["all"] = {f: right["A"][f] + right["B"][f] for f in fields}
    count["all"] = count["A"] + count["B"]
    for half, name in (("A", "half A (tuned on)"), ("B", "half B (held out)"),
                       ("all", "all labelled postings")):
        n = count[half]
        figures = "  ".join(f"{field} {right[half][field] / n if n else 1.0:.3f} "
                            f"({right[half][field]}/{n})" for field in fields)
        print(f"{name:<28} {n:3d} postings  {figures}")


class Tally:
    def __init__(self):
        self.tp = self.fn = self.right = self.wrong = self.postings = 0

    def line(self, name):
        p = self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return (f"{name:<28} {self.postings:3d} postings  precision {p:.3f} "
                f"({self.wrong} wrong of {self.right + self.wrong})  recall {r:.3f} "
                f"({self.fn} missed of {self.tp + self.fn})")


def eval_postings(jobmatch, corpus, all_misses):
    must, allowed = labels(corpus)
    tallies = {"A": Tally(), "B": Tally()}
    for file in sorted(allowed):
        path = os.path.join(corpus, "postings", file)
        if not os.path.exists(path):
            continue
        half = half_of(file)
        t = tallies[half]
        t.postings += 1
        got = keywords(jobmatch, path) or []
        seen = set()
        wrong = []
        for k in got:
            forms = {norm(k["name"])} | {norm(f) for f in k["forms"]}
            seen |= forms
            if forms & allowed[file]:
                t.right += 1
            else:
                t.wrong += 1
                wrong.append(k["name"])
        missed = [name for name, group in must[file] if not group & seen]
        t.tp += len(must[file]) - len(missed)
        t.fn += len(missed)
        if (half == "A" or all_misses) and (missed or wrong):
            print(f"{half} {file}: missed: {', '.join(missed) or '-'}; "
                  f"wrong: {', '.join(wrong) or '-'}")
    both = Tally()
    for t in tallies.values():
        for field in vars(both):
            setattr(both, field, getattr(both, field) + getattr(t, field))
    print()
    print(tallies["A"].line("half A (tuned on)"))
    print(tallies["B"].line("half B (held out)"))
    print(both.line("all shared postings"))


# Knowledge spans that are not technologies: spoken languages, degrees and fields of study,
# industries, and the annotators' de-identification placeholders.
NOT_TECHNOLOGY = re.compile(
    r"(?i)<[a-z]+>|\b(?:english|german|french|spanish|danish|dutch|swedish|norwegian|italian|"
    r"degree|bachelor|master|phd|bs|ba|ms|bsc|msc|university|computer science|"
    r"information technology|engineering|services|finance|financial|banking|gaming|retail|"
    r"publishing|entertainment|television|telecommunications|consulting|charity|non-profit|"
    r"newspapers|biotechnology|medical|healthcare|insurance|logistics|e-commerce|"
    r"enterprise software|computer software)\b")


def is_technology(span):
    text = span["text"]
    return (len(text.split()) <= 4 and re.search(r"[A-Z0-9+#./]", text) is not None and
            NOT_TECHNOLOGY.search(text) is None)


def eval_skillspan(jobmatch, corpus):
    root = os.path.join(corpus, "skillspan")
    for part in ("tech-train", "house-train"):
        folder = os.path.join(root, part)
        if not os.path.isdir(folder):
            continue
        tech = found = inside = reported = 0
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(folder, name[:-4] + ".spans.json"), encoding="utf-8") as f:
                spans = json.load(f)["spans"]
            got = keywords(jobmatch, os.path.join(folder, name)) or []
            forms = [re.compile(r"(?<![\w+#])" + re.escape(f) + r"(?![\w+#])", re.I)
                     for k in got for f in k["forms"]]
            for span in spans:
                if span["label"] == "Knowledge" and is_technology(span):
                    tech += 1
                    found += any(f.search(span["text"]) for f in forms)
            for k in got:
                reported += 1
                inside += any(re.search(r"(?<![\w+#])" + re.escape(f) + r"(?![\w+#])",
                                        s["text"], re.I)
                              for f in k["forms"] for s in spans)
        r = found / tech if tech else 1.0
        share = inside / reported if reported else 1.0
        print(f"SkillSpan {part:<12} technology recall {r:.3f} ({found} of {tech} spans); "
              f"{share:.3f} of {reported} reported keywords inside a labelled span")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    jobmatch = args[0] if args else "./jobmatch"
    corpus = args[1] if len(args) > 1 else "../shared/corpus"
    has_labels = os.path.exists(os.path.join(corpus, "posting-labels.tsv"))
    if not has_labels and not os.path.exists(os.path.join(corpus, "posting-meta.tsv")):
        print(f"eval: SKIPPED: neither {corpus}/posting-labels.tsv nor posting-meta.tsv is there "
              "(the shared corpus sits beside the project)")
        return 0
    # Each part runs when its labels are there: keywords (posting-labels.tsv), title, company
    # and location (posting-meta.tsv), SkillSpan (skillspan/); each in the same two halves.
    parts = []
    if has_labels:
        parts.append(lambda: eval_postings(jobmatch, corpus, "--all-misses" in sys.argv))
    if os.path.exists(os.path.join(corpus, "posting-meta.tsv")):
        here = os.path.dirname(os.path.abspath(__file__))
        resume = os.path.join(here, "..", "..", "samples", "resume.md")
        parts.append(lambda: eval_meta(jobmatch, corpus, resume, "--all-misses" in sys.argv))
    if os.path.isdir(os.path.join(corpus, "skillspan")):
        parts.append(lambda: eval_skillspan(jobmatch, corpus))
    for i, part in enumerate(parts):
        if i:
            print()
        part()
    return 0


if __name__ == "__main__":
    sys.exit(main())
