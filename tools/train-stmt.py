#!/usr/bin/env python3
"""train-stmt.py - rebuilds models/stmt.c, the weights that decide whether a
quoted span is a statement (src/extract/stmt.h), from the ANT training part
of the quotation gold. Python standard library only; deterministic.

    make && python3 tools/train-stmt.py              # the shipped models/stmt.c
    python3 tools/train-stmt.py --grid --check dev32 # CV, then the dev32 check
    python3 tools/train-stmt.py --rules              # the rules' verdict alone

1. Builds build/tools/stmt-features (make) and runs it over
   the training articles: by default (--train trainant) the keys of
   eval/gold/quotes/train-ant.txt, ANT v1.1 JawharaFM articles under Apache
   2.0, the only part whose derived weights may ship; --train dev32 takes
   the first 32 articles instead (SaudiNewsNet / ANT multi-source: research
   use, never shipped). heldout2.txt and heldout3.txt are never read here,
   not even their text. --dump writes the rows with their gold labels.
2. A pair is a statement when the bytes between its marks are exactly a gold
   direct quote's span (the primary figure of eval/quotes.py).
3. Logistic regression with an L2 penalty, fitted by averaged stochastic
   gradient descent (fixed order per seed, fixed epochs).
4. --grid prints cross-validation over the training part, FOLDS folds of
   whole articles, for every setting of GRID and threshold: exact P / R / F1
   of direct spans (recall over every gold quote, also those no pair
   reaches), for the model alone, as a veto of the rules (with how many
   vetoes hit a gold quote), and as a veto that may also add pairs the rules
   rejected (add>=t).
5. Writes models/stmt.c from all training articles with the default
   setting; --check dev32 scores those weights on the other dev part the
   way decide() uses them.

The feature rows do not depend on the weights (the rules' answers are
features, the model's are not), so retraining needs no second pass.

In the library the model may only veto the rules' statements (decide() in
speakers.c): a pair the rules reject stays rejected, and a pair that opens
its paragraph keeps the rules' verdict.

Why the shipped setting, 2026-11-27. Direct span P / R / F1, exact.
  rules: trainant 0.8051/0.8333/0.8190, dev32 0.9827/0.9444/0.9632,
         heldout2 0.8923/0.9667/0.9280 (aggregate lines only).
  10-fold CV on trainant (86 articles, 228 gold quotes, 374 candidates):
    best veto, L2 0.003, no rule answer, p<0.3:  0.9257/0.8202/0.8698
      (34 vetoes, 3 of them gold quotes); but on dev32 0.9936/0.8667/0.9258,
      so even with every heldout2 false alarm removed dev32 + heldout2
      together would lose to the rules
    adding pairs the rules rejected: at best +0.004 F1 over the same veto
      (0.8716 at add>=0.7), within the noise of 15 such gold quotes; not done
    shipped, L2 0.03, no RULE_STMT, veto p<0.2:  0.8482/0.8333/0.8407
      (12 vetoes, none of them a gold quote)
  shipped weights: dev32 0.9827/0.9444/0.9632 (= rules), heldout2
  0.8923/0.9667/0.9280 (= rules); speaker accuracy unchanged everywhere.
  The two parts disagree on one class: a word or two in marks inside a
  reported clause. Trainant's gold makes most of them scare quotes or terms
  (27 of 29 one-word ones the rules take), dev32's gold partial quotes (11
  of 13), so every gain on trainant beyond the safest vetoes is paid on
  dev32. The shipped threshold is the lowest-risk one: the best CV F1 among
  settings whose CV vetoes hit no gold quote and that keep dev32 whole. Note
  that this uses dev32 to choose, so dev32 is no independent check of it;
  heldout2 was read as aggregates for 2 settings (the shipped one and the
  best veto above), both equal to the rules.
"""
import argparse
import math
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "eval"))
import quotes as evalq  # noqa: E402  (the gold's body rule)


