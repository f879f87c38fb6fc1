#!/usr/bin/env python3
"""Clitic segmentation accuracy on the WikiNews gold (Farasa test set).

Measured as docs/protocols.md "Segmentation, WikiNews" fixes it:
  * the gold is collapsed to clitics only with rules R0-R3 of the data's
    SOURCE.md (inflectional boundaries are deleted);
  * the input word is the concatenation of the raw gold segments with the
    three surface repairs (ل+ال+X -> للX, من+ما -> مما / من+من -> ممن,
    restored ة -> ت before a suffix);
  * gold and prediction are compared as sets of boundary offsets in the
    surface word.

Usage: seg_wikinews.py [--khabar PATH] [--errors FILE] WikiNews.pos.ref
Prints name<TAB>value lines on stdout.
"""

import argparse
import os
import sys

# No __pycache__ in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evalio  # noqa: E402

# ---- collapsing the gold (SOURCE.md, "Collapsing non-clitic boundaries") ----

R0_FUSED = {("من", "ما"), ("من", "من"), ("ك", "ما"), ("حسب", "ما")}
PROCLITICS = {("CONJ", "و"), ("CONJ", "ف"), ("PREP", "ب"), ("PREP", "ل"),
              ("PREP", "ك"), ("FUT_PART", "س"), ("DET", "ال")}
ENCLITICS = {"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا"}


def collapse(segs, tags):
    """Return the gold as proclitics + stem + enclitics (a list of strings)."""
    n = len(segs)
    if tuple(segs) in R0_FUSED:
        return [surface_word(segs)]  # مما, not منما
    i = 0
    # R1: the last segment is never a proclitic, so the stem is never empty.
    while i < n - 1 and (tags[i], segs[i]) in PROCLITICS:
        i += 1
    j = n
    # R2: enclitics only after the first non-proclitic segment (index i).
    while j - 1 > i and tags[j - 1] == "PRON" and segs[j - 1] in ENCLITICS:
        j -= 1
    # R3: everything between is one stem.
    return segs[:i] + ["".join(segs[i:j])] + segs[j:]


def surface_word(segs):
    """Rebuild the written word from raw gold segments (the three repairs)."""
    out = []
    n = len(segs)
    for k, s in enumerate(segs):
        nxt = segs[k + 1] if k + 1 < n else ""
        if s == "ال" and k > 0 and segs[k - 1] == "ل":
            # ل+ال -> لل: the alef goes; before a stem in ل the article's lam
            # merges with it as well, leaving two lams in all (للغة).
            out.append("" if nxt.startswith("ل") else "ل")
        elif s == "من" and nxt in ("ما", "من"):
            out.append("م")  # the nun assimilates: مما, ممن
        elif k + 1 < n:
            # A segment that is not last is written with open ta (حيا+ت+ه);
            # the gold already does so, this only guards the rule.
            out.append(s.replace("ة", "ت"))
        else:
            out.append(s)
    return "".join(out)


# ---- segmentation -> boundary offsets in the surface word ----------------

# Letters a segmenter may legitimately spell differently from the surface
# (hamza seats, ta marbuta, alef maqsura); equal length, so offsets survive.
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي",
                        "ة": "ه", "ى": "ي"})


def _fold(s):
    return s.translate(_FOLD)


def boundaries(segs, surface):
    """Offsets (in code points) of the surface word where segments meet.

    Returns (set, aligned). Each segment is matched against the surface in
    turn: non-final segments have a restored ة/ى mapped back to ت/ي; an ال
    right after ل stands for the single surface lam of لل, and a following
    stem that starts with ل then shares that lam; من before م- stands for
    the م of مما/ممن. When a segmentation cannot be laid over the surface
    this way, its offsets are the plain cumulative lengths and aligned is
    False (the word is then scored with whatever those offsets say).
    """
    if len(segs) <= 1:
        return set(), True
    fs = _fold(surface)
    pos = 0
    out = set()
    aligned = True
    merged_lam = False
    n = len(segs)
    for k, s in enumerate(segs):
        last = k == n - 1
        if not last:
            s = s.replace("ة", "ت").replace("ى", "ي")
        f = _fold(s)
        if fs.startswith(f, pos):
            step = len(s)
        elif (s == "ال" and k > 0 and segs[k - 1] == "ل"
              and fs.startswith("ل", pos)):
            step = 1
        elif merged_lam and f.startswith("ل") and fs.startswith(f[1:], pos):
            step = len(s) - 1
        elif (s == "من" and not last and segs[k + 1].startswith("م")
              and fs.startswith("م", pos)):
            step = 1
        else:
            aligned = False
            step = len(s)
        merged_lam = s == "ال" and step == 1
        pos += step
        if not last:
            out.add(pos)
    if pos != len(surface):
        aligned = False
    if not aligned:
        # Fall back to lengths, kept strictly inside the word.
        out = {p for p in out if 0 < p < len(surface)}
    return out, aligned


