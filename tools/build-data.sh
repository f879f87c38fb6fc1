#!/usr/bin/env bash
# make data: rebuilds every generated file under data/ from ../shared.
# Only corpora whose licenses allow shipping derived counts are read
# (see data/NOTICE and tools/lexcorpus.py).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${KHABAR_SHARED:-../shared}
[ -d "$shared/data" ] || { echo "build-data: $shared/data not found (set KHABAR_SHARED)" >&2; exit 1; }
"$shared/data/unpack" build/data
python3 tools/lexcorpus.py build/data build/lexcorpus.txt build/lexnames.txt
mkdir -p build
gcc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Iinclude -Isrc -o build/mklexicon \
    tools/mklexicon.c src/text/*.c src/analysis/seg.c src/analysis/lexicon.c \
    $(pkg-config --libs libutf8proc) -lm
build/mklexicon build/lexcorpus.txt build/lexnames.txt > build/lexicon.c.tmp
mv build/lexicon.c.tmp data/lexicon.c
echo "build-data: data/lexicon.c rebuilt" >&2

# The entity recognizer's alias table and native-name list, from the list the
# project writes by hand (tools/ner-names.txt); needs no corpus.
gcc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Iinclude -Isrc -o build/mknames \
    tools/mknames.c src/ner/namekey.c src/text/chars.c $(pkg-config --libs libutf8proc)
build/mknames tools/ner-names.txt > build/ner_names.c.tmp
mv build/ner_names.c.tmp data/ner_names.c
echo "build-data: data/ner_names.c rebuilt" >&2
