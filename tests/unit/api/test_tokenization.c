/*
** test_tokenization.c - token boundaries and classes (primer section 3.1-3.3).
**
** A token is a maximal run of one class; clitics stay inside their word for
** the segmenter. Numbers keep their separators, URLs, e-mails, hashtags and
** mentions stay whole, and every punctuation or quotation mark is a token of
** its own.
*/
#include "kt_api.h"

#define A KH_TOK_ARABIC
#define L KH_TOK_LATIN
#define N KH_TOK_NUMBER
#define P KH_TOK_PUNCT
#define Q KH_TOK_QUOTE

TEST(offsets_are_byte_offsets_into_the_input)
{
    kt_doc d;
    REQUIRE(DOC(&d, "قال 144 شخصا") == KH_OK);
    REQUIRE_EQ_INT(d.an->ntokens, 3);
    CHECK_EQ_INT(d.an->tokens[0].start, 0);
    CHECK_EQ_INT(d.an->tokens[0].end, 6);
    CHECK_EQ_INT(d.an->tokens[1].start, 7);
    CHECK_EQ_INT(d.an->tokens[1].end, 10);
    CHECK_EQ_INT(d.an->tokens[2].start, 11);
    CHECK_EQ_INT(d.an->tokens[2].end, 19);
    kt_doc_close(&d);
}

TEST(ascii_number_with_separators_is_one_token)
{
    CHECK_TOKENS("بلغ 1,000.5 دولار", {"بلغ", A}, {"1,000.5", N}, {"دولار", A});
    CHECK_TOKENS("نما 3.5 بالمئة", {"نما", A}, {"3.5", N}, {"بالمئة", A});
}

TEST(arabic_indic_number_with_its_separators_is_one_token)
{
    CHECK_TOKENS("بلغ ١٤٤٫٥ دولار", {"بلغ", A}, {"١٤٤٫٥", N}, {"دولار", A});
    CHECK_TOKENS("بلغ ١٬٠٠٠ دولار", {"بلغ", A}, {"١٬٠٠٠", N}, {"دولار", A});
    CHECK_TOKENS("بلغ ۱۲۳٫۵ دولار", {"بلغ", A}, {"۱۲۳٫۵", N}, {"دولار", A});
}

TEST(arabic_comma_between_arabic_indic_digits_stays_in_the_number)
{
    CHECK_TOKENS("بلغ ٣،٥ مليون", {"بلغ", A}, {"٣،٥", N}, {"مليون", A});
}

TEST(arabic_comma_after_a_number_is_punctuation)
{
    CHECK_TOKENS("قتل 144، وجرح", {"قتل", A}, {"144", N}, {"،", P}, {"وجرح", A});
}

TEST(number_digits_fold_in_norm)
{
    kt_word w = kt_word_of("١٤٤٫٥");
    REQUIRE_EQ_INT(w.ntokens, 1);
    CHECK(strncmp(w.norm, "144", 3) == 0);
}

TEST(percent_sign_is_part_of_the_number)
{
    CHECK_TOKENS("نسبة 50% فقط", {"نسبة", A}, {"50%", N}, {"فقط", A});
    CHECK_TOKENS("نسبة ٥٠٪ فقط", {"نسبة", A}, {"٥٠٪", N}, {"فقط", A});
    CHECK_TOKENS("نسبة ٪٥٠ فقط", {"نسبة", A}, {"٪٥٠", N}, {"فقط", A});
}

TEST(dates_and_times_are_one_token)
{
    CHECK_TOKENS("في 2024/03/22 الساعة 10:30", {"في", A}, {"2024/03/22", N}, {"الساعة", A},
                 {"10:30", N});
    CHECK_TOKENS("في 22-03-2024 صباحا", {"في", A}, {"22-03-2024", N}, {"صباحا", A});
    CHECK_TOKENS("الساعة ١٠:٣٠ مساء", {"الساعة", A}, {"١٠:٣٠", N}, {"مساء", A});
}

TEST(url_is_one_token)
{
    CHECK_TOKENS("زوروا https://example.org/ar/news?id=5 الآن", {"زوروا", A},
                 {"https://example.org/ar/news?id=5", KH_TOK_URL}, {"الآن", A});
    CHECK_TOKENS("موقع www.example.org للأخبار", {"موقع", A}, {"www.example.org", KH_TOK_URL},
                 {"للأخبار", A});
}

TEST(email_is_one_token)
{
    CHECK_TOKENS("راسلونا على name@example.org اليوم", {"راسلونا", A}, {"على", A},
                 {"name@example.org", KH_TOK_EMAIL}, {"اليوم", A});
}

TEST(hashtag_keeps_its_underscores)
{
    CHECK_TOKENS("تابعوا #غزة_الآن مباشرة", {"تابعوا", A}, {"#غزة_الآن", KH_TOK_HASHTAG},
                 {"مباشرة", A});
    CHECK_TOKENS("#COP28", {"#COP28", KH_TOK_HASHTAG});
}

TEST(mention_is_one_token)
{
    CHECK_TOKENS("نقلا عن @Reuters اليوم", {"نقلا", A}, {"عن", A}, {"@Reuters", KH_TOK_MENTION},
                 {"اليوم", A});
}

TEST(every_punctuation_mark_is_its_own_token)
{
    CHECK_TOKENS("قال، ثم؛ هل؟ نعم!", {"قال", A}, {"،", P}, {"ثم", A}, {"؛", P}, {"هل", A},
                 {"؟", P}, {"نعم", A}, {"!", P});
    CHECK_TOKENS("قال: (كلا) - نعم – لا — ربما.", {"قال", A}, {":", P}, {"(", P}, {"كلا", A},
                 {")", P}, {"-", P}, {"نعم", A}, {"–", P}, {"لا", A}, {"—", P}, {"ربما", A},
                 {".", P});
    CHECK_TOKENS("أولا,ثانيا;ثالثا?", {"أولا", A}, {",", P}, {"ثانيا", A}, {";", P}, {"ثالثا", A},
                 {"?", P});
}

