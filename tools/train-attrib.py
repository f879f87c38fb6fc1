#!/usr/bin/env python3
"""train-attrib.py - trains and cross-validates the learned speaker chooser
(src/extract/attrib.c) on the ANT training part of the quotation gold
(eval/gold/quotes/train-ant.txt; --train dev32 for the other dev articles).

    python3 tools/train-attrib.py cv    [--data DIR] [--l2 X ...] [--drop FEATURE ...]
    python3 tools/train-attrib.py write [--data DIR] [--l2 X ...] [--out models/attrib.c]
                                        [--drop FEATURE ...] [--force-on]
                                        [--train trainant|dev32] [--check dev32|trainant]

The candidates and their features come from build/tools/attrib-dump (the
rules choose; tools/train-attrib.sh builds it). Held-out articles (every
eval/gold/quotes/heldout*.txt) are left out before anything is run: they
are neither dumped nor scored nor trained on.

The model is a conditional logit over each verb's candidates: the score is
w . f, the probability of a candidate is its softmax over the verb's
candidates, and training maximizes the log of the probability of the
candidates whose fullest name is the gold speaker's (summed when several
are), weighted by the number of gold statements the verb owns, with an L2
penalty. Verbs whose candidates hold no gold speaker are left out of
training but stay in the scores. The rules' choice wins ties.

`cv` prints, for leave-articles-out folds (8 folds of 4 articles, fixed),
the speaker accuracy of direct quotes and the share of reported statements
found with their speaker, for the rules alone and for the model trained on
the other folds, per fold and pooled, as name<TAB>value lines; the figures
are those of eval/quotes.py, recomputed from the dump. On dev32 the rules
were written from the errors of these same articles, so their figure there
is not a cross-validated one; on trainant the rules never saw the articles.

`write` runs the same cross-validation for each L2 value, takes the best,
trains on all articles of the part with it and writes models/attrib.c; the
chooser is switched on there only when the model's pooled figures beat the
rules' (neither figure lower, their sum higher). When it stays off, the file
holds no trained weight (the rules' features weigh 1). Only weights trained
on trainant may ship: dev32 comes partly from corpora whose derived data may
not (models/NOTICE), so `write --train dev32` needs an --out of its own.
"""
import argparse
import math
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "eval"))
import quotes as Q  # noqa: E402

DUMP = os.path.join(ROOT, "build", "tools", "attrib-dump")
FOLDS = 8
FEATURES = [
    "rule_explicit", "rule_dropped", "rule_carried", "rule_none", "hist0", "hist1", "hist2",
    "carry", "left", "subject", "titled", "hist_dropped", "left_dropped", "subj_dropped",
    "titled_dropped", "agree", "clash", "person", "org", "document", "definite", "longer",
    "after", "speech", "subhead", "sent0", "sent1", "sent2", "para", "tokdist", "named",
    "plural_person",
]


def load_dev(data, part="trainant"):
    """Records with their bodies and titles of one development part
    (quotes.gold_part: trainant, whose derived weights may ship, or dev32).
    Held-out ones never leave there."""
    return [(r,) + Q.load_article(data, r) for r in Q.gold_part(part)]


def dump(dev):
    inp = bytearray()
    for _, body, title in dev:
        t = title.encode("utf-8")
        inp += f"{len(t)} {len(body)}\n".encode() + t + body
    out = subprocess.run([DUMP], input=bytes(inp), stdout=subprocess.PIPE, check=True).stdout
    docs = []
    for line in out.decode("utf-8", "replace").split("\n"):
        if not line:
            continue
        f = line.split("\t")
        if f[0] == "D":
            docs.append({"stmts": [], "cands": {}})
        elif f[0] == "S":
            docs[-1]["stmts"].append((f[1], int(f[2]), int(f[3]), int(f[4]), f[5]))
        elif f[0] == "C":
            cue = int(f[1])
            docs[-1]["cands"].setdefault(cue, []).append((f[3], [float(v) for v in f[4:]]))
    if len(docs) != len(dev):
        sys.exit(f"train-attrib: {len(docs)} dumps for {len(dev)} articles")
    return docs


def speaker_of(doc, st, choice):
    kind, s, e, cue, spk = st
    if cue >= 0:
        spk = doc["cands"][cue][choice.get(cue, 0)][0]
    return spk or None  # no speaker, as the scorer's null


def score(dev, docs, choices, which):
    """(direct right, direct gold, reported found, reported gold) over articles which."""
    ok = ng = rf = rg = 0
    for i in which:
        r, doc, ch = dev[i][0], docs[i], choices[i]
        direct = {(s, e): st for st in doc["stmts"] for kind, s, e, _, _ in [st] if kind == "d"}
        rep = [st for st in doc["stmts"] if st[0] == "r"]
        for q in r["quotes"]:
            ng += 1
            st = direct.get((q["start"], q["end"]))
            if st and Q.norm_name(speaker_of(doc, st, ch)) == Q.norm_name(q["speaker"]):
                ok += 1
        for g in r["reported"]:
            rg += 1
            ov = [st for st in rep if st[1] < g["clause_end"] and g["clause_start"] < st[2]]
            if any(Q.norm_name(speaker_of(doc, st, ch)) == Q.norm_name(g["speaker"]) for st in ov):
                rf += 1
    return ok, ng, rf, rg


