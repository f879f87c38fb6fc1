#!/usr/bin/env python3
"""Conflation precision/recall of search keys against treebank lemmas.

Measured as docs/protocols.md "Conflation, UD PUD" fixes it. A unit is a
word type; its label is a lemma. Over all unordered pairs of distinct types:
  precision = pairs with equal key and equal lemma / pairs with equal key
  recall    = pairs with equal key and equal lemma / pairs with equal lemma
An empty key (nothing to index, e.g. a stop word) is a key of its own for
that type: it is never shared.

Sets:
  pud        UD Arabic PUD. Type = a surface token rebuilt from SpaceAfter=No
             runs, punctuation split off, holding exactly one content word;
             label = that word's lemma, vocalized, tatweel removed.
  padt2016   PADT 2016 snapshot, dev + test. Clitics are already separate
             there, so type = de-diacritized FORM of a content word; label =
             vocalized lemma, tatweel removed.
Types seen with two lemmas are dropped in both.

Systems: khabar (key column of `khabar tokens`), snowball and lucene (the
peers' `keys`), surface (the type without diacritics and tatweel).

Usage: conflation.py --pud FILE --padt FILE [FILE...] [--khabar PATH]
         [--peers DIR] [--systems a,b,...] [--dump FILE --dump-system NAME]
Prints name<TAB>value lines on stdout.
"""

import argparse
import os
import sys
from collections import Counter, defaultdict

# No __pycache__ in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evalio  # noqa: E402

CONTENT = {"NOUN", "ADJ", "VERB", "ADV", "PROPN"}
ALL_SYSTEMS = ["khabar", "snowball", "lucene", "surface"]


# ---- reading the treebanks -------------------------------------------------

def conllu_sentences(path):
    """Yield each sentence as a list of (form, lemma, upos, misc) words."""
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                if words:
                    yield words
                words = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                sys.exit("%s: not a CoNLL-U word line: %r" % (path, line))
            # Range (N-M) and empty (N.M) nodes are not syntactic words.
            if "-" in cols[0] or "." in cols[0]:
                continue
            words.append((cols[1], cols[2], cols[3], cols[9]))
    if words:
        yield words


def _label(lemma):
    return lemma.replace(evalio.TATWEEL, "")


def pud_units(path):
    """(type, lemma) for every kept surface token of PUD, in text order."""
    for words in conllu_sentences(path):
        run = []
        for i, w in enumerate(words):
            run.append(w)
            glued = "SpaceAfter=No" in w[3].split("|")
            if glued and i + 1 < len(words):
                continue
            # One whitespace token is complete; split off its punctuation,
            # which leaves the pieces between punctuation marks.
            piece = []
            for x in run + [None]:
                if x is None or x[2] == "PUNCT":
                    content = [y for y in piece if y[2] in CONTENT]
                    if len(content) == 1:
                        yield "".join(y[0] for y in piece), _label(content[0][1])
                    piece = []
                else:
                    piece.append(x)
            run = []


def padt_units(paths):
    for path in paths:
        for words in conllu_sentences(path):
            for form, lemma, upos, _ in words:
                if upos in CONTENT:
                    t = evalio.strip_diacritics(form)
                    if t:
                        yield t, _label(lemma)


def labelled_types(units):
    """Map type -> lemma, dropping types seen with more than one lemma."""
    lemmas = defaultdict(set)
    for t, lem in units:
        lemmas[t].add(lem)
    kept = {t: next(iter(ls)) for t, ls in lemmas.items() if len(ls) == 1}
    return kept, len(lemmas) - len(kept)


# ---- keys from each system -------------------------------------------------

def _join(keys):
    # Several tokens from one type: the type's key is their keys in order;
    # tokens with nothing to index add nothing.
    return " ".join(k for k in keys if k)


def keys_khabar(types, khabar):
    path, spans = evalio.write_lines(types)
    try:
        groups = evalio.group_by_offsets(evalio.khabar_tokens(khabar, path), spans)
    finally:
        os.unlink(path)
    return [_join(t.key for t in g) for g in groups], sum(len(g) != 1 for g in groups)


def keys_peer(types, cmd):
    path, _ = evalio.write_lines(types)
    try:
        pairs = evalio.peer_keys(cmd, path)
    finally:
        os.unlink(path)
    groups, unplaced = evalio.group_by_text(pairs, types)
    if unplaced:
        evalio.log("  %s: %d tokens could not be tied to an input line" % (cmd[0], unplaced))
    return [_join(k for _, k in g) for g in groups], sum(len(g) != 1 for g in groups)


def keys_surface(types):
    return [evalio.strip_diacritics(t) for t in types], 0


# ---- scoring ---------------------------------------------------------------

