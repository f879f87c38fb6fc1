#!/usr/bin/env python3
"""train-stmt.py - rebuilds models/stmt.c, the weights that decide whether a
quoted span is a statement (src/extract/stmt.h), from the dev part of the
quotation gold. Python standard library only; deterministic.

    python3 tools/train-stmt.py --rules       # the shipped models/stmt.c
    make && python3 tools/train-stmt.py [--grid] [--data build/data]

1. Builds tools/stmt-features.c against build/libkhabar.a and runs it over
   the dev articles of eval/gold/quotes/gold.jsonl: every article that is
   in neither heldout2.txt nor heldout3.txt. The held-out articles are never
   read here, not even their text.
2. A pair is a statement when the bytes between its marks are exactly a gold
   direct quote's span (the primary figure of eval/quotes.py).
3. Logistic regression with an L2 penalty, fitted by averaged stochastic
   gradient descent (fixed order per seed, fixed epochs).
4. --grid prints cross-validation on dev, 8 folds of whole articles, for every
   setting of GRID: exact P / R / F1 of direct spans (recall over every gold
   quote, also those no pair reaches), beside the rules' own figures on
   the same rows, for the model alone and as a veto of the rules.
5. Writes models/stmt.c from all dev articles with the default setting
   (the best of --grid that the unit tests accept), or with --rules the
   rules' verdict, which is what is shipped (see below).

The feature rows do not depend on the weights (the rules' answers are
features, the model's are not), so retraining needs no second pass.

In the library the model may only veto the rules' statements (decide() in
speakers.c): a pair the rules reject stays rejected, and a pair that opens
its paragraph keeps the rules' verdict (no dev article has one).

Why models/stmt.c holds the rules' verdict (`--rules`), 2026-11-27. Direct
span P / R / F1, exact. Dev figures of the rules are inflated: the rules
were written from dev's errors, so dev cannot show where they fail.
  rules                     dev 0.9827/0.9444/0.9632  heldout2 0.8923/0.9667/0.9280
  8-fold CV on dev, final columns, L2 0.003:
    model alone p>=0.5, all columns but RULE_STMT        0.9441/0.9389/0.9415
    model alone p>=0.7, the same                         0.9822/0.9222/0.9513
    veto p<0.5 / p<0.7, the same     0.9826/0.9389/0.9602 / 0.9881/0.9222/0.9540
    veto p<0.5, no rule answer at all                    0.9939/0.9056/0.9477
  heldout2 (aggregate lines only; 8 settings were looked at in all):
    all columns, p>=0.5 or 0.7: the rules' figures exactly (0.9280)
    first columns, no RULE_STMT, p>=0.5:           0.8788/0.9667/0.9206
    first columns, no rule answer, p>=0.5:         0.8529/0.9667/0.9062
    second columns, no RULE_STMT, alone, p>=0.7:   0.9355/0.9667/0.9508, but it
      drops quotes that tests/unit/extract pins by the gold's guidelines
      (objects of verbs of saying, a long first-person quote after a naming
      noun, paragraph-opening quotes): 4 unit tests fail
    final columns, veto p<0.5:                     0.8923/0.9667/0.9280 (= rules)
    final columns, veto p<0.7:                     0.9062/0.9667/0.9355; one unit
      test fails (شدد على “…” و”…”), dev loses 2 quotes
  Speaker accuracy and reported recall on heldout2 were 0.5833 and 0.6000 in
  every setting. Dev holds 94 non-statements among its candidates, and the
  rules already separate them; with no sign of where the rules fail on dev,
  a model that both passes the tests and beats the rules on heldout2 was
  not found. Releasing more annotated articles to dev is what would help.
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "eval"))
import quotes as evalq  # noqa: E402  (the gold's body rule)

GOLD_DIR = os.path.join(ROOT, "eval", "gold", "quotes")
HELDOUT = ("heldout2.txt", "heldout3.txt")
PKGS = "libutf8proc sqlite3 gumbo zlib"

# The shipped setting (see --grid): L2 strength, columns left out, epochs.
L2 = 0.003
DROP = ("RULE_STMT",)
EPOCHS = 40
THRESHOLD = 0.5
SEEDS = (1, 2, 3, 4, 5)
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.85)  # printed by --grid beside each setting
FOLDS = 8  # cross-validation folds of whole articles (article i in fold i % 8)

GRID = [(l2, drop) for drop in ((), ("RULE_STMT",),
                                 ("RULE_STMT", "RULE_NAME", "RULE_SPKNAME", "RULE_LISTED",
                                  "RULE_FOLLOWS"))
        for l2 in (0.0003, 0.003, 0.03)]


def dev_records():
    held = set()
    for f in HELDOUT:
        held |= evalq.load_heldout(os.path.join(GOLD_DIR, f))
    recs = [json.loads(l) for l in open(os.path.join(GOLD_DIR, "gold.jsonl"), encoding="utf-8")
            if l.strip()]
    return [r for r in recs if r["key"] not in held]


def build_tool():
    out = os.path.join(ROOT, "build", "tools", "stmt-features")
    lib = os.path.join(ROOT, "build", "libkhabar.a")
    if not os.path.exists(lib):
        sys.exit("train-stmt: build/libkhabar.a not found: run make first")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    flags = subprocess.run(["pkg-config", "--cflags", "--libs"] + PKGS.split(),
                           stdout=subprocess.PIPE, check=True, text=True).stdout.split()
    subprocess.run(["cc", "-std=c11", "-D_POSIX_C_SOURCE=200809L", "-O2", "-Iinclude", "-Isrc",
                    "tools/stmt-features.c", lib, "-o", out] + flags + ["-lpthread", "-lm"],
                   cwd=ROOT, check=True)
    return out


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
    """The shipped weights: the rules' verdict alone (RULE_STMT), because the
    trained weights did not beat the rules on the second held-out part."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("/*\n** stmt.c - weights of the statement model (src/extract/stmt.h).\n"
                "** Generated by `python3 tools/train-stmt.py --rules`; do not edit.\n"
                "** The rules' verdict alone: decide() keeps exactly the statements of\n"
                "** classify(). Weights trained on the dev part of eval/gold/quotes\n"
                "** (`python3 tools/train-stmt.py`) did not beat the rules on the second\n"
                "** held-out part, so they are not shipped. See models/NOTICE.\n*/\n")
        f.write('#include "extract/stmt.h"\n\n'
                "const float kx_stmt_w[KX_STMT_NF] = {[KX_SF_BIAS] = -5.0f, "
                "[KX_SF_RULE_STMT] = 10.0f};\n")
    print(f"wrote {os.path.relpath(path, ROOT)}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("KHABAR_DATA", os.path.join(ROOT, "build", "data")))
    ap.add_argument("--grid", action="store_true", help="print 8-fold CV over dev articles")
    ap.add_argument("--out", default=os.path.join(ROOT, "models", "stmt.c"))
    ap.add_argument("--l2", type=float, default=L2, help="to try another setting")
    ap.add_argument("--drop", default=",".join(DROP), help="columns left out, comma-separated")
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help="to try another setting")
    ap.add_argument("--rules", action="store_true",
                    help="write the rules' verdict as the weights (the shipped file), no training")
    a = ap.parse_args()
    l2_final, drop_final = a.l2, tuple(d for d in a.drop.split(",") if d)
    if a.rules:
        write_rules(a.out)
        return

    recs = dev_records()
    names, rows = feature_rows(build_tool(), a.data, recs)
    gold = [{(q["start"], q["end"]) for q in r["quotes"]} for r in recs]
    ngold = sum(len(g) for g in gold)
    cand = [r for r in rows if r[3][0] == 1.0]  # BIAS = 1: the model decides
    y = [1 if (s, e) in gold[d] else 0 for d, s, e, _ in cand]
    docs = [d for d, _, _, _ in cand]
    rule = names.index("RULE_STMT")
    tp = sum(1 for r, l in zip(cand, y) if r[3][rule] and l)
    npred = sum(1 for r in cand if r[3][rule])
    print(f"dev: {len(recs)} articles, {ngold} gold direct quotes, {len(rows)} body pairs, "
          f"{len(cand)} candidates, {sum(y)} of them gold", file=sys.stderr)
    print("rules on dev: P %.4f R %.4f F1 %.4f" % prf(tp, npred, ngold), file=sys.stderr)

    if a.grid:
        for l2, drop in GRID:
            cols = columns(names, drop)
            X = [[r[3][k] for k in cols] for r in cand]
            probs = [0.0] * len(X)
            for d in range(FOLDS):
                tr = [i for i in range(len(X)) if docs[i] % FOLDS != d]
                te = [i for i in range(len(X)) if docs[i] % FOLDS == d]
                if not te:
                    continue
                w = fit_avg([X[i] for i in tr], [y[i] for i in tr], l2)
                for i in te:
                    probs[i] = prob(w, X[i])
            for th in THRESHOLDS:
                npred = sum(1 for pr in probs if pr >= th)
                tp = sum(yi for pr, yi in zip(probs, y) if pr >= th)
                print("cv l2=%g drop=%s p>=%.2f: P %.4f R %.4f F1 %.4f"
                      % ((l2, ",".join(drop) or "-", th) + prf(tp, npred, ngold)), file=sys.stderr)
            for th in THRESHOLDS:  # the model only vetoes the rules' statements
                keep = [r[3][rule] and pr >= th for r, pr in zip(cand, probs)]
                npred = sum(keep)
                tp = sum(yi for k, yi in zip(keep, y) if k)
                print("cv l2=%g drop=%s veto p<%.2f: P %.4f R %.4f F1 %.4f"
                      % ((l2, ",".join(drop) or "-", th) + prf(tp, npred, ngold)), file=sys.stderr)
            sys.stderr.flush()

    cols = columns(names, drop_final)
    X = [[r[3][k] for k in cols] for r in cand]
    w = fit_avg(X, y, l2_final)
    full = [0.0] * len(names)
    for k, wk in zip(cols, w):
        full[k] = wk
    # the library decides at p >= 0.5: a threshold t moves the intercept by -logit(t)
    full[0] -= math.log(a.threshold / (1 - a.threshold))
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("/*\n** stmt.c - weights of the statement model (src/extract/stmt.h).\n"
                "** Generated by `python3 tools/train-stmt.py` (after make); do not edit.\n"
                f"** Trained on the {len(recs)} dev articles of eval/gold/quotes (those in\n"
                "** neither heldout2.txt nor heldout3.txt): logistic regression, L2 %g,\n"
                "** %d epochs of averaged SGD, mean of %d seeds; left out: %s;\n"
                "** threshold %g, folded into the intercept.\n"
                "** See models/NOTICE.\n*/\n" % (l2_final, EPOCHS, len(SEEDS),
                                                   ", ".join(drop_final) or "none", a.threshold))
        f.write('#include "extract/stmt.h"\n\nconst float kx_stmt_w[KX_STMT_NF] = {\n')
        for nm, wk in zip(names, full):
            f.write("    [KX_SF_%s] = %.6ff,\n" % (nm, wk))
        f.write("};\n")
    print(f"wrote {os.path.relpath(a.out, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
