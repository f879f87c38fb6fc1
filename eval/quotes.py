#!/usr/bin/env python3
"""quotes.py - who said what (issue 4) on the hand gold in eval/gold/quotes/.

    python3 eval/quotes.py --khabar build/khabar --data build/data [--errors FILE]

Reads every article of eval/gold/quotes/gold.jsonl from the corpora under
--data (build/data, unpacked from KHABAR_SHARED) by the body rule of the
gold's README (SaudiNewsNet: the decoded `content`; ANT: the bytes between
<TEXT> and </TEXT>, nothing stripped), checks its sha256, runs all of them
through one `khabar analyze --input jsonl` (offsets then refer to the decoded
body, as the gold's do) and scores them per docs/protocols.md ("Who said
what"):

  quotes_direct_exact_{p,r,f1}    direct-quote spans equal to the gold's (primary)
  quotes_direct_overlap_{p,r,f1}  spans that overlap, matched one to one
  quotes_speaker_accuracy         gold quotes found exactly whose speaker matches,
                                  over all gold quotes (a miss counts as wrong);
                                  names compared without diacritics, with alef
                                  forms, ى/ي and ة/ه unified
  quotes_reported_recall          gold reported statements overlapped by a predicted
                                  one naming the same speaker
  quotes_reported_precision       predicted reported statements that overlap a gold
                                  clause with the same speaker
  quotes_reported_clause_recall   the same recall without the speaker condition
  quotes_baseline_*               "every pair of quote marks in order is a
                                  quotation, no speaker", on the same articles

name<TAB>value lines on stdout, over all articles, then again as
quotes_heldout_* over the held-out articles (the union of the --heldout files;
default eval/gold/quotes/heldout2.txt, heldout3.txt and dev14.txt, all
annotated from the text alone and never developed on; dev14 waits to be
released as dev4 … dev13 were), as quotes_heldout2_*, quotes_heldout3_* and
quotes_dev14_* over each of those files alone (the prefix is the file's
name without .txt), and as quotes_dev_* over the others (released.txt lists a
first held-out part that became dev). The ANT training part (--train, default
eval/gold/quotes/train-ant.txt: ANT v1.1 JawharaFM articles, the only ones
that models which ship may be trained on) counts as dev in those lines and is
also scored alone as quotes_trainant_*, and so is each --part file (default
eval/gold/quotes/dev4.txt … dev13.txt, 32 articles of 16 sources each,
scored blind, then released to development) as quotes_dev4_* to
quotes_dev13_*. --errors writes every miss and false
alarm of the dev part with its context, for reading (--errors-all: of all).
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "gold", "quotes", "gold.jsonl")
HELDOUT = [os.path.join(HERE, "gold", "quotes", f)
           for f in ("heldout2.txt", "heldout3.txt", "dev14.txt")]
TRAIN_ANT = os.path.join(HERE, "gold", "quotes", "train-ant.txt")
# the parts scored blind once and then released to development, in order
DEV_PARTS = [os.path.join(HERE, "gold", "quotes", "dev%d.txt" % n) for n in range(4, 14)]
MARKS = '"\u201c\u201d\u00ab\u00bb\u201e'
DIACRITICS = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0670", "\u0640"}
FOLD = {ord(c): None for c in DIACRITICS}
FOLD.update({ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ٱ"): "ا", ord("ى"): "ي",
             ord("ة"): "ه"})


def norm_name(s):
    if s is None:
        return None
    return " ".join(s.translate(FOLD).split())


def load_article(data, rec, cache={}):
    """(body bytes, title) by the gold's body rule."""
    path = os.path.join(data, rec["file"])
    if rec["corpus"] == "news/saudinewsnet":
        if path not in cache:
            cache[path] = {a["url"]: a for a in json.load(open(path, encoding="utf-8"))}
        art = cache[path][rec["key"]]
        return art["content"].encode("utf-8"), art.get("title") or ""
    raw = open(path, "rb").read()
    i = raw.find(b"<TEXT>")
    j = raw.find(b"</TEXT>", i)
    m = re.search(rb"<TITLE>(.*?)</TITLE>", raw, re.S)
    title = m.group(1).decode("utf-8", "replace").strip() if m else ""
    return raw[i + 6:j], title


