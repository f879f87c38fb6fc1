/*
** test_errors.c - invalid UTF-8, NUL bytes and empty input: the inputs a
** news pipeline meets on bad days.
**
** Lenient mode replaces each invalid sequence, counts it and keeps its bytes
** inside the offsets; strict mode refuses the input with KH_EUTF8 and the
** byte offset, and the handle stays usable.
*/
#include "kt_api.h"

/* A token that contains byte off, or -1. */
static long token_at(const kt_doc *d, size_t off)
{
    for (size_t i = 0; i < d->an->ntokens; i++)
        if (d->an->tokens[i].start <= off && off < d->an->tokens[i].end) return (long)i;
    return -1;
}

TEST(invalid_utf8_is_replaced_and_counted_in_lenient_mode)
{
    static const char text[] = "قال \xFF الوزير";
    kt_doc d;
    REQUIRE(DOC_LEN(&d, text, sizeof text - 1, 0) == KH_OK);
    CHECK_EQ_INT(d.an->ninvalid, 1);
    CHECK_EQ_INT(d.an->first_invalid, 7);
    long t = token_at(&d, 7);
    if (t < 0)
        FAIL("no token keeps the invalid byte at 7 in its offsets");
    else
        CHECK(d.an->tokens[t].flags & KH_TOKF_INVALID);
    long r = kt_find(&d, "الوزير");
    REQUIRE(r >= 0);
    CHECK_EQ_STR(d.an->tokens[r].norm, "الوزير");
    CHECK(!(d.an->tokens[r].flags & KH_TOKF_INVALID));
    CHECK(kt_find(&d, "قال") == 0);
    kt_doc_close(&d);
}

TEST(invalid_byte_inside_a_word_flags_the_word_and_keeps_offsets)
{
    static const char text[] = "قال الرئي\xFFس اليوم";
    kt_doc d;
    REQUIRE(DOC_LEN(&d, text, sizeof text - 1, 0) == KH_OK);
    CHECK_EQ_INT(d.an->ninvalid, 1);
    CHECK_EQ_INT(d.an->first_invalid, 17);
    long t = token_at(&d, 17);
    REQUIRE(t >= 0);
    CHECK(d.an->tokens[t].flags & KH_TOKF_INVALID);
    CHECK(kt_find(&d, "اليوم") >= 0);
    kt_doc_close(&d);
}

TEST(each_invalid_sequence_is_counted)
{
    static const char text[] = "أ\xFFب \xFE ج";
    kt_doc d;
    REQUIRE(DOC_LEN(&d, text, sizeof text - 1, 0) == KH_OK);
    CHECK_EQ_INT(d.an->ninvalid, 2);
    CHECK_EQ_INT(d.an->first_invalid, 2);
    kt_doc_close(&d);
}

TEST(truncated_sequence_at_the_end_is_invalid)
{
    static const char text[] = "قال \xD8";
    kt_doc d;
    REQUIRE(DOC_LEN(&d, text, sizeof text - 1, 0) == KH_OK);
    CHECK_EQ_INT(d.an->ninvalid, 1);
    CHECK_EQ_INT(d.an->first_invalid, 7);
    kt_doc_close(&d);
}

/* Malformed sequences every decoder must refuse, each placed after "ab". */
static const struct {
    const char *bytes;
    const char *what;
} malformed[] = {
    {"\xC0\xAF", "overlong slash"},
    {"\xE0\x80\xAF", "overlong three-byte"},
    {"\xED\xA0\x80", "UTF-16 surrogate"},
    {"\xF4\x90\x80\x80", "above U+10FFFF"},
    {"\xF8\x88\x80\x80\x80", "five-byte form"},
    {"\x80", "lone continuation byte"},
    {"\xE2\x82", "truncated before a space"},
    {"\xC3\x28", "lead byte without continuation"},
};

TEST(utf8_validator_finds_the_first_bad_byte)
{
    for (size_t i = 0; i < sizeof malformed / sizeof malformed[0]; i++) {
        char buf[32];
        size_t off = 99;
        int n = snprintf(buf, sizeof buf, "ab%s cd", malformed[i].bytes);
        if (kh_utf8_valid((const uint8_t *)buf, (size_t)n, &off) != 0 || off != 2)
            FAIL("%s: valid=%d off=%zu", malformed[i].what,
                 kh_utf8_valid((const uint8_t *)buf, (size_t)n, NULL), off);
    }
}

TEST(utf8_validator_accepts_valid_text)
{
    static const char text[] = "قال \xF0\x9F\x98\x80 \xEF\xBB\xBF \0 end";
    size_t off = 99;
    CHECK_EQ_INT(kh_utf8_valid((const uint8_t *)text, sizeof text - 1, &off), 1);
    CHECK_EQ_INT(kh_utf8_valid((const uint8_t *)text, 0, NULL), 1);
    /* "قال" cut inside its second letter is not valid */
    CHECK_EQ_INT(kh_utf8_valid((const uint8_t *)text, 3, &off), 0);
    CHECK_EQ_INT(off, 2);
}