# The shipped setting (see --grid): L2 strength, columns left out, epochs.
L2 = 0.03
DROP = ("RULE_STMT",)
EPOCHS = 40
THRESHOLD = 0.2
SEEDS = (1, 2, 3, 4, 5)
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)  # printed by --grid beside each setting
ADD_THRESHOLDS = (0.5, 0.7, 0.85, 0.95)
FOLDS = 10  # cross-validation folds of whole articles (article i in fold i % FOLDS)

RULE_COLS = ("RULE_STMT", "RULE_NAME", "RULE_SPKNAME", "RULE_LISTED", "RULE_FOLLOWS")
GRID = [(l2, drop) for drop in ((), ("RULE_STMT",), RULE_COLS)
        for l2 in (0.0003, 0.003, 0.03, 0.1)]


def records(part):
    return evalq.gold_part(part)


def build_tool():
    subprocess.run(["make", "--no-print-directory", "-s", "build/tools/stmt-features"], cwd=ROOT,
                   stdout=sys.stderr, check=True)
    return os.path.join(ROOT, "build", "tools", "stmt-features")


def feature_rows(tool, data, recs):
    """(names, rows): rows are (doc, start, end, [floats]) of every body pair."""
    inp = bytearray()
    for r in recs:
        body, title = evalq.load_article(data, r)
        t = title.encode("utf-8")
        inp += b"%d %d\n" % (len(t), len(body)) + t + body
    out = subprocess.run([tool], input=bytes(inp), stdout=subprocess.PIPE, check=True).stdout
    lines = out.decode("utf-8").splitlines()
    names = lines[0].split("\t")[3:]
    rows = []
    for l in lines[1:]:
        f = l.split("\t")
        rows.append((int(f[0]), int(f[1]), int(f[2]), [float(v) for v in f[3:]]))
    return names, rows


def fit(X, y, l2, seed, epochs=EPOCHS):
    """Averaged SGD on the log loss with an L2 penalty (not on the bias,
    column 0). Rows are sparse; the penalty shrinks every weight through
    one scale factor, so a step costs the row's nonzeros."""
    n = len(X[0])
    sparse = [[(k, v) for k, v in enumerate(x) if v and k] for x in X]
    v = [0.0] * n  # the weights are scale * v, bias apart
    scale, bias = 1.0, 0.0
    avg = [0.0] * n
    order = list(range(len(X)))
    rng = random.Random(seed)
    t = navg = 0
    for ep in range(epochs):
        rng.shuffle(order)
        for i in order:
            t += 1
            eta = 0.5 / (1 + t / len(X))
            z = bias + scale * sum(v[k] * xk for k, xk in sparse[i])
            g = 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) - y[i]
            scale *= 1 - eta * l2
            for k, xk in sparse[i]:
                v[k] -= eta * g * xk / scale
            bias -= eta * g
        if scale < 1e-6:
            v = [vk * scale for vk in v]
            scale = 1.0
        if ep >= epochs // 2:
            navg += 1
            avg[0] += bias
            for k in range(1, n):
                avg[k] += scale * v[k]
    return [a / navg for a in avg]


def fit_avg(X, y, l2):
    """Weights averaged over the seeds: less dependence on one order."""
    ws = [fit(X, y, l2, s) for s in SEEDS]
    return [sum(c) / len(ws) for c in zip(*ws)]


def prob(w, x):
    z = sum(a * b for a, b in zip(w, x))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def columns(names, drop):
    return [k for k, nm in enumerate(names) if nm not in drop]


