#!/usr/bin/env python3
"""Builds the NER data files from the shared corpora, as CoNLL text.

Output format (what `khabar train-ner` and `khabar ner --conll` read): one
`token<TAB>tag` per line, a blank line between sentences, tags in IOB2 with
khabar's type names PER, ORG, LOC, MISC.

  ner-data.py anercorp DATA_DIR OUT_DIR [--dev-tokens N]
      OUT_DIR/train.conll  the first 5/6 minus the dev part (training)
      OUT_DIR/dev.conll    the last N tokens of the first 5/6 (default
                           20,000, whole sentences): for choosing epochs and
                           features, never the test part
      OUT_DIR/trainfull.conll  train + dev: the shipped model is trained on it
      OUT_DIR/test.conll   lines 125,279 to the end: scored by `make eval` only

  ner-data.py folds CONLL OUT_DIR K
      OUT_DIR/fold{k}.train.conll and fold{k}.dev.conll for k < K: the
      sentences of CONLL cut into K contiguous blocks, block k held out
      (cross-validation within the training part)

  ner-data.py wikifane DATA_DIR OUT
      WikiFANE gold mapped to PER/ORG/LOC; every other class becomes O
      (protocols.md: MISC is not scored on WikiFANE)

ANERcorp is cleaned as its SOURCE.md describes the CAMeL Lab split: U+200F
removed, tokens that become empty dropped, middle and bold periods turned
into '.', a sentence ended after each run of '.' tokens, misspelled tags
fixed; the test part starts at line 125,279 exactly. The malformed lines
listed in SOURCE.md are repaired as follows (the CAMeL files that fixed them
by hand could not be obtained, so these are khabar's own choices):
  84046  'B-PERS فيرسلاين '   columns swapped: token فيرسلاين, tag B-PERS
  110268 '.O'                  token '.', tag O
  113161 'الأمن<RLM>1706 <RLM> I-ORG'  two tokens: الأمن I-ORG, 1706 O
  123386 '. Oالإصابة O'        two lines merged: '. O' and 'الإصابة O'
  125279 'الصالحية ونايفة</title>'  HTML residue in the tag slot: the token
         الصالحية with tag O, the residue dropped. One token, so the test
         part keeps the published 25,008 tokens.
"""
import sys

TAG_FIX = {
    "o": "O", "B-ERS": "B-PERS", "B-PERs": "B-PERS", "IPERS": "I-PERS",
    "I-PRG": "I-ORG", "B-PRG": "B-ORG", "B-ORF": "B-ORG", "B-OEG": "B-ORG",
    "B-MSIC": "B-MISC", "b-misc": "B-MISC", "i-misc": "I-MISC",
    # 'B-LOCI-PERS' (one line): two tags glued; the token is a person's
    # first name in context, and I-PERS after B-PERS is what follows.
    "B-LOCI-PERS": "I-PERS",
}
TEST_FIRST_LINE = 125279
RLM = "\u200f"


def anercorp_lines(path):
    """Yields (line_number, token, tag) after repairs and tag fixes."""
    with open(path, encoding="utf-8") as f:
        raw = f.read().split("\n")
    for n, line in enumerate(raw, 1):
        if n == 84046:
            yield n, "فيرسلاين", "B-PER"
            continue
        if n == 110268:
            yield n, ".", "O"
            continue
        if n == 113161:
            yield n, "الأمن", "I-ORG"
            yield n, "1706", "O"
            continue
        if n == 123386:
            yield n, ".", "O"
            yield n, "الإصابة", "O"
            continue
        if n == 125279:
            yield n, "الصالحية", "O"
            continue
        line = line.replace(RLM, "")
        tok, _, tag = line.rpartition(" ")
        if not _:  # no space at all: a token without a tag
            tok, tag = line, "O"
        tok = tok.strip()
        tag = TAG_FIX.get(tag.strip(), tag.strip())
        if not tok:
            continue
        if tok in ("·", "•"):
            tok = "."
        tok = tok.replace("·", ".").replace("•", ".")
        if tag not in ("O",) and tag[:2] not in ("B-", "I-"):
            raise SystemExit("ner-data: line %d: unknown tag %r" % (n, tag))
        yield n, tok, tag.replace("PERS", "PER")


def sentences(items):
    """Groups (n, tok, tag) into sentences ending after each run of '.'."""
    sent = []
    for i, (n, tok, tag) in enumerate(items):
        sent.append((n, tok, tag))
        nxt = items[i + 1][1] if i + 1 < len(items) else None
        if tok == "." and nxt != ".":
            yield sent
            sent = []
    if sent:
        yield sent


