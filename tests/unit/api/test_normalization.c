/*
** test_normalization.c - the norm and key of one token (primer sections 1, 2).
**
** norm is the whole token folded in the primer's order: NFC, presentation
** forms to base letters, controls dropped, marks dropped, tatweel dropped,
** alef variants to bare alef, alef maksura to yeh, teh marbuta to heh, waw
** and yeh hamza to waw and yeh, Persian look-alikes to Arabic letters, digits
** to ASCII, Latin case folded. Because that order is fully specified, norm is
** checked for exact values; keys add
** segmentation and light stemming, so they are mostly checked by equality
** between spellings that must meet.
*/
#include "kt_api.h"

TEST(tatweel_is_removed_from_key)
{
    CHECK_NORM("الـــوزير", "الوزير");
    CHECK_SAME_KEY("الـــرئيس", "الرئيس");
    CHECK_SAME_KEY("الحكـومة", "الحكومة");
}

TEST(harakat_are_removed_from_key)
{
    CHECK_NORM("مَدْرَسَةٌ", "مدرسه");
    CHECK_NORM("معًا", "معا");
    CHECK_SAME_KEY("الرَّئِيسُ", "الرئيس");
    CHECK_SAME_KEY("مَدْرَسَةٌ", "مدرسة");
}

TEST(superscript_alef_and_quranic_marks_are_removed)
{
    CHECK_NORM("الرحمٰن", "الرحمن");       /* U+0670 */
    CHECK_NORM("الكتاب\u06D6", "الكتاب"); /* small high ligature sad-lam-alef-maksura */
    CHECK_NORM("محمد\u0610", "محمد");     /* honorific sign above */
    CHECK_NORM("كتاب\u08F0", "كتاب");     /* Extended-A open fathatan */
}

TEST(tanween_keeps_offsets_of_the_original_bytes)
{
    /* maan with tanween fath is 8 bytes; its key is 6; the token spans all 8. */
    kt_word w = kt_word_of("معًا");
    REQUIRE_EQ_INT(w.ntokens, 1);
    CHECK_EQ_INT(w.start, 0);
    CHECK_EQ_INT(w.end, 8);
    CHECK_EQ_STR(w.norm, "معا");
}

TEST(decomposed_hamza_composes_before_marks_are_dropped)
{
    /* NFD input: alef, waw or yeh + U+0654 compose to U+0623, U+0624, U+0626. */
    CHECK_NORM("\u0627\u0654حمد", "احمد");
    kt_word nfd = kt_word_of("مسو\u0654ول"), nfc = kt_word_of("مسؤول");
    CHECK_EQ_STR(nfd.norm, nfc.norm);
    nfd = kt_word_of("مسي\u0654ول"), nfc = kt_word_of("مسئول");
    CHECK_EQ_STR(nfd.norm, nfc.norm);
    CHECK_NORM("\u0627\u0653سيا", "اسيا"); /* alef + maddah is U+0622 */
    CHECK_SAME_KEY("\u0627\u0654حمد", "أحمد");
    CHECK_SAME_KEY("مسو\u0654ول", "مسؤول");
}

TEST(lam_alef_ligature_becomes_two_letters)
{
    CHECK_NORM("\uFEFB", "لا");                             /* isolated lam-alef */
    CHECK_NORM("\uFE8D\uFEDF\uFEB4\uFEFC\uFEE1", "السلام"); /* alef lam seen lam-alef(final) meem */
    CHECK_NORM("\uFEF9عادة", "لاعاده");                     /* lam with alef hamza below */
    CHECK_SAME_KEY("\uFE8D\uFEDF\uFEB4\uFEFC\uFEE1", "السلام");
}

TEST(lam_alef_ligature_keeps_offsets)
{
    /* "قال " is 7 bytes; five presentation-form letters are 15 bytes. */
    kt_doc d;
    REQUIRE(DOC(&d, "قال \uFE8D\uFEDF\uFEB4\uFEFC\uFEE1 اليوم") == KH_OK);
    REQUIRE_EQ_INT(d.an->ntokens, 3);
    CHECK_EQ_INT(d.an->tokens[1].start, 7);
    CHECK_EQ_INT(d.an->tokens[1].end, 22);
    CHECK_EQ_STR(d.an->tokens[1].norm, "السلام");
    CHECK_EQ_INT(d.an->tokens[2].start, 23);
    kt_doc_close(&d);
}

