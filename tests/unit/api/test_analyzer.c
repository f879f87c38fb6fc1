/*
** test_analyzer.c - the analyzer handle and the calls around it: creation and
** freeing, argument checks, the 4 GiB limit, borrowed results that stay
** valid until the next call, the input buffer never written nor read past
** its length, version and error strings.
*/
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE for the 4 GiB test */

#include "kt_api.h"

#include <stdlib.h>
#include <sys/mman.h>

TEST(input_need_not_be_nul_terminated)
{
    /* An exact-size heap copy: reading one byte past it is a sanitizer error. */
    const char *s = "قال الرئيس";
    size_t n = strlen(s);
    uint8_t *buf = malloc(n);
    REQUIRE(buf);
    kt_defer(KT, free, buf);
    memcpy(buf, s, n);
    kt_doc d;
    CHECK_EQ_INT(DOC_LEN(&d, buf, n, 0), KH_OK);
    if (d.an) CHECK_EQ_INT(d.an->ntokens, 2);
    kt_doc_close(&d);
}

TEST(input_is_never_written)
{
    static const char text[] = "وقال لافروف: \u201Cإن تعاوننا سيستمر\u201D. \xFF ﻻ ١٤٤٫٥";
    char copy[sizeof text], orig[sizeof text];
    memcpy(copy, text, sizeof text);
    memcpy(orig, text, sizeof text);
    kt_doc d;
    CHECK_EQ_INT(DOC_LEN(&d, copy, sizeof copy - 1, 0), KH_OK);
    CHECK(memcmp(copy, orig, sizeof copy) == 0);
    kt_doc_close(&d);
}

TEST(null_arguments_are_rejected_with_einval)
{
    kh_analyzer *a = kt_analyzer(KT, 0);
    const kh_analysis *an = NULL;
    CHECK_EQ_INT(kh_analyzer_new(NULL, NULL), KH_EINVAL);
    REQUIRE(a);
    CHECK_EQ_INT(kh_analyze(NULL, (const uint8_t *)"x", 1, &an), KH_EINVAL);
    CHECK_EQ_INT(kh_analyze(a, (const uint8_t *)"x", 1, NULL), KH_EINVAL);
    CHECK_EQ_INT(kh_analyze(a, NULL, 5, &an), KH_EINVAL);
    kh_status st = kh_analyze(a, NULL, 0, &an); /* nothing to read: either answer is fair */
    CHECK(st == KH_OK || st == KH_EINVAL);
}

