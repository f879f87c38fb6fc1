#!/usr/bin/env bash
# analyzer.sh - analyzer throughput: khabar beside snowball-ar and lucene-ar,
# in one run, on the SaudiNewsNet article bodies (bench/README.md says what is
# measured and why; the shared protocols, "Throughput", say how).
#
# Prints name<TAB>value lines only (medians over BENCH_RUNS runs, default 5);
# raw outputs of every run go to build/bench/run/analyzer-*. Called by
# bench/run.sh; runs alone as well.
set -euo pipefail
# shellcheck source=bench/common.sh
. "$(dirname "$0")/common.sh"

runs=${BENCH_RUNS:-5}
repeat=3 # timed passes per run, as in the peers' published figures
case $runs in '' | *[!0-9]* | 0) die "BENCH_RUNS must be a whole number from 1 up" ;; esac

bench_setup
need_khabar
build_tool bench_analyzer

# One body per line, made again when the unpacked corpus or the extractor is
# newer than the file.
corpus=$out/saudinewsnet-bodies.txt
src=$data/news/saudinewsnet
if [ ! -s "$corpus" ] || [ "$root/bench/saudinewsnet_bodies.py" -nt "$corpus" ] ||
    [ -n "$(find "$src" -name '*.json' -newer "$corpus")" ]; then
    note "extracting article bodies to $corpus"
    python3 "$root/bench/saudinewsnet_bodies.py" "$src" "$corpus" || die "extracting bodies failed"
fi
bytes=$(wc -c <"$corpus")

rm -f "$rundir"/analyzer-*
{
    "$out/bench_analyzer" version
    "$peerdir/snowball-ar" version
    "$peerdir/lucene-ar" version
} >"$rundir/analyzer-versions.txt"
while IFS=$'\t' read -r name version; do note "$name: $version"; done <"$rundir/analyzer-versions.txt"

# The three analyzers take turns within each run, so that a slow spell of the
# machine falls on all of them rather than on one.
for ((r = 1; r <= runs; r++)); do
    note "analyzer run $r/$runs: khabar"
    capture "$rundir/analyzer-khabar-$r.tsv" \
        "$out/bench_analyzer" bench "$corpus" --repeat "$repeat"
    note "analyzer run $r/$runs: snowball-ar"
    capture "$rundir/analyzer-snowball-$r.tsv" \
        "$peerdir/snowball-ar" bench "$corpus" --repeat "$repeat"
    note "analyzer run $r/$runs: lucene-ar"
    capture "$rundir/analyzer-lucene-$r.tsv" \
        env JAVA_OPTS=-Xmx1g "$peerdir/lucene-ar" bench "$corpus" --repeat "$repeat"
done

# The CLI as a user runs it: wall time from start to exit, so process start,
# reading the file and writing the TSV are all in the figure.
for ((r = 1; r <= runs; r++)); do
    note "analyzer run $r/$runs: khabar tokens (CLI)"
    t0=$EPOCHREALTIME
    "$root/build/khabar" tokens "$corpus" >/dev/null 2>"$rundir/analyzer-cli-$r.err" ||
        die "build/khabar tokens failed (errors in $rundir/analyzer-cli-$r.err)"
    t1=$EPOCHREALTIME
    awk -v b="$bytes" -v t0="$t0" -v t1="$t1" 'BEGIN {
        s = t1 - t0
        printf "bytes\t%d\nseconds\t%.4f\nmb_per_s\t%.2f\n", b, s, b / 1e6 / s
    }' >"$rundir/analyzer-cli-$r.tsv"
done

# med PEER NAME: the median of NAME over the runs of PEER.
med() {
    field "$2" "$rundir/analyzer-$1-"*.tsv | median || die "no '$2' in $rundir/analyzer-$1-*.tsv"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", a / b }'; }
# Tokens of one pass over the corpus: the drivers count all timed passes.
per_pass() { awk -v t="$1" -v n="$repeat" 'BEGIN { printf "%.0f\n", t / n }'; }

# Every figure into a variable first: a failure inside $(...) stops the run
# only from an assignment, not from an argument.
k=$(med khabar mb_per_s)
s=$(med snowball mb_per_s)
l=$(med lucene mb_per_s)
k_over_s=$(ratio "$k" "$s")
k_over_l=$(ratio "$k" "$l")
k_rss=$(med khabar peak_rss_kb)
s_rss=$(med snowball peak_rss_kb)
l_rss=$(med lucene peak_rss_kb)
cli=$(med cli mb_per_s)
k_tok=$(med khabar tokens)
k_keyed=$(med khabar tokens_keyed)
s_tok=$(med snowball tokens)
l_tok=$(med lucene tokens)

emit analyzer_khabar_mb_per_s "$k"
emit analyzer_snowball_mb_per_s "$s"
emit analyzer_lucene_mb_per_s "$l"
emit analyzer_khabar_over_snowball "$k_over_s"
emit analyzer_khabar_over_lucene "$k_over_l"
emit analyzer_khabar_peak_rss_kb "$k_rss"
emit analyzer_snowball_peak_rss_kb "$s_rss"
emit analyzer_lucene_peak_rss_kb "$l_rss"
emit analyzer_khabar_cli_mb_per_s "$cli"
emit analyzer_khabar_tokens "$(per_pass "$k_tok")"
emit analyzer_khabar_tokens_keyed "$(per_pass "$k_keyed")"
emit analyzer_snowball_tokens "$(per_pass "$s_tok")"
emit analyzer_lucene_tokens "$(per_pass "$l_tok")"
