/*
** seg.c - clitic candidates and the decision between them (see seg.h).
**
** Decision for a word the lexicon knows: the learned segmentation stored
** with it (tools/mklexicon saw the word in context of the whole corpus).
** For an unseen word: each split scores mass(stem) x rate(chain) x
** rate(enclitic), the evidence that the stem exists and takes those clitics;
** the unsplit word scores a fixed pseudo-count. A foreign name whose tail is
** no known stem (وانغ → انغ) therefore stays whole, while a new plural of a
** known noun with و+ال is split. The article gets extra credit: ال before
** three or more letters is almost always the article (primer §4.4).
*/
#include "analysis/seg.h"

#include "text/chars.h"
#include "text/utf8.h"

#include <math.h>
#include <string.h>

static const char *const PREP_TEXT[] = {NULL, "\xd8\xa8", "\xd9\x83", "\xd9\x84", "\xd8\xb3"};
static const char *const CONJ_TEXT[] = {NULL, "\xd9\x88", "\xd9\x81"};
#define DET_TEXT "\xd8\xa7\xd9\x84" /* ال */

/* Enclitic pronouns (primer §4.2), longest first within each family so that
** هما is tried before هم and ه. Ids are index + 1. */
static const uint32_t ENC[][3] = {
    {0x0647, 0x0645, 0x0627}, /* هما */
    {0x0643, 0x0645, 0x0627}, /* كما */
    {0x0647, 0x0627, 0},      /* ها */
    {0x0647, 0x0645, 0},      /* هم */
    {0x0647, 0x0646, 0},      /* هن */
    {0x0643, 0x0645, 0},      /* كم */
    {0x0643, 0x0646, 0},      /* كن */
    {0x0646, 0x064A, 0},      /* ني */
    {0x0646, 0x0627, 0},      /* نا */
    {0x0647, 0, 0},           /* ه */
    {0x0643, 0, 0},           /* ك */
    {0x064A, 0, 0},           /* ي */
};
static const char *const ENC_TEXT[] = {
    NULL,
    "\xd9\x87\xd9\x85\xd8\xa7",
    "\xd9\x83\xd9\x85\xd8\xa7",
    "\xd9\x87\xd8\xa7",
    "\xd9\x87\xd9\x85",
    "\xd9\x87\xd9\x86",
    "\xd9\x83\xd9\x85",
    "\xd9\x83\xd9\x86",
    "\xd9\x86\xd9\x8a",
    "\xd9\x86\xd8\xa7",
    "\xd9\x87",
    "\xd9\x83",
    "\xd9\x8a",
};
#define NENC   ((int)(sizeof ENC / sizeof ENC[0]))
#define ENC_KN 7 /* id of كن: after ل it is لكن "but", not ل + كن */

/* Words written as one with a clitic-looking letter, never split
** (WikiNews convention, and grammar: كما "as", كي "so that", لقد "indeed"). */
static const uint32_t FUSED[][4] = {
    {0x0643, 0x0645, 0x0627, 0}, /* كما */
    {0x0643, 0x064A, 0, 0},      /* كي */
    {0x0644, 0x0642, 0x062F, 0}, /* لقد */
    {0x0648, 0x0644, 0x064A, 0}, /* ولي: guardian, ولي العهد, not و+ل+ي "and for me" */
    {0x0648, 0x0648, 0x062A, 0x0634}, /* ووتش: Watch (هيومن رايتس ووتش), not و+وتش */
};

