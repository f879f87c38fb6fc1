#!/usr/bin/env bash
# search-cli-tests.sh - tests of khabar index / search / delete / stats, run by `make test`.
#
#   KHABAR=build/asan/khabar tests/search-cli-tests.sh
#
# Inputs are written here (no corpus text); work files go to
# build/search-cli/. Ends with "N passed, N failed"; exits 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
: "${KHABAR:?set KHABAR to the khabar binary, e.g. KHABAR=build/asan/khabar}"
case $KHABAR in /*) ;; *) KHABAR=$PWD/$KHABAR ;; esac
T=build/search-cli
rm -rf "$T"
mkdir -p "$T/in/sub" "$T/in/.hidden"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; sed -n '1,15s/^/    /p' "$T/out" "$T/err"; }
# run CMD...: stdout to $T/out, stderr to $T/err, status in $rc
run() { "$@" >"$T/out" 2>"$T/err"; rc=$?; }
expect_rc() { [ "$rc" = "$1" ] && ok || bad "$2: exit $rc, expected $1"; }
has() { grep -q -- "$2" "$T/$1" && ok || bad "$3: '$2' not in $1"; }
hasnt() { grep -q -- "$2" "$T/$1" && bad "$3: '$2' in $1" || ok; }

# ---- inputs, one per format ----
printf 'وزير الخارجية يزور القاهرة\nقال وزير الخارجية إن المحادثات في القاهرة كانت مثمرة.\n' >"$T/in/a.txt"
cat >"$T/in/b.jsonl" <<'J'
{"id":"j1","title":"الاقتصاد السعودي","body":"نما الاقتصاد بنسبة كبيرة حسب وزير المالية.","source":"okaz","date":"2015-07-21"}
not json at all
{"title":"no id here"}
{"id":"j2","title":"Bank news","body":"The central bank met.\nRates \"held\".","source":"sabq","date":"2016-01-02"}
J
cat >"$T/in/sub/c.json" <<'J'
[
    {"url": "http://x/1", "title": "Football", "content": "The final ended late.", "source": "okaz", "date_extracted": "2015-08-01 10:00:00"}
]
J
cat >"$T/in/sub/d.txt" <<'J'
<DOC>
<DOCNO>T-1</DOCNO>
<SRC>Radio</SRC>
<TITLE>Weather report</TITLE>
<TIME>01/07/2016</TIME>
<TEXT>
Rain is expected in the north tomorrow.
</TEXT>
</DOC>
J
cat >"$T/in/e.html" <<'J'
<!doctype html><html><head><title>Page | Site</title><meta property="og:site_name" content="Site"></head>
<body><nav><a href=/>Home menu</a></nav><article><h1>Market report</h1>
<p>Stocks rose sharply on Tuesday as investors welcomed the central bank decision.</p>
<p>Analysts expect the rally to continue into next week, traders said.</p></article>
<footer>Copyright footer</footer></body></html>
J
echo 'should be ignored' >"$T/in/.hidden/x.txt"
echo 'not indexed: unknown extension' >"$T/in/notes.md"
DB=$T/x.db

# ---- help ----
for c in index search delete stats; do
  run "$KHABAR" "$c" --help
  expect_rc 0 "$c --help"
  has out "usage: khabar $c" "$c --help"
done
has out "example" "stats --help teaches by example"

# ---- index ----
run "$KHABAR" index --db "$DB" --no-progress "$T/in"
expect_rc 0 "index folder"
has err "b.jsonl:2: expected a JSON object" "bad line reported with file:line"
has err "b.jsonl:3: no id" "missing id reported with its line"
has err "indexed 6 documents (0 replaced), skipped 2" "summary counts"
has err "skipped 1: expected a JSON object" "skips by reason"
run "$KHABAR" stats --db "$DB"
has out "documents	6" "stats documents"
run "$KHABAR" index --db "$DB" --strict "$T/in/b.jsonl"
expect_rc 1 "--strict stops at a bad document"
run "$KHABAR" index --db "$DB" --tsv "$T/in/a.txt"
expect_rc 0 "re-index"
has out "replaced	1" "re-indexing an id replaces it"
printf '{"id":"s1","body":"from standard input"}\n' | "$KHABAR" index --db "$DB" - >"$T/out" 2>"$T/err"
rc=$?
expect_rc 0 "stdin"
run "$KHABAR" index --db "$DB" "$T/in/missing.txt"
expect_rc 1 "missing input"
run "$KHABAR" index "$T/in"
expect_rc 2 "no --db"

# ---- search ----
run "$KHABAR" search --db "$DB" --format json وزير
expect_rc 0 "search json"
has out '"total":2' "Arabic word in two documents"
has out '"highlights":\[\[' "highlights present"
run "$KHABAR" search --db "$DB" standard input
has out "1 matching document" "stdin document searchable"
run "$KHABAR" search --db "$DB" --format json '"central bank" -rates'
has out 'in/e.html"' "phrase and exclusion"
hasnt out '"id":"j2"' "exclusion applied"
run "$KHABAR" search --db "$DB" --format json 'rain source:radio' --from 2016 --to 2016-07
has out '"id":"T-1"' "source and date filters (DD/MM/YYYY date)"
run "$KHABAR" search --db "$DB" --format json 'stock*'
has out '"total":1' "prefix"
hasnt out 'Home menu' "HTML navigation not indexed"
run "$KHABAR" search --db "$DB" --any --format json 'football weather nothingmatches'
has out '"total":2' "--any"
run "$KHABAR" search --db "$DB" --limit 1 --offset 1 وزير
has out "^2\. " "offset numbers the page"
run "$KHABAR" search --db "$DB" 'bank "unclosed'
expect_rc 2 "syntax error exit"
has err "byte 5" "syntax error names the byte"
run "$KHABAR" search --db "$DB" --color always bank
has out $'\033\[1;33m' "color when asked"
run "$KHABAR" search --db "$DB" bank
hasnt out $'\033' "no color off a terminal"
printf 'q1\tوزير\nq2\tbank\n# comment\n\nq3\t"unclosed\n' >"$T/q.tsv"
run "$KHABAR" search --db "$DB" --queries "$T/q.tsv" --warmup 10
expect_rc 0 "query file"
has out "^q1	1	" "query file output"
has err "latency_ms p50" "latency report"
has err "query_errors	1" "a bad query in the file is counted"
run "$KHABAR" search --db "$T/nonexistent.db" bank
expect_rc 1 "search on a missing file"

# ---- delete ----
run "$KHABAR" delete --db "$DB" j2 nosuchid
expect_rc 1 "delete with a missing id"
has out "deleted 1, not found 1" "delete counts"
run "$KHABAR" search --db "$DB" --format json bank
hasnt out '"id":"j2"' "deleted document gone"
run "$KHABAR" index --db "$DB" --optimize "$T/in/sub"
run "$KHABAR" stats --db "$DB"
has out "segments	1" "--optimize merges"
has out "deleted_unmerged	0" "--optimize purges deletes"

# ---- analyze: entities and canonical speakers (issue 5) ----
# Invented sentences: a full name then a surname, a variant spelling (وانج for
# وانغ) and an alias (الناتو for حلف شمال الأطلسي).
cat >"$T/ent.txt" <<'J'
لافروف ووانغ يبحثان الأزمة في موسكو
قال وزير الخارجية الروسي سيرغي لافروف إن بلاده مستعدة للحوار مع الجميع. وأضاف لافروف: "لن نقبل أي ضغوط من حلف شمال الأطلسي في هذه المرحلة".
من جهته، قال وزير الخارجية الصيني وانغ يي: "الحوار هو الطريق الوحيد لحل الأزمة". وأكد وانج أن بكين تدعم كل جهود السلام.
وقال متحدث باسم الناتو إن الحلف يتابع الوضع عن كثب.
J
run "$KHABAR" analyze "$T/ent.txt"
expect_rc 0 "analyze with entities"
has out '"entities":\[{"text":"لافروف","type":"PER","start":0,"end":12,"canonical":"سيرغي لافروف"}' "analyze: entity with its canonical name"
has out '"text":"الناتو","type":"ORG","start":[0-9]*,"end":[0-9]*,"canonical":"حلف شمال الأطلسي"' "analyze: an alias gets its canonical name"
has out '"speaker":"وانج","speaker_canonical":"وانغ يي"' "analyze: a variant speaker gets the canonical name"
has out '"speaker":"سيرغي لافروف","speaker_canonical":"سيرغي لافروف"' "analyze: speaker_canonical of a full name"
run "$KHABAR" analyze --no-entities "$T/ent.txt"
has out '"entities":\[\]' "analyze --no-entities"
run "$KHABAR" analyze --format text "$T/ent.txt"
has out '^وانج: (= وانغ يي)' "analyze text: canonical speaker shown"
has out '^entities: PER سيرغي لافروف (3)' "analyze text: entities listed"

echo "search cli tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