def examples(dev, docs, which):
    """(features of the candidates, indexes of the right ones, weight) per verb."""
    ex = []
    for i in which:
        r, doc = dev[i][0], docs[i]
        gold = {}  # cue -> gold speakers of its statements
        direct = {(q["start"], q["end"]): q["speaker"] for q in r["quotes"]}
        for kind, s, e, cue, _ in doc["stmts"]:
            if cue < 0:
                continue
            if kind == "d" and (s, e) in direct:
                gold.setdefault(cue, []).append(direct[(s, e)])
            elif kind == "r":
                for g in r["reported"]:
                    if s < g["clause_end"] and g["clause_start"] < e:
                        gold.setdefault(cue, []).append(g["speaker"])
        for cue, spk in gold.items():
            names = {Q.norm_name(x) for x in spk if x}
            cands = doc["cands"][cue]
            pos = [k for k, (n, _) in enumerate(cands) if n and Q.norm_name(n) in names]
            if pos and len(cands) > 1:
                ex.append(([f for _, f in cands], pos, len(spk)))
    return ex


def train(ex, l2, iters=300, lr=0.5):
    """Conditional logit by full-batch gradient descent; returns the weights."""
    n = len(FEATURES)
    w = [0.0] * n
    total = sum(wt for _, _, wt in ex) or 1
    for _ in range(iters):
        g = [l2 * wi for wi in w]
        for feats, pos, wt in ex:
            sc = [sum(a * b for a, b in zip(w, f)) for f in feats]
            m = max(sc)
            ex_ = [math.exp(s - m) for s in sc]
            z = sum(ex_)
            zp = sum(ex_[k] for k in pos)
            for k, f in enumerate(feats):
                p = ex_[k] / z
                pp = ex_[k] / zp if k in pos else 0.0
                c = wt * (p - pp) / total
                if c:
                    for j, v in enumerate(f):
                        if v:
                            g[j] += c * v
        w = [wi - lr * gi for wi, gi in zip(w, g)]
    return w


def choose(docs, which, w):
    out = {}
    for i in which:
        ch = {}
        for cue, cands in docs[i]["cands"].items():
            best, bs = 0, None
            for k, (_, f) in enumerate(cands):
                s = sum(a * b for a, b in zip(w, f))
                if bs is None or s > bs + 1e-9:
                    best, bs = k, s
            ch[cue] = best
        out[i] = ch
    return out


def folds(dev):
    order = sorted(range(len(dev)), key=lambda i: dev[i][0]["key"])
    random.Random("khabar-attrib-folds").shuffle(order)
    return [sorted(order[k::FOLDS]) for k in range(FOLDS)]


def cv(dev, docs, l2s, out=sys.stdout):
    """Prints the figures; returns (rules totals, {l2: model totals}) pooled over folds."""
    fs = folds(dev)
    rules = {i: {} for i in range(len(dev))}
    base = score(dev, docs, rules, range(len(dev)))
    print(f"attrib_articles\t{len(dev)}", file=out)
    print(f"attrib_folds\t{FOLDS}", file=out)
    print(f"attrib_rules_speaker_accuracy\t{base[0] / base[1]:.4f}", file=out)
    print(f"attrib_rules_reported_recall\t{base[2] / base[3]:.4f}", file=out)
    res = {}
    for l2 in l2s:
        tot = [0, 0, 0, 0]
        for k, test in enumerate(fs):
            tr = [i for i in range(len(dev)) if i not in test]
            w = train(examples(dev, docs, tr), l2)
            m = score(dev, docs, choose(docs, test, w), test)
            b = score(dev, docs, rules, test)
            tot = [a + c for a, c in zip(tot, m)]
            print(f"attrib_cv_l2={l2:g}_fold{k}\trules {b[0]}/{b[1]} {b[2]}/{b[3]}"
                  f"\tmodel {m[0]}/{m[1]} {m[2]}/{m[3]}", file=out)
        print(f"attrib_cv_l2={l2:g}_speaker_accuracy\t{tot[0] / tot[1]:.4f}", file=out)
        print(f"attrib_cv_l2={l2:g}_reported_recall\t{tot[2] / tot[3]:.4f}", file=out)
        res[l2] = tot
    return base, res