/* Particles and prepositions that take pronoun suffixes (فيه، منها، أنه،
** عليهم): closed-class words, so the split is certain whenever the rest of
** the word is a pronoun. In lexicon form (ى folded to ي, أ إ kept). */
static const uint32_t PARTICLES[][4] = {
    {0x0641, 0x064A, 0, 0},           /* في */
    {0x0645, 0x0646, 0, 0},           /* من */
    {0x0639, 0x0646, 0, 0},           /* عن */
    {0x0639, 0x0644, 0x064A, 0},      /* على */
    {0x0625, 0x0644, 0x064A, 0},      /* إلى */
    {0x0627, 0x0644, 0x064A, 0},      /* الى */
    {0x0644, 0x062F, 0x064A, 0},      /* لدى */
    {0x0645, 0x0639, 0, 0},           /* مع */
    {0x0628, 0x064A, 0x0646, 0},      /* بين */
    {0x0639, 0x0646, 0x062F, 0},      /* عند */
    {0x0623, 0x0646, 0, 0},           /* أن */
    {0x0625, 0x0646, 0, 0},           /* إن */
    {0x0644, 0x0643, 0x0646, 0},      /* لكن */
    {0x0643, 0x0623, 0x0646, 0},      /* كأن */
    {0x0644, 0x0639, 0x0644, 0},      /* لعل */
    {0x0644, 0x064A, 0x062A, 0},      /* ليت */
    {0x062D, 0x0648, 0x0644, 0},      /* حول */
    {0x0636, 0x062F, 0, 0},           /* ضد */
    {0x062F, 0x0648, 0x0646, 0},      /* دون */
    {0x0623, 0x0645, 0x0627, 0x0645}, /* أمام */
    {0x062E, 0x0644, 0x0627, 0x0644}, /* خلال */
    {0x0639, 0x0628, 0x0631, 0},      /* عبر */
    {0x0646, 0x062D, 0x0648, 0},      /* نحو */
};

static int matches(const uint32_t *lex, size_t n, const uint32_t *w, size_t wmax)
{
    size_t k = 0;
    while (k < wmax && w[k])
        k++;
    if (k != n) return 0;
    for (size_t i = 0; i < n; i++)
        if (lex[i] != w[i]) return 0;
    return 1;
}

static int is_fused(const uint32_t *lex, size_t n)
{
    for (size_t i = 0; i < sizeof FUSED / sizeof FUSED[0]; i++)
        if (matches(lex, n, FUSED[i], 4)) return 1;
    return 0;
}

static int is_particle(const uint32_t *lex, size_t n)
{
    for (size_t i = 0; i < sizeof PARTICLES / sizeof PARTICLES[0]; i++)
        if (matches(lex, n, PARTICLES[i], 4)) return 1;
    return 0;
}

const char *kh_seg_enclitic(uint8_t enc)
{
    return enc > 0 && enc <= NENC ? ENC_TEXT[enc] : NULL;
}

const char *kh_seg_chain_part(uint8_t chain, int k)
{
    const char *parts[3];
    int n = 0;
    if (KH_CHAIN_CONJ(chain)) parts[n++] = CONJ_TEXT[KH_CHAIN_CONJ(chain)];
    if (KH_CHAIN_PREP(chain)) parts[n++] = PREP_TEXT[KH_CHAIN_PREP(chain)];
    if (KH_CHAIN_DET(chain)) parts[n++] = DET_TEXT;
    return k >= 0 && k < n ? parts[k] : NULL;
}

static int enc_len(int id)
{
    return ENC[id][2] ? 3 : ENC[id][1] ? 2 : 1;
}

/* Does lex end with enclitic id at position n? */
static int ends_with(const uint32_t *lex, size_t n, int id)
{
    int k = enc_len(id);
    if ((size_t)k > n) return 0;
    for (int i = 0; i < k; i++)
        if (lex[n - (size_t)k + (size_t)i] != ENC[id][i]) return 0;
    return 1;
}

static int is_imperfect_prefix(uint32_t c)
{
    return c == 0x064A || c == KH_CP_TEH || c == KH_CP_NOON || c == KH_CP_ALEF;
}

/* Adds the enclitic variants of one proclitic split. */
static int add_with_enclitics(const uint32_t *lex, size_t n, uint8_t np, uint8_t chain,
                              kh_cand *out, int k)
{
    if (k < KH_SEG_MAXCAND)
        out[k++] = (kh_cand){np, 0, chain, 0, (uint8_t)(KH_CHAIN_LAM(chain) ? KH_RESTORE_LAM : 0),
                             0,  0, 0};
    if (KH_CHAIN_DET(chain)) return k; /* the article and a pronoun never share a noun */
    for (int id = 0; id < NENC && k < KH_SEG_MAXCAND - 1; id++) {
        int el = enc_len(id);
        if (!ends_with(lex, n, id) || n - np < (size_t)el + 2)
            continue; /* stem keeps at least two letters */
        int forced = is_particle(lex + np, n - np - (size_t)el);
        out[k++] = (kh_cand){np, (uint8_t)el, chain, (uint8_t)(id + 1), 0, (uint8_t)forced, 0, 0};
        if (lex[n - (size_t)el - 1] == KH_CP_TEH)
            out[k++] = (kh_cand){np, (uint8_t)el, chain, (uint8_t)(id + 1), KH_RESTORE_TM, 0, 0, 0};
        else if (lex[n - (size_t)el - 1] == KH_CP_ALEF && k < KH_SEG_MAXCAND - 1 &&
                 n - np - (size_t)el >= 3)
            out[k++] = (kh_cand){np, (uint8_t)el, chain, (uint8_t)(id + 1), KH_RESTORE_YA, 0, 0, 0};
    }
    return k;
}

