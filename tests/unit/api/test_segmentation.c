/*
** test_segmentation.c - clitic segmentation inside a token (primer section 4).
**
** Proclitics come in the order wa/fa, then bi/ka/li or sa, then al; enclitic
** pronouns close the word. Segment text is the segment as a word: marks and
** tatweel removed, spelling restored at the seam (a teh before an enclitic
** reads teh marbuta again). Each segment's span is its bytes in the input;
** for al after li (two lams) the span is the second lam only. Letters that
** only look like clitics - in names and ordinary words - must stay in the
** stem.
*/
#include "kt_api.h"

/* Checks segment i of the single token of w: text, span and role. */
static void check_segment(kt_ctx *kt_, int line, const kt_doc *d, uint32_t i, const char *text,
                          uint32_t start, uint32_t end, uint32_t role)
{
    const kh_token *t = &d->an->tokens[0];
    if (i >= t->nsegs) {
        kt_fail(kt_, __FILE__, line, "no segment %u in \"%s\"", i, t->seg);
        return;
    }
    const kh_segment *s = &t->segs[i];
    if (strcmp(s->text, text) != 0 || s->start != start || s->end != end || s->role != role)
        kt_fail(kt_, __FILE__, line,
                "segment %u is \"%s\" [%u,%u) role %u, expected \"%s\" [%u,%u) role %u", i, s->text,
                s->start, s->end, s->role, text, start, end, role);
}

#define CHECK_SEGMENT(d, i, text, start, end, role)                                                \
    check_segment(KT, __LINE__, (d), (i), (text), (start), (end), (role))

TEST(conjunction_preposition_and_article_are_split_with_spans)
{
    /* wa [0,2), li [2,4), al = the second lam [4,6), stem [6,16). */
    kt_doc d;
    REQUIRE(DOC(&d, "وللتواصل") == KH_OK);
    REQUIRE_EQ_INT(d.an->ntokens, 1);
    CHECK_EQ_STR(d.an->tokens[0].seg, "و+ل+ال+تواصل");
    REQUIRE_EQ_INT(d.an->tokens[0].nsegs, 4);
    CHECK_SEGMENT(&d, 0, "و", 0, 2, KH_SEG_PROCLITIC);
    CHECK_SEGMENT(&d, 1, "ل", 2, 4, KH_SEG_PROCLITIC);
    CHECK_SEGMENT(&d, 2, "ال", 4, 6, KH_SEG_PROCLITIC);
    CHECK_SEGMENT(&d, 3, "تواصل", 6, 16, KH_SEG_STEM);
    kt_doc_close(&d);
}

TEST(teh_marbuta_is_restored_before_an_enclitic)
{
    /* stem bytes [0,10) end in teh but read teh marbuta; enclitic [10,14). */
    kt_doc d;
    REQUIRE(DOC(&d, "حكومتها") == KH_OK);
    REQUIRE_EQ_INT(d.an->ntokens, 1);
    CHECK_EQ_STR(d.an->tokens[0].seg, "حكومة+ها");
    REQUIRE_EQ_INT(d.an->tokens[0].nsegs, 2);
    CHECK_SEGMENT(&d, 0, "حكومة", 0, 10, KH_SEG_STEM);
    CHECK_SEGMENT(&d, 1, "ها", 10, 14, KH_SEG_ENCLITIC);
    kt_doc_close(&d);
    CHECK_SEG("إرادتها", "إرادة+ها");
    CHECK_SEG("مسؤوليتها", "مسؤولية+ها");
    CHECK_SEG("ولايته", "ولاية+ه");
    CHECK_SEG("والحكومة", "و+ال+حكومة");
}

TEST(alef_maksura_is_restored_before_an_enclitic)
{
    CHECK_SEG("لديهم", "لدى+هم");
    CHECK_SEG("عليه", "على+ه");
    CHECK_SEG("إليه", "إلى+ه");
}

TEST(article_after_lam_is_written_with_one_alefless_lam)
{
    CHECK_SEG("للحكومة", "ل+ال+حكومة");
    CHECK_SEG("للطاقة", "ل+ال+طاقة");
    CHECK_SEG("للغة", "ل+ال+لغة");
}