TEST(malformed_sequences_are_replaced_in_lenient_mode)
{
    for (size_t i = 0; i < sizeof malformed / sizeof malformed[0]; i++) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "ab%s cd", malformed[i].bytes);
        kt_doc d;
        if (DOC_LEN(&d, buf, (size_t)n, 0) != KH_OK) {
            FAIL("%s: %s", malformed[i].what, kh_strerror(d.st));
        } else {
            if (d.an->ninvalid < 1 || d.an->first_invalid != 2)
                FAIL("%s: ninvalid=%zu first_invalid=%llu", malformed[i].what, d.an->ninvalid,
                     (unsigned long long)d.an->first_invalid);
            if (kt_find(&d, "cd") < 0) FAIL("%s: the word after it is lost", malformed[i].what);
        }
        kt_doc_close(&d);
    }
}

TEST(strict_mode_rejects_invalid_utf8_with_its_offset)
{
    static const char text[] = "قال \xFF الوزير";
    kt_doc d;
    CHECK_EQ_INT(DOC_LEN(&d, text, sizeof text - 1, KH_OPT_STRICT_UTF8), KH_EUTF8);
    REQUIRE(d.a);
    const kh_error *e = kh_analyzer_error(d.a);
    REQUIRE(e);
    CHECK_EQ_INT(e->status, KH_EUTF8);
    CHECK_EQ_INT(e->offset, 7);
    CHECK(e->message[0] != 0);
    CHECK(memchr(e->message, 0, sizeof e->message) != NULL);
    kt_doc_close(&d);
}

TEST(strict_mode_reports_each_malformed_sequence)
{
    for (size_t i = 0; i < sizeof malformed / sizeof malformed[0]; i++) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "ab%s cd", malformed[i].bytes);
        kt_doc d;
        kh_status st = DOC_LEN(&d, buf, (size_t)n, KH_OPT_STRICT_UTF8);
        if (st != KH_EUTF8 || !d.a || kh_analyzer_error(d.a)->offset != 2)
            FAIL("%s: status %s, offset %llu", malformed[i].what, kh_strerror(st),
                 d.a ? (unsigned long long)kh_analyzer_error(d.a)->offset : 0ull);
        kt_doc_close(&d);
    }
}

TEST(strict_mode_accepts_valid_text)
{
    kt_doc d;
    CHECK_EQ_INT(DOC_LEN(&d, "قال الرئيس.", strlen("قال الرئيس."), KH_OPT_STRICT_UTF8), KH_OK);
    if (d.an) CHECK_EQ_INT(d.an->ntokens, 3);
    kt_doc_close(&d);
}

TEST(analyzer_works_again_after_a_strict_failure)
{
    static const char bad[] = "قال \xFF";
    kh_analyzer *a = kt_analyzer(KT, KH_OPT_STRICT_UTF8);
    const kh_analysis *an = NULL;
    REQUIRE(a);
    CHECK_EQ_INT(kh_analyze(a, (const uint8_t *)bad, sizeof bad - 1, &an), KH_EUTF8);
    CHECK_EQ_INT(kh_analyze(a, (const uint8_t *)"قال الرئيس", strlen("قال الرئيس"), &an), KH_OK);
    if (an) CHECK_EQ_INT(an->ntokens, 2);
}

TEST(nul_bytes_separate_tokens_and_keep_offsets)
{
    static const char text[] = "قال\0الوزير\0\0 2024";
    kt_doc d;
    REQUIRE(DOC_LEN(&d, text, sizeof text - 1, 0) == KH_OK);
    REQUIRE_EQ_INT(d.an->ntokens, 3);
    CHECK_EQ_INT(d.an->tokens[0].end, 6);
    CHECK_EQ_INT(d.an->tokens[1].start, 7);
    CHECK_EQ_INT(d.an->tokens[1].end, 19);
    CHECK_EQ_STR(d.an->tokens[1].norm, "الوزير");
    CHECK_EQ_INT(d.an->tokens[2].start, 22);
    kt_doc_close(&d);
}

TEST(nul_bytes_alone_give_no_tokens)
{
    static const char text[] = "\0\0\0\0";
    kt_doc d;
    REQUIRE(DOC_LEN(&d, text, 4, 0) == KH_OK);
    CHECK_EQ_INT(d.an->ntokens, 0);
    CHECK_EQ_INT(d.an->ninvalid, 0);
    kt_doc_close(&d);
}

TEST(empty_input_gives_no_tokens_and_no_sentences)
{
    kt_doc d;
    REQUIRE(DOC_LEN(&d, "", 0, 0) == KH_OK);
    CHECK_EQ_INT(d.an->ntokens, 0);
    CHECK_EQ_INT(d.an->nsentences, 0);
    CHECK_EQ_INT(d.an->ninvalid, 0);
    kt_doc_close(&d);
    REQUIRE(DOC_LEN(&d, "", 0, KH_OPT_STRICT_UTF8) == KH_OK);
    CHECK_EQ_INT(d.an->ntokens, 0);
    kt_doc_close(&d);
}

TEST(whitespace_only_input_gives_no_tokens)
{
    kt_doc d;
    REQUIRE(DOC(&d, " \n\t\r\n \u00A0 \u200B\n") == KH_OK);
    CHECK_EQ_INT(d.an->ntokens, 0);
    CHECK_EQ_INT(d.an->nsentences, 0);
    kt_doc_close(&d);
}