/* Preposition + pronoun with nothing between (له، بها، لكم): the pronoun is
** the whole rest of the word. */
static int prep_pronoun(const uint32_t *lex, size_t n, size_t i, int prep, kh_cand *out, int k,
                        int conj)
{
    if (prep != 1 && prep != 2 && prep != 3) return k;
    for (int id = 0; id < NENC; id++) {
        if ((size_t)enc_len(id) != n - i || !ends_with(lex, n, id)) continue;
        if (prep == 2 && id + 1 == 12) continue;     /* كي is a word */
        if (prep == 3 && id + 1 == ENC_KN) continue; /* لكن is "but" */
        if (prep == 2 && (id + 1 == 2 || id + 1 == 6))
            continue; /* كما, كم are words of their own */
        if (k < KH_SEG_MAXCAND)
            out[k++] = (kh_cand){(uint8_t)i, 0, KH_CHAIN(conj, prep, 0, 0), 0, 0, 1, 0, 0};
    }
    return k;
}

/* Words that begin with the letters ال but not with the article. */
static const uint32_t NOT_ARTICLE[][6] = {
    {0x0627, 0x0644, 0x0630, 0x064A, 0, 0},           /* الذي */
    {0x0627, 0x0644, 0x062A, 0x064A, 0, 0},           /* التي */
    {0x0627, 0x0644, 0x0630, 0x064A, 0x0646, 0},      /* الذين */
    {0x0627, 0x0644, 0x0644, 0x0630, 0x064A, 0x0646}, /* اللذين */
    {0x0627, 0x0644, 0x0644, 0x062A, 0x064A, 0x0646}, /* اللتين */
    {0x0627, 0x0644, 0x0644, 0x0630, 0x0627, 0x0646}, /* اللذان */
    {0x0627, 0x0644, 0x0644, 0x062A, 0x0627, 0x0646}, /* اللتان */
    {0x0627, 0x0644, 0x0644, 0x0627, 0x062A, 0x064A}, /* اللاتي */
    {0x0627, 0x0644, 0x0644, 0x0647, 0, 0},           /* الله */
    {0x0627, 0x0644, 0x0644, 0x0647, 0x0645, 0},      /* اللهم */
};

/* Is lex[j..n) one of the words above? */
static int is_not_article(const uint32_t *lex, size_t n, size_t j)
{
    for (size_t w = 0; w < sizeof NOT_ARTICLE / sizeof NOT_ARTICLE[0]; w++)
        if (matches(lex + j, n - j, NOT_ARTICLE[w], 6)) return 1;
    return 0;
}

/* Does lex[j..n) start with the article? Then the stem may not keep it:
** a stem never starts with ال (but for the words above). */
static int starts_with_article(const uint32_t *lex, size_t n, size_t j)
{
    return n - j >= 4 && lex[j] == KH_CP_ALEF && lex[j + 1] == KH_CP_LAM &&
           !is_not_article(lex, n, j);
}

