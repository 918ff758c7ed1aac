#!/usr/bin/env python3
"""baseline.py - the keyword script a typical user would write, for `make bench`.

    baseline.py [--terms FILE | --jobmatch PATH] PATH...

For each page: BeautifulSoup with the lxml parser, script/style/svg/noscript
elements removed, get_text(" "), casefold, then one compiled regex alternation of
every dictionary form (canonical names and aliases, longest first, \\b where a form
starts or ends with a word character) and findall. Prints one line per file,
PATH<TAB>number of distinct forms found, and on stderr at the end:

    N files, B bytes, S seconds, X MB/s        (MB = 10^6 bytes)

The forms come from `jobmatch dict list --format json` (--jobmatch PATH, default
./jobmatch) or from --terms FILE, one form per line. Directories are walked
recursively in name order for .html .htm .md .markdown .txt files. The time
covers reading, parsing and matching the files, not building the regex.

Deliberately plain: one process, no caching, no cleverness. Needs BeautifulSoup 4
and lxml (Debian: apt-get install python3-bs4 python3-lxml).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

try:
    from bs4 import BeautifulSoup
    import lxml  # noqa: F401  (BeautifulSoup's "lxml" parser)
except ImportError as e:
    sys.exit("baseline.py: %s: needs BeautifulSoup 4 and lxml for %s "
             "(apt-get install python3-bs4 python3-lxml, or pip install beautifulsoup4 lxml)"
             % (e, sys.executable))

EXTENSIONS = (".html", ".htm", ".md", ".markdown", ".txt")


def load_forms(args):
    if args.terms:
        with open(args.terms, encoding="utf-8") as f:
            forms = [line.strip() for line in f]
    else:
        out = subprocess.run([args.jobmatch, "dict", "list", "--format", "json"],
                             check=True, capture_output=True).stdout
        forms = []
        for term in json.loads(out)["terms"]:
            forms.append(term["name"])
            forms.extend(term["aliases"])
    forms = sorted({f.casefold() for f in forms if f}, key=lambda f: (-len(f), f))
    return forms


def build_regex(forms):
    parts = []
    for form in forms:
        p = re.escape(form)
        if re.match(r"\w", form[0]):
            p = r"\b" + p
        if re.match(r"\w", form[-1]):
            p = p + r"\b"
        parts.append(p)
    return re.compile("|".join(parts))


def list_files(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    if name.lower().endswith(EXTENSIONS):
                        files.append(os.path.join(root, name))
        else:
            files.append(path)
    return files


def keywords(path, regex):
    with open(path, "rb") as f:
        data = f.read()
    soup = BeautifulSoup(data, "lxml")
    for tag in soup(["script", "style", "svg", "noscript"]):
        tag.decompose()
    text = soup.get_text(" ").casefold()
    return len(data), set(regex.findall(text))


def main():
    ap = argparse.ArgumentParser(description="Dictionary keywords per page, the usual Python way.")
    ap.add_argument("paths", metavar="PATH", nargs="+", help="files or directories")
    ap.add_argument("--terms", metavar="FILE", help="the forms to look for, one per line")
    ap.add_argument("--jobmatch", metavar="PATH", default="./jobmatch",
                    help="where to get the forms when --terms is not given (default ./jobmatch)")
    args = ap.parse_args()

    regex = build_regex(load_forms(args))
    files = list_files(args.paths)

    nbytes = 0
    t0 = time.perf_counter()
    out = sys.stdout
    for path in files:
        n, found = keywords(path, regex)
        nbytes += n
        out.write("%s\t%d\n" % (path, len(found)))
    secs = time.perf_counter() - t0
    out.flush()
    print("%d files, %d bytes, %.3f seconds, %.2f MB/s"
          % (len(files), nbytes, secs, nbytes / 1e6 / secs if secs > 0 else 0.0), file=sys.stderr)


if __name__ == "__main__":
    main()
