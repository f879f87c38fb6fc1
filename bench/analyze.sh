#!/usr/bin/env bash
# analyze.sh - who-said-what throughput (issue 4): kh_extract and
# `khabar analyze` on the SaudiNewsNet article bodies, the corpus of the
# analyzer section, so the two sections' figures compare.
#
# Prints name<TAB>value lines only (medians over BENCH_RUNS runs, default 5):
#   analyze_khabar_mb_per_s       the library: kh_extract over the bodies in
#                                 memory (bench/bench_extract.c), MB = 1e6 body bytes
#   analyze_khabar_peak_rss_kb    its peak resident set
#   analyze_khabar_cli_mb_per_s   the CLI as a batch filter: `khabar analyze
#                                 --input jsonl` on one JSON record per article
#                                 (body and title), output to /dev/null, wall
#                                 time start to exit; MB = 1e6 body bytes
#   analyze_direct_per_article, analyze_reported_per_article, analyze_speaker_share
#                                 what the timed runs found, for scale
# Raw outputs go to build/bench/run/analyze-*. Called by bench/run.sh; runs
# alone as well. There is no peer: no free tool attributes Arabic quotations.
set -euo pipefail
# shellcheck source=bench/common.sh
. "$(dirname "$0")/common.sh"

runs=${BENCH_RUNS:-5}
repeat=3
case $runs in '' | *[!0-9]* | 0) die "BENCH_RUNS must be a whole number from 1 up" ;; esac

bench_setup
need_khabar
build_tool bench_extract

src=$data/news/saudinewsnet
corpus=$out/saudinewsnet-bodies.txt
if [ ! -s "$corpus" ] || [ "$root/bench/saudinewsnet_bodies.py" -nt "$corpus" ] ||
    [ -n "$(find "$src" -name '*.json' -newer "$corpus")" ]; then
    note "extracting article bodies to $corpus"
    python3 "$root/bench/saudinewsnet_bodies.py" "$src" "$corpus" || die "extracting bodies failed"
fi
jsonl=$out/saudinewsnet-articles.jsonl
if [ ! -s "$jsonl" ] || [ -n "$(find "$src" -name '*.json' -newer "$jsonl")" ]; then
    note "writing one JSON record per article to $jsonl"
    python3 - "$src" "$jsonl" <<'PY' || die "writing $jsonl failed"
import glob, json, os, sys
src, out = sys.argv[1], sys.argv[2]
with open(out + ".tmp", "w", encoding="utf-8") as f:
    for path in sorted(glob.glob(os.path.join(src, "*.json"))):
        for rec in json.load(open(path, encoding="utf-8")):
            f.write(json.dumps({"id": rec.get("url", ""), "title": rec.get("title") or "",
                                "date": rec.get("date_extracted") or "",
                                "body": rec.get("content") or ""}, ensure_ascii=False) + "\n")
os.replace(out + ".tmp", out)
PY
fi
# body bytes, the unit of both figures (the bodies file without its newlines)
bytes=$(($(wc -c <"$corpus") - $(wc -l <"$corpus")))
articles=$(wc -l <"$corpus")

rm -f "$rundir"/analyze-*
for ((r = 1; r <= runs; r++)); do
    note "analyze run $r/$runs: kh_extract"
    capture "$rundir/analyze-lib-$r.tsv" "$out/bench_extract" bench "$corpus" --repeat "$repeat"
    note "analyze run $r/$runs: khabar analyze --input jsonl (CLI)"
    t0=$EPOCHREALTIME
    "$root/build/khabar" analyze --input jsonl "$jsonl" >/dev/null 2>"$rundir/analyze-cli-$r.err" ||
        die "build/khabar analyze failed (errors in $rundir/analyze-cli-$r.err)"
    t1=$EPOCHREALTIME
    awk -v b="$bytes" -v t0="$t0" -v t1="$t1" 'BEGIN {
        s = t1 - t0
        printf "bytes\t%d\nseconds\t%.4f\nmb_per_s\t%.2f\n", b, s, b / 1e6 / s
    }' >"$rundir/analyze-cli-$r.tsv"
done

med() {
    field "$2" "$rundir/analyze-$1-"*.tsv | median || die "no '$2' in $rundir/analyze-$1-*.tsv"
}
lib=$(med lib mb_per_s)
rss=$(med lib peak_rss_kb)
cli=$(med cli mb_per_s)
direct=$(med lib direct)
reported=$(med lib reported)
with=$(med lib with_speaker)
per() { awk -v a="$1" -v n="$2" 'BEGIN { printf "%.3f\n", n ? a / n : 0 }'; }
d_per=$(per "$direct" "$((articles * repeat))")
r_per=$(per "$reported" "$((articles * repeat))")
share=$(per "$with" "$((direct + reported))")

emit analyze_khabar_mb_per_s "$lib"
emit analyze_khabar_peak_rss_kb "$rss"
emit analyze_khabar_cli_mb_per_s "$cli"
emit analyze_direct_per_article "$d_per"
emit analyze_reported_per_article "$r_per"
emit analyze_speaker_share "$share"
