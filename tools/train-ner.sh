#!/usr/bin/env bash
# train-ner.sh - rebuilds models/ner.khm, the entity model khabar ships, from
# ../shared in one command. Deterministic: the same shared data and the same
# khabar give the same model, byte for byte.
#
#   tools/train-ner.sh            # needs ../shared (or KHABAR_SHARED) and make
#
# Steps (files under build/ner/):
#   1. the CAMeL split of ANERcorp (tools/ner-data.py): train, dev (the last
#      20,000 tokens of the first 5/6), trainfull = train + dev, test (only
#      make eval reads it);
#   2. gazetteers: ANERgazet's three lists, CLDR's Arabic territory names,
#      the two stopword lists, and khabar's alias list (tools/ner-names.txt);
#   3. word clusters learned by tools/mkclusters from ANT v1.1, ARCD,
#      XQuAD-ar and WikiFANE text (tools/nercorpus.py);
#   4. a first training on train, scored on dev after every epoch, which
#      chooses the number of epochs and the recall bias;
#   5. the shipped model: the same options on trainfull for that many
#      epochs, with that bias.
# Nothing here reads the test part.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${KHABAR_SHARED:-../shared}
[ -d "$shared/data" ] || { echo "train-ner: $shared/data not found (set KHABAR_SHARED)" >&2; exit 1; }
[ -x build/khabar ] || { echo "train-ner: build/khabar not found: run make first" >&2; exit 1; }
"$shared/data/unpack" build/data >&2

d=build/ner
mkdir -p "$d/gaz" build/tools
python3 tools/ner-data.py anercorp build/data "$d"

g=build/data/ner/anercorp/ANERGazet
python3 - build/data/lexicon/gazetteers/cldr/ar/territories.json "$d/gaz/cldr-ar.txt" <<'EOF'
import json, sys
t = json.load(open(sys.argv[1], encoding="utf-8"))["main"]["ar"]["localeDisplayNames"]["territories"]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(sorted(set(t.values()))) + "\n")
EOF
cat build/data/lexicon/gazetteers/stopwords-iso/stopwords-ar.txt <(echo) \
    build/data/lexicon/gazetteers/mohataher/list.txt > "$d/gaz/stop.txt"
# the project's own alias list, one name per line per type
for t in ORG LOC MISC; do
    awk -F'\t' -v t=$t '$1 == t { for (i = 2; i <= NF; i++) print $i }' tools/ner-names.txt \
        > "$d/gaz/alias-$t.txt"
done

python3 tools/nercorpus.py build/data "$d/corpus.txt"
gcc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Iinclude -o build/tools/mkclusters \
    tools/mkclusters.c build/libkhabar.a $(pkg-config --libs libutf8proc) -lm -lpthread
build/tools/mkclusters "$d/corpus.txt" > "$d/clusters.tsv"

opts=(--bits 20 --seed 1 --prune 0.05 --clusters "$d/clusters.tsv"
      --gazetteer "LOC=$g/AlignedLocGazetteer.txt" --gazetteer "ORG=$g/AlignedOrgGazetteer.txt"
      --gazetteer "PER=$g/AlignedPersGazetteer.txt" --gazetteer "LOC=$d/gaz/cldr-ar.txt"
      --gazetteer "STOP=$d/gaz/stop.txt" --gazetteer "ORG=$d/gaz/alias-ORG.txt"
      --gazetteer "LOC=$d/gaz/alias-LOC.txt" --gazetteer "MISC=$d/gaz/alias-MISC.txt")

build/khabar train-ner --train "$d/train.conll" --dev "$d/dev.conll" --model "$d/dev-model.khm" \
    --epochs 20 --recall-bias tune "${opts[@]}" 2> >(tee "$d/train-dev.log" >&2)
# the line of the kept epoch: "epoch N ... bias B  *"
best=$(grep '  \*' "$d/train-dev.log" | tail -1)
epochs=$(awk '{print $2}' <<<"$best")
bias=$(awk '{for (i = 1; i < NF; i++) if ($i == "bias") print $(i + 1)}' <<<"$best")
echo "train-ner: dev chose $epochs epochs, recall bias $bias" >&2

mkdir -p models
build/khabar train-ner --train "$d/trainfull.conll" --model models/ner.khm \
    --epochs "$epochs" --recall-bias "$bias" "${opts[@]}"
echo "train-ner: models/ner.khm written ($(stat -c %s models/ner.khm) bytes)" >&2
