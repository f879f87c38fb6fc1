/*
** chars.h - what each code point is to the tokenizer and to key folding.
**
** kh_cc() classifies a code point (letter, mark, digit, space, quote ...);
** kh_fold() maps an Arabic-block code point to its key form (primer §2.3):
** alef variants to bare alef, ى to ي, hamza seats ؤ ئ to ء, Persian
** look-alikes to Arabic letters, digits to ASCII; marks and tatweel fold to
** 0 ("drop"). ة is folded by the caller, because the lexicon keeps it apart
** from ه (كتابة "writing" vs كتابه "his book").
**
** ASCII and the Arabic block are decided here by range; everything else
** asks utf8proc for its general category.
*/
#ifndef KH_CHARS_H
#define KH_CHARS_H

#include <stdint.h>

/* Named code points (style: no magic numbers in logic). */
#define KH_CP_HAMZA            0x0621
#define KH_CP_ALEF_MADDA       0x0622
#define KH_CP_ALEF_HAMZA_ABOVE 0x0623
#define KH_CP_WAW_HAMZA        0x0624
#define KH_CP_ALEF_HAMZA_BELOW 0x0625
#define KH_CP_YEH_HAMZA        0x0626
#define KH_CP_ALEF             0x0627
#define KH_CP_BEH              0x0628
#define KH_CP_TEH_MARBUTA      0x0629
#define KH_CP_TEH              0x062A
#define KH_CP_SEEN             0x0633
#define KH_CP_TATWEEL          0x0640
#define KH_CP_FEH              0x0641
#define KH_CP_KAF              0x0643
#define KH_CP_LAM              0x0644
#define KH_CP_MEEM             0x0645
#define KH_CP_NOON             0x0646
#define KH_CP_HEH              0x0647
#define KH_CP_WAW              0x0648
#define KH_CP_ALEF_MAKSURA     0x0649
#define KH_CP_YEH              0x064A
#define KH_CP_ALEF_WASLA       0x0671
#define KH_CP_ARABIC_COMMA     0x060C
#define KH_CP_ARABIC_SEMICOLON 0x061B
#define KH_CP_ARABIC_QUESTION  0x061F
#define KH_CP_ARABIC_PERCENT   0x066A
#define KH_CP_ARABIC_DECIMAL   0x066B
#define KH_CP_ARABIC_THOUSANDS 0x066C
#define KH_CP_ZWSP             0x200B
#define KH_CP_ZWNJ             0x200C
#define KH_CP_ZWJ              0x200D
#define KH_CP_SOFT_HYPHEN      0x00AD
#define KH_CP_BOM              0xFEFF
#define KH_CP_ELLIPSIS         0x2026

typedef enum kh_cc {
    KH_CC_SPACE = 0, /* separates tokens */
    KH_CC_NEWLINE,   /* separates tokens and ends a sentence */
    KH_CC_ARLETTER,  /* Arabic-script letter */
    KH_CC_LETTER,    /* any other letter */
    KH_CC_MARK,      /* combining mark: stays inside a word */
    KH_CC_TATWEEL,   /* kashida: inside a word, dropped from keys */
    KH_CC_DIGIT,     /* decimal digit of any of the three sets (or other Nd) */
    KH_CC_JOINER,    /* ZWNJ, ZWJ, soft hyphen: keep a word whole */
    KH_CC_INVIS,     /* bidi controls, BOM: never start a token, dropped from keys */
    KH_CC_QUOTE,     /* any quotation mark */
    KH_CC_PUNCT,
    KH_CC_SYMBOL
} kh_cc;

kh_cc kh_cc_of(uint32_t cp);

/* Class of U+0600 + i, from a table; and the rules it was written from,
** for the unit test that keeps the two in step. */
extern const uint8_t kh_cc_arabic_table[256];
kh_cc kh_cc_arabic_slow(uint32_t cp);

/* Value 0..9 of a digit code point, or -1. */
static inline int kh_digit_value(uint32_t cp)
{
    if (cp >= '0' && cp <= '9') return (int)(cp - '0');
    if (cp >= 0x0660 && cp <= 0x0669) return (int)(cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) return (int)(cp - 0x06F0);
    return -1;
}

static inline int kh_is_quote(uint32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case 0x00AB:
    case 0x00BB:
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2039:
    case 0x203A:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
    case 0xFF02:
        return 1;
    default:
        return 0;
    }
}

/* Key folding of one code point from the Arabic block or an invisible
** control: returns the folded code point, 0 to drop it, or cp unchanged. */
uint32_t kh_fold(uint32_t cp);

/* Expands a presentation form (U+FB50–FDFF, U+FE70–FEFC) to base letters.
** OUT: dst (room for KH_PF_MAX). Returns the count (0: drop, e.g. an
** isolated haraka), or -1 if cp is not a presentation form. Spaces inside
** phrase ligatures (ﷺ) are dropped: a key never holds a space. */
#define KH_PF_MAX 24
int kh_presentation_expand(uint32_t cp, uint32_t *dst);

#endif
