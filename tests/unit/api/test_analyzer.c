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