def _pairs(counter):
    return sum(n * (n - 1) // 2 for n in counter.values())


def score(types, lemmas, keys):
    """Pair counts by grouping: (same key, same lemma, same key and lemma)."""
    # An empty key is private to its type: give each one a unique stand-in.
    ks = [k if k else ("", i) for i, k in enumerate(keys)]
    same_key = _pairs(Counter(ks))
    same_lemma = _pairs(Counter(lemmas))
    both = _pairs(Counter(zip(ks, lemmas)))
    return same_key, same_lemma, both


def dump(out, title, types, lemmas, keys, top):
    """Write the worst false merges and missed merges of one system."""
    by_key = defaultdict(list)
    by_lemma = defaultdict(list)
    for t, lem, k in zip(types, lemmas, keys):
        if k:
            by_key[k].append((lem, t))
        # Empty keys are private to their type (see score()).
        by_lemma[lem].append((k if k else "\0" + t, t))

    def split(members):
        groups = defaultdict(list)
        for g, t in members:
            groups[g].append(t)
        n = len(members)
        wrong = n * (n - 1) // 2 - sum(len(v) * (len(v) - 1) // 2 for v in groups.values())
        return wrong, groups

    out.write("## %s: false merges (one key, several lemmas)\n" % title)
    rows = sorted(((split(m), k) for k, m in by_key.items()), key=lambda r: -r[0][0])
    for (wrong, groups), k in rows[:top]:
        if not wrong:
            break
        parts = "  |  ".join("%s: %s" % (g, " ".join(sorted(v))) for g, v in groups.items())
        out.write("%d\tkey=%s\t%s\n" % (wrong, k, parts))
    out.write("\n## %s: missed merges (one lemma, several keys)\n" % title)
    rows = sorted(((split(m), lem) for lem, m in by_lemma.items()), key=lambda r: -r[0][0])
    for (wrong, groups), lem in rows[:top]:
        if not wrong:
            break
        parts = "  |  ".join("%s: %s" % ("(empty)" if g.startswith("\0") else g,
                                         " ".join(sorted(v)))
                             for g, v in groups.items())
        out.write("%d\tlemma=%s\t%s\n" % (wrong, lem, parts))
    out.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pud", required=True, help="ar_pud-ud-test.conllu")
    ap.add_argument("--padt", required=True, nargs="+", help="PADT 2016 dev and test .conllu")
    ap.add_argument("--khabar", default="build/khabar", help="khabar binary")
    ap.add_argument("--peers", default="build/peers", help="folder of the built peers")
    ap.add_argument("--systems", default=",".join(ALL_SYSTEMS),
                    help="comma-separated subset of " + ",".join(ALL_SYSTEMS))
    ap.add_argument("--dump", help="write false and missed merges of --dump-system here")
    ap.add_argument("--dump-system", default="khabar")
    ap.add_argument("--dump-top", type=int, default=200, help="examples per list")
    a = ap.parse_args()

    systems = [s for s in a.systems.split(",") if s]
    for s in systems:
        if s not in ALL_SYSTEMS:
            ap.error("unknown system %r" % s)
    if a.dump and a.dump_system not in systems:
        ap.error("--dump-system %s is not among --systems" % a.dump_system)

    sets = [("pud", pud_units(a.pud)), ("padt2016", padt_units(a.padt))]
    dump_out = open(a.dump, "w", encoding="utf-8") if a.dump else None
    rows = []
    for name, units in sets:
        lab, dropped = labelled_types(units)
        types = sorted(lab)
        lemmas = [lab[t] for t in types]
        evalio.log("conflation %s: %d types (%d dropped as ambiguous)" % (name, len(types), dropped))
        rows.append(("conflation_%s_types" % name, len(types)))
        rows.append(("conflation_%s_pairs_same_lemma" % name, _pairs(Counter(lemmas))))
        for s in systems:
            if s == "khabar":
                keys, odd = keys_khabar(types, a.khabar)
            elif s == "surface":
                keys, odd = keys_surface(types)
            else:
                keys, odd = keys_peer(types, [os.path.join(a.peers, s + "-ar")])
            if odd:
                evalio.log("  %s: %d types did not give exactly one token" % (s, odd))
            same_key, same_lemma, both = score(types, lemmas, keys)
            # No shared key at all means no false merge: precision 1.
            p = both / same_key if same_key else 1.0
            r = both / same_lemma if same_lemma else 1.0
            evalio.log("  %s: %d same-key pairs, %d same-lemma, %d both"
                       % (s, same_key, same_lemma, both))
            rows.append(("conflation_%s_%s_precision" % (name, s), p))
            rows.append(("conflation_%s_%s_recall" % (name, s), r))
            if dump_out and s == a.dump_system:
                dump(dump_out, "%s %s" % (name, s), types, lemmas, keys, a.dump_top)
    if dump_out:
        dump_out.close()
    for name, v in rows:
        print("%s\t%s" % (name, v if isinstance(v, int) else "%.4f" % v))


if __name__ == "__main__":
    main()
