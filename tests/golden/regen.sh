#!/usr/bin/env bash
# regen.sh KHABAR - rewrites the expected output of every golden input.
#
# For each tests/golden/NAME.txt writes NAME.tokens.tsv (khabar tokens) and
# NAME.tokens.jsonl (khabar tokens --format json). The new files are for
# review in the commit that changes them: read the diff as a linguist would,
# a changed split or key is a change of behaviour, not noise.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 KHABAR" >&2
    exit 2
fi
khabar=$1
case $khabar in /*) ;; *) khabar=$PWD/$khabar ;; esac
if [ ! -x "$khabar" ]; then
    echo "$0: $khabar is not an executable" >&2
    exit 1
fi

cd "$(dirname "$0")"
for input in *.txt; do
    name=${input%.txt}
    "$khabar" tokens "$input" >"$name.tokens.tsv"
    "$khabar" tokens --format json "$input" >"$name.tokens.jsonl"
    echo "$name: $(grep -c . "$name.tokens.tsv") tokens"
done
