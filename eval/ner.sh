#!/usr/bin/env bash
# ner.sh - make eval's entity figures (issue 5), name<TAB>value lines on
# stdout, progress on stderr. Called by eval/run.sh; runs alone too.
#
#   ner_anercorp_test_*  exact-span P/R/F1 per class and micro (conlleval
#                        rules, eval/ner_score.py) on the ANERcorp test part:
#                        lines 125,279 to the end, 25,008 tokens, read only
#                        here. For reference (not measured here): fine-tuned
#                        AraBERT v0.1 0.831, BiLSTM-CRF 0.817 micro F1 on this
#                        split (docs/protocols.md).
#   ner_wikifane_*       the same on WikiFANE gold mapped to PER/ORG/LOC (GPE
#                        and FAC as LOC); MISC is not scored there, on either
#                        side. Out of domain: Wikipedia, not news.
#   ner_seed_*           the seed article's 21 entities (../shared/gold):
#                        mentions found with their type, entities found whole
#                        and merged under one canonical name (eval/ner_seed.py).
#
# Environment: KHABAR_SHARED (default ../shared), KHABAR (default
# build/khabar; tags with its built-in model unless KHABAR_NER_MODEL names a
# model file).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
die() { echo "eval/ner: $*" >&2; exit 1; }

shared=${KHABAR_SHARED:-../shared}
[ -x "$shared/data/unpack" ] || die "shared data not found at '$shared' (set KHABAR_SHARED)"
khabar=${KHABAR:-build/khabar}
[ -x "$khabar" ] || die "'$khabar' not found; run 'make' first"
model=()
[ -n "${KHABAR_NER_MODEL:-}" ] && model=(--model "$KHABAR_NER_MODEL")

"$shared/data/unpack" build/data >&2 || die "unpacking shared data failed"
e=build/ner-eval
mkdir -p "$e"
python3 tools/ner-data.py anercorp build/data "$e" >&2
python3 tools/ner-data.py wikifane build/data "$e/wikifane.conll" >&2

echo "eval/ner: tagging the ANERcorp test part" >&2
"$khabar" ner "${model[@]}" --conll "$e/test.conll" >"$e/test.pred"
python3 eval/ner_score.py "$e/test.conll" "$e/test.pred" --prefix ner_anercorp_test \
    --errors "$e/test.errors"
# the same without the alias-table names, as the training corpus annotates
"$khabar" ner "${model[@]}" --tagger-only --conll "$e/test.conll" >"$e/test.tagger-only.pred"
python3 eval/ner_score.py "$e/test.conll" "$e/test.tagger-only.pred" \
    --prefix ner_anercorp_test_tagger_only | grep micro

echo "eval/ner: tagging WikiFANE" >&2
"$khabar" ner "${model[@]}" --conll "$e/wikifane.conll" >"$e/wikifane.pred"
python3 eval/ner_score.py "$e/wikifane.conll" "$e/wikifane.pred" --prefix ner_wikifane \
    --types PER,ORG,LOC

KHABAR_NER_MODEL=${KHABAR_NER_MODEL:-} python3 eval/ner_seed.py --khabar "$khabar" \
    "$shared/seed/article.txt" "$shared/gold/seed.json"
