#!/usr/bin/env python3
"""Writes the raw text the entity recognizer's word clusters are learned from.

usage: nercorpus.py DATA_DIR OUT

One paragraph per line: ANT v1.1 (TITLE and TEXT; Apache-2.0), the
Wikipedia paragraphs of ARCD and XQuAD-ar (CC BY-SA) and the WikiFANE gold
tokens as text (CC BY-SA 3.0, tags dropped): the corpora whose licenses let
derived data ship (../shared/data/README.md). WikiFANE's text raised
cross-validated F1 on ANERcorp by 0.4; it is also what make eval scores as
out-of-domain text, so that figure is on text the clusters have seen,
though never its tags.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lexcorpus import ant, squad, wikifane  # noqa: E402


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, dest = sys.argv[1], sys.argv[2]
    with open(dest, "w", encoding="utf-8") as out:
        a = ant(root, out)
        b = squad(os.path.join(root, "qa/arcd/arcd.json"), out)
        c = squad(os.path.join(root, "qa/xquad-ar/xquad.ar.json"), out)
        d = wikifane(os.path.join(root, "ner/wikifane/WikiFANE_Gold_2014_500K.txt"), out)
    print("nercorpus: ant documents %d, arcd paragraphs %d, xquad paragraphs %d, "
          "wikifane sentences %d" % (a, b, c, d), file=sys.stderr)


if __name__ == "__main__":
    main()