TEST(allah_ligature_becomes_four_letters)
{
    CHECK_NORM("\uFDF2", "الله");
}

TEST(isolated_harakat_forms_are_dropped_not_spaced)
{
    /* Full NFKC would turn U+FE70 into a space plus a mark and split the word. */
    CHECK_NORM("مع\uFE70ا", "معا");
    CHECK_NORM("كتاب\uFE7C", "كتاب"); /* isolated shadda */
}

TEST(byte_order_mark_is_not_a_letter)
{
    /* U+FEFF lies in Presentation Forms-B but is no Arabic letter. */
    kt_doc d;
    REQUIRE(DOC(&d, "\uFEFFقال الرئيس") == KH_OK);
    REQUIRE_EQ_INT(d.an->ntokens, 2);
    CHECK_EQ_STR(d.an->tokens[0].norm, "قال");
    CHECK_EQ_INT(d.an->tokens[0].end, 9);
    kt_doc_close(&d);
}

TEST(persian_keheh_and_yeh_fold_to_arabic_letters)
{
    CHECK_NORM("کرسی", "كرسي");
    CHECK_NORM("ایران", "ايران");
    CHECK_SAME_KEY("کتاب", "كتاب");
    CHECK_SAME_KEY("ایران", "إيران");
}

TEST(urdu_and_kurdish_heh_and_yeh_fold)
{
    CHECK_NORM("مدرسہ", "مدرسه"); /* heh goal U+06C1 */
    CHECK_NORM("مدرسە", "مدرسه"); /* ae U+06D5 */
    CHECK_NORM("مدرسۃ", "مدرسه"); /* teh marbuta goal U+06C3 */
    CHECK_NORM("مدرسۀ", "مدرسه"); /* heh with yeh above U+06C0 */
    CHECK_NORM("بے", "بي");       /* yeh barree U+06D2 */
}

TEST(persian_p_v_g_letters_are_kept_in_search_keys)
{
    /* The name key folds them (primer 7.6); the search key must not. */
    CHECK_NORM("ڤلاديمير", "ڤلاديمير");
    CHECK_NORM("گاز", "گاز");
    CHECK_DIFF_KEY("ڤلاديمير", "فلاديمير");
}

TEST(digits_of_all_three_sets_fold_to_ascii)
{
    CHECK_NORM("٠١٢٣٤٥٦٧٨٩", "0123456789");
    CHECK_NORM("۰۱۲۳۴۵۶۷۸۹", "0123456789");
    CHECK_NORM("0123456789", "0123456789");
    CHECK_KEY("٢٠٢٤", "2024");
    CHECK_KEY("۲۰۲۴", "2024");
    CHECK_KEY("2024", "2024");
}

TEST(alef_variants_fold_to_bare_alef)
{
    CHECK_NORM("أحمد", "احمد");
    CHECK_NORM("إسلام", "اسلام");
    CHECK_NORM("آسيا", "اسيا");
    CHECK_NORM("ٱلسلام", "السلام");
    CHECK_SAME_KEY("إسرائيل", "اسرائيل");
}

TEST(alef_maksura_folds_to_yeh)
{
    CHECK_NORM("مستشفى", "مستشفي");
    CHECK_SAME_KEY("المستشفى", "المستشفي");
}

TEST(teh_marbuta_folds_to_heh)
{
    CHECK_NORM("مدرسة", "مدرسه");
    CHECK_SAME_KEY("القاهرة", "القاهره");
}

TEST(teh_marbuta_fold_merges_words_knowingly)
{
    /* school / his teacher: the primer (2.3) accepts this loss. */
    kt_word a = kt_word_of("مدرسة"), b = kt_word_of("مدرسه");
    CHECK_EQ_STR(a.norm, b.norm);
}

TEST(hamza_seats_fold_to_one_hamza)
{
    /* Policy (norm.c, chars.c): every seat of hamza folds to the bare hamza
    ** U+0621, so that the two spelling traditions meet: masul written with
    ** waw-hamza and with yeh-hamza get one key, and the seat that case
    ** endings move (abna'uhum / abna'ihim) no longer splits a word. The
    ** primer's order folds seats to waw and yeh, which cannot merge them. */
    CHECK_NORM("مسؤول", "مسءول");
    CHECK_NORM("مسئول", "مسءول");
    CHECK_NORM("رئيس", "رءيس");
    CHECK_SAME_KEY("مسؤول", "مسئول");
}

