#!/usr/bin/env bash
# run-cli-tests.sh - tests of the khabar command line, run by `make test`.
#
#   KHABAR=build/asan/khabar tests/run-cli-tests.sh
#
# Golden tests: every tests/golden/NAME.txt is run through `khabar tokens`
# and compared with NAME.tokens.tsv (and NAME.tokens.jsonl for --format json);
# tests/golden/regen.sh rewrites those files for review. Then the contract of
# the command itself: exit codes (0 ok, 1 error, 2 usage), invalid UTF-8 in
# lenient and strict mode, NUL bytes, empty input, a missing file, stdin, and
# a 100 MB single line that must finish in bounded memory.
#
# Work files go to build/cli-tests/. Ends with "N passed, N failed"; exits 1
# on any failure. KHABAR_BIG_MB (default 100) sizes the long-line test.
set -euo pipefail

cd "$(dirname "$0")/.."
: "${KHABAR:?set KHABAR to the khabar binary, e.g. KHABAR=build/asan/khabar}"
case $KHABAR in /*) ;; *) KHABAR=$PWD/$KHABAR ;; esac
if [ ! -x "$KHABAR" ]; then
    echo "$0: $KHABAR is not an executable" >&2
    exit 1
fi

T=build/cli-tests
rm -rf "$T"
mkdir -p "$T"

passed=0
failed=0
rc=0
pass() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    echo "FAIL: $*"
}
# Shows a captured file, indented, when a check fails.
show() { sed -n '1,20s/^/    /p' "$1"; }

# run CMD...: runs it with stdout in $T/out, stderr in $T/err, status in $rc.
run() {
    set +e
    "$@" >"$T/out" 2>"$T/err"
    rc=$?
    set -e
}

# check_offsets INPUT TSV: every token line has six fields, its surface is
# exactly the input's bytes [start, end), and tokens are in order.
check_offsets() {
    LC_ALL=C awk -F'\t' -v input="$1" '
        BEGIN {
            # the input as one string; a missing final newline only adds a byte past the end
            while ((getline line < input) > 0) text = text line "\n"
            size = length(text)
        }
        $0 == "" { next }
        NF != 6 { printf "line %d: %d fields\n", NR, NF; bad = 1; exit }
        {
            s = $5 + 0; e = $6 + 0
            if (s >= e || s < prev || e > size) {
                printf "line %d: bad offsets %d-%d (previous end %d)\n", NR, s, e, prev; bad = 1; exit
            }
            if (substr(text, s + 1, e - s) != $1) {
                printf "line %d: surface \"%s\" is not the input bytes %d-%d\n", NR, $1, s, e; bad = 1; exit
            }
            prev = e
        }
        END { exit bad }' "$2"
}

# has_token SURFACE START END FILE: FILE (TSV output) has that token line.
has_token() {
    LC_ALL=C awk -F'\t' -v s="$1" -v a="$2" -v b="$3" \
        '$1 == s && $5 == a && $6 == b { found = 1 } END { exit !found }' "$4"
}

# token_count_from_stats FILE: the number the --stats output gives for tokens.
token_count_from_stats() {
    grep -ioE '[0-9][0-9,]*[[:space:]]+tokens?\b|tokens?[^0-9]{0,20}[0-9][0-9,]*' "$1" |
        head -1 | grep -oE '[0-9][0-9,]*' | head -1 | tr -d ,
}

# ---- golden files --------------------------------------------------------

ngolden=0
for input in tests/golden/*.txt; do
    name=${input%.txt}
    ngolden=$((ngolden + 1))
    if [ ! -f "$name.tokens.tsv" ]; then
        fail "golden $input: no $name.tokens.tsv (run tests/golden/regen.sh KHABAR and review)"
        continue
    fi
    run "$KHABAR" tokens "$input"
    if [ "$rc" -ne 0 ] || [ -s "$T/err" ]; then
        fail "golden $input: exit $rc, stderr:"
        show "$T/err"
    elif ! diff -u "$name.tokens.tsv" "$T/out" >"$T/diff"; then
        fail "golden $input: output differs from $name.tokens.tsv:"
        sed -n '1,40p' "$T/diff"
    else
        pass
    fi
    if check_offsets "$input" "$T/out" >"$T/why"; then pass; else
        fail "golden $input: offsets: $(cat "$T/why")"
    fi
    if [ -f "$name.tokens.jsonl" ]; then
        run "$KHABAR" tokens --format json "$input"
        if [ "$rc" -ne 0 ]; then
            fail "golden $input --format json: exit $rc"
            show "$T/err"
        elif ! diff -u "$name.tokens.jsonl" "$T/out" >"$T/diff"; then
            fail "golden $input --format json: output differs from $name.tokens.jsonl:"
            sed -n '1,40p' "$T/diff"
        else
            pass
        fi
    fi
done
if [ ! -f tests/golden/seed-article.tokens.jsonl ]; then
    fail "golden: the seed article has no JSON expectation"
fi
if [ "$ngolden" -lt 4 ]; then fail "golden: only $ngolden inputs"; else pass; fi

# ---- output formats -------------------------------------------------------

seed=tests/golden/seed-article.txt
run "$KHABAR" tokens "$seed"
cp "$T/out" "$T/seed.tsv"
ntok=$(grep -c . "$T/seed.tsv" || true)
nsent=$(($(grep -c '^$' "$T/seed.tsv" || true) + 1))
# The seed has 20 lines and more than 20 sentences (line 7 holds two).
if [ "$ntok" -gt 400 ] && [ "$nsent" -ge 21 ]; then pass; else
    fail "tokens on the seed: $ntok tokens, $nsent sentences"
fi

run "$KHABAR" tokens --format json "$seed"
if [ "$rc" -eq 0 ] && [ "$(grep -c . "$T/out")" -eq "$ntok" ] &&
    ! grep -v '^$' "$T/out" | grep -qvE '^\{.*"surface":.*"normalized":.*"segmentation":.*"key":.*"start":[0-9]+.*"end":[0-9]+.*\}$'; then
    pass
else
    fail "--format json: exit $rc, or lines that are not one token object each with the six fields"
    show "$T/out"
fi
if command -v jq >/dev/null; then
    # Same tokens as the TSV, field for field.
    grep -v '^$' "$T/out" | jq -r '[.surface, .normalized, .segmentation, .key, (.start|tostring), (.end|tostring)] | join("\t")' >"$T/json.tsv" || true
    if grep -v '^$' "$T/seed.tsv" | diff -q - "$T/json.tsv" >/dev/null; then pass; else
        fail "--format json: fields differ from the TSV output"
        grep -v '^$' "$T/seed.tsv" | diff - "$T/json.tsv" | sed -n '1,10p'
    fi
fi

run "$KHABAR" tokens --stats "$seed"
n=$(token_count_from_stats "$T/out" || true)
if [ "$rc" -eq 0 ] && [ "${n:-x}" = "$ntok" ] && [ "$(wc -l <"$T/out")" -lt 20 ]; then pass; else
    fail "--stats: exit $rc, token count '${n:-none}' (expected $ntok), or more than counts:"
    show "$T/out"
fi

run "$KHABAR" tokens --strict "$seed"
if [ "$rc" -eq 0 ] && cmp -s "$T/out" "$T/seed.tsv"; then pass; else
    fail "--strict on valid text: exit $rc or output differs from the lenient run"
fi

# ---- stdin and several files ---------------------------------------------

run "$KHABAR" tokens - <"$seed"
if [ "$rc" -eq 0 ] && cmp -s "$T/out" "$T/seed.tsv"; then pass; else
    fail "tokens -: exit $rc or output differs from reading the file"
fi
run "$KHABAR" tokens <"$seed"
if [ "$rc" -eq 0 ] && cmp -s "$T/out" "$T/seed.tsv"; then pass; else
    fail "tokens with no FILE: exit $rc or output differs from reading the file"
fi

printf 'قال الرئيس.\n' >"$T/one.txt"
printf 'وقال الوزير.\n' >"$T/two.txt"
run "$KHABAR" tokens "$T/one.txt" "$T/two.txt"
# offsets restart in each file: الرئيس at 7-19 in one.txt, الوزير at 9-21 in two.txt
if [ "$rc" -eq 0 ] && has_token الرئيس 7 19 "$T/out" && has_token الوزير 9 21 "$T/out"; then
    pass
else
    fail "two files: exit $rc or offsets not relative to each file"
    show "$T/out"
fi

# ---- invalid UTF-8, NUL bytes, empty input -------------------------------

bad=$T/bad.txt
printf 'قال \377 الرئيس\n' >"$bad" # the bad byte is at offset 7
run "$KHABAR" tokens "$bad"
if [ "$rc" -eq 0 ] && grep -qF "$bad" "$T/err" && grep -qE '(^|[^0-9])7([^0-9]|$)' "$T/err"; then
    pass
else
    fail "lenient invalid UTF-8: exit $rc (want 0), or no warning naming $bad and byte 7:"
    show "$T/err"
fi
if has_token قال 0 6 "$T/out" && has_token الرئيس 9 21 "$T/out"; then pass; else
    fail "lenient invalid UTF-8: tokens around the bad byte lost or offsets moved"
    show "$T/out"
fi

run "$KHABAR" tokens --strict "$bad"
if [ "$rc" -eq 1 ] && grep -qF "$bad: byte 7: invalid UTF-8" "$T/err"; then pass; else
    fail "strict invalid UTF-8: exit $rc (want 1), or no '$bad: byte 7: invalid UTF-8' on stderr:"
    show "$T/err"
fi

run "$KHABAR" tokens --strict - <"$bad"
if [ "$rc" -eq 1 ] && grep -qE 'byte 7: invalid UTF-8' "$T/err"; then pass; else
    fail "strict invalid UTF-8 on stdin: exit $rc (want 1), stderr:"
    show "$T/err"
fi

printf 'قال\0الرئيس\0\0 2024\n' >"$T/nul.txt"
run "$KHABAR" tokens "$T/nul.txt"
if [ "$rc" -eq 0 ] && has_token قال 0 6 "$T/out" && has_token الرئيس 7 19 "$T/out" &&
    has_token 2024 22 26 "$T/out"; then
    pass
else
    fail "NUL bytes: exit $rc, or tokens/offsets wrong:"
    show "$T/out"
    show "$T/err"
fi

: >"$T/empty.txt"
run "$KHABAR" tokens "$T/empty.txt"
if [ "$rc" -eq 0 ] && [ ! -s "$T/out" ] && [ ! -s "$T/err" ]; then pass; else
    fail "empty input: exit $rc or output on stdout/stderr"
fi
run "$KHABAR" tokens - </dev/null
if [ "$rc" -eq 0 ] && [ ! -s "$T/out" ]; then pass; else fail "empty stdin: exit $rc or output"; fi

printf ' \n\n\t\r\n' >"$T/blank.txt"
run "$KHABAR" tokens "$T/blank.txt"
if [ "$rc" -eq 0 ] && [ ! -s "$T/out" ]; then pass; else fail "blank input: exit $rc or output"; fi

# ---- errors and usage ------------------------------------------------------

missing=$T/no-such-file.txt
run "$KHABAR" tokens "$missing"
if [ "$rc" -eq 1 ] && grep -qF "$missing" "$T/err"; then pass; else
    fail "missing file: exit $rc (want 1) or stderr does not name it:"
    show "$T/err"
fi

run "$KHABAR" tokens "$T/one.txt" "$missing"
if [ "$rc" -eq 1 ] && grep -qF "$missing" "$T/err"; then pass; else
    fail "missing second file: exit $rc (want 1) or stderr does not name it"
fi

run "$KHABAR" tokens --no-such-option "$seed"
if [ "$rc" -eq 2 ] && [ -s "$T/err" ]; then pass; else fail "bad option: exit $rc (want 2) or no message"; fi

run "$KHABAR" tokens --format xml "$seed"
if [ "$rc" -eq 2 ]; then pass; else fail "bad --format value: exit $rc (want 2)"; fi

run "$KHABAR" no-such-command
if [ "$rc" -eq 2 ] && [ -s "$T/err" ]; then pass; else fail "unknown command: exit $rc (want 2)"; fi

run "$KHABAR" --help
if [ "$rc" -eq 0 ] && [ -s "$T/out" ] && grep -q tokens "$T/out"; then pass; else
    fail "--help: exit $rc (want 0) or no usage naming 'tokens' on stdout"
fi

run "$KHABAR" tokens --help
if [ "$rc" -eq 0 ] && grep -q -- --strict "$T/out" && grep -q -- --format "$T/out"; then pass; else
    fail "tokens --help: exit $rc (want 0) or --strict/--format not described on stdout"
fi

# ---- analyze: who said what ------------------------------------------------

# The seed gold, matched in full (tests/golden/check_seed_gold.py says how).
run "$KHABAR" analyze "$seed"
if [ "$rc" -eq 0 ] && [ ! -s "$T/err" ] && [ "$(grep -c . "$T/out")" -eq 1 ]; then pass; else
    fail "analyze on the seed: exit $rc, stderr or not one line of output"
    show "$T/err"
fi
cp "$T/out" "$T/seed.analyze.json"
if command -v python3 >/dev/null; then
    if python3 tests/golden/check_seed_gold.py tests/golden/seed-article.gold.json \
        "$T/seed.analyze.json" >"$T/why"; then pass; else
        fail "analyze does not match the seed gold:"
        show "$T/why"
    fi
else
    fail "python3 is needed to check the seed gold"
fi

# JSON lines in, JSON lines out, one per record, offsets into the body.
{
    printf '{"id":"a","title":"عنوان","date":"2024-03-22","body":"وقال الوزير: \\"نحن مستعدون للحوار مع الجميع\\".\\nوأضاف أن الحوار مستمر أمس."}\n'
    printf '{"id":"b","content":"لا اقتباس هنا."}\n'
    printf '{"body":"مقال بلا معرف، وقال الوزير إن العمل مستمر."}\n'
} >"$T/in.jsonl"
run "$KHABAR" analyze --input jsonl "$T/in.jsonl"
if [ "$rc" -eq 0 ] && [ "$(grep -c . "$T/out")" -eq 3 ] && ! grep -q '"error"' "$T/out" &&
    tail -1 "$T/out" | grep -q '"kind":"reported"' && ! tail -1 "$T/out" | grep -q '"id"' && head -1 "$T/out" | grep -q '"offsets":"body"' &&
    head -1 "$T/out" | grep -q '"speaker":"الوزير"' && head -1 "$T/out" | grep -q '"id":"a"' &&
    head -1 "$T/out" | grep -q '"year":2024,"month":3,"day":21' &&
    head -1 "$T/out" | grep -q '"title":{"text":"عنوان","start":null'; then
    pass
else
    fail "analyze --input jsonl: exit $rc, or records, ids, offsets, speaker, title or resolved date wrong:"
    show "$T/out"
    show "$T/err"
fi
if command -v jq >/dev/null; then
    # offsets are bytes of the decoded body: the quote's text is those bytes
    body=$(head -1 "$T/in.jsonl" | jq -j .body)
    q=$(head -1 "$T/out" | jq -r '.quotes[] | select(.kind=="direct") | "\(.start) \(.end) \(.text)"')
    read -r qs qe qt <<<"$q"
    if [ "$(printf '%s' "$body" | tail -c +"$((qs + 1))" | head -c "$((qe - qs))")" = "$qt" ]; then
        pass
    else
        fail "analyze --input jsonl: quote offsets $qs-$qe are not bytes of the body"
    fi
fi
printf 'not json\n' >"$T/bad.jsonl"
run "$KHABAR" analyze --input jsonl - <"$T/bad.jsonl"
if [ "$rc" -eq 1 ] && grep -q 'line 1' "$T/err" && [ "$(grep -c . "$T/out")" -eq 1 ]; then pass; else
    fail "analyze --input jsonl on a bad record: exit $rc (want 1), no 'line 1' message or no placeholder line"
fi

run "$KHABAR" analyze --format text "$seed"
if [ "$rc" -eq 0 ] && grep -q '^وانغ يي:' "$T/out" && grep -q '^لافروف:' "$T/out"; then pass; else
    fail "analyze --format text: exit $rc or quotes not grouped under speakers"
    show "$T/out"
fi

# A web page: title and main text as khabar index reads them; the offsets
# count into the main text, which the output carries as "body".
cat >"$T/page.html" <<'EOF'
<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">
<title>الوزير يدعو إلى الحوار | موقع الأخبار</title>
<meta property="og:title" content="الوزير يدعو إلى الحوار">
<meta property="article:published_time" content="2024-03-22T09:00:00Z"></head>
<body><nav><a href="/">الرئيسية</a> <a href="/w">العالم</a></nav>
<div class="share-bar">شارك على فيسبوك</div>
<article><p>قال وزير الخارجية سامي فريد في مؤتمر صحفي اليوم: "نحن مستعدون للحوار مع الجميع دون شروط".</p>
<p>وأضاف فريد أن المحادثات ستستأنف الأسبوع المقبل في العاصمة، بحسب ما نقلت الوكالة.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>
EOF
run "$KHABAR" analyze --input html "$T/page.html"
if [ "$rc" -eq 0 ] && python3 - "$T/out" <<'EOF'; then pass; else
import json, sys
d = json.loads(open(sys.argv[1], encoding="utf-8").readline())
body = d["body"].encode()
assert d["title"]["text"] == "الوزير يدعو إلى الحوار", d["title"]
assert "شارك" not in d["body"] and "الحقوق" not in d["body"] and "الرئيسية" not in d["body"], d["body"]
q = [q for q in d["quotes"] if q["kind"] == "direct"]
assert len(q) == 1 and "سامي فريد" in q[0]["speaker"], q
assert body[q[0]["start"]:q[0]["end"]].decode() == q[0]["text"] == "نحن مستعدون للحوار مع الجميع دون شروط", q
r = [q for q in d["quotes"] if q["kind"] == "reported"]
assert r and body[r[0]["start"]:r[0]["end"]].decode() == r[0]["text"], r
EOF
    fail "analyze --input html: exit $rc, or title, body, boilerplate, quote or offsets wrong:"
    show "$T/out"
    show "$T/err"
fi
printf '<html><body></body></html>' >"$T/empty.html"
run "$KHABAR" analyze --input html "$T/empty.html"
if [ "$rc" -eq 1 ] && grep -q 'empty.html' "$T/err"; then pass; else
    fail "analyze --input html on a page without text: exit $rc (want 1) or no message naming the file"
fi
run "$KHABAR" analyze --help
if [ "$rc" -eq 0 ] && grep -q -- --input "$T/out" && grep -q jsonl "$T/out"; then pass; else
    fail "analyze --help: exit $rc or options not described"
fi
run "$KHABAR" analyze "$T/empty.txt"
if [ "$rc" -eq 0 ] && grep -q '"quotes":\[\]' "$T/out"; then pass; else
    fail "analyze on empty input: exit $rc or no empty result"
fi
run "$KHABAR" analyze "$T/nul.txt" "$bad"
if [ "$rc" -eq 0 ] && [ "$(grep -c . "$T/out")" -eq 2 ]; then pass; else
    fail "analyze on NUL bytes and invalid UTF-8: exit $rc or not one object per file"
fi

# ---- a 100 MB line -----------------------------------------------------------

# One line of Arabic words and nothing else, so the token count is exact.
# It must finish, and memory must stay bounded: a streaming command should not
# need the whole input's tokens at once (limit 2 GB RSS, under ASan).
big_mb=${KHABAR_BIG_MB:-100}
big=$T/big-line.txt
words='وقال الرئيس إن الحكومة ستواصل العمل مع الشركاء في المنطقة لتعزيز الاستقرار '
nwords=$(printf '%s' "$words" | wc -w)
nbytes=$(printf '%s' "$words" | wc -c)
reps=$((big_mb * 1000000 / nbytes))
{ yes "$words" || true; } | head -n "$reps" | tr -d '\n' >"$big"
printf '\n' >>"$big"
expect=$((reps * nwords))
limit_kb=2000000
if [ -x /usr/bin/time ]; then
    set +e
    timeout 1200 /usr/bin/time -f '%M %e' -o "$T/time" "$KHABAR" tokens --stats "$big" >"$T/out" 2>"$T/err"
    rc=$?
    set -e
    # GNU time puts "Command exited with ..." before the figures on failure
    read -r rss_kb secs < <(tail -n 1 "$T/time") || true
    rss_kb=${rss_kb//[!0-9]/}
else
    # No GNU time: sample the peak resident size from /proc while it runs.
    "$KHABAR" tokens --stats "$big" >"$T/out" 2>"$T/err" &
    pid=$!
    rss_kb=0 secs='?'
    while kill -0 "$pid" 2>/dev/null; do
        hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
        [ -n "$hwm" ] && [ "$hwm" -gt "$rss_kb" ] && rss_kb=$hwm
        sleep 0.2
    done
    set +e
    wait "$pid"
    rc=$?
    set -e
fi
n=$(token_count_from_stats "$T/out" || true)
echo "long line: ${big_mb} MB, exit $rc, ${n:-?} tokens (expected $expect), peak RSS ${rss_kb:-?} kB, ${secs:-?} s"
if [ "$rc" -eq 0 ]; then pass; else
    fail "long line: exit $rc"
    show "$T/err"
fi
if [ "${n:-x}" = "$expect" ]; then pass; else fail "long line: --stats counts ${n:-nothing}, expected $expect"; fi
if [ -n "${rss_kb:-}" ] && [ "$rss_kb" -lt "$limit_kb" ]; then pass; else
    fail "long line: peak RSS ${rss_kb:-unknown} kB, limit $limit_kb kB"
fi
rm -f "$big"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