def load_body(data, rec):
    return load_article(data, rec)[0]


def prf(tp_p, npred, tp_g, ngold):
    p = tp_p / npred if npred else 0.0
    r = tp_g / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def overlap_matches(pred, gold):
    """One-to-one matching of overlapping spans, in order."""
    used = set()
    hits = 0
    for ps, pe in pred:
        for k, (gs, ge) in enumerate(gold):
            if k not in used and ps < ge and gs < pe:
                used.add(k)
                hits += 1
                break
    return hits


def baseline(body):
    """Every pair of quote marks in order is a quotation (byte spans)."""
    text = body.decode("utf-8", errors="replace")
    pos = [m.start() for m in re.finditer("[" + MARKS + "]", text)]
    spans = []
    for a, b in zip(pos[0::2], pos[1::2]):
        s = len(text[:a + 1].encode("utf-8"))
        e = len(text[:b].encode("utf-8"))
        spans.append((s, e))
    return spans


def load_heldout(path):
    """Keys of the held-out articles listed in one file (eval/gold/quotes/heldout*.txt)."""
    if not path or not os.path.exists(path):
        return set()
    return {l.strip() for l in open(path, encoding="utf-8")
            if l.strip() and not l.startswith("#")}


def gold_part(part):
    """The gold records of one development part, for the trainers in tools/:
    "trainant" (train-ant.txt, the only articles whose derived weights may
    ship) or "dev32" (the articles the rules were first written from).
    Held-out records are never returned."""
    held = set()
    for path in HELDOUT:
        held |= load_heldout(path)
    ant = load_heldout(TRAIN_ANT)
    if ant & held:
        sys.exit("quotes: train-ant.txt shares keys with a held-out part")
    if part not in ("trainant", "dev32"):
        sys.exit(f"quotes: no part {part!r} (trainant or dev32)")
    recs = [json.loads(l) for l in open(GOLD, encoding="utf-8") if l.strip()]
    return [r for r in recs if r["key"] not in held and (r["key"] in ant) == (part == "trainant")]


