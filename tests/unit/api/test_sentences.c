/*
** test_sentences.c - sentence boundaries (primer section 3.4).
**
** Terminators are . U+061F ? ! and the end of a line (headlines and subheadings
** carry no final mark). Abbreviations, decimal points and U+061B do not end a
** sentence. A terminator belongs to the sentence it ends.
*/
#include "kt_api.h"

/* Checks that text splits into sentences starting with the given words, in
** order; the list ends with NULL. */
static void check_sentences(kt_ctx *kt_, int line, const char *text, const char *const *firsts)
{
    kt_doc d;
    char want[1024], got[1024], s[128];
    size_t n = 0, wu = 0, gu = 0;
    int ok = 1;
    if (kt_doc_open(kt_, __FILE__, line, &d, text, strlen(text), 0) != KH_OK) {
        kt_fail(kt_, __FILE__, line, "kh_analyze: %s", kh_strerror(d.st));
        kt_doc_close(&d);
        return;
    }
    want[0] = got[0] = 0;
    for (; firsts[n]; n++) {
        wu += (size_t)snprintf(want + wu, sizeof want - wu, " [%s ...]", firsts[n]);
        if (n >= d.an->nsentences ||
            strcmp(kt_surface(&d, d.an->sentences[n].first, s, sizeof s), firsts[n]) != 0)
            ok = 0;
    }
    if (n != d.an->nsentences) ok = 0;
    if (!ok) {
        for (size_t k = 0; k < d.an->nsentences && gu < sizeof got - 1; k++) {
            const kh_sentence *se = &d.an->sentences[k];
            gu += (size_t)snprintf(got + gu, sizeof got - gu, " [%.*s]", (int)(se->end - se->start),
                                   text + se->start);
        }
        kt_fail(kt_, __FILE__, line, "sentences of \"%s\":\n  got: %s\n want: %s", text, got, want);
    }
    kt_doc_close(&d);
}

#define CHECK_SENTENCES(text, ...)                                                                 \
    check_sentences(KT, __LINE__, (text), (const char *const[]){__VA_ARGS__, NULL})

TEST(full_stop_question_and_exclamation_marks_end_sentences)
{
    CHECK_SENTENCES("عاد الوزير. هل انتهى الاجتماع؟ نعم! شكرا", "عاد", "هل", "نعم", "شكرا");
    CHECK_SENTENCES("هل انتهى? نعم.", "هل", "نعم");
}

TEST(terminator_belongs_to_the_sentence_it_ends)
{
    kt_doc d;
    REQUIRE(DOC(&d, "عاد الوزير. ثم غادر.") == KH_OK);
    REQUIRE_EQ_INT(d.an->nsentences, 2);
    CHECK_EQ_INT(d.an->sentences[0].ntokens, 3);
    CHECK_EQ_INT(d.an->sentences[0].end, strlen("عاد الوزير."));
    CHECK_EQ_INT(d.an->sentences[1].ntokens, 3);
    kt_doc_close(&d);
}

TEST(line_end_closes_a_headline)
{
    CHECK_SENTENCES("لافروف يلتقي نظيره الصيني\nوكان لافروف قد التقى نظيره اليوم.", "لافروف",
                    "وكان");
}

TEST(line_end_closes_a_subheading_between_paragraphs)
{
    CHECK_SENTENCES("قال الوزير إن المحادثات مستمرة.\nمواجهة الحلف\nوأضاف أن الحوار ضروري.", "قال",
                    "مواجهة", "وأضاف");
}

TEST(crlf_line_ends_close_a_headline_too)
{
    CHECK_SENTENCES("عنوان الخبر\r\nنص الخبر هنا.\r\n", "عنوان", "نص");
}

TEST(blank_lines_make_no_empty_sentences)
{
    CHECK_SENTENCES("\n\nأولا.\n\n\n  \nثانيا.\n\n", "أولا", "ثانيا");
}

TEST(doctor_abbreviation_does_not_end_a_sentence)
{
    CHECK_SENTENCES("قال د. أحمد إن الوضع مستقر.", "قال");
    CHECK_SENTENCES("حاضر أ.د. سامي في الجامعة.", "حاضر");
    CHECK_SENTENCES("صمم م. خالد الجسر.", "صمم");
}

TEST(agency_abbreviation_does_not_end_a_sentence)
{
    CHECK_SENTENCES("نقلت أ.ف.ب عن مصدر أن الاجتماع انتهى.", "نقلت");
    CHECK_SENTENCES("وذكرت د.ب.أ أن الوفد وصل.", "وذكرت");
}

TEST(decimal_point_does_not_end_a_sentence)
{
    CHECK_SENTENCES("ارتفع المؤشر 3.5 بالمئة اليوم.", "ارتفع");
}

TEST(arabic_semicolon_does_not_end_a_sentence)
{
    CHECK_SENTENCES("رفض الاقتراح؛ لأنه غير واقعي.", "رفض");
}

TEST(arabic_comma_does_not_end_a_sentence)
{
    CHECK_SENTENCES("وقال لافروف، بعد محادثات، إن روسيا ستواصل.", "وقال");
}

TEST(full_stop_inside_a_quotation_ends_the_sentence)
{
    CHECK_SENTENCES("وأضاف: \u201Cهذا هدف. نحن نتفق\u201D.", "وأضاف", "نحن");
}

TEST(repeated_terminators_end_one_sentence)
{
    CHECK_SENTENCES("حقا؟! نعم.", "حقا", "نعم");
    CHECK_SENTENCES("ماذا؟؟؟ لا أعرف!!", "ماذا", "لا");
}

TEST(text_without_a_terminator_is_one_sentence)
{
    CHECK_SENTENCES("لا يجب أن يبسط الحلف يده", "لا");
}

TEST(every_token_points_at_its_sentence)
{
    kt_doc d;
    REQUIRE(DOC(&d, "أولا. ثانيا؟\nثالثا") == KH_OK);
    REQUIRE_EQ_INT(d.an->nsentences, 3);
    for (size_t k = 0; k < d.an->nsentences; k++) {
        const kh_sentence *s = &d.an->sentences[k];
        for (uint32_t i = s->first; i < s->first + s->ntokens; i++)
            CHECK_EQ_INT(d.an->tokens[i].sentence, k);
    }
    kt_doc_close(&d);
}
