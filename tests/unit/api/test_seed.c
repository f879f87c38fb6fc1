/*
** test_seed.c - the seed article, read against what the primer says of it.
**
** The primer cites seed byte ranges (seed@N-M) for its examples; each is
** checked here through the public API on tests/golden/seed-article.txt (the
** project's founding document, the one corpus text the tests may hold).
** The runner starts in the repo root, so the path is relative to it.
*/
#include "kt_api.h"

#include <stdlib.h>

#define SEED_PATH "tests/golden/seed-article.txt"

/* Reads the seed into a malloc'ed buffer the runner frees after the test. */
static char *read_seed(kt_ctx *kt_, size_t *len)
{
    FILE *f = fopen(SEED_PATH, "rb");
    char *buf = NULL;
    *len = 0;
    if (!f) {
        FAIL("cannot open %s (run from the repo root)", SEED_PATH);
        return NULL;
    }
    buf = malloc(8192);
    if (buf) {
        *len = fread(buf, 1, 8192, f);
        kt_defer(kt_, free, buf);
    }
    fclose(f);
    if (buf && *len != 4664) FAIL("%s is %zu bytes, the seed is 4664", SEED_PATH, *len);
    return buf;
}

/* The token that spans exactly [start, end), or -1 (reported). */
static long token_spanning(kt_ctx *kt_, int line, const kt_doc *d, uint32_t start, uint32_t end)
{
    for (size_t i = 0; i < d->an->ntokens; i++)
        if (d->an->tokens[i].start == start && d->an->tokens[i].end == end) return (long)i;
    kt_fail(kt_, __FILE__, line, "no token spans seed@%u-%u", start, end);
    return -1;
}

/* Checks the token at seed@start-end: its segmentation. */
static void check_seed_seg(kt_ctx *kt_, int line, const kt_doc *d, uint32_t start, uint32_t end,
                           const char *seg)
{
    long i = token_spanning(kt_, line, d, start, end);
    if (i >= 0 && strcmp(d->an->tokens[i].seg, seg) != 0)
        kt_fail(kt_, __FILE__, line, "seed@%u-%u segmented \"%s\", expected \"%s\"", start, end,
                d->an->tokens[i].seg, seg);
}

#define CHECK_SEED_SEG(d, s, e, seg) check_seed_seg(KT, __LINE__, (d), (s), (e), (seg))

TEST(seed_keeps_every_invariant)
{
    size_t len;
    char *seed = read_seed(KT, &len);
    REQUIRE(seed);
    kt_doc d;
    REQUIRE(DOC_LEN(&d, seed, len, 0) == KH_OK);
    CHECK_EQ_INT(d.an->ninvalid, 0);
    CHECK(d.an->ntokens > 400);
    kt_doc_close(&d);
    REQUIRE(DOC_LEN(&d, seed, len, KH_OPT_STRICT_UTF8) == KH_OK);
    kt_doc_close(&d);
}

TEST(seed_has_23_sentences_with_headline_and_subheadings_alone)
{
    /* 20 lines; line 7 holds three sentences (a full stop inside a quote
    ** ends one), line 15 two. Headline seed@0-84, subheadings seed@1168-1193
    ** and seed@2695-2739 end at their line ends. */
    size_t len;
    char *seed = read_seed(KT, &len);
    REQUIRE(seed);
    kt_doc d;
    REQUIRE(DOC_LEN(&d, seed, len, 0) == KH_OK);
    CHECK_EQ_INT(d.an->nsentences, 23);
    int found[3] = {0, 0, 0};
    const uint32_t spans[3][2] = {{0, 84}, {1168, 1193}, {2695, 2739}};
    for (size_t k = 0; k < d.an->nsentences; k++)
        for (int j = 0; j < 3; j++)
            if (d.an->sentences[k].start == spans[j][0] && d.an->sentences[k].end == spans[j][1])
                found[j] = 1;
    for (int j = 0; j < 3; j++)
        if (!found[j]) FAIL("no sentence spans seed@%u-%u", spans[j][0], spans[j][1]);
    kt_doc_close(&d);
}

