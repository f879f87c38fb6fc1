#!/usr/bin/env python3
"""The seed article's entities, by the matching rules of gold/README.md.

usage: ner_seed.py --khabar BIN SEED_TEXT SEED_GOLD_JSON [--verbose]

Runs `khabar ner --format json` on the article (with --model
$KHABAR_NER_MODEL when that is set). A gold mention is found when
a predicted entity has its type and its span, or its span with one attached
proclitic (و ب ل ك ف) in front. A gold entity is found when all its
mentions are; it is merged when all its mentions got one canonical name and
no other gold entity's mention got that name. Prints name<TAB>value lines:
ner_seed_mentions_found, ner_seed_mentions, ner_seed_entities_found,
ner_seed_entities_merged, ner_seed_entities, ner_seed_canonical_as_gold
(entities whose canonical name equals the gold one after the primer's
letter unification), and ner_seed_spurious (predicted mentions that overlap
no gold mention).
"""
import argparse
import json
import os
import subprocess
import sys

PROCLITICS = "وبلكف"


def unify(s):
    """Removes diacritics and unifies alef, ى/ي and ة/ه (protocols.md)."""
    out = []
    for c in s:
        if "\u064b" <= c <= "\u0652" or c == "\u0640":
            continue
        c = {"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"}.get(c, c)
        out.append(c)
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--khabar", required=True)
    ap.add_argument("text")
    ap.add_argument("gold")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    raw = open(a.text, "rb").read()
    gold = json.load(open(a.gold, encoding="utf-8"))["entities"]
    cmd = [a.khabar, "ner", "--format", "json", a.text]
    if os.environ.get("KHABAR_NER_MODEL"):
        cmd[2:2] = ["--model", os.environ["KHABAR_NER_MODEL"]]
    out = subprocess.run(cmd, check=True, capture_output=True).stdout
    pred = json.loads(out)["entities"]

    def match(m, typ):
        for p in pred:
            if p["type"] != typ or p["end"] != m["end"]:
                continue
            if p["start"] == m["start"]:
                return p
            lead = raw[p["start"]:m["start"]].decode("utf-8", "replace")
            if len(lead) == 1 and lead in PROCLITICS:
                return p
        return None

    nm = found_m = found_e = merged = as_gold = 0
    canon_of = []
    for e in gold:
        ps = [match(m, e["type"]) for m in e["mentions"]]
        nm += len(ps)
        found_m += sum(p is not None for p in ps)
        ok = all(p is not None for p in ps)
        found_e += ok
        names = {p["canonical"] for p in ps if p is not None}
        canon_of.append(names if ok else None)
        if ok and len(names) == 1 and unify(next(iter(names))) == unify(e["canonical"]):
            as_gold += 1
        if a.verbose:
            for m, p in zip(e["mentions"], ps):
                if p is None:
                    print("missed %s %s at %d" % (e["type"], m["text"], m["start"]), file=sys.stderr)
    for i, names in enumerate(canon_of):
        if names is None or len(names) != 1:
            if a.verbose and names:
                print("not merged: %s -> %s" % (gold[i]["canonical"], sorted(names)), file=sys.stderr)
            continue
        clash = any(j != i and other and names & other for j, other in enumerate(canon_of))
        merged += not clash
        if a.verbose and clash:
            print("merged with another entity: %s" % gold[i]["canonical"], file=sys.stderr)
    spans = [(m["start"], m["end"]) for e in gold for m in e["mentions"]]
    spurious = [p for p in pred if not any(p["start"] < e and s < p["end"] for s, e in spans)]
    if a.verbose:
        for p in spurious:
            print("spurious %s %s at %d" % (p["type"], p["text"], p["start"]), file=sys.stderr)
    print("ner_seed_mentions_found\t%d" % found_m)
    print("ner_seed_mentions\t%d" % nm)
    print("ner_seed_entities_found\t%d" % found_e)
    print("ner_seed_entities_merged\t%d" % merged)
    print("ner_seed_entities\t%d" % len(gold))
    print("ner_seed_canonical_as_gold\t%d" % as_gold)
    print("ner_seed_spurious\t%d" % len(spurious))


if __name__ == "__main__":
    main()
