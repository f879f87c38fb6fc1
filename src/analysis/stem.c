/*
** stem.c - the light stemmer behind search keys (see stem.h).
*/
#include "analysis/stem.h"

#include "analysis/seg.h"
#include "text/chars.h"

/* A shorter form counts as a word when it has some mass of its own and is
** not dwarfed by the longer form: plural and feminine forms are rarely far
** more frequent than their base, while names that merely end in the same
** letters (لبنان, فلسطين, بوتين) are. */
#define MIN_BASE_MASS 3u
#define BASE_RATIO 0.05f

static uint32_t mass_of(const kh_lexicon *lx, const uint32_t *lex, size_t n, uint8_t *scratch)
{
    size_t l = kh_seg_utf8(lex, 0, n, scratch);
    const kh_lex_entry *e = kh_lex_find(lx, scratch, l);
    return e ? e->mass : 0;
}

static int ends2(const uint32_t *lex, size_t n, uint32_t a, uint32_t b)
{
    return n >= 2 && lex[n - 2] == a && lex[n - 1] == b;
}

/* Is lex[0..m) a word by the lexicon, next to the whole form's mass? */
static int is_base(const kh_lexicon *lx, uint32_t *lex, size_t m, uint32_t whole,
                   uint8_t *scratch)
{
    uint32_t b = mass_of(lx, lex, m, scratch);
    if (b < MIN_BASE_MASS || (float)b < BASE_RATIO * (float)whole) {
        /* the base may itself be feminine: حكومات → حكومة */
        uint32_t save = lex[m];
        lex[m] = KH_CP_TEH_MARBUTA;
        uint32_t bf = mass_of(lx, lex, m + 1, scratch);
        lex[m] = save;
        return bf >= MIN_BASE_MASS && (float)bf >= BASE_RATIO * (float)whole;
    }
    return 1;
}

size_t kh_stem_light(const kh_lexicon *lx, uint32_t *lex, size_t n, uint8_t *scratch)
{
    if (n < 3)
        return n;
    uint32_t whole = mass_of(lx, lex, n, scratch);
    /* Accusative tanween alef (عدداً → عدد) and the plural verb's وا (كانوا). */
    if (n >= 4 && lex[n - 1] == KH_CP_ALEF && lex[n - 2] != KH_CP_ALEF) {
        size_t m = ends2(lex, n, KH_CP_WAW, KH_CP_ALEF) && n >= 5 ? n - 2 : n - 1;
        if (is_base(lx, lex, m, whole, scratch)) {
            n = m;
            whole = mass_of(lx, lex, n, scratch);
        }
    }
    /* Sound plurals and dual: ات ون ين ان, with a stem of 3+ letters left. */
    if (n >= 5 && (ends2(lex, n, KH_CP_ALEF, KH_CP_TEH) || ends2(lex, n, KH_CP_WAW, KH_CP_NOON) ||
                   ends2(lex, n, KH_CP_YEH, KH_CP_NOON) || ends2(lex, n, KH_CP_ALEF, KH_CP_NOON))) {
        if (is_base(lx, lex, n - 2, whole, scratch))
            n -= 2;
    } else if (n >= 4 && lex[n - 1] == KH_CP_TEH_MARBUTA) {
        return n - 1; /* feminine ة: مساعدة → مساعد, مصرية → مصري */
    } else if (n >= 4 && lex[n - 1] == KH_CP_TEH) {
        if (is_base(lx, lex, n - 1, whole, scratch))
            n -= 1; /* past feminine: أعلنت → أعلن */
    }
    if (n >= 4 && lex[n - 1] == KH_CP_TEH_MARBUTA)
        n -= 1;
    return n;
}