TEST(input_of_4_gib_is_rejected_with_elimit)
{
    /* Offsets are uint32_t; the check must come before any byte is read, so a
    ** lazily mapped zero region is enough. */
    size_t n = (size_t)1 << 32;
    kh_analyzer *a = kt_analyzer(KT, 0);
    const kh_analysis *an = NULL;
    REQUIRE(a);
    void *p = mmap(NULL, n, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    REQUIRE(p != MAP_FAILED);
    CHECK_EQ_INT(kh_analyze(a, p, n, &an), KH_ELIMIT);
    CHECK_EQ_INT(kh_analyzer_error(a)->status, KH_ELIMIT);
    munmap(p, n);
}

TEST(strerror_is_never_null)
{
    for (int s = KH_OK; s <= KH_ESYNTAX + 5; s++) {
        const char *m = kh_strerror((kh_status)s);
        if (!m || !m[0]) FAIL("kh_strerror(%d) is %s", s, m ? "empty" : "NULL");
    }
    CHECK(strcmp(kh_strerror(KH_ENOMEM), kh_strerror(KH_EUTF8)) != 0);
}

TEST(version_matches_the_header)
{
    CHECK_EQ_STR(kh_version(), KH_VERSION_STRING);
}

TEST(freeing_null_is_a_no_op)
{
    kh_analyzer_free(NULL);
}

TEST(last_error_is_ok_on_a_fresh_analyzer)
{
    kh_analyzer *a = kt_analyzer(KT, 0);
    REQUIRE(a);
    CHECK_EQ_INT(kh_analyzer_error(a)->status, KH_OK);
}

TEST(reusing_an_analyzer_gives_the_same_result)
{
    const char *t1 = "وقال لافروف إن روسيا والصين ستواصلان المناقشة.";
    const char *t2 = "عنوان\nنص آخر مختلف تماما؟";
    kh_analyzer *a = kt_analyzer(KT, 0), *b = kt_analyzer(KT, 0);
    const kh_analysis *an = NULL;
    REQUIRE(a && b);
    REQUIRE(kh_analyze(b, (const uint8_t *)t1, strlen(t1), &an) == KH_OK);
    uint64_t fresh = kt_digest(an);
    REQUIRE(kh_analyze(a, (const uint8_t *)t1, strlen(t1), &an) == KH_OK);
    CHECK(kt_digest(an) == fresh);
    REQUIRE(kh_analyze(a, (const uint8_t *)t2, strlen(t2), &an) == KH_OK);
    CHECK_EQ_INT(an->nsentences, 2);
    kt_check_invariants(KT, __FILE__, __LINE__, (const uint8_t *)t2, strlen(t2), an);
    REQUIRE(kh_analyze(a, (const uint8_t *)t1, strlen(t1), &an) == KH_OK);
    CHECK(kt_digest(an) == fresh);
}

/* n pseudo-words (clitic-like beginnings and endings around random letters,
** distinct for distinct seeds), each written twice: the whole list, then the
** list again. */
static char *churn_text(uint32_t seed, size_t n, size_t *len)
{
    static const char *const pre[] = {"", "و", "ال", "وال", "ب", "لل", "س", "ف"};
    static const char *const suf[] = {"", "ها", "هم", "ة", "ات", "ون"};
    static const char *const let[] = {"ب", "ت", "ر", "س", "ع", "ق", "ك", "م",
                                      "ن", "ه", "ي", "ل", "ج", "د", "ف", "ص"};
    size_t cap = 2 * n * 48 + 1, o = 0;
    char *s = malloc(cap);
    if (!s) return NULL;
    for (int pass = 0; pass < 2; pass++) {
        uint32_t x = seed;
        for (size_t i = 0; i < n; i++) {
            x = x * 1664525u + 1013904223u;
            o += (size_t)sprintf(s + o, "%s", pre[x >> 29]);
            /* the index in base 16, so words are distinct, then a letter or two */
            for (size_t v = i + 1; v; v >>= 4)
                o += (size_t)sprintf(s + o, "%s", let[v & 15]);
            o += (size_t)sprintf(s + o, "%s%s ", let[(x >> 8) & 15], suf[(x >> 12) % 6]);
        }
    }
    *len = o;
    return s;
}

TEST(word_cache_never_changes_an_analysis)
{
    /* More distinct words than the cache holds, so entries are evicted and
    ** reused while the same analyzer works through them again. */
    enum { N = 300000 };
    size_t lt, lu;
    char *t = churn_text(7, N, &lt), *u = churn_text(11, N, &lu);
    if (t) kt_defer(KT, free, t);
    if (u) kt_defer(KT, free, u);
    REQUIRE(t && u);
    kh_analyzer *a = kt_analyzer(KT, 0);
    REQUIRE(a);
    const kh_analysis *an = NULL;
    REQUIRE(kh_analyze(a, (const uint8_t *)t, lt, &an) == KH_OK);
    REQUIRE_EQ_INT(an->ntokens, 2 * N);
    /* the second writing of a word (likely served from the cache) equals the first */
    size_t bad = 0;
    for (size_t i = 0; i < N && bad < 5; i++) {
        const kh_token *x = &an->tokens[i], *y = &an->tokens[i + N];
        int same = x->nsegs == y->nsegs && strcmp(x->norm, y->norm) == 0 &&
                   strcmp(x->seg, y->seg) == 0 && strcmp(x->key, y->key) == 0;
        for (uint32_t k = 0; same && k < x->nsegs; k++)
            same = x->segs[k].start - x->start == y->segs[k].start - y->start &&
                   x->segs[k].end - x->start == y->segs[k].end - y->start &&
                   x->segs[k].role == y->segs[k].role &&
                   strcmp(x->segs[k].text, y->segs[k].text) == 0;
        if (!same) {
            FAIL("word %zu: %s / %s differs from its repetition %s / %s", i, x->seg, x->key, y->seg,
                 y->key);
            bad++;
        }
    }
    uint64_t first = kt_digest(an);
    REQUIRE(kh_analyze(a, (const uint8_t *)u, lu, &an) == KH_OK);
    REQUIRE(kh_analyze(a, (const uint8_t *)t, lt, &an) == KH_OK);
    CHECK(kt_digest(an) == first);
}
