#!/usr/bin/env bash
# html.sh - main-text, snippet and date extraction of khabar's HTML reader on
# the real news pages of the shared data/html/arabic-news (called by run.sh,
# which unpacks the data first; runs alone too). Compiles eval/html_text.c
# against build/libkhabar.a into build/eval-html/.
set -euo pipefail
cd "$(dirname "$0")/.."
die() { echo "eval/html.sh: $*" >&2; exit 1; }
d=build/data/html/arabic-news
[ -d "$d" ] || die "'$d' not found: run eval/run.sh (it unpacks the shared data)"
[ -f build/libkhabar.a ] || die "build/libkhabar.a not found; run 'make' first"
out=build/eval-html
mkdir -p "$out"
read -ra libs <<<"$(pkg-config --libs libutf8proc sqlite3 gumbo zlib)"
gcc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Iinclude -Isrc -o "$out/html_text" eval/html_text.c \
    build/libkhabar.a "${libs[@]}" -lm -lpthread || die "compiling eval/html_text.c failed"
# html_text exits 1 when a page fails; the scorer reports which, so go on.
find "$d" -name '*.html' | sort | xargs "$out/html_text" >"$out/extracted.jsonl" || true
python3 eval/html.py "$out/extracted.jsonl" --data "$d"
