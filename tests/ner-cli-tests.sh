#!/usr/bin/env bash
# ner-cli-tests.sh - tests of `khabar ner` and `khabar train-ner`, run by
# `make test`.
#
#   KHABAR=build/asan/khabar tests/ner-cli-tests.sh
#
# Self-contained: the training data is a few sentences written here, and
# tagging raw text uses the built-in model only for what any model must do
# (one tag per token, valid tags, offsets that point at the entity's bytes,
# exit codes). Work files go to build/ner-cli-tests/. Ends with
# "N passed, N failed"; exits 1 on any failure.
set -euo pipefail

cd "$(dirname "$0")/.."
: "${KHABAR:?set KHABAR to the khabar binary, e.g. KHABAR=build/asan/khabar}"
case $KHABAR in /*) ;; *) KHABAR=$PWD/$KHABAR ;; esac
[ -x "$KHABAR" ] || { echo "$0: $KHABAR is not an executable" >&2; exit 1; }

T=build/ner-cli-tests
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
show() { sed -n '1,15s/^/    /p' "$1"; }
run() {
    set +e
    "$@" >"$T/out" 2>"$T/err"
    rc=$?
    set -e
}
expect_rc() { # expect_rc CODE WHAT
    if [ "$rc" -eq "$1" ]; then pass; else
        fail "$2: exit $rc, expected $1"
        show "$T/err"
    fi
}

# ---- training data written for this test -----------------------------------
cat >"$T/train.conll" <<'EOF'
قال	O
سيرغي	B-PER
لافروف	I-PER
في	O
موسكو	B-LOC
.	O

وصل	O
لافروف	B-PER
إلى	O
بكين	B-LOC
.	O

أعلن	O
حلف	B-ORG
الناتو	I-ORG
أنه	O
سيجتمع	O
.	O

ذكرت	O
رويترز	B-ORG
أن	O
الدولار	B-MISC
ارتفع	O
.	O

EOF

# ---- train-ner ------------------------------------------------------------
run "$KHABAR" train-ner --train "$T/train.conll" --dev "$T/train.conll" --model "$T/m.khm" \
    --bits 12 --epochs 8
expect_rc 0 "train-ner"
if grep -q 'dev P .* F1 1.0000' "$T/err"; then pass; else
    fail "train-ner: the training data, used as dev, is not learned perfectly"
    show "$T/err"
fi
[ -s "$T/m.khm" ] && pass || fail "train-ner wrote no model"

# document features: a first stage over held-out blocks, two passes to tag
run "$KHABAR" train-ner --train "$T/train.conll" --dev "$T/train.conll" --model "$T/md.khm" \
    --bits 12 --epochs 8 --features base,gaz,clusters,pairs,doc --dropout 0.1
expect_rc 0 "train-ner --features ...,doc --dropout 0.1"
run "$KHABAR" ner --model "$T/md.khm" --conll "$T/train.conll"
expect_rc 0 "ner with a model with document features"
if [ "$(grep -c . "$T/out")" = "$(grep -c . "$T/train.conll")" ]; then pass; else
    fail "ner with document features: not one tag per token"
fi
run "$KHABAR" train-ner --train "$T/train.conll" --model "$T/x.khm" --dropout 1
expect_rc 2 "train-ner --dropout 1"

run "$KHABAR" train-ner --train "$T/train.conll" --model "$T/m2.khm" --bits 12 --epochs 8
expect_rc 0 "train-ner without dev"
if cmp -s "$T/m.khm" "$T/m2.khm"; then pass; else
    # with dev the best epoch is kept, so compare two runs without dev instead
    run "$KHABAR" train-ner --train "$T/train.conll" --model "$T/m3.khm" --bits 12 --epochs 8
    if cmp -s "$T/m2.khm" "$T/m3.khm"; then pass; else fail "train-ner is not reproducible"; fi
fi

printf 'قال\tO\nسيرغي\tB-PERSON\n' >"$T/badtag.conll"
run "$KHABAR" train-ner --train "$T/badtag.conll" --model "$T/x.khm"
expect_rc 1 "train-ner with an unknown tag"
grep -q 'line 2' "$T/err" && pass || fail "train-ner: the bad tag's line is not named"

run "$KHABAR" train-ner --train "$T/train.conll"
expect_rc 2 "train-ner without --model"
run "$KHABAR" train-ner --train "$T/train.conll" --model "$T/x.khm" --bits 99
expect_rc 2 "train-ner --bits 99"
run "$KHABAR" train-ner --help
expect_rc 0 "train-ner --help"

# ---- ner --conll with the model just trained --------------------------------
run "$KHABAR" ner --model "$T/m.khm" --conll "$T/train.conll"
expect_rc 0 "ner --conll"
if cmp -s "$T/out" "$T/train.conll"; then pass; else
    fail "ner --conll does not give back the training tags"
    diff "$T/train.conll" "$T/out" | head -10 || true
fi

# same tokens, same sentence breaks, whatever the columns: no tag column,
# CRLF, a DOCSTART line, a token the analyzer cuts in two
printf -- '-DOCSTART-\r\n\r\n(د\r\nب\r\nأ)\r\n\r\nلافروف\r\n' >"$T/plain.conll"
run "$KHABAR" ner --model "$T/m.khm" --conll "$T/plain.conll"
expect_rc 0 "ner --conll on plain tokens"
got=$(cut -f1 "$T/out" | tr '\n' ' ')
if [ "$got" = "(د ب أ)  لافروف  " ]; then pass; else fail "ner --conll tokens: '$got'"; fi

run "$KHABAR" ner --model "$T/m.khm" --format json --conll "$T/train.conll"
expect_rc 0 "ner --conll --format json"
grep -q '"first":1,"last":2' "$T/out" && pass || fail "ner --conll json: no token indices"

# each -DOCSTART- document is tagged on its own: a club the first article
# names (النصر) does not make the word a name in the next (victory), as the
# document-wide step would if the file were one document
printf -- '-DOCSTART-\n\n%s\n\n%s\n' "$(printf '%s\n' وتغلب النصر على الترجي بهدفين .)" \
    "$(printf '%s\n' وقال مدرب النصر إن الفوز مستحق .)" >"$T/docA.conll"
printf -- '-DOCSTART-\n\n%s\n' "$(printf '%s\n' وقال إن النصر كبير في موسكو .)" >"$T/docB.conll"
cat "$T/docA.conll" - "$T/docB.conll" <<<'' >"$T/docAB.conll"
run "$KHABAR" ner --conll "$T/docAB.conll"
expect_rc 0 "ner --conll with two documents"
cp "$T/out" "$T/ab.out"
run "$KHABAR" ner --conll "$T/docA.conll"
cp "$T/out" "$T/a.out"
run "$KHABAR" ner --conll "$T/docB.conll"
cat "$T/a.out" "$T/out" >"$T/a-b.out"
if cmp -s "$T/ab.out" "$T/a-b.out"; then pass; else
    fail "ner --conll: two documents tagged together differ from each alone"
    diff "$T/a-b.out" "$T/ab.out" | head -6 || true
fi
run "$KHABAR" ner --format json --conll "$T/docAB.conll"
# موسكو is the file's 19th token, the second document's 6th
grep -q '"text":"موسكو","type":"LOC","first":18,"last":18' "$T/out" && pass ||
    fail "ner --conll json: token indices of the second document"

# ---- raw text with the built-in model -------------------------------------
text='وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن حلف الناتو يهدد روسيا.'
printf '%s\n' "$text" >"$T/raw.txt"
run "$KHABAR" ner "$T/raw.txt"
expect_rc 0 "ner on raw text"
ntok=$(grep -c . "$T/out" || true)
if [ "$ntok" -eq 14 ]; then pass; else fail "ner tsv: $ntok token lines, expected 14"; fi
bad=$(awk -F'\t' 'NF && ($2 !~ /^(O|[BI]-(PER|ORG|LOC|MISC))$/ || NF != 2)' "$T/out" | wc -l)
[ "$bad" -eq 0 ] && pass || fail "ner tsv: $bad malformed lines"

# a weekday ends a name: the tagger may run one on into it (كولومب الخميس)
printf '%s\n' 'قال وزير الداخلية الفرنسي جيرار كولومب الخميس إن بلاده تقدم عددا كبيرا.' >"$T/day.txt"
run "$KHABAR" ner "$T/day.txt"
expect_rc 0 "ner on a name before a weekday"
grep -q "$(printf 'كولومب\t[BI]-PER')" "$T/out" && grep -q "$(printf 'الخميس\tO')" "$T/out" && pass ||
    { fail "ner: the weekday after a name is tagged as the name's"; show "$T/out"; }

# one key, two names: غانا and غينيا differ in more than one weak letter
printf '%s\n' 'وصل الرئيس الفرنسي إلى غانا أمس بعد زيارة إلى غينيا استمرت يومين.' >"$T/gg.txt"
run "$KHABAR" ner --format json "$T/gg.txt"
expect_rc 0 "ner on two places of one key"
grep -q '"name":"غانا","type":"LOC","key":"[^"]*","mentions":1' "$T/out" &&
    grep -q '"name":"غينيا","type":"LOC"' "$T/out" && pass ||
    { fail "ner: غانا and غينيا merged"; show "$T/out"; }

run "$KHABAR" ner --format json - <"$T/raw.txt"
expect_rc 0 "ner --format json from stdin"
# every entity's start/end must point at its text in the input
LC_ALL=C awk -v input="$T/raw.txt" '
    BEGIN { getline text < input; text = text "\n" }
    {
        s = $0
        while (match(s, /"text":"[^"]*","type":"[A-Z]+","start":[0-9]+,"end":[0-9]+/)) {
            m = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
            split(m, f, "\"")
            t = f[4]; split(m, n, /[:,]/)
            st = n[6] + 0; en = n[8] + 0
            if (substr(text, st + 1, en - st) != t) { print "entity " t " at " st; bad = 1 }
            count++
        }
    }
    END { if (!count) { print "no entities"; bad = 1 } exit bad }' "$T/out" >"$T/check" &&
    pass || { fail "ner json: offsets do not point at the entity text"; show "$T/check"; }
grep -q '"names":\[{"name":' "$T/out" && pass || fail "ner json: no names"

: >"$T/empty.txt"
run "$KHABAR" ner "$T/empty.txt"
expect_rc 0 "ner on an empty file"
[ ! -s "$T/out" ] && pass || fail "ner on an empty file printed something"

# ---- errors -------------------------------------------------------------------
run "$KHABAR" ner --model "$T/no-such-model.khm" "$T/raw.txt"
expect_rc 1 "ner with a missing model"
head -c 100 "$T/m.khm" >"$T/truncated.khm"
run "$KHABAR" ner --model "$T/truncated.khm" "$T/raw.txt"
expect_rc 1 "ner with a truncated model"
grep -q 'byte [0-9]' "$T/err" && pass || { fail "ner: no byte offset for a corrupt model"; show "$T/err"; }
run "$KHABAR" ner "$T/no-such-file.txt"
expect_rc 1 "ner with a missing input"
run "$KHABAR" ner --format xml "$T/raw.txt"
expect_rc 2 "ner --format xml"
run "$KHABAR" ner --conll "$T/train.conll" "$T/raw.txt"
expect_rc 2 "ner --conll with another file"
run "$KHABAR" ner --help
expect_rc 0 "ner --help"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
