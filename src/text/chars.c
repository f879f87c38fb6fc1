/*
** chars.c - code point classes and key folding (see chars.h).
*/
#include "text/chars.h"

#include <utf8proc.h>

/* ASCII classes, indexed by byte. Control bytes other than tab and the
** line breaks are symbols: they separate tokens and are kept in offsets. */
static kh_cc ascii_cc(uint32_t c)
{
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f') return KH_CC_NEWLINE;
    if (c == ' ' || c == '\t' || c == 0) return KH_CC_SPACE;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return KH_CC_LETTER;
    if (c >= '0' && c <= '9') return KH_CC_DIGIT;
    if (c == '"' || c == '\'') return KH_CC_QUOTE;
    if (c < 0x20 || c == 0x7F) return KH_CC_SYMBOL;
    switch (c) {
    case '!':
    case ',':
    case '.':
    case ':':
    case ';':
    case '?':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '-':
    case '/':
    case '\\':
    case '@':
    case '#':
    case '%':
    case '&':
    case '*':
    case '_':
        return KH_CC_PUNCT;
    default:
        return KH_CC_SYMBOL; /* $ + < = > ^ ` | ~ */
    }
}

static kh_cc arabic_cc(uint32_t cp)
{
    if (cp <= 0x0605) return KH_CC_INVIS; /* number signs (Cf) */
    if (cp == 0x061C) return KH_CC_INVIS; /* ARABIC LETTER MARK */
    if ((cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
        (cp >= 0x06D6 && cp <= 0x06DC) || (cp >= 0x06DF && cp <= 0x06E4) ||
        (cp >= 0x06E7 && cp <= 0x06E8) || (cp >= 0x06EA && cp <= 0x06ED))
        return KH_CC_MARK;
    if (cp == KH_CP_TATWEEL) return KH_CC_TATWEEL;
    if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9)) return KH_CC_DIGIT;
    if ((cp >= 0x0620 && cp <= 0x064A) || cp == 0x066E || cp == 0x066F ||
        (cp >= 0x0671 && cp <= 0x06D3) || cp == 0x06D5 || cp == 0x06E5 || cp == 0x06E6 ||
        cp == 0x06EE || cp == 0x06EF || (cp >= 0x06FA && cp <= 0x06FC) || cp == 0x06FF)
        return KH_CC_ARLETTER;
    if (cp == 0x06DD) return KH_CC_INVIS; /* END OF AYAH */
    if (cp == 0x06DE || cp == 0x06E9 || cp == 0x0606 || cp == 0x0607 || cp == 0x0608 ||
        cp == 0x060E || cp == 0x060F || cp == 0x06FD || cp == 0x06FE)
        return KH_CC_SYMBOL;
    return KH_CC_PUNCT; /* ، ؛ ؟ ٪ ٫ ٬ ۔ ؉ ؊ ... */
}

/* Classes of U+0600..06FF, one byte each: the same answers as arabic_cc()
** (a unit test compares them), as a table for the tokenizer's hot loop. */
#define A KH_CC_ARLETTER
#define D KH_CC_DIGIT
#define I KH_CC_INVIS
#define M KH_CC_MARK
#define P KH_CC_PUNCT
#define S KH_CC_SYMBOL
#define T KH_CC_TATWEEL
const uint8_t kh_cc_arabic_table[256] = {
    I, I, I, I, I, I, S, S, S, P, P, P, P, P, S, S, M, M, M, M, M, M, M, M, M, M, M, P, I, P, P, P,
    A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
    T, A, A, A, A, A, A, A, A, A, A, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    D, D, D, D, D, D, D, D, D, D, P, P, P, P, A, A, M, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
    A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
    A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
    A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, P, A, M, M, M, M, M, M, M, I, S, M,
    M, M, M, M, M, A, A, M, M, S, M, M, M, M, A, A, D, D, D, D, D, D, D, D, D, D, A, A, A, S, S, A,
};
#undef A
#undef D
#undef I
#undef M
#undef P
#undef S
#undef T

kh_cc kh_cc_arabic_slow(uint32_t cp)
{
    return arabic_cc(cp);
}

