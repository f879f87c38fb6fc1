/*
** test_keys.c - search keys (primer section 4.7).
**
** key = light-stem(normalize(stem segment)). Forms of one word with any
** clitics, any spelling variant and the regular inflectional endings meet on
** one key; words that only look like clitic-bearing forms do not. The full
** list of word pairs lives in tests/conflation/pairs.tsv (test_conflation.c);
** these are the cases that name a rule.
*/
#include "kt_api.h"

TEST(clitic_forms_share_the_key_of_their_stem)
{
    CHECK_SAME_KEY("وللتواصل", "التواصل");
    CHECK_SAME_KEY("وللتواصل", "تواصل");
    CHECK_SAME_KEY("الحكومة", "حكومتها");
    CHECK_SAME_KEY("الحكومة", "والحكومة");
    CHECK_SAME_KEY("الحكومة", "للحكومة");
    CHECK_SAME_KEY("كتابهم", "كتاب");
    CHECK_SAME_KEY("وسيقول", "يقول");
}

TEST(hamza_seat_changed_by_case_shares_a_key)
{
    CHECK_SAME_KEY("أبناؤهم", "أبنائهم");
    CHECK_SAME_KEY("أبناءهم", "أبنائهم");
}

TEST(hamza_seat_spellings_share_a_key)
{
    CHECK_SAME_KEY("مسؤول", "مسئول");
}

TEST(alef_maksura_written_alef_before_an_enclitic_shares_a_key)
{
    CHECK_SAME_KEY("مستواه", "مستوى");
}

TEST(sound_plural_dual_and_feminine_endings_share_a_key)
{
    CHECK_SAME_KEY("الوزيران", "وزير");
    CHECK_SAME_KEY("المهندسين", "مهندس");
    CHECK_SAME_KEY("الروسية", "الروسي");
}

TEST(over_stemming_is_avoided)
{
    /* Lucene merges each of these (primer 4.7); they are different words. */
    CHECK_DIFF_KEY("لبنان", "لبن");
    CHECK_DIFF_KEY("الولايات", "ولا");
    /* فكرة / فكر: a known failure of the light stem, tracked in
    ** tests/conflation/known-failures.tsv with the other pairs. */
    CHECK_DIFF_KEY("فكرة", "كرة");
    CHECK_DIFF_KEY("سكان", "كان");
    CHECK_DIFF_KEY("بوتين", "وتين");
}

TEST(name_keys_keep_their_first_letter)
{
    kt_word w = kt_word_of("وانغ");
    REQUIRE_EQ_INT(w.ntokens, 1);
    CHECK_EQ_STR(w.key, "وانغ");
    w = kt_word_of("بكين");
    CHECK_EQ_STR(w.key, "بكين");
}

TEST(numbers_keep_their_digits_as_key)
{
    CHECK_KEY("144", "144");
    CHECK_KEY("١٤٤", "144");
}

TEST(punctuation_has_nothing_to_index)
{
    const char *marks[] = {"،", ".", "؟", "!", "\u201C", "\u201D", "«", "(", "...", "؛"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        CHECK_KEY(marks[i], "");
}

TEST(words_have_non_empty_keys)
{
    const char *words[] = {"الحكومة", "لافروف", "Reuters", "2024", "وللتواصل", "الرئيس"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        kt_word w = kt_word_of(words[i]);
        if (w.ntokens != 1 || w.key[0] == 0)
            FAIL("\"%s\": %zu tokens, key \"%s\"", words[i], w.ntokens, w.key);
    }
}
