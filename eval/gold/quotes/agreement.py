#!/usr/bin/env python3
"""agreement.py - how far two readers of the quotation gold agree.

    python3 eval/gold/quotes/agreement.py [second-reader.tsv] [gold.jsonl]

second-reader.tsv holds a second reader's independent annotation of some of
the gold's articles (KEY, kind direct|reported|not, start, end, speaker, cue;
tab-separated, byte offsets into the body as in gold.jsonl). The second reader
saw the guidelines of README.md, never the first reader's annotations.

Scored the way eval/quotes.py scores khabar against the gold, with the first
reader in the gold's place, so the two sets of figures can be read side by
side (docs/protocols.md, "Who said what"):

  agree_direct_exact_f1     direct-quote spans equal in both
  agree_direct_overlap_f1   spans that overlap, matched one to one
  agree_speaker             quotes both found (exact span) naming the same
                            speaker, over the first reader's quotes
  agree_speaker_given_span  the same over the quotes both found only
  agree_reported_f1         reported clauses that overlap with the same speaker
  agree_not_quote_f1        non-statements with equal spans

Names are compared as eval/quotes.py compares them (no diacritics, alef
forms, ى/ي, ة/ه unified). name<TAB>value lines; --list prints every
disagreement on stderr (offsets and names only): direct spans and speakers,
reported clauses with no overlapping same-speaker clause in the other reading,
and not_quote spans. Only the keys present in the second reader's file are
scored, so a file may cover any sample of the gold.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# this folder holds select.py, which would shadow the standard module that
# quotes.py's subprocess needs: look for modules in eval/ instead
sys.path = [os.path.join(HERE, "..", "..")] + [p for p in sys.path
                                               if os.path.abspath(p or ".") != HERE]
from quotes import norm_name, overlap_matches, prf  # noqa: E402  the scorer's own matching


def f1(tp_a, na, tp_b, nb):
    return prf(tp_a, na, tp_b, nb)[2]


def main():
    args = [x for x in sys.argv[1:] if not x.startswith("--")]
    listing = "--list" in sys.argv
    second = args[0] if args else os.path.join(HERE, "second-reader.tsv")
    goldf = args[1] if len(args) > 1 else os.path.join(HERE, "gold.jsonl")
    gold = {r["key"]: r for r in (json.loads(l) for l in open(goldf, encoding="utf-8")) if r}
    two = {}
    for ln, line in enumerate(open(second, encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) < 4 or f[1] not in ("direct", "reported", "not"):
            sys.exit(f"{second}:{ln}: expected KEY, direct|reported|not, start, end, speaker, cue")
        if f[0] not in gold:
            sys.exit(f"{second}:{ln}: key {f[0]!r} is not in {goldf}")
        f += [""] * (6 - len(f))
        two.setdefault(f[0], []).append((f[1], int(f[2]), int(f[3]), f[4], f[5]))

    c = dict.fromkeys(["d1", "d2", "dex", "dov", "spk", "r1", "r2", "rt1", "rt2", "n1", "n2",
                       "nt"], 0)
    for key, items in two.items():
        g = gold[key]
        d1 = {(q["start"], q["end"]): q["speaker"] for q in g["quotes"]}
        d2 = {(s, e): sp for k, s, e, sp, _ in items if k == "direct"}
        c["d1"] += len(d1)
        c["d2"] += len(d2)
        both = set(d1) & set(d2)
        c["dex"] += len(both)
        c["dov"] += overlap_matches(sorted(d2), sorted(d1))
        for sp in sorted(both):
            same = norm_name(d1[sp] or "") == norm_name(d2[sp] or "")
            c["spk"] += same
            if listing and not same:
                print(f"speaker\t{key}\t{sp[0]}-{sp[1]}\t{d1[sp]}\t{d2[sp]}", file=sys.stderr)
        if listing:
            for sp in sorted(set(d1) ^ set(d2)):
                who = "first" if sp in d1 else "second"
                print(f"span-{who}-only\t{key}\t{sp[0]}-{sp[1]}", file=sys.stderr)
        r1 = [(r["clause_start"], r["clause_end"], norm_name(r["speaker"] or ""))
              for r in g["reported"]]
        r2 = [(s, e, norm_name(sp)) for k, s, e, sp, _ in items if k == "reported"]
        c["r1"] += len(r1)
        c["r2"] += len(r2)
        c["rt1"] += sum(any(s < e2 and s2 < e and n == n2 for s2, e2, n2 in r2) for s, e, n in r1)
        c["rt2"] += sum(any(s < e2 and s2 < e and n == n2 for s2, e2, n2 in r1) for s, e, n in r2)
        if listing:
            raw1 = [r["speaker"] for r in g["reported"]]
            raw2 = [sp for k, _, _, sp, _ in items if k == "reported"]
            for who, mine, raw, other in (("first", r1, raw1, r2), ("second", r2, raw2, r1)):
                for (s, e, n), sp in zip(mine, raw):
                    if not any(s < e2 and s2 < e and n == n2 for s2, e2, n2 in other):
                        print(f"reported-{who}-only\t{key}\t{s}-{e}\t{sp}", file=sys.stderr)
        n1 = {(q["start"], q["end"]) for q in g["not_quotes"]}
        n2 = {(s, e) for k, s, e, _, _ in items if k == "not"}
        c["n1"] += len(n1)
        c["n2"] += len(n2)
        c["nt"] += len(n1 & n2)
        if listing:
            for sp in sorted(n1 ^ n2):
                who = "first" if sp in n1 else "second"
                print(f"not-{who}-only\t{key}\t{sp[0]}-{sp[1]}", file=sys.stderr)

    rows = [
        ("agree_articles", len(two)),
        ("agree_direct_first", c["d1"]),
        ("agree_direct_second", c["d2"]),
        ("agree_direct_exact_f1", f1(c["dex"], c["d2"], c["dex"], c["d1"])),
        ("agree_direct_overlap_f1", f1(c["dov"], c["d2"], c["dov"], c["d1"])),
        ("agree_speaker", c["spk"] / c["d1"] if c["d1"] else 0.0),
        ("agree_speaker_given_span", c["spk"] / c["dex"] if c["dex"] else 0.0),
        ("agree_reported_f1", f1(c["rt2"], c["r2"], c["rt1"], c["r1"])),
        ("agree_not_quote_f1", f1(c["nt"], c["n2"], c["nt"], c["n1"])),
    ]
    for name, v in rows:
        print(f"{name}\t{v:.4f}" if isinstance(v, float) else f"{name}\t{v}")


if __name__ == "__main__":
    main()
