#!/usr/bin/env python3
"""Writes the lexicon's training text, one paragraph per line, to OUT.

Only corpora whose licenses allow shipping derived counts are read
(../shared/data/README.md): ANT v1.1 (Apache-2.0; TITLE and TEXT, not the
ABSTRACT, which repeats the text), the Wikipedia paragraphs of ARCD and
XQuAD-ar (CC BY-SA), and the WikiFANE gold tokens (CC BY-SA 3.0).
usage: lexcorpus.py DATA_DIR OUT NAMES_OUT
"""
import glob
import json
import os
import re
import sys


def ant(root, out):
    n = 0
    for path in sorted(glob.glob(os.path.join(root, "news/ant/*/*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            doc = f.read()
        for tag in ("TITLE", "TEXT"):
            m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), doc, re.S)
            if m:
                for line in m.group(1).splitlines():
                    if line.strip():
                        out.write(line.strip() + "\n")
        n += 1
    return n


def squad(path, out):
    seen = set()
    with open(path, encoding="utf-8") as f:
        data = json.load(f)["data"]
    for art in data:
        for p in art["paragraphs"]:
            c = p["context"].replace("\n", " ").strip()
            if c not in seen:
                seen.add(c)
                out.write(c + "\n")
    return len(seen)


def wikifane(path, out):
    words, n = [], 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            tok = line.rstrip("\r\n").split("\t")[0].strip()
            if not tok:
                if words:
                    out.write(" ".join(words) + "\n")
                    n += 1
                words = []
                continue
            words.append(tok)
    if words:
        out.write(" ".join(words) + "\n")
    return n


def names(root, out):
    """Single words of person and place names: ANERgazet's person and
    location lists and CLDR's Arabic territory names. Words of three or
    more letters that do not start with the article (المتحدة is ال+متحدة);
    the lexicon learner prefers to keep them whole (وانغ, بكين, لبنان)."""
    words = set()
    for name in ("AlignedPersGazetteer.txt", "AlignedLocGazetteer.txt"):
        with open(os.path.join(root, "ner/anercorp/ANERGazet", name), encoding="utf-8",
                  errors="replace") as f:
            for line in f:
                for w in line.split():
                    if len(w) >= 3 and not w.startswith("=") and not w.startswith("ال"):
                        words.add(w)
    for path in glob.glob(os.path.join(root, "lexicon/gazetteers/cldr/ar/*")):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                for w in re.split(r"[\s\t,\"]+", line):
                    if (len(w) >= 3 and re.fullmatch(r"[\u0621-\u064A]+", w)
                            and not w.startswith("ال")):
                        words.add(w)
    for w in sorted(words):
        out.write(w + "\n")
    return len(words)


def main():
    root, dest, names_dest = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(names_dest, "w", encoding="utf-8") as out:
        print("name words %d" % names(root, out), file=sys.stderr)
    with open(dest, "w", encoding="utf-8") as out:
        a = ant(root, out)
        b = squad(os.path.join(root, "qa/arcd/arcd.json"), out)
        c = squad(os.path.join(root, "qa/xquad-ar/xquad.ar.json"), out)
        d = wikifane(os.path.join(root, "ner/wikifane/WikiFANE_Gold_2014_500K.txt"), out)
    print("ant documents %d, arcd paragraphs %d, xquad paragraphs %d, wikifane lines %d"
          % (a, b, c, d), file=sys.stderr)


if __name__ == "__main__":
    main()