def score(items):
    """(rows, errors) over (gold record, body, khabar's document) triples."""
    ex_tp_p = ex_np = ov_tp = ov_np = ngold = ex_tp_g = 0
    spk_ok = 0
    rep_gold = rep_found = rep_clause = rep_pred = rep_pred_ok = 0
    bl_tp = bl_np = bl_ov = 0
    err = []
    for r, body, d in items:
        ctx = lambda s, e: body[max(0, s - 60):e + 20].decode("utf-8", "replace").replace("\n", " ")
        gold = [(q["start"], q["end"]) for q in r["quotes"]]
        gspk = {(q["start"], q["end"]): q["speaker"] for q in r["quotes"]}
        pd = [q for q in d["quotes"] if q["kind"] == "direct"]
        pred = [(q["start"], q["end"]) for q in pd]
        pspk = {(q["start"], q["end"]): q["speaker"] for q in pd}
        pinfo = {(q["start"], q["end"]): f"{q.get('cue')}{' carried' if q.get('carried') else ''}"
                 for q in pd}
        ngold += len(gold)
        ex_np += len(pred)
        ex_tp_p += sum(1 for s in pred if s in gspk)
        ex_tp_g += sum(1 for s in gold if s in pspk)
        ov_np += len(pred)
        ov_tp += overlap_matches(pred, gold)
        for s in gold:
            if s in pspk and norm_name(pspk[s]) == norm_name(gspk[s]):
                spk_ok += 1
            elif s in pspk:
                err.append(f"{r['key']}\tSPEAKER\t{s}\tgold={gspk[s]}\tgot={pspk[s]}\t"
                           f"[{pinfo[s]}]\t{ctx(*s)}")
            else:
                err.append(f"{r['key']}\tMISS\t{s}\tgold={gspk[s]}\t{ctx(*s)}")
        for s in pred:
            if s not in gspk:
                err.append(f"{r['key']}\tFALSE\t{s}\tgot={pspk[s]}\t{ctx(*s)}")
        bls = baseline(body)
        bl_np += len(bls)
        bl_tp += sum(1 for s in bls if s in gspk)
        bl_ov += overlap_matches(bls, gold)
        prep = [q for q in d["quotes"] if q["kind"] == "reported"]
        rep_pred += len(prep)
        for g in r["reported"]:
            rep_gold += 1
            ov = [q for q in prep if q["start"] < g["clause_end"] and g["clause_start"] < q["end"]]
            if ov:
                rep_clause += 1
            if any(norm_name(q["speaker"]) == norm_name(g["speaker"]) for q in ov):
                rep_found += 1
            else:
                got = [q["speaker"] for q in ov]
                err.append(f"{r['key']}\tREPORTED\t{g['clause_start']}\tgold={g['speaker']}\t"
                           f"got={got}\t{g['cue']}\t{ctx(g['clause_start'], g['clause_start'] + 40)}")
        for q in prep:
            if any(q["start"] < g["clause_end"] and g["clause_start"] < q["end"] and
                   norm_name(q["speaker"]) == norm_name(g["speaker"]) for g in r["reported"]):
                rep_pred_ok += 1
            elif not any(q["start"] < g["clause_end"] and g["clause_start"] < q["end"]
                         for g in r["reported"]):
                err.append(f"{r['key']}\tREPORTED-FALSE\t{q['start']}\tgot={q['speaker']}\t"
                           f"{q['cue']}\t{ctx(q['start'], q['start'] + 40)}")

    ep, er, ef = prf(ex_tp_p, ex_np, ex_tp_g, ngold)
    op, orr, of = prf(ov_tp, ov_np, ov_tp, ngold)
    bp, br, bf = prf(bl_tp, bl_np, bl_tp, ngold)
    bop, bor, bof = prf(bl_ov, bl_np, bl_ov, ngold)
    rows = [
        ("quotes_articles", len(items)),
        ("quotes_gold_direct", ngold),
        ("quotes_gold_reported", rep_gold),
        ("quotes_direct_exact_p", ep), ("quotes_direct_exact_r", er), ("quotes_direct_exact_f1", ef),
        ("quotes_direct_overlap_p", op), ("quotes_direct_overlap_r", orr),
        ("quotes_direct_overlap_f1", of),
        ("quotes_speaker_accuracy", spk_ok / ngold if ngold else 0.0),
        ("quotes_reported_recall", rep_found / rep_gold if rep_gold else 0.0),
        ("quotes_reported_precision", rep_pred_ok / rep_pred if rep_pred else 0.0),
        ("quotes_reported_clause_recall", rep_clause / rep_gold if rep_gold else 0.0),
        ("quotes_baseline_exact_p", bp), ("quotes_baseline_exact_r", br),
        ("quotes_baseline_exact_f1", bf), ("quotes_baseline_overlap_f1", bof),
        ("quotes_baseline_speaker_accuracy", 0.0),
    ]
    return rows, err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--khabar", default="build/khabar")
    ap.add_argument("--data", default="build/data")
    ap.add_argument("--gold", default=GOLD)
    ap.add_argument("--errors", help="write the dev part's misses and false alarms here")
    ap.add_argument("--errors-all", action="store_true",
                    help="--errors also lists the held-out part's (not for development)")
    ap.add_argument("--heldout", action="append",
                    help="a file of held-out keys; may be given several times, the held-out "
                         "part is their union (default: heldout2.txt, heldout3.txt and dev14.txt)")
    ap.add_argument("--part", action="append",
                    help="a file of dev keys scored alone as quotes_<file name>_* (may be given "
                         "several times; default eval/gold/quotes/dev4.txt … dev13.txt)")
    ap.add_argument("--train", default=TRAIN_ANT,
                    help="keys of the ANT training part, scored alone as quotes_trainant_* "
                         "(they stay in the dev lines); default train-ant.txt")
    a = ap.parse_args()

    recs = [json.loads(l) for l in open(a.gold, encoding="utf-8") if l.strip()]
    bodies, titles = [], []
    for r in recs:
        b, t = load_article(a.data, r)
        if hashlib.sha256(b).hexdigest() != r["body_sha256"]:
            sys.exit(f"quotes: {r['file']} {r['key']}: body sha256 differs from the gold's")
        bodies.append(b)
        titles.append(t)
    # the title goes in its own field: khabar reads names in it, offsets stay in the body
    inp = "".join(json.dumps({"id": str(i), "title": t, "body": b.decode("utf-8")},
                             ensure_ascii=False) + "\n"
                  for i, (b, t) in enumerate(zip(bodies, titles)))
    out = subprocess.run([a.khabar, "analyze", "--input", "jsonl"], input=inp.encode("utf-8"),
                         stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
    docs = [json.loads(l) for l in out.splitlines() if l.strip()]
    if len(docs) != len(recs):
        sys.exit(f"quotes: {len(docs)} results for {len(recs)} articles")

    parts = []  # (prefix, keys) per --heldout file
    for path in a.heldout or HELDOUT:
        if not os.path.exists(path):
            sys.exit(f"quotes: no held-out file {path}")
        keys = load_heldout(path)
        missing = keys - {r["key"] for r in recs}
        if missing:
            sys.exit(f"quotes: held-out keys of {path} not in the gold: {sorted(missing)}")
        for prefix, other in parts:
            if keys & other:
                sys.exit(f"quotes: {path} shares keys with another held-out file: "
                         f"{sorted(keys & other)}")
        stem = re.sub(r"\W+", "_", os.path.splitext(os.path.basename(path))[0])
        parts.append(("quotes_" + stem + "_", keys))
    heldout = set().union(*(keys for _, keys in parts))
    train = load_heldout(a.train)
    if train - {r["key"] for r in recs}:
        sys.exit(f"quotes: training keys of {a.train} not in the gold: "
                 f"{sorted(train - {r['key'] for r in recs})}")
    if train & heldout:
        sys.exit(f"quotes: {a.train} shares keys with the held-out part: {sorted(train & heldout)}")
    items = list(zip(recs, bodies, docs))
    rows, err = score(items)

    def part_rows(prefix, keys):
        return [(prefix + name[len("quotes_"):], v)
                for name, v in score([it for it in items if it[0]["key"] in keys])[0]
                if not name.startswith("quotes_baseline_speaker")]

    rows += part_rows("quotes_heldout_", heldout)
    # each file on its own too, unless its name would repeat the union's
    for prefix, keys in parts:
        if keys and prefix != "quotes_heldout_":
            rows += part_rows(prefix, keys)
    if train:
        rows += part_rows("quotes_trainant_", train)
    for path in a.part if a.part is not None else DEV_PARTS:
        keys = load_heldout(path)
        if keys - {r["key"] for r in recs}:
            sys.exit(f"quotes: keys of {path} not in the gold")
        if keys & heldout:
            sys.exit(f"quotes: {path} shares keys with the held-out part")
        stem = re.sub(r"\W+", "_", os.path.splitext(os.path.basename(path))[0])
        rows += part_rows("quotes_" + stem + "_", keys)
    dev_rows, dev_err = score([it for it in items if it[0]["key"] not in heldout])
    rows += [("quotes_dev_" + name[len("quotes_"):], v) for name, v in dev_rows
             if not name.startswith("quotes_baseline_speaker")]
    for name, v in rows:
        print(f"{name}\t{v:.4f}" if isinstance(v, float) else f"{name}\t{v}")
    if a.errors:
        # only the dev part's errors: the held-out part is read as figures only
        with open(a.errors, "w", encoding="utf-8") as f:
            f.write("\n".join(err if a.errors_all else dev_err) + "\n")


if __name__ == "__main__":
    main()
