#!/usr/bin/env python3
"""saudinewsnet_bodies.py DIR OUT - SaudiNewsNet article bodies, one per line.

Writes the `content` field of every object of every DIR/*.json (files in name
order, objects in file order) to OUT as UTF-8, one body per line. The peers'
`bench` and bench_analyzer all treat a line as one document, so a line break
inside a body becomes a space: the byte count stays that of the bodies, and
no body is cut into several documents. Empty bodies stay as empty lines, so
line N is always article N.

Writes OUT.tmp first and renames it, so an interrupted run never leaves a
short corpus that a later run would take as complete.
"""
import glob
import json
import os
import sys

# Line breaks the readers split on ('\n'), plus '\r', which would otherwise
# end up inside a line as a stray control character.
BREAKS = str.maketrans({"\n": " ", "\r": " "})


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: saudinewsnet_bodies.py DIR OUT")
    src, out = sys.argv[1], sys.argv[2]
    files = sorted(glob.glob(os.path.join(src, "*.json")))
    if not files:
        sys.exit(f"{src}: no *.json files (is the data unpacked?)")
    tmp = out + ".tmp"
    bodies = 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for path in files:
            with open(path, encoding="utf-8") as j:
                records = json.load(j)
            if not isinstance(records, list):
                sys.exit(f"{path}: expected a JSON array of articles")
            for rec in records:
                body = rec.get("content") if isinstance(rec, dict) else None
                f.write((body or "").translate(BREAKS))
                f.write("\n")
                bodies += 1
    os.replace(tmp, out)
    print(f"{out}: {bodies} bodies from {len(files)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