def write_rules(path):
    """The rules' verdict alone (RULE_STMT), adding nothing."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("/*\n** stmt.c - weights of the statement model (src/extract/stmt.h).\n"
                "** Generated by `python3 tools/train-stmt.py --rules`; do not edit.\n"
                "** The rules' verdict alone: decide() keeps exactly the statements of\n"
                "** classify(). See models/NOTICE.\n*/\n")
        f.write('#include "extract/stmt.h"\n\n'
                "const float kx_stmt_w[KX_STMT_NF] = {[KX_SF_BIAS] = -5.0f, "
                "[KX_SF_RULE_STMT] = 10.0f};\n")
    print(f"wrote {os.path.relpath(path, ROOT)}", file=sys.stderr)


def write_model(path, names, w, recs, l2, drop, threshold, part):
    """models/stmt.c: the weights with the veto threshold folded into the
    intercept, since the library keeps a rules' statement at p >= 0.5."""
    full = list(w)
    full[0] -= math.log(threshold / (1 - threshold))
    where = {"trainant": "the ANT training part of eval/gold/quotes (train-ant.txt,\n"
                         "** ANT v1.1 JawharaFM, Apache 2.0)",
             "dev32": "the first 32 articles of eval/gold/quotes (research use only:\n"
                      "** not for shipping)"}[part]
    with open(path, "w", encoding="utf-8") as f:
        f.write("/*\n** stmt.c - weights of the statement model (src/extract/stmt.h).\n"
                "** Generated by `python3 tools/train-stmt.py` (after make); do not edit.\n"
                f"** Trained on the {len(recs)} articles of {where}:\n"
                "** logistic regression, L2 %g, %d epochs of averaged SGD, mean of %d seeds;\n"
                "** left out: %s; a rules' statement stays at p >= %g (folded into the\n"
                "** intercept). See models/NOTICE.\n*/\n"
                % (l2, EPOCHS, len(SEEDS), ", ".join(drop) or "none", threshold))
        f.write('#include "extract/stmt.h"\n\nconst float kx_stmt_w[KX_STMT_NF] = {\n')
        for nm, wk in zip(names, full):
            f.write("    [KX_SF_%s] = %.6ff,\n" % (nm, wk))
        f.write("};\n")
    print(f"wrote {os.path.relpath(path, ROOT)}", file=sys.stderr)


def decide(cand, probs, names, veto, add):
    """decide() of speakers.c on rows: which candidates become statements.
    A pair that opens its paragraph keeps the rules' verdict; a rules'
    statement stays when p >= veto; a pair the rules rejected is added when
    add is set and p >= add."""
    rule, start = names.index("RULE_STMT"), names.index("LINE_START")
    out = []
    for (_, _, _, f), pr in zip(cand, probs):
        if f[start]:
            out.append(bool(f[rule]))
        elif f[rule]:
            out.append(pr >= veto)
        else:
            out.append(add is not None and pr >= add)
    return out


def figures(keep, y, ngold):
    npred = sum(keep)
    tp = sum(yi for k, yi in zip(keep, y) if k)
    return prf(tp, npred, ngold)


def load_part(part, data, tool):
    recs = records(part)
    names, rows = feature_rows(tool, data, recs)
    gold = [{(q["start"], q["end"]) for q in r["quotes"]} for r in recs]
    ngold = sum(len(g) for g in gold)
    cand = [r for r in rows if r[3][0] == 1.0]  # BIAS = 1: the model decides
    y = [1 if (s, e) in gold[d] else 0 for d, s, e, _ in cand]
    rule = names.index("RULE_STMT")
    rejected = sum(1 for r, l in zip(cand, y) if l and not r[3][rule])
    print(f"{part}: {len(recs)} articles, {ngold} gold direct quotes, {len(rows)} body pairs, "
          f"{len(cand)} candidates, {sum(y)} of them gold, {rejected} of those rejected by "
          "the rules", file=sys.stderr)
    print(f"rules on {part}: P %.4f R %.4f F1 %.4f"
          % figures([bool(r[3][rule]) for r in cand], y, ngold), file=sys.stderr)
    return recs, names, rows, cand, y, ngold


