#!/usr/bin/env python3
"""Writes the search benchmark corpus as JSON Lines for every system.

SaudiNewsNet (all 18 daily files) and ANT multi-source (all <DOC> files):
one object per article, {"id", "title", "body"}: SaudiNewsNet's url, title and
content; ANT's DOCNO, TITLE and TEXT. Also prints, on stderr, the bytes of the
original records (each JSON object's text as it is in its file is not
recoverable from json.load, so the record bytes are measured by khabar's own
reader; this script reports the size of the JSON Lines it writes).

usage: search_docs.py DATA_DIR OUT.jsonl
"""
import glob
import json
import os
import re
import sys


def trec_field(doc, tag):
    m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), doc, re.S)
    return m.group(1).strip() if m else ""


def main():
    data, out_path = sys.argv[1], sys.argv[2]
    n = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for f in sorted(glob.glob(os.path.join(data, "news/saudinewsnet/*.json"))):
            for o in json.load(open(f, encoding="utf-8")):
                out.write(json.dumps({"id": o["url"], "title": o["title"], "body": o["content"]},
                                     ensure_ascii=False) + "\n")
                n += 1
        root = os.path.join(data, "news/ant-multisource")
        for dirpath, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                if not name.endswith(".txt"):
                    continue
                text = open(os.path.join(dirpath, name), encoding="utf-8").read()
                for doc in re.findall(r"<DOC>.*?</DOC>", text, re.S):
                    docno = trec_field(doc, "DOCNO")
                    if not docno:
                        continue
                    out.write(json.dumps({"id": docno, "title": trec_field(doc, "TITLE"),
                                          "body": trec_field(doc, "TEXT")},
                                         ensure_ascii=False) + "\n")
                    n += 1
    print("documents\t%d" % n, file=sys.stderr)


if __name__ == "__main__":
    main()
