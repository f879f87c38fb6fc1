/*
** test_chars.c - the code point classes behind the tokenizer.
**
** The tokenizer's hot loop reads a table for U+0600..06FF; chars.c keeps
** the rules it was written from. These tests hold the two together and
** pin the classes the primer names (§1.1-1.4).
*/
#include "../test.h"

#include "text/chars.h"

TEST(arabic_block_table_agrees_with_its_rules)
{
    for (uint32_t cp = 0x0600; cp <= 0x06FF; cp++)
        if ((kh_cc)kh_cc_arabic_table[cp - 0x0600] != kh_cc_arabic_slow(cp))
            FAIL("U+%04X: table says %d, rules say %d", cp, kh_cc_arabic_table[cp - 0x0600],
                 kh_cc_arabic_slow(cp));
}

TEST(classes_named_by_the_primer)
{
    CHECK(kh_cc_of(0x0640) == KH_CC_TATWEEL);  /* tatweel */
    CHECK(kh_cc_of(0x064B) == KH_CC_MARK);     /* fathatan */
    CHECK(kh_cc_of(0x0670) == KH_CC_MARK);     /* superscript alef */
    CHECK(kh_cc_of(0x0661) == KH_CC_DIGIT);    /* Arabic-Indic one */
    CHECK(kh_cc_of(0x06F4) == KH_CC_DIGIT);    /* extended four */
    CHECK(kh_cc_of(0x060C) == KH_CC_PUNCT);    /* Arabic comma */
    CHECK(kh_cc_of(0x061C) == KH_CC_INVIS);    /* Arabic letter mark */
    CHECK(kh_cc_of(0x200F) == KH_CC_INVIS);    /* RLM */
    CHECK(kh_cc_of(0xFEFF) == KH_CC_INVIS);    /* BOM, inside presentation forms B */
    CHECK(kh_cc_of(0xFEFB) == KH_CC_ARLETTER); /* lam-alef ligature */
    CHECK(kh_cc_of(0x200C) == KH_CC_JOINER);   /* ZWNJ */
    CHECK(kh_cc_of(0x200B) == KH_CC_SPACE);    /* ZWSP separates words */
    CHECK(kh_cc_of(0x00AB) == KH_CC_QUOTE);
    CHECK(kh_cc_of(0x201D) == KH_CC_QUOTE);
    CHECK(kh_cc_of(0x2028) == KH_CC_NEWLINE);
}

TEST(key_folding_of_single_letters)
{
    CHECK(kh_fold(0x0623) == 0x0627); /* alef hamza above */
    CHECK(kh_fold(0x0671) == 0x0627); /* alef wasla */
    CHECK(kh_fold(0x0649) == 0x064A); /* alef maksura */
    CHECK(kh_fold(0x06CC) == 0x064A); /* Farsi yeh */
    CHECK(kh_fold(0x06A9) == 0x0643); /* keheh */
    CHECK(kh_fold(0x0624) == 0x0621); /* waw hamza: one hamza */
    CHECK(kh_fold(0x0665) == '5');
    CHECK(kh_fold(0x06F5) == '5');
    CHECK(kh_fold(0x064E) == 0);      /* fatha dropped */
    CHECK(kh_fold(0x200E) == 0);      /* LRM dropped */
    CHECK(kh_fold('a') == 'a');       /* ASCII untouched here */
    CHECK(kh_fold(0x0629) == 0x0629); /* ة is the caller's to fold */
}

TEST(presentation_forms_expand_to_letters)
{
    uint32_t d[KH_PF_MAX];
    CHECK(kh_presentation_expand(0xFEFB, d) == 2 && d[0] == 0x0644 && d[1] == 0x0627);
    CHECK(kh_presentation_expand(0xFDF2, d) == 4);  /* Allah ligature */
    CHECK(kh_presentation_expand(0xFE70, d) == 0);  /* isolated fathatan: dropped */
    CHECK(kh_presentation_expand(0x0627, d) == -1); /* not a presentation form */
}
