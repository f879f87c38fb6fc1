#!/usr/bin/env bash
# eval/search.sh: search quality (issue 3) beside SQLite FTS5 and Lucene,
# called by eval/run.sh after it has unpacked the data into build/data and
# built the peers into build/peers. Prints name<TAB>value lines on stdout;
# see eval/README.md ("Search") for what each figure means.
#
# Environment: KHABAR (default build/khabar). Work files: build/eval-search/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
khabar=${KHABAR:-build/khabar}
for p in search-fts5 search-lucene; do
  [ -x "build/peers/$p" ] || { echo "eval/search.sh: build/peers/$p missing (run eval/run.sh)" >&2; exit 1; }
done
[ -d build/data/qa/arcd ] || { echo "eval/search.sh: build/data not unpacked (run eval/run.sh)" >&2; exit 1; }
exec python3 eval/search_eval.py --khabar "$khabar" --peers build/peers --data build/data \
  --work build/eval-search "$@"