int kh_seg_candidates(const uint32_t *lex, size_t n, kh_cand *out)
{
    int k = 0; /* the unsplit word comes first: conj 0, prep 0, np 0 */
    if (is_fused(lex, n)) {
        out[0] = (kh_cand){0, 0, 0, 0, 0, 0, (uint8_t)(n > 255 ? 255 : n), 0};
        return 1;
    }
    for (int conj = 0; conj <= 2; conj++) {
        size_t i = 0;
        if (conj) {
            if (n < 3 || lex[0] != (conj == 1 ? KH_CP_WAW : KH_CP_FEH)) continue;
            i = 1;
        }
        for (int prep = 0; prep <= 4; prep++) {
            size_t j = i;
            if (prep) {
                static const uint32_t P[] = {0, KH_CP_BEH, KH_CP_KAF, KH_CP_LAM, KH_CP_SEEN};
                if (j >= n || lex[j] != P[prep] || is_fused(lex + j, n - j)) continue;
                j++;
                k = prep_pronoun(lex, n, j, prep, out, k, conj);
            }
            if (prep == 4) { /* future س: only before an imperfect verb */
                if (j < n && n - j >= 3 && is_imperfect_prefix(lex[j]))
                    k = add_with_enclitics(lex, n, (uint8_t)j, KH_CHAIN(conj, prep, 0, 0), out, k);
                continue;
            }
            /* after ل the article is لل, so a stem there may start with ال */
            int k0 = k;
            if (n - j >= 2 && (conj || prep))
                k = add_with_enclitics(lex, n, (uint8_t)j, KH_CHAIN(conj, prep, 0, 0), out, k);
            else if (!conj && !prep)
                k = add_with_enclitics(lex, n, 0, 0, out, k);
            if (prep != 3 && starts_with_article(lex, n, j))
                for (int q = k0; q < k; q++)
                    out[q].artstem = 1; /* kept, but see kh_seg_evidence() */
            /* the article: ال, or after ل the single lam of لل */
            if (prep == 3) {
                if (j < n && lex[j] == KH_CP_LAM && n - j - 1 >= 2)
                    k = add_with_enclitics(lex, n, (uint8_t)(j + 1), KH_CHAIN(conj, prep, 1, 0),
                                           out, k);
                if (j < n && lex[j] == KH_CP_LAM && n - j >= 3)
                    k = add_with_enclitics(lex, n, (uint8_t)j, KH_CHAIN(conj, prep, 1, 1), out, k);
            } else if (prep != 4 && j + 1 < n && lex[j] == KH_CP_ALEF && lex[j + 1] == KH_CP_LAM &&
                       n - j - 2 >= 2 && !is_not_article(lex, n, j)) {
                k = add_with_enclitics(lex, n, (uint8_t)(j + 2), KH_CHAIN(conj, prep, 1, 0), out,
                                       k);
            }
        }
    }
    for (int i = 0; i < k; i++)
        out[i].stem_len =
            (uint8_t)(n - out[i].np - out[i].ne > 255 ? 255 : n - out[i].np - out[i].ne);
    /* add_with_enclitics() leaves artstem unset; the caller marks it above */
    return k;
}

size_t kh_seg_utf8(const uint32_t *lex, size_t i, size_t j, uint8_t *out)
{
    size_t o = 0;
    for (; i < j; i++)
        o += kh_utf8_encode(lex[i], out + o);
    out[o] = 0;
    return o;
}

size_t kh_seg_stem_key(const uint32_t *lex, size_t n, const kh_cand *c, uint8_t *out)
{
    size_t e = n - c->ne;
    size_t o = kh_seg_utf8(lex, c->np, e, out);
    if ((c->restore & KH_RESTORE_TM) && o >= 2) {
        out[o - 2] = 0xD8; /* ت U+062A → ة U+0629 */
        out[o - 1] = 0xA9;
    } else if ((c->restore & KH_RESTORE_YA) && o >= 2) {
        out[o - 2] = 0xD9; /* ا U+0627 → ي U+064A, the lexicon form of ى */
        out[o - 1] = 0x8A;
    }
    return o;
}

#define FUTURE_BOOST        20.0 /* س before an imperfect verb seen this often ... */
#define FUTURE_MIN          1.0  /* ... times: almost surely the future marker */
#define ART_CLIP            1000.0
#define DET_BOOST           20.0
#define ART_STEM_PENALTY    0.02
#define VERB_MIN            3.0
#define VERB_PENALTY        0.01
#define UNSEEN_STEM_PENALTY 0.1