TEST(bare_hamza_is_never_dropped)
{
    CHECK_NORM("ماء", "ماء");
    CHECK_NORM("جزء", "جزء");
    CHECK_DIFF_KEY("ماء", "ما");
}

TEST(latin_case_is_folded)
{
    CHECK_NORM("NATO", "nato");
    CHECK_KEY("NATO", "nato");
    CHECK_SAME_KEY("Nato", "NATO");
    CHECK_NORM("\u00C9mile", "\u00E9mile"); /* Émile */
}

TEST(zwnj_inside_a_word_keeps_it_whole_and_leaves_the_key)
{
    const char *w = "ال\u200Cوزير";
    kt_word r = kt_word_of(w);
    REQUIRE_EQ_INT(r.ntokens, 1);
    CHECK_EQ_INT(r.start, 0);
    CHECK_EQ_INT(r.end, strlen(w));
    CHECK_EQ_STR(r.norm, "الوزير");
    CHECK_SAME_KEY(w, "الوزير");
}

TEST(zwj_and_soft_hyphen_inside_a_word_leave_the_key)
{
    const char *w = "الحكو\u00ADمة";
    kt_word r = kt_word_of(w);
    REQUIRE_EQ_INT(r.ntokens, 1);
    CHECK_EQ_INT(r.end, strlen(w));
    CHECK_EQ_STR(r.norm, "الحكومه");
    CHECK_NORM("الحكو\u200Dمة", "الحكومه");
}

TEST(bidi_marks_make_no_tokens_of_their_own)
{
    /* RLM, LRM, ALM, isolates and embeddings: never word characters, never keys. */
    const char *marks[] = {"\u200F", "\u200E", "\u061C", "\u2067", "\u2069", "\u202B", "\u202C"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        char text[64];
        snprintf(text, sizeof text, "%sالوزير%s 2024%s", marks[i], marks[i], marks[i]);
        kt_doc d;
        if (DOC(&d, text) != KH_OK) {
            FAIL("mark %zu: %s", i, kh_strerror(d.st));
            kt_doc_close(&d);
            continue;
        }
        if (d.an->ntokens != 2) {
            FAIL("mark %zu: %zu tokens, expected 2", i, d.an->ntokens);
        } else {
            CHECK_EQ_STR(d.an->tokens[0].norm, "الوزير");
            CHECK_EQ_STR(d.an->tokens[1].norm, "2024");
            CHECK_EQ_STR(d.an->tokens[1].key, "2024");
        }
        kt_doc_close(&d);
    }
}

TEST(zero_width_space_and_no_break_spaces_separate_words)
{
    CHECK_TOKENS("قال\u200Bالرئيس", {"قال", KH_TOK_ARABIC}, {"الرئيس", KH_TOK_ARABIC});
    CHECK_TOKENS("قال\u00A0الرئيس", {"قال", KH_TOK_ARABIC}, {"الرئيس", KH_TOK_ARABIC});
    CHECK_TOKENS("قال\u202Fالرئيس", {"قال", KH_TOK_ARABIC}, {"الرئيس", KH_TOK_ARABIC});
}

TEST(key_depends_only_on_the_token_bytes)
{
    kt_word alone = kt_word_of("الحكومة");
    kt_doc d;
    REQUIRE(DOC(&d, "وقالت الحكومة إن الحكومة ستعمل.") == KH_OK);
    for (size_t i = 0; i < d.an->ntokens; i++) {
        char s[64];
        if (strcmp(kt_surface(&d, i, s, sizeof s), "الحكومة") == 0)
            CHECK_EQ_STR(d.an->tokens[i].key, alone.key);
    }
    kt_doc_close(&d);
}

TEST(norm_keeps_proclitics_and_key_drops_them)
{
    /* norm is the whole token; the key is of its stem. */
    CHECK_NORM("وللتواصل", "وللتواصل");
    CHECK_KEY("وللتواصل", "تواصل");
    CHECK_SAME_KEY("والحكومة", "الحكومة");
}
