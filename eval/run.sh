#!/usr/bin/env bash
# make eval: quality figures of the analyzer beside the peers' figures from
# the same run. stdout carries only name<TAB>value lines; progress and
# diagnostics go to stderr. See eval/README.md for what each figure means.
#
# Environment:
#   KHABAR_SHARED  the shared data/peers folder (default ../shared, relative
#                  to the repository root)
#   KHABAR         the khabar binary to evaluate (default build/khabar)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

die() { echo "eval: $*" >&2; exit 1; }

shared=${KHABAR_SHARED:-../shared}
[ -x "$shared/data/unpack" ] ||
  die "shared data not found at '$shared' (set KHABAR_SHARED to the folder holding data/ and peers/)"
[ -x "$shared/peers/build" ] || die "'$shared/peers/build' is missing"
command -v python3 >/dev/null || die "python3 is required"

khabar=${KHABAR:-build/khabar}
[ -x "$khabar" ] || die "'$khabar' not found; run 'make' first"

# Idempotent: datasets already unpacked (stamp newer than the archive) are
# skipped by the script itself.
"$shared/data/unpack" build/data >&2 || die "unpacking shared data failed"

if [ ! -x build/peers/snowball-ar ] || [ ! -x build/peers/lucene-ar ]; then
  echo "eval: building peers into build/peers" >&2
  # The build prints its commands on stdout; keep stdout for figures only.
  "$shared/peers/build" build/peers >&2 ||
    die "building the peers failed (missing packages? see $shared/peers/install)"
fi

d=build/data
python3 eval/seg_wikinews.py --khabar "$khabar" "$d/morph/wikinews-farasa/WikiNews.pos.ref"
python3 eval/conflation.py --khabar "$khabar" --peers build/peers \
  --pud "$d/ud/pud/ar_pud-ud-test.conllu" \
  --padt "$d/ud/padt-2016/ar-ud-dev.conllu" "$d/ud/padt-2016/ar-ud-test.conllu"
KHABAR="$khabar" eval/search.sh
eval/html.sh
eval/ner.sh
python3 eval/quotes.py --khabar "$khabar" --data "$d"