kh_cc kh_cc_of(uint32_t cp)
{
    if (cp < 0x80) return ascii_cc(cp);
    if (cp >= 0x0600 && cp <= 0x06FF) return (kh_cc)kh_cc_arabic_table[cp - 0x0600];
    if (kh_is_quote(cp)) return KH_CC_QUOTE;
    switch (cp) {
    case KH_CP_ZWNJ:
    case KH_CP_ZWJ:
    case KH_CP_SOFT_HYPHEN:
        return KH_CC_JOINER;
    case KH_CP_ZWSP:
    case 0x00A0:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x1680:
        return KH_CC_SPACE;
    case 0x0085:
    case 0x2028:
    case 0x2029:
        return KH_CC_NEWLINE;
    case 0x200E:
    case 0x200F:
    case 0x2060:
    case KH_CP_BOM:
        return KH_CC_INVIS;
    default:
        break;
    }
    if ((cp >= 0x2000 && cp <= 0x200A)) return KH_CC_SPACE;
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return KH_CC_INVIS;
    if ((cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08C9) ||
        (cp >= 0x0870 && cp <= 0x0887) ||
        (cp >= 0xFB50 && cp <= 0xFDFF && cp != 0xFD3E && cp != 0xFD3F) ||
        (cp >= 0xFE70 && cp <= 0xFEFC))
        return (cp >= 0xFE70 && cp <= 0xFE7F && (cp & 1) == 0 && cp != 0xFE74)
                   ? KH_CC_MARK /* isolated harakat */
                   : KH_CC_ARLETTER;
    if (cp >= 0x08CA && cp <= 0x08FF) return KH_CC_MARK;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return KH_CC_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return KH_CC_MARK;
    case UTF8PROC_CATEGORY_ND:
        return KH_CC_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
        return KH_CC_SPACE;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return KH_CC_NEWLINE;
    case UTF8PROC_CATEGORY_CF:
        return KH_CC_INVIS;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return KH_CC_PUNCT;
    default:
        return KH_CC_SYMBOL;
    }
}

uint32_t kh_fold(uint32_t cp)
{
    switch (cp) {
    case KH_CP_ALEF_MADDA:
    case KH_CP_ALEF_HAMZA_ABOVE:
    case KH_CP_ALEF_HAMZA_BELOW:
    case KH_CP_ALEF_WASLA:
    case 0x0672:
    case 0x0673:
    case 0x0675:
        return KH_CP_ALEF;
    case KH_CP_ALEF_MAKSURA:
    case 0x06CC:
    case 0x06D2:
    case 0x06D0:
    case 0x0620:
        return KH_CP_YEH; /* ى, Farsi yeh, yeh barree */
    case KH_CP_WAW_HAMZA:
    case KH_CP_YEH_HAMZA:
    case 0x0676:
    case 0x0678:
        return KH_CP_HAMZA; /* one hamza whatever its seat: مسؤول = مسئول */
    case 0x06A9:
    case 0x06AA:
        return KH_CP_KAF; /* keheh */
    case 0x06D5:
    case 0x06C0:
    case 0x06C1:
    case 0x06BE:
        return KH_CP_HEH;
    case 0x06C3:
        return KH_CP_TEH_MARBUTA; /* teh marbuta goal */
    case 0x066E:
        return KH_CP_BEH; /* dotless beh */
    case 0x066F:
        return 0x0642; /* dotless qaf */
    case KH_CP_TATWEEL:
        return 0;
    default:
        break;
    }
    if (cp >= 0x0660 && cp <= 0x0669) return '0' + (cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9) return '0' + (cp - 0x06F0);
    if ((cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
        (cp >= 0x06D6 && cp <= 0x06ED) || (cp >= 0x08CA && cp <= 0x08FF))
        return 0; /* harakat, dagger alef, Quranic marks */
    if (cp == KH_CP_ZWNJ || cp == KH_CP_ZWJ || cp == KH_CP_SOFT_HYPHEN || cp == KH_CP_BOM ||
        cp == 0x200E || cp == 0x200F || cp == 0x061C || cp == 0x2060 ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
        (cp >= 0x0600 && cp <= 0x0605))
        return 0;
    return cp;
}

int kh_presentation_expand(uint32_t cp, uint32_t *dst)
{
    if (!((cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC))) return -1;
    utf8proc_int32_t buf[24];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, buf, 24,
                                                 UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
    if (n <= 0 || n > 24) {
        dst[0] = cp;
        return 1;
    }
    /* Keep letters only: U+FE70..FE7E decompose to space + mark, and the
    ** phrase ligatures (ﷺ) to words with spaces; marks and spaces go. */
    int k = 0;
    for (utf8proc_ssize_t i = 0; i < n && k < KH_PF_MAX; i++) {
        uint32_t c = (uint32_t)buf[i];
        if (c == ' ' || kh_fold(c) == 0) continue;
        dst[k++] = c;
    }
    return k;
}