# ---- reading the gold ------------------------------------------------------

def read_gold(path):
    """Yield (surface, collapsed gold segments) for every scored token."""
    with open(path, encoding="utf-8") as f:
        header = f.readline()
        if not header.startswith("refTok"):
            sys.exit("%s: unexpected header %r" % (path, header))
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                continue
            seg_field, _, tag_field = line.partition("\t")
            segs = seg_field.split("+")
            tags = tag_field.split("+")
            # The 4 known bad lines are exactly those whose segment and tag
            # counts differ (SOURCE.md); `+ PUNC` splits into two empty
            # segments and is caught the same way.
            if len(segs) != len(tags) or "" in segs:
                continue
            if tags == ["PUNC"]:
                continue
            yield surface_word(segs), collapse(segs, tags)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", help="WikiNews.pos.ref")
    ap.add_argument("--khabar", default="build/khabar", help="khabar binary")
    ap.add_argument("--errors", help="write wrong words as surface, gold, predicted")
    a = ap.parse_args()

    gold = list(read_gold(a.gold))
    words = [w for w, _ in gold]
    path, spans = evalio.write_lines(words)
    try:
        evalio.log("seg_wikinews: %d words through %s" % (len(words), a.khabar))
        groups = evalio.group_by_offsets(evalio.khabar_tokens(a.khabar, path), spans)
    finally:
        os.unlink(path)

    right = multi = unaligned = gold_unaligned = 0
    tp = n_gold = n_pred = 0
    nosplit_right = 0
    with open(a.errors or os.devnull, "w", encoding="utf-8") as err:
        for (word, gsegs), toks, span in zip(gold, groups, spans):
            gb, ok = boundaries(gsegs, word)
            if not ok:
                gold_unaligned += 1
            if len(toks) == 1:
                t = toks[0]
                psegs = t.segmentation.split("+") if t.segmentation else [t.surface]
                # The token may cover only part of the line (a word with a
                # trailing symbol, say): lay the segmentation over the token's
                # own text, then shift it by the token's place in the word.
                wb = word.encode("utf-8")
                lo, hi = t.start - span[0], t.end - span[0]
                shift = len(wb[:lo].decode("utf-8", "replace"))
                pb, ok = boundaries(psegs, wb[lo:hi].decode("utf-8", "replace"))
                if not ok:
                    unaligned += 1
                pb = {p + shift for p in pb}
                pshow = t.segmentation
            else:
                multi += 1
                pb = set()
                pshow = " ".join(t.segmentation for t in toks) or "(no token)"
            if pb == gb:
                right += 1
            else:
                err.write("%s\t%s\t%s\n" % (word, "+".join(gsegs), pshow))
            if not gb:
                nosplit_right += 1
            tp += len(pb & gb)
            n_gold += len(gb)
            n_pred += len(pb)

    if gold_unaligned:
        sys.exit("seg_wikinews: %d gold words do not lay over their surface "
                 "(the repairs and the boundary mapping disagree)" % gold_unaligned)
    if unaligned:
        evalio.log("seg_wikinews: %d predicted segmentations do not spell their "
                   "token (scored by segment lengths)" % unaligned)

    n = len(gold)
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    rows = [
        ("seg_wikinews_words", n),
        ("seg_wikinews_word_accuracy", right / n),
        ("seg_wikinews_boundary_precision", p),
        ("seg_wikinews_boundary_recall", r),
        ("seg_wikinews_boundary_f1", f1),
        ("seg_wikinews_multi_token_words", multi),
        # Baseline in the same run: leave every word whole.
        ("seg_wikinews_nosplit_word_accuracy", nosplit_right / n),
    ]
    for name, v in rows:
        print("%s\t%s" % (name, v if isinstance(v, int) else "%.4f" % v))


if __name__ == "__main__":
    main()
