#!/usr/bin/env python3
"""html.py - main-text extraction from real Arabic news pages (shared
data/html/arabic-news; docs/protocols.md, "HTML").

Reads the JSON lines eval/html_text prints for every page and scores them
against the gold each source ships:

  newspaper/ (CNN Arabic) and fundus/ (LBC): full body gold. Word-level
      precision, recall and F1 of the extracted body against it (multisets
      of words, punctuation stripped), the measure main-text extraction
      benchmarks use.
  trafilatura/ (Assabah): snippets that must be in the text ("with") and
      boilerplate that must not ("without").
  htmldate/ (8 sites) and fundus: the publication date, YYYY-MM-DD, as the
      index files the page for --from/--to.

Prints name<TAB>value lines; details on stderr.
"""
import argparse
import collections
import datetime
import json
import os
import re
import sys

WORD = re.compile(r"[\w\u0600-\u06FF]+", re.UNICODE)


def words(s):
    return collections.Counter(WORD.findall(s))


def prf(pred, gold):
    p, g = words(pred), words(gold)
    both = sum((p & g).values())
    np_, ng = sum(p.values()), sum(g.values())
    P = both / np_ if np_ else 0.0
    R = both / ng if ng else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return P, R, F


def iso_day(d):
    """YYYY-MM-DD of the day number html_text printed (the index's own reading)."""
    if d is None:
        return ""
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=d)).isoformat()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("extracted", help="JSON lines from eval/html_text")
    ap.add_argument("--data", required=True, help="the unpacked html/arabic-news folder")
    a = ap.parse_args()
    got = {}
    with open(a.extracted, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            got[os.path.relpath(d["file"], a.data)] = d
    for k, d in sorted(got.items()):
        if "error" in d:
            print("html: %s: %s" % (k, d["error"]), file=sys.stderr)

    def body(k):
        return got.get(k, {}).get("body", "")

    out = []
    # full-text gold
    gold_cnn = open(os.path.join(a.data, "newspaper/arabic.txt"), encoding="utf-8").read()
    lbc = json.load(open(os.path.join(a.data, "fundus/LBCGroup.json"), encoding="utf-8"))["V1"]
    gold_lbc = "\n".join(p for s in lbc["body"]["sections"] for p in s["headline"] + s["paragraphs"])
    tot = collections.Counter()
    for name, key, gold in (("cnn", "newspaper/arabic_article.html", gold_cnn),
                            ("lbc", "fundus/LBCGroup_2026_01_08.html", gold_lbc)):
        P, R, F = prf(body(key), gold)
        out += [("html_main_text_%s_precision" % name, P), ("html_main_text_%s_recall" % name, R),
                ("html_main_text_%s_f1" % name, F)]
    # snippets
    ev = json.load(open(os.path.join(a.data, "trafilatura/assabah.com.tn.article.evaldata.json"),
                        encoding="utf-8"))
    e = next(iter(ev.values()))
    text = got.get("trafilatura/assabah.com.tn.article.html", {})
    full = text.get("title", "") + "\n" + text.get("body", "")
    with_found = sum(1 for s in e["with"] if s in full)
    without_leaked = sum(1 for s in e["without"] if s in full)
    for s in e["with"]:
        if s not in full:
            print("html: assabah: missing %r" % s, file=sys.stderr)
    for s in e["without"]:
        if s in full:
            print("html: assabah: boilerplate kept %r" % s, file=sys.stderr)
    out += [("html_snippets_assabah_with_found", with_found),
            ("html_snippets_assabah_with", len(e["with"])),
            ("html_snippets_assabah_without_leaked", without_leaked),
            ("html_snippets_assabah_without", len(e["without"]))]
    # dates
    dates = json.load(open(os.path.join(a.data, "htmldate/eval_mediacloud_2020.arabic.json"),
                           encoding="utf-8"))
    gold_dates = {"htmldate/" + v["file"]: v["date"] for v in dates.values()}
    gold_dates["fundus/LBCGroup_2026_01_08.html"] = lbc.get("publishing_date", "")[:10]
    right = 0
    for k, g in sorted(gold_dates.items()):
        mine = iso_day(got.get(k, {}).get("day"))
        right += mine == g
        if mine != g:
            print("html: date of %s: %r, gold %s" % (k, got.get(k, {}).get("date", ""), g),
                  file=sys.stderr)
    out += [("html_date_pages", len(gold_dates)), ("html_date_accuracy", right / len(gold_dates))]
    for name, v in out:
        print("%s\t%s" % (name, ("%.4f" % v) if isinstance(v, float) else v))


if __name__ == "__main__":
    main()