C_HEAD = """/*
** attrib.c - the learned speaker chooser's model (src/extract/attrib.c).
**
** Generated by tools/train-attrib.sh from the ANT training part of
** eval/gold/quotes/ (train-ant.txt); do not edit. See models/NOTICE.
**
** Cross-validation ({folds} folds of whole articles; eval/attrib_cv.py):
**   rules alone  speaker accuracy {rs:.4f}, reported with speaker {rr:.4f}
**   model (L2 {l2:g})  speaker accuracy {ms:.4f}, reported with speaker {mr:.4f}
** {verdict}
*/
#include "extract/extract.h"

const int kx_attrib_enabled = {on};

const float kx_attrib_weights[KX_AF_N] = {{
"""

OFF = ("The model does not beat the rules, so the chooser is off and no\n"
       "** trained weight is kept here: the rules' features weigh 1, the others 0\n"
       "** (the trained weights go to build/attrib-weights.tsv, for reading).")
ON = ("The model beats the rules: the chooser is on. Its weights are derived\n"
      "** from the dev articles' text: see models/NOTICE before shipping them.")


def write(dev, docs, l2s, path, force_on=False):
    """Cross-validates the L2 grid, trains on all dev articles with the best
    value and writes the model; on only if it beats the rules in CV."""
    base, res = cv(dev, docs, l2s, out=sys.stderr)
    l2 = max(l2s, key=lambda v: (res[v][0] + res[v][2], -l2s.index(v)))
    m = res[l2]
    on = m[0] >= base[0] and m[2] >= base[2] and m[0] + m[2] > base[0] + base[2]
    verdict = ON if on else OFF
    if force_on and not on:
        on = True
        verdict = "FORCED ON although the model loses to the rules: for measuring only."
        print("train-attrib: the chooser is forced on although it loses in cross-validation: "
              "for measuring only, never commit this file", file=sys.stderr)
    w = train(examples(dev, docs, range(len(dev))), l2)
    with open(os.path.join(ROOT, "build", "attrib-weights.tsv"), "w", encoding="utf-8") as f:
        f.write("".join(f"{name}\t{v:.6f}\n" for name, v in zip(FEATURES, w)))
    trained = w
    if not on:
        w = [1.0 if name.startswith("rule_") else 0.0 for name in FEATURES]
    with open(path, "w", encoding="utf-8") as f:
        f.write(C_HEAD.format(folds=FOLDS, rs=base[0] / base[1], rr=base[2] / base[3], l2=l2,
                              ms=m[0] / m[1], mr=m[2] / m[3], verdict=verdict,
                              on=int(on)))
        for name, v in zip(FEATURES, w):
            f.write(f"    {v:.6f}f, /* {name} */\n")
        f.write("};\n")
    print(f"train-attrib: wrote {path} (L2 {l2:g}, chooser {'on' if on else 'off'})",
          file=sys.stderr)
    return trained


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["cv", "write"])
    ap.add_argument("--data", default=os.path.join(ROOT, "build", "data"))
    ap.add_argument("--l2", type=float, nargs="+", default=[0.001, 0.01, 0.1, 1.0])
    ap.add_argument("--out", default=os.path.join(ROOT, "models", "attrib.c"))
    ap.add_argument("--drop", nargs="+", default=[], choices=FEATURES, metavar="FEATURE",
                    help="zero these features (e.g. rule_dropped rule_carried: a model "
                         "that does not know the rules' choice for a verb with no subject)")
    ap.add_argument("--force-on", action="store_true",
                    help="write: switch the chooser on whatever cross-validation says, to "
                         "measure a variant (never commit such a file)")
    ap.add_argument("--train", choices=["trainant", "dev32"], default="trainant",
                    help="the articles trained and cross-validated on: trainant (the ANT "
                         "training part, the default and the only one whose weights may "
                         "ship) or dev32")
    ap.add_argument("--check", choices=["trainant", "dev32"],
                    help="write: also score the trained weights (on or off) on this other "
                         "part, beside the rules")
    a = ap.parse_args()
    if a.cmd == "write" and a.train != "trainant" and a.out == ap.get_default("out"):
        sys.exit("train-attrib: weights trained on dev32 may not ship; give --out")
    dev = load_dev(a.data, a.train)
    docs = dump(dev)
    drop(docs, a.drop)
    if a.cmd == "cv":
        cv(dev, docs, a.l2)
        return
    w = write(dev, docs, a.l2, a.out, a.force_on)
    if a.check:
        other = load_dev(a.data, a.check)
        odocs = dump(other)
        drop(odocs, a.drop)
        every = range(len(other))
        b = score(other, odocs, {i: {} for i in every}, every)
        m = score(other, odocs, choose(odocs, every, w), every)
        for name, t in (("rules", b), ("model", m)):
            print(f"attrib_{a.check}_{name}_speaker_accuracy\t{t[0] / t[1]:.4f}")
            print(f"attrib_{a.check}_{name}_reported_recall\t{t[2] / t[3]:.4f}")


def drop(docs, names):
    for j in [FEATURES.index(n) for n in names]:
        for doc in docs:
            for cands in doc["cands"].values():
                for _, f in cands:
                    f[j] = 0.0


if __name__ == "__main__":
    main()