def cross_validate(names, cand, y, ngold, l2, drop):
    """Out-of-fold probabilities, FOLDS folds of whole articles."""
    cols = columns(names, drop)
    X = [[r[3][k] for k in cols] for r in cand]
    docs = [d for d, _, _, _ in cand]
    probs = [0.0] * len(X)
    for d in range(FOLDS):
        tr = [i for i in range(len(X)) if docs[i] % FOLDS != d]
        te = [i for i in range(len(X)) if docs[i] % FOLDS == d]
        if not te:
            continue
        w = fit_avg([X[i] for i in tr], [y[i] for i in tr], l2)
        for i in te:
            probs[i] = prob(w, X[i])
    return probs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("KHABAR_DATA", os.path.join(ROOT, "build", "data")))
    ap.add_argument("--train", default="trainant", choices=("trainant", "dev32"),
                    help="the articles trained on: trainant (train-ant.txt, the default and "
                         "the only part whose weights may ship) or dev32")
    ap.add_argument("--grid", action="store_true",
                    help=f"print {FOLDS}-fold CV over the training articles")
    ap.add_argument("--check", choices=("trainant", "dev32"),
                    help="score the trained weights on another dev part, beside the rules")
    ap.add_argument("--dump", help="write the training rows (key, span, gold label, columns) here")
    ap.add_argument("--out", help="default models/stmt.c (trainant only: dev32 weights may not ship)")
    ap.add_argument("--l2", type=float, default=L2, help="to try another setting")
    ap.add_argument("--drop", default=",".join(DROP), help="columns left out, comma-separated")
    ap.add_argument("--threshold", type=float, default=THRESHOLD,
                    help="a rules' statement stays when p >= this")
    ap.add_argument("--rules", action="store_true",
                    help="write the rules' verdict as the weights, no training")
    a = ap.parse_args()
    l2_final, drop_final = a.l2, tuple(d for d in a.drop.split(",") if d)
    if a.out is None:
        if a.train != "trainant":
            sys.exit("train-stmt: weights trained on dev32 may not ship: give --out elsewhere")
        a.out = os.path.join(ROOT, "models", "stmt.c")
    if a.rules:
        write_rules(a.out)
        return

    tool = build_tool()
    recs, names, rows, cand, y, ngold = load_part(a.train, a.data, tool)
    if a.dump:
        with open(a.dump, "w", encoding="utf-8") as f:
            f.write("key\tstart\tend\tgold\t" + "\t".join(names) + "\n")
            gold = [{(q["start"], q["end"]) for q in r["quotes"]} for r in recs]
            for d, s, e, row in rows:
                f.write("%s\t%d\t%d\t%d\t%s\n" % (recs[d]["key"], s, e, (s, e) in gold[d],
                                                     "\t".join("%g" % v for v in row)))

    if a.grid:
        rule = names.index("RULE_STMT")
        for l2, drop in GRID:
            probs = cross_validate(names, cand, y, ngold, l2, drop)
            tag = "cv l2=%g drop=%s" % (l2, "RULE_*" if drop == RULE_COLS else ",".join(drop) or "-")
            for th in THRESHOLDS:
                line = "%s p>=%.2f alone %.4f/%.4f/%.4f" % (
                    (tag, th) + figures([pr >= th for pr in probs], y, ngold))
                keep = decide(cand, probs, names, th, None)
                vetoed = [l for r, k, l in zip(cand, keep, y) if r[3][rule] and not k]
                line += " | veto %.4f/%.4f/%.4f" % figures(keep, y, ngold)
                line += " (%d vetoes, %d of them gold)" % (len(vetoed), sum(vetoed))
                for ad in ADD_THRESHOLDS:
                    if ad >= th:
                        line += " | add>=%.2f %.4f/%.4f/%.4f" % (
                            (ad,) + figures(decide(cand, probs, names, th, ad), y, ngold))
                print(line, file=sys.stderr)
            sys.stderr.flush()

    cols = columns(names, drop_final)
    X = [[r[3][k] for k in cols] for r in cand]
    w = fit_avg(X, y, l2_final)
    full = [0.0] * len(names)
    for k, wk in zip(cols, w):
        full[k] = wk
    if a.check:
        _, _, _, ccand, cy, cgold = load_part(a.check, a.data, tool)
        cprobs = [prob(full, r[3]) for r in ccand]
        print(f"model on {a.check}: P %.4f R %.4f F1 %.4f"
              % figures(decide(ccand, cprobs, names, a.threshold, None), cy, cgold),
              file=sys.stderr)
    write_model(a.out, names, full, recs, l2_final, drop_final, a.threshold, a.train)


if __name__ == "__main__":
    main()