double kh_seg_evidence(const kh_cand *c, double art_stem, double art_word, double stem_count,
                       double verb_count)
{
    /* A stem that starts with ال where the article could be split off is
    ** rare (التقى، التزم are verbs of their own), so it needs strong support. */
    double f = c->artstem && verb_count < VERB_MIN ? ART_STEM_PENALTY : 1.0;
    if (!c->np && !c->ne) return f;
    /* ids: 1 هما 2 كما 3 ها 4 هم 5 هن 6 كم 7 كن 8 ني 9 نا 10 ه 11 ك 12 ي */
    int person12 =
        c->enc == 2 || c->enc == 6 || c->enc == 7 || c->enc == 8 || c->enc == 11 || c->enc == 12;
    /* Two-letter stems are too ambiguous for it (الان is الآن, not ال+ان). */
    size_t stem_letters = c->stem_len;
    /* the article test, except where ال + stem is the word itself (التي) */
    int self_ref = KH_CHAIN_DET(c->chain) && !KH_CHAIN_CONJ(c->chain) && !KH_CHAIN_PREP(c->chain);
    if (!person12 && !self_ref && stem_letters >= 3) {
        double r = (art_stem + 1.0) / (art_word + 1.0);
        if (r > ART_CLIP) r = ART_CLIP;
        if (r < 1.0 / ART_CLIP) r = 1.0 / ART_CLIP;
        f *= r;
    }
    /* A proclitic before a stem never seen alone nor with ال: the tail of a
    ** foreign name more likely than a word (وانغ → انغ). */
    if (c->np && !KH_CHAIN_DET(c->chain) && stem_count < 1 && art_stem < 1)
        f *= UNSEEN_STEM_PENALTY;
    if (KH_CHAIN_PREP(c->chain) == 4 && stem_count >= FUTURE_MIN) f *= FUTURE_BOOST;
    /* A clitic before ال and three more letters is all but certain (بالنسبة،
    ** والفارسية); words that merely start so (والدة، بالون) keep shorter tails. */
    if (KH_CHAIN_DET(c->chain) && (c->np > 2 || KH_CHAIN_PREP(c->chain) == 3) && stem_letters >= 3)
        f *= DET_BOOST;
    /* ال at the start of a past verb of forms VII-VIII (التقى، التزم): the
    ** same letters after ي (يلتقي، يلتزم) are its imperfect. */
    if (KH_CHAIN_DET(c->chain) && !KH_CHAIN_LAM(c->chain) && KH_CHAIN_PREP(c->chain) != 3 &&
        verb_count >= VERB_MIN)
        f *= VERB_PENALTY;
    return f;
}

/* Count of the lexicon entry for ال + s[0..l), where s sits at scratch + 4. */
static double article_count(const kh_lexicon *lx, uint8_t *scratch, size_t l)
{
    scratch[0] = 0xD8; /* ا */
    scratch[1] = 0xA7;
    scratch[2] = 0xD9; /* ل */
    scratch[3] = 0x84;
    const kh_lex_entry *e = kh_lex_find(lx, scratch, l + 4);
    return e ? e->count : 0.0;
}

/* Count of the imperfect ي + lex[1..n) of a word that starts with ا. */
static double verb_count_of(const kh_lexicon *lx, const uint32_t *lex, size_t n, uint8_t *scratch)
{
    if (n < 4 || lex[0] != KH_CP_ALEF) return 0;
    scratch[0] = 0xD9; /* ي */
    scratch[1] = 0x8A;
    size_t l = kh_seg_utf8(lex, 1, n, scratch + 2);
    const kh_lex_entry *e = kh_lex_find(lx, scratch, l + 2);
    return e ? e->count : 0.0;
}

double kh_seg_verb_count(const kh_lexicon *lx, const uint32_t *lex, size_t n, uint8_t *scratch)
{
    return verb_count_of(lx, lex, n, scratch);
}

size_t kh_seg_alef_at(const kh_cand *c)
{
    if (c->artstem) return c->np;
    if (KH_CHAIN_DET(c->chain) && !KH_CHAIN_LAM(c->chain) && KH_CHAIN_PREP(c->chain) != 3)
        return (size_t)c->np - 2;
    return SIZE_MAX;
}

