#!/usr/bin/env bash
# train-attrib.sh - rebuilds models/attrib.c, the learned speaker chooser's
# weights, from the ANT training part of the quotation gold, in one command.
# Deterministic: the same gold, corpora and khabar give the same file.
#
#   tools/train-attrib.sh          # needs ../shared (or KHABAR_SHARED) and make
#
# Steps: unpack the corpora to build/data when missing; build build/tools/attrib-dump
# (the candidates of every statement, the rules choosing); cross-validate
# an L2 grid over whole articles of that part and train on all of them
# (tools/train-attrib.py write). Held-out articles (eval/gold/quotes/
# heldout*.txt) are never read. The chooser is switched on in the output
# only when it beats the rules in cross-validation.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${KHABAR_SHARED:-../shared}
[ -d "$shared/data" ] || { echo "train-attrib: $shared/data not found (set KHABAR_SHARED)" >&2; exit 1; }
make --no-print-directory build/tools/attrib-dump >&2
[ -d build/data/news ] || "$shared/data/unpack" build/data >&2
python3 tools/train-attrib.py write --out models/attrib.c "$@"
