#!/usr/bin/env bash
# ner.sh - entity recognizer speed (issue 5): tokens tagged per second on one
# thread, model size and load time. Prints name<TAB>value lines only
# (medians over BENCH_RUNS runs, default 5); raw outputs go to
# build/bench/run/ner-*. A section of bench/run.sh (BENCH_SECTIONS="... ner");
# runs alone as well.
#
#   ner_tokens_per_s      raw text to tags and canonical names (kh_analyze +
#                         kh_ner_tag), the first BENCH_NER_MB MB (default 10)
#                         of the SaudiNewsNet bodies, 3 timed passes a run
#   ner_tag_tokens_per_s  the same tokens, time in kh_ner_tag alone
#   ner_model_bytes       size of models/ner.khm (the built-in model)
#   ner_load_ms           kh_ner_new of the built-in model (median of 7)
#   ner_peak_rss_kb       peak resident set of a tagging run
# There is no peer entity recognizer in ../shared/peers; the issue's target
# is 100,000 tokens/s.
set -euo pipefail
# shellcheck source=bench/common.sh
. "$(dirname "$0")/common.sh"

runs=${BENCH_RUNS:-5}
mb=${BENCH_NER_MB:-10}
case $runs in '' | *[!0-9]* | 0) die "BENCH_RUNS must be a whole number from 1 up" ;; esac

bench_setup
need_khabar
build_tool bench_ner

corpus=$out/saudinewsnet-bodies.txt
src=$data/news/saudinewsnet
if [ ! -s "$corpus" ] || [ "$root/bench/saudinewsnet_bodies.py" -nt "$corpus" ] ||
    [ -n "$(find "$src" -name '*.json' -newer "$corpus")" ]; then
    note "extracting article bodies to $corpus"
    python3 "$root/bench/saudinewsnet_bodies.py" "$src" "$corpus" || die "extracting bodies failed"
fi

rm -f "$rundir"/ner-*
for ((r = 1; r <= runs; r++)); do
    note "ner run $r/$runs"
    capture "$rundir/ner-tag-$r.tsv" "$out/bench_ner" bench "$corpus" --repeat 3 --mb "$mb"
    capture "$rundir/ner-load-$r.tsv" "$out/bench_ner" load --times 7
done

med() { field "$1" "$rundir"/ner-"$2"-*.tsv | median || die "no '$1' in $rundir/ner-$2-*.tsv"; }
tps=$(med tokens_per_s tag)
tag=$(med tag_tokens_per_s tag)
load=$(med load_ms load)
rss=$(med peak_rss_kb tag)
size=$(stat -c %s "$root/models/ner.khm")

emit ner_tokens_per_s "$tps"
emit ner_tag_tokens_per_s "$tag"
emit ner_model_bytes "$size"
emit ner_load_ms "$load"
emit ner_peak_rss_kb "$rss"