TEST(ellipsis_is_one_token)
{
    CHECK_TOKENS("انتظر... ثم", {"انتظر", A}, {"...", P}, {"ثم", A});
    CHECK_TOKENS("انتظر\u2026 ثم", {"انتظر", A}, {"\u2026", P}, {"ثم", A});
}

TEST(every_quotation_mark_is_a_quote_token)
{
    /* " “ ” « » „ ' ‘ ’ ‹ › */
    const char *marks[] = {"\"", "\u201C", "\u201D", "\u00AB", "\u00BB", "\u201E",
                           "'",  "\u2018", "\u2019", "\u2039", "\u203A"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        char text[64];
        snprintf(text, sizeof text, "قال %sالناتو%s اليوم", marks[i], marks[i]);
        CHECK_TOKENS(text, {"قال", A}, {marks[i], Q}, {"الناتو", A}, {marks[i], Q}, {"اليوم", A});
    }
}

TEST(quote_glued_to_a_conjunction_is_split_off)
{
    /* The seed opens two quotes with U+201D glued to the conjunction waw. */
    kt_doc d;
    REQUIRE(DOC(&d, "و\u201Dأي دائرة") == KH_OK);
    long q = kt_find(&d, "\u201D");
    REQUIRE(q >= 0);
    CHECK_EQ_INT(d.an->tokens[q].kind, Q);
    CHECK_EQ_INT(d.an->tokens[q].start, 2);
    CHECK_EQ_INT(d.an->tokens[q].end, 5);
    CHECK(kt_find(&d, "أي") >= 0);
    kt_doc_close(&d);
}

TEST(detached_proclitic_with_tatweel_marks_the_next_token)
{
    const char *texts[] = {"وفقا لـ CNN", "بلغت بـ 50 مليونا", "جاء كـ ضيف"};
    const char *clitics[] = {"لـ", "بـ", "كـ"};
    for (size_t i = 0; i < 3; i++) {
        kt_doc d;
        if (DOC(&d, texts[i]) != KH_OK) {
            kt_doc_close(&d);
            continue;
        }
        long c = kt_find(&d, clitics[i]);
        if (c < 0 || (size_t)c + 1 >= d.an->ntokens) {
            FAIL("\"%s\": no token \"%s\" followed by another", texts[i], clitics[i]);
        } else {
            CHECK(d.an->tokens[c].flags & KH_TOKF_PREFIX);
            CHECK(!(d.an->tokens[c + 1].flags & KH_TOKF_PREFIX));
            CHECK(!(d.an->tokens[0].flags & KH_TOKF_PREFIX));
        }
        kt_doc_close(&d);
    }
}

TEST(hijri_year_marker_is_not_a_proclitic)
{
    kt_doc d;
    REQUIRE(DOC(&d, "عام 1445 هـ الموافق 2024") == KH_OK);
    long h = kt_find(&d, "هـ");
    REQUIRE(h >= 0);
    CHECK(!(d.an->tokens[h].flags & KH_TOKF_PREFIX));
    kt_doc_close(&d);
}

TEST(no_prefix_flag_without_a_detached_proclitic)
{
    kt_doc d;
    REQUIRE(DOC(&d, "وقال لافروف للصحفيين في موسكو") == KH_OK);
    for (size_t i = 0; i < d.an->ntokens; i++)
        CHECK(!(d.an->tokens[i].flags & KH_TOKF_PREFIX));
    kt_doc_close(&d);
}

TEST(decorative_tatweel_keeps_the_word_whole)
{
    CHECK_TOKENS("قال الـــرئيس", {"قال", A}, {"الـــرئيس", A});
}

TEST(clitics_stay_inside_the_token)
{
    CHECK_TOKENS("وللتواصل الاجتماعي", {"وللتواصل", A}, {"الاجتماعي", A});
}

TEST(hyphen_between_letters_and_digits_stays_inside)
{
    CHECK_TOKENS("جائحة كوفيد-19 انتهت", {"جائحة", A}, {"كوفيد-19", 0}, {"انتهت", A});
}

TEST(latin_words_are_latin_tokens)
{
    CHECK_TOKENS("قالت Reuters إن CNN", {"قالت", A}, {"Reuters", L}, {"إن", A}, {"CNN", L});
}

TEST(latin_word_glued_to_arabic_is_split_by_script)
{
    CHECK_TOKENS("شركةApple", {"شركة", A}, {"Apple", L});
}

TEST(letter_dot_chains_are_abbreviations)
{
    CHECK_TOKENS("نقلت أ.ف.ب الخبر", {"نقلت", A}, {"أ.ف.ب", KH_TOK_ABBREV}, {"الخبر", A});
    CHECK_TOKENS("قال د. أحمد", {"قال", A}, {"د.", KH_TOK_ABBREV}, {"أحمد", A});
    CHECK_TOKENS("ذكرت د.ب.أ", {"ذكرت", A}, {"د.ب.أ", KH_TOK_ABBREV});
}

TEST(symbols_are_tokens)
{
    CHECK_TOKENS("سعر $ أو € فقط", {"سعر", A}, {"$", KH_TOK_SYMBOL}, {"أو", A},
                 {"\u20AC", KH_TOK_SYMBOL}, {"فقط", A});
}
