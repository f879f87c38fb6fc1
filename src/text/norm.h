/*
** norm.h - normalization for keys, never for display (primer §1–2).
**
** Two entry points:
**  - kh_norm_letters() turns an Arabic word into an array of letters, each
**    with its display form (marks, tatweel and controls gone, presentation
**    forms expanded, NFC hamza compositions applied), its folded lexicon
**    form (alef variants, ى, hamza seats, Persian look-alikes, digits) and
**    the byte span it came from, so that segments keep exact offsets;
**  - kh_norm_text() folds any other token (Latin, numbers, URLs, hashtags)
**    to its key form: Arabic folding as above, ASCII lowercased, the rest
**    NFC + case folded through utf8proc.
** In both, ة stays ة in the lexicon form; keys fold it to ه (kh_norm_tm).
*/
#ifndef KH_NORM_H
#define KH_NORM_H

#include <stddef.h>
#include <stdint.h>

typedef struct kh_letter {
    uint32_t disp;       /* letter as displayed (أ, ة, ى kept) */
    uint32_t lex;        /* folded for lexicon lookups (ة, ي, ء; أ إ آ kept) */
    uint32_t start, end; /* source bytes (relative to the word's buffer) */
} kh_letter;

/* Letters of s[0..n). out needs room for kh_norm_letters_cap(n).
** Returns the number of letters. */
size_t kh_norm_letters(const uint8_t *s, size_t n, kh_letter *out);

static inline size_t kh_norm_letters_cap(size_t n)
{
    return n * 8 + 32; /* presentation ligatures expand (ﷲ: 3 bytes, 4 letters) */
}

/* Folds ة to ه: the last step from lexicon form to key form. */
static inline uint32_t kh_norm_tm(uint32_t cp)
{
    return cp == 0x0629 ? 0x0647 : cp;
}

/* Lexicon form of a letter: key folding, except that the hamza-bearing
** alefs أ إ آ stay apart from bare ا. Merging them would make آلاف and
** ألمانيا look as if they began with the article ال. */
static inline uint32_t kh_norm_lexfold(uint32_t cp, uint32_t folded)
{
    return (cp == 0x0622 || cp == 0x0623 || cp == 0x0625) ? cp : folded;
}

/* Key form of a lexicon-form letter: alef variants and ة folded. */
static inline uint32_t kh_norm_keycp(uint32_t cp)
{
    if (cp == 0x0622 || cp == 0x0623 || cp == 0x0625) return 0x0627;
    return kh_norm_tm(cp);
}

/* Key form of s[0..n) as UTF-8 into out (room for kh_norm_text_cap(n)),
** using tmp (room for kh_norm_text_cap(n) code points) as scratch.
** Returns the byte length written. */
size_t kh_norm_text(const uint8_t *s, size_t n, uint8_t *out, int32_t *tmp);

static inline size_t kh_norm_text_cap(size_t n)
{
    return n * 18 + 64; /* worst case: NFC/case folding and ligature expansion */
}

#endif
