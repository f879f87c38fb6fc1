#!/usr/bin/env bash
# bench/search.sh - search speed of khabar beside SQLite FTS5, Lucene and
# Xapian, in one run on one machine (issue 3; rules in the shared
# docs/protocols.md, "Search (issue 3)").
#
# Corpus: SaudiNewsNet + ANT multi-source (62,555 articles) as JSON Lines
# {"id","title","body"} (bench/search_docs.py); every system indexes that
# same file, single process, index left as built (no optimize).
# Queries: ../shared/peers/queries/saudinewsnet-200.tsv, top 10, all words
# (AND), WARMUP (default 5000) untimed queries first, per class (freq, rare,
# two, phrase) and all together; khabar also runs the phrase-NN pairs as
# quoted phrases, and everything once more without counting the exact total
# (--no-total); every system also runs all queries with any word (OR).
# Latency is each driver's own, in process, from query text to the top 10
# ids and scores; percentiles are nearest-rank.
#
# Prints name<TAB>value lines on stdout (progress on stderr); raw outputs
# stay in build/bench-search/.
#
# Environment: KHABAR_SHARED (default ../shared), KHABAR (default
# build/khabar), WARMUP (default 5000), THREADS (khabar index --threads;
# default: one per CPU).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
shared=${KHABAR_SHARED:-../shared}
khabar=${KHABAR:-build/khabar}
warmup=${WARMUP:-5000}
die() { echo "bench/search.sh: $*" >&2; exit 1; }
[ -x "$shared/data/unpack" ] || die "shared data not found at '$shared' (set KHABAR_SHARED)"
[ -x "$khabar" ] || die "'$khabar' not found; run 'make' first"
command -v python3 >/dev/null || die "python3 is required"
"$shared/data/unpack" build/data >&2 || die "unpacking shared data failed"
if [ ! -x build/peers/search-xapian ] || [ ! -x build/peers/search-lucene ] ||
   [ ! -x build/peers/search-fts5 ]; then
  "$shared/peers/build" build/peers >&2 || die "building the peers failed"
fi

W=build/bench-search
mkdir -p "$W"
docs=$W/docs.jsonl
[ -s "$docs" ] || python3 bench/search_docs.py build/data "$docs" >&2
corpus=$(wc -c <"$docs")

echo "search_machine_cpus	$(nproc)"
echo "search_machine_cpu	$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "search_corpus_docs	$(wc -l <"$docs")"
echo "search_corpus_bytes	$corpus"

# ---- queries: every class, and the phrase pairs quoted ----
grep -v '^#' "$shared/peers/queries/saudinewsnet-200.tsv" | grep -v '^$' >"$W/q-all.tsv"
classes=$(cut -f1 "$W/q-all.tsv" | cut -d- -f1 | sort -u)
for c in $classes; do grep "^$c-" "$W/q-all.tsv" >"$W/q-$c.tsv"; done
awk -F'\t' '$1 ~ /^phrase-/ { printf "%s\t\"%s\"\n", $1, $2 }' "$W/q-all.tsv" >"$W/q-quoted.tsv"

# ---- indexing ----
# fig NAME FILE KEY: prints NAME<TAB>value of KEY in a name<TAB>value FILE
fig() { awk -F'\t' -v k="$3" -v n="$1" '$1 == k { print n "\t" $2 }' "$2"; }

index_khabar() { # index_khabar NAME THREADS
  rm -f "$W/$1.db" "$W/$1.db-wal" "$W/$1.db-shm"
  echo "index $1 (threads $2)" >&2
  "$khabar" index --db "$W/$1.db" --tsv --no-progress --threads "$2" "$docs" >"$W/index-$1.tsv"
  local size
  size=$(stat -c %s "$W/$1.db")
  fig "search_index_$1_docs_per_s" "$W/index-$1.tsv" docs_per_s
  fig "search_index_$1_mb_per_s" "$W/index-$1.tsv" mb_per_s
  fig "search_index_$1_seconds" "$W/index-$1.tsv" seconds
  echo "search_index_$1_db_bytes	$size"
  awk -v s="$size" -v c="$corpus" -v n="$1" 'BEGIN { printf "search_index_%s_size_ratio\t%.3f\n", n, s / c }'
}
index_khabar khabar "${THREADS:-$(nproc)}"
index_khabar khabar_1thread 1
rm -f "$W/khabar_1thread.db"*

for p in fts5 lucene xapian; do
  echo "index $p" >&2
  rm -rf "$W/idx-$p"
  "build/peers/search-$p" index "$W/idx-$p" <"$docs" >"$W/index-$p.tsv"
  fig "search_index_${p}_docs_per_s" "$W/index-$p.tsv" docs_per_s
  fig "search_index_${p}_mb_per_s" "$W/index-$p.tsv" mb_per_s
  fig "search_index_${p}_seconds" "$W/index-$p.tsv" seconds
  fig "search_index_${p}_db_bytes" "$W/index-$p.tsv" index_bytes
  awk -F'\t' -v c="$corpus" -v n="$p" '$1 == "index_bytes" {
    printf "search_index_%s_size_ratio\t%.3f\n", n, $2 / c }' "$W/index-$p.tsv"
done

# ---- latency ----
# lat NAME SUBSET: the p50/p95/p99 lines of $W/lat-NAME-SUBSET.err
lat() {
  for p in p50 p95 p99; do
    awk -F'\t' -v k="latency_ms $p" -v n="search_latency_$1_$2_${p}_ms" '$1 == k { print n "\t" $2 }' \
      "$W/lat-$1-$2.err"
  done
}
run_khabar() { # run_khabar NAME SUBSET FLAGS...
  local name=$1 sub=$2
  shift 2
  echo "search $name $sub" >&2
  "$khabar" search --db "$W/khabar.db" --queries "$W/q-$sub.tsv" --limit 10 --warmup "$warmup" \
    "$@" >"$W/run-$name-$sub.tsv" 2>"$W/lat-$name-$sub.err"
  lat "$name" "$sub"
}
run_peer() { # run_peer PEER SUBSET MODE
  local sub=$2 name=$1
  [ "$3" = any ] && name=${1}_any
  echo "search $name $sub" >&2
  "build/peers/search-$1" search "$W/idx-$1" --k 10 --mode "$3" --warmup "$warmup" \
    <"$W/q-$sub.tsv" >"$W/run-$name-$sub.tsv" 2>"$W/lat-$name-$sub.err"
  lat "$name" "$sub"
}
for sub in all $classes; do
  run_khabar khabar "$sub"
  for p in fts5 lucene xapian; do run_peer "$p" "$sub" all; done
done
run_khabar khabar quoted
for sub in all $classes quoted; do run_khabar khabar_nototal "$sub" --no-total; done
run_khabar khabar_any all --any
for p in fts5 lucene xapian; do run_peer "$p" all any; done

