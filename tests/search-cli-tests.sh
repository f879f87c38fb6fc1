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

# ---- index --extract: entities, facets, entity:, quotes (issues 4 and 5) ----
cat >"$T/ent2.txt" <<'J'
الناتو يعقد اجتماعا طارئا في بروكسل
قال الأمين العام للحلف إن الحلف سيعزز وجوده في شرق أوروبا. وأضاف: "لن نسمح بأي تهديد لأعضاء الحلف".
J
cat >"$T/ent3.txt" <<'J'
محادثات اقتصادية في الرياض
أكد وزير المالية أن الاقتصاد ينمو بوتيرة جيدة هذا العام. وقال: "نتوقع نموا أكبر".
J
XDB=$T/extract.db
run "$KHABAR" index --help
has out "--extract" "index --help describes --extract"
run "$KHABAR" index --db "$XDB" --extract --no-progress "$T/ent.txt" "$T/ent2.txt" "$T/ent3.txt"
expect_rc 0 "index --extract"
run "$KHABAR" stats --db "$XDB"
has out "^extract	1" "stats: extraction on"
has out "^quotes	[1-9]" "stats: quotations counted"
run "$KHABAR" stats --db "$DB"
has out "^extract	0" "stats: extraction off"
run "$KHABAR" search --db "$XDB" --facets قال
expect_rc 0 "search --facets"
has out "^  ORG  حلف شمال الأطلسي  2 documents, 3 mentions" "facets: an alias and the full name counted as one entity"
has out "^  PER  وانغ يي  1 document, 3 mentions" "facets: variant spellings merged"
run "$KHABAR" search --db "$XDB" --format json --facets=2 قال
has out '"facets":\[{"name":"حلف شمال الأطلسي","type":"ORG","docs":2,"mentions":3},{' "facets in JSON"
run "$KHABAR" search --db "$XDB" --format json 'entity:الناتو'
has out '"total":2' "entity: with an alias"
run "$KHABAR" search --db "$XDB" --format json 'entity:وانج'
has out '"total":1,' "entity: with a spelling variant"
has out '"id":"'"$T"'/ent.txt"' "entity: finds the right document"
run "$KHABAR" search --db "$XDB" --format json قال 'entity:الناتو' -entity:بكين
has out '"total":1,' "-entity: excludes"
hasnt out 'ent.txt"' "-entity: excludes the document with the entity"
run "$KHABAR" search --db "$XDB" 'entity:'
expect_rc 2 "entity: without a name"
run "$KHABAR" quotes --help
has out "--speaker" "quotes --help"
run "$KHABAR" quotes --db "$XDB" --speaker 'سيرجي لافروف'
expect_rc 0 "quotes --speaker"
has out "^2 quotations" "quotes --speaker with a variant spelling"
run "$KHABAR" quotes --db "$XDB" --speaker وانج --format json السلام
has out '"total":1,' "quotes --speaker and words"
has out '"id":"[^"]*ent.txt","title":"لافروف ووانغ يبحثان الأزمة في موسكو","kind":"reported","text":"أن بكين تدعم كل جهود السلام","start":[0-9]*,"end":[0-9]*,"speaker":"وانج","speaker_canonical":"وانغ يي","speaker_start":[0-9]*,"speaker_end":[0-9]*,"cue":"وأكد","confidence":' "quotes JSON fields"
if command -v jq >/dev/null; then
    # offsets are bytes of the stored body: the file without its headline line
    s=$(jq -r '.hits[0].start' "$T/out") e=$(jq -r '.hits[0].end' "$T/out") t=$(jq -r '.hits[0].text' "$T/out")
    if [ "$(tail -n +2 "$T/ent.txt" | tail -c +"$((s + 1))" | head -c "$((e - s))")" = "$t" ]; then ok; else
        bad "quotes: offsets $s-$e are not bytes of the stored body"
    fi
fi
run "$KHABAR" quotes --db "$XDB" الحوار
has out "^2 quotations" "quotes by words alone"
run "$KHABAR" quotes --db "$XDB"
expect_rc 2 "quotes with nothing to look for"
# re-indexing replaces a document's entities and quotes; delete removes them
printf 'خبر جديد\nلا أسماء هنا ولا اقتباسات.\n' >"$T/ent.txt"
run "$KHABAR" index --db "$XDB" --no-progress "$T/ent.txt"
has err "(1 replaced)" "re-index without the flag on a database that extracts"
run "$KHABAR" search --db "$XDB" --format json 'entity:وانج'
has out '"total":0' "replacing a document drops its old entities"
run "$KHABAR" quotes --db "$XDB" --speaker لافروف
has out "^0 quotations" "replacing a document drops its old quotes"
run "$KHABAR" delete --db "$XDB" "$T/ent2.txt"
run "$KHABAR" search --db "$XDB" --format json 'entity:الناتو'
has out '"total":0' "delete drops the document's entities"
run "$KHABAR" quotes --db "$XDB" أعضاء
has out "^0 quotations" "delete drops the document's quotes"
# a database indexed without --extract says what to do
run "$KHABAR" search --db "$DB" --facets bank
expect_rc 2 "facets without stored entities"
has err "no entities stored: index with --extract" "facets: clear error"
run "$KHABAR" search --db "$DB" 'entity:الناتو'
has err "no entities stored: index with --extract" "entity:: clear error"
run "$KHABAR" quotes --db "$DB" --speaker لافروف
expect_rc 2 "quotes without stored quotations"
has err "no quotations stored: index with --extract" "quotes: clear error"

echo "search cli tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