TEST(seed_third_quote_splits_into_two_sentences_at_its_full_stop)
{
    /* The full stop inside seed@1496-1664: a sentence starts at the word after it. */
    size_t len;
    char *seed = read_seed(KT, &len);
    REQUIRE(seed);
    kt_doc d;
    REQUIRE(DOC_LEN(&d, seed, len, 0) == KH_OK);
    const char *nahnu = strstr(seed, "نحن نتفق");
    REQUIRE(nahnu);
    uint32_t off = (uint32_t)(nahnu - seed);
    int starts = 0;
    for (size_t k = 0; k < d.an->nsentences; k++)
        starts += d.an->sentences[k].start == off;
    if (!starts) FAIL("no sentence starts at seed@%u (نحن)", off);
    kt_doc_close(&d);
}

TEST(seed_words_segment_as_the_primer_shows)
{
    size_t len;
    char *seed = read_seed(KT, &len);
    REQUIRE(seed);
    kt_doc d;
    REQUIRE(DOC_LEN(&d, seed, len, 0) == KH_OK);
    CHECK_SEED_SEG(&d, 4583, 4599, "و+ل+ال+تواصل"); /* wa-li-l-tawasul */
    CHECK_SEED_SEG(&d, 1339, 1353, "و+ب+ال+طبع");   /* wa-bi-l-tab' */
    CHECK_SEED_SEG(&d, 4356, 4368, "ل+إجراء");      /* li-ijra' */
    CHECK_SEED_SEG(&d, 3607, 3621, "س+يعززان");     /* sa-yu'azzizan */
    CHECK_SEED_SEG(&d, 319, 335, "س+تواصلان");      /* sa-tuwasilan */
    CHECK_SEED_SEG(&d, 160, 170, "نظير+ه");         /* nazir-uhu */
    CHECK_SEED_SEG(&d, 721, 731, "غزو+ها");         /* ghazw-uha */
    CHECK_SEED_SEG(&d, 4074, 4088, "تعاون+نا");     /* ta'awun-una */
    CHECK_SEED_SEG(&d, 3490, 3508, "مسؤولية+ها");   /* mas'uliyyat-uha */
    kt_doc_close(&d);
}

TEST(seed_tanween_word_keeps_its_eight_bytes)
{
    /* maan at seed@2900-2908 (with tanween) has a 6-byte key and keeps all 8 bytes. */
    size_t len;
    char *seed = read_seed(KT, &len);
    REQUIRE(seed);
    kt_doc d;
    REQUIRE(DOC_LEN(&d, seed, len, 0) == KH_OK);
    long i = token_spanning(KT, __LINE__, &d, 2900, 2908);
    if (i >= 0) CHECK_EQ_STR(d.an->tokens[i].key, "معا");
    i = token_spanning(KT, __LINE__, &d, 3868, 3871); /* 144 */
    if (i >= 0) CHECK_EQ_INT(d.an->tokens[i].kind, KH_TOK_NUMBER);
    kt_doc_close(&d);
}

TEST(seed_quote_glued_to_conjunction_is_its_own_token)
{
    /* seed@1751-1760: waw, then U+201D at 1753-1756, then the quoted word. */
    size_t len;
    char *seed = read_seed(KT, &len);
    REQUIRE(seed);
    kt_doc d;
    REQUIRE(DOC_LEN(&d, seed, len, 0) == KH_OK);
    long q = token_spanning(KT, __LINE__, &d, 1753, 1756);
    if (q >= 0) CHECK_EQ_INT(d.an->tokens[q].kind, KH_TOK_QUOTE);
    token_spanning(KT, __LINE__, &d, 1756, 1760);
    kt_doc_close(&d);
}

TEST(every_prefix_of_the_seed_keeps_every_invariant)
{
    /* Cutting at every byte puts the end inside a UTF-8 sequence, a word, a
    ** clitic and a quote in turn; one handle serves every prefix. */
    size_t len;
    char *seed = read_seed(KT, &len);
    REQUIRE(seed);
    kh_analyzer *a = kt_analyzer(KT, 0);
    REQUIRE(a);
    for (size_t n = 0; n <= len && kt_ok(KT); n += 1) {
        const kh_analysis *an = NULL;
        kh_status st = kh_analyze(a, (const uint8_t *)seed, n, &an);
        if (st != KH_OK) {
            FAIL("prefix of %zu bytes: %s", n, kh_strerror(st));
            break;
        }
        kt_check_invariants(KT, __FILE__, __LINE__, (const uint8_t *)seed, n, an);
        if (!kt_ok(KT)) FAIL("... on the prefix of %zu bytes", n);
    }
}