TEST(preposition_and_article_are_split)
{
    CHECK_SEG("وبالطبع", "و+ب+ال+طبع");
    CHECK_SEG("بالقرب", "ب+ال+قرب");
    CHECK_SEG("كالعادة", "ك+ال+عادة");
    CHECK_SEG("فالرئيس", "ف+ال+رئيس");
}

TEST(preposition_on_an_indefinite_noun_is_split)
{
    CHECK_SEG("لإجراء", "ل+إجراء");
    CHECK_SEG("لأوكرانيا", "ل+أوكرانيا");
    CHECK_SEG("بإسرائيل", "ب+إسرائيل");
}

TEST(future_marker_is_split_before_an_imperfect_verb)
{
    CHECK_SEG("سيعززان", "س+يعززان");
    CHECK_SEG("ستواصلان", "س+تواصلان");
    CHECK_SEG("سيسافر", "س+يسافر");
    CHECK_SEG("وسيقول", "و+س+يقول");
}

TEST(conjunction_fa_is_split)
{
    CHECK_SEG("فقال", "ف+قال");
}

TEST(enclitic_pronouns_are_split)
{
    CHECK_SEG("نظيره", "نظير+ه");
    CHECK_SEG("غزوها", "غزو+ها");
    CHECK_SEG("تعاوننا", "تعاون+نا");
    CHECK_SEG("كتابهم", "كتاب+هم");
    CHECK_SEG("وجهها", "وجه+ها");
    CHECK_SEG("بلادكم", "بلاد+كم");
    CHECK_SEG("دورهما", "دور+هما");
}

TEST(article_alone_is_split)
{
    CHECK_SEG("الولايات", "ال+ولايات");
    CHECK_SEG("الحكومة", "ال+حكومة");
}

TEST(segment_text_drops_marks_and_tatweel)
{
    CHECK_SEG("الـــرئيس", "ال+رئيس");
    CHECK_SEG("وَالحُكُومَةُ", "و+ال+حكومة");
}

TEST(names_are_not_cut)
{
    const char *names[] = {"وانغ", "بكين", "لبنان", "بوتين", "حسين", "واشنطن", "فلسطين", "فرنسا"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        CHECK_SEG(names[i], names[i]);
}

TEST(words_that_only_look_like_clitics_are_not_cut)
{
    const char *words[] = {"سكان", "فكرة", "سلام", "مياه", "اتجاه", "شريك",  "قضية", "وجه",
                           "وزير", "وطن",  "لجنة", "كامل", "سيد",   "التقى", "مشترك"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        CHECK_SEG(words[i], words[i]);
}

TEST(unsegmented_tokens_have_one_stem_segment)
{
    const char *words[] = {"2024", "CNN", "،", "بكين"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        kt_doc d;
        if (DOC(&d, words[i]) != KH_OK || d.an->ntokens != 1) {
            FAIL("\"%s\" is not one token", words[i]);
            kt_doc_close(&d);
            continue;
        }
        const kh_token *t = &d.an->tokens[0];
        CHECK_EQ_INT(t->nsegs, 1);
        CHECK_EQ_INT(t->segs[0].start, t->start);
        CHECK_EQ_INT(t->segs[0].end, t->end);
        kt_doc_close(&d);
    }
}

TEST(segment_spans_stay_on_original_bytes_with_marks)
{
    /* waw + fatha is 4 bytes, so the article starts at byte 4. */
    kt_doc d;
    REQUIRE(DOC(&d, "وَالحُكُومَةُ") == KH_OK);
    REQUIRE_EQ_INT(d.an->ntokens, 1);
    REQUIRE_EQ_INT(d.an->tokens[0].nsegs, 3);
    CHECK_EQ_INT(d.an->tokens[0].segs[0].start, 0);
    CHECK_EQ_INT(d.an->tokens[0].segs[1].start, 4);
    CHECK_EQ_INT(d.an->tokens[0].segs[2].end, strlen("وَالحُكُومَةُ"));
    kt_doc_close(&d);
}

TEST(words_that_only_look_like_clitics_stay_whole)
{
    /* كما "as", لقد "indeed", ولي "guardian" (ولي العهد): never و+ل+ي */
    CHECK_SEG("كما", "كما");
    CHECK_SEG("لقد", "لقد");
    CHECK_SEG("ولي", "ولي");
    CHECK_SEG("ووتش", "ووتش"); /* هيومن رايتس ووتش */
    CHECK_SEG("وليس", "و+ليس");
}
