#!/usr/bin/env python3
"""Exact-span NER scores by conlleval's rules.

usage: ner_score.py GOLD PRED [--prefix NAME] [--types PER,ORG,LOC,MISC]
                    [--errors FILE]

GOLD and PRED are CoNLL files (token<TAB>tag, blank line between
sentences) over the same tokens; PRED is what `khabar ner --conll GOLD`
prints. A chunk starts at B-X, or at I-X after O or after another type, and
runs over the I-X that follow; a predicted chunk counts when its first
token, last token and type all equal a gold chunk's. Prints, as
name<TAB>value lines: NAME_<type>_precision/_recall/_f1 for each type and
NAME_micro_precision/_recall/_f1 over the types given (others are ignored
on both sides), plus NAME_gold_entities and NAME_tokens.
"""
import argparse
import sys


def read(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                cur = []
                continue
            cols = line.split("\t")
            cur.append((cols[0], cols[-1].strip()))
    if cur:
        sents.append(cur)
    return sents


def chunks(tags):
    """Set of (start, end, type) by conlleval's rules."""
    out, start, typ = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        p, _, ty = t.partition("-")
        if ty == "PERS":
            ty = "PER"
        begins = p == "B" or (p == "I" and ty != typ)
        if typ is not None and (p == "O" or begins):
            out.add((start, i, typ))
            typ = None
        if begins:
            start, typ = i, ty
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--prefix", default="ner")
    ap.add_argument("--types", default="PER,ORG,LOC,MISC")
    ap.add_argument("--errors")
    a = ap.parse_args()
    types = a.types.split(",")
    gold, pred = read(a.gold), read(a.pred)
    ntok_g = sum(len(s) for s in gold)
    ntok_p = sum(len(s) for s in pred)
    if ntok_g != ntok_p:
        sys.exit("ner_score: %s has %d tokens, %s has %d" % (a.gold, ntok_g, a.pred, ntok_p))
    # align by tokens, not sentences: the prediction's sentences are the gold's
    flat_g = [t for s in gold for t in s]
    flat_p = [t for s in pred for t in s]
    for i, (g, p) in enumerate(zip(flat_g, flat_p)):
        if g[0] != p[0]:
            sys.exit("ner_score: token %d differs: %r vs %r" % (i + 1, g[0], p[0]))
    tp, ng, np_ = {t: 0 for t in types}, {t: 0 for t in types}, {t: 0 for t in types}
    errs = []
    off = 0
    for s in gold:
        n = len(s)
        gt = [t for _, t in s]
        pt = [t for _, t in flat_p[off:off + n]]
        gc = {c for c in chunks(gt) if c[2] in types}
        pc = {c for c in chunks(pt) if c[2] in types}
        for c in gc:
            ng[c[2]] += 1
        for c in pc:
            np_[c[2]] += 1
            if c in gc:
                tp[c[2]] += 1
        if a.errors and gc != pc:
            words = [w for w, _ in s]
            for c in sorted(gc - pc):
                errs.append("miss\t%s\t%s" % (c[2], " ".join(words[c[0]:c[1]])))
            for c in sorted(pc - gc):
                errs.append("false\t%s\t%s" % (c[2], " ".join(words[c[0]:c[1]])))
        off += n

    def prf(t, g, p):
        pr = t / p if p else 0.0
        rc = t / g if g else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return pr, rc, f

    out = []
    for ty in types:
        pr, rc, f = prf(tp[ty], ng[ty], np_[ty])
        out += [("%s_%s_precision" % (a.prefix, ty), pr), ("%s_%s_recall" % (a.prefix, ty), rc),
                ("%s_%s_f1" % (a.prefix, ty), f)]
    pr, rc, f = prf(sum(tp.values()), sum(ng.values()), sum(np_.values()))
    out += [("%s_micro_precision" % a.prefix, pr), ("%s_micro_recall" % a.prefix, rc),
            ("%s_micro_f1" % a.prefix, f)]
    for name, v in out:
        print("%s\t%.4f" % (name, v))
    print("%s_gold_entities\t%d" % (a.prefix, sum(ng.values())))
    print("%s_tokens\t%d" % (a.prefix, ntok_g))
    if a.errors:
        with open(a.errors, "w", encoding="utf-8") as f:
            f.write("\n".join(errs) + "\n")


if __name__ == "__main__":
    main()
