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
#define MIN_BASE_MASS  3u
#define BASE_RATIO     0.05f
#define FEM_RATIO      0.3f
#define NAMELIKE_RATIO 0.5f

/* Mass of lex[0..n). A bare initial alef is often a hamza left unwritten
** (ايران for إيران), so the hamzated spellings count too: the decision then
** does not depend on how carefully a word was typed. */
static uint32_t mass_of(const kh_lexicon *lx, const uint32_t *lex, size_t n, uint8_t *scratch)
{
    size_t l = kh_seg_utf8(lex, 0, n, scratch);
    const kh_lex_entry *e = kh_lex_find(lx, scratch, l);
    uint32_t m = e ? e->mass : 0;
    if (n && lex[0] == KH_CP_ALEF && scratch[0] == 0xD8 && scratch[1] == 0xA7) {
        static const uint8_t HAMZATED[] = {0xA3, 0xA5, 0xA2}; /* أ إ آ */
        for (size_t i = 0; i < sizeof HAMZATED; i++) {
            scratch[1] = HAMZATED[i];
            e = kh_lex_find(lx, scratch, l);
            m += e ? e->mass : 0;
        }
        scratch[1] = 0xA7;
    }
    return m;
}

static int ends2(const uint32_t *lex, size_t n, uint32_t a, uint32_t b)
{
    return n >= 2 && lex[n - 2] == a && lex[n - 1] == b;
}

/* Is lex[0..m) a word by the lexicon, next to the whole form's mass? */
static int is_base(const kh_lexicon *lx, uint32_t *lex, size_t m, uint32_t whole, uint8_t *scratch)
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

/* Like is_base(), with the stricter ratio that ة needs: feminine and
** masculine forms of one adjective or agent noun are both common. */
static int is_base_strict(const kh_lexicon *lx, uint32_t *lex, size_t m, uint32_t whole,
                          uint8_t *scratch)
{
    uint32_t b = mass_of(lx, lex, m, scratch);
    return b >= MIN_BASE_MASS && (float)b >= FEM_RATIO * (float)whole;
}

/* Can lex[0..m) take the plural or dual ون ين ان? A noun or adjective
** takes the article (الزيت? then زيتون is still a risk, but كان never takes
** it, so كانون stays); an imperfect verb starts with ي ت ن (يقولون). */
static int takes_suffix_plural(const kh_lexicon *lx, const uint32_t *lex, size_t m,
                               uint8_t *scratch)
{
    if (m && (lex[0] == 0x064A || lex[0] == KH_CP_TEH || lex[0] == KH_CP_NOON)) return 1;
    scratch[0] = 0xD8; /* ا */
    scratch[1] = 0xA7;
    scratch[2] = 0xD9; /* ل */
    scratch[3] = 0x84;
    size_t l = kh_seg_utf8(lex, 0, m, scratch + 4);
    const kh_lex_entry *e = kh_lex_find(lx, scratch, l + 4);
    return e && e->count >= 1;
}

size_t kh_stem_light(const kh_lexicon *lx, uint32_t *lex, size_t n, uint8_t *scratch)
{
    if (n < 3) return n;
    /* Most stems end in none of the letters below: no lookup at all then. */
    uint32_t last = lex[n - 1];
    if (last != KH_CP_ALEF && last != KH_CP_TEH && last != KH_CP_NOON && last != KH_CP_TEH_MARBUTA)
        return n;
    uint32_t whole = mass_of(lx, lex, n, scratch);
    /* Accusative tanween alef (عدداً → عدد) and the plural verb's وا (كانوا). */
    if (n >= 4 && lex[n - 1] == KH_CP_ALEF && lex[n - 2] != KH_CP_ALEF) {
        size_t m = ends2(lex, n, KH_CP_WAW, KH_CP_ALEF) && n >= 5 ? n - 2 : n - 1;
        /* the base must be the commoner form: روسيا is no accusative of روسي */
        uint32_t b = mass_of(lx, lex, m, scratch);
        if (b >= MIN_BASE_MASS && b >= whole) {
            n = m;
            whole = mass_of(lx, lex, n, scratch);
        }
    }
    /* Sound plurals and dual: ات ون ين ان, with a stem of 3+ letters left.
    ** A plural in ات whose singular ends in ة becomes that singular
    ** (حكومات → حكومة), so that the ة rule below treats both alike. */
    if (n >= 5 && (ends2(lex, n, KH_CP_ALEF, KH_CP_TEH) || ends2(lex, n, KH_CP_WAW, KH_CP_NOON) ||
                   ends2(lex, n, KH_CP_YEH, KH_CP_NOON) || ends2(lex, n, KH_CP_ALEF, KH_CP_NOON))) {
        int fem_plural = lex[n - 1] == KH_CP_TEH;
        /* ون ين ان also end names (لبنان، فلسطين، بوتين): there the base must
        ** be at least half as common as the longer form */
        float ratio = fem_plural ? BASE_RATIO : NAMELIKE_RATIO;
        uint32_t b = mass_of(lx, lex, n - 2, scratch);
        if (b >= MIN_BASE_MASS && (float)b >= ratio * (float)whole &&
            (fem_plural || takes_suffix_plural(lx, lex, n - 2, scratch))) {
            n -= 2;
        } else if (fem_plural) {
            uint32_t save = lex[n - 2];
            lex[n - 2] = KH_CP_TEH_MARBUTA;
            uint32_t bf = mass_of(lx, lex, n - 1, scratch);
            if (bf >= MIN_BASE_MASS && (float)bf >= BASE_RATIO * (float)whole) {
                n -= 1;
                whole = bf;
            } else {
                lex[n - 2] = save;
            }
        }
    } else if (n >= 4 && lex[n - 1] == KH_CP_TEH) {
        if (is_base(lx, lex, n - 1, whole, scratch)) n -= 1; /* past feminine: أعلنت → أعلن */
    }
    /* feminine ة: مساعدة → مساعد, مصرية → مصري; but not where the shorter
    ** form is a rarer, other word (مدينة / مدين, طائرة / طائر) */
    if (n >= 4 && lex[n - 1] == KH_CP_TEH_MARBUTA && is_base_strict(lx, lex, n - 1, whole, scratch))
        n -= 1;
    return n;
}