def write(path, sents):
    ntok = 0
    with open(path, "w", encoding="utf-8") as f:
        for s in sents:
            for _, tok, tag in s:
                f.write("%s\t%s\n" % (tok, tag))
            f.write("\n")
            ntok += len(s)
    return ntok


def anercorp(data, out, dev_tokens):
    items = list(anercorp_lines(data + "/ner/anercorp/ANERCorp.txt"))
    first = [x for x in items if x[0] < TEST_FIRST_LINE]
    test = [x for x in items if x[0] >= TEST_FIRST_LINE]
    # The test part starts a sentence: the line before it ends one.
    assert first[-1][1] == ".", "test part does not start a sentence"
    fs = list(sentences(first))
    ts = list(sentences(test))
    # dev: whole sentences from the end of the first part, about dev_tokens
    k, n = len(fs), 0
    while k > 0 and n < dev_tokens:
        k -= 1
        n += len(fs[k])
    counts = (write(out + "/train.conll", fs[:k]), write(out + "/dev.conll", fs[k:]),
              write(out + "/trainfull.conll", fs), write(out + "/test.conll", ts))
    print("ner-data: anercorp train %d, dev %d, train+dev %d, test %d tokens" % counts,
          file=sys.stderr)


WIKIFANE_MAP = {}
for c in ("Politician Athlete Businessperson Artist Scientist Police Religious_PER "
          "Engineer Lawyer Other_PER").split():
    WIKIFANE_MAP[c] = "PER"
for c in ("Government Commercial Educational Media Religious_ORG Sports "
          "Non-Governmental Entertainment Medical-Science").split():
    WIKIFANE_MAP[c] = "ORG"
for c in ("Continent Nation State-or-Province County-or-District Population-Center "
          "GPE-Cluster Water-Body Land-Region-Natural Celestial Building-Grounds "
          "Subarea-Facility Path Airport Plant").split():
    WIKIFANE_MAP[c] = "LOC"
# Group, vehicles, weapons and products map to MISC, which is not scored
# on WikiFANE: they become O here (protocols.md, "WikiFANE").
for c in ("Group Land Air Water Blunt Exploding Sharp Chemical Shooting Projectile "
          "Nuclear Book Movie Sound Hardware Software Food Drug").split():
    WIKIFANE_MAP[c] = None


def wikifane(data, out):
    path = data + "/ner/wikifane/WikiFANE_Gold_2014_500K.txt"
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    ntok = nsent = 0
    prev_type = None
    with open(out, "w", encoding="utf-8") as o:
        pending = False
        for line in text.split("\n"):
            line = line.rstrip("\r")
            if not line.strip():  # a line of only whitespace ends a sentence
                if pending:
                    o.write("\n")
                    nsent += 1
                pending = False
                prev_type = None
                continue
            tok, _, tag = line.partition("\t")
            tok = tok.replace("\u200e", "").strip()
            tag = tag.strip()
            if not tok:
                continue
            if tag == "O" or not tag:
                t = None
            else:
                if tag[:2] not in ("B-", "I-") or tag[2:] not in WIKIFANE_MAP:
                    raise SystemExit("ner-data: wikifane: unknown tag %r" % tag)
                t = WIKIFANE_MAP[tag[2:]]
            if t is None:
                out_tag = "O"
            elif tag[0] == "I" and prev_type == t:
                out_tag = "I-" + t
            else:
                out_tag = "B-" + t
            prev_type = t
            o.write("%s\t%s\n" % (tok, out_tag))
            ntok += 1
            pending = True
        if pending:
            o.write("\n")
            nsent += 1
    print("ner-data: wikifane %d tokens, %d sentences" % (ntok, nsent), file=sys.stderr)


def folds(path, out, k):
    with open(path, encoding="utf-8") as f:
        sents = [s for s in f.read().split("\n\n") if s.strip()]
    n = len(sents)
    for i in range(k):
        a, b = n * i // k, n * (i + 1) // k
        for name, part in (("train", sents[:a] + sents[b:]), ("dev", sents[a:b])):
            with open("%s/fold%d.%s.conll" % (out, i, name), "w", encoding="utf-8") as f:
                f.write("\n\n".join(s.strip("\n") for s in part) + "\n\n")
    print("ner-data: %d sentences in %d folds" % (n, k), file=sys.stderr)


def main():
    a = sys.argv[1:]
    if len(a) >= 3 and a[0] == "anercorp":
        dev = 20000
        if len(a) == 5 and a[3] == "--dev-tokens":
            dev = int(a[4])
        anercorp(a[1], a[2], dev)
    elif len(a) == 4 and a[0] == "folds":
        folds(a[1], a[2], int(a[3]))
    elif len(a) == 3 and a[0] == "wikifane":
        wikifane(a[1], a[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