/* Mass of an unseen inflected stem through its base: يعززان → يعزز. */
static double backoff_mass(const kh_lexicon *lx, uint8_t *s, size_t l)
{
    static const char *const SUF[] = {"\xd8\xa7\xd9\x86", "\xd9\x88\xd9\x86", "\xd9\x8a\xd9\x86",
                                      "\xd8\xa7\xd8\xaa", "\xd9\x88\xd8\xa7", "\xd8\xa9",
                                      "\xd8\xaa",         "\xd8\xa7"}; /* ان ون ين ات وا ة ت ا */
    for (size_t i = 0; i < sizeof SUF / sizeof SUF[0]; i++) {
        size_t k = strlen(SUF[i]);
        if (l > k + 4 && memcmp(s + l - k, SUF[i], k) == 0) {
            const kh_lex_entry *e = kh_lex_find(lx, s, l - k);
            if (e && e->mass) return 0.5 * e->mass;
        }
    }
    return 0;
}

/* Tunables of the unseen-word decision, in corpus-count units. */
#define NEW_STEM_BETA  0.5   /* as in tools/mklexicon: a new stem of n letters is worth 0.5^n */
#define ARTICLE_PSEUDO 50.0f /* credit for ال before an unseen stem of 3+ letters */

kh_cand kh_seg_decide(const kh_lexicon *lx, const uint32_t *lex, size_t n, uint8_t *scratch)
{
    kh_cand cand[KH_SEG_MAXCAND];
    kh_cand best = {0, 0, 0, 0, 0, 0, 0, 0};
    if (n < 2) return best;
    size_t wl = kh_seg_utf8(lex, 0, n, scratch);
    const kh_lex_entry *we = kh_lex_find(lx, scratch, wl);
    if (we && (we->seg & KH_LEX_SEG_KNOWN)) {
        /* Re-derive the full candidate (chain, enclitic id) that matches the
        ** stored split, so the caller can name its parts. */
        int nc = kh_seg_candidates(lex, n, cand);
        uint32_t np = KH_LEX_SEG_NP(we->seg), ne = KH_LEX_SEG_NE(we->seg);
        uint32_t r = KH_LEX_SEG_RESTORE(we->seg);
        for (int i = 0; i < nc; i++)
            if (cand[i].np == np && cand[i].ne == ne && cand[i].restore == r) return cand[i];
        return best;
    }
    int nc = kh_seg_candidates(lex, n, cand);
    float best_score = -1.0f;
    double aw = -1; /* ال + the whole word, looked up once when first needed */
    for (int i = 0; i < nc; i++) {
        const kh_cand *c = &cand[i];
        if (c->forced) return *c;
        size_t al = kh_seg_alef_at(c);
        double vc = al != SIZE_MAX ? verb_count_of(lx, lex + al, n - c->ne - al, scratch) : 0;
        if (!c->np && !c->ne) {
            /* an unseen word is worth what the learner gives a new stem */
            float s = ((we ? (float)we->count : 0.0f) + (float)pow(NEW_STEM_BETA, (double)n)) *
                      (float)kh_seg_evidence(c, 0, 0, 0, vc);
            if (s > best_score) {
                best_score = s;
                best = *c;
            }
            continue;
        }
        size_t sl = kh_seg_stem_key(lex, n, c, scratch + 4);
        const kh_lex_entry *se = kh_lex_find(lx, scratch + 4, sl);
        float mass = se ? (float)se->mass : 0.0f;
        if (mass <= 0) mass = (float)backoff_mass(lx, scratch + 4, sl);
        if (KH_CHAIN_DET(c->chain) && c->stem_len >= 3) mass += ARTICLE_PSEUDO;
        if (mass <= 0) continue; /* no evidence for this stem at all */
        float rate = 1.0f;
        if (lx && lx->chain_rate)
            rate *= lx->chain_rate[c->chain] / (lx->chain_rate[0] > 0 ? lx->chain_rate[0] : 1.0f);
        if (lx && lx->enc_rate)
            rate *= lx->enc_rate[c->enc] / (lx->enc_rate[0] > 0 ? lx->enc_rate[0] : 1.0f);
        double as = 0;
        if (c->stem_len >= 3 || c->np) {
            as = article_count(lx, scratch, sl);
            if (aw < 0) {
                size_t l = kh_seg_utf8(lex, 0, n, scratch + 4);
                aw = article_count(lx, scratch, l);
            }
        }
        float s =
            mass * rate * (float)kh_seg_evidence(c, as, aw < 0 ? 0 : aw, se ? se->count : 0.0, vc);
        if (s > best_score) {
            best_score = s;
            best = *c;
        }
    }
    return best;
}
