/*
** speakers.c - who said what: verbs of saying, their subjects, reported
** clauses, which quoted spans are statements, speakers carried across
** paragraphs, fullest names, and source attributions
** (arabic-news-primer.md §6).
**
** 1. Cues. Every verb of saying outside quotes (words.c, matched on the
**    folded stem, so وقال، فقال، وأضافت match) and every colon that follows
**    a bare noun phrase (لافروف: “…”) is a cue. Its subject is the noun
**    phrase after the verb (VSO: وقال وزير الخارجية الروسي سيرغي لافروف), or
**    before it when nothing follows and the verb has no و (روسيا تقول إن);
**    otherwise the subject is dropped. A participle (قائلا، مضيفا) takes the
**    subject of the sentence it hangs on.
** 2. Reported speech: a cue followed, after its subject and short adjuncts
**    (في بيان، الشهر الماضي، a comma-delimited phrase), by an إن/أن particle
**    (إنه، بأن، إلى أن) in the same sentence; the clause runs from the
**    particle to the end of the sentence (a full stop inside quotes does not
**    end it). Verbs that also take a noun object (أعلن عن، نفى، اعتبر) need
**    the particle close by.
** 3. Statements. A quoted span is a statement when a cue governs it (a colon
**    before it, a verb of saying earlier in its sentence, or a verb of saying
**    right after it), when it continues a statement with nothing but
**    punctuation between, or when it opens its paragraph. A short span after
**    a noun (الشراكة “بلا حدود”), a span after a naming noun (حملة “…”), a
**    quoted name inside a speaker's noun phrase, and quotes in the headline
**    without a colon are names or terms, not statements (§6.7); so is,
**    once the recognizer has tagged the article, a span that is exactly
**    one entity (kh_extract_entities).
** 4. Speakers are resolved in text order: an explicit subject becomes the
**    last speaker; a dropped subject takes it, across paragraphs and
**    subheadings (§6.5). Before carrying, a dropped subject looks in its own
**    sentence (the opening verb's subject, a titled person after a verb, a
**    relative pronoun that agrees, a verb of saying with a noun object) and
**    at a sentence before it that only introduces a person. A dual subject
**    (الوزيران) stands for the two most recent distinct speakers (§6.6).
** 5. Fullest name: each speaker's name is looked up in every other mention
**    of it, extended over neighbouring name words when the mention follows a
**    title or a nisba (نظيره الصيني وانغ يي), sits between punctuation or
**    exactly inside quote marks, or comes before an age ((46 عاما)); a
**    hashtag (#سعد_الحريري) and a longer speaker name ending in it count
**    too, and the longest, most frequent form wins. Once the recognizer has
**    tagged the article, kh_extract_entities() lets a person entity that
**    holds the name among more words (none a title) complete it: it knows
**    first names the word lists do not (هيليل نوير).
** 6. Candidates. When the learned chooser is on (attrib.c, models/attrib.c)
**    or a caller asks (x->want_cands, for training), each statement's verb
**    also lists who else might have said it, with plain facts about each;
**    the chooser's pick replaces the rules' once all verbs are resolved.
**    The shipped chooser is off: it does not beat these rules in
**    cross-validation on the dev articles (eval/attrib_cv.py).
*/
#include "extract/extract.h"
#include "extract/stmt.h"

#include <stdlib.h>
#include <string.h>

#define NP_MAX              14
#define NAME_MAX_TOKENS     KX_NAME_MAX_TOKENS
#define LEFT_NP_MAX         6
#define CLAUSE_GAP_STRONG   25
#define CLAUSE_GAP_WEAK     5
#define CLAUSE_GAP_NO_COMMA 10
#define CLAUSE_GAP_FAR      60 /* a strong verb's adjunct that a comma and the particle close */
#define CLAUSE_COMMAS_FAR   8
#define ASIDE_MAX           10 /* words of an aside between dashes or brackets */
#define LONG_QUOTE_WORDS    8
#define SHORT_NAME_WORDS    3
#define NAMEHEAD_WORDS      6
#define NP_QUOTE_WORDS      5
#define BODY_NEAR           12 /* tokens either side of a name where its body is named */
#define BODY_NAME_MAX       9  /* words of a body's full name */
#define SUBJECT_REACH       8  /* words from a verb of saying to its subject's last */

static const kh_token *tok(const kh_extractor *x, uint32_t i)
{
    return &x->A->tokens[i];
}

static int same_line(const kh_extractor *x, uint32_t a, uint32_t b)
{
    return x->tk[a].line == x->tk[b].line;
}

static int is_word(const kh_extractor *x, uint32_t i)
{
    return (x->tk[i].flags & KX_T_WORD) != 0;
}

static int plain_word(const kh_extractor *x, uint32_t i);

static int is_ali(const kh_extractor *x, uint32_t i);

/* Whether token i is written exactly lit (the raw bytes, for the const
** predicates that cannot fold a literal). */
static int written(const kh_extractor *x, uint32_t i, const char *lit)
{
    const kh_token *t = tok(x, i);
    size_t n = strlen(lit);
    return t->end - t->start == n && !memcmp(x->text + t->start, lit, n);
}

/* Whether token i, طالب (demanded), is the last word of the subject of a
** verb of saying just before it: وأوضح المخرج والكاتب المسرحي أمين طالب أن،
** وأوضح د. أبو طالب بأنه. Two verbs of saying never stand side by side
** without و or a comma, so the second is the name its letters also spell.
** The words between are the subject's: no comma, no other verb. Only طالب:
** the other verbs seen there (أبلغ، أكدا، قال فيها) start a clause of
** their own after a relative or an object. */
static int verb_in_subject(const kh_extractor *x, uint32_t i)
{
    if (x->tk[i].pro || !kx_is(x, i, KX_SAY) || i < 3 || !same_line(x, i - 1, i) ||
        tok(x, i)->norm_len != strlen("طالب") || memcmp(tok(x, i)->norm, "طالب", strlen("طالب")))
        return 0;
    if (written(x, i - 1, "أبو") || written(x, i - 1, "ابو") || written(x, i - 1, "بن") ||
        written(x, i - 1, "ابن"))
        return 1; /* أبو طالب، خالد بن طالب: a name after the link, whatever precedes */
    if (x->tk[i - 1].pro || !is_word(x, i - 1) || kx_is(x, i - 1, KX_STOP | KX_SAY | KX_TIME) ||
        (x->tk[i - 1].flags & (KX_T_COMMA | KX_T_TERM | KX_T_PARTICLE | KX_T_ENC)))
        return 0;
    for (uint32_t j = i - 1; j-- > 0 && i - j <= SUBJECT_REACH;) {
        if (!same_line(x, j, i) || !is_word(x, j) || x->tk[j].pair >= 0 ||
            (x->tk[j].flags & (KX_T_COMMA | KX_T_TERM | KX_T_PARTICLE | KX_T_COLON)))
            return 0;
        if (kx_is(x, j, KX_SAY) && !(x->tk[j].pro & (KX_P_AL | KX_P_B | KX_P_L | KX_P_K)))
            return (x->tk[j].e->say & (KX_SAY_PARTICIPLE | KX_SAY_NOUN)) == 0 && j + 2 < i;
        if (kx_is(x, j, KX_STOP) && !(x->tk[j].pro & KX_P_AL)) return 0;
    }
    return 0;
}

/* A word that may be part of a subject noun phrase. */
static int np_word(const kh_extractor *x, uint32_t i)
{
    if (x->A->tokens[i].kind == KH_TOK_HASHTAG) return 1; /* دانت #الحكومة_الأردنية */
    if (!is_word(x, i) || (x->tk[i].flags & KX_T_PARTICLE)) return 0;
    if (tok(x, i)->flags & KH_TOKF_PREFIX) return 0; /* a detached لـ */
    if (tok(x, i)->kind == KH_TOK_ARABIC && tok(x, i)->norm_len <= 2)
        return 0; /* و أضاف، ل"…": a lone letter is a detached clitic, never a noun */
    if (kx_is(x, i, KX_SAY) && (x->tk[i].pro & KX_P_AL) &&
        !kx_is(x, i, KX_STOP | KX_TIME | KX_SOURCE | KX_RELDATE | KX_WEEKDAY))
        return 1; /* ال makes a noun of the verb's letters: خالد | الطالب */
    if (x->tk[i].pro == KX_P_AL && tok(x, i)->norm_len == strlen("الماضي") &&
        !memcmp(tok(x, i)->norm, "الماضي", strlen("الماضي")) && i > 0 && same_line(x, i - 1, i) &&
        plain_word(x, i - 1))
        return 1; /* فوزان | الماضي: a time adjective follows a time noun (الشهر الماضي),
                  ** never a bare name: after one it is the surname */
    if (kx_is(x, i, KX_STOP) && (x->tk[i].pro & KX_P_AL) && !kx_is(x, i, KX_TITLE) &&
        tok(x, i)->norm_len > x->tk[i].e->len + 2)
        return 1; /* فهد | العلي: found through its stem علي، which folds like the
                  ** preposition على; a preposition never takes ال */
    if (i > 0 &&
        (tok(x, i - 1)->kind == KH_TOK_ABBREV ||
         (((kx_is(x, i - 1, KX_TITLE) && !kx_is(x, i - 1, KX_ORG)) ||
           written(x, i - 1, "المقدم")) &&
          same_line(x, i - 1, i))) &&
        is_ali(x, i))
        return 1; /* د. | علي، الدكتور | علي الموسى، المقدم | علي: the name, which folds
                  ** like the preposition على (المقدم, a rank, is no title: "the
                  ** presenter" and "the one submitted" are written alike) */
    if (i > 0 && kx_is(x, i - 1, KX_SAY) && !(x->tk[i - 1].pro & KX_P_AL) && is_ali(x, i) &&
        (written(x, i + 1, "بن") || written(x, i + 1, "ابن")))
        return 1; /* وقال علي بن صميخ المري: right after the verb, with a nasab after
                  ** it, the name (some typists write على with ي too) */
    if (kx_is(x, i, KX_STOP | KX_SAY | KX_TIME | KX_SOURCE | KX_RELDATE | KX_WEEKDAY))
        return kx_is(x, i, KX_TITLE) != 0;
    return 1;
}

/* ---- noun phrases ----------------------------------------------------------------- */

/* Token norm without its proclitics (و ف ب ك ل ال): the noun itself, so
** that المنظمة and منظمة compare equal. */
static void stem_norm(const kh_extractor *x, uint32_t i, const char **s, size_t *n)
{
    const kh_token *t = tok(x, i);
    if (!t->norm) { /* punctuation has no normalized form */
        *s = "";
        *n = 0;
        return;
    }
    uint32_t pro = x->tk[i].pro;
    size_t skip = 0;
    skip += (pro & KX_P_W) ? 2 : 0;
    skip += (pro & KX_P_F) ? 2 : 0;
    skip += (pro & KX_P_B) ? 2 : 0;
    skip += (pro & KX_P_K) ? 2 : 0;
    if ((pro & KX_P_L) && (pro & KX_P_AL))
        skip += 4; /* لل */
    else if (pro & KX_P_L)
        skip += 2;
    else if (pro & KX_P_AL)
        skip += 4;
    if (skip >= t->norm_len) skip = 0;
    *s = t->norm + skip;
    *n = t->norm_len - skip;
}

/* Whether tokens a and b have one stem (their proclitics left out). */
static int same_stem(const kh_extractor *x, uint32_t a, uint32_t b)
{
    const char *sa, *sb;
    size_t na, nb;
    stem_norm(x, a, &sa, &na);
    stem_norm(x, b, &sb, &nb);
    return na && na == nb && !memcmp(sa, sb, na);
}

static int stem_is(kh_extractor *x, uint32_t i, const char *lit)
{
    char buf[KX_LIT_MAX];
    size_t fl;
    const char *f = kx_lit(x, lit, &fl, buf);
    const char *s;
    size_t n;
    stem_norm(x, i, &s, &n);
    return n == fl && !memcmp(s, f, n);
}

/* Whether token i, without its proclitics (stem_in) or as written after
** them (norm_in), is one of the n words of list. */
static int stem_in(kh_extractor *x, uint32_t i, const char *const *list, size_t n)
{
    for (size_t q = 0; q < n; q++)
        if (stem_is(x, i, list[q])) return 1;
    return 0;
}

static int norm_in(kh_extractor *x, uint32_t i, const char *const *list, size_t n)
{
    for (size_t q = 0; q < n; q++)
        if (kx_norm_is(x, i, list[q])) return 1;
    return 0;
}

#define STEM_IN(x, i, list) stem_in((x), (i), (list), sizeof(list) / sizeof(list)[0])
#define NORM_IN(x, i, list) norm_in((x), (i), (list), sizeof(list) / sizeof(list)[0])

/* علي, the name, folds like على, the preposition; the written ي (not ى)
** before another word tells the name. */
static int is_ali(const kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    if (t->norm_len != 6 || memcmp(t->norm, "\xd8\xb9\xd9\x84\xd9\x8a", 6) ||
        t->end - t->start != 6 || memcmp(x->text + t->start + 4, "\xd9\x8a", 2))
        return 0;
    if (i > 0 && same_line(x, i - 1, i) && tok(x, i - 1)->kind == KH_TOK_ABBREV)
        return 1; /* د. علي: after an abbreviated title, the name alone */
    if (i > 1 && same_line(x, i - 1, i) && !x->tk[i - 1].pro && !x->tk[i].pro &&
        tok(x, i - 1)->kind == KH_TOK_ARABIC && (x->tk[i - 1].flags & KX_T_WORD) &&
        kx_is(x, i - 2, KX_SAY) && !kx_is(x, i - 1, KX_STOP | KX_TITLE) &&
        (i + 1 >= x->A->ntokens || !same_line(x, i, i + 1) ||
         (x->tk[i + 1].flags & (KX_T_PARTICLE | KX_T_COMMA | KX_T_COLON | KX_T_TERM))))
        return 1; /* قال محمد علي إن: after the verb and a first name, before the
                  ** clause, the name (على with its object would come between) */
    return i + 1 < x->A->ntokens && tok(x, i + 1)->kind == KH_TOK_ARABIC &&
           !kx_is(x, i + 1, KX_STOP) && same_line(x, i, i + 1);
}

/* A word ending in the tanween alef of the accusative (واضحا). */
static int accusative(const kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    return t->norm_len >= 6 && !memcmp(t->norm + t->norm_len - 2, "\xd8\xa7", 2);
}

static int name_word(const kh_extractor *x, uint32_t i);

/* لبي بي سي، لسي إن إن: an outlet spelled letter by letter after ل, which
** the segmenter leaves on the first letter. Returns the token after the
** outlet, or s when tokens s… are not one. */
static uint32_t lam_acronym(const kh_extractor *x, uint32_t s)
{
    const kh_token *t = tok(x, s);
    uint32_t k = s + 1;
    if (t->kind != KH_TOK_ARABIC || t->norm_len > 6 || t->end - t->start < 2 ||
        memcmp(x->text + t->start, "\xd9\x84", 2))
        return s;
    while (k < x->A->ntokens && k - s <= 3 && tok(x, k)->kind == KH_TOK_ARABIC &&
           tok(x, k)->norm_len <= 4 && same_line(x, k - 1, k))
        k++;
    return k >= s + 3 ? k : s; /* two spelled letters at least */
}

/* Whether token i ends a speaker's name: a title in apposition, an إن/أن
** particle, a comma, a colon, the sentence end or the line end. */
static int name_end_at(const kh_extractor *x, uint32_t i)
{
    if (i >= x->A->ntokens || !same_line(x, i - 1, i)) return 1;
    if (tok(x, i)->flags & KH_TOKF_PREFIX) return 1; /* لـ"…": an addressee */
    if (lam_acronym(x, i) > i) return 1;             /* لبي بي سي */
    if (kx_is(x, i, KX_TITLE) && (x->tk[i].pro & KX_P_L))
        return 1; /* لموقع، لوكالة: the medium spoken to */
    return (x->tk[i].flags & (KX_T_PARTICLE | KX_T_COMMA | KX_T_TERM | KX_T_COLON | KX_T_QMARK)) ||
           (kx_is(x, i, KX_TITLE) && !(x->tk[i].pro & (KX_P_B | KX_P_L | KX_P_W)) &&
            !(x->tk[i].flags & KX_T_ENC)); /* X بحرص | وزارته: a noun with a pronoun
                                           ** is an object, not a title in apposition */
}

static int surface_ends(const kh_extractor *x, uint32_t i, const char *suf);

/* A word the segmenter split as ب/ل/و + stem, though it is no clitic but
** the first letter of a name (عبدالله بترجي، سارة ليا ويتسن، جون لوبيز):
** right after a name word, it is part of the name when the name ends
** right after it, or after one more such word. A real بـ/لـ phrase there
** would need its own complement; a real و would join a second name, and
** both names then speak together. */
static int split_clitic(const kh_extractor *x, uint32_t i)
{
    uint32_t pro = x->tk[i].pro;
    /* بالحاج، بالرقدال: a surname that opens with بال reads as ب + ال + stem;
    ** a plural after بال is an object (التقى زيد | بالصحفيين), no surname */
    if (pro == (KX_P_B | KX_P_AL))
        return tok(x, i)->kind == KH_TOK_ARABIC && np_word(x, i) && !(x->tk[i].flags & KX_T_ENC) &&
               !surface_ends(x, i, "ين") && !surface_ends(x, i, "ون") && !surface_ends(x, i, "ات");
    return (pro == KX_P_B || pro == KX_P_L || pro == KX_P_W || pro == KX_P_K) &&
           tok(x, i)->kind == KH_TOK_ARABIC && np_word(x, i) && !(x->tk[i].flags & KX_T_ENC);
}

/* A bare word that may be a surname: no clitic, no list word. */
static int plain_word(const kh_extractor *x, uint32_t i)
{
    return tok(x, i)->kind == KH_TOK_ARABIC && !x->tk[i].pro && !x->tk[i].e &&
           !(x->tk[i].flags & (KX_T_ENC | KX_T_PARTICLE));
}

static int nisba(const kh_extractor *x, uint32_t i);

/* Whether token i follows a person's title and its complements on the same
** line: definite words, bodies in construct, time words and the title's
** bare adjective (كاتب عام نقابة التعليم |، وزير التجارة الأمريكي |). */
static int titled_before(const kh_extractor *x, uint32_t i)
{
    for (uint32_t j = i; j > 0 && i - j < 6 && same_line(x, j - 1, i); j--) {
        uint32_t k = j - 1;
        if (kx_is(x, k, KX_TITLE) && !kx_is(x, k, KX_ORG)) return 1;
        if (k > 0 && kx_is(x, k - 1, KX_TITLE) && !kx_is(x, k - 1, KX_ORG) && !x->tk[k].pro)
            continue; /* كاتب | عام: the title's adjective */
        if ((x->tk[k].flags & (KX_T_ENC | KX_T_PARTICLE)) || tok(x, k)->kind != KH_TOK_ARABIC)
            return 0;
        /* a body in construct (نقابة التعليم) or a time word (الأمين العام)
        ** continues the chain */
        if (!(x->tk[k].pro & KX_P_AL) && !kx_is(x, k, KX_ORG | KX_TIME)) return 0;
    }
    return 0;
}

/* The links of a nasab: سعيد بن عبدالعزيز بن مشيط. */
static const char *const NASAB_LINKS[] = {"بن", "ابن", "بنت"};

/* Whether token i is written as one of the NASAB_LINKS (the const twin of
** NORM_IN for the name predicates, which take a const extractor). */
static int link_word(const kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    for (size_t q = 0; q < sizeof NASAB_LINKS / sizeof NASAB_LINKS[0]; q++)
        if (t->norm_len == strlen(NASAB_LINKS[q]) && !memcmp(t->norm, NASAB_LINKS[q], t->norm_len))
            return 1;
    return 0;
}

/* First names the segmenter reads as لـ + stem. Foreign names in لو/لي/لؤ/لا
** (ليو دوبس، لودي دي فوس، لي كون، لانس ووركمان) are told by their second
** letter: nouns after a title's لـ seldom start with و, ي or bare ا (وزارة
** and ولاية are titles; للاتحاد writes its ال). */
static const char *const LAM_NAMES[] = {"لبنى", "لبني", "لمياء", "لميس", "لطيفة", "لطفي",
                                        "لينا", "لارا", "لمى",   "لجين", "لانا"};

static int lam_name(const kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    const uint8_t *w = x->text + t->start;
    size_t n = t->end - t->start;
    if (n >= 4 && w[0] == 0xd9 && w[1] == 0x84 &&
        ((w[2] == 0xd9 && (w[3] == 0x88 || w[3] == 0x8a)) ||
         (w[2] == 0xd8 && (w[3] == 0xa4 || w[3] == 0xa7))))
        return 1; /* لو، لي، لؤ، لا (لانس ووركمان) */
    for (size_t q = 0; q < sizeof LAM_NAMES / sizeof LAM_NAMES[0]; q++)
        if (written(x, i, LAM_NAMES[q])) return 1;
    return 0;
}

static int split_surname(const kh_extractor *x, uint32_t i)
{
    if (i == 0 || i + 1 >= x->A->ntokens || !split_clitic(x, i)) return 0;
    if (!same_line(x, i - 1, i) || (x->tk[i - 1].pro & KX_P_B)) return 0;
    /* ليا | ويتسن،: one more split word, then the end */
    int two = i + 2 < x->A->ntokens && same_line(x, i, i + 1) && split_clitic(x, i + 1) &&
              name_end_at(x, i + 2);
    if (name_word(x, i - 1)) return name_end_at(x, i + 1) || two;
    /* وزير التجارة الأمريكي | ويبور روس، الكاتب العام للنقابة | لسعد
    ** اليعقوبي: after a person's title and its definite complements, a
    ** split word before a bare name or a nisba surname is the first name; a
    ** real و there would open a phrase, not a name; بـ there is the place of
    ** the office (مندوب الصحة بصفاقس | عماد المعلول). A real لـ names the
    ** body whose title it is (المدير التنفيذي لسوق | عكاظ، لمهرجان |
    ** الجنادرية), so a لـ word is a name only before a nasab link (لبنى |
    ** بنت) or a masculine nisba (لسعد | اليعقوبي) */
    if ((x->tk[i].pro == KX_P_W || x->tk[i].pro == KX_P_L) && titled_before(x, i) &&
        !kx_is(x, i, KX_TITLE | KX_STOP) && same_line(x, i, i + 1) &&
        ((!x->tk[i + 1].pro && name_word(x, i + 1) &&
          (x->tk[i].pro == KX_P_W || link_word(x, i + 1) || lam_name(x, i))) ||
         (x->tk[i + 1].pro == KX_P_AL && nisba(x, i + 1) && !kx_is(x, i + 1, KX_TITLE) &&
          (x->tk[i].pro == KX_P_W || surface_ends(x, i + 1, "ي")))))
        return 1;
    /* الطبيبة | كريستينا بلانشارد | مديرة: a definite person's title, then a
    ** first name and a surname, the first split as ك + stem */
    return two && kx_is(x, i - 1, KX_TITLE) && !kx_is(x, i - 1, KX_ORG) &&
           (x->tk[i - 1].pro & KX_P_AL);
}

/* كريستينا بلانشارد: a first name in نا that the segmenter read as a word
** with the pronoun نا. After a person's title, a nisba or a name word and before
** a bare surname that ends the name, it is a name. */
static int split_na_name(const kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    if (i == 0 || i + 2 >= x->A->ntokens || !(x->tk[i].flags & KX_T_ENC) || x->tk[i].pro ||
        t->kind != KH_TOK_ARABIC || t->norm_len < 8 ||
        memcmp(t->norm + t->norm_len - 4, "\xd9\x86\xd8\xa7", 4) || !same_line(x, i - 1, i + 1))
        return 0;
    if (!(kx_is(x, i - 1, KX_TITLE) && !kx_is(x, i - 1, KX_ORG)) && !plain_word(x, i - 1) &&
        !(x->tk[i - 1].pro == KX_P_AL && nisba(x, i - 1)))
        return 0; /* الفنلندية | تينا يوهياينن: a nationality before the name, too */
    return plain_word(x, i + 1) && name_end_at(x, i + 2);
}

/* A word that can be part of a personal or proper name. */
/* ماي after a first name (تيريزا ماي): a month that is also a common
** word (needs_next) and has no number beside it is no date. */
static int month_as_name(const kh_extractor *x, uint32_t i)
{
    if (!kx_is(x, i, KX_MONTH) || !x->tk[i].e->needs_next || x->tk[i].pro || i == 0 ||
        !same_line(x, i - 1, i))
        return 0;
    if ((x->tk[i - 1].flags & KX_T_COMMA) && i + 1 < x->A->ntokens && same_line(x, i, i + 1) &&
        tok(x, i + 1)->kind == KH_TOK_ARABIC && !x->tk[i + 1].e && !x->tk[i + 1].pro)
        return 1; /* المتحدث باسم المجموعة، ماي آيك كياو،: a first name after a comma,
                  ** a bare unlisted word after it */
    return tok(x, i - 1)->kind == KH_TOK_ARABIC && !x->tk[i - 1].e && !x->tk[i - 1].pro &&
           (i + 1 >= x->A->ntokens || tok(x, i + 1)->kind != KH_TOK_NUMBER);
}

/* الـ51، الـ44: the article written apart from a number in digits, an
** ordinal (التقرير الـ51، الرئيس الـ44). */
static int al_ordinal(const kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    return t->kind == KH_TOK_ARABIC && t->norm_len == 4 &&
           !memcmp(t->norm, "\xd8\xa7\xd9\x84", 4) && i + 1 < x->A->ntokens &&
           tok(x, i + 1)->kind == KH_TOK_NUMBER && same_line(x, i, i + 1);
}

/* Foreign given names that open with the letters of ال, as normalized
** (ألبرت and البرت alike): the segmenter reads البرت as ال + برت. */
static const char *const AL_NAMES[] = {"البرت",     "البرتو",   "الكسندر", "الكسندرا", "اليكسي",
                                       "الكسي",     "الكسيس",   "اليكس",   "الفريد",   "الفونسو",
                                       "اليخاندرو", "اليزابيث", "اليسون",  "الياس",    "اليسا"};

/* Given names written with ال, common in the Maghreb (الحبيب الصيد، الباجي
** قائد السبسي، المنصف المرزوقي), as normalized: after a title they open
** the name, not an adjective of the title. Only those that are rarely
** anything else: not الأمين (الأمين العام), العربي, الحسن, الطيب, nor
** الأزهر (جامعة الأزهر), المكي, الهاشمي, البشير (عمر البشير). */
static const char *const AL_GIVEN[] = {"الحبيب", "الباجي", "الهادي",  "المنصف",  "الطاهر",
                                       "الصادق", "المنجي", "الناصر",  "المختار", "الشاذلي",
                                       "الفاضل", "النوري", "المولدي", "العياشي", "الجيلاني"};

static int al_name(const kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    if (x->tk[i].pro != KX_P_AL || t->kind != KH_TOK_ARABIC) return 0;
    for (size_t q = 0; q < sizeof AL_NAMES / sizeof AL_NAMES[0]; q++)
        if (t->norm_len == strlen(AL_NAMES[q]) && !memcmp(t->norm, AL_NAMES[q], t->norm_len))
            return 1;
    return 0;
}

/* Whether token i is one of AL_GIVEN followed by another word, its family
** name, on its line. */
static int al_given(kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    if (x->tk[i].pro != KX_P_AL || t->kind != KH_TOK_ARABIC || i + 1 >= x->A->ntokens ||
        !same_line(x, i, i + 1) || tok(x, i + 1)->kind != KH_TOK_ARABIC ||
        (x->tk[i + 1].flags & (KX_T_PARTICLE | KX_T_ENC)))
        return 0;
    if (i > 0 && stem_is(x, i - 1, "محيط")) return 0; /* المحيط الهادي, the Pacific */
    return NORM_IN(x, i, AL_GIVEN);
}

/* The end of the name that al_given token k opens, before token limit: a
** family name with ال (الحبيب الصيد), قائد and a word (الباجي قائد السبسي),
** or up to two bare words and an ال surname after them (الهادي مجدوب). */
static uint32_t al_given_end(kh_extractor *x, uint32_t k, uint32_t limit)
{
    uint32_t e = k + 1;
    if (e + 1 < limit && !x->tk[e].pro && kx_norm_is(x, e, "قائد")) return e + 2;
    while (e < limit && e - k <= 2 && name_word(x, e))
        e++;
    if (e < limit && x->tk[e].pro == KX_P_AL && np_word(x, e) && !kx_is(x, e, KX_TITLE | KX_TIME))
        e++;
    return e;
}

/* قائد as a given name: bare, before one name word that ends the name
** (المتحدث باسم المقاومة بلحج قائد | نصر، أن); قائد الجيش، قائد قوات
** التحالف go on as titles. */
static int qaid_name(const kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    static const char QAID[] = "\xd9\x82\xd8\xa7\xd8\xa6\xd8\xaf"; /* قائد */
    return !x->tk[i].pro && t->kind == KH_TOK_ARABIC && t->end - t->start == sizeof QAID - 1 &&
           !memcmp(x->text + t->start, QAID, sizeof QAID - 1) && i + 2 < x->A->ntokens &&
           same_line(x, i, i + 1) && !x->tk[i + 1].pro && !kx_is(x, i + 1, KX_TITLE | KX_STOP) &&
           np_word(x, i + 1) && tok(x, i + 1)->kind == KH_TOK_ARABIC && name_end_at(x, i + 2) &&
           !surface_ends(x, i + 1, "ات") && !surface_ends(x, i + 1, "ة") &&
           !(i > 0 && same_line(x, i - 1, i) &&
             ((x->tk[i - 1].pro & KX_P_AL) || name_word(x, i - 1)));
    /* not قائد عمليات، قائد فرقة (a body he commands), nor قاعدة العند قائد،
    ** جون هسترمان قائد (a title after a name) */
}

/* Kin who speak for a family (شقيق ولي العهد، خالد بن سلمان،): the head of
** a description, never a name word. Not ابن (a nasab's word), nor أخ، عم،
** خال (also "brother!", "about what", "empty"). As normalized, the way a
** token's norm spells them (زوجة as زوجه, أرملة as ارمله). */
static const char *const KIN_HEADS[] = {"زوج",   "زوجه", "شقيق", "شقيقه", "والد",
                                        "والده", "نجل",  "نجله", "ارمله"};

static int kin_head(const kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    if (x->tk[i].pro || (x->tk[i].flags & KX_T_ENC) || t->kind != KH_TOK_ARABIC) return 0;
    for (size_t q = 0; q < sizeof KIN_HEADS / sizeof KIN_HEADS[0]; q++)
        if (t->norm_len == strlen(KIN_HEADS[q]) && !memcmp(t->norm, KIN_HEADS[q], t->norm_len))
            return 1;
    return 0;
}

static int name_word(const kh_extractor *x, uint32_t i)
{
    if (al_ordinal(x, i) || kin_head(x, i)) return 0;
    if (al_name(x, i) || qaid_name(x, i)) return 1;
    if (is_ali(x, i) || split_surname(x, i) || split_na_name(x, i)) return 1;
    if (month_as_name(x, i)) return 1;
    if (lam_acronym(x, i) > i) return 0; /* غرين | لبي بي سي: whom he told */
    return np_word(x, i) && !(x->tk[i].flags & KX_T_ENC) &&
           !(x->tk[i].pro & (KX_P_AL | KX_P_B | KX_P_L | KX_P_K)) &&
           !kx_is(x, i, KX_TITLE | KX_MONTH | KX_NUMW | KX_SCALE | KX_STOP) &&
           tok(x, i)->kind == KH_TOK_ARABIC;
}

/* The end of the run of name words from token k, before limit and at most
** NAME_MAX_TOKENS long. */
static uint32_t name_run(const kh_extractor *x, uint32_t k, uint32_t limit)
{
    uint32_t e = k;
    while (e < limit && e - k < NAME_MAX_TOKENS && name_word(x, e))
        e++;
    return e;
}

/* A word that may extend a name: a name word or an initial (ميتشل ب. ريس). */
static int ext_word(const kh_extractor *x, uint32_t i)
{
    return name_word(x, i) || tok(x, i)->kind == KH_TOK_ABBREV;
}

static int starts_clause(const kh_extractor *x, uint32_t i)
{
    return (x->tk[i].flags & (KX_T_PARTICLE | KX_T_COLON | KX_T_COMMA)) ||
           kx_is(x, i, KX_STOP | KX_TIME | KX_SAY);
}

/* An adverbial participle right after the verb (وقال متنهدا): not the subject. */
static int manner_word(const kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    return is_word(x, i) && !x->tk[i].pro && t->norm_len >= 8 && t->norm[0] == '\xd9' &&
           t->norm[1] == '\x85' && t->norm[t->norm_len - 2] == '\xd8' &&
           t->norm[t->norm_len - 1] == '\xa7'; /* م…ا */
}

/* صلى الله عليه وسلم after رسول الله or النبي: the blessing, no part of a
** name. */
static int blessing(kh_extractor *x, uint32_t k)
{
    return k + 1 < x->A->ntokens && same_line(x, k, k + 1) && kx_norm_is(x, k, "صلى") &&
           kx_norm_is(x, k + 1, "الله");
}

/* Nouns that with بـ say how something was said (انتقد X بشدة، قال القصبي
** بتأثر كبير): never the first letters of a surname after a name. */
static const char *const MANNER_NOUNS[] = {
    "شدة",  "قوة", "وضوح",  "حزم",   "صراحة", "تأثر", "حماس",  "فخر",    "ثقة",   "أسف",
    "حسرة", "غضب", "سخرية", "حرارة", "حدة",   "لهجة", "مرارة", "اقتضاب", "إيجاز", "اختصار"};

static int manner_phrase(kh_extractor *x, uint32_t i)
{
    return x->tk[i].pro == KX_P_B && !(x->tk[i].flags & KX_T_ENC) && STEM_IN(x, i, MANNER_NOUNS);
}

/* مجلة فوربس | المتخصصة، سحر رجب | المتخصصة في شؤون الأسرة: adjectives
** that describe a named body or person, never part of the name (the gold
** names فوربس). */
static const char *const DESCRIPTORS[] = {"متخصص", "متخصصة", "موالي", "موالية"};

static int descriptor(kh_extractor *x, uint32_t k)
{
    return k > 0 && x->tk[k].pro == KX_P_AL && same_line(x, k - 1, k) && name_word(x, k - 1) &&
           STEM_IN(x, k, DESCRIPTORS);
}

/* صالح بن أحمد | البالغ من العمر 54 عاما: the age after a name. */
int kx_age_word(kh_extractor *x, uint32_t k)
{
    return x->tk[k].pro == KX_P_AL && k + 1 < x->A->ntokens && same_line(x, k, k + 1) &&
           (kx_norm_is(x, k, "البالغ") || kx_norm_is(x, k, "البالغة")) && stem_is(x, k + 1, "من");
}

/* After a woman's name in ة right after her title, words that are no part
** of it: a word in ت is her verb, a past tense agreeing with her (الشيخة
** لطيفة | حاولت الفرار), not her father's name; a kinship noun before a
** title or a definite noun says whose she is (لطيفة | ابنة حاكم دبي). */
static const char *const HER_KIN[] = {"ابنة", "زوجة", "شقيقة", "والدة", "أرملة", "أخت"};

static int after_her_name(kh_extractor *x, uint32_t b)
{
    if (b < 2 || x->tk[b].pro || !surface_ends(x, b - 1, "\xd8\xa9") || !name_word(x, b - 1) ||
        kx_is(x, b - 1, KX_ORG) || !same_line(x, b - 2, b) || x->tk[b - 2].pro != KX_P_AL ||
        !kx_is(x, b - 2, KX_TITLE) || kx_is(x, b - 2, KX_ORG) || kx_name_link(x, b))
        return 0; /* her title before her name: not إدارة | معلومات الطاقة, دراسة
                  ** طبية | نشرت (a description keeps its verb), نهلة | بنت أحمد */
    if (surface_ends(x, b, "\xd8\xaa") && !surface_ends(x, b, "\xd8\xa7\xd8\xaa")) return 1;
    return STEM_IN(x, b, HER_KIN) && b + 1 < x->A->ntokens && same_line(x, b, b + 1) &&
           (kx_is(x, b + 1, KX_TITLE) || x->tk[b + 1].pro == KX_P_AL);
}

/* Words that end a subject phrase and a name's fuller form on the right,
** whatever came before: a بـ manner phrase, the blessing, a word with its
** accusative tanween written (مخاطباً، مستذكرًا: the tanween stands before
** or after the alef), an age, a descriptor, and what follows a woman's name
** (after_her_name). */
static int name_stop(kh_extractor *x, uint32_t k)
{
    return manner_phrase(x, k) || blessing(x, k) || surface_ends(x, k, "\u0627\u064b") ||
           surface_ends(x, k, "\u064b\u0627") || kx_age_word(x, k) || descriptor(x, k) ||
           after_her_name(x, k);
}

/* بعضهم، أحدهم، معظمهم، البعض: a quantifier with a pronoun or with ال is a
** subject ("some of them said"), though the bare word is a function word. */
static int quantifier_pronoun(kh_extractor *x, uint32_t i)
{
    static const char *const Q[] = {"بعض", "أحد", "معظم", "غالبية", "أغلب", "كل", "جميع"};
    const char *s;
    size_t n;
    stem_norm(x, i, &s, &n);
    for (size_t q = 0; q < sizeof Q / sizeof Q[0]; q++) {
        char buf[KX_LIT_MAX];
        size_t fl;
        const char *f = kx_lit(x, Q[q], &fl, buf);
        if (n >= fl && n <= fl + 6 && !memcmp(s, f, fl) &&
            (n == fl ? x->tk[i].pro == KX_P_AL && !kx_is(x, i, KX_WEEKDAY | KX_TIME)
                     : (x->tk[i].flags & KX_T_ENC) != 0)) /* not الأحد (Sunday) */
            return 1;
    }
    return 0;
}

static int compound_part(kh_extractor *x, uint32_t i);
static int tok_eq(const kh_extractor *x, uint32_t a, uint32_t b);
static int anonymous_head(kh_extractor *x, uint32_t i);
static int named_after_head(kh_extractor *x, uint32_t j);

/* Whether the bytes of token i end with the UTF-8 suffix suf. */
static int surface_ends(const kh_extractor *x, uint32_t i, const char *suf)
{
    const kh_token *t = tok(x, i);
    size_t n = strlen(suf);
    return t->end - t->start > n && !memcmp(x->text + t->end - n, suf, n);
}

/* مسؤولو الحكومة، ممثلو مجموعة الصحف، مؤيدو الرئيس: a sound plural in
** construct (its ن dropped), in the nominative a subject takes (the oblique
** موظفي is kx_construct_plural), cannot end a phrase; the noun
** after it is its genitive. Only participles (م and a consonant: not
** ماركو، ماريو) of four letters or more before the و. */
static int nominative_construct(const kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    const unsigned char *s = x->text + t->start;
    size_t n = t->end - t->start;
    if (x->tk[i].pro || t->kind != KH_TOK_ARABIC || n < 10 || s[0] != 0xd9 || s[1] != 0x85 ||
        (s[2] == 0xd8 && s[3] == 0xa7) || !surface_ends(x, i, "\xd9\x88"))
        return 0; /* م …, not ما …, ending in و */
    for (uint32_t j = 1; j < x->A->ntokens; j++)
        if (j != i && tok_eq(x, j, i) && same_line(x, j - 1, j) && name_word(x, j - 1))
            return 0; /* جوزيه مورينيو: a family name the article gives in full */
    return 1;
}

/* Shares that head a speaker phrase before a definite noun, though bare
** they are function words: بعض المغردين، معظم الخبراء. */
static const char *const SOME[] = {"بعض", "معظم", "أغلب", "غالبية"};

/* Words of size between a quantity and its من: عدد كبير من متابعيه. */
static const char *const SIZES[] = {"كبير", "قليل", "محدود", "ضخم", "هائل", "كبيرة"};

/* Quantities that head a speaker phrase with من: العديد من الضحايا. */
static const char *const QUANTIFIERS[] = {"عديد", "بعض",   "أحد",  "معظم", "غالبية", "كثير", "عدد",
                                          "مئات", "عشرات", "آلاف", "أغلب", "ثلثا",   "جميع"};

/* ووصف بوليانسكي | القرارات الأمريكية بـ، ترى زاخاروفا | الولايات المتحدة:
** after a person's bare name, a definite noun in the plural ات is the
** verb's object, not a surname (نايف البكري، أشرف القدرة are surnames:
** a singular ال word after a name stays in it). */
static int one_of(kh_extractor *x, uint32_t k);

static int object_after_name(kh_extractor *x, uint32_t k)
{
    if (x->tk[k].pro != KX_P_AL || kx_is(x, k, KX_TITLE) || compound_part(x, k)) return 0;
    if (one_of(x, k - 1)) return 0; /* إحدى | المشاركات: the group she is one of */
    /* ودعا X | المصابين: a long plural in ين is an object too; a short one is
    ** a surname or the half of a compound name (الحسين، نور الدين), and after
    ** a quantity it is the group counted (ثلثا | المستطلعين) */
    return surface_ends(x, k, "ات") || (surface_ends(x, k, "ين") && tok(x, k)->norm_len >= 16 &&
                                        !STEM_IN(x, k - 1, QUANTIFIERS));
}

/* A name word, or a word with ال that is no title (a surname: البكري). */
static int name_or_al(const kh_extractor *x, uint32_t i)
{
    return name_word(x, i) || (x->tk[i].pro == KX_P_AL && np_word(x, i) && !kx_is(x, i, KX_TITLE));
}

/* Whether tokens [a, b) are all name words: a bare name as the subject,
** not a title with its complements (المدير … لعمليات تقنية المعلومات). */
static int only_names(const kh_extractor *x, uint32_t a, uint32_t b)
{
    for (uint32_t k = a; k < b; k++)
        if (!name_word(x, k)) return 0;
    return 1;
}

/* Nouns that open a verb's object and never go on with its subject: أعلنت
** حركة طالبان | المسؤولية، رفضت السلطات | الكشف عن، لم تناقش متحدثة باسم
** فيسبوك | تفاصيل القضية، حذفت فيسبوك | أكثر من 650 صفحة. */
static const char *const OBJECT_NOUNS[] = {"مسؤولية", "كشف", "مزيد", "تفاصيل", "أكثر", "كلمة"};

/* اغتيال، اجتماع (افتعال)، انسحاب (انفعال)، استخدام (استفعال): the verbal
** nouns of the derived forms VII, VIII and X, bare, by their letters. After a
** name they are what he did or spoke of (أدان كيري | اغتيال النائب العام),
** never the rest of the name. */
static int verbal_noun(kh_extractor *x, uint32_t k)
{
    const kh_token *t = tok(x, k);
    if (x->tk[k].pro || t->kind != KH_TOK_ARABIC || (x->tk[k].flags & KX_T_ENC) || !t->norm ||
        t->norm_len < 12 || t->norm_len > 14)
        return 0;
    const uint8_t *w = (const uint8_t *)t->norm;
    size_t n = t->norm_len / 2;
    for (size_t q = 0; q < n; q++)
        if (w[2 * q] != 0xd8 && w[2 * q] != 0xd9) return 0; /* Arabic letters only */
#define KX_LETTER(q, hi, lo) (w[2 * (q)] == (hi) && w[2 * (q) + 1] == (lo))
    if (!KX_LETTER(0, 0xd8, 0xa7)) return 0; /* ا */
    if (n == 6)
        return KX_LETTER(4, 0xd8, 0xa7) &&
               (KX_LETTER(2, 0xd8, 0xaa) || KX_LETTER(1, 0xd9, 0x86)); /* ا?ت?ا? ، ان??ا? */
    return n == 7 && KX_LETTER(1, 0xd8, 0xb3) && KX_LETTER(2, 0xd8, 0xaa) &&
           KX_LETTER(5, 0xd8, 0xa7); /* است??ا? */
#undef KX_LETTER
}

/* Whether a defined body noun at token k follows a nisba adjective that
** closed a name: وزارة الخارجية المصرية | السلطات الإيرانية, المنظمة
** الحقوقية | السلطات القطرية. The second body is the verb's object. */
static int second_body(kh_extractor *x, uint32_t k)
{
    return k > 0 && x->tk[k].pro == KX_P_AL && kx_is(x, k, KX_ORG) && !nisba(x, k) &&
           x->tk[k - 1].pro == KX_P_AL && nisba(x, k - 1) && same_line(x, k - 1, k);
}

static int object_noun(kh_extractor *x, uint32_t k)
{
    if (x->tk[k].pro != KX_P_AL && x->tk[k].pro) return 0;
    /* bare مسؤولية heads a construct (مسؤولية الأمن), not an object */
    return STEM_IN(x, k, OBJECT_NOUNS) && (x->tk[k].pro || !stem_is(x, k, "مسؤولية"));
}

/* أحد / إحدى (one of) after a name opens an apposition: وقال دان ويرثايمر |
** أحد مستشاري المشروع. */
static int one_of(kh_extractor *x, uint32_t k)
{
    return !x->tk[k].pro && (stem_is(x, k, "أحد") || stem_is(x, k, "إحدى"));
}

/* Verbal nouns a verb of saying takes as its object, in construct with
** whose stance it is (أكد حرص بلاده، أكد ضرورة الحوار, جدد دعم حكومته). */
static const char *const STANCE_NOUNS[] = {"حرص",  "ضرورة",  "أهمية",   "دعم",   "رفض",
                                           "تمسك", "التزام", "استعداد", "ترحيب", "تضامن"};

/* Verbal nouns of talking a verb governs (رفض الحديث، امتنع عن التعليق). */
static const char *const TALK_NOUNS[] = {"حديث", "تعليق", "إدلاء", "إفصاح", "كشف", "خوض"};

/* Whether token k is such a noun in construct, the verb's object: حرص
** بلاده، ضرورة الحوار (a pronoun or a defined noun after it). */
static int stance_object(kh_extractor *x, uint32_t k)
{
    if (k + 1 >= x->A->ntokens || x->tk[k].pro || !same_line(x, k, k + 1)) return 0;
    if (stem_is(x, k, "عدم")) return 1; /* أكدتا عدم وجود: "the absence of" speaks for nobody */
    return STEM_IN(x, k, STANCE_NOUNS) &&
           ((x->tk[k + 1].flags & KX_T_ENC) || x->tk[k + 1].pro == KX_P_AL);
}

/* Whom a statement is told, after لـ: never part of the speaker's phrase. */
static const char *const TOLD_NOUNS[] = {"مراسل",     "مراسلة",  "صحفيين",   "صحافيين",
                                         "صحفيون",    "صحافيون", "إعلاميين", "تلفزيون",
                                         "التلفزيون", "إذاعة",   "راديو",    "مجلة"};

/* طلب عدم الكشف عن اسمه، فضل عدم ذكر اسمه at token k: the source asked not
** to be named; the words end the phrase that names him. */
static int asked_unnamed(kh_extractor *x, uint32_t k)
{
    return stem_is(x, k + 1, "عدم") && !x->tk[k].pro &&
           (stem_is(x, k, "طلب") || stem_is(x, k, "طلبت") || stem_is(x, k, "اشترط") ||
            stem_is(x, k, "فضل") || stem_is(x, k, "رفض"));
}

/* Nouns under a pronoun (enc_stem_in): a title's office for a country or a
** body (وزير خارجيتها، رئيس وزرائها، مجلس إدارتها), a term of office
** (المنتهية ولايتها), a name (باسمها). */
static const char *const OFFICES[] = {"خارجية", "داخلية", "دفاع", "وزراء", "إدارة", "مالية"};
static const char *const TERM[] = {"ولاية"};
static const char *const NAME_NOUN[] = {"اسم"};

static int enc_stem_in(kh_extractor *x, uint32_t i, const char *const *list, size_t n);

/* The subject after a verb: tokens [from, end). A short quoted name inside
** it (منظمة «هيومن رايتس ووتش»، وقالت "تويتر" إنها) is taken whole and
** marked in_np. The phrase ends before a second title (an apposition:
** ميخائيل بوغدانوف | نائب وزير الخارجية) and before a prepositional word
** after a bare name (ادكوك | لوكالة فرانس برس). */
/* مطار الملك عبدالعزيز، جامعة الأمير سلطان، مسجد الشيخ زايد: places and
** bodies named after a royal or a sheikh; the title there is part of the
** place's name, not a person's apposition. Whether token k is such a title
** after such a head. */
static const char *const NAMED_PLACES[] = {"مطار",  "جامعة", "مستشفى", "مدينة", "شارع", "مركز",
                                           "مجمع",  "قاعدة", "ميناء",  "طريق",  "جسر",  "كلية",
                                           "ملعب",  "استاد", "قصر",    "جائزة", "مسجد", "معهد",
                                           "مؤسسة", "حي",    "صندوق",  "جامع",  "مكتبة"};
static const char *const ROYALS[] = {"ملك", "أمير", "ملكة", "أميرة", "شيخ", "سلطان", "إمام"};

static int royal_named_place(kh_extractor *x, uint32_t k)
{
    return k > 0 && same_line(x, k - 1, k) && (x->tk[k].pro == KX_P_AL) &&
           !(x->tk[k - 1].pro & (KX_P_AL | KX_P_B | KX_P_L | KX_P_K)) && STEM_IN(x, k, ROYALS) &&
           STEM_IN(x, k - 1, NAMED_PLACES);
}

/* Whether [from, k) is a person's title with no name yet and token k a
** bare في: where the title is held or what its field is follows. */
static int title_then_fi(kh_extractor *x, uint32_t from, uint32_t k)
{
    if (!stem_is(x, k, "في") || x->tk[k].pro || !kx_is(x, from, KX_TITLE) || kx_is(x, from, KX_ORG))
        return 0;
    for (uint32_t t = from; t < k; t++)
        if (name_word(x, t) && !(x->tk[t].pro & KX_P_W) && !kx_is(x, t, KX_TITLE))
            return 0; /* a name already (وعلم النفس is the field's, not a name) */
    return 1;
}

/* المختص في الأرصاد والفلك الدكتور خالد الزعاق، أستاذ التربية وعلم النفس في
** جامعة الملك عبدالعزيز الدكتور صالح الغامدي: a person's title with no name
** yet in [from, k), then في and the field or the place (a few nouns), then
** a definite rank (الدكتور، العميد; not عبد الرقيب) and a name: the name is
** the title's. The rank's index, or 0. */
static const char *const RANKS[] = {"دكتور", "دكتورة", "مهندس", "مهندسة", "لواء",
                                    "عميد",  "عقيد",   "مقدم",  "رائد",   "نقيب",
                                    "ملازم", "فريق",   "شيخ",   "أستاذ",  "أستاذة"};

static uint32_t field_then_rank(kh_extractor *x, uint32_t from, uint32_t k, uint32_t limit)
{
    if (!title_then_fi(x, from, k)) return 0;
    for (uint32_t j = k + 1; j + 1 < limit && j <= k + 7; j++) {
        if (x->tk[j].pro == KX_P_AL && STEM_IN(x, j, RANKS) && !compound_part(x, j)) {
            if (j + 2 < limit && stem_is(x, j + 1, "ركن")) j++; /* العميد ركن | X */
            return name_word(x, j + 1) ? j : 0;
        }
        if (!np_word(x, j) || (x->tk[j].flags & (KX_T_ENC | KX_T_COMMA))) return 0;
    }
    return 0;
}

static int place_head(kh_extractor *x, uint32_t k);
static int told_word(kh_extractor *x, uint32_t b);
static int lam_before_mark(const kh_extractor *x, uint32_t i);

/* The compass words that open a place in apposition (جنوب البلاد، شمال
** سوريا), never a name. */
static const char *const DIRECTIONS[] = {"جنوب", "شمال", "شرق", "غرب", "وسط", "شمالي", "جنوبي"};

/* مسؤول العلاقات الخارجية في حكومة الاقليم | فلاح مصطفى، المدير العام لجمعية
** البر في المحافظة | معاذ الجعفري لـ"الوطن" أن: a person's title with no name
** yet in [from, k), then في and where (at most three words: defined, a body
** or a place head), then a bare name of two or three words that plainly
** ends the subject (a comma, the particle, a colon, a quote mark, or whom
** he told). Where the name starts, or 0. */
static uint32_t place_then_name(kh_extractor *x, uint32_t from, uint32_t k, uint32_t limit)
{
    if (stem_is(x, from, "مصادر") || !title_then_fi(x, from, k))
        return 0; /* sources are many and unnamed */
    uint32_t j = k + 1;
    while (j < limit && j - k <= 3 && same_line(x, k, j) && np_word(x, j) &&
           (x->tk[j].pro == KX_P_AL || kx_is(x, j, KX_ORG | KX_TITLE) || place_head(x, j)))
        j++;
    if (j == k + 1 || j - k > 3 || j >= limit || x->tk[j].pro) return 0;
    if (!x->tk[j - 1].pro && name_word(x, j))
        j++; /* في ولاية ريو | كارلوس أوسوريو، في حركة طالبان | الأفغانية: a bare head
              ** takes the body's or the place's own name first */
    if (j >= limit || x->tk[j].pro || STEM_IN(x, j, DIRECTIONS)) return 0;
    uint32_t e = name_run(x, j, limit);
    if (e < limit && x->tk[e].pro == KX_P_AL && !kx_is(x, e, KX_TITLE) && np_word(x, e) &&
        !surface_ends(x, e, "ية"))
        e++; /* an ال surname (الجعفري), not a place's adjective (بلدة كريمس |
              ** النمساوية) */
    if (e - j < 2 || e - j > 3 || e >= limit || !same_line(x, j, e)) return 0;
    int ends = (x->tk[e].flags & (KX_T_COMMA | KX_T_PARTICLE | KX_T_COLON | KX_T_QMARK)) ||
               lam_before_mark(x, e) || told_word(x, e);
    return ends ? j : 0;
}

/* Whether token i heads a complement whose name words name a body or a
** place, not a person: a لـ noun (المدير التنفيذي لسوق | عكاظ), a بـ place
** head or body (مدير التعليم بمنطقة | الرياض; not بصفاقس | عماد المعلول,
** where the place is the بـ word itself) or a bare body or the phrase's
** bare head in construct (مدير شرطة | جدة، أمين | جدة). */
static int owner_word(kh_extractor *x, uint32_t i, uint32_t head)
{
    if (tok(x, i)->kind != KH_TOK_ARABIC || !np_word(x, i) || (x->tk[i].flags & KX_T_ENC) ||
        (x->tk[i].pro & KX_P_AL))
        return 0; /* للمركز | رأفت الصباغ: a definite noun heads no construct */
    if (x->tk[i].pro & KX_P_B) return place_head(x, i) || kx_is(x, i, KX_TITLE);
    if (x->tk[i].pro & KX_P_L) return !name_word(x, i) && !lam_name(x, i);
    if (x->tk[i].pro) return 0;
    /* a bare title heads a construct only as the phrase's head or a body:
    ** المحامي سيد | أبوزيد is a name after a rank */
    return place_head(x, i) || /* في مدينة | نيويورك */
           (kx_is(x, i, KX_TITLE) && !kx_is(x, i, KX_HONOR) && (i == head || kx_is(x, i, KX_ORG)));
}

/* المشرف العام على …، المشرفة على …: a title whose complement comes after
** على. Whether the title ends right before token k (its العام between). */
static int supervisor(kh_extractor *x, uint32_t from, uint32_t k)
{
    uint32_t h = k - 1;
    if (h > from && kx_norm_is(x, h, "العام")) h--;
    return h >= from && (x->tk[h].pro & ~(uint32_t)KX_P_AL) == 0 &&
           (stem_is(x, h, "مشرف") || stem_is(x, h, "مشرفة"));
}

/* … لسوق عكاظ الدكتور | راشد الغامدي، مدير شرطة جدة اللواء | محمد
** القحطاني: a person's title, a complement that names the body or the
** place (owner_word, then one or two name words), then a definite rank and
** a name: whether token k is that rank. The name after it is the title's. */
static int owned_then_rank(kh_extractor *x, uint32_t from, uint32_t k, uint32_t limit)
{
    if (k + 1 >= limit || x->tk[k].pro != KX_P_AL || !STEM_IN(x, k, RANKS) ||
        !name_word(x, k + 1) || !kx_is(x, from, KX_TITLE) || kx_is(x, from, KX_ORG))
        return 0;
    for (uint32_t t = from + 1; t < k; t++)
        if (!x->tk[t].pro && stem_is(x, t, "على") && supervisor(x, from, t))
            return 1; /* المشرف العام على فريق تطوير سوق عكاظ الدكتور | بريكان الشلوي */
    uint32_t s = k;
    while (s > from && k - s < 2 && name_word(x, s - 1))
        s--;
    return s < k && s > from && owner_word(x, s - 1, from);
}

/* Whether the word before token from is أبلغ or أخبر (told), in any
** person or tense: its object, the one told, may follow the subject. */
static int told_verb(kh_extractor *x, uint32_t from)
{
    if (from == 0 || !same_line(x, from - 1, from)) return 0;
    static const char *const TOLD[] = {"ابلغ", "اخبر", "يبلغ", "تبلغ", "يخبر", "تخبر"};
    const char *s;
    size_t n;
    stem_norm(x, from - 1, &s, &n);
    for (size_t q = 0; q < sizeof TOLD / sizeof TOLD[0]; q++) {
        char buf[KX_LIT_MAX];
        size_t fl;
        const char *f = kx_lit(x, TOLD[q], &fl, buf);
        if (n >= fl && n <= fl + 4 && !memcmp(s, f, fl)) return 1;
    }
    return 0;
}

static int anonymous_word(kh_extractor *x, uint32_t i);

/* Nouns of measure, the subject of يبلغ "amounts to" (يبلغ عدد سكانها). */
static const char *const MEASURES[] = {"عدد", "قيمة",  "حجم",  "إجمالي", "مجموع", "طول",
                                       "عمر", "متوسط", "نسبة", "سعر",    "تكلفة", "كلفة"};

/* وأبلغ ماكرون | نظيره الأمريكي، وأخبر … جوناثان مونرو | موظفي القطاع،
** وأبلغت مصادر مطلعة | الصحيفة: after a telling verb's subject (the caller
** knows the verb, told_verb), whom it told: a noun with a pronoun (نظيره،
** رئيسها) or a plural in construct right after a name, or a medium or the
** press with ال anywhere. */
static int told_object(kh_extractor *x, uint32_t from, uint32_t k)
{
    const kx_tok *t = &x->tk[k];
    if (k <= from || !is_word(x, k) || (t->pro & ~(uint32_t)KX_P_AL)) return 0;
    if (t->pro == KX_P_AL)
        return STEM_IN(x, k, TOLD_NOUNS) || (kx_is(x, k, KX_TITLE | KX_AGENCY) &&
                                             (stem_is(x, k, "صحيفة") || stem_is(x, k, "وكالة")));
    if (!name_word(x, k - 1) || kx_is(x, k, KX_HONOR)) return 0;
    return (t->flags & KX_T_ENC) || (kx_construct_plural(x, k) && k + 1 < x->A->ntokens &&
                                     x->tk[k + 1].pro == KX_P_AL && same_line(x, k, k + 1));
}

/* Whether token k, لل + noun + a defined adjective right after a bare
** anonymous or plural head, says whose role the head is: ذكر مراقب |
** للعملية الانتخابية أن، يرى متابعون | للشأن السياسي أن. A told noun or a
** medium after لـ is whom he spoke to; after a name (يونكر | للمرة الأولى،
** روبن | للصفحة الرئيسية) the phrase is never his. */
static int role_genitive(kh_extractor *x, uint32_t from, uint32_t k, uint32_t limit)
{
    return k == from + 1 && !x->tk[from].pro && !kx_is(x, from, KX_TITLE) &&
           (anonymous_word(x, from) || surface_ends(x, from, "ون")) &&
           x->tk[k].pro == (KX_P_L | KX_P_AL) && k + 1 < limit && same_line(x, k, k + 1) &&
           x->tk[k + 1].pro == KX_P_AL && nisba(x, k + 1) && !STEM_IN(x, k, TOLD_NOUNS) &&
           !kx_is(x, k, KX_AGENCY | KX_TITLE);
}

/* Close to (مصدر مقرب من …): the phrase after من says whose source it is. */
static const char *const CLOSE_TO[] = {"مقرب", "مقربة", "مقربون", "مقربين", "قريب", "قريبة"};

/* Whether a quoted span holds a function word no name has: a pronoun, a
** negation, a demonstrative or a quantifier; not the prepositions of names
** (من أجل، بلا، في، بين), nor إن, هو, هي, the letters of «إي إس بي إن». */
static int has_function_word(kh_extractor *x, const kx_pair *p)
{
    static const char *const NOT_IN_NAMES[] = {"حول", "كل",  "لا",  "لم",  "لن",
                                               "قد",  "لقد", "هذا", "هذه", "ذلك",
                                               "نحن", "أنا", "سوف", "يجب", "يمكن"};
    for (uint32_t k = p->open + 1; k < p->close && k < x->A->ntokens; k++)
        if (!x->tk[k].pro && NORM_IN(x, k, NOT_IN_NAMES)) return 1;
    return 0;
}

/* A demonstrative with its preposition written on (بذلك، لهذا، بهذه). */
static const char *const PREP_DEMONSTRATIVES[] = {"بذلك", "لذلك", "بهذا", "لهذا",   "بهذه",
                                                  "لهذه", "بتلك", "لتلك", "بهؤلاء", "لهؤلاء"};

/* Whether token k is one of PREP_DEMONSTRATIVES. np_right asks it of every
** word of every subject: all of them open with ب or ل, so the list is read
** only for a word that does. */
static int prep_demonstrative(kh_extractor *x, uint32_t k)
{
    const kh_token *t = tok(x, k);
    return t->norm && t->norm_len >= 2 &&
           (!memcmp(t->norm, "\xd8\xa8", 2) || !memcmp(t->norm, "\xd9\x84", 2)) &&
           NORM_IN(x, k, PREP_DEMONSTRATIVES);
}

static uint32_t np_right(kh_extractor *x, uint32_t from, uint32_t limit)
{
    uint32_t k = from;
    int told = told_verb(x, from); /* أبلغ X: whom X told may follow (told_object) */
    while (k < limit && k - from < NP_MAX) {
        const kx_tok *t = &x->tk[k];
        if (prep_demonstrative(x, k))
            break; /* وأكد | بذلك، قال كاميرون | لذلك الجمهور: "with this", "to that
                    ** audience", never a speaker's words */
        if (t->flags & KX_T_QMARK) {
            int32_t pi = t->pair;
            if (pi < 0 || x->pairs[pi].open != k || x->pairs[pi].close == UINT32_MAX ||
                x->pairs[pi].nwords > NP_QUOTE_WORDS)
                break;
            if (k > from && x->pairs[pi].nwords <= 2 && told)
                break; /* أبلغت مصادر محلية | «عكاظ» أن: the paper told, the
                       ** verb's object */
            if (k == from && x->pairs[pi].nwords >= 4 && has_function_word(x, &x->pairs[pi]))
                break; /* ومضى يقول "ساجري محادثات حول كل المواضيع": words with حول
                       ** and كل are said; a body's name has none */
            if (k > from && name_word(x, k - 1) && !kx_is(x, k - 1, KX_NAMEHEAD | KX_ORG) &&
                x->pairs[pi].nwords >= 4)
                break; /* وقال زوكربيرغ "سيكون تحديا فكريا مسليا": words after a name
                       ** are what he said; a nickname is shorter */
            if (k > from && k + 1 < limit && (x->tk[k + 1].pro & (KX_P_B | KX_P_L)) &&
                !kx_is(x, k - 1, KX_TITLE | KX_NAMEHEAD) && tok(x, k + 1)->kind == KH_TOK_ARABIC &&
                tok(x, k + 1)->norm_len >= 8)
                break; /* واعتبر القاضي نيكولاس فرنسيس | "بحزن شديد": a phrase of
                       ** manner or purpose, never a name (but "بي إن سبورتس", a
                       ** short word the segmenter cut, and صحيفة "كاليفا", after
                       ** a head noun, are names) */
            uint32_t after = x->pairs[pi].close + 1, adj = after;
            while (adj < limit && adj - after < 3 && x->tk[adj].pro == KX_P_AL && np_word(x, adj) &&
                   !kx_is(x, adj, KX_TITLE) && !starts_clause(x, adj))
                adj++; /* "لجنة مكافحة الإرهاب" الروسية: إن، "اكسور" الايطالية القابضة، */
            int head = k > from && kx_is(x, k - 1, KX_TITLE | KX_NAMEHEAD);
            int ends =
                after >= limit || starts_clause(x, after) ||
                (adj > after && k == from && (adj >= limit || starts_clause(x, adj))) ||
                (k == from && x->pairs[pi].nwords <= SHORT_NAME_WORDS &&
                 kx_is(x, after, KX_TITLE) && !kx_is(x, after, KX_ORG) &&
                 (x->tk[after].pro == KX_P_AL ||
                  (!x->tk[after].pro && after + 1 < limit && same_line(x, after, after + 1) &&
                   x->tk[after + 1].pro == KX_P_AL && np_word(x, after + 1))));
            /* وقال “جيري ساندرز” الرئيس التنفيذي، وقال "كورتز كوبر" نائب المتحدث */
            if (!ends && !(head && np_word(x, after))) break;
            x->pairs[pi].in_np = 1;
            k = after;
            continue;
        }
        if (k == from && k + 1 < limit && same_line(x, k, k + 1) && np_word(x, k + 1) &&
            !(x->tk[k + 1].pro & ~(uint32_t)KX_P_AL) && !(x->tk[k + 1].flags & KX_T_ENC) &&
            !accusative(x, k + 1) && nominative_construct(x, k)) {
            k += 2; /* مسؤولو | الحكومة: the plural's genitive */
            continue;
        }
        if (k == from + 1 && x->tk[from].pro == KX_P_AL && kx_is(x, from, KX_TITLE) &&
            !kx_is(x, from, KX_ORG) && !t->pro && kx_is(x, k, KX_ORG) && !name_word(x, k))
            break; /* وأبلغت السفيرة | مجموعة صغيرة: a bare body noun after a
                   ** person's defined title is the verb's object, not a name */
        if (k == from && kx_is(x, k, KX_HONOR) && (t->flags & KX_T_ENC))
            break; /* وأكد سموه، وأضاف معاليه: he, the speaker named before */
        if (k > from + 1 && t->pro == KX_P_AL && x->tk[k - 1].pro == KX_P_AL && nisba(x, k - 1) &&
            STEM_IN(x, k, TALK_NOUNS))
            break; /* ورفض المسؤول العسكري اليمني | الحديث عن: after a nisba, talking
                   ** (what he refused or declined) is the verb's object */
        if ((k == from || name_word(x, k - 1)) && k + 1 < limit && stance_object(x, k))
            break; /* وأكد | حرص بلاده على، وأكد | ضرورة الحوار: the verb's object; the
                   ** subject is dropped, or ends before it (وأبرز طيب | حرص الدولة) */
        if (k == from && is_word(x, k) &&
            ((x->tk[k].flags & KX_T_ENC) || x->tk[k].pro == KX_P_AL) && quantifier_pronoun(x, k))
            return k + 1; /* ورأى بعضهم أن، وذكر البعض أن: "some (of them)" */
        if (k > from && name_word(x, k - 1) && object_after_name(x, k) && only_names(x, from, k))
            break;
        if (k == from + 1 && x->tk[from].pro == KX_P_AL && !kx_is(x, from, KX_TITLE) &&
            object_after_name(x, k))
            break; /* وانتقد الديماسي | السياسات: a surname with ال said alone */
        if (k >= from + 2 && !t->pro && !(t->flags & KX_T_ENC) && accusative(x, k) &&
            tok(x, k)->norm_len >= 8 && /* ولايتها: ا of the pronoun ها */
            name_or_al(x, k - 1) && name_or_al(x, k - 2))
            break; /* أكد الاسم الكامل | قاطعا: an adverbial accusative after a full name */
        if (k > from && name_word(x, k - 1) && one_of(x, k))
            break; /* وقال دان ويرثايمر | أحد مستشاري المشروع */
        if (k > from && lam_acronym(x, k) > k) break; /* وقال غرين | لبي بي سي */
        if (told && told_object(x, from, k)) break;
        if (k > from && object_noun(x, k)) break;
        if (k >= from + 2 && second_body(x, k))
            break; /* وأدانت وزارة الخارجية المصرية | السلطات الإيرانية */
        if (k > from && k + 1 < limit && asked_unnamed(x, k))
            break; /* مصدر حكومي | طلب عدم الكشف عن اسمه: who asked not to be named */
        if (from > 0 && x->tk[k].pro == KX_P_AL && stem_is(x, from - 1, "لفت") &&
            (stem_is(x, k, "نظر") || stem_is(x, k, "انتباه")))
            break; /* ولفت آل فويز | النظر إلى، ولفت | النظر إلى: the verb's own
                   ** object, after its subject or with the subject dropped */
        if (k > from && (t->pro & KX_P_L) &&
            (named_after_head(x, k) || STEM_IN(x, k, TOLD_NOUNS) || kx_is(x, k, KX_AGENCY)))
            break; /* مصدر أمني | لمراسل "…"، لوكالة، لصحيفة، لفرانس برس، المتحدث |
                   ** للصحفيين: whom the source told */
        if (k > from && (t->pro & KX_P_B) && stem_is(x, k, "قول"))
            break; /* وتابعت الهيئة | بالقول إن: the manner of saying */
        if (k > from && name_stop(x, k))
            break; /* وقال القصبي | بتأثر كبير، رسول الله | صلى الله عليه وسلم، كتب
                    ** الدغيم | مخاطباً */
        if (k == from && !t->pro && k + 2 < limit && STEM_IN(x, k, SOME) &&
            !(k > 0 && stem_is(x, k - 1, "في")) && np_word(x, k + 1) && same_line(x, k, k + 2) &&
            (x->tk[k + 1].pro == KX_P_AL || (!x->tk[k + 1].pro && x->tk[k + 2].pro == KX_P_AL))) {
            /* وقال بعض المغردين، بعض وسائل الإعلام البرازيلية: a share of a group
            ** heads the subject, the group's noun and its ال adjectives; the
            ** verb's object follows (بعض المحللين | بانتظام) */
            uint32_t e = k + (x->tk[k + 1].pro ? 2 : 3);
            while (e < limit && e - from < NP_MAX && same_line(x, from, e) && np_word(x, e) &&
                   (x->tk[e].pro & ~(uint32_t)KX_P_W) == KX_P_AL && !kx_is(x, e, KX_TITLE) &&
                   !(x->tk[e].flags & KX_T_ENC))
                e++;
            return e;
        }
        if (k > from && al_ordinal(x, k)) {
            k += 2; /* التقرير الـ51 | الذي، الرئيس الـ44 | للولايات المتحدة */
            continue;
        }
        if (!np_word(x, k)) {
            if (k > from && k + 1 < limit && !t->pro && written(x, k, "من") && !x->tk[from].pro &&
                anonymous_word(x, from) && STEM_IN(x, k - 1, CLOSE_TO) && np_word(x, k + 1) &&
                same_line(x, k, k + 1)) {
                k++; /* مصدر مقرب من | الحكومة، مصادر قريبة من | الحركة: whose source
                      ** (the phrase may run on into the object, as any subject
                      ** may: cutting it lets a person named there take over) */
                continue;
            }
            if (k > from && kx_is(x, k, KX_TIME) && kx_is(x, k - 1, KX_TITLE) &&
                !kx_is(x, k, KX_RELDATE | KX_WEEKDAY)) {
                k++; /* الأمين العام، المدعي العام */
                continue;
            }
            if (k >= from + 2 && (t->flags & KX_T_OPENP) && kx_is(x, from, KX_TITLE) &&
                !kx_is(x, from, KX_ORG)) {
                uint32_t e = k + 1; /* الناطقة باسم خدمات الإطفاء (كول فاير) | لين راوند:
                                    ** a body's other name in brackets, then the person's */
                while (e < limit && e - k <= 5 && !(x->tk[e].flags & (KX_T_CLOSEP | KX_T_TERM)))
                    e++;
                if (e + 1 < limit && e - k <= 5 && (x->tk[e].flags & KX_T_CLOSEP) &&
                    name_word(x, e + 1) && !(x->tk[e + 1].pro & (KX_P_W | KX_P_F)) &&
                    (x->tk[k - 1].pro & KX_P_AL)) {
                    k = e + 1;
                    continue;
                }
            }
            if (k > from && k + 1 < limit && !t->pro && stem_is(x, k, "على") &&
                same_line(x, k, k + 1) && np_word(x, k + 1) && supervisor(x, from, k)) {
                k++; /* المشرف العام على | الملتقى الأستاذ غرم الله المالكي: what he
                      ** supervises, then his name */
                continue;
            }
            uint32_t rank = k > from ? field_then_rank(x, from, k, limit) : 0;
            if (rank) {
                k = rank + 1; /* المختص في الأرصاد والفلك الدكتور | خالد الزعاق */
                continue;
            }
            uint32_t named = k > from ? place_then_name(x, from, k, limit) : 0;
            if (named) {
                k = named; /* المدير العام لجمعية البر في المحافظة | معاذ الجعفري لـ"الوطن" */
                continue;
            }
            if (k > from && k + 1 < limit && (tok(x, k)->flags & KH_TOKF_PREFIX) &&
                tok(x, k + 1)->kind == KH_TOK_HASHTAG &&
                (kx_is(x, k - 1, KX_TITLE | KX_TIME) || (x->tk[k - 1].pro & KX_P_AL))) {
                k++; /* المديرة العامة لـ | #صندوق_النقد_الدولي: the title's genitive */
                continue;
            }
            break;
        }
        if ((t->pro & (KX_P_B | KX_P_L | KX_P_K)) && !(k > from && split_surname(x, k))) {
            if (k == from && !kx_is(x, k, KX_TITLE))
                break; /* صرح لوكالة …: an addressee, not a subject */
            if (k > from && !kx_is(x, k - 1, KX_TITLE | KX_TIME) && !(x->tk[k - 1].pro & KX_P_AL) &&
                !(k >= from + 2 && (t->pro & KX_P_B) && royal_named_place(x, k - 2)) &&
                !role_genitive(x, from, k, limit))
                break; /* but مطار الملك فهد | بالدمام: where the place is */
        }
        if (k > from && kx_is(x, k, KX_TITLE) && !kx_is(x, k, KX_ORG) && !compound_part(x, k) &&
            !anonymous_head(x, from) &&
            !royal_named_place(x, k) && /* مصدر هلالي | مسؤول: an indefinite head's
                                         ** adjective, not an apposition */
            (name_word(x, k - 1) || (k >= from + 2 && x->tk[k - 1].pro == KX_P_AL &&
                                     !kx_is(x, k - 1, KX_TITLE) && name_word(x, k - 2))) &&
            !owned_then_rank(x, from, k, limit))
            break; /* an apposition (يحيى الغريبي | الرئيس التنفيذي), not a body
                   ** named in the phrase (برد فعل الشركة) */
        if (k > from && (t->flags & KX_T_ENC) && !split_na_name(x, k) &&
            !(x->tk[k - 1].pro == KX_P_AL && !t->pro &&
              (stem_is(x, k - 1, "منتهية") || stem_is(x, k - 1, "منتهي")) &&
              enc_stem_in(x, k, TERM, 1)) && /* الأمينة العامة المنتهية ولايتها X */
            !(k == from + 1 && !x->tk[from].pro && kx_is(x, from, KX_TITLE) && !t->pro &&
              enc_stem_in(x, k, OFFICES, sizeof OFFICES / sizeof OFFICES[0])))
            break; /* وتابع المتحدث باسم الرئاسة | حديثه: an object; but a bare
                   ** title heads its office with a pronoun (وزير خارجيتها) */
        if (k == from && kx_is(x, k, KX_STOP) && kx_is(x, k, KX_TITLE) && !t->pro &&
            !(tok(x, k)->end - tok(x, k)->start >= 2 &&
              !memcmp(x->text + tok(x, k)->start, "\xd8\xa5", 2)))
            break; /* وقال امام الصحافيين: أمام (before), unless written إمام */
        if (k == from && (t->flags & KX_T_ENC) && !quantifier_pronoun(x, k) &&
            (!kx_is(x, k, KX_TITLE) || kx_is(x, k, KX_STOP)))
            break; /* قال أمامه إن (أمام folds like إمام): an adverb or object
                   ** with a pronoun; a subject with one is a title (نظيره) */
        k++;
    }
    if (k - from == NP_MAX && k < limit && x->tk[k - 1].pro == KX_P_AL &&
        STEM_IN(x, k - 1, RANKS) && name_word(x, k)) {
        /* مدير عام الهيئة … أمين عام مجلس … بمنطقة عسير المهندس | محمد
        ** العمرة: a long title reaches the limit on the rank; its name follows */
        uint32_t e = k;
        while (e < limit && e - k < NAME_MAX_TOKENS && same_line(x, k, e) && name_word(x, e))
            e++;
        if (e < limit && same_line(x, k, e) && x->tk[e].pro == KX_P_AL && np_word(x, e) &&
            !kx_is(x, e, KX_TITLE) && !(x->tk[e].flags & KX_T_ENC))
            e++; /* an ال surname */
        k = e;
    }
    return k;
}

/* The subject before a verb (روسيا تقول): tokens [*first, verb). */
static uint32_t np_left(kh_extractor *x, uint32_t verb, uint32_t line_first)
{
    uint32_t k = verb;
    while (k > line_first && verb - k < LEFT_NP_MAX && np_word(x, k - 1) &&
           (!(x->tk[k - 1].flags & KX_T_ENC) || kx_is(x, k - 1, KX_TITLE)) && /* قدمها | X */
           (!(x->tk[k - 1].pro & (KX_P_B | KX_P_L | KX_P_K)) ||
            (k >= line_first + 2 && kx_is(x, k - 2, KX_TITLE) &&
             !(x->tk[k - 1].pro & KX_P_K)))) { /* الناطق باسم الكرملين قد صرح */
        k--;
        if (x->tk[k].pro & (KX_P_W | KX_P_F))
            break; /* وروسيا تقول: the conjunction starts the phrase */
    }
    /* فنحو 60% من الاميركيين يرون: a share of a group is the subject */
    if (k < verb && k >= line_first + 2 && !(x->tk[k].pro & (KX_P_W | KX_P_F)) &&
        kx_norm_is(x, k - 1, "من") && tok(x, k - 2)->kind == KH_TOK_NUMBER) {
        k -= 2;
        if (k > line_first && (kx_norm_is(x, k - 1, "نحو") || kx_norm_is(x, k - 1, "حوالي") ||
                               kx_norm_is(x, k - 1, "قرابة") || stem_is(x, k - 1, "نحو")))
            k--;
    }
    if (k + 1 < verb && k > line_first && kx_norm_is(x, k, "هؤلاء") &&
        (kx_norm_is(x, k - 1, "بين") || stem_is(x, k - 1, "من")))
        k++; /* ومن بين هؤلاء | عالم الاجتماع هرمز مسعودي، الذي قال: one of them */
    return k;
}

/* First name token after the titles and complements starting at a, or a. */
/* Nouns whose complement is a place name: محافظ مدينة | عدن | نايف البكري. */
static const char *const PLACE_HEADS[] = {"مدينة", "ولاية", "محافظة", "إقليم", "منطقة",
                                          "بلدة",  "قرية",  "جزيرة",  "دولة",  "مقاطعة"};

static int place_head(kh_extractor *x, uint32_t k)
{
    return STEM_IN(x, k, PLACE_HEADS);
}

static int named_after_head(kh_extractor *x, uint32_t j);

/* Token i is the genitive complement of a person's title in the construct
** state (محافظ | عدن، رئيس وزراء | إسرائيل): a title without ال takes the
** next word as its complement, a place or a body, not as a name. The name,
** if any, follows it (محافظ عدن نايف البكري). Bodies named by what follows
** them (شركة أبل، منظمة العفو) are not such titles. */
static int construct_complement(kh_extractor *x, uint32_t i)
{
    if (i == 0 || !same_line(x, i - 1, i)) return 0;
    uint32_t h = i - 1;
    if (h > 0 && same_line(x, h - 1, h) && kx_is(x, h - 1, KX_TITLE))
        return 0; /* a stacked rank (اللفتنانت كولونيل | مارك) stands in apposition */
    if (!kx_is(x, h, KX_TITLE) || kx_is(x, h, KX_ORG) ||
        (x->tk[h].pro & (KX_P_AL | KX_P_B | KX_P_L | KX_P_K)) || named_after_head(x, h))
        return 0;
    return tok(x, i)->kind == KH_TOK_ARABIC && np_word(x, i) && !x->tk[i].pro &&
           !kx_is(x, i, KX_TITLE) && !(x->tk[i].flags & KX_T_ENC);
}

/* Titles that are also given names (أمين طالب، أمير حسين). */
static const char *const TITLE_NAMES[] = {"أمين", "أمير"};

/* Whether token k of the subject [a, b) is such a title read as the first
** name: الكاتب المسرحي | أمين طالب. A title after a defined adjective heads
** nothing; with one name word after it, ending the phrase, it is a name. */
static int title_name(kh_extractor *x, uint32_t a, uint32_t k, uint32_t b)
{
    return k > a && k + 2 == b && !x->tk[k].pro && NORM_IN(x, k, TITLE_NAMES) &&
           x->tk[k - 1].pro == KX_P_AL && nisba(x, k - 1) && name_word(x, k + 1);
}

static uint32_t after_titles(kh_extractor *x, uint32_t a, uint32_t b)
{
    uint32_t k = a;
    while (k < b) {
        if (title_name(x, a, k, b)) break;
        if (k > a && qaid_name(x, k)) break; /* … بلحج | قائد نصر: a given name, no title */
        if (k > a && al_given(x, k)) break; /* رئيس الحكومة | الحبيب الصيد */
        if (k > a && al_name(x, k)) break; /* الخارجية الفليبيني | البرت ديل روزاريو */
        if (k > a && k + 1 < b && al_ordinal(x, k)) {
            k += 2; /* الرئيس الـ44 | للولايات المتحدة */
            continue;
        }
        if (k > a && k + 1 < b && royal_named_place(x, k) && name_word(x, k + 1)) {
            /* مدير مستشفى الملك | فهد، جامعة الأمير | سلطان: the king's name is
            ** the place's, not its director's */
            k += 2;
            if (k < b && (stem_is(x, k - 1, "عبد") || stem_is(x, k - 1, "أبو")) && name_word(x, k))
                k++; /* الملك عبد | العزيز */
            continue;
        }
        if ((place_head(x, k) || (kx_is(x, k, KX_TITLE) && construct_complement(x, k + 1))) &&
            k + 1 < b) {
            /* حاكم منطقة | سوروتش: a place head as the complement takes its name */
            k += (!place_head(x, k) && place_head(x, k + 1) && k + 2 < b) ? 3 : 2;
            /* محافظ خميس | مشيط | سعيد بن عبدالعزيز: a nasab has one first
            ** name before its first link (two for عبد الله، أبو بكر); a word
            ** before that ends the place's name */
            if (k + 2 < b && NORM_IN(x, k + 2, NASAB_LINKS) && name_word(x, k) &&
                name_word(x, k + 1) && !compound_part(x, k + 1) && !stem_is(x, k, "عبد") &&
                !stem_is(x, k, "أبو") && !stem_is(x, k, "ابو"))
                k++;
            continue;
        }
        int title_time = k > a && kx_is(x, k - 1, KX_TITLE) &&
                         ((kx_is(x, k, KX_TIME) && !kx_is(x, k, KX_WEEKDAY | KX_RELDATE)) ||
                          (!x->tk[k].pro && kx_norm_is(x, k, "عام")));
        /* الأمين العام، مفتي عام المملكة، مدير عام الشؤون الصحية */
        if (!title_time && (!np_word(x, k) || (x->tk[k].flags & KX_T_ENC)))
            break; /* حزب العمال الكردستاني | السبت، الشرطة | تحقيقا */
        if (k > a && split_surname(x, k)) break; /* للنقابة | لسعد اليعقوبي: a name */
        if (!(kx_is(x, k, KX_TITLE) || (x->tk[k].pro & (KX_P_AL | KX_P_B | KX_P_L)) || title_time))
            break;
        k++;
    }
    return k;
}

/* Whether tokens [a, b) hold a name word (not only titles and nouns). */
static int has_name(kh_extractor *x, uint32_t a, uint32_t b)
{
    for (uint32_t k = a; k < b; k++)
        if (name_word(x, k) || (x->tk[k].flags & KX_T_QMARK)) return 1;
    return 0;
}

/* Heads whose complement is the body's name (منظمة | العفو الدولية، وكالة |
** رويترز); other heads stay in the name (حزب العمال الكردستاني، شركة موانئ
** دبي العالمية: a company is named with شركة, as the gold names it). */
static const char *const NAMED_AFTER[] = {"منظمة", "وكالة", "صحيفة", "قناة", "موقع", "مجلة"};

static int named_after_head(kh_extractor *x, uint32_t j)
{
    return STEM_IN(x, j, NAMED_AFTER);
}

/* وكالة تاس للأنباء، وكالة دوجان الإخبارية: an agency's name that says
** what it is after the name word is a name of its own, head and all
** (وكالة رويترز is not: there the head only says what رويترز is). For an
** agency word at j followed so within the phrase [j, b) or right after it
** (np_right stops at للأنباء, a ل phrase), the end of the name past the
** word of kind; else 0. */
static const char *const AGENCY_KINDS[] = {"أنباء", "إخبارية"};

static uint32_t agency_named_whole(kh_extractor *x, uint32_t j, uint32_t b)
{
    if (!stem_is(x, j, "وكالة") || (x->tk[j].pro & KX_P_AL)) return 0;
    for (uint32_t k = j + 2; k < x->A->ntokens && k <= j + 4 && k <= b && same_line(x, j, k); k++)
        if ((x->tk[k].pro & KX_P_AL) && STEM_IN(x, k, AGENCY_KINDS)) return k + 1;
    return 0;
}

/* عائلة منسق الموسيقى السويدي | أفيتشي: a body's head (a without ال) in
** construct with a person's title speaks for that person, and the name
** after the title is the person's, so the chain keeps it. Returns the end
** of the name words from k (the end of the titles) up to b, or k. */
static uint32_t person_chain_end(kh_extractor *x, uint32_t a, uint32_t k, uint32_t b)
{
    if (x->tk[a].pro & KX_P_AL) return k;
    int person = 0;
    for (uint32_t j = a + 1; j < k && !person; j++)
        person = kx_is(x, j, KX_TITLE) && !kx_is(x, j, KX_ORG);
    uint32_t e = k;
    while (person && e < b && e - k < NAME_MAX_TOKENS && name_word(x, e))
        e++;
    return e;
}

#define DESCRIPTION_WINDOW 4000 /* tokens searched each way for a description's name */

/* Heads that name the same office: المتحدثة باسم … is the earlier الناطقة
** باسم … (news alternates the two words for "spokesman"). */
static const char *const HEAD_SYNONYMS[][2] = {{"متحدث", "ناطق"}, {"متحدثة", "ناطقة"}};

static int same_head(kh_extractor *x, uint32_t a, uint32_t b)
{
    for (size_t q = 0; q < sizeof HEAD_SYNONYMS / sizeof HEAD_SYNONYMS[0]; q++)
        if ((stem_is(x, a, HEAD_SYNONYMS[q][0]) && stem_is(x, b, HEAD_SYNONYMS[q][1])) ||
            (stem_is(x, a, HEAD_SYNONYMS[q][1]) && stem_is(x, b, HEAD_SYNONYMS[q][0])))
            return 1;
    return 0;
}

static int nisba(const kh_extractor *x, uint32_t i);

/* Whether a body's description of more than one word already names it: a
** head without ال in construct (مكتب مفوضة تنظيم المعلومات), or a nisba
** after it that tells bodies apart (السلطات التونسية). الشركة العملاقة only
** describes one. */
static int described_name(const kh_extractor *x, const kx_cue *c)
{
    if (c->np_last <= c->np_first + 1) return 0;
    if (!(x->tk[c->np_first].pro & KX_P_AL)) return 1;
    for (uint32_t k = c->np_first + 1; k < c->np_last; k++)
        if (nisba(x, k)) return 1;
    return 0;
}

/* Whether token i, a و word right after a body's head, joins a second
** party (الشرطة | والمسلحين الأكراد) rather than going on with the body's
** name, whose own و genitives come after a complement (منظمة الأمن والتعاون). */
static int second_party(const kh_extractor *x, uint32_t head, uint32_t i)
{
    return i == head + 1 && (x->tk[i].pro & KX_P_W);
}

/* The comma ending the few nouns from token f on (words up to token
** last_word): the phrase between a title and its name in apposition
** (لدى الأمم المتحدة، | X، والناطق الرسمي باسمها، | القاضي X). Its index,
** or UINT32_MAX when another word or the limit comes first. */
static uint32_t comma_after(const kh_extractor *x, uint32_t f, uint32_t last_word, uint32_t limit)
{
    while (f < limit && f <= last_word && np_word(x, f) && !(x->tk[f].flags & KX_T_COMMA))
        f++;
    return f < limit && (x->tk[f].flags & KX_T_COMMA) ? f : UINT32_MAX;
}

/* Past up to max ranks or honorifics with ال from token f, which stand
** before a name in apposition and are no part of it (المتحدث الأمني، اللواء
** | منصور التركي). */
static uint32_t past_ranks(const kh_extractor *x, uint32_t f, uint32_t max, uint32_t limit)
{
    uint32_t s = f;
    while (f < limit && f - s < max && x->tk[f].pro == KX_P_AL &&
           kx_is(x, f, KX_TITLE | KX_HONOR) && !kx_is(x, f, KX_ORG))
        f++;
    return f;
}

/* Whether every word after the head of cue c's description comes within
** the few words after token j, before a second title after the name, on
** its line: الوزير الإماراتي is the earlier وزير الدولة للشؤون الخارجية
** الإماراتي أنور قرقاش, whose nisba follows the title's complements. */
static int words_follow(kh_extractor *x, const kx_cue *c, uint32_t j)
{
    const kx_line *L = &x->lines[x->tk[j].line];
    uint32_t lim = L->last < j + 8 ? L->last : j + 8;
    for (uint32_t m = c->np_first + 1; m < c->np_last; m++) {
        const char *s1, *s2;
        size_t n1, n2;
        stem_norm(x, m, &s1, &n1);
        uint32_t k = j + 1;
        int named = 0;
        for (; k < lim; k++) {
            if (named && kx_is(x, k, KX_TITLE) && !(x->tk[k].pro & KX_P_AL))
                break; /* not الرئيس الفرنسي ماكرون | نظيره الأمريكي: another title */
            named |= name_word(x, k);
            stem_norm(x, k, &s2, &n2);
            if (n1 && n1 == n2 && !memcmp(s1, s2, n1)) break;
        }
        if (k == lim || (named && kx_is(x, k, KX_TITLE) && !(x->tk[k].pro & KX_P_AL))) return 0;
    }
    return 1;
}

/* A description (الحارس البلجيكي، المنظمة) names someone the article named
** with the same head noun: الحارس البلجيكي سيمون مينيولي، منظمة هيومن رايتس
** ووتش. Finds the nearest such mention, before the cue first. */
static int resolve_description(kh_extractor *x, kx_cue *c)
{
    const char *hs;
    size_t hn;
    uint32_t head = c->np_first;
    stem_norm(x, head, &hs, &hn);
    if (!hn || !is_word(x, head) || !kx_is(x, head, KX_TITLE))
        return 0; /* only a person's or a body's title names someone: not التقرير */
    int org = kx_is(x, head, KX_ORG);
    /* السلطات التونسية is not السلطات الألمانية "غير قانوني", and مكتب مفوضة
    ** … is its own name: only the same words take a quoted name after them */
    int named = org && described_name(x, c);
    size_t n = x->A->ntokens;
    uint32_t best_first = 0, best_last = 0, best_len = 0;
    int synonym = 0; /* whether the head has a synonym: checked once, not per token */
    for (size_t q = 0; q < sizeof HEAD_SYNONYMS / sizeof HEAD_SYNONYMS[0] && !synonym; q++)
        synonym = stem_is(x, head, HEAD_SYNONYMS[q][0]) || stem_is(x, head, HEAD_SYNONYMS[q][1]);
    /* رئيس اللجنة, a head in construct, is the head of something: not the
    ** president (للرئيس إنريكي), a title that stands alone with ال. Its
    ** genitive may be worded otherwise (رئيس الحكومة التركية, رئيس الوزراء
    ** التركي): only the first passes ask for the same words. */
    int construct = c->np_last >= c->np_first + 2 && !(x->tk[head].pro & KX_P_AL) &&
                    x->tk[head + 1].pro == KX_P_AL && !nisba(x, head + 1);
    for (int pass = 0; pass < 4; pass++) {
        int strict = pass < 2;
        if (best_len) {
            c->name_first = best_first;
            c->name_last = best_last;
            return 1;
        }
        for (size_t step = 1; step < n && step < DESCRIPTION_WINDOW; step++) {
            uint32_t j;
            if (pass % 2 == 0) {
                if (step > c->tok) break;
                j = c->tok - (uint32_t)step;
            } else {
                j = c->np_last + (uint32_t)step - 1;
                if (j >= n) break;
            }
            if (j >= c->np_first && j < c->np_last) continue;
            const char *s;
            size_t sn;
            stem_norm(x, j, &s, &sn);
            if ((sn != hn || memcmp(s, hs, hn)) && !(synonym && same_head(x, head, j))) continue;
            if (!is_word(x, j)) continue;
            if (construct && !strict && (x->tk[j].pro & KX_P_AL)) continue;
            if (strict) {
                /* الحارس البلجيكي: the nisba must match too */
                uint32_t m = 1;
                while (m < c->np_last - c->np_first && j + m < n) {
                    const char *s1, *s2;
                    size_t n1, n2;
                    stem_norm(x, c->np_first + m, &s1, &n1);
                    stem_norm(x, j + m, &s2, &n2);
                    if (n1 != n2 || memcmp(s1, s2, n1)) break;
                    m++;
                }
                if (m < c->np_last - c->np_first && !words_follow(x, c, j)) continue;
            }
            const kx_line *L = &x->lines[x->tk[j].line];
            if (!org && j > L->first && !(x->tk[j].pro & (KX_P_L | KX_P_B | KX_P_K))) {
                /* مايا كوسيانسيتش(،) الناطقة باسم …: the name before the title;
                ** not before للرئيس, where the words before are what the
                ** title's phrase belongs to (ضربة جديدة | للرئيس) */
                uint32_t e = j - ((x->tk[j - 1].flags & KX_T_COMMA) ? 1 : 0), a = e;
                while (a > L->first && e - a < NAME_MAX_TOKENS && name_word(x, a - 1) &&
                       !(x->tk[a - 1].pro & (KX_P_W | KX_P_F)))
                    a--; /* وفور | وصول محافظ: و opens a clause, not a name */
                if (a < e && e - a >= 2 && !kx_is(x, a - 1, KX_TITLE)) {
                    c->name_first = a;
                    c->name_last = e;
                    return 1;
                }
            }
            uint32_t lim = L->last < j + 8 ? L->last : j + 8;
            uint32_t k = after_titles(x, j, lim);
            if (org && k > j + 1 && second_party(x, j, j + 1)) k = j + 1;
            if (org && k == j + 1 && k < L->last && tok(x, k)->kind == KH_TOK_HASHTAG &&
                c->np_last == c->np_first + 1 && pass % 2 == 0) {
                /* وزارة #الخارجية_التركية، منظمة #العفو الدولية: the hashtag and
                ** the adjectives after it are the rest of the body's name */
                uint32_t e = k + 1;
                while (e < L->last && e - k < 3 && x->tk[e].pro == KX_P_AL && np_word(x, e) &&
                       !kx_is(x, e, KX_TITLE))
                    e++;
                c->name_first = named_after_head(x, j) ? j + 1 : j;
                c->name_last = e;
                return 1;
            }
            if (org) {
                /* الوزارة → the earlier وزارة الخارجية التركية; المنظمة → منظمة
                ** العفو الدولية, named by what follows منظمة. The longest such
                ** mention before the cue is the body's fullest name (اللجنة
                ** الوطنية … لحقوق الإنسان, not a later اللجنة المذكورة) */
                if (k > j + 1 && c->np_last == c->np_first + 1 && pass % 2 == 0) {
                    k = person_chain_end(x, j, k, L->last); /* العائلة → عائلة منسق … أفيتشي */
                    while (k > j + 1 && kx_is(x, k - 1, KX_TITLE) && !kx_is(x, k - 1, KX_ORG) &&
                           (x->tk[k - 1].pro & KX_P_AL) && STEM_IN(x, k - 1, RANKS))
                        k--; /* رئيس المنظمة العربية | الدكتور بندر: a rank opens the
                              ** person's name after the body's */
                    if (k - j > best_len) {
                        best_len = k - j;
                        best_first =
                            named_after_head(x, j) && !(x->tk[j + 1].pro & KX_P_AL) ? j + 1 : j;
                        best_last = k;
                    }
                    continue;
                }
                if (k < L->last && (x->tk[k].flags & KX_T_QMARK) && x->tk[k].pair >= 0 &&
                    (strict || !named) && x->pairs[x->tk[k].pair].open == k &&
                    x->pairs[x->tk[k].pair].close != UINT32_MAX &&
                    x->pairs[x->tk[k].pair].nwords <= NP_QUOTE_WORDS) {
                    c->name_first = k + 1;
                    c->name_last = x->pairs[x->tk[k].pair].close;
                    return 1;
                }
                if (!kx_is(x, j, KX_NAMEHEAD) || c->np_last - c->np_first >= 2) continue;
                /* الحزب الدستوري الحر | يعبر: a body's head with its adjectives is
                ** the body's name; the word after an earlier mention is not */
            }
            if (k + 2 < L->last && (stem_is(x, k, "في") || stem_is(x, k, "لدى")) && !x->tk[k].pro &&
                np_word(x, k + 1)) {
                /* مدرب الحراس في ليفربول، جون آتشتربرغ، سفيرة الولايات المتحدة
                ** لدى الأمم المتحدة، نيكي هيلي: the title's في/لدى phrase says
                ** where he holds it; the name follows its comma */
                uint32_t f = comma_after(x, k + 1, k + 3, L->last);
                if (f != UINT32_MAX && f + 1 < L->last && name_word(x, f + 1)) k = f;
            }
            if (k < L->last && (x->tk[k].pro & KX_P_B) && enc_stem_in(x, k, NAME_NOUN, 1))
                k++; /* والناطق الرسمي باسمها، القاضي X: in its name */
            if (k + 2 < L->last && (x->tk[k].flags & KX_T_COMMA) &&
                past_ranks(x, k + 1, 1, L->last) == k + 2 && name_word(x, k + 2))
                k += 2; /* …، القاضي سامي صمادحي: a rank before the name in apposition */
            if (k < L->last && (x->tk[k].flags & KX_T_COMMA) && k + 1 < L->last &&
                name_word(x, k + 1))
                k++; /* المتحدث باسم الرئاسة الروسية، ديميتري بيسكوف */
            else if (!org && k + 2 < L->last && (x->tk[k].flags & KX_T_COMMA) &&
                     x->tk[k + 1].pro == KX_P_AL && np_word(x, k + 1) &&
                     !kx_is(x, k + 1, KX_TITLE) && name_word(x, k + 2)) {
                /* وزير الداخلية، الهادي مجدوب،: set off by commas, a word with ال
                ** right before a bare name is its first name, as in apposition();
                ** without the closing comma it is an adjective of the verb's
                ** object (رئيس النادي، البرتغالي أوزفالدو فيريرا المدير الفني) */
                uint32_t e = name_run(x, k + 2, L->last);
                if (e < L->last && (x->tk[e].flags & KX_T_COMMA)) {
                    c->name_first = k + 1;
                    c->name_last = e;
                    return 1;
                }
            }
            if (k < L->last && (x->tk[k].flags & KX_T_QMARK) && x->tk[k].pair >= 0) {
                const kx_pair *p = &x->pairs[x->tk[k].pair];
                if (p->open == k && p->close != UINT32_MAX && p->nwords <= NP_QUOTE_WORDS) {
                    c->name_first = k + 1;
                    c->name_last = p->close;
                    return 1;
                }
            }
            if (org && k < L->last && (x->tk[k].pro & (KX_P_W | KX_P_F)))
                continue; /* المنظمة الأفريقية للثقافة | وحقوق الإنسان: the body's own
                          ** genitive goes on, no name follows it */
            if (!org && k < L->last && k > j && tok(x, k)->kind == KH_TOK_HASHTAG &&
                memchr(tok(x, k)->norm, '_', tok(x, k)->norm_len)) {
                c->name_first = k; /* الرئيس الفلسطيني #محمود_عباس: the hashtag is the name */
                c->name_last = k + 1;
                return 1;
            }
            uint32_t e = name_run(x, k, L->last);
            if (!org && k > j && e == k && al_given(x, k)) {
                c->name_first = k; /* رئيس الجمهورية | الباجي قائد السبسي */
                c->name_last = al_given_end(x, k, L->last);
                return 1;
            }
            if (!org && k > j && e > k && e - k <= 2 && owner_word(x, k - 1, j)) {
                /* مدير شرطة جدة | اللواء محمد القحطاني، ناطق باسم سلطة تطوير
                ** العاصمة | رمضان ساجد: the words after the complement's head
                ** name the place or the body; a rank and a name may follow */
                uint32_t r = e;
                if (r < L->last && x->tk[r].pro == KX_P_AL && np_word(x, r) &&
                    !kx_is(x, r, KX_TITLE))
                    r++;
                uint32_t f = past_ranks(x, r, 2, L->last);
                if (f > r && f < L->last && name_word(x, f)) {
                    k = f;
                    e = name_run(x, k, L->last);
                }
            }
            int al_end = 0;
            if (e > k && e < L->last && (x->tk[e].pro & KX_P_AL) && !kx_is(x, e, KX_TITLE) &&
                !(x->tk[e].pro & (KX_P_B | KX_P_L)) && np_word(x, e)) {
                e++; /* an ال surname: نايف البكري */
                al_end = 1;
            }
            if (e > k && (e == L->last || al_end || !name_word(x, e))) {
                /* an ال surname ends the name: the bare word after it is the
                ** verb's object (… عماد المعلول | خبر إصابة) */
                c->name_first = k;
                c->name_last = e;
                return 1;
            }
        }
    }
    if (best_len) {
        c->name_first = best_first;
        c->name_last = best_last;
        return 1;
    }
    return 0;
}

static const char *const RELATIVES[] = {"الذي", "التي", "الذين"};

/* A name ends before a title that describes it (فيصل القاسم | المذيع
** بفضائية الجزيرة). */
static void trim_name(kh_extractor *x, kx_cue *c)
{
    uint32_t k = c->name_first;
    if (k >= c->name_last || !name_word(x, k)) return;
    while (k < c->name_last && (!kx_is(x, k, KX_TITLE) || compound_part(x, k) || qaid_name(x, k)))
        k++; /* عبد الملك: ملك is a title, but not after عبد; قائد نصر: a given name */
    if (k + 1 == c->name_last && k > c->name_first && x->tk[k].pro == KX_P_AL &&
        !kx_is(x, k, KX_ORG) && k + 1 < x->A->ntokens && NORM_IN(x, k + 1, RELATIVES))
        return; /* شوقي الطبيب الذي: a title word ending the name right
                ** before a relative pronoun is the family name */
    c->name_last = k;
}

/* Indefinite heads of anonymous speakers: the phrase is the speaker. */
static const char *const ANONYMOUS[] = {"مصدر",   "مصادر", "مسؤول",   "مسؤولون",  "متحدث", "خبير",
                                        "خبراء",  "شاهد",  "شهود",    "دبلوماسي", "ناشط",  "ناشطون",
                                        "سكان",   "مراقب", "مراقبون", "محللون",   "ضابط",  "ضباط",
                                        "باحثون", "علماء", "عنصر"};

/* Whether token i is one of the anonymous heads, in any case: the
** accusative (إن مصدرا ذا صلة … قال) adds the tanween alef to the stem. */
static int anonymous_word(kh_extractor *x, uint32_t i)
{
    const char *s;
    size_t n;
    stem_norm(x, i, &s, &n);
    for (size_t q = 0; q < sizeof ANONYMOUS / sizeof ANONYMOUS[0]; q++) {
        char buf[KX_LIT_MAX];
        size_t fl;
        const char *f = kx_lit(x, ANONYMOUS[q], &fl, buf);
        if (n >= fl && !memcmp(s, f, fl) &&
            (n == fl || (n == fl + 2 && !memcmp(s + fl, "\xd8\xa7", 2))))
            return 1;
    }
    return 0;
}

/* Verbs that give a person's name after a common noun: رجل يدعى "…". */
static const char *const CALLED[] = {"يدعى", "تدعى", "يدعي", "تدعي",
                                     "يسمى", "تسمى", "اسمه", "اسمها"};

/* الرجل، المرأة: a common noun with ال refers back to the indefinite noun
** that introduced someone with his name (رجل أمريكي يدعى "كارل سميث"):
** the name after يدعى. */
static int called_name(kh_extractor *x, kx_cue *c)
{
    if (c->np_last != c->np_first + 1 || !(x->tk[c->np_first].pro & KX_P_AL)) return 0;
    const char *hs;
    size_t hn;
    stem_norm(x, c->np_first, &hs, &hn);
    for (uint32_t j = c->tok; j-- > 0 && c->tok - j < DESCRIPTION_WINDOW;) {
        const char *s;
        size_t sn;
        if (x->tk[j].pro & KX_P_AL) continue;
        stem_norm(x, j, &s, &sn);
        if (sn != hn || memcmp(s, hs, hn) || !is_word(x, j)) continue;
        for (uint32_t v = j + 1; v < j + 4 && v + 1 < x->A->ntokens && same_line(x, v, j); v++) {
            int called = NORM_IN(x, v, CALLED);
            if (!called) continue;
            uint32_t k = v + 1;
            if ((x->tk[k].flags & KX_T_QMARK) && x->tk[k].pair >= 0) {
                const kx_pair *p = &x->pairs[x->tk[k].pair];
                if (p->open != k || p->close == UINT32_MAX || p->nwords > NAME_MAX_TOKENS ||
                    p->close == k + 1)
                    return 0;
                c->name_first = k + 1;
                c->name_last = p->close;
                return 1;
            }
            uint32_t e = k;
            while (e < x->A->ntokens && same_line(x, e, k) && e - k < NAME_MAX_TOKENS &&
                   name_word(x, e))
                e++;
            if (e == k) return 0;
            c->name_first = k;
            c->name_last = e;
            return 1;
        }
    }
    return 0;
}

/* وقالت طالبة بالأكاديمية تدعى X «…»، وقال مقيم في مقديشو يدعى X: an
** indefinite subject introduced with its name by يدعى/تدعى a few words
** on; the name is the speaker. */
static int called_after(kh_extractor *x, kx_cue *c, uint32_t limit)
{
    int definite = (x->tk[c->np_first].pro & KX_P_AL) != 0;
    for (uint32_t v = c->np_last; v < limit && v < c->np_last + 8; v++) {
        if (x->tk[v].flags & (KX_T_PARTICLE | KX_T_QMARK | KX_T_COLON | KX_T_COMMA | KX_T_TERM))
            return 0;
        if (v + 1 < limit && asked_unnamed(x, v))
            return 0; /* طلب عدم نشر اسمه: the name withheld, not given */
        /* قالت الوالدة وتدعى X، وقال أحد الذين أغلقوا الطريق … ويدعى X: the
        ** name joined by و may follow a definite or a longer description */
        int joined = (x->tk[v].pro & KX_P_W) && STEM_IN(x, v, CALLED);
        int called = !definite && v < c->np_last + 4 && NORM_IN(x, v, CALLED);
        if (!called && !joined) continue;
        uint32_t e = v + 1;
        while (e < limit && e - v - 1 < NAME_MAX_TOKENS && name_word(x, e))
            e++;
        if (e == v + 1) return 0;
        c->name_first = v + 1;
        c->name_last = e;
        return 1;
    }
    return 0;
}

/* Documents that speak as subjects (وقال التقرير، وأكد البيان). */
static const char *const DOCUMENTS[] = {"تقرير", "بيان",  "مرسوم", "وثيقة",  "مذكرة",
                                        "دراسة", "رسالة", "قرار",  "تقارير", "بلاغ"};

/* وقال المبتعث إلى جامعة فلندرز في تخصص طب الطوارئ "عبدالسلام بن حمد
** العنزي" لـ"سبق": إنه: some papers quote the name that closes a nameless
** description, whatever stands between. The quote holds two or more name
** words after a definite word or a name (a bare head's quote is its body's
** name: رئيس حزب "نداء تونس"، بلدة "بيت امر") and ends the subject: the
** medium told, a colon or the clause's إن/أن follows. A medium, a document
** or a relative clause between says the quote names something of theirs
** (على موقع السوق المالية "تداول"، المستندات التي تحتفظ بها "سبق"). */
#define QUOTED_NAME_GAP 10 /* words between the description and its quoted name */
static int lam_before_mark(const kh_extractor *x, uint32_t i);
static int appo_word(kh_extractor *x, uint32_t e, uint32_t first);

static int quoted_after(kh_extractor *x, kx_cue *c, uint32_t limit)
{
    if (has_name(x, c->np_first, c->np_last)) return 0;
    for (uint32_t v = c->np_last; v < limit && v < c->np_last + QUOTED_NAME_GAP; v++) {
        if (!(x->tk[v].flags & KX_T_QMARK)) {
            if (!is_word(x, v) || !same_line(x, v, c->tok) ||
                (x->tk[v].flags & (KX_T_PARTICLE | KX_T_COLON | KX_T_COMMA | KX_T_TERM)) ||
                kx_is(x, v, KX_SAY | KX_AGENCY) || NORM_IN(x, v, RELATIVES) ||
                STEM_IN(x, v, DOCUMENTS) || STEM_IN(x, v, NAMED_AFTER))
                return 0;
            continue;
        }
        int32_t pi = x->tk[v].pair;
        if (pi < 0 || v == c->np_last) return 0;
        kx_pair *p = &x->pairs[pi];
        uint32_t e = p->close;
        if (p->open != v || e == UINT32_MAX || e + 1 >= limit || p->nwords < 2 ||
            p->nwords > NAME_MAX_TOKENS || e - v - 1 != p->nwords)
            return 0;
        if ((x->tk[v - 1].pro != KX_P_AL && !name_word(x, v - 1)) || place_head(x, v - 1) ||
            kx_is(x, v - 1, KX_NAMEHEAD | KX_ORG))
            return 0;
        for (uint32_t k = v + 1; k < e; k++)
            if (!appo_word(x, k, v + 1)) return 0;
        if (!lam_before_mark(x, e + 1) && !(x->tk[e + 1].flags & (KX_T_COLON | KX_T_PARTICLE)))
            return 0;
        p->in_np = 1;
        c->name_first = v + 1;
        c->name_last = e;
        c->np_last = e + 1; /* the clause is sought after the name */
        return 1;
    }
    return 0;
}

/* A document is named by its noun and adjectives (البيان الختامي); what
** says where it came from follows (الصادر عن مكتب …، للمؤتمر الوزاري) and
** is no part of the speaker. The document is its own speaker: البيان does
** not refer back to an earlier في بيان له as a title refers to a name. */
static int document_name(kh_extractor *x, kx_cue *c)
{
    uint32_t a = c->name_first;
    int doc = STEM_IN(x, a, DOCUMENTS);
    if (!doc || !(x->tk[a].pro & KX_P_AL)) return 0;
    uint32_t e = a + 1;
    while (e < c->name_last && x->tk[e].pro == KX_P_AL && np_word(x, e) && !stem_is(x, e, "صادر") &&
           !stem_is(x, e, "صادرة"))
        e++;
    c->name_last = e;
    return 1;
}

/* Whether token i ends like a nisba adjective (المصرية، الروسي، الأمريكيون). */
static int nisba(const kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    const char *e = t->norm + t->norm_len;
    return t->norm_len >= 8 && (!memcmp(e - 2, "\xd9\x8a", 2) || /* …ي */
                                !memcmp(e - 4, "\xd9\x8a\xd9\x87", 4) ||
                                !memcmp(e - 4, "\xd9\x8a\xd8\xa9", 4) || /* …يه، …ية */
                                (t->norm_len >= 10 &&
                                 (!memcmp(e - 6, "\xd9\x8a\xd9\x88\xd9\x86", 6) ||
                                  !memcmp(e - 6, "\xd9\x8a\xd9\x8a\xd9\x86", 6)))); /* …يون، …يين */
}

/* The end of a definite body's name in [a, b): الخارجية المصرية, then only
** nisba adjectives (الشرطة الفرنسية الوطنية); a definite noun that is no
** nisba starts the verb's object (أكدت الخارجية المصرية | الرفض الكامل). */
static uint32_t body_extent(const kh_extractor *x, uint32_t a, uint32_t b)
{
    uint32_t k = a + 1;
    while (k < b && x->tk[k].pro == KX_P_AL && nisba(x, k))
        k++;
    if (k < b && x->tk[k].pro == KX_P_AL && !kx_is(x, k, KX_TITLE) && k > a + 1) return k;
    return b;
}

static uint32_t extend_np(kh_extractor *x, uint32_t first, uint32_t last, uint32_t limit);
static uint32_t document_issuer(kh_extractor *x, uint32_t first, uint32_t last, uint32_t limit);

/* المصدر، المسؤول: an anonymous head made definite refers back to the
** indefinite one that brought the source in (وكان مصدر في الشرطة العمانية
** قد نفى … وقال المصدر في الشرطة العمانية إنه); the speaker is that first
** mention with the phrase that says whose source it is. Looks back over a
** bounded window, as a description does. */
static int anonymous_antecedent(kh_extractor *x, kx_cue *c)
{
    const char *hs;
    size_t hn;
    stem_norm(x, c->np_first, &hs, &hn);
    for (uint32_t j = c->np_first; j-- > 0 && c->np_first - j < DESCRIPTION_WINDOW;) {
        const char *s;
        size_t sn;
        if ((x->tk[j].pro & KX_P_AL) || !is_word(x, j) || x->tk[j].pair >= 0) continue;
        stem_norm(x, j, &s, &sn);
        if (sn != hn || memcmp(s, hs, hn)) continue;
        const kx_line *L = &x->lines[x->tk[j].line];
        uint32_t e = extend_np(x, j, np_right(x, j, L->last), L->last);
        if (e <= j) return 0;
        c->name_first = j;
        c->name_last = e;
        return 1;
    }
    return 0;
}

/* Whether tokens [a, b) read as a person's name: two words or more, a name
** word first, then name words or ال surnames (عبد الله المعيني). */
static int person_name(const kh_extractor *x, uint32_t a, uint32_t b)
{
    if (b < a + 2 || !name_word(x, a)) return 0;
    for (uint32_t k = a + 1; k < b; k++)
        if (!name_or_al(x, k)) return 0;
    return 1;
}

/* Whether the subject [a, b) opens with the surname of someone the article
** introduced with a title (الفريق مهاب مميش،) and its other words are the
** verb's object, a defined noun and its adjective: وعدد مميش | الجدوى
** الاقتصادية.
** The surname there ends its name (a comma, a title or a non-name word
** follows it), and never goes on with this phrase's next word. */
static int surname_alone(kh_extractor *x, uint32_t a, uint32_t b)
{
    if (b < a + 3 || x->tk[a].pro || !name_word(x, a) || !same_line(x, a, a + 2)) return 0;
    if (x->tk[a + 1].pro != KX_P_AL || x->tk[a + 2].pro != KX_P_AL || kx_is(x, a + 1, KX_TITLE) ||
        kx_is(x, a + 2, KX_TITLE))
        return 0; /* a noun and its adjective (الجدوى الاقتصادية), never محمد | عبدالله
                  ** الرشيد, whose محمد may end another name (سارة محمد) */
    size_t n = x->A->ntokens;
    int seen = 0;
    for (uint32_t j = 1; j < n; j++) {
        if (j == a || !tok_eq(x, j, a)) continue;
        if (j + 1 < n && same_line(x, j, j + 1) && tok_eq(x, j + 1, a + 1)) return 0;
        if (j < 2 || !name_word(x, j - 1) || !same_line(x, j - 2, j) || x->tk[j].pro ||
            x->tk[j - 1].pro)
            continue;
        if (!(kx_is(x, j - 2, KX_TITLE) && (x->tk[j - 2].pro & KX_P_AL) &&
              !kx_is(x, j - 2, KX_ORG)))
            continue; /* الفريق | مهاب مميش: introduced with a title */
        if (j + 1 < n && same_line(x, j, j + 1) && !(x->tk[j + 1].flags & KX_T_COMMA) &&
            name_or_al(x, j + 1))
            continue; /* the name goes on there */
        seen = 1;
    }
    return seen;
}

/* Whether the name at tokens [a, b) stands in apposition to a title: after a
** comma or a defined title (…، عبد الله المعيني؛ المهندس X), or right before
** a title (معز بوراوي رئيس الجمعية), not inside a body's name (اتحاد |
** جمعيات الصحافيين). */
static int apposed_name(const kh_extractor *x, uint32_t a, uint32_t b)
{
    if (a > 0 && ((x->tk[a - 1].flags & KX_T_COMMA) ||
                  ((x->tk[a - 1].pro & KX_P_AL) && kx_is(x, a - 1, KX_TITLE))))
        return 1;
    return b < x->A->ntokens && same_line(x, b - 1, b) && kx_is(x, b, KX_TITLE) &&
           !kx_is(x, b, KX_ORG);
}

/* Whether token q's word ends a name elsewhere in the article (سليمان
** الصعب): then المواطن "الصعب" quotes his surname, not a body. */
static int surname_elsewhere(kh_extractor *x, uint32_t q)
{
    for (uint32_t j = 1; j < x->A->ntokens; j++)
        if (j != q && tok_eq(x, j, q) && same_line(x, j - 1, j) && name_word(x, j - 1)) return 1;
    return 0;
}

/* Whether the body quoted at token q is named again near the name at token
** n, on its line: معز بوراوي رئيس الجمعية … "عتيد" for رئيس "عتيد",
** هيئة الإمارات للمواصفات … عبد الله المعيني for مدير عام "مواصفات". */
static int body_near(kh_extractor *x, uint32_t q, uint32_t n)
{
    const char *s1, *s2;
    size_t n1, n2;
    stem_norm(x, q, &s1, &n1);
    if (!n1) return 0;
    const kx_line *L = &x->lines[x->tk[n].line];
    uint32_t a = n > L->first + BODY_NEAR ? n - BODY_NEAR : L->first;
    uint32_t b = n + BODY_NEAR < L->last ? n + BODY_NEAR : L->last;
    for (uint32_t k = a; k < b; k++) {
        if (k == q) continue;
        stem_norm(x, k, &s2, &n2);
        if (n1 == n2 && !memcmp(s1, s2, n1)) return 1;
    }
    return 0;
}

/* The name inside a subject: what follows its titles and their
** complements (الرئيس الأمريكي | جو بايدن), a quoted name (منظمة «…»), or
** for a bare description the name the article gave it elsewhere. */
static void np_name(kh_extractor *x, kx_cue *c)
{
    uint32_t a = c->np_first, b = c->np_last;
    c->name_first = a;
    c->name_last = b;
    for (uint32_t k = a; k < b; k++) {
        int32_t pi = x->tk[k].pair;
        if ((x->tk[k].flags & KX_T_QMARK) && pi >= 0 && x->pairs[pi].in_np) {
            uint32_t after = x->pairs[pi].close + 1;
            if (k >= a + 2 &&
                (only_names(x, a, k) || (k == a + 2 && name_word(x, a) && name_or_al(x, a + 1)))) {
                c->name_last = k; /* X Y "لقب": a nickname or a role after a full name
                                  ** (صادق الحدب "ناخب") */
                return;
            }
            int person_head = kx_is(x, a, KX_TITLE) && !kx_is(x, a, KX_ORG) &&
                              k > a + 1; /* المستشارة … لمجموعة "بي إن"، مدير شركة «…» */
            if (after < b && has_name(x, after, b) && k > a &&
                (!kx_is(x, k - 1, KX_ORG) || person_head)) {
                uint32_t f = after; /* … «أطباء بلا حدود» في اليمن | حسن بوسنين،
                                     ** الشيخ الدكتور | X: where, and ranks */
                while (f + 1 < b && (!name_word(x, f) || (f > after && stem_is(x, f - 1, "في"))))
                    f++;
                c->name_first = f; /* مدير "تعليم الليث" مرعي البركاتي */
            } else if (k > a && k <= a + 2 && kx_is(x, a, KX_TITLE) && !kx_is(x, a, KX_ORG) &&
                       !STEM_IN(x, a, RANKS) && !surname_elsewhere(x, k + 1) &&
                       resolve_description(x, c) &&
                       (c->name_last <= a || c->name_first > x->pairs[pi].close) &&
                       person_name(x, c->name_first, c->name_last) &&
                       apposed_name(x, c->name_first, c->name_last) &&
                       body_near(x, k + 1, c->name_first)) {
                /* وأوضح رئيس "عتيد": the quoted name is the body he heads; the
                ** speaker is the person the article named with that title */
            } else {
                c->name_first = k + 1;
                c->name_last = x->pairs[pi].close;
            }
            return;
        }
    }
    for (uint32_t k = a + 1; k < b; k++) {
        if (!stem_is(x, k, "في")) continue;
        uint32_t r = field_then_rank(x, a, k, b);
        if (r) {
            c->name_first = r + 1; /* نقيب الأطباء في تعز الدكتور | صادق الشجاع */
            c->name_last = b;
            trim_name(x, c);
            return;
        }
        r = place_then_name(x, a, k, x->lines[x->tk[a].line].last);
        if (r && r < b) {
            c->name_first = r; /* … في حكومة الاقليم | فلاح مصطفى، an anonymous
                               ** head's too (مسؤول) */
            c->name_last = b;
            trim_name(x, c);
            return;
        }
        break;
    }
    if (!(x->tk[a].pro & KX_P_AL) && anonymous_word(x, a))
        return; /* مصدر هلالي مسؤول، متحدث باسم برنامج الأغذية العالمي */
    for (uint32_t k = a + 1; k < b && k <= a + 2; k++) {
        uint32_t e = x->tk[k].pro & KX_P_L ? 0 : document_issuer(x, a, k, b);
        if (e) {
            c->name_last = e; /* بيان صادر عن إيتا, whose name no rule below
                              ** would keep (بيان لـ… keeps its own) */
            return;
        }
    }
    if ((x->tk[a].pro & KX_P_AL) && anonymous_word(x, a) && !has_name(x, a, b) &&
        anonymous_antecedent(x, c))
        return; /* وقال المصدر (في الشرطة) → the earlier مصدر في الشرطة العمانية */
    if (kx_is(x, a, KX_ORG) && (x->tk[a].pro & KX_P_AL) && !named_after_head(x, a)) {
        uint32_t e = body_extent(x, a, b);
        if (e < b) {
            b = e; /* أكدت الخارجية المصرية | الرفض الكامل: the object follows */
            c->name_last = e;
        }
    }
    if (kx_is(x, a, KX_TITLE) || (x->tk[a].pro & KX_P_AL)) {
        uint32_t k = after_titles(x, a, b);
        if (kx_is(x, a, KX_ORG) && k + 1 < b && stem_is(x, k, "في") && !(x->tk[k].pro & KX_P_W))
            return; /* وزارة الصحة في غزة: the place tells which ministry */
        if (k < b && tok(x, k)->kind == KH_TOK_HASHTAG) {
            /* رئيس الوزراء #سعد_الحريري، منظمة #العفو الدولية: the hashtag and
            ** its adjectives are the name; وزارة #الخارجية_التركية keeps its head */
            uint32_t e = k + 1;
            while (e < b && e - k < 3 && x->tk[e].pro == KX_P_AL && np_word(x, e) &&
                   !kx_is(x, e, KX_TITLE))
                e++;
            uint32_t whole = agency_named_whole(x, a, b);
            int keep_head = k == a + 1 && kx_is(x, a, KX_ORG) && (!named_after_head(x, a) || whole);
            c->name_first = keep_head ? a : k;
            c->name_last = keep_head && whole > e ? whole : e;
            return;
        }
        if (k > a && k < b && al_given(x, k) && kx_is(x, a, KX_TITLE) && !kx_is(x, a, KX_ORG)) {
            c->name_first = k; /* رئيس الحكومة | الحبيب الصيد */
            c->name_last = al_given_end(x, k, b);
            return;
        }
        if (k < b && kx_is(x, a, KX_ORG) && !(x->tk[a].pro & KX_P_AL)) {
            uint32_t e = person_chain_end(x, a, k, b);
            if (e > k) {
                c->name_last = e;
                return;
            }
        }
        if (k < b && kx_is(x, a, KX_ORG) && !named_after_head(x, a) && k > a + 1 &&
            (x->tk[k - 1].pro & KX_P_AL) && !(x->tk[k].flags & KX_T_QMARK) &&
            !kx_is(x, k, KX_TITLE)) {
            c->name_last = k; /* أعلنت الداخلية المصرية | توقيف: a body's name ends with
                              ** its adjectives; a bare word after them is the object */
            return;
        }
        uint32_t whole = k == a + 1 ? agency_named_whole(x, a, b) : 0;
        if (k == a + 1 && k < b && kx_is(x, a, KX_ORG) && !(x->tk[a].pro & KX_P_AL) &&
            (!named_after_head(x, a) || whole) && name_word(x, k)) {
            uint32_t e = name_run(x, k, b);
            if (e < b && x->tk[e].pro == KX_P_AL && !kx_is(x, e, KX_TITLE) && np_word(x, e))
                e++; /* بلدية وادي | الزيتون */
            if (whole > e) e = whole;
            c->name_first = a; /* بلدية | سيدي بوسعيد: a body is named with its head, */
            c->name_last = e; /* unless the head only says what the name is (وكالة رويترز) */
            return;
        }
        uint32_t m = b, s0 = b;
        if (k < b && has_name(x, k, b)) {
            while (m > k && !name_word(x, m - 1))
                m--;
            s0 = m;
            while (s0 > k && (name_word(x, s0 - 1) || compound_part(x, s0 - 1)))
                s0--;
            if (s0 == k + 1 && title_name(x, a, k, b)) s0 = k;
        }
        /* المدير التنفيذي لسوق | عكاظ، مدير شرطة | جدة، … في | إمارة المنطقة:
        ** one name word (and an ال word) right after a complement's head or
        ** في names that body or place, not the person; the title is resolved
        ** like one without a name */
        int owned = (m == b || (m + 1 == b && x->tk[m].pro == KX_P_AL && !kx_is(x, m, KX_TITLE))) &&
                    (m == s0 + 1 || (m == s0 + 2 && m == b && kx_is(x, s0 - 1, KX_ORG))) &&
                    s0 > a &&
                    (owner_word(x, s0 - 1, a) ||
                     (!x->tk[s0 - 1].pro && stem_is(x, s0 - 1, "في") && !has_name(x, a, s0 - 1))) &&
                    kx_is(x, a, KX_TITLE) && !kx_is(x, a, KX_ORG) &&
                    (b >= x->A->ntokens || !same_line(x, b - 1, b) || !name_word(x, b));
        if (k < b && has_name(x, k, b) && !owned) {
            /* the last run of name words: رئيس مجلس شورى النهضة | عبد الكريم الهاروني */
            if (m - s0 >= 3 && s0 > a && stem_is(x, s0 - 1, "في") && !x->tk[s0 - 1].pro)
                s0++; /* مدير مكتب الحملة في لبنان | وليد بن علي الجلال: the first word
                      ** after the title's في is where the office is */
            c->name_first = s0 < m ? s0 : k;
            trim_name(x, c);
            return;
        }
        if (!document_name(x, c) && !resolve_description(x, c)) called_name(x, c);
        return;
    }
    if (!x->tk[a].pro && STEM_IN(x, a, DOCUMENTS))
        return; /* تقرير للبنك الدولي: the issuer's words are no title to end at */
    if (nominative_construct(x, a) || (!x->tk[a].pro && STEM_IN(x, a, QUANTIFIERS)))
        return; /* مسؤولو الحكومة، أحد أعضاء مجلس الشورى: the group is the speaker */
    if (surname_alone(x, a, b)) {
        c->name_last = a + 1;
        return;
    }
    trim_name(x, c);
}

/* Nouns after في that say where a statement was made, not who made it. */
static const char *const SPEECH_PLACES[] = {
    "بيان", "تصريح", "تصريحات", "حديث", "مؤتمر", "مقابلة", "كلمة", "تغريدة", "لقاء", "رسالة",
    "اتصال", "خطاب", "تدوينة", "منشور", "حوار", "ختام", "بلاغ", "فيديو", "تسجيل", "مقطع", "مداخلة",
    "اجتماع", "ندوة", "جلسة", "تغريدات", "تدوينات",
    /* the moment of an occasion: في بداية الاستقبال، في مستهل الجلسة */
    "بداية", "مستهل", "مطلع", "افتتاح", "حفل", "استقبال"};

/* Whether s[0..len), folded, is one of the n words of list. */
static int folded_in(kh_extractor *x, const char *s, size_t len, const char *const *list, size_t n)
{
    if (kx_grow(x, (void **)&x->fold, &x->capfold, len + 1, 1)) return 0;
    size_t fn = kx_fold(s, len, x->fold);
    for (size_t q = 0; q < n; q++) {
        char buf[KX_LIT_MAX];
        size_t fl;
        const char *f = kx_lit(x, list[q], &fl, buf);
        if (fl == fn && !memcmp(f, x->fold, fn)) return 1;
    }
    return 0;
}

/* Whether token i carries a pronoun and the noun under it, folded, is one of
** the n words of list: بيانها، تصريحاته، تعبيره (stem_norm keeps the pronoun). */
static int enc_stem_in(kh_extractor *x, uint32_t i, const char *const *list, size_t n)
{
    if (!(x->tk[i].flags & KX_T_ENC)) return 0;
    const kh_token *t = tok(x, i);
    for (uint32_t j = 0; j < t->nsegs; j++) {
        const kh_segment *g = &t->segs[j];
        if (g->role == KH_SEG_STEM && folded_in(x, g->text, g->len, list, n)) return 1;
    }
    return 0;
}

static int speech_place(kh_extractor *x, uint32_t i)
{
    /* في بيانها، في تصريحاته: also the noun under its pronoun */
    return STEM_IN(x, i, SPEECH_PLACES) ||
           enc_stem_in(x, i, SPEECH_PLACES, sizeof SPEECH_PLACES / sizeof SPEECH_PLACES[0]);
}

/* مصادر قريبة من الحركة، تقارير بوسائل الإعلام الأمريكية، مصدر مطلع في
** الرئاسة: an anonymous source or a report, indefinite, keeps the phrase
** that says whose it is (the gold writes such speakers in full). */
static int anonymous_head(kh_extractor *x, uint32_t i)
{
    if (x->tk[i].pro & KX_P_AL) return 0;
    if (stem_is(x, i, "تقارير") || stem_is(x, i, "تقرير")) return 1;
    return anonymous_word(x, i);
}

/* لـ«عكاظ»، ل»الرياض»، لـ "الاقتصادية": a lone ل (لـ or a bare ل, not
** بـ) before a quote mark on its line, the medium a statement was told. */
static int lam_before_mark(const kh_extractor *x, uint32_t i)
{
    if (i + 1 >= x->A->ntokens || !same_line(x, i, i + 1) || !(x->tk[i + 1].flags & KX_T_QMARK))
        return 0;
    const kh_token *t = tok(x, i);
    return t->kind == KH_TOK_ARABIC && t->norm_len == 2 && !memcmp(t->norm, "\xd9\x84", 2);
}

/* فابيوس | لإذاعة، كاميرون | لذلك الجمهور، جون كيلستش | لرويترز: a ل or ب
** word that is a body, a title, an agency or a function word, or carries
** ال, says whom a speaker told; a bare name split that way stays (لبكي). */
static int told_word(kh_extractor *x, uint32_t b)
{
    return (x->tk[b].pro & (KX_P_L | KX_P_B)) &&
           ((x->tk[b].pro & KX_P_AL) || kx_is(x, b, KX_ORG | KX_TITLE | KX_STOP | KX_AGENCY) ||
            STEM_IN(x, b, TOLD_NOUNS));
}

/* Verbs that say who made a document (دراسة أعدتها منظمة …، بيان نشرته
** الداخلية، تقرير بثه تلفزيون النمسا), as written with and without hamza. */
static const char *const DOC_MADE[] = {"أعدته", "أعدتها", "اعدته", "اعدتها", "أعده",   "أعدها",
                                       "نشرته", "نشرتها", "بثه",   "بثته",   "أصدره",  "أصدرته",
                                       "اصدره", "اصدرته", "أجرته", "أجراها", "أطلقته", "أطلقتها"};

/* The body that issued a document, from token s: a body's word and its
** adjectives and genitives (للبنك الدولي، الأمين العام للأمم المتحدة، منظمة
** الصحة العالمية والمعهد الوطني الأمريكي, تلفزيون النمسا). Its end, or s. */
static uint32_t issuer_end(kh_extractor *x, uint32_t s, uint32_t limit)
{
    uint32_t e = s;
    while (e < limit && e - s < BODY_NAME_MAX && np_word(x, e) && !(x->tk[e].flags & KX_T_ENC) &&
           !kx_is(x, e, KX_SAY | KX_TIME | KX_RELDATE | KX_WEEKDAY) && x->tk[e].pair < 0) {
        uint32_t pro = x->tk[e].pro & ~(uint32_t)KX_P_W;
        if (e > s && (x->tk[e].pro & KX_P_W) && !(x->tk[e].pro & KX_P_AL)) break;
        if (e == s && (pro & ~(uint32_t)(KX_P_L | KX_P_AL))) break;
        if (descriptor(x, e)) break; /* سيتا | المتخصصة */
        if (e > s && pro != KX_P_AL && pro != (KX_P_L | KX_P_AL) &&
            !(e == s + 1 && !x->tk[s].pro && !pro && name_word(x, e)))
            break; /* تلفزيون | النمسا: one bare word in construct after a bare head */
        e++;
    }
    return e;
}

/* تقرير للبنك الدولي، تقرير صادر عن …، دراسة أعدتها …: an indefinite
** document is named by who issued it, whose name starts at or after last
** (the end of the document's own words); its later mentions (التقرير)
** refer back to this one (definite_anaphor). The end of the issuer's
** name, or 0 if last starts none. */
static uint32_t document_issuer(kh_extractor *x, uint32_t first, uint32_t last, uint32_t limit)
{
    if (last <= first || last >= limit || x->tk[first].pro || !STEM_IN(x, first, DOCUMENTS))
        return 0;
    uint32_t s = UINT32_MAX;
    if ((x->tk[last].pro & KX_P_L) && !(x->tk[last].pro & KX_P_W) && last == first + 1)
        s = last;
    else if (last + 1 < limit && stem_is(x, last, "عن") && !x->tk[last].pro &&
             (stem_is(x, last - 1, "صادر") || stem_is(x, last - 1, "صادرة") ||
              stem_is(x, last - 1, "صدر")))
        s = last + 1;
    else if (last + 1 < limit && NORM_IN(x, last, DOC_MADE))
        s = last + 1;
    uint32_t e = s < limit ? issuer_end(x, s, limit) : s;
    return s < limit && e > s ? e : 0;
}

/* Whether a person's name ends the phrase [first, last) after a defined
** title or adjective (الرئيس السابق | منصف المرزوقي), not after a body's
** head in construct (مكتبة | كادبوري البحثية): a في after it says where
** he spoke, not where his title is held. */
static int titled_person(kh_extractor *x, uint32_t first, uint32_t last)
{
    for (uint32_t a = first + 1; a + 1 < last; a++)
        if (x->tk[a - 1].pro == KX_P_AL && !kx_is(x, a - 1, KX_ORG) && !x->tk[a].pro &&
            person_name(x, a, last))
            return 1;
    return 0;
}

static uint32_t extend_np(kh_extractor *x, uint32_t first, uint32_t last, uint32_t limit)
{
    uint32_t issuer = document_issuer(x, first, last, limit);
    if (issuer) return issuer;
    if (last > first && last + 1 < limit && anonymous_head(x, first) &&
        (stem_is(x, last, "من") || stem_is(x, last, "في") || stem_is(x, last, "لدى") ||
         ((x->tk[last].pro & ~(uint32_t)KX_P_AL) == KX_P_B && np_word(x, last)) ||
         (x->tk[last].pro == (KX_P_L | KX_P_AL) && np_word(x, last) && !told_word(x, last)))) {
        /* مراقب | للعملية الانتخابية: a ل phrase with ال says whose source it
        ** is, unless it names whom he told (لرويترز، للصحفيين) */
        int prep = !(x->tk[last].pro & (KX_P_B | KX_P_L)); /* من، في، لدى: a word of its own */
        uint32_t s = prep ? last + 1 : last;
        if (s < limit && speech_place(x, s)) return last; /* مسؤول أمني | في حديث لـ«…» */
        if (prep && s + 1 < limit && (kx_norm_is(x, s, "داخل") || kx_norm_is(x, s, "خارج")))
            s++; /* مصدر رسمي من داخل | المحافظة: a compound preposition */
        uint32_t e = s;
        while (e < limit && e - s < 4 && np_word(x, e) && !(x->tk[e].pro & (KX_P_W | KX_P_F)) &&
               (e == s || !(x->tk[e].pro & KX_P_B)) && !(e + 1 < limit && asked_unnamed(x, e)))
            e++;
        int fi = e > s && e + 1 < limit && stem_is(x, e, "في") && !x->tk[e].pro;
        int spoke_in = fi && speech_place(x, e + 1); /* مصادر في المعارضة السورية | في تصريح */
        if (fi && np_word(x, e + 1) && !spoke_in) {
            uint32_t f = e + 1, max = kx_is(x, e + 1, KX_ORG) || place_head(x, e + 1)
                                          ? 3
                                          : 1; /* a body or a place may run on */
            while (f < limit && f - (e + 1) < max && np_word(x, f) &&
                   !(x->tk[f].pro & (KX_P_W | KX_P_F | KX_P_B)))
                f++;
            if (f >= limit || starts_clause(x, f) || lam_before_mark(x, f))
                e = f; /* مسؤول عسكري في قاعدة حميميم الروسية | في سوريا، مصدر مسؤول في
                       ** وزارة الداخلية | في حكومة إقليم كردستان: where the place is */
        }
        /* … في محافظة أبين | لـ«عكاظ»: the medium told ends the phrase too, and
        ** so does an aside (جنرال في القوات الجوية الأفغانية | -طلب عدم …-) */
        if (e > s &&
            (e >= limit || starts_clause(x, e) || lam_before_mark(x, e) || spoke_in ||
             (x->tk[e].flags & (KX_T_DASH | KX_T_OPENP)) || (e + 1 < limit && asked_unnamed(x, e))))
            return e;
    }
    if (last > first && last + 1 < limit && kx_is(x, first, KX_TITLE) && stem_is(x, last, "في") &&
        !titled_person(x, first, last) && np_word(x, last + 1) &&
        !kx_is(x, last + 1, KX_MONTH | KX_HIJRI | KX_WEEKDAY | KX_RELDATE | KX_TIME)) {
        /* في مارس: when it spoke, not where the title is held */
        int place = speech_place(x, last + 1);
        uint32_t e = place ? last : np_right(x, last + 1, limit);
        int person = 0; /* المتحدث باسم التحالف في اليمن العقيد الركن تركي المالكي */
        for (uint32_t k = last + 2; k < e && !person; k++)
            person = kx_is(x, k, KX_TITLE) && !kx_is(x, k, KX_ORG) && has_name(x, k + 1, e);
        if (e > last + 1 && (e - last <= 4 || (person && e - last <= NP_MAX)) &&
            (e >= limit || starts_clause(x, e) || (x->tk[e].flags & (KX_T_DASH | KX_T_OPENP))))
            return e;
    }
    if ((last == first + 1 ||
         (last == first + 2 && !x->tk[first + 1].pro && STEM_IN(x, first + 1, SIZES))) &&
        last + 1 < limit && stem_is(x, last, "من")) {
        int more = stem_is(x, first, "أكثر") && !x->tk[first].pro && last + 2 < limit &&
                   tok(x, last + 1)->kind == KH_TOK_NUMBER && same_line(x, last, last + 2);
        if (more) {
            /* أكثر من 200 شخص: a number and the noun it counts */
            uint32_t e = np_right(x, last + 2, limit);
            return e > last + 2 ? e : last;
        }
        for (size_t q = 0; q < sizeof QUANTIFIERS / sizeof QUANTIFIERS[0]; q++)
            if (stem_is(x, first, QUANTIFIERS[q])) {
                uint32_t e = np_right(x, last + 1, limit);
                if (e == last + 1 && (x->tk[e].flags & KX_T_ENC) && is_word(x, e) &&
                    !(x->tk[e].pro & ~(uint32_t)KX_P_AL) && !(x->tk[e].flags & KX_T_PARTICLE))
                    e++; /* عدد كبير من | متابعيه: the group with its pronoun */
                return e > last + 1 ? e : last;
            }
    }
    return last;
}

/* A word of a name between commas that start at first: a name word, the ال
** half of عبد الكريم, or an ال surname after other name words (نايف البكري). */
static int appo_word(kh_extractor *x, uint32_t e, uint32_t first)
{
    if (name_word(x, e) || compound_part(x, e)) return 1;
    if (x->tk[e].pro != KX_P_AL || !np_word(x, e) || kx_is(x, e, KX_TITLE)) return 0;
    /* الهادي مجدوب، المنجي الحرباوي: a first name with ال opens the name
    ** when a bare name word follows it */
    return e > first || (e + 1 < x->A->ntokens && same_line(x, e, e + 1) && name_word(x, e + 1));
}

/* Whether token b is في and the place of speech after it (في بيان له، في
** تصريح صحافي): where a speaker's phrase ends. */
static int fi_speech_place(kh_extractor *x, uint32_t b, uint32_t limit)
{
    return stem_is(x, b, "في") && b + 1 < limit && speech_place(x, b + 1);
}

#define SECOND_TITLE_WORDS 12 /* tokens of a second title set off by commas */

/* Where a name set off by the comma at token k starts: past up to two ranks
** or honorifics (المتحدث الأمني، اللواء | منصور التركي) and a nationality
** (السعودي | عبد الله حامد), none of them part of it. */
static uint32_t apposed_start(const kh_extractor *x, uint32_t k, uint32_t limit)
{
    uint32_t f = past_ranks(x, k + 1, 2, limit);
    if (f + 1 < limit && x->tk[f].pro == KX_P_AL && nisba(x, f) &&
        (name_word(x, f + 1) || link_word(x, f + 1)) && !x->tk[f + 1].pro && same_line(x, f, f + 1))
        f++;
    return f;
}

/* Whether a name of two words or more set off by commas follows the comma
** at token k, up to a comma or the particle. */
static int apposed_name_at(kh_extractor *x, uint32_t k, uint32_t limit)
{
    uint32_t f = apposed_start(x, k, limit);
    uint32_t e = f;
    while (e < limit && e - f < NAME_MAX_TOKENS && appo_word(x, e, f))
        e++;
    return e > f + 1 && e < limit && (x->tk[e].flags & (KX_T_COMMA | KX_T_PARTICLE));
}

/* وقال المدافع، دوجان لوفرن، إنه: a name between commas after a description.
** A description headed by a title may hold name words of its own (رئيس
** مجلس شورى النهضة، عبد الكريم الهاروني،): the commas still say which
** words are the person's name. The إن/أن of the clause closes the name as
** well as a second comma does (قال الخبير، حسين الديماسي إن). */
static int apposition(kh_extractor *x, kx_cue *c, uint32_t limit)
{
    uint32_t k = c->np_last;
    if (k + 2 < limit && kx_is(x, c->np_first, KX_TITLE) && !x->tk[k].pro &&
        (stem_is(x, k, "لدى") || stem_is(x, k, "في") || stem_is(x, k, "عن"))) {
        /* سفيرة الولايات المتحدة لدى الأمم المتحدة، X، النائب عن حزب …، X:
        ** the title's لدى/في/عن phrase says where or for whom it is held;
        ** the name follows its comma */
        uint32_t f = comma_after(x, k + 1, k + 6, limit);
        if (f != UINT32_MAX && f > k + 1) k = f;
    }
    if (k >= limit || !(x->tk[k].flags & KX_T_COMMA)) return 0;
    if (has_name(x, c->np_first, c->np_last) && !kx_is(x, c->np_first, KX_TITLE)) return 0;
    /* المتحدث الرسمي، لمديرية الدفاع المدني، بمنطقة جازان، الرائد يحيى
    ** القحطاني، أنه: whose spokesman and where, each set off by commas,
    ** stand between the title and the name */
    for (int seg = 0; seg < 2 && k + 2 < limit && kx_is(x, c->np_first, KX_TITLE) &&
                      (x->tk[k + 1].pro & (KX_P_L | KX_P_B)) && !(x->tk[k + 1].pro & KX_P_W) &&
                      np_word(x, k + 1) && !(x->tk[k + 1].flags & KX_T_PARTICLE);
         seg++) {
        uint32_t f = comma_after(x, k + 2, k + 5, limit);
        if (f == UINT32_MAX) break;
        k = f;
    }
    if (k + 2 < limit && (x->tk[k + 1].pro & KX_P_W) && kx_is(x, k + 1, KX_TITLE) &&
        !kx_is(x, k + 1, KX_ORG)) {
        /* مساعد وكيل الجمهورية …، والناطق الرسمي باسمها، القاضي X،: a second
        ** title joined by و between commas; the name follows it */
        uint32_t f = comma_after(x, k + 2, k + 5, limit);
        if (f != UINT32_MAX) k = f;
    }
    /* مطور الألعاب الإلكترونية، نائب المدير العام في شركة لمبة …، السعودي
    ** عبد الله حامد، إن: a second title, bare, with its complements up to
    ** its comma; the name follows it (else the comma after the first title
    ** stands) */
    if (k + 2 < limit && !x->tk[k + 1].pro && kx_is(x, k + 1, KX_TITLE) &&
        !kx_is(x, k + 1, KX_ORG) && kx_is(x, c->np_first, KX_TITLE)) {
        uint32_t g = k + 2;
        while (g < limit && g - k <= SECOND_TITLE_WORDS && is_word(x, g) &&
               !(x->tk[g].flags & (KX_T_COMMA | KX_T_PARTICLE)) && !kx_is(x, g, KX_SAY))
            g++;
        if (g < limit && g - k <= SECOND_TITLE_WORDS && (x->tk[g].flags & KX_T_COMMA) &&
            apposed_name_at(x, g, limit))
            k = g;
    }
    uint32_t f = apposed_start(x, k, limit);
    if (f < limit && !x->tk[f].pro && STEM_IN(x, f, DIRECTIONS))
        return 0; /* مسؤول يمني بمحافظة عدن، | جنوب البلاد،: where, not who */
    uint32_t e = f;
    while (e < limit && e - f < NAME_MAX_TOKENS && appo_word(x, e, f))
        e++;
    if (e == f || e >= limit ||
        !((x->tk[e].flags & (KX_T_COMMA | KX_T_PARTICLE)) || lam_before_mark(x, e) ||
          (!x->tk[e].pro && fi_speech_place(x, e, limit))))
        return 0; /* …، الفريق رائد شاكر جودت | لـ«الشرق الأوسط» إن: the medium told */
    c->name_first = f;
    c->name_last = e;
    c->np_last = e;
    return 1;
}

/* ---- cues ---------------------------------------------------------------------------- */

static int in_text_line(const kh_extractor *x, uint32_t i)
{
    uint32_t kind = x->lines[x->tk[i].line].kind;
    return kind == KX_LINE_BODY || kind == KX_LINE_SUBHEAD || kind == KX_LINE_TITLE;
}

/* وأكد لـ "الاقتصادية" عبدالله بترجي: the addressee (a medium after لـ)
** stands between the verb and its subject. Returns where the subject starts. */
static uint32_t skip_addressee(kh_extractor *x, uint32_t s, uint32_t limit)
{
    if (s + 1 >= limit || !lam_before_mark(x, s)) return s;
    int32_t pi = x->tk[s + 1].pair;
    if (pi < 0 || x->pairs[pi].open != s + 1 || x->pairs[pi].close == UINT32_MAX ||
        x->pairs[pi].nwords > NP_QUOTE_WORDS)
        return s;
    x->pairs[pi].in_np = 1; /* a name, not a statement */
    return x->pairs[pi].close + 1;
}

/* صرح لصحيفة محلية بأن، قال للصحفيين إن، قال لوكالة فرانس برس وزير …: a
** لـ phrase right after the verb is whom the speaker spoke to, never the
** subject. Skips it (the medium's name and adjectives with it) and returns
** where the subject may start. */
static uint32_t skip_lam_addressee(kh_extractor *x, uint32_t s, uint32_t limit)
{
    if (s >= limit || !is_word(x, s) || (x->tk[s].flags & KX_T_PARTICLE)) return s;
    if (!(x->tk[s].pro & KX_P_L)) {
        uint32_t k = lam_acronym(x, s);
        return k <= limit ? k : s;
    }
    int medium = kx_is(x, s, KX_TITLE) != 0; /* لوكالة، لصحيفة، لموقع */
    uint32_t k = s + 1;
    if (tok(x, s)->norm_len <= 6) {
        /* لبي بي سي، لسي إن إن: an outlet spelled letter by letter */
        while (k < limit && k - s <= 3 && tok(x, k)->kind == KH_TOK_ARABIC &&
               tok(x, k)->norm_len <= 4 && same_line(x, k - 1, k))
            k++;
        if (k > s + 1) return k;
    }
    k = s + 1;
    while (k < limit && k - s <= 3 && is_word(x, k) && !(x->tk[k].pro & (KX_P_W | KX_P_F)) &&
           !(x->tk[k].flags & KX_T_PARTICLE) && !kx_is(x, k, KX_STOP | KX_SAY) &&
           (!kx_is(x, k, KX_TITLE) || (k > s + 1 && kx_is(x, k, KX_ORG))) &&
           ((x->tk[k].pro == KX_P_AL && np_word(x, k)) || (medium && name_word(x, k))))
        k++; /* المحلية، فرانس برس; لمجلس العلاقات الخارجية: a body's word in a
             ** genitive, where a person's title (للصحيفة الوزير) starts the subject */
    return k;
}

/* After وصف، اتهم، دعا … the noun is usually the object (ووصف جروح المصور
** بأنها). It is the subject when the verb carries no object pronoun and
** the noun is a person's title (ووصف الوزير القرار), a name the article
** gives in full elsewhere (ديميتري بوليانسكي … ووصف بوليانسكي القرارات), or
** a name or body after a feminine verb, which agrees with it (primer 6.3). */
static int left_subject_ok(kh_extractor *x, uint32_t verb, uint32_t line_first);

static int object_verb_subject(kh_extractor *x, uint32_t verb, uint32_t s, uint32_t limit)
{
    if (s >= limit || !np_word(x, s) || tok(x, s)->norm_len <= 2) return 0;
    uint32_t e = s; /* the noun phrase, read without np_right's marks on quotes */
    while (e < limit && e - s < NP_MAX && np_word(x, e) && !(x->tk[e].flags & KX_T_QMARK) &&
           !(e > s && (x->tk[e].pro & (KX_P_B | KX_P_L | KX_P_K | KX_P_W))))
        e++;
    /* وأبلغ ماكرون | نظيره الأمريكي بأن: the one told follows the subject
    ** (not يبلغ عدد متابعيه, "amounts to") */
    int told = 0;
    if (!(x->tk[verb].flags & KX_T_ENC) && told_verb(x, s) && !STEM_IN(x, s, MEASURES))
        for (uint32_t k = s + 1; k < e && !told; k++)
            told = told_object(x, s, k);
    /* ووصفتها الولايات المتحدة في 2005 | بأنها: when, between the subject and بـ */
    uint32_t b = e;
    if (b + 2 < limit && !x->tk[b].pro && stem_is(x, b, "في") &&
        tok(x, b + 1)->kind == KH_TOK_NUMBER)
        b += 2; /* not a time word: the object's (هجوم الجمعة | بأنه) */
    int by = e > s && b < limit && same_line(x, s, b) &&
             ((x->tk[b].pro & KX_P_B) || (tok(x, b)->flags & KH_TOKF_PREFIX));
    /* وصفتها الأمم المتحدة بأنها: the pronoun is the object, the noun phrase
    ** before بـ the subject; حيث وصف سليماني بأنه: without a pronoun the
    ** noun phrase before بـ is the object */
    if (x->tk[verb].flags & KX_T_ENC) return by;
    if (by && !told) return 0;
    const kx_line *L = &x->lines[x->tk[verb].line];
    if (!(x->tk[verb].pro & (KX_P_W | KX_P_F)) && left_subject_ok(x, verb, L->first))
        return 0; /* وخريطة وصفت تكساس بـ، أن أنقرة أبلغت واشنطن: the subject came
                  ** first, the noun is the object */
    if (told) return 1;
    int fem = x->tk[verb].e && (x->tk[verb].e->say & KX_SAY_FEM);
    if (kx_is(x, s, KX_TITLE) && (fem || !kx_is(x, s, KX_ORG)) &&
        !(x->tk[s].pro & (KX_P_B | KX_P_L)))
        return 1; /* ووصفت الوزارة القرار: a feminine verb agrees with its body */
    if (!name_word(x, s)) return 0;
    if (fem) return 1; /* ووصفت موسكو المزاعم: countries, cities and women */
    size_t n = x->A->ntokens;
    for (uint32_t j = verb > DESCRIPTION_WINDOW ? verb - DESCRIPTION_WINDOW : 1;
         j < n && j < verb + DESCRIPTION_WINDOW; j++)
        if (j != s && tok_eq(x, j, s) && same_line(x, j - 1, j) && name_word(x, j - 1) &&
            !(x->tk[j].pro & (KX_P_W | KX_P_F)))
            return 1;
    return 0;
}

/* A subject before the verb must start a clause (لكن روسيا تقول), and must
** not be an indefinite object of an earlier verb (أصدرت بيانا قالت فيه). */
static int left_subject_ok(kh_extractor *x, uint32_t verb, uint32_t line_first)
{
    uint32_t f = np_left(x, verb, line_first);
    if (f == verb) return 0;
    /* وعن مباراة النصر قال، وحول قرار إبعاده … هل كان مفاجئا قال: an
    ** interview's topic opens the clause; the one who answers is dropped */
    static const char *const TOPICS[] = {"عن", "حول", "بشأن"};
    uint32_t k = verb;
    while (k > line_first && verb - k < 16 &&
           !(x->tk[k - 1].flags & (KX_T_COMMA | KX_T_TERM | KX_T_COLON | KX_T_QMARK)))
        k--;
    if (k < f && STEM_IN(x, k, TOPICS) && !(x->tk[k].pro & ~(uint32_t)(KX_P_W | KX_P_F))) return 0;
    const kh_token *p = tok(x, verb - 1);
    /* أن مصدرا رفيعا قال: the noun of إن/أن is accusative and still the verb's subject */
    int after_an =
        f > line_first && (x->tk[f - 1].flags & KX_T_PARTICLE) && !(x->tk[f - 1].flags & KX_T_ENC);
    if (f < verb - 1 && !(x->tk[verb - 1].pro & KX_P_AL) && p->norm_len >= 2 &&
        !memcmp(p->norm + p->norm_len - 2, "\xd8\xa7", 2) && !after_an)
        return 0; /* …ا: an accusative, not a subject */
    if (f == line_first || (x->tk[f].pro & (KX_P_W | KX_P_F))) return 1;
    static const char *const PREPS[] = {"إلى", "على", "في", "عن", "مع"}; /* من may be partitive */
    if (STEM_IN(x, f - 1, PREPS))
        return 0; /* رسالة إلى توأمه يعترف له، وفي سياق متصل وصف: the object of a
                  ** preposition, with or without its conjunction */
    if (stem_is(x, f - 1, "من") && !(x->tk[f].pro & KX_P_AL))
        return 0; /* من جهة أخرى وصف: an adverbial; a partitive من takes a definite
                  ** group (من الاميركيين) */
    return !is_word(x, f - 1) || kx_is(x, f - 1, KX_STOP) || (x->tk[f - 1].flags & KX_T_PARTICLE);
}

/* X الذي قال / X التي قالت / X، الذي أضاف: the relative pronoun right before
** a verb with no subject of its own is its subject and stands for X, when
** pronoun and verb agree in gender (الميليشيات التي قال إنها: the pronoun
** is the object, the speaker is someone else). Returns the end of X (the
** pronoun or the comma before it), or 0. */
static uint32_t relative_subject(kh_extractor *x, uint32_t i, uint16_t say, uint32_t line_first)
{
    if (i < 2 || i - 1 <= line_first || x->tk[i].pro) return 0;
    if (x->tk[i].flags & KX_T_ENC)
        return 0; /* الموكب الذي وصفه بأنه: the pronoun on the verb is the relative's
                  ** object; the speaker is someone else */
    int fem = (say & KX_SAY_FEM) != 0;
    const char *rel = (say & KX_SAY_PLURAL) ? "الذين" : fem ? "التي" : "الذي";
    if (!kx_norm_is(x, i - 1, rel)) return 0; /* المسؤولون الذين قالوا */
    uint32_t end = i - 1;
    if (end > line_first + 1 && (x->tk[end - 1].flags & KX_T_COMMA)) end--; /* وفق بوتن، الذي */
    uint32_t f = np_left(x, end, line_first);
    if (f < end && speech_place(x, end - 1) && !STEM_IN(x, end - 1, DOCUMENTS))
        return 0; /* في هذا المؤتمر الذي قال إن: where he spoke, not who */
    return f < end && !(x->tk[end - 1].flags & KX_T_ENC) ? end : 0;
}

/* وكان ديمتري بيسكوف، الناطق باسم الكرملين، قد صرح: a subject before the
** verb that is a title describing a name set off by a comma before it. The
** name (after a conjunction or at the start) is the speaker. */
static int left_apposition(kh_extractor *x, kx_cue *c, uint32_t line_first)
{
    uint32_t f = c->np_first;
    if (f < line_first + 2 || !(x->tk[f - 1].flags & KX_T_COMMA) || !kx_is(x, f, KX_TITLE) ||
        kx_is(x, f, KX_ORG))
        return 0;
    uint32_t e = f - 1, a = e;
    while (a > line_first && e - a < NAME_MAX_TOKENS &&
           (name_word(x, a - 1) || (a < e && compound_part(x, a - 1))) &&
           !(x->tk[a - 1].pro & (KX_P_W | KX_P_F)))
        a--;
    if (a == e) return 0;
    if (a > line_first && !(x->tk[a - 1].pro & (KX_P_W | KX_P_F)) &&
        !(x->tk[a - 1].flags & (KX_T_COMMA | KX_T_TERM)))
        return 0; /* the name must start the phrase: after وكان، a comma, the line start */
    c->np_first = a;
    c->name_first = a;
    c->name_last = e;
    return 1;
}

/* Verbs of going on (مضى يقول، عادت تقول، راح يقول) that carry a present
** verb of saying: the word before the verb is no subject. */
static const char *const GOING_ON[] = {
    "مضى",   "مضت", "ومضى", "ومضت", "عاد",  "عادت", "وعاد", "وعادت", "راح",   "راحت",  "وراح",
    "وراحت", "ظل",  "ظلت",  "وظل",  "وظلت", "أخذ",  "أخذت", "وأخذ",  "وأخذت", "استمر", "واستمر"};

/* قال عضو الائتلاف، المعارض البارز سمير نشار إن: a person's title with no
** name, a comma, then another title or a description with the name and
** the particle: the second phrase is the first in apposition, and the
** subject runs on to it. The new end of the phrase [first, last), or last. */
static uint32_t titled_apposition(kh_extractor *x, uint32_t first, uint32_t last, uint32_t limit)
{
    if (last <= first || last + 2 >= limit || !(x->tk[last].flags & KX_T_COMMA) ||
        !kx_is(x, first, KX_TITLE) || kx_is(x, first, KX_ORG) || has_name(x, first, last))
        return last;
    uint32_t s = last + 1;
    if (!(kx_is(x, s, KX_TITLE) || (x->tk[s].pro == KX_P_AL && np_word(x, s))) ||
        kx_is(x, s, KX_ORG))
        return last; /* a title or a definite description: المعارض البارز */
    uint32_t e = np_right(x, s, limit);
    if (e <= s + 1 || e >= limit || !(x->tk[e].flags & KX_T_PARTICLE) || !has_name(x, s + 1, e))
        return last;
    return e;
}

#define TOPIC_MAX 8 /* words between أما and its فـ */

/* أما X فقال، أما X فقد أشار: the topic after أما is the subject of the
** verb its فـ opens. The أما token, or UINT32_MAX when verb i (or the قد
** before it) carries no فـ or no أما opens the sentence shortly before. */
static uint32_t topic_start(kh_extractor *x, uint32_t i, uint32_t line_first)
{
    uint32_t v = i;
    if (!(x->tk[i].pro & KX_P_F)) {
        if (i < 1 || !(kx_norm_is(x, i - 1, "فقد") ||
                       (stem_is(x, i - 1, "قد") && (x->tk[i - 1].pro & KX_P_F))))
            return UINT32_MAX;
        v = i - 1;
    }
    for (uint32_t j = v; j > line_first && v - j < TOPIC_MAX;) {
        j--;
        if (x->tk[j].flags & (KX_T_TERM | KX_T_COLON | KX_T_QMARK)) return UINT32_MAX;
        if (kx_norm_is(x, j, "أما")) return j + 1 < v ? j : UINT32_MAX;
    }
    return UINT32_MAX;
}

/* The place of speech within the six words before the verb at token i when
** فيها/فيه follows the verb (تغريدة غير واضحة قال فيها، رسالة إلى ليون أكد
** فيها), or UINT32_MAX. */
static uint32_t said_in_place(kh_extractor *x, uint32_t i, uint32_t line_first)
{
    if (i + 1 >= x->A->ntokens || !same_line(x, i, i + 1) ||
        !(kx_norm_is(x, i + 1, "فيها") || kx_norm_is(x, i + 1, "فيه")))
        return UINT32_MAX;
    for (uint32_t k = i; k-- > line_first && i - k <= 6;) {
        if (x->tk[k].flags & (KX_T_TERM | KX_T_COMMA | KX_T_QMARK)) return UINT32_MAX;
        if (speech_place(x, k)) return k;
    }
    return UINT32_MAX;
}

/* كان, the verb whose subject and قد come before a verb (وكان X قد قال). */
static const char *const KANA[] = {"كان", "كانت"};

/* وكان مسؤول في الإدارة المحلية ذكر، وكانت الوزارة قد أعلنت: the subject
** stands between كان and the verb (or its قد), prepositions and all. Its
** first token, or 0 when no كان opens the clause a few words before verb i. */
static uint32_t kana_subject(kh_extractor *x, uint32_t i, uint32_t line_first)
{
    uint32_t end = i >= 1 && stem_is(x, i - 1, "قد") ? i - 1 : i;
    for (uint32_t k = end; k-- > line_first && end - k <= 8;) {
        if (x->tk[k].flags & (KX_T_TERM | KX_T_COMMA | KX_T_QMARK | KX_T_COLON | KX_T_PARTICLE))
            return 0;
        if (kx_is(x, k, KX_SAY) && !(x->tk[k].pro & KX_P_AL)) return 0;
        if (STEM_IN(x, k, KANA) && !(x->tk[k].pro & ~(uint32_t)(KX_P_W | KX_P_F)))
            return k + 1 < end && (anonymous_head(x, k + 1) || kx_is(x, k + 1, KX_TITLE)) &&
                           !(x->tk[k + 1].pro & ~(uint32_t)KX_P_AL)
                       ? k + 1
                       : 0; /* a source or a title: كان with a predicate is no frame */
    }
    return 0;
}

static void add_cue(kh_extractor *x, uint32_t i, uint16_t say)
{
    const kx_line *L = &x->lines[x->tk[i].line];
    if (i > L->first && stem_is(x, i - 1, "هل"))
        return; /* هل ترى أن …: an interviewer's question, no statement */
    /* فضلت عدم ذكر اسمها، إن: a verbal noun with no subject of its own; the
    ** quote it governs is the sentence speaker's */
    int masdar = i > L->first && stem_is(x, i - 1, "عدم");
    kx_cue c;
    memset(&c, 0, sizeof c);
    c.tok = i;
    c.say = say;
    c.speaker = -1;
    c.members[0] = c.members[1] = -1;
    c.clause_tok = c.relay = UINT32_MAX;
    c.clause = c.np_span = kx_none();
    c.np_first = c.np_last = i + 1;
    if (!(say & (KX_SAY_PARTICIPLE | KX_SAY_NOUN)) &&
        !masdar) { /* على حد قوله: the sentence's speaker */
        if (x->tk[i].flags & KX_T_COLON) {
            c.np_first = np_left(x, i, L->first);
            c.np_last = i;
            if (c.np_first + 1 == i && (x->tk[c.np_first].pro & (KX_P_W | KX_P_F)))
                c.np_first = c.np_last = i + 1; /* وواصل: an unlisted verb, subject dropped */
        } else {
            uint32_t s = i + 1;
            if (s + 1 < L->last && (x->tk[s].flags & KX_T_COMMA) && np_word(x, s + 1) &&
                !(x->tk[s + 1].pro & (KX_P_W | KX_P_F)))
                s++; /* أكد، مدير عام …، X، أن: a comma after the verb is a pause
                     ** before its subject (agency copy), not the end of the clause */
            s = skip_addressee(x, s, L->last);
            if (s + 1 < L->last && i >= L->first + 2 && kx_norm_is(x, i - 1, "ما") &&
                kx_is(x, i - 2, KX_SOURCE) && (kx_norm_is(x, s, "به") || kx_norm_is(x, s, "بها")))
                s++; /* وفق ما أفاد به | مدير البحث: the pronoun stands for ما (not in ما
                     ** صرح به الوزير هو الواقع, where ما opens no source) */
            while (s < L->last && manner_word(x, s))
                s++;
            s = skip_lam_addressee(x, s, L->last);
            if (s + 1 < L->last && kx_norm_is(x, s, "بذلك") &&
                (!np_word(x, s + 1) || !(x->tk[s + 1].pro & KX_P_AL) || kx_is(x, s + 1, KX_SAY)))
                s++; /* صرح بذلك | وكيل الوزارة: what was said comes first; لم يصرح
                     ** بذلك | مضيفا: no subject at all */
            uint32_t t0 = s;
            while (s < L->last && s - t0 < 3 && kx_is(x, s, KX_TIME | KX_WEEKDAY | KX_RELDATE) &&
                   !kx_is(x, s, KX_TITLE))
                s++; /* صرحت الأربعاء مايا …، قال اليوم الوزير: a time before the subject */
            if (s < L->last && !np_word(x, s)) s = t0;
            if (s + 1 < L->last && !(x->tk[s].pro & ~(uint32_t)(KX_P_W | KX_P_F)) &&
                kx_is(x, s, KX_HONOR) && !(x->tk[s].flags & KX_T_ENC) &&
                (kx_is(x, s + 1, KX_TITLE) || name_word(x, s + 1)))
                s++; /* قال معالي | وزير الصحة، أكد سمو | أمير المنطقة: the honorific
                     ** only says how the title is addressed */
            if (s + 1 < L->last && !x->tk[s].pro &&
                (kx_norm_is(x, s, "ذات") || kx_norm_is(x, s, "نفس")) &&
                x->tk[s + 1].pro == KX_P_AL && np_word(x, s + 1))
                s++; /* وكشفت ذات | المصادر، وأضاف نفس | المصدر: "the same" source,
                     ** as المصادر ذاتها, resolved like المصدر */
            c.np_first = s;
            c.np_last = ((say & KX_SAY_OBJECT) && !object_verb_subject(x, i, s, L->last)) ||
                                (s < L->last && (x->tk[s].pro & (KX_P_B | KX_P_K)))
                            ? s /* وصفها بأنه، ووصف جروحه بأنها: an object, the subject
                                ** dropped; واعتبر بحزن شديد: a prepositional phrase is
                                ** no subject either */
                            : extend_np(x, s, np_right(x, s, L->last), L->last);
            c.np_last = titled_apposition(x, c.np_first, c.np_last, L->last);
            uint32_t topic = c.np_last == c.np_first ? topic_start(x, i, L->first) : UINT32_MAX;
            uint32_t place; /* a place of speech before the verb (said_in_place) */
            uint32_t kana;  /* the subject after كان (kana_subject) */
            if (topic != UINT32_MAX) {
                c.np_first = topic + 1; /* أما المواطن يحيى العبيد فقد أشار */
                c.np_last = (x->tk[i].pro & KX_P_F) ? i : i - 1;
            } else if (c.np_last == c.np_first && (kana = kana_subject(x, i, L->first)) != 0) {
                c.np_first = kana; /* وكان مسؤول في الإدارة المحلية (قد) ذكر */
                c.np_last = stem_is(x, i - 1, "قد") ? i - 1 : i;
            } else if (c.np_last == c.np_first && i >= 2 && stem_is(x, i - 1, "قد") &&
                       np_left(x, i - 1, L->first) < i - 1) {
                c.np_first = np_left(x, i - 1, L->first); /* وكان ترامب قد قال */
                c.np_last = i - 1;
            } else if (c.np_last == c.np_first &&
                       (place = said_in_place(x, i, L->first)) != UINT32_MAX) {
                /* نشر محمد صلاح تغريدة غير واضحة قال فيها: the place of speech
                ** before the verb is no subject; whoever made it is
                ** (sentence_subject), or the sender after من (رسالة من الشيف
                ** خالد يؤكد فيها، تغريدة من الفنانة أصالة قالت فيها) */
                uint32_t e = i;
                while (e > L->first && !is_word(x, e - 1))
                    e--; /* إحدى الأمهات؛ قالت فيها */
                for (uint32_t k = i; k-- > place + 1;)
                    if (stem_is(x, k, "من") && !x->tk[k].pro && k + 1 < e) {
                        c.np_first = k + 1;
                        c.np_last = e;
                        break;
                    }
            } else if (c.np_last == c.np_first && !(x->tk[i].pro & (KX_P_W | KX_P_F)) &&
                       left_subject_ok(x, i, L->first)) {
                c.np_first = np_left(x, i, L->first);
                c.np_last = i;
            } else if (c.np_last == c.np_first) {
                uint32_t end = relative_subject(x, i, say, L->first);
                if (end) {
                    c.np_first = np_left(x, end, L->first); /* بحسب ريس الذي توقع أن */
                    c.np_last = end;
                } else if (!x->tk[i].pro && !(x->tk[i].flags & KX_T_ENC) && i >= L->first + 4 &&
                           (x->tk[i - 1].flags & KX_T_COMMA)) {
                    /* وبالتواصل مع الناشط …، علي آل حطاب، أفاد أن: a name set off
                    ** by commas right before a verb with no subject of its own is
                    ** the apposition of the fronted description, and the subject */
                    uint32_t e = i - 1, a = e;
                    while (a > L->first && e - a < NAME_MAX_TOKENS &&
                           (name_word(x, a - 1) || compound_part(x, a - 1)) &&
                           !(x->tk[a - 1].pro & (KX_P_W | KX_P_F)))
                        a--;
                    if (e - a >= 2 && name_word(x, a) && a > L->first &&
                        (x->tk[a - 1].flags & KX_T_COMMA)) {
                        c.np_first = a;
                        c.np_last = e;
                    }
                }
            }
        }
        if (c.np_last == i && c.np_first + 1 == i && NORM_IN(x, i - 1, GOING_ON))
            c.np_first = c.np_last = i + 1; /* ومضت تقول: the subject is dropped */
    }
    if (c.np_last > c.np_first) {
        int appo = c.np_last <= i ? left_apposition(x, &c, L->first) : apposition(x, &c, L->last);
        c.np_span = kx_span(x->tk[c.np_first].word_start, tok(x, c.np_last - 1)->end);
        if (!appo && !called_after(x, &c, L->last) && !quoted_after(x, &c, L->last)) np_name(x, &c);
    }
    KX_PUSH(x, x->cues, x->ncues, x->capcues, c);
}

/* A colon after a bare noun phrase at a sentence start introduces a quote:
** لافروف: “…” (headlines, interviews). */
static int colon_cue(kh_extractor *x, uint32_t i)
{
    const kx_line *L = &x->lines[x->tk[i].line];
    if (i == L->first || i + 1 >= L->last || !(x->tk[i + 1].flags & KX_T_QMARK)) return 0;
    if (kx_is(x, i - 1, KX_SAY) || !np_word(x, i - 1)) return 0;
    uint32_t f = np_left(x, i, L->first);
    for (uint32_t k = f > L->first ? f - 1 : f; k <= f; k++)
        if (stem_is(x, k, "يا")) return 0; /* ويا فلان: «…»: whom the writer addresses */
    if (f > L->first && (x->tk[f - 1].flags & KX_T_COMMA) && !has_name(x, f, i))
        for (uint32_t k = f - 1; k-- > L->first;) {
            if ((x->tk[k].flags & KX_T_TERM) && x->tk[k].pair < 0) break;
            if (kx_is(x, k, KX_SAY) && !(x->tk[k].pro & (KX_P_AL | KX_P_B | KX_P_L | KX_P_K)))
                return 0; /* وقال X، رئيس اللجنة: "…": the title is X's, the verb the
                          ** cue (a name there, وقال الوزير، محمد علي: "…", is the cue) */
        }
    return f == L->first || (x->tk[f - 1].flags & (KX_T_TERM | KX_T_COMMA | KX_T_DASH));
}

/* كتب عليها "…"، كتب تحته "…": words on a banner or a shirt, not a statement. */
static int written_on(kh_extractor *x, uint32_t i)
{
    if (!stem_is(x, i, "كتب") || i + 1 >= x->A->ntokens) return 0;
    const kh_token *t = tok(x, i + 1);
    static const char *const ON[] = {"عل", "تحت", "فوق"}; /* عليها، تحته، فوقه */
    for (size_t k = 0; k < sizeof ON / sizeof ON[0]; k++) {
        char buf[KX_LIT_MAX];
        size_t n;
        const char *f = kx_lit(x, ON[k], &n, buf);
        if (t->norm_len >= n && !memcmp(t->norm, f, n) && t->norm_len <= n + 6) return 1;
    }
    return 0;
}

/* يُذكر أن …: "it is mentioned that", a passive with nobody speaking; so
** is الجدير ذكره / والجدير بالذكر (worth mentioning), whose ذكر has no
** subject, with or without a comma before its أن. */
static int impersonal(kh_extractor *x, uint32_t i)
{
    static const char *const PASSIVE[] = {"يذكر",  "يُذكر",   "يقال",  "ويذكر",
                                          "يتوقع", "ويتوقع", "يعتقد", "ويعتقد"};
    if (i > 0 && same_line(x, i - 1, i) && stem_is(x, i - 1, "جدير")) return 1;
    if (i > 0 && i + 1 < x->A->ntokens && same_line(x, i - 1, i + 1) &&
        (kx_norm_is(x, i - 1, "مما") ||
         (i >= 2 && same_line(x, i - 2, i) && kx_norm_is(x, i - 1, "الذي") &&
          kx_norm_is(x, i - 2, "الأمر"))) &&
        !x->tk[i].pro && !(x->tk[i].flags & KX_T_ENC) && tok(x, i)->norm_len >= 6 &&
        !memcmp(tok(x, i)->norm, "\xd9\x8a", 2) && /* ي… */
        !surface_ends(x, i, "ون") &&
        ((x->tk[i + 1].flags & KX_T_PARTICLE) || kx_norm_is(x, i + 1, "إلى")))
        return 1; /* …، مما يشير إلى أن، …، الأمر الذي يشير إلى أن: "which points to",
                  ** said of the facts before; مما قالوا إنه، مما يدعون: from what
                  ** people say, who speak; الأمر الذي أكده X: X speaks */
    if (i + 1 >= x->A->ntokens || !(x->tk[i + 1].flags & KX_T_PARTICLE)) return 0;
    if (NORM_IN(x, i, PASSIVE)) return 1; /* يُتوقع أن: it is expected that */
    return 0;
}

/* إبان (during) folds like the verb أبان (he made clear); the hamza under
** the alef, as written, tells the preposition. */
static int ibban(kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    return kx_norm_is(x, i, "أبان") && t->end - t->start >= 2 &&
           !memcmp(x->text + t->start, "\xd8\xa5", 2); /* إ */
}

/* وجاء في البيان: "…"، بيانا جاء فيه أن …: "it came in the statement" quotes
** a document. After في the document is the speaker (a statement, report,
** letter or speech noun); after فيه/فيها the subject is dropped and the
** sentence gives it (أصدرت الوزارة بيانا جاء فيه). Only when a colon, a
** quote or an إن/أن particle follows at once: جاء ذلك في مؤتمر is no cue. */
static void came_in(kh_extractor *x, uint32_t i)
{
    const kx_line *L = &x->lines[x->tk[i].line];
    uint32_t f = i + 1;
    if (f >= L->last || (x->tk[f].pro & ~(uint32_t)KX_P_W)) return;
    const kh_token *ft = tok(x, f);
    int fihi = ft->norm_len > 4 && ft->norm_len <= 8 && !memcmp(ft->norm, "\xd9\x81\xd9\x8a", 4) &&
               (!memcmp(ft->norm + 4, "\xd9\x87", 2)); /* فيه، فيها */
    if (!fihi && !stem_is(x, f, "في")) return;
    uint32_t e = f + 1;
    int doc = 0;
    if (!fihi) {
        if (e >= L->last) return;
        doc = STEM_IN(x, e, DOCUMENTS);
        if (!doc && !speech_place(x, e)) return;
        uint32_t k = e + 1;
        while (k < L->last && k - e < 4 && (x->tk[k].pro & KX_P_AL) &&
               !(x->tk[k].pro & (KX_P_W | KX_P_B)) && np_word(x, k))
            k++; /* البيان الختامي، بيان الوزارة، بيان للوزارة */
        e = k;
    }
    if (e >= L->last || !(x->tk[e].flags & (KX_T_COLON | KX_T_QMARK | KX_T_PARTICLE))) return;
    size_t at = x->ncues;
    add_cue(x, i, KX_SAY_STRONG | KX_SAY_PAST);
    if (x->nomem || x->ncues == at) return;
    kx_cue *c = &x->cues[at];
    if (fihi) {
        c->np_first = c->np_last = f + 1; /* فيه: the sentence's subject */
    } else if (e > f + 2 && !(x->tk[f + 1].pro & KX_P_AL)) {
        c->np_first = f + 2; /* في بيان الوزارة، في بيان للوزارة: whose statement */
        c->np_last = e;
        np_name(x, c);
    } else {
        c->np_first = c->name_first = f + 1; /* في البيان: the document itself */
        c->np_last = c->name_last = e;
    }
    c->np_span = c->np_last > c->np_first
                     ? kx_span(x->tk[c->np_first].word_start, tok(x, c->np_last - 1)->end)
                     : kx_none();
}

#define BAYYANA_GAP 5 /* words from بيّن to its particle */

/* كما بين ان، وبين الهواشي أن: بيّن (he explained) is written like بين
** (between), so the word list leaves it out (only بينت). It is the verb
** after كما or قد or opening its sentence (not يختار بين أن … وأن:
** between two clauses), when an إن/أن particle follows within a few words
** and no و comes first (وبين المدينة والقرية: between two nouns). */
static int bayyana(kh_extractor *x, uint32_t i)
{
    size_t n = tok(x, i)->norm_len; /* find_cues asks at every word: the cheap tests first */
    if ((n != 6 && n != 8) || !kx_is(x, i, KX_STOP) || tok(x, i)->kind != KH_TOK_ARABIC ||
        x->tk[i].pair >= 0)
        return 0;
    if (!kx_norm_is(x, i, "بين") && !kx_norm_is(x, i, "وبين")) return 0;
    const kh_token *t = tok(x, i);
    for (uint32_t b = t->start; b + 1 < t->end; b++)
        if (x->text[b] == 0xd9 && x->text[b + 1] == 0x91)
            return 1; /* وبيّن: the shadda writes the verb, the clause is found as any verb's */
    int opens = i == 0 || (x->tk[i - 1].flags & KX_T_TERM) || !same_line(x, i - 1, i);
    if (!(i > 0 && (kx_norm_is(x, i - 1, "كما") || kx_norm_is(x, i - 1, "قد"))) && !opens)
        return 0; /* بين تقرير اقتصادي أن، قد بين أن: a sentence's first word or after قد */
    for (uint32_t k = i + 1; k < x->A->ntokens && k - i <= BAYYANA_GAP && same_line(x, k, i); k++) {
        if (x->tk[k].flags & KX_T_PARTICLE)
            return 1; /* كما بين ان، وبين أن opening a sentence: not between clauses */
        if ((x->tk[k].pro & KX_P_W) || (x->tk[k].flags & (KX_T_TERM | KX_T_QMARK)) ||
            kx_norm_is(x, k, "و"))
            return 0; /* بين عامي 2010 و2015: a detached و joins the second term */
    }
    return 0;
}

static void find_cues(kh_extractor *x)
{
    for (uint32_t i = 0; i < x->A->ntokens && !x->nomem; i++) {
        const kx_tok *t = &x->tk[i];
        if (t->pair >= 0 || !in_text_line(x, i)) continue;
        /* not سيبلغ، ستقول: the future is no report of what was said */
        if (kx_is(x, i, KX_SAY) && !(t->pro & (KX_P_AL | KX_P_B | KX_P_L | KX_P_K | KX_P_S)) &&
            !written_on(x, i) && !impersonal(x, i) && !ibban(x, i))
            add_cue(x, i, t->e->say);
        else if ((t->flags & KX_T_COLON) && colon_cue(x, i))
            add_cue(x, i, KX_SAY_STRONG);
        else if ((tok(x, i)->norm_len == 6 || tok(x, i)->norm_len == 8) &&
                 !(t->pro & ~(uint32_t)KX_P_W) && stem_is(x, i, "جاء"))
            came_in(x, i);
        else if (bayyana(x, i))
            add_cue(x, i, KX_SAY_PAST);
    }
}

/* ---- reported clauses ----------------------------------------------------------------- */

/* End of the sentence that holds token i: the last token before a
** terminator outside quotes, or the line's end. */
static uint32_t sentence_last(const kh_extractor *x, uint32_t i)
{
    const kx_line *L = &x->lines[x->tk[i].line];
    uint32_t k = i;
    while (k + 1 < L->last && !((x->tk[k + 1].flags & KX_T_TERM) && x->tk[k + 1].pair < 0))
        k++;
    return k;
}

/* Words that, before أن, make it no clause of saying (بعد أن، يجب أن);
** بيد أن (however) and كما أن (moreover) join sentences. */
static const char *const NOT_BEFORE_PARTICLE[] = {"بعد",  "قبل", "منذ", "دون", "يجب",
                                                  "يمكن", "حتى", "رغم", "بد",  "ينبغي",
                                                  "عوض",  "بدل", "بيد", "كما"};

static int particle_blocked(kh_extractor *x, uint32_t i)
{
    if (x->tk[i].pro & (KX_P_L | KX_P_K)) return 1; /* لأن because, كأن as if */
    if (i == 0 || !is_word(x, i - 1)) return 0;
    for (size_t k = 0; k < sizeof NOT_BEFORE_PARTICLE / sizeof NOT_BEFORE_PARTICLE[0]; k++)
        if (kx_norm_is(x, i - 1, NOT_BEFORE_PARTICLE[k])) return 1;
    return 0;
}

/* حذر X من موقع … من أن، شكا من أن: the verb's own من right before the
** particle ties a clause to its verb across a longer adjunct. Whether one
** comes within [k, limit) before anything that ends the search. */
static int min_an_ahead(kh_extractor *x, uint32_t k, uint32_t end, uint32_t limit)
{
    for (uint32_t j = k; j < end && j < limit; j++) {
        const kx_tok *t = &x->tk[j];
        if (t->pair >= 0 || (t->flags & (KX_T_TERM | KX_T_COLON | KX_T_QMARK | KX_T_COMMA)) ||
            (kx_is(x, j, KX_SAY) && !(t->pro & KX_P_AL)))
            return 0;
        if ((t->flags & KX_T_PARTICLE) && !t->pro && j > k && kx_norm_is(x, j - 1, "من")) return 1;
    }
    return 0;
}

/* اعتبر رئيس الحركة، راشد الغنوشي، أن …، أعلنت X في ندوة اليوم، أن …: a
** particle right after a comma ends the adjuncts and appositions of the
** subject, for verbs that also take a noun object too. Whether one comes
** within [k, limit) before anything that ends the search. */
static int comma_an_ahead(kh_extractor *x, uint32_t k, uint32_t end, uint32_t limit)
{
    for (uint32_t j = k; j + 1 < end && j < limit; j++) {
        const kx_tok *t = &x->tk[j];
        if (t->pair >= 0 || (t->flags & (KX_T_TERM | KX_T_COLON | KX_T_QMARK)) ||
            (kx_is(x, j, KX_SAY) && !(t->pro & KX_P_AL)))
            return 0;
        if ((t->flags & KX_T_COMMA) && (x->tk[j + 1].flags & KX_T_PARTICLE) &&
            !(x->tk[j + 1].pro & ~(uint32_t)KX_P_B) &&
            !particle_blocked(x, j + 1)) /* ، وأن goes on a clause; ، بأن does not */
            return 1;
        if ((t->flags & KX_T_COMMA) && j + 3 < end && stem_is(x, j + 1, "في") &&
            speech_place(x, j + 2)) {
            /* أعلنت ماستركارد، الراعي الرسمي …، في بيان أنه: the place of
            ** speech after the apposition's comma, then the particle */
            for (uint32_t m = j + 3; m < end && m <= j + 5; m++) {
                if (x->tk[m].flags & (KX_T_TERM | KX_T_COMMA | KX_T_QMARK | KX_T_COLON)) break;
                if ((x->tk[m].flags & KX_T_PARTICLE) && !x->tk[m].pro && !particle_blocked(x, m))
                    return 1;
            }
        }
    }
    return 0;
}

/* The first token from k on (before limit) that is no bare comma: عن مسؤول
** كبير، | قوله. */
static uint32_t past_commas(const kh_extractor *x, uint32_t k, uint32_t limit)
{
    while (k < limit && (x->tk[k].flags & KX_T_COMMA) && !(x->tk[k].flags & KX_T_WORD))
        k++;
    return k;
}

/* The end of the phrase after a relaying verb's عن at j: before a verbal
** noun, القول (ونقلت الإذاعة عن نتنياهو القول إن) or one with the speaker's
** pronoun (عن مصادر في المقاومة تأكيدهم أنهم). */
static uint32_t relay_end(kh_extractor *x, uint32_t j, uint32_t limit)
{
    uint32_t e = extend_np(x, j + 1, np_right(x, j + 1, limit), limit);
    for (uint32_t k = j + 2; k < e; k++)
        if ((x->tk[k].pro == KX_P_AL && stem_is(x, k, "قول")) ||
            (!x->tk[k].pro && (x->tk[k].flags & KX_T_ENC)))
            return k;
    return e;
}

static void find_clause(kh_extractor *x, kx_cue *c)
{
    if (x->tk[c->tok].flags & KX_T_COLON) return;
    const kx_line *L = &x->lines[x->tk[c->tok].line];
    int strong = (c->say & KX_SAY_STRONG) != 0;
    uint32_t from = c->np_last > c->tok ? c->np_last : c->tok + 1;
    uint32_t commas = 0;
    /* قال أحمد نجم الأمين العام لمركز … مجلس التعاون، إن: a title in
    ** apposition after the name runs on to its comma */
    int appos = c->np_last > c->tok && from < L->last && kx_is(x, from, KX_TITLE) &&
                !kx_is(x, from, KX_ORG) && has_name(x, c->np_first, c->np_last);
    uint32_t skip = 0; /* tokens of skipped asides: no part of the gap */
    int ahead = 0;     /* a comma's particle is known to come (comma_an_ahead) */
    /* وأكد مجدوب لدى إشرافه اليوم … بالمدرسة العليا لقوات الامن الداخلي، أن:
    ** a strong verb's subject and a long adjunct (a place, an occasion,
    ** a question answered), then a comma and the particle. Asked only
    ** when a usual limit is reached: -1 until then */
    int far = strong ? -1 : 0;
#define FAR() (far < 0 ? (far = comma_an_ahead(x, from, L->last, from + CLAUSE_GAP_FAR)) : far)
    for (uint32_t k = from; k < L->last; k++) {
        const kx_tok *t = &x->tk[k];
        if ((t->flags & (KX_T_DASH | KX_T_OPENP)) && t->pair < 0 &&
            (k > from || c->np_last > c->tok)) {
            /* وقال جنرال … -طلب عدم الكشف عن اسمه- إن، ويدعى ديفيد (19 عاما):
            ** an aside between dashes or brackets */
            uint32_t want = (t->flags & KX_T_DASH) ? KX_T_DASH : KX_T_CLOSEP, e = k + 1;
            while (e < L->last && e - k <= ASIDE_MAX && !(x->tk[e].flags & want) &&
                   !(x->tk[e].flags & (KX_T_TERM | KX_T_QMARK | KX_T_COLON)) && x->tk[e].pair < 0)
                e++;
            if (e < L->last && e > k + 1 && e - k <= ASIDE_MAX && (x->tk[e].flags & want)) {
                skip += e - k + 1;
                k = e;
                continue;
            }
        }
        if ((t->flags & KX_T_QMARK) && t->pair >= 0 && x->pairs[t->pair].open == k &&
            x->pairs[t->pair].close != UINT32_MAX && x->pairs[t->pair].nwords <= NP_QUOTE_WORDS &&
            x->pairs[t->pair].close + 1 < L->last &&
            (!(x->tk[x->pairs[t->pair].close + 1].flags & KX_T_COLON) ||
             (x->pairs[t->pair].close + 2 < L->last &&
              (x->tk[x->pairs[t->pair].close + 2].flags & KX_T_PARTICLE)))) {
            /* لـ"العربية.نت" إن: an outlet's name between the cue and its clause */
            k = x->pairs[t->pair].close;
            continue;
        }
        if ((t->flags & KX_T_COLON) && t->pair < 0 && k + 1 < L->last &&
            (x->tk[k + 1].flags & KX_T_PARTICLE) && c->np_last > c->tok &&
            !particle_blocked(x, k + 1)) {
            /* أعلنت "لجنة مكافحة الإرهاب" الروسية: إن، قال X، لـ"سبق": إنه: a
            ** colon after the subject or the addressee, then the particle */
            c->clause_tok = k + 1;
            c->clause = kx_span(tok(x, k + 1)->start, tok(x, sentence_last(x, k + 1))->end);
            return;
        }
        if ((c->say & KX_SAY_RELAY) && c->relay == UINT32_MAX && stem_is(x, k, "عن") && !t->pro &&
            !(t->flags & KX_T_ENC) && k + 1 < L->last) {
            /* ونقلت الوكالة عن مصادر في رئاسة الوزراء أن: whom it relays, no
            ** part of the gap */
            uint32_t e = relay_end(x, k, L->last), n = past_commas(x, e, L->last);
            if (n < L->last && kx_is(x, n, KX_SAY) && (x->tk[n].e->say & KX_SAY_NOUN))
                return; /* عن مسؤول كبير، قوله إن: the noun's cue */
            if (e > k + 1) {
                c->relay = k;
                c->relay_end = e;
                skip += e - k;
                k = e - 1;
                continue;
            }
        }
        if (t->pair >= 0 || (t->flags & (KX_T_TERM | KX_T_COLON | KX_T_QMARK))) return;
        if (kx_is(x, k, KX_SAY) && !(t->pro & KX_P_AL)) return;
        if ((t->flags & KX_T_PARTICLE) && !particle_blocked(x, k)) {
            if ((c->say & KX_SAY_RELAY) && c->relay == UINT32_MAX)
                return; /* نقلوا من سجن غوانتانامو … وأن: relays only with عن */
            c->clause_tok = k;
            c->clause = kx_span(tok(x, k)->start, tok(x, sentence_last(x, k))->end);
            return;
        }
        if (t->flags & KX_T_COMMA) {
            /* أعلنت المنظمة، الاثنين، أن: a time between commas is an adjunct even
            ** for a verb that also takes a noun object */
            uint32_t e = k + 1;
            while (e < L->last && e - k <= 3 && kx_is(x, e, KX_TIME | KX_WEEKDAY | KX_RELDATE))
                e++;
            if (e > k + 1 && e < L->last && (x->tk[e].flags & KX_T_COMMA)) {
                k = e;
                continue;
            }
            ahead = comma_an_ahead(x, k, L->last, from + skip + CLAUSE_GAP_STRONG);
            if ((!strong && !ahead) || (++commas > 3 && (commas > CLAUSE_COMMAS_FAR || !FAR())))
                return;
            continue;
        }
        uint32_t gap = k - from - skip;
        /* once a comma's particle is known to come (، في بيان أنه), the words
        ** before it are the way there */
        int min_an = ahead || min_an_ahead(x, k, L->last, from + skip + CLAUSE_GAP_STRONG) ||
                     comma_an_ahead(x, k, L->last, from + skip + CLAUSE_GAP_STRONG);
        if (!strong && gap >= CLAUSE_GAP_WEAK && !min_an) return;
        if (!commas && gap >= CLAUSE_GAP_NO_COMMA && !min_an && !appos) return;
        if (gap >= CLAUSE_GAP_STRONG && (gap >= CLAUSE_GAP_FAR || !FAR())) return;
    }
#undef FAR
}

/* ---- statements ----------------------------------------------------------------------- */

/* Whether tokens [from, to) hold no sentence end (a full stop outside
** quote marks) and, with no_marks, no quote mark either. */
static int one_sentence(const kh_extractor *x, uint32_t from, uint32_t to, int no_marks)
{
    for (uint32_t k = from; k < to; k++)
        if (((x->tk[k].flags & KX_T_TERM) && x->tk[k].pair < 0) || (no_marks && x->tk[k].pair >= 0))
            return 0;
    return 1;
}

/* The cue that governs a quote opening at token open, or -1: a colon
** right before it, or a verb of saying earlier in the same sentence. */
static int32_t cue_before(kh_extractor *x, uint32_t open)
{
    for (size_t ci = x->ncues; ci-- > 0;) {
        const kx_cue *c = &x->cues[ci];
        if (c->tok >= open) continue;
        if (!same_line(x, c->tok, open) || !one_sentence(x, c->tok + 1, open, 0)) return -1;
        if (c->say & (KX_SAY_STRONG | KX_SAY_OBJECT))
            return (int32_t)ci; /* وصفها بـ"…" as قال "…" */
        /* a weak verb (أعلن، نفى، اعتبر) only right before the quote or its colon */
        uint32_t after = c->np_last > c->tok ? c->np_last : c->tok + 1;
        while (after < open && kx_is(x, after, KX_TIME | KX_WEEKDAY | KX_RELDATE))
            after++; /* أعلنت مساء الجمعة "…" */
        if (after == open || (after + 1 == open && (x->tk[after].flags & KX_T_COLON)) ||
            c->clause_tok != UINT32_MAX)
            return (int32_t)ci;
        if (after + 1 == open && c->np_last > c->tok && !x->tk[after].pro &&
            (stem_is(x, after, "عن") || stem_is(x, after, "إلى") || stem_is(x, after, "على")))
            return (int32_t)ci; /* أعلن البنك المركزي التركي عن "سلسلة تدابير"، وأعربت
                                 ** فيونا بروس عن "صدمتها": the words of the verb's
                                 ** object after its preposition */
        /* not attached (تعترف به كييف …): a stronger cue may stand further back */
    }
    return -1;
}

/* A verb of saying right after the closing mark: “…”، قال X. */
static int32_t cue_after(kh_extractor *x, uint32_t close)
{
    uint32_t k = close + 1;
    if (k < x->A->ntokens && (x->tk[k].flags & KX_T_COMMA)) k++;
    for (size_t ci = 0; ci < x->ncues; ci++)
        if (x->cues[ci].tok == k && !(x->tk[k].flags & KX_T_COLON))
            return same_line(x, close, k) ? (int32_t)ci : -1;
    return -1;
}

/* Only punctuation or a lone و between two quotes. */
static int adjacent(kh_extractor *x, uint32_t from, uint32_t to)
{
    for (uint32_t k = from; k < to; k++) {
        const kh_token *t = tok(x, k);
        if (t->kind == KH_TOK_PUNCT) continue;
        if (t->kind == KH_TOK_ARABIC && t->norm_len == 2 && !memcmp(t->norm, "\xd9\x88", 2))
            continue; /* و */
        return 0;
    }
    return 1;
}

/* Whether the quote's opening mark lies inside some reported clause. */
static int in_clause(const kh_extractor *x, const kx_pair *p)
{
    return x->tk[p->open].in_clause;
}

/* Marks the tokens of every reported clause. Clauses of one sentence share
** its end, so marking stops at a token already marked: linear overall. */
static void mark_clauses(kh_extractor *x)
{
    for (size_t k = 0; k < x->ncues; k++) {
        const kx_cue *c = &x->cues[k];
        if (c->clause_tok == UINT32_MAX) continue;
        for (uint32_t i = c->clause_tok;
             i < x->A->ntokens && x->A->tokens[i].start < c->clause.end && !x->tk[i].in_clause; i++)
            x->tk[i].in_clause = 1;
    }
}

/* Prepositions after which a short quoted span names a medium or a place:
** لـ"العربية.نت"، في «تويتر»، عبر «إنستغرام»، وفق "واس"، بين "نموذج ليبيا". */
static const char *const NAME_PREPS[] = {"في", "عبر", "وفق", "بين", "ل", "مع"}; /* مقابلة مع "…" */
#define PREP_NAME_WORDS    3
#define TITLE_NAME_WORDS   4
#define SUBJECT_NAME_WORDS 4
#define LONG_NAME_WORDS    10

#define LONG_AFTER_DEFINITE 4

/* A verb of saying (قال، أضاف …) earlier in the sentence of token open. */
static int strong_cue_before(kh_extractor *x, uint32_t open)
{
    for (uint32_t k = open; k-- > x->lines[x->tk[open].line].first;) {
        if ((x->tk[k].flags & KX_T_TERM) && x->tk[k].pair < 0) return 0;
        if (x->tk[k].pair >= 0) return 0; /* another quote stands between */
        if (kx_is(x, k, KX_SAY) && !(x->tk[k].pro & (KX_P_AL | KX_P_B | KX_P_L | KX_P_K)) &&
            (x->tk[k].e->say & KX_SAY_STRONG))
            return 1;
    }
    return 0;
}

/* في تصريح إلى "الوطن"، في اتصال هاتفي أجرته معه "الوطن"، في مداخلة له على
** "الجوهرة أف أم"، ردا على استفسار "سبق": the quoted word after إلى, على or
** معه, a few words after a place of speech, is the medium told. */
static int told_medium(kh_extractor *x, uint32_t prev)
{
    int to = stem_is(x, prev, "إلى") || stem_is(x, prev, "على") || kx_norm_is(x, prev, "معه") ||
             kx_norm_is(x, prev, "معها");
    if (!to) return 0;
    uint32_t first = x->lines[x->tk[prev].line].first;
    for (uint32_t k = prev; k-- > first && prev - k <= 4;) {
        if (x->tk[k].flags & (KX_T_TERM | KX_T_COMMA | KX_T_QMARK)) return 0;
        if (speech_place(x, k) || stem_is(x, k, "استفسار")) return 1;
    }
    return 0;
}

/* Whether a verb of saying stands within the four words before token open,
** in its sentence. */
static int say_near(const kh_extractor *x, uint32_t open)
{
    uint32_t first = x->lines[x->tk[open].line].first;
    for (uint32_t k = open; k-- > first && open - k <= 4;) {
        if ((x->tk[k].flags & KX_T_TERM) || x->tk[k].pair >= 0) return 0;
        if (kx_is(x, k, KX_SAY) && !(x->tk[k].pro & (KX_P_AL | KX_P_B | KX_P_L | KX_P_K))) return 1;
    }
    return 0;
}

/* A quoted span that names something rather than quoting someone (primer
** §6.7; the gold README's classes): after a naming noun (حملة، كتاب، المعروف
** بـ), after a title (الهاكر "تركي"), after a preposition of media, as the
** subject of a clause (أن «مجلس شورى كويتا» قرر، وأوضحت "تويتر" تفاصيل), or,
** outside reported clauses, a short span right after a noun (الشراكة “بلا
** حدود”). Inside a reported clause a short span after a noun is a partial
** quote (قال إنه عدد "كبير"), as the gold has it. */
/* Whether a pair's text is written in Latin letters with no Arabic letter:
** "Corythomantis greeningi"، "TRANSACTIONS ON INFORMATION FORENSICS": in
** the gold every such span is a name or a title, none a statement. */
static int latin_only(const kh_extractor *x, const kx_pair *p)
{
    int latin = 0;
    for (uint32_t b = p->text.start; b < p->text.end; b++) {
        uint8_t c = x->text[b];
        if (c >= 0xD8 && c <= 0xDB) return 0; /* the lead byte of an Arabic letter */
        latin |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
    return latin;
}

/* News outlets that papers quote by name ("الوطن" تواصلت مع، رده على
** استفسار "سبق"): in the gold no quoted span that is exactly one of them
** is a statement. */
static const char *const OUTLETS[] = {
    "سبق",     "الوطن",      "عكاظ",         "المدينة",      "الرياض",     "الجزيرة",
    "اليوم",   "الحياة",     "الشرق الأوسط", "مكة",          "الاقتصادية", "المواطن",
    "العربية", "العربية.نت", "الشرق",        "الخليج",       "الوئام",     "عاجل",
    "النهار",  "الأهرام",    "الشروق",       "المصري اليوم", "التايمز",    "الغارديان",
    "إيلاف",   "الرؤية",     "البلاد",       "القبس",        "الراية",     "سكاي نيوز عربية"};

static int outlet_named(kh_extractor *x, const kx_pair *p)
{
    uint32_t a = p->text.start, b = p->text.end;
    while (a < b && x->text[a] == ' ')
        a++;
    while (b > a && x->text[b - 1] == ' ')
        b--;
    return b - a <= 40 && folded_in(x, (const char *)x->text + a, b - a, OUTLETS,
                                    sizeof OUTLETS / sizeof OUTLETS[0]);
}

static int looks_like_name(kh_extractor *x, const kx_pair *p)
{
    if (p->goes_on) return 0; /* a quotation over paragraphs names nothing */
    if (p->close != UINT32_MAX && (latin_only(x, p) || outlet_named(x, p))) return 1;
    if (p->open == 0 || !same_line(x, p->open - 1, p->open)) return 0;
    uint32_t prev = p->open - 1, pprev = prev;
    if ((tok(x, prev)->flags & KH_TOKF_PREFIX) && prev > 0 && same_line(x, prev - 1, prev))
        pprev = prev - 1; /* بـ"…" */
    uint32_t nw = p->nwords;
    uint32_t after = p->close != UINT32_MAX ? p->close + 1 : UINT32_MAX;
    const kh_token *pt = tok(x, prev);
    if (pt->kind == KH_TOK_ARABIC && pt->end == tok(x, p->open)->start) {
        /* a clitic glued to the mark: الـ"كوندونسا" names; لـ"العربية.نت" names a
        ** medium; بـ"اراض معادية" after وصفت carries the sentence on */
        if (stem_is(x, prev, "ال") ||
            (pt->norm_len == 4 && !memcmp(pt->norm, "\xd8\xa7\xd9\x84", 4)))
            return 1;
        if (pt->norm_len == 2)
            return (stem_is(x, prev, "ل") && nw <= PREP_NAME_WORDS) ||
                   (prev > 0 && same_line(x, prev - 1, prev) &&
                    kx_is(x, prev - 1, KX_NAMEHEAD)); /* ما يسمى ب"الهيئة التسييرية" */
    }
    if (after != UINT32_MAX && after + 1 < x->A->ntokens && (x->tk[after].flags & KX_T_COMMA))
        after++; /* أن «مجلس شورى كويتا»، قرر */
    int word_after = after < x->A->ntokens && same_line(x, after, p->open) && np_word(x, after);
    if (stem_is(x, prev, "عنوان") && !(x->tk[prev].flags & KX_T_ENC))
        return 1; /* بعنوان، تحت عنوان "أعشق مصر ولا أستطيع العودة... ولا أحد يستطيع أن يقول
                  ** السبب": a title, however long, is named, not said */
    if ((kx_is(x, prev, KX_NAMEHEAD) || kx_is(x, pprev, KX_NAMEHEAD)) && nw <= LONG_NAME_WORDS &&
        !(prev == pprev && (x->tk[prev].pro & KX_P_AL) && nw >= LONG_AFTER_DEFINITE &&
          strong_cue_before(x, p->open)))
        return 1; /* حملة "…" names; وقالت X مديرة المستشفى "أريد …": a definite head
                  ** is already named, and a long span after a verb of saying is words */
    if (kx_is(x, prev, KX_TITLE) && !kx_is(x, prev, KX_SAY) && nw <= TITLE_NAME_WORDS) return 1;
    if (nw <= PREP_NAME_WORDS)
        for (size_t k = 0; k < sizeof NAME_PREPS / sizeof NAME_PREPS[0]; k++)
            if (stem_is(x, prev, NAME_PREPS[k]) && !(x->tk[prev].pro & KX_P_AL)) return 1;
    if (nw <= 3 && told_medium(x, prev)) return 1;
    if (nw <= 3 && after < x->A->ntokens && same_line(x, after, p->open) && !say_near(x, p->open) &&
        !(x->tk[prev].pro & KX_P_L) &&
        (kx_norm_is(x, after, "الذي") || kx_norm_is(x, after, "التي")))
        return 1; /* أما «الخط البرتقالي» الذي يربط، مسلسل "أبو عمر المصري" الذي:
                  ** a short quoted span that a relative clause describes is a
                  ** name (not right after a verb of saying or لـ: دانت الحكومة
                  ** الاثنين "القوة المفرطة" التي، استنكارها لـ"التعتيم المقصود" الذي) */
    if (nw <= SUBJECT_NAME_WORDS && word_after &&
        (((x->tk[prev].flags & KX_T_PARTICLE) && !(x->tk[prev].flags & KX_T_ENC)) ||
         kx_is(x, prev, KX_SAY)))
        return 1; /* إنها «تنتحر» بارتكابها: the pronoun is the subject, the quote its
                  ** predicate */
    if (nw == 1 && p->close == p->open + 2 && kx_is(x, p->open + 1, KX_SOCIAL))
        return 1; /* حسابه على "تويتر": a network's name is never a statement */
    if (in_clause(x, p)) return 0;
    if (nw > SHORT_NAME_WORDS || !np_word(x, prev) || kx_is(x, prev, KX_SAY)) return 0;
    uint32_t first = p->open + 1;
    if (first < x->A->ntokens && (x->tk[first].pro & (KX_P_L | KX_P_K)))
        return 0; /* “للهيمنة”: the quote carries on the sentence's syntax */
    return 1;
}

/* Only و or أو between two quotes: a list, as in كتابي "…" و"…". */
static int listed(kh_extractor *x, uint32_t from, uint32_t to)
{
    int conj = 0;
    for (uint32_t k = from; k < to; k++) {
        const kh_token *t = tok(x, k);
        if (x->tk[k].flags & KX_T_COMMA) continue;
        if (t->kind == KH_TOK_ARABIC &&
            ((t->norm_len == 2 && !memcmp(t->norm, "\xd9\x88", 2)) ||
             (t->norm_len == 4 && !memcmp(t->norm, "\xd8\xa7\xd9\x88", 4)))) {
            conj = 1; /* و، أو */
            continue;
        }
        return 0;
    }
    return conj; /* not a colon: في «إنستغرام»: «…» is a name, then a quote */
}

/* Whether pairs a and a + 1 are neighbouring items of a list: both short,
** on one line, only و، أو or commas between. */
#define LIST_ITEM_WORDS 3
static int list_link(kh_extractor *x, size_t a)
{
    const kx_pair *p = &x->pairs[a], *q = &x->pairs[a + 1];
    return p->close != UINT32_MAX && q->close != UINT32_MAX && q->open > p->close &&
           p->nwords <= LIST_ITEM_WORDS && q->nwords <= LIST_ITEM_WORDS &&
           same_line(x, p->close, q->open) && kx_list_gap(x, p->close + 1, q->open);
}

/* "كلاشينكوف" و"شطاير" و"فال"، «خالد ديوب» و»أحمد آبو الذهب» و»مهند الدياب»:
** three or more short quoted spans in a list are names or terms; two may be
** one speaker's words ("كاذبة" و"فظيعة"). */
#define LIST_MIN_ITEMS 3
static int in_long_list(kh_extractor *x, size_t pi)
{
    size_t a = pi, b = pi;
    while (a > 0 && list_link(x, a - 1))
        a--;
    while (b + 1 < x->npairs && list_link(x, b))
        b++;
    return b - a + 1 >= LIST_MIN_ITEMS;
}

/* تخبطات "المالكي" وتصاريحه: some papers quote names; a short quoted span
** whose words end the name in some speaker's subject is that name. */
static int speaker_name_quoted(kh_extractor *x, const kx_pair *p)
{
    if (p->close == UINT32_MAX || p->nwords == 0 || p->nwords > SHORT_NAME_WORDS ||
        p->close - p->open - 1 != p->nwords)
        return 0;
    uint32_t n = p->nwords;
    for (size_t ci = 0; ci < x->ncues; ci++) {
        const kx_cue *c = &x->cues[ci];
        if (c->name_last < c->name_first + n || c->np_last <= c->np_first ||
            (x->tk[c->name_first].flags & KX_T_QMARK))
            continue;
        uint32_t k = 0;
        while (k < n && tok_eq(x, c->name_last - n + k, p->open + 1 + k))
            k++;
        if (k == n && !kx_is(x, c->name_last - n, KX_TITLE | KX_STOP)) return 1;
    }
    return 0;
}

/* Nouns of someone's wording after وفق، حسب، بحسب، على حد: "…" وفق تعبيره. */
static const char *const WORDING[] = {"تعبير", "قول",   "وصف",    "تقدير", "رأي",
                                      "رواية", "تأكيد", "اعتراف", "كلام"};

/* Whether the words right after a pair say whose words it holds: "…"، وفق
** تعبيره، "…" على حد قوله، "…" بحسب وصفه، "…" وفق ما أكد. In the gold 45 of
** the 46 quoted spans so followed are quotes, however short. */
static int owned_after(kh_extractor *x, const kx_pair *p)
{
    if (p->close == UINT32_MAX) return 0;
    uint32_t k = p->close + 1, n = (uint32_t)x->A->ntokens;
    if (k < n && (x->tk[k].flags & KX_T_COMMA) && !(x->tk[k].flags & KX_T_WORD)) k++;
    if (k + 1 >= n || !same_line(x, k, p->close) || x->tk[k].pair >= 0) return 0;
    if (stem_is(x, k, "على") && kx_norm_is(x, k + 1, "حد")) {
        k += 2; /* على حد تعبيره */
    } else if (kx_is(x, k, KX_SOURCE) && !stem_is(x, k, "نقلا")) {
        k++;
        if (k < n && kx_norm_is(x, k, "ما")) return 1; /* وفق ما أكد */
    } else {
        return 0;
    }
    /* تعبيره: the noun under its pronoun */
    return k < n && same_line(x, k, p->close) &&
           enc_stem_in(x, k, WORDING, sizeof WORDING / sizeof WORDING[0]);
}

/* The rules' answer for every pair, and the row of facts the model reads
** (stmt.h). A pair the rules never consider (boilerplate, nested marks, a
** name inside a speaker's phrase) gets an all-zero row. Each candidate's
** governing cue is kept in p->cue whatever the verdict, so that the model
** may make a statement of a pair the rules called a name. */
static void classify(kh_extractor *x)
{
    int32_t last_stmt = -1, last_name = -1;
    int full = x->stmt_full || !kx_stmt_rules_only();
    for (size_t pi = 0; pi < x->npairs; pi++) {
        kx_pair *p = &x->pairs[pi];
        float *row = x->stmtx + pi * KX_STMT_NF;
        const kx_line *L = &x->lines[x->tk[p->open].line];
        memset(row, 0, KX_STMT_NF * sizeof *row);
        p->statement = 0;
        if (L->kind == KX_LINE_BOILER || p->in_np) continue;
        if (p->text.end <= p->text.start) continue; /* فساد ". at a paragraph's end: nothing said */
        if (p->open > 0 && x->tk[p->open - 1].pair >= 0 && x->tk[p->open - 1].pair != (int32_t)pi &&
            !(x->tk[p->open - 1].flags & KX_T_QMARK))
            continue; /* nested inside another quote */
        kx_stmt_facts f = {0, 0, 0, 0, 0, 0, 0, -1, -1};
        f.colon = p->open > L->first && (x->tk[p->open - 1].flags & KX_T_COLON);
        f.strong_sentence = strong_cue_before(x, p->open);
        f.cue_before = cue_before(x, p->open);
        f.cue_after = p->close != UINT32_MAX ? cue_after(x, p->close) : -1;
        p->owned = (uint32_t)owned_after(x, p);
        if (!f.colon && !p->owned) {
            f.rule_name = looks_like_name(x, p) || in_long_list(x, pi);
            f.rule_spkname = speaker_name_quoted(x, p);
        }
        f.rule_listed = last_name >= 0 && x->pairs[last_name].close != UINT32_MAX &&
                        same_line(x, x->pairs[last_name].close, p->open) &&
                        listed(x, x->pairs[last_name].close + 1, p->open);
        p->cue = f.cue_before >= 0 ? f.cue_before : f.cue_after;
        int32_t q = last_stmt;
        f.rule_follows = p->cue < 0 && q >= 0 && x->pairs[q].close != UINT32_MAX &&
                         x->pairs[q].close < p->open && adjacent(x, x->pairs[q].close + 1, p->open);
        if (L->kind == KX_LINE_TITLE && !f.colon)
            continue; /* a headline quotes without a colon to name or to tease */
        if (f.rule_name || f.rule_spkname) {
            last_name = (int32_t)pi;
        } else if (f.rule_listed) {
            last_name = (int32_t)pi; /* "ميل كاراس" أو"صاحب الألف وجه" */
        } else if (p->cue >= 0 || f.rule_follows || p->open == L->first ||
                   p->nwords >= LONG_QUOTE_WORDS || p->owned) {
            f.rule_stmt = 1;
            last_stmt = (int32_t)pi;
            /* how sure: governed, opening its paragraph, or only long */
            p->confidence = 0.9f;
            if (p->cue < 0 && !f.rule_follows) p->confidence = p->open == L->first ? 0.6f : 0.4f;
        }
        kx_stmt_features(x, pi, &f, full, row);
    }
}

/* Whether pair p opens the paragraph right after the one quote q goes on
** from: “… المرابحة. ¶ “هذا يجعل …” (kx_pair_marks splits a quotation over
** paragraphs into one quote for each, as the gold does). */
static int continued(const kh_extractor *x, const kx_pair *q, const kx_pair *p)
{
    if (!q->goes_on || q->open >= p->open) return 0;
    uint32_t lq = x->tk[q->open].line, lp = x->tk[p->open].line;
    if (lp <= lq || p->open != x->lines[lp].first) return 0;
    for (uint32_t l = lq + 1; l < lp; l++)
        if (x->lines[l].kind != KX_LINE_EMPTY) return 0;
    return 1;
}

/* The verdict on every candidate row: the rules propose, the model may
** veto. On articles the rules were not written from, they find nearly every
** quote but also take quoted names, terms and scare quotes for statements.
** The model may only remove the rules' statements it finds more likely
** names than words (p < 0.5, its threshold folded into the weights): in
** cross-validation on its training articles, letting it also accept pairs
** the rules rejected gained too little to trust (tools/train-stmt.py gives
** the figures). A statement without a cue continues
** the statement before it across punctuation (p->follows), or takes the
** last speaker; its cue, if any, becomes active so that its subject is
** resolved. */
static void decide(kh_extractor *x)
{
    int32_t last_stmt = -1;
    for (size_t pi = 0; pi < x->npairs; pi++) {
        kx_pair *p = &x->pairs[pi];
        const float *row = x->stmtx + pi * KX_STMT_NF;
        p->follows = -1;
        if (row[KX_SF_BIAS] == 0 || row[KX_SF_RULE_STMT] == 0) continue;
        /* hardly any candidate of the training articles opens a paragraph, so
        ** the weights know next to nothing of such a quote (“…”، قال X): the
        ** rules' verdict stands, unweighed */
        if (row[KX_SF_LINE_START] == 0 && !p->owned && kx_stmt_prob(row) < 0.5f) continue;
        p->statement = 1;
        if (p->cue < 0 && last_stmt >= 0) {
            const kx_pair *q = &x->pairs[last_stmt];
            if ((q->close != UINT32_MAX && q->close < p->open &&
                 adjacent(x, q->close + 1, p->open)) ||
                continued(x, q, p))
                p->follows = last_stmt;
        }
        if (p->cue >= 0) x->cues[p->cue].active = 1;
        last_stmt = (int32_t)pi;
    }
}

/* ---- names ------------------------------------------------------------------------------ */

/* Token norm without a leading و/ف proclitic. */
static void bare(const kh_extractor *x, uint32_t i, const char **s, size_t *n)
{
    const kh_token *t = tok(x, i);
    size_t lead =
        (x->tk[i].pro & (KX_P_W | KX_P_F)) && t->norm_len > 2 && x->tk[i].word_start > t->start ? 2
                                                                                                : 0;
    if (t->kind == KH_TOK_HASHTAG && t->norm_len > 1 && !memchr(t->norm, '_', t->norm_len))
        lead = 1; /* وقالت #لاغارد: a one-word hashtag is the name as written */
    *s = t->norm + lead;
    *n = t->norm_len - lead;
}

static int tok_eq(const kh_extractor *x, uint32_t a, uint32_t b)
{
    const char *sa, *sb;
    size_t na, nb;
    bare(x, a, &sa, &na);
    bare(x, b, &sb, &nb);
    return na == nb && !memcmp(sa, sb, na);
}

static int seq_eq(const kh_extractor *x, uint32_t a, uint32_t b, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        if (a + k >= x->A->ntokens || b + k >= x->A->ntokens || !tok_eq(x, a + k, b + k) ||
            !same_line(x, a + k, a) || !same_line(x, b + k, b))
            return 0;
    return 1;
}

/* The letters of a name word without its long vowels ا و ي after the
** first letter, and with one letter for foreign g (غ ج ق گ) past the
** first: transliterations of one foreign name differ in them (زخاروفا /
** زاخاروفا، وورل / وويرل، هيومن / هيومان، نارونغساك / نارونجساك; primer
** §7.2). Not in a word with ال, an Arabic word whose letters all count. */
static size_t skeleton(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    int al = n >= 4 && !memcmp(s, "ال", 4); /* القران is not الجيران */
    for (size_t i = 0; i + 1 < n && o + 2 <= cap; i += 2) {
        int vowel = (s[i] == '\xd8' && s[i + 1] == '\xa7') ||                       /* ا */
                    (s[i] == '\xd9' && (s[i + 1] == '\x88' || s[i + 1] == '\x8a')); /* و ي */
        if (i > 0 && vowel) continue;
        int g = !al && ((s[i] == '\xd8' && (s[i + 1] == '\xba' || s[i + 1] == '\xac')) || /* غ ج */
                        (s[i] == '\xd9' && s[i + 1] == '\x82') ||                         /* ق */
                        (s[i] == '\xda' && s[i + 1] == '\xaf'));                          /* گ */
        out[o++] = g ? '\xd8' : s[i]; /* foreign g: نارونغساك، نارونجساك */
        out[o++] = g ? '\xba' : s[i + 1];
    }
    return o;
}

#define SKELETON_MIN 8 /* bytes: four Arabic letters; shorter words differ in their vowels */

/* Whether tokens a and b are spellings of one name word: equal, or equal
** in skeleton when both are long enough to be a name, not a short word. */
static int name_tok_eq(const kh_extractor *x, uint32_t a, uint32_t b)
{
    const char *sa, *sb;
    size_t na, nb;
    bare(x, a, &sa, &na);
    bare(x, b, &sb, &nb);
    if (na == nb && !memcmp(sa, sb, na)) return 1; /* tok_eq(), with one bare() each */
    if (na < SKELETON_MIN || nb < SKELETON_MIN || na > 64 || nb > 64 || sa[0] != sb[0] ||
        sa[1] != sb[1] || sa[na - 1] != sb[nb - 1] || (na > nb ? na - nb : nb - na) > 4 ||
        tok(x, a)->kind != KH_TOK_ARABIC || tok(x, b)->kind != KH_TOK_ARABIC)
        return 0;
    char ka[64], kb[64];
    size_t la = skeleton(sa, na, ka, sizeof ka), lb = skeleton(sb, nb, kb, sizeof kb);
    return la == lb && la >= 6 && !memcmp(ka, kb, la);
}

static int name_seq_eq(const kh_extractor *x, uint32_t a, uint32_t b, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        if (a + k >= x->A->ntokens || b + k >= x->A->ntokens || !name_tok_eq(x, a + k, b + k) ||
            !same_line(x, a + k, a) || !same_line(x, b + k, b))
            return 0;
    return 1;
}

/* The links a name never ends with: a nasab's (عبد الله بن | مساعد) or a
** family's (عبدالعزيز آل | سعود). The word after one is a name even when
** it is also a common noun or a title (مساعد، مشرف، أمين), which is where a
** phrase's name run stops. */
static int trailing_link(kh_extractor *x, uint32_t i)
{
    return NORM_IN(x, i, NASAB_LINKS) || kx_norm_is(x, i, "آل");
}
#define LINKED_NAME_MAX 12 /* tokens: محمد بن نايف بن عبدالعزيز آل سعود is 7 */

/* Whether token i may stand after a link as the name it links to. */
static int linked_word(kh_extractor *x, uint32_t i)
{
    return same_line(x, i - 1, i) && tok(x, i)->kind == KH_TOK_ARABIC && is_word(x, i) &&
           !(x->tk[i].pro & ~(uint32_t)KX_P_AL) && !(x->tk[i].flags & KX_T_PARTICLE);
}

/* The end of a name [a, b) carried over the words its last link needs:
** a bare or ال word on the same line (آل | الشيخ), link after link (يحيى
** بن علي | آل شيف), then the family name that closes a nasab (خالد بن
** مساعد | السهلي). Only a name that ended on a link grows. */
static uint32_t link_tail(kh_extractor *x, uint32_t a, uint32_t b)
{
    uint32_t n = x->A->ntokens, b0 = b;
    while (b > a && b < n && b - a < LINKED_NAME_MAX) {
        if (trailing_link(x, b - 1) && linked_word(x, b))
            b++;
        else if (b > b0 && b + 1 < n && trailing_link(x, b) && same_line(x, b - 1, b) &&
                 linked_word(x, b + 1))
            b += 2;
        else
            break;
    }
    if (b > b0 && b < n && same_line(x, b - 1, b) && x->tk[b].pro == KX_P_AL && np_word(x, b) &&
        !kx_is(x, b, KX_TITLE | KX_ORG) && !(x->tk[b].flags & KX_T_ENC) && !object_after_name(x, b))
        b++; /* but زار جلوي بن عبدالعزيز بن مساعد | المصابين: the object */
    return b;
}

/* Registers the name of tokens [a, b); returns its index. */
static int32_t add_name(kh_extractor *x, uint32_t a, uint32_t b)
{
    b = link_tail(x, a, b);
    for (size_t k = 0; k < x->nnames; k++)
        if (x->names[k].last - x->names[k].first == b - a && seq_eq(x, x->names[k].first, a, b - a))
            return (int32_t)k;
    /* ويبور روس: a first name read as و + stem keeps its و */
    uint32_t start =
        x->tk[a].pro == KX_P_W && split_surname(x, a) ? tok(x, a)->start : x->tk[a].word_start;
    kx_name nm = {a, b, kx_span(start, tok(x, b - 1)->end), b - a == 1 && kx_is(x, a, KX_DUAL),
                  0, 0};
    if (KX_PUSH(x, x->names, x->nnames, x->capnames, nm)) return -1;
    return (int32_t)x->nnames - 1;
}

/* The name np_name() reads in the phrase [a, b) governed by token at.
** OUT: *na, *nb (equal when none). */
static void phrase_name(kh_extractor *x, uint32_t at, uint32_t a, uint32_t b, uint32_t *na,
                        uint32_t *nb)
{
    kx_cue tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.tok = at;
    tmp.np_first = a;
    tmp.np_last = b;
    np_name(x, &tmp);
    *na = tmp.name_first;
    *nb = tmp.name_last > tmp.name_first ? tmp.name_last : tmp.name_first;
}

/* The name np_name() reads in the noun phrase [first, last) that token at
** governs, as one of the document's names; -1 when the phrase holds none. */
static int32_t np_speaker(kh_extractor *x, uint32_t at, uint32_t first, uint32_t last)
{
    uint32_t na, nb;
    phrase_name(x, at, first, last, &na, &nb);
    return nb > na ? add_name(x, na, nb) : -1;
}

#define MAX_FORMS   16
#define MAX_FULLEST 512 /* speakers whose fullest form is looked up */

/* First halves of the names in الدين (نور | الدين، صلاح | الدين): a list,
** as الدين after another word is the noun "religion" (أصول الدين). */
static const char *const DIN_FIRST[] = {"نور",  "صلاح", "عز",   "سيف",  "بدر",  "جمال", "كمال",
                                        "نصر",  "شمس",  "خير",  "عماد", "حسام", "شهاب", "زين",
                                        "فخر",  "نجم",  "شرف",  "تقي",  "محي",  "محيي", "علاء",
                                        "بهاء", "ضياء", "عصام", "سراج", "قطب"};

/* The ال half of a compound name: عبد | الكريم، آل | الشيخ, نور | الدين; أبو |
** بكر is plain. */
static int compound_part(kh_extractor *x, uint32_t i)
{
    return i > 0 && same_line(x, i - 1, i) && (x->tk[i].pro & KX_P_AL) &&
           !(x->tk[i].pro & (KX_P_B | KX_P_L)) && np_word(x, i) &&
           (stem_is(x, i - 1, "عبد") || stem_is(x, i - 1, "أبو") || stem_is(x, i - 1, "ابو") ||
            stem_is(x, i - 1, "آل") || /* تركي آل | الشيخ: the family's name */
            (stem_is(x, i, "دين") && NORM_IN(x, i - 1, DIN_FIRST)));
}

/* An age in brackets at token b: (46 عاما). News gives it at a person's
** full name, so the words before it are that name. */
static int age_after(kh_extractor *x, uint32_t b)
{
    return b + 2 < x->A->ntokens && b > 0 && same_line(x, b - 1, b + 2) &&
           (x->tk[b].flags & KX_T_OPENP) && tok(x, b + 1)->kind == KH_TOK_NUMBER &&
           (stem_is(x, b + 2, "عاما") || stem_is(x, b + 2, "عام") || stem_is(x, b + 2, "سنة"));
}

/* A longer form of a name counts only where it plainly is a name: after a
** title or a nisba (نظيره الصيني | وانغ يي), or set off by punctuation on
** both sides (، ديميتري بيسكوف،), never after an arbitrary word, which may
** be a verb (زار بوتين بكين). */
/* Words that join a name's parts (محمد بن سلمان، أبو بكر): a word before
** them is a first name. */
static const char *const NAME_LINKS[] = {"بن", "ابن", "بنت", "آل", "أبو", "أبي", "عبد"};

/* ألقى | روبرتو مارتينيز | مدرب إيفرتون: news opens its sentences with the
** verb (VSO), so a bare word opening a line or a sentence, right before a
** name of two words or more that a title follows, is the verb and not a
** first name; so is a word with و or ف there (واستقالت | ريما خلف | الأمين
** التنفيذي), where fullest() would otherwise read "and" before a name and
** drop the mention. The name is then set off on its left as after a verb
** of saying. It stays a first name when a name link follows it (محمد بن
** سلمان ولي العهد), or when the article writes it before the same name
** elsewhere, away from a sentence start. Tokens [i+1, b) are the name; the
** bounded look through the document runs only once the rest has matched. */
static int opening_verb(kh_extractor *x, uint32_t i, uint32_t b)
{
    if (b < i + 3 || b >= x->A->ntokens || !same_line(x, i, b) ||
        (x->tk[i].pro & ~(uint32_t)(KX_P_W | KX_P_F)) || !name_word(x, i) ||
        !kx_is(x, b, KX_TITLE) || (x->tk[b].pro & (KX_P_W | KX_P_F)))
        return 0;
    const kx_line *L = &x->lines[x->tk[i].line];
    if (i != L->first && !((x->tk[i - 1].flags & KX_T_TERM) && x->tk[i - 1].pair < 0)) return 0;
    if (NORM_IN(x, i, NAME_LINKS)) return 0; /* ابن | عم الفقيد */
    for (uint32_t k = i + 1; k < b; k++) {
        int al_surname = k == b - 1 && k > i + 1 && x->tk[k].pro == KX_P_AL && np_word(x, k) &&
                         !kx_is(x, k, KX_TITLE); /* أبدى | محمد القاسم | رئيس نادي التعاون */
        if (!name_word(x, k) && !compound_part(x, k) && !al_surname) return 0;
        if (NORM_IN(x, k, NAME_LINKS)) return 0;
    }
    uint32_t lo = i > DESCRIPTION_WINDOW ? i - DESCRIPTION_WINDOW : 1;
    for (uint32_t j = lo; j + 1 < x->A->ntokens && j < i + DESCRIPTION_WINDOW; j++)
        if (j != i && tok_eq(x, j, i) && name_tok_eq(x, j + 1, i + 1) && same_line(x, j - 1, j) &&
            !(x->tk[j - 1].flags & KX_T_TERM))
            return 0; /* …، روبرتو مارتينيز: the article uses it as a name */
    return 1;
}

static int anchored(kh_extractor *x, uint32_t a, uint32_t b)
{
    /* a title, then its complements and nisbas: وزير الخارجية الروسي | سيرغي لافروف;
    ** or a title with a place: محافظ مدينة عدن | نايف البكري */
    uint32_t k = a;
    if (a >= 2 && same_line(x, a - 2, a) && place_head(x, a - 2)) return 1;
    if (a >= 1 && construct_complement(x, a - 1)) return 1; /* محافظ عدن | نايف البكري */
    while (k > 0 && a - k < 8 && same_line(x, k - 1, a) && !kx_is(x, k - 1, KX_TITLE)) {
        const kx_tok *p = &x->tk[k - 1];
        if ((p->flags & KX_T_QMARK) && p->pair >= 0 && x->pairs[p->pair].close == k - 1 &&
            x->pairs[p->pair].nwords <= NP_QUOTE_WORDS && x->pairs[p->pair].open > 0) {
            k = x->pairs[p->pair].open; /* لمجموعة "بي إن" | صوفي جوردان */
            continue;
        }
        if (!(((p->pro & (KX_P_AL | KX_P_B | KX_P_L)) && is_word(x, k - 1) &&
               !(p->flags & KX_T_PARTICLE)) ||
              tok(x, k - 1)->kind == KH_TOK_HASHTAG || (tok(x, k - 1)->flags & KH_TOKF_PREFIX)))
            break;
        k--; /* الأمين العام للأمم المتحدة | أنطونيو غوتيريس; المديرة العامة لـ
             ** #صندوق_النقد_الدولي | كريستين لاغارد */
    }
    if (k > 0 && same_line(x, k - 1, a) && kx_is(x, k - 1, KX_TITLE) &&
        !(k == a && kx_is(x, k - 1, KX_ORG) && x->tk[k - 1].pro == KX_P_AL && !titled_before(x, a)))
        return 1; /* but a definite body right before, not a person's title's
                  ** complement (زعيم الحزب | فيليب ديونتر), is no title of the
                  ** words after it: شنتها الحكومة | لإجبار موانئ دبي */
    int say_before = a > 0 && same_line(x, a - 1, a) && kx_is(x, a - 1, KX_SAY);
    if (age_after(x, b)) return 1; /* محمد عبد البابا (46 عاما) */
    /* quote marks around exactly the name set it off too: يدعى "كارل
    ** سميث"، the house style of some papers */
    int quoted = a > 0 && b < x->A->ntokens && x->tk[a - 1].pair >= 0 &&
                 x->pairs[x->tk[a - 1].pair].open == a - 1 &&
                 x->pairs[x->tk[a - 1].pair].close == b; /* exactly the quoted span */
    if (quoted) return 1;
    int left = a == 0 || !same_line(x, a - 1, a) || say_before ||
               (a > 0 && opening_verb(x, a - 1, b)) ||
               (x->tk[a - 1].flags & (KX_T_COMMA | KX_T_COLON | KX_T_OPENP | KX_T_DASH));
    int right =
        b >= x->A->ntokens || !same_line(x, b, b - 1) ||
        (x->tk[b].flags & (KX_T_COMMA | KX_T_TERM | KX_T_CLOSEP | KX_T_PARTICLE | KX_T_COLON)) ||
        kx_is(x, b, KX_SAY | KX_TITLE) || (say_before && kx_is(x, b, KX_STOP | KX_TIME));
    if (!left && right && a > 0 && b < x->A->ntokens && kx_is(x, b, KX_TITLE) &&
        !kx_is(x, b, KX_ORG) && same_line(x, a - 1, a) && kx_norm_is(x, a - 1, "عن"))
        left = 1; /* نقلت الوكالة عن | سعيد الطاير | العضو المنتدب: a person's title
                   ** after the words relayed from says they are a name */
    return left && right; /* ، محمد المومني: / وقال ستيف ادكوك قائد شرطة البلدة */
}

/* Words of a hashtag (#سعد_الحريري: 2) whose tail is the name of tokens
** [a, a+n) (الحريري), or 0. The name's words are compared as written
** after their و/ف, as tok_eq() does. */
static uint32_t hashtag_holds(const kh_extractor *x, uint32_t h, uint32_t a, uint32_t n)
{
    const kh_token *t = tok(x, h);
    if (t->kind != KH_TOK_HASHTAG || t->norm_len < 2) return 0;
    const char *s = t->norm + 1, *e = t->norm + t->norm_len; /* after the # */
    for (uint32_t k = n; k-- > 0;) {
        const char *w;
        size_t wn;
        bare(x, a + k, &w, &wn);
        if ((size_t)(e - s) < wn || memcmp(e - wn, w, wn)) return 0;
        e -= wn;
        if (k > 0) {
            if (e == s || e[-1] != '_') return 0;
            e--;
        }
    }
    if (e == s) return n; /* the same words: no longer form */
    if (e[-1] != '_') return 0;
    uint32_t words = n + 1;
    for (const char *c = s; c < e - 1; c++)
        words += *c == '_';
    return words;
}

/* في غزة after a body's name (وزارة الصحة | في غزة): one name word, then
** the end of the phrase. Not a place of speech (في بيان). */
static int org_place(kh_extractor *x, uint32_t b)
{
    if (b + 1 >= x->A->ntokens || !same_line(x, b, b + 1) || !stem_is(x, b, "في") || x->tk[b].pro ||
        !name_word(x, b + 1) || speech_place(x, b + 1))
        return 0;
    uint32_t e = b + 2;
    return e >= x->A->ntokens || !same_line(x, e, b) || starts_clause(x, e) ||
           (x->tk[e].flags & (KX_T_QMARK | KX_T_TERM)) || kx_is(x, e, KX_WEEKDAY | KX_RELDATE);
}

/* دبي (CNN)— | رد | بهرام قاسمي: the word right after the dateline opens
** the story, and news opens with its verb; it is not a first name. */
static int opens_after_dateline(const kh_extractor *x, uint32_t i)
{
    const kh_span dl = x->doc.dateline.span;
    return dl.start != KH_NONE && i > 0 && tok(x, i - 1)->end <= dl.end &&
           tok(x, i - 1)->start >= dl.start;
}

/* ناصر عوشن → ناصر بن حمد بن عوشن: a first name and a family name are the
** ends of the full nasab, whose بن X links the article may give once. For
** a two-word name at first, the end of such a form at i (first name, one
** to three بن/ابن/بنت links with a name word each, the family name), or 0. */
static uint32_t nasab_form(kh_extractor *x, uint32_t first, uint32_t n, uint32_t i)
{
    if (n != 2 || i + 4 > x->A->ntokens) return 0;
    const kh_token *ti = tok(x, i), *t0 = tok(x, first);
    if (!ti->norm_len || !t0->norm_len ||
        ti->norm[ti->norm_len - 1] != t0->norm[t0->norm_len - 1] || !name_seq_eq(x, first, i, 1) ||
        !NORM_IN(x, i + 1, NASAB_LINKS))
        return 0; /* as in fullest(): the cheap tests first */
    if (NORM_IN(x, first + 1, NASAB_LINKS)) return 0;
    uint32_t j = i + 1, links = 0;
    while (j + 1 < x->A->ntokens && links < 3 && same_line(x, i, j + 1) &&
           NORM_IN(x, j, NASAB_LINKS) && name_word(x, j + 1)) {
        links++;
        if (name_seq_eq(x, first + 1, j + 1, 1)) return j + 2; /* ناصر بن حمد بن | عوشن */
        j += 2;
    }
    if (!links || j >= x->A->ntokens || !same_line(x, i, j) || !name_seq_eq(x, first + 1, j, 1))
        return 0;
    return j + 1; /* ناصر بن حمد | عوشن: the family name after the links */
}

/* The longer forms of a name fullest() has seen: tokens [a, b), times seen,
** width in words (a hashtag's words for a one-token hashtag). */
typedef struct name_forms {
    uint32_t a[MAX_FORMS], b[MAX_FORMS], cnt[MAX_FORMS], width[MAX_FORMS];
    size_t n;
} name_forms;

/* Counts one more sighting of the form [a, b); a new form past MAX_FORMS is
** not kept. */
static void count_form(kh_extractor *x, name_forms *f, uint32_t a, uint32_t b, uint32_t width)
{
    size_t k = 0;
    while (k < f->n && !(f->b[k] - f->a[k] == b - a && seq_eq(x, f->a[k], a, b - a)))
        k++;
    if (k == f->n) {
        if (f->n == MAX_FORMS) return;
        f->a[k] = a, f->b[k] = b, f->cnt[k] = 0, f->width[k] = width;
        f->n++;
    }
    f->cnt[k]++;
}

/* سيد as a given name, not "Mr.": inside a name set off by a comma or a
** title (، محمد السيد | صالح) or bare after a person's defined title
** (المحامي سيد | أبوزيد، الدكتور سيد | سعيد). */
static int sayyid_name(kh_extractor *x, uint32_t k)
{
    if (k == 0 || !same_line(x, k - 1, k) || !stem_is(x, k, "سيد") ||
        (x->tk[k].pro & ~(uint32_t)KX_P_AL) || (x->tk[k].flags & KX_T_ENC))
        return 0;
    if (x->tk[k].pro == KX_P_AL) /* ، محمد السيد صالح: set off, not بدأ السيد X */
        return name_word(x, k - 1) && k >= 2 && same_line(x, k - 2, k) &&
               ((x->tk[k - 2].flags & (KX_T_COMMA | KX_T_COLON)) ||
                (kx_is(x, k - 2, KX_TITLE) && !kx_is(x, k - 2, KX_ORG) &&
                 x->tk[k - 2].pro == KX_P_AL));
    return kx_is(x, k - 1, KX_TITLE) && !kx_is(x, k - 1, KX_ORG) && (x->tk[k - 1].pro == KX_P_AL);
}

static void fullest(kh_extractor *x, kx_name *nm)
{
    uint32_t n = nm->last - nm->first;
    if (n == 0) return; /* an empty name matches everywhere; it has no fuller form */
    if (STEM_IN(x, nm->first, DOCUMENTS))
        return; /* تقرير للبنك الدولي | نشر: a document's name is its subject's words */
    name_forms F;
    F.n = 0;
    for (uint32_t i = 0; i < x->A->ntokens; i++) {
        /* رئيس الوزراء اللبناني #سعد_الحريري: a hashtag after a title is the
        ** only full mention of the name in some articles */
        uint32_t hw = hashtag_holds(x, i, nm->first, n);
        if (hw > n && hw <= NAME_MAX_TOKENS && anchored(x, i, i + 1)) {
            count_form(x, &F, i, i + 1, hw);
            continue;
        }
        uint32_t ne = nasab_form(x, nm->first, n, i);
        if (ne && anchored(x, i, ne)) {
            count_form(x, &F, i, ne, ne - i);
            continue;
        }
        if (i + n > x->A->ntokens) continue;
        if (x->lines[x->tk[i].line].kind == KX_LINE_BOILER)
            continue; /* سمات تجميل عمر غادة عبدالرزاق: the page's tags run words together */
        const kh_token *ti = tok(x, i), *t0 = tok(x, nm->first);
        if (!ti->norm_len || !t0->norm_len ||
            ti->norm[ti->norm_len - 1] != t0->norm[t0->norm_len - 1])
            continue; /* spellings of a name end alike: most tokens fail here, cheaply */
        if (!name_seq_eq(x, nm->first, i, n)) continue;
        uint32_t a = i, b = i + n;
        int left_w = (x->tk[a].pro & (KX_P_W | KX_P_F)) != 0;
        while (!left_w && a > 0 && same_line(x, a - 1, i) &&
               (ext_word(x, a - 1) || compound_part(x, a - 1) || compound_part(x, a) ||
                sayyid_name(x, a - 1)) &&
               !(a >= 2 && place_head(x, a - 2)) && !construct_complement(x, a - 1) &&
               !opens_after_dateline(x, a - 1) && !opening_verb(x, a - 1, b) &&
               b - a < NAME_MAX_TOKENS + 1) {
            a--;
            left_w = (x->tk[a].pro & (KX_P_W | KX_P_F)) != 0;
        }
        if (!left_w && a >= 2 && a == i && same_line(x, a - 2, i) && x->tk[a - 1].pro == KX_P_AL &&
            np_word(x, a - 1) && !kx_is(x, a - 1, KX_TITLE | KX_ORG) && name_word(x, a) &&
            (x->tk[a - 2].flags & (KX_T_COMMA | KX_T_COLON)) &&
            (!nisba(x, a - 1) || al_given(x, a - 1)))
            a--; /* ، الهادي | مجدوب،: set off by a comma, a word with ال right
                 ** before a bare name is its first name, as in apposition();
                 ** not a nationality (، السعودي | عبد الله حامد) */
        /* المعارضة | كارين لوران، الداخلية المصرية | توقيف: a name opening
        ** with ال (a body, a group) does not run on into the bare words after it */
        int open_right = !(x->tk[nm->first].pro & KX_P_AL);
        while (open_right && b < x->A->ntokens && same_line(x, b, i) &&
               (ext_word(x, b) || compound_part(x, b)) && !(x->tk[b].pro & (KX_P_W | KX_P_F)) &&
               !told_word(x, b) && b - a < NAME_MAX_TOKENS + 1 &&
               !(b - a >= 2 && accusative(x, b)) && !one_of(x, b) && !object_noun(x, b) &&
               !verbal_noun(x, b) && !name_stop(x, b) && !stance_object(x, b) && !second_body(x, b))
            b++; /* مارك لاستوريا | واضحا: a predicate after a full name; جورج بوتييه |
                 ** أحد محامي الدفاع; ألقى جمعان بن رقوش | كلمة: an apposition, an object */
        if (open_right && b + 1 < x->A->ntokens && same_line(x, b + 1, i) &&
            b - a < NAME_MAX_TOKENS && name_word(x, b - 1) && x->tk[b].pro == KX_P_AL &&
            np_word(x, b) && !kx_is(x, b, KX_TITLE) && !descriptor(x, b) &&
            ((x->tk[b + 1].flags & (KX_T_COMMA | KX_T_PARTICLE | KX_T_TERM)) ||
             (kx_is(x, b + 1, KX_TITLE) && !(x->tk[b + 1].pro & (KX_P_W | KX_P_F)))))
            b++; /* وقال X | الY رئيس مجلس: an ال surname, then the name plainly ends */
        if (b > i + n && a > 0 && same_line(x, a - 1, a) && kx_is(x, a - 1, KX_ORG) &&
            !(b >= x->A->ntokens || !same_line(x, b, b - 1) ||
              (x->tk[b].flags &
               (KX_T_COMMA | KX_T_TERM | KX_T_CLOSEP | KX_T_PARTICLE | KX_T_COLON | KX_T_QMARK)) ||
              kx_is(x, b, KX_SAY | KX_TITLE)))
            b = i + n; /* لقناة نسمة | بث مضامينها، بلدية X | تولت في: a body's name,
                       ** often one word, is followed by its verb in the same clause;
                       ** words after it are its name only where the name plainly
                       ** ends. A person's title before a name is surer of what
                       ** follows (وزير الخارجية الصيني وانغ | يي إلى) */
        uint32_t linked = b > i + n ? link_tail(x, a, b) : b; /* جلوي بن عبدالعزيز بن | مساعد */
        /* a nasab may pass the usual length where nothing of a name stands
        ** before it (خميس | مشيط سعيد بن …: a place's second word does) */
        uint32_t max_words = linked > b && a == i && (a == 0 || !ext_word(x, a - 1))
                                 ? LINKED_NAME_MAX
                                 : NAME_MAX_TOKENS;
        b = linked;
        if (b == i + n && kx_is(x, a, KX_ORG) && org_place(x, b)) b += 2;
        if (left_w && a < i && age_after(x, b)) {
            a++; /* وأصيب | محمد عبد البابا (46 عاما): the verb is no part of it */
            left_w = 0;
        }
        if (b - a > max_words || b - a <= n) continue;
        if (left_w || !anchored(x, a, b)) continue;
        count_form(x, &F, a, b, b - a);
    }
    size_t best = MAX_FORMS;
    for (size_t k = 0; k < F.n; k++)
        if (best == MAX_FORMS || F.cnt[k] > F.cnt[best] ||
            (F.cnt[k] == F.cnt[best] && F.width[k] > F.width[best]))
            best = k;
    if (best != MAX_FORMS)
        nm->full = kx_span(x->tk[F.a[best]].word_start, tok(x, F.b[best] - 1)->end);
}

/* Whether the name that ends before token b plainly ends there: a comma,
** a bracket, a colon, a quote mark, the particle, the line's end, a word
** of date (رفع صندوق النقد الدولي | اليوم الاثنين) or a في before a speech
** place (في بيان له). */
static int body_name_ends(kh_extractor *x, uint32_t b, uint32_t line_last)
{
    if (b >= line_last) return 1;
    if (x->tk[b].flags &
        (KX_T_COMMA | KX_T_OPENP | KX_T_COLON | KX_T_QMARK | KX_T_PARTICLE | KX_T_TERM | KX_T_DASH))
        return 1;
    if (kx_is(x, b, KX_RELDATE | KX_WEEKDAY) && !(x->tk[b].pro & ~(uint32_t)KX_P_AL)) return 1;
    return fi_speech_place(x, b, line_last);
}

/* A body's fullest name: أعربت المنظمة الأفريقية للثقافة وحقوق الإنسان، …
** then وقالت المنظمة الأفريقية; واستدعت وزارة الخارجية السودانية، … then
** واعتبرت الخارجية السودانية. fullest() does not run a body's name on
** (its verb's object follows it); here a mention of the same words grows
** over its adjectives and genitives (ال words, لل words, و with an ال
** word or a construct: وحقوق الإنسان) and a bare body head before it
** (وزارة), and counts only where the longer name plainly ends. The
** longest wins. */
/* من أجل + a definite noun at b, within a body's name (التكتل الديمقراطي من
** أجل العمل والحريات, a party's "for the sake of"). */
static int for_the_sake(kh_extractor *x, uint32_t b, uint32_t line_last)
{
    return b + 2 < line_last && !x->tk[b].pro && stem_is(x, b, "من") &&
           kx_norm_is(x, b + 1, "أجل") && x->tk[b + 2].pro == KX_P_AL && np_word(x, b + 2);
}

static void body_fullest(kh_extractor *x, kx_name *nm)
{
    uint32_t n = nm->last - nm->first;
    /* a body's word, or a definite word a bare body head may precede */
    if (nm->dual || n == 0 || n > BODY_NAME_MAX || !kx_is(x, nm->first, KX_ORG | KX_TITLE) ||
        (!kx_is(x, nm->first, KX_ORG) && !(x->tk[nm->first].pro & KX_P_AL)))
        return;
    const kh_token *t0 = tok(x, nm->first);
    uint32_t best_a = 0, best_b = 0;
    for (uint32_t i = 0; i + n <= x->A->ntokens; i++) {
        const kh_token *ti = tok(x, i);
        if (!ti->norm_len || ti->norm[ti->norm_len - 1] != t0->norm[t0->norm_len - 1])
            continue; /* as in fullest(): equal words end alike, most tokens fail here */
        if (!seq_eq(x, nm->first, i, n)) continue;
        const kx_line *L = &x->lines[x->tk[i].line];
        uint32_t a = i, b = i + n;
        if (a > L->first && kx_is(x, a - 1, KX_ORG) && !x->tk[a - 1].pro &&
            (x->tk[a].pro & KX_P_AL) && !(x->tk[a].pro & ~(uint32_t)KX_P_AL))
            a--; /* وزارة | الخارجية السودانية */
        if (!kx_is(x, a, KX_ORG) || STEM_IN(x, a, DOCUMENTS))
            continue; /* a body's name opens with a body's word, not a document's
                      ** (البيان الختامي | للقمة العربية) */
        while (
            b < L->last && b - a < BODY_NAME_MAX &&
            ((np_word(x, b) && !kx_is(x, b, KX_SAY | KX_STOP | KX_TIME | KX_RELDATE | KX_WEEKDAY) &&
              !(x->tk[b].flags & KX_T_ENC)) ||
             for_the_sake(x, b, L->last))) {
            uint32_t pro = x->tk[b].pro & ~(uint32_t)KX_P_W;
            if (second_party(x, a, b) || object_noun(x, b) || second_body(x, b)) break;
            if (x->tk[b].pro == KX_P_AL && b > a + 1 && x->tk[b - 1].pro == KX_P_AL &&
                nisba(x, b - 1) && !nisba(x, b) && !kx_is(x, b, KX_ORG) && b + 1 < L->last &&
                x->tk[b + 1].pro == KX_P_AL && nisba(x, b + 1))
                break; /* واعتبرت الخارجية السودانية | العمل الدرامي: after a nisba, a
                       ** definite noun with a nisba of its own is the verb's object
                       ** (الحزب الدستوري الحر keeps its plain adjective) */
            if (pro == KX_P_AL || pro == (KX_P_L | KX_P_AL)) {
                b++; /* السودانية، للثقافة، والحريات */
                continue;
            }
            if (for_the_sake(x, b, L->last)) {
                b += 3; /* حزب التكتل من أجل العمل والحريات */
                continue;
            }
            if ((!pro || pro == KX_P_L) && b + 1 < L->last && x->tk[b + 1].pro == KX_P_AL &&
                np_word(x, b + 1) && (x->tk[b].pro & (KX_P_W | KX_P_L)) &&
                !kx_is(x, b + 1, KX_TITLE)) {
                b += 2; /* وحقوق الإنسان، لإعادة الإعمار */
                continue;
            }
            break;
        }
        if (b - a <= n || b - a > BODY_NAME_MAX || !body_name_ends(x, b, L->last)) continue;
        if (b - a > best_b - best_a) best_a = a, best_b = b;
    }
    if (best_b > best_a && best_b - best_a > n)
        nm->full = kx_span(x->tk[best_a].word_start, tok(x, best_b - 1)->end);
}

/* كما أكد الغفيلي after وأوضح المدير العام … عبدالعزيز بن صالح الغفيلي: a
** name that ends another speaker's name (a subject read after its title)
** takes that speaker's fullest form when it is longer, even where the
** longer mention is not anchored as fullest() wants. */
static void longer_speaker(kh_extractor *x, size_t k)
{
    kx_name *nm = &x->names[k];
    uint32_t n = nm->last - nm->first;
    if (nm->dual) return;
    for (size_t m = 0; m < x->nnames && m < MAX_FULLEST; m++) {
        const kx_name *o = &x->names[m];
        uint32_t on = o->last - o->first;
        if (m == k || on <= n || o->dual || !name_seq_eq(x, o->last - n, nm->first, n)) continue;
        if (x->tk[o->last - n].pro & KX_P_W)
            continue; /* شركتا فيسبوك وتويتر: تويتر is one of two, not their name */
        if (!name_word(x, o->first) && !compound_part(x, o->first))
            continue; /* a name, not a title */
        if (o->full.end - o->full.start > nm->full.end - nm->full.start) nm->full = o->full;
    }
}

kh_span kx_fullest_range(kh_extractor *x, uint32_t first, uint32_t last)
{
    kx_name nm = {first, last, kx_span(x->tk[first].word_start, tok(x, last - 1)->end), 0, 0, 0};
    if (last <= first) return kx_none();
    fullest(x, &nm);
    return nm.full;
}

/* ---- speakers in text order ---------------------------------------------------------- */

/* Prepositions: the word after one is a noun (على هيكل), no verb. */
static const char *const NOUN_PREPS[] = {"على", "في",  "إلى", "عن", "من",  "مع",  "حول",
                                         "عبر", "لدى", "بين", "ضد", "نحو", "دون", "تجاه"};

/* The first titled, named person right after a verb in tokens [s, at):
** استمرارا لتطاوله …، قام نائب الرئيس العراقي نوري المالكي بمواصلة …
** ويصفها: when the sentence does not open with its verb, a title and a
** name after a word are that verb's subject (VSO), and the coordinated
** verb of saying shares it. A person's title only: a body is often an
** object (ليهاجم السعودية). */
static int32_t titled_subject(kh_extractor *x, uint32_t s, uint32_t at)
{
    for (uint32_t j = s; j + 2 < at; j++) {
        if (j > s && !x->tk[j - 1].pro && STEM_IN(x, j - 1, NOUN_PREPS))
            continue; /* على هيكل | قيادي واحد: a noun after a preposition, and the
                       ** title word its adjective (but ما دفع | رئيس الوزراء) */
        int adverb = kx_norm_is(x, j, "أيضا") || kx_norm_is(x, j, "أيضاً") ||
                     kx_norm_is(x, j, "كذلك"); /* وتحدث في المؤتمر أيضا | رئيس الوزراء */
        if (!is_word(x, j) || (kx_is(x, j, KX_STOP | KX_TITLE | KX_SAY) && !adverb) ||
            (x->tk[j].pro & (KX_P_AL | KX_P_B | KX_P_L | KX_P_K)) || x->tk[j].pair >= 0)
            continue;
        if (!kx_is(x, j + 1, KX_TITLE) || kx_is(x, j + 1, KX_ORG) || x->tk[j + 1].pro) continue;
        kx_cue tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.tok = j;
        tmp.np_first = j + 1;
        tmp.np_last = np_right(x, j + 1, at);
        if (tmp.np_last == tmp.np_first) continue;
        np_name(x, &tmp);
        if (tmp.name_first < tmp.name_last && name_word(x, tmp.name_first))
            return add_name(x, tmp.name_first, tmp.name_last);
    }
    return -1;
}

/* A person's title (not a body's) at token k, before at. */
static int person_title_at(kh_extractor *x, uint32_t k, uint32_t at)
{
    return k < at && kx_is(x, k, KX_TITLE) && !kx_is(x, k, KX_ORG);
}

/* وأن اللجنة خاطبت الهيئات، ودعتها إلى "…": a feminine verb joined by و
** with no subject of its own agrees with the body that is the subject of
** the feminine verb nearest before it in the sentence (primer §6.3), not
** with a masculine speaker named earlier (the committee's chairman). The
** body is a noun with ال right before a past verb in ت. Returns the name,
** resolved as a subject, or -1 when the sentence has no such clause or a
** verb of saying already stands between. */
static int32_t feminine_body(kh_extractor *x, uint32_t s, uint32_t at)
{
    for (uint32_t j = at; j-- > s + 1;) {
        if (kx_is(x, j, KX_SAY) && !(x->tk[j].pro & KX_P_AL)) return -1;
        const kh_token *v = tok(x, j);
        uint32_t n = j - 1;
        if (!is_word(x, j) || x->tk[j].pro || (x->tk[j].flags & KX_T_ENC) || v->norm_len < 6 ||
            memcmp(v->norm + v->norm_len - 2, "\xd8\xaa", 2) || x->tk[j].e)
            continue; /* …ت, a verb not in the lists */
        if (x->tk[n].pro == KX_P_AL && kx_is(x, n, KX_ORG) && x->tk[n].pair < 0)
            return np_speaker(x, n, n, j);
        /* لكن محكمة ألمانية أمرت … معتبرة: a body and its nisba open the
        ** sentence (after a link word), its verb follows */
        uint32_t h = n;
        while (h > s && h + 3 > n && !x->tk[h].pro && !kx_is(x, h, KX_ORG) && is_word(x, h))
            h--;
        if (h < n && !x->tk[h].pro && kx_is(x, h, KX_ORG) && x->tk[h].pair < 0 &&
            (h == s || (h == s + 1 && kx_is(x, s, KX_STOP))))
            return np_speaker(x, h, h, j);
    }
    return -1;
}

/* توزيع، تعزيز، تطوير: five letters, ت first and ي fourth, the verbal
** noun تفعيل; no verb is written so. */
static int tafiil(kh_extractor *x, uint32_t k)
{
    const kh_token *t = tok(x, k);
    if ((x->tk[k].pro & ~(uint32_t)KX_P_W) || t->kind != KH_TOK_ARABIC ||
        (x->tk[k].flags & KX_T_ENC) || t->norm_len != 10)
        return 0;
    const uint8_t *w = (const uint8_t *)t->norm;
    return w[0] == 0xd8 && w[1] == 0xaa && w[6] == 0xd9 && w[7] == 0x8a;
}

/* وانتقد مطالبة اتحاد الشغل بإقالة الوزير مؤكدا: a verbal noun of the
** pattern مفاعلة (مطالبة، مشاركة، مواجهة) right after a verb is its object,
** never the subject a later participle would take. */
static int mufaala(kh_extractor *x, uint32_t k)
{
    const kh_token *t = tok(x, k);
    if (x->tk[k].pro || t->kind != KH_TOK_ARABIC || (x->tk[k].flags & KX_T_ENC) ||
        t->end - t->start != 12 || kx_is(x, k, KX_TITLE | KX_ORG) || place_head(x, k))
        return 0;                          /* not محافظة القاهرة */
    const uint8_t *w = x->text + t->start; /* six letters: م ? ا ? ? ة */
    return w[0] == 0xd9 && w[1] == 0x85 && w[4] == 0xd8 && w[5] == 0xa7 && w[10] == 0xd8 &&
           w[11] == 0xa9;
}

/* The subject of the sentence a dropped subject or a participle hangs on:
** the nearest earlier cue of the sentence with a speaker, else the subject
** after the verb that opens the sentence (ورد الكاردينال دونالد وورل على
** التقرير قائلا إنه …، دعت منظمة هيومن رايتس ووتش … عمن وصفتهم بأنهم). */
static int32_t sentence_subject(kh_extractor *x, size_t ci)
{
    uint32_t at = x->cues[ci].tok;
    const kx_line *L = &x->lines[x->tk[at].line];
    uint32_t s = at;
    while (s > L->first && !((x->tk[s - 1].flags & KX_T_TERM) && x->tk[s - 1].pair < 0))
        s--;
    if (x->cues[ci].say & KX_SAY_FEM) {
        int32_t who = feminine_body(x, s, at);
        if (who >= 0) return who;
    }
    for (size_t k = ci; k-- > 0 && ci - k < 64;) {
        const kx_cue *c = &x->cues[k];
        if (c->tok < s || !same_line(x, c->tok, at)) break;
        if (c->speaker >= 0 && !((c->say ^ x->cues[ci].say) & KX_SAY_FEM)) return c->speaker;
        if (c->speaker >= 0) continue; /* ودعتها … مناشدا: the gender tells them apart */
        if (!c->active && c->np_first > c->tok && c->name_last > c->name_first &&
            kx_is(x, c->np_first, KX_ORG) && (c->say & x->cues[ci].say & KX_SAY_FEM))
            /* أعلنت الداخلية توقيف من وصفته بـ: a body named after a feminine verb
            ** of saying is the subject of the feminine verb that follows */
            return add_name(x, c->name_first, c->name_last);
        if (!c->active && c->np_first > c->tok && c->name_last > c->name_first &&
            c->np_last == at && (x->tk[at].pro & KX_P_W))
            /* نفته السلطات وقالت إنه: two verbs joined by و share the subject
            ** written after the first, person or body (irregular forms such
            ** as نفت carry no gender to compare) */
            return add_name(x, c->name_first, c->name_last);
        if (!c->active && c->np_first > c->tok && c->name_last > c->name_first &&
            has_name(x, c->name_first, c->name_last) &&
            (kx_is(x, c->np_first, KX_TITLE) || c->np_last == at || /* وأوضح رعد قائلا */
             person_title_at(x, c->name_last, at) ||
             (c->name_last + 1 < at && (x->tk[c->name_last].flags & KX_T_COMMA) &&
              person_title_at(x, c->name_last + 1, at))))
            /* شدد فايز الشهري المدير … جاهزية اللاعبين، وقال: "…"، صرح فاوتر
            ** مولمان، مدير …، قائلا: "…": a verb of saying that introduces no
            ** statement itself still names the sentence's speaker, when its
            ** subject is plainly a person's (a title before or after it) */
            return add_name(x, c->name_first, c->name_last);
    }
    /* فلاح الجوفان - سبق - متابعة: the dateline (here a byline) and its tag
    ** are nobody's verb and subject */
    const kh_span dl = x->doc.dateline.span;
    if (dl.start != KH_NONE && tok(x, s)->start < dl.end) {
        while (s < at && tok(x, s)->start < dl.end)
            s++;
        if (s + 1 < at && is_word(x, s) && (x->tk[s + 1].flags & KX_T_COLON)) s += 2;
    }
    if (s + 2 < at && stem_is(x, s, "قد") && is_word(x, s + 1))
        s++; /* وقد استهزأ ترامب بكيم واصفا: قد only marks the verb after it */
    if (kx_is(x, s, KX_STOP) && !(x->tk[s].pro & KX_P_AL)) {
        /* وفي المقابل، انتقدت الهيئة …، وقالت: a short adjunct before the
        ** opening verb, set off by a comma */
        uint32_t k = s + 1;
        while (k < at && k - s < 4 && is_word(x, k) && !(x->tk[k].flags & KX_T_COMMA))
            k++;
        if (k + 2 < at && (x->tk[k].flags & KX_T_COMMA)) s = k + 1;
    }
    if (s + 2 < at && STEM_IN(x, s, KANA)) {
        /* وكان صلاح قد نشر تغريدة … قال فيها: كان, its subject, then قد */
        uint32_t e = np_right(x, s + 1, at);
        if (e > s + 1 && e < at && stem_is(x, e, "قد")) {
            kx_cue tmp;
            memset(&tmp, 0, sizeof tmp);
            tmp.tok = s;
            tmp.np_first = s + 1;
            tmp.np_last = e;
            if (!apposition(x, &tmp, at)) np_name(x, &tmp);
            return add_name(x, tmp.name_first, tmp.name_last);
        }
    }
    if (s + 1 >= at || !is_word(x, s) || kx_is(x, s, KX_STOP | KX_TITLE) ||
        (kx_is(x, s, KX_SAY) && !(x->tk[s].e->say & (KX_SAY_OBJECT | KX_SAY_RELAY))) ||
        (x->tk[s].pro & KX_P_AL) || x->tk[s].pair >= 0)
        return titled_subject(x, s, at); /* طالبت منظمة "هيومن رايتس ووتش" … عمن وصفتهم */
    if (manner_word(x, s + 1) || surface_ends(x, s + 1, "اً") || mufaala(x, s + 1))
        return -1; /* واستشهد مقارنا … قائلا: a circumstantial participle right after
                   ** the verb means its subject is dropped; the sentence before names
                   ** it (a participle is never a subject); وانتقد مطالبة …: the
                   ** verbal noun is its object */
    if (verbal_noun(x, s) || tafiil(x, s) || mufaala(x, s))
        return -1; /* توزيع ملفات | وأضاف أن: a sentence opening with a verbal noun (here
                   ** an inline heading) has no verb there to give a subject */
    kx_cue tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.tok = s;
    tmp.np_first = s + 1;
    tmp.np_last = np_right(x, s + 1, at);
    if (tmp.np_last == tmp.np_first) return titled_subject(x, s, at);
    if (tmp.np_last > s + 2 && x->tk[s + 1].pro == KX_P_AL && !kx_is(x, s + 1, KX_TITLE) &&
        !x->tk[s + 2].pro && name_word(x, s + 2))
        tmp.np_last = s + 2; /* وانتقد القذافي | إسرائيل … قائلا: a definite noun is never
                             ** the head of a construct, and its adjectives take ال too,
                             ** so a bare word after it starts the verb's object */
    if (!apposition(x, &tmp, at)) np_name(x, &tmp);
    return add_name(x, tmp.name_first, tmp.name_last);
}

/* A person the sentence before a dropped subject introduces by title and
** name, when that sentence holds no statement: وكان استياء اللفتنانت
** كولونيل مارك لاستوريا واضحا …. وقال: "…". The writer brings a new
** speaker on stage and lets him speak; the previous statement's speaker is
** no longer the topic. A feminine verb takes only a feminine title
** (المخرجة اللبنانية نادين لبكي، الخبيرة ريد): a masculine one, or a body,
** says nothing of her. */
static int32_t introduced_person(kh_extractor *x, size_t ci, int across)
{
    int fem = (x->cues[ci].say & KX_SAY_FEM) != 0;
    uint32_t at = x->cues[ci].tok;
    const kx_line *L = &x->lines[x->tk[at].line];
    uint32_t s = at;
    while (s > L->first && !((x->tk[s - 1].flags & KX_T_TERM) && x->tk[s - 1].pair < 0))
        s--;
    if (s != at) return -1; /* the verb must open its sentence */
    int known_only = 0;
    if (s == L->first) {
        /* التقى الرئيس X بالصحفيين. ¶ وقال: "…": with nobody speaking yet, a
        ** paragraph that opens with a dropped subject continues the person
        ** the paragraph before brought on stage; with someone speaking, only
        ** a speaker the article named before (الخبيرة ريد, باتريشا ريد) */
        uint32_t li = x->tk[at].line;
        known_only = !across;
        while (li > 0 && x->lines[li - 1].kind == KX_LINE_EMPTY)
            li--;
        if (li == 0 || x->lines[li - 1].kind != KX_LINE_BODY ||
            x->lines[li - 1].last <= x->lines[li - 1].first)
            return -1;
        L = &x->lines[li - 1];
        s = L->last;
    }
    uint32_t ps = s - 1;
    while (ps > L->first && !((x->tk[ps - 1].flags & KX_T_TERM) && x->tk[ps - 1].pair < 0))
        ps--;
    for (size_t k = ci; k-- > 0;) {
        if (x->cues[k].tok < ps) break;
        if (x->cues[k].active || x->cues[k].clause_tok != UINT32_MAX) return -1;
    }
    for (uint32_t j = ps; j < s; j++)
        if (x->tk[j].pair >= 0) return -1; /* a quote: maybe a statement */
    int32_t who = -1;
    for (uint32_t j = ps; j + 1 < s; j++) {
        if (!kx_is(x, j, KX_TITLE) || kx_is(x, j, KX_ORG) || (j > ps && kx_is(x, j - 1, KX_TITLE)))
            continue;
        if (fem && !surface_ends(x, j, "ة")) continue;
        kx_cue tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.tok = j;
        tmp.np_first = j;
        tmp.np_last = np_right(x, j, s);
        if (tmp.np_last <= j + 1) continue;
        uint32_t k = after_titles(x, j, tmp.np_last);
        uint32_t e = k;
        while (e < tmp.np_last && e - k < NAME_MAX_TOKENS && name_word(x, e) &&
               !(e - k >= 2 && accusative(x, e)))
            e++; /* كان استياء … مارك لاستوريا | واضحا: the predicate follows */
        if (!known_only && e - k >= 2) { /* a first name and a surname: a person */
            who = add_name(x, k, e);
            j = tmp.np_last - 1;
            continue;
        }
        int32_t known = -1; /* الخبيرة ريد: the surname of a person who spoke before */
        for (size_t q = x->nnames; e > k && q-- > 0 && known < 0;) {
            const kx_name *nm = &x->names[q];
            if (nm->first < k && !nm->dual && (int)nm->fem == fem &&
                person_name(x, nm->first, nm->last) && !kx_is(x, nm->first, KX_ORG | KX_TITLE) &&
                name_tok_eq(x, nm->last - 1, k))
                known = (int32_t)q; /* not the first name of someone else (محمد) */
        }
        if (known < 0) continue;
        who = known;
        j = tmp.np_last - 1;
    }
    return who;
}

/* The speaker already named whose name holds the word at token i (ترامب
** for دونالد ترامب), or -1: a bare word after a noun is as often its
** adjective (مؤتمر صحافي، تغريدة أخرى) as its owner, and only a name the
** article made a speaker tells them apart. */
static int32_t known_speaker(const kh_extractor *x, uint32_t i)
{
    for (size_t k = x->nnames; k-- > 0;) {
        const kx_name *nm = &x->names[k];
        if (nm->first >= i || nm->dual) continue;
        for (uint32_t j = nm->first; j < nm->last; j++)
            if (name_word(x, j) && name_tok_eq(x, j, i)) return (int32_t)k;
    }
    return -1;
}

/* known_speaker() for a word with a proclitic (لقرقاش): the stems compared,
** of a name of two words or more. */
static int32_t known_stem_speaker(kh_extractor *x, uint32_t i)
{
    const char *si;
    size_t ni;
    stem_norm(x, i, &si, &ni);
    if (ni < 6) return -1; /* three letters at least */
    for (size_t k = x->nnames; k-- > 0;) {
        const kx_name *nm = &x->names[k];
        if (nm->first >= i || nm->dual || nm->last < nm->first + 2) continue;
        for (uint32_t j = nm->first; j < nm->last; j++)
            if (name_word(x, j) && same_stem(x, i, j)) return (int32_t)k;
    }
    return -1;
}

/* خلال مقابلة ترامب مع "سي بي أس" نيوز الأربعاء، قال إنه …: a dropped
** subject whose sentence opens with an occasion of speech owned by a name
** (مقابلة ترامب، تغريدة روحاني، كلمة الملك سلمان) is that name's: the
** writer set the scene for its owner to speak, whoever spoke before. The
** name is read right after the noun, bare (a construct); مقابلة مع X is
** the interviewer's. Returns the name, or -1. */
static uint32_t sentence_first(const kh_extractor *x, uint32_t i);

static int32_t speech_event(kh_extractor *x, size_t ci)
{
    uint32_t at = x->cues[ci].tok, s = sentence_first(x, at);
    for (uint32_t n = s; n + 1 < at && n < s + 4; n++) {
        if (!speech_place(x, n) || (x->tk[n].pro & KX_P_AL) || (x->tk[n].flags & KX_T_ENC) ||
            x->tk[n].pair >= 0)
            continue;
        int owner = x->tk[n + 1].pro == KX_P_L; /* جاء ذلك في تغريدة | لقرقاش */
        if (!owner && (x->tk[n + 1].pro || !name_word(x, n + 1) || n == s + 3))
            continue; /* a bare construct only among the sentence's first words */
        for (size_t k = ci; k-- > 0 && x->cues[k].tok > s;)
            if (x->cues[k].tok > n) return -1; /* another verb between: its own subject */
        return owner ? known_stem_speaker(x, n + 1) : known_speaker(x, n + 1);
    }
    return -1;
}

/* نقل عن مصدر مطلع قوله إن …: the speaker is the phrase after عن (or
** after على لسان, "on the tongue of"). */
static int32_t quoted_from(kh_extractor *x, const kx_cue *c)
{
    const kx_line *L = &x->lines[x->tk[c->tok].line];
    for (uint32_t k = c->tok; k > L->first && c->tok - k < 16; k--) {
        uint32_t j = k - 1;
        if ((x->tk[j].flags & KX_T_TERM) && x->tk[j].pair < 0) break;
        if (!stem_is(x, j, "عن") && !(stem_is(x, j, "لسان") && j > 0 && stem_is(x, j - 1, "على")))
            continue; /* نقلت … عن X قوله، نقلت … على لسان X قوله */
        uint32_t last = extend_np(x, j + 1, np_right(x, j + 1, c->tok), c->tok);
        if (past_commas(x, last, c->tok) != c->tok || last == j + 1)
            return -1; /* عن مسؤول أميركي كبير، قوله */
        return np_speaker(x, j, j + 1, last);
    }
    return -1;
}

/* نقلت الوكالة عن مصادر في رئاسة الوزراء أن: a relaying verb's speaker is
** the phrase after its عن (find_clause found it and where it ends), or -1. */
static int32_t relayed_from(kh_extractor *x, const kx_cue *c)
{
    return c->relay == UINT32_MAX ? -1 : np_speaker(x, c->relay, c->relay + 1, c->relay_end);
}

/* مذكرا بكلام للبابا الراحل يوحنا بولس الثاني اعتبر فيه أن …: a verb with
** فيه/فيها right after it describes the speech noun before it (كلام، بيان،
** رسالة …) and its subject is whose speech it was, the phrase after لـ. */
static int32_t speech_owner(kh_extractor *x, const kx_cue *c)
{
    uint32_t v = c->tok, f = v + 1;
    if (f >= x->A->ntokens || !same_line(x, v, f) || !(x->tk[f].flags & KX_T_ENC) ||
        tok(x, f)->norm_len < 4 || memcmp(tok(x, f)->norm, "\xd9\x81\xd9\x8a", 4))
        return -1; /* فيه، فيها */
    if (v > 2 && same_line(x, v - 1, v) && !x->tk[v - 1].pro &&
        (speech_place(x, v - 1) || STEM_IN(x, v - 1, DOCUMENTS))) {
        /* نشرت بوكو حرام شريط فيديو أعلنت فيه، أصدرت الوزارة بيانا جاء فيه:
        ** the speech is the object of a verb of issuing, whose subject spoke */
        static const char *const ISSUE[] = {"أصدر", "أصدرت", "نشر", "نشرت", "وزع", "وزعت"};
        uint32_t e = v - 1;
        if (!x->tk[e - 1].pro && (stem_is(x, e - 1, "شريط") || stem_is(x, e - 1, "مقطع")))
            e--; /* شريط | فيديو */
        if (x->tk[e - 1].flags & KX_T_COMMA) e--;
        for (uint32_t j = e; j-- > 0 && e - j <= NP_MAX && same_line(x, j, v);) {
            if ((x->tk[j].flags & KX_T_TERM) && x->tk[j].pair < 0) break;
            if (!NORM_IN(x, j, ISSUE) || (x->tk[j].pro & ~(uint32_t)(KX_P_W | KX_P_F))) continue;
            if (j + 1 >= e) return -1;
            uint32_t last = extend_np(x, j + 1, np_right(x, j + 1, e), e);
            if (past_commas(x, last, e) != e && last != e)
                return -1; /* نشرت صورتها، وفوق الصورة كتبت تغريدة: no noun phrase */
            return np_speaker(x, j, j + 1, last);
        }
    }
    for (uint32_t j = v; j-- > 0 && v - j <= NAME_MAX_TOKENS + 3;) {
        if (!same_line(x, j, v) || !np_word(x, j)) return -1;
        if (!(x->tk[j].pro & KX_P_L) || j == 0) continue;
        uint32_t n = j - 1;
        int speech = speech_place(x, n) || stem_is(x, n, "كلام") || stem_is(x, n, "قول") ||
                     STEM_IN(x, n, DOCUMENTS);
        if (!speech) return -1;
        return np_speaker(x, n, j, v);
    }
    return -1;
}

/* Nouns of hearsay: المزاعم التي تقول، وأفادت المعلومات المتوفرة. They
** report without anyone speaking, and the gold gives such statements no
** speaker. */
static const char *const HEARSAY[] = {"مزاعم", "معلومات", "أنباء", "شائعات", "إشاعات", "ادعاءات"};

static int hearsay(kh_extractor *x, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b && i < a + 2; i++) /* the head, or the noun after a verb */
        if (STEM_IN(x, i, HEARSAY) && !(i > a && kx_is(x, a, KX_TITLE)))
            return 1; /* but وكالة الأنباء، إدارة معلومات الطاقة are bodies */
    return 0;
}

/* Nouns that say whose view follows: وبحسب تقديرات الجيش، وفق تعبير الوزير. */
static const char *const VIEW_NOUNS[] = {"تقديرات", "تقدير", "رأي", "تعبير", "رواية", "قول"};

/* وبحسب تقديرات الجيش فإن "…"، ووفق الصحيفة "…": a quote with no verb of
** saying, attributed in its own sentence by حسب/وفق before it, is the
** words of whom the phrase names (the gold's rule: a preposition is the
** cue). -1 when no such phrase stands before the quote, or the phrase is a
** pronoun (وبحسبه، بحسب رأيه: the last speaker, as carried). */
static int32_t according_to(kh_extractor *x, const kx_pair *p)
{
    uint32_t o = p->open;
    const kx_line *L = &x->lines[x->tk[o].line];
    for (uint32_t i = o; i-- > L->first && o - i <= 10;) {
        if (x->tk[i].flags & (KX_T_TERM | KX_T_QMARK)) return -1;
        if (!kx_is(x, i, KX_SOURCE) || stem_is(x, i, "نقلا")) continue;
        if (x->tk[i].flags & KX_T_ENC) return -1;
        uint32_t a = i + 1;
        while (a < o && a < i + 3 && ((tok(x, a)->flags & KH_TOKF_PREFIX) || kx_is(x, a, KX_STOP)))
            a++; /* وفقا لـ */
        if (a < o && STEM_IN(x, a, VIEW_NOUNS)) {
            if (x->tk[a].flags & KX_T_ENC) return -1;
            a++;
        }
        uint32_t b = a < o ? np_right(x, a, o) : a;
        if (b == a) return -1;
        for (uint32_t k = b; k < o; k++)
            if (is_word(x, k) && !(x->tk[k].flags & KX_T_PARTICLE)) return -1; /* فإن only */
        return np_speaker(x, i, a, b);
    }
    return -1;
}

#define HISTORY 8

/* Recent speakers, newest first, with the verb each last spoke through. */
typedef struct history {
    int32_t who[HISTORY];
    uint32_t at[HISTORY];  /* the verb's token */
    uint16_t say[HISTORY]; /* the verb's KX_SAY_* */
    size_t n;
} history;

static void remember(history *h, int32_t who, uint32_t at, uint16_t say)
{
    if (who < 0) return;
    size_t k = 0;
    while (k < h->n && h->who[k] != who)
        k++;
    if (k == h->n && h->n < HISTORY) h->n++;
    if (k == HISTORY) k = HISTORY - 1;
    memmove(h->who + 1, h->who, k * sizeof h->who[0]);
    memmove(h->at + 1, h->at, k * sizeof h->at[0]);
    memmove(h->say + 1, h->say, k * sizeof h->say[0]);
    h->who[0] = who;
    h->at[0] = at;
    h->say[0] = say;
}

/* The last recent speaker whose gender agrees with a verb of saying, or -1.
** The speaker a dropped subject stands for is that one (وأضاف after a
** statement by الشرطة goes further back), else the last one (carried). */
static int32_t agreeing(const kh_extractor *x, const history *h, uint16_t say)
{
    int fem = (say & KX_SAY_FEM) != 0;
    for (size_t k = 0; k < h->n; k++)
        if (!x->names[h->who[k]].dual && (int)x->names[h->who[k]].fem == fem) return h->who[k];
    return -1;
}

static int32_t carried(const kh_extractor *x, const history *h, uint16_t say)
{
    int32_t who = agreeing(x, h, say);
    return who >= 0 ? who : h->n ? h->who[0] : -1;
}

/* Anonymous heads that may stand for one another once defined: المصدر
** after مسؤول أميركي كبير (reporters call a source an official and back),
** المتحدث after مصدر أمني when that source spoke last. */
static const char *const ANON_SINGULAR[] = {"مصدر", "مسؤول", "متحدث"};
static const char *const SAME[] = {"ذاته", "نفسه", "ذاتها", "نفسها", "ذاتهم", "نفسهم", "أنفسهم"};

/* المصدر, المسؤول, المصادر: an anonymous head with ال and nothing after it
** refers back to the source the article introduced without ال (مصدر مطلع،
** مسؤول أميركي كبير); that recent speaker, or -1. */
static int32_t anonymous_anaphor(kh_extractor *x, const history *h, int32_t who)
{
    const kx_name *nm = &x->names[who];
    uint32_t a = nm->first;
    uint32_t s = a + 1 < nm->last ? a + 1 : nm->last; /* المصدر | ذاته, in the name or after it */
    int same = s < x->A->ntokens && same_line(x, a, s) && !x->tk[s].pro && NORM_IN(x, s, SAME);
    if (!same && a > 0 && same_line(x, a - 1, a) && !x->tk[a - 1].pro)
        same = kx_norm_is(x, a - 1, "ذات") || kx_norm_is(x, a - 1, "نفس"); /* نفس | المصدر */
    if (nm->last <= a + 2 && x->tk[a].pro == KX_P_AL && anonymous_word(x, a) && same) {
        /* وذكر المصدر ذاته، وأضاف نفس المصدر: the source that spoke last */
        for (size_t k = 0; k < h->n; k++)
            if (h->who[k] != who) return h->who[k];
        return -1;
    }
    if (nm->last != a + 1 || x->tk[a].pro != KX_P_AL || !anonymous_word(x, a)) return -1;
    int single = STEM_IN(x, a, ANON_SINGULAR);
    int last_only = stem_is(x, a, "متحدث"); /* المتحدث names whoever spoke last, not an
                                            ** older source */
    const char *sa, *sb;
    size_t na, nb;
    stem_norm(x, a, &sa, &na);
    for (size_t k = 0; k < h->n; k++) {
        const kx_name *o = &x->names[h->who[k]];
        uint32_t b = o->first;
        if (h->who[k] == who || o->last <= b + 1 || x->tk[b].pro || !anonymous_word(x, b)) continue;
        stem_norm(x, b, &sb, &nb);
        if ((na == nb && !memcmp(sa, sb, na)) ||
            (single && STEM_IN(x, b, ANON_SINGULAR) && (k == 0 || !last_only)))
            return h->who[k];
    }
    return -1;
}

/* Adjectives that say what kind of body a description is (المنظمة
** الحقوقية، الحركة الانفصالية), which the body's own name need not hold. */
static const char *const KIND_ADJ[] = {"حقوقية", "حقوقي",    "دولية",   "دولي",
                                       "أممية",  "انفصالية", "انفصالي", "إغاثية",
                                       "خيرية",  "إنسانية",  "حكومية",  "حكومي"};

/* التقرير, الدراسة, اللجنة, البلدية: a document or a body named by its bare
** head with ال, or by the head and such adjectives, refers back to the
** recent speaker that head opened (كشف تقرير للبنك الدولي … وذكر التقرير;
** أعلنت "لجنة مكافحة الإرهاب" … وقالت اللجنة).
** Only speakers count: البيان after في بيان له, a place of speech, is its own
** speaker (document_name). That recent speaker, or -1. */
static int32_t definite_anaphor(kh_extractor *x, const history *h, int32_t who)
{
    const kx_name *nm = &x->names[who];
    uint32_t a = nm->first;
    if (nm->last <= a || nm->last > a + 3 || x->tk[a].pro != KX_P_AL || nm->dual ||
        (!STEM_IN(x, a, DOCUMENTS) && !kx_is(x, a, KX_ORG)))
        return -1;
    for (uint32_t k = a + 1; k < nm->last; k++)
        if (x->tk[k].pro != KX_P_AL || !STEM_IN(x, k, KIND_ADJ))
            return -1; /* المنظمة الحقوقية، الحركة الانفصالية: what kind of body, not
                       ** whose (الشرطة الكورية الجنوبية is not Taipei's police) */
    const char *sa, *sb;
    size_t na, nb;
    stem_norm(x, a, &sa, &na);
    for (size_t k = 0; k < h->n; k++) {
        const kx_name *o = &x->names[h->who[k]];
        if (h->who[k] == who || o->last <= o->first + 1 || o->dual) continue;
        stem_norm(x, o->first, &sb, &nb);
        if (na && na == nb && !memcmp(sa, sb, na)) return h->who[k];
    }
    /* نددت منظمة العفو الدولية … بما اعتبرته …، وأفادت المنظمة الحقوقية: a
    ** body the sentences just before named as the subject of a verb of
    ** saying that introduced no statement is no speaker yet, but the one
    ** the description means */
    if (nm->last == a + 1 || STEM_IN(x, a, DOCUMENTS)) return -1;
    uint32_t line = x->tk[a].line;
    for (size_t k = x->ncues; k-- > 0;) {
        const kx_cue *c = &x->cues[k];
        if (c->tok >= a) continue;
        if (x->tk[c->tok].line + 1 < line) break;
        uint32_t f = c->name_first;
        if (!c->active && c->np_last > c->np_first && c->name_last >= f + 2 && !x->tk[f].pro &&
            c->np_first == f && same_stem(x, a, f))
            return add_name(x, f, c->name_last);
    }
    return -1;
}

/* Titles that name an office in general, which stand for whoever held one
** (المسؤول الأمريكي after نائب المتحدث X), and heads that are no title to
** refer back with (السيد البدوي is a name; المصدر is anonymous_anaphor's). */
static const char *const ANY_OFFICE[] = {"مسؤول", "مسؤولة", "متحدث", "متحدثة"};
static const char *const NO_ANAPHOR[] = {"سيد", "مصدر", "مصادر"};

/* The head of the title that came with the name cue `by` read, before it
** (نائب المتحدث X) or right after it (X، نائب رئيس اللجنة); UINT32_MAX. */
static uint32_t title_with(const kh_extractor *x, const kx_cue *by)
{
    if (by->np_first < by->name_first && kx_is(x, by->np_first, KX_TITLE)) return by->np_first;
    uint32_t t = by->name_last;
    if (t < x->A->ntokens && (x->tk[t].flags & KX_T_COMMA)) t++;
    return t < x->A->ntokens && same_line(x, t, by->tok) && kx_is(x, t, KX_TITLE) ? t : UINT32_MAX;
}

/* وقال "كورتز كوبر" نائب المتحدث … وأكد المسؤول الأمريكي في تغريدته أن: a
** person's title with ال and only nisbas after it, the whole subject of
** cue c, names no one new where no mention with its head came before
** (resolve_description). It is the person who spoke last, a few lines
** before, named by two words or more, of the verb's gender, if that person
** came with the same title or the title names any office; the recent
** speaker's index, or -1. Over all SaudiNewsNet 40 statements change, 35
** to the right name. */
#define PERSON_ANAPHOR_LINES 4
static int32_t person_anaphor(kh_extractor *x, const history *h, const kx_cue *c)
{
    const kx_name *nm = &x->names[c->speaker];
    uint32_t a = nm->first, at = c->tok;
    if (h->n == 0 || h->who[0] == c->speaker || nm->dual || c->np_first != a ||
        c->np_last != nm->last || nm->last > a + 3 || x->tk[a].pro != KX_P_AL ||
        !kx_is(x, a, KX_TITLE) || kx_is(x, a, KX_ORG | KX_HONOR) || STEM_IN(x, a, DOCUMENTS) ||
        STEM_IN(x, a, NO_ANAPHOR) || x->tk[at].in_clause)
        return -1; /* nor أكد الطبيب inside someone's reported words */
    for (uint32_t k = a + 1; k < nm->last; k++)
        if (x->tk[k].pro != KX_P_AL || !nisba(x, k) || surname_elsewhere(x, k))
            return -1; /* not الرئيس السيسي, the family name of a man named elsewhere */
    /* the subject ends there: before its clause, a colon, a comma, a quote, or
    ** في and the place of speech (في تغريدته); not before a name (القاضية
    ** | باربره جافي، المسؤول في مكتب التحقيقات | ايد رينولد) or باسمه */
    uint32_t e = c->np_last;
    while (e < x->A->ntokens && same_line(x, e, at) &&
           kx_is(x, e, KX_TIME | KX_RELDATE | KX_WEEKDAY))
        e++;
    if (e >= x->A->ntokens || !same_line(x, e, at) ||
        !(e == c->clause_tok || (x->tk[e].flags & (KX_T_COMMA | KX_T_COLON | KX_T_QMARK)) ||
          (!x->tk[e].pro && fi_speech_place(x, e, x->A->ntokens))))
        return -1;
    const kx_name *o = &x->names[h->who[0]];
    if (o->dual || !person_name(x, o->first, o->last) ||
        (int)o->fem != ((c->say & KX_SAY_FEM) != 0) ||
        x->tk[at].line > x->tk[h->at[0]].line + PERSON_ANAPHOR_LINES)
        return -1;
    for (uint32_t k = o->first + 1; k + 1 < o->last; k++)
        if (x->tk[k].pro & KX_P_AL) return -1; /* not يزال المجتمع السعودي */
    const kx_cue *by = NULL;                   /* the statement that named that person */
    for (size_t k = 0; k < x->ncues && !by; k++)
        if (x->cues[k].tok == h->at[0]) by = &x->cues[k];
    uint32_t title = by ? title_with(x, by) : UINT32_MAX;
    if (title != UINT32_MAX && !STEM_IN(x, a, ANY_OFFICE) && !same_stem(x, a, title))
        return -1; /* القاضي is not the lawyer who spoke last */
    return h->who[0];
}

/* ---- candidates for the learned chooser ---------------------------------------------- */

/* Each statement's verb gets a short list of who might have said it: the
** rules' choice first, then the recent speakers, the noun phrase before the
** verb, the subjects of the other verbs and the titled names of its
** sentence and the sentences before it. Each candidate carries the facts
** attrib.c turns into features; nothing here decides. */

#define CAND_MAX     12
#define CAND_HISTORY 4   /* recent speakers offered */
#define CAND_BACK    2   /* sentences before the verb's own searched */
#define CAND_SCAN    400 /* tokens scanned back for a mention or a sentence end */
#define CAND_CAP     3   /* sentence and line distances are capped here */

/* The name already registered for tokens [a, b), or -1. */
static int32_t find_name(const kh_extractor *x, uint32_t a, uint32_t b)
{
    for (size_t k = 0; k < x->nnames; k++)
        if (x->names[k].last - x->names[k].first == b - a && seq_eq(x, x->names[k].first, a, b - a))
            return (int32_t)k;
    return -1;
}

/* The first token of the sentence holding token i. */
static uint32_t sentence_first(const kh_extractor *x, uint32_t i)
{
    const kx_line *L = &x->lines[x->tk[i].line];
    while (i > L->first && !((x->tk[i - 1].flags & KX_T_TERM) && x->tk[i - 1].pair < 0))
        i--;
    return i;
}

/* The start of the sentence back sentences before the one holding token i
** (across lines), or 0. */
static uint32_t sentences_back(const kh_extractor *x, uint32_t i, uint32_t back)
{
    uint32_t s = sentence_first(x, i);
    for (uint32_t k = 0; k < back && s > 0; k++)
        s = sentence_first(x, s - 1);
    return s;
}

/* The last mention of name n starting before token at, within CAND_SCAN
** tokens; else its first mention. */
static uint32_t last_mention(const kh_extractor *x, int32_t n, uint32_t at)
{
    const kx_name *nm = &x->names[n];
    uint32_t len = nm->last - nm->first;
    const kh_token *t0 = tok(x, nm->first);
    if (!t0->norm_len) return nm->first;
    for (uint32_t j = at; j-- > 0 && at - j < CAND_SCAN;) {
        const kh_token *tj = tok(x, j);
        if (!tj->norm_len || tj->norm[tj->norm_len - 1] != t0->norm[t0->norm_len - 1])
            continue; /* spellings of a name end alike: most tokens fail here, cheaply */
        if (j + len <= x->A->ntokens && seq_eq(x, nm->first, j, len)) return j;
    }
    return nm->first;
}

/* Distances between a mention at token m and the verb at token v: sentence
** ends and lines between them (capped), and whether a subheading lies
** between. */
static void distances(const kh_extractor *x, uint32_t m, uint32_t v, kx_cand *c)
{
    uint32_t a = m < v ? m : v, b = m < v ? v : m;
    uint32_t la = x->tk[a].line, lb = x->tk[b].line, sent = 0;
    for (uint32_t j = b; j-- > a && sent < CAND_CAP && b - j < CAND_SCAN;)
        if (((x->tk[j].flags & KX_T_TERM) && x->tk[j].pair < 0) || x->tk[j].line != x->tk[b].line ||
            j + 1 == a)
            sent++;
    uint32_t para = 0;
    for (uint32_t l = la; l < lb; l++) {
        if (x->lines[l + 1].kind == KX_LINE_SUBHEAD) c->facts |= KX_CF_SUBHEAD;
        if (x->lines[l + 1].kind != KX_LINE_EMPTY && para < CAND_CAP) para++;
    }
    if (para && sent == 0) sent = 1; /* a line ends a sentence */
    c->tok_dist = b - a;
    c->sent_dist = sent < CAND_CAP ? sent : CAND_CAP;
    c->para_dist = para;
    if (m > v) c->facts |= KX_CF_AFTER;
}

/* Whether another verb of saying with a subject of its own stands between
** token m and cue ci's verb. */
static int speech_between(const kh_extractor *x, size_t ci, uint32_t m)
{
    for (size_t k = ci; k-- > 0;) {
        const kx_cue *o = &x->cues[k];
        if (o->tok <= m) return 0;
        if (o->active && o->np_last > o->np_first) return 1;
    }
    return 0;
}

/* Adds a candidate for cue ci: name n (or -1) with tokens [a, b) mentioned
** at token m. A candidate already listed (same name or same words) only
** gains the new source. gender: 0 unknown, 1 masculine, 2 feminine. */
static void add_cand(kh_extractor *x, size_t ci, int32_t n, uint32_t a, uint32_t b, uint32_t m,
                     uint32_t src, int gender)
{
    kx_cue *cue = &x->cues[ci];
    if (n < 0 && b <= a && !(src & KX_CS_RULE)) return;
    if (n < 0 && b > a) n = find_name(x, a, b);
    if (n >= 0) a = x->names[n].first, b = x->names[n].last;
    for (uint32_t k = cue->cand_first; k < x->ncands; k++) {
        kx_cand *o = &x->cands[k];
        if ((n >= 0 && o->name == n) ||
            (n < 0 && o->name < 0 && b > a && o->last - o->first == b - a &&
             seq_eq(x, o->first, a, b - a))) {
            o->src |= src;
            return;
        }
    }
    if (x->ncands - cue->cand_first >= CAND_MAX) return;
    kx_cand c;
    memset(&c, 0, sizeof c);
    c.name = n;
    c.first = a;
    c.last = b;
    c.src = src;
    c.hist_rank = UINT32_MAX;
    if (cue->np_last == cue->np_first) c.facts |= KX_CF_DROPPED;
    if (cue->carried) c.facts |= KX_CF_CARRIED;
    if (cue->say & (KX_SAY_DUAL | KX_SAY_PLURAL)) c.facts |= KX_CF_PLURAL;
    if (b > a) {
        distances(x, m, cue->tok, &c);
        if (m < cue->tok && speech_between(x, ci, m)) c.facts |= KX_CF_SPEECH;
        int fem = (cue->say & KX_SAY_FEM) != 0;
        if (gender && !(cue->say & (KX_SAY_DUAL | KX_SAY_PLURAL)))
            c.facts |= (gender == 2) == fem ? KX_CF_AGREE : KX_CF_CLASH;
        if (STEM_IN(x, a, DOCUMENTS)) c.facts |= KX_CF_DOCUMENT;
        if (kx_is(x, a, KX_ORG)) c.facts |= KX_CF_ORG;
        if (x->tk[a].pro & KX_P_AL)
            c.facts |= KX_CF_DEFINITE;
        else if (name_word(x, a))
            c.facts |= KX_CF_PERSON;
        c.named = n >= 0 ? x->names[n].named : 0;
        const kx_cand *r = x->ncands > cue->cand_first ? &x->cands[cue->cand_first] : NULL;
        uint32_t rn = r ? r->last - r->first : 0;
        if (rn && b - a > rn && name_seq_eq(x, b - rn, r->first, rn)) c.facts |= KX_CF_LONGER;
    }
    KX_PUSH(x, x->cands, x->ncands, x->capcands, c);
}

static int say_gender(uint16_t say)
{
    return say & (KX_SAY_DUAL | KX_SAY_PLURAL) ? 0 : say & KX_SAY_FEM ? 2 : 1;
}

static void collect(kh_extractor *x, size_t ci, const history *h);

/* The titled phrase starting at token j and the name read in it. The
** verbs of a paragraph look back over the same sentences, and reading a
** description costs a pass over the document, so the last phrases read
** are kept on the handle. */
static const kx_titled *titled_at(kh_extractor *x, uint32_t j)
{
    for (size_t k = 0; k < KX_TITLED_MEMO && k < x->ntitled; k++)
        if (x->titled[k].tok == j) return &x->titled[k];
    kx_titled *t = &x->titled[x->ntitled++ % KX_TITLED_MEMO];
    t->tok = j;
    t->end = np_right(x, j, sentence_last(x, j));
    t->name_first = t->name_last = j;
    if (t->end > j + 1 && has_name(x, j, t->end))
        phrase_name(x, j, j, t->end, &t->name_first, &t->name_last);
    return t;
}

/* The candidates of active cue ci, whose rules' choice is made; h holds the
** speakers before it. Reading phrases marks quoted names in them as parts
** of a subject (kx_pair.in_np), which later rules read: the marks are put
** back as they were, so that listing candidates changes no rule's choice. */
static void gather(kh_extractor *x, size_t ci, const history *h)
{
    if (kx_grow(x, (void **)&x->np_saved, &x->capnpsaved, x->npairs + 1, 1)) return;
    for (size_t k = 0; k < x->npairs; k++)
        x->np_saved[k] = (uint8_t)x->pairs[k].in_np;
    collect(x, ci, h);
    for (size_t k = 0; k < x->npairs; k++)
        x->pairs[k].in_np = x->np_saved[k];
}

static void collect(kh_extractor *x, size_t ci, const history *h)
{
    kx_cue *c = &x->cues[ci];
    const kx_line *L = &x->lines[x->tk[c->tok].line];
    c->cand_first = (uint32_t)x->ncands;
    int32_t r = c->speaker;
    int rg = 0;
    uint32_t rm = c->tok;
    if (r >= 0 && c->np_last > c->np_first) {
        rm = c->name_first < c->name_last ? c->name_first : c->np_first;
        rg = say_gender(c->say);
    } else if (r >= 0) {
        rm = last_mention(x, r, c->tok);
        for (size_t k = 0; k < h->n; k++)
            if (h->who[k] == r) rg = say_gender(h->say[k]);
    }
    add_cand(x, ci, r, 0, 0, rm, KX_CS_RULE, rg);
    if (c->np_last > c->np_first && hearsay(x, c->np_first, c->np_last)) goto done;
    int32_t carry = carried(x, h, c->say);
    for (size_t k = 0; k < h->n && k < CAND_HISTORY; k++) {
        add_cand(x, ci, h->who[k], 0, 0, last_mention(x, h->who[k], c->tok),
                 KX_CS_HISTORY | (h->who[k] == carry ? KX_CS_CARRY : 0), say_gender(h->say[k]));
        for (size_t j = c->cand_first; j < x->ncands; j++)
            if (x->cands[j].name == h->who[k] && x->cands[j].hist_rank == UINT32_MAX)
                x->cands[j].hist_rank = (uint32_t)k;
    }
    uint32_t na, nb;
    uint32_t left = np_left(x, c->tok, L->first);
    if (left < c->tok) {
        phrase_name(x, c->tok, left, c->tok, &na, &nb);
        add_cand(x, ci, -1, na, nb, na, KX_CS_LEFT, 0);
    }
    uint32_t from = sentences_back(x, c->tok, CAND_BACK);
    for (size_t k = ci; k-- > 0;) {
        const kx_cue *o = &x->cues[k];
        if (o->tok < from) break;
        if (o->np_last > o->np_first && o->name_last > o->name_first)
            add_cand(x, ci, -1, o->name_first, o->name_last, o->name_first, KX_CS_SUBJECT,
                     say_gender(o->say));
    }
    for (uint32_t j = from; j + 1 < c->tok; j++) {
        if (!kx_is(x, j, KX_TITLE) || (j > from && kx_is(x, j - 1, KX_TITLE)) || x->tk[j].pair >= 0)
            continue;
        const kx_titled *t = titled_at(x, j);
        if (t->end <= j + 1) continue;
        if (t->name_last > t->name_first && has_name(x, t->name_first, t->name_last))
            add_cand(x, ci, -1, t->name_first, t->name_last, t->name_first, KX_CS_TITLED, 0);
        j = t->end - 1;
    }
done:
    c->ncand = (uint32_t)(x->ncands - c->cand_first);
}

/* Adjectives that say how official a body is, not which body it is. */
static const char *const OFFICIAL[] = {"الرسمية", "الرسمي", "الحكومية", "الحكومي"};

/* A body's name ends before an "official" adjective that follows its
** nisba: الهيئة العامة للاستعلامات المصرية | الحكومية، وكالة الأنباء
** السورية | الرسمية; not مكتب المساءلة الحكومي, where it is the name's. */
static void official_trim(kh_extractor *x, kh_span *sp)
{
    uint32_t a, b;
    if (sp->start == KH_NONE || !kx_span_tokens(x, *sp, &a, &b) || b < a + 3) return;
    const kh_token *n = tok(x, b - 2), *o = tok(x, b - 1);
    if (!NORM_IN(x, b - 1, OFFICIAL) || x->tk[b - 2].pro != KX_P_AL || n->norm_len < 4) return;
    /* the word before is a nisba of the adjective's gender: المصرية | الحكومية,
    ** المركزي | الحكومي; not الأراضي | الحكومية (government lands) */
    const char *nt = n->norm + n->norm_len;
    int fem = o->norm[o->norm_len - 1] != '\x8a'; /* ي ends the masculine: its last byte is 0x8a */
    int nisba =
        fem ? !memcmp(nt - 4, "\xd9\x8a\xd8\xa9", 4) || !memcmp(nt - 4, "\xd9\x8a\xd9\x87", 4)
            : !memcmp(nt - 2, "\xd9\x8a", 2); /* ية (or يه), ي */
    if (nisba) sp->end = n->end;
}

/* The learned chooser's pick for cue ci, as a name (registered when it is
** new); the rules' choice when the chooser is off or agrees. */
static int32_t choose(kh_extractor *x, size_t ci)
{
    kx_cue *c = &x->cues[ci];
    if (!kx_attrib_on() || x->want_cands || c->ncand == 0 || x->nomem) return c->speaker;
    if (c->speaker >= 0 && x->names[c->speaker].dual) return c->speaker; /* members follow it */
    size_t k = kx_attrib_choose(x->cands + c->cand_first, c->ncand);
    const kx_cand *w = &x->cands[c->cand_first + k];
    if (k == 0) return c->speaker;
    return w->name >= 0 ? w->name : add_name(x, w->first, w->last);
}

/* Whether cue c is a finite verb after a source word and ما, with a subject
** written: وفق ما أكده X، حسب ما قاله X، بحسب ما صرح به X. */
static int source_verb(kh_extractor *x, const kx_cue *c)
{
    uint32_t i = c->tok;
    return c->np_last > c->np_first && i >= 2 && same_line(x, i - 2, i) &&
           kx_norm_is(x, i - 1, "ما") && kx_is(x, i - 2, KX_SOURCE) &&
           !(c->say & (KX_SAY_PARTICIPLE | KX_SAY_NOUN));
}

/* Whether cue c is the verb of a source that names who said something,
** X its explicit subject. */
static int said_source(kh_extractor *x, const kx_cue *c)
{
    uint32_t a = c->name_first;
    if (!source_verb(x, c) || c->name_last <= a) return 0;
    /* a person's name, as the subject itself or set off after a title: not a
    ** medium or a document that relays (وفق ما نقلته وكالة أنباء الإمارات،
    ** بحسب ما ذكره تقرير، بحسب ما أوردته "حرييت"), nor a title's complement */
    return person_name(x, a, c->name_last) &&
           (a == c->np_first || apposed_name(x, a, c->name_last)) && !kx_is(x, a, KX_AGENCY) &&
           !STEM_IN(x, a, DOCUMENTS) && !(a > 0 && (x->tk[a - 1].flags & KX_T_QMARK));
}

/* وفق ما أكده عضو تنسيقية اعتصام الفوار، زيد بن معتوق.: a source's title,
** then its person's name set off by a comma and ending the sentence. The
** name's tokens [*a, *b), or 0. */
static int said_source_apposed(kh_extractor *x, const kx_cue *c, uint32_t *a, uint32_t *b)
{
    uint32_t e = c->np_last;
    if (!source_verb(x, c) || !kx_is(x, c->np_first, KX_TITLE) || kx_is(x, c->np_first, KX_ORG) ||
        e + 2 >= x->A->ntokens || !same_line(x, e, e + 2) || !(x->tk[e].flags & KX_T_COMMA) ||
        (x->tk[e].flags & KX_T_WORD))
        return 0;
    uint32_t f = past_ranks(x, e + 1, 2, x->A->ntokens), l = f; /* ، الدكتور | أنيس قلوز */
    while (l < x->A->ntokens && same_line(x, f, l) && l - f < NAME_MAX_TOKENS &&
           (name_word(x, l) || NORM_IN(x, l, NASAB_LINKS)))
        l++;
    if (!person_name(x, f, l) ||
        (l < x->A->ntokens && same_line(x, f, l) && !(x->tk[l].flags & (KX_T_TERM | KX_T_COMMA))))
        return 0;
    *a = f;
    *b = l;
    return 1;
}

/* وأشار أزكارغورتا إلى أن تشافيز أبلغه بأن …. وأضاف: a verb whose subject
** opens another speaker's reported clause (or that opens it itself) reports
** speech inside that speech; the outer speaker is still the one a later
** dropped subject stands for. */
static int nested_cue(const kx_cue *outer, const kx_cue *c)
{
    uint32_t p = outer->clause_tok;
    if (p == UINT32_MAX || c->tok <= p || outer->speaker < 0) return 0;
    return c->tok == p + 1 || (c->np_first == p + 1 && c->np_last <= c->tok);
}

/* The named subject of a verb of saying earlier in the sentence of a
** statement no verb governs: وحذر بيان صادر عن وزارة الخارجية من التعامل
** مع "…" (a weak verb governs only a quote right after it, cue_before),
** not the last speaker. The nearest such verb on the line, no sentence end
** or other quote between; -1 when none. */
static int32_t sentence_verb_subject(kh_extractor *x, uint32_t open)
{
    for (size_t ci = x->ncues; ci-- > 0;) {
        const kx_cue *c = &x->cues[ci];
        if (c->tok >= open) continue;
        if (!same_line(x, c->tok, open) || !one_sentence(x, c->tok + 1, open, 1)) return -1;
        if (c->active || c->np_last <= c->np_first || c->name_last <= c->name_first) return -1;
        /* a body or a document named whole right after the verb: the
        ** subjects of verbs no statement follows are read loosely (تعهد وزير
        ** الخارجية | بإحداث قنصلية جديدة), so only these are trusted; not
        ** one that relays (ونقلت الوكالة عن X: «…» is X's) */
        if (c->np_first != c->tok + 1 || c->name_first != c->np_first || (c->say & KX_SAY_RELAY) ||
            !(kx_is(x, c->np_first, KX_ORG) || STEM_IN(x, c->np_first, DOCUMENTS)))
            return -1;
        return add_name(x, c->name_first, c->name_last);
    }
    return -1;
}

static void resolve_speakers(kh_extractor *x)
{
    history h;
    memset(&h, 0, sizeof h);
    size_t ci = 0, pi = 0;
    const kx_cue *outer = NULL; /* the last cue remembered not inside another's clause */
    while (ci < x->ncues || pi < x->npairs) {
        int take_cue = pi >= x->npairs || (ci < x->ncues && x->cues[ci].tok < x->pairs[pi].open);
        if (take_cue) {
            kx_cue *c = &x->cues[ci];
            uint32_t sa, sb;
            if (!c->active && c->clause_tok == UINT32_MAX && said_source(x, c)) {
                /* وفق ما أكده رضا بالحاج: no statement of its own, but who
                ** spoke; a later dropped subject (واعتبر أن) goes back to him */
                int32_t who = add_name(x, c->name_first, c->name_last);
                if (who >= 0) remember(&h, who, c->tok, c->say);
            } else if (!c->active && c->clause_tok == UINT32_MAX &&
                       said_source_apposed(x, c, &sa, &sb)) {
                int32_t who = add_name(x, sa, sb);
                if (who >= 0) remember(&h, who, c->tok, c->say);
            } else if (c->active || c->clause_tok != UINT32_MAX) {
                c->active = 1;
                int32_t relayed = relayed_from(x, c);
                if (relayed >= 0) {
                    c->speaker = relayed; /* ونقلت الوكالة عن الوزير أن: the minister's */
                } else if (c->np_last > c->np_first && hearsay(x, c->np_first, c->np_last)) {
                    c->speaker = -1; /* المزاعم التي تقول إن: nobody is named */
                } else if (c->np_last > c->np_first) {
                    c->speaker = add_name(x, c->name_first, c->name_last);
                    int32_t back = c->speaker >= 0 ? anonymous_anaphor(x, &h, c->speaker) : -1;
                    if (back < 0 && c->speaker >= 0) back = definite_anaphor(x, &h, c->speaker);
                    if (back < 0 && c->speaker >= 0) back = person_anaphor(x, &h, c);
                    if (back >= 0) c->speaker = back;
                } else {
                    c->speaker = (c->say & KX_SAY_NOUN) ? quoted_from(x, c) : -1;
                    if (c->speaker < 0) c->speaker = speech_owner(x, c);
                    if (c->speaker < 0) c->speaker = sentence_subject(x, ci);
                    if (c->speaker < 0) c->speaker = speech_event(x, ci);
                    if (c->speaker >= 0) {
                        /* وأجريت الدراسة …، كما أوضحت أن: the sentence's
                        ** definite head refers back as a subject's would */
                        int32_t back = definite_anaphor(x, &h, c->speaker);
                        if (back >= 0) c->speaker = back;
                    }
                    if (c->speaker < 0)
                        c->speaker =
                            introduced_person(x, ci, h.n == 0 || agreeing(x, &h, c->say) < 0);
                    if (c->speaker < 0) {
                        c->speaker = carried(x, &h, c->say);
                        c->carried = 1;
                    }
                }
                /* a feminine verb tells the gender of its own speaker, written
                ** or found (ودانت المتحدثة … هيذر نويرت …. وقالت "…". وتابعت أن),
                ** which a later dropped subject's agreement reads (agreeing);
                ** not a relayed one's (ونقلت الوكالة عن الوزير) */
                if (c->speaker >= 0 && relayed < 0 && !c->carried && (c->say & KX_SAY_FEM))
                    x->names[c->speaker].fem = 1;
                c->rule_speaker = c->speaker;
                if (kx_attrib_on() || x->want_cands) gather(x, ci, &h);
                if (c->speaker >= 0 && c->np_last > c->np_first) x->names[c->speaker].named++;
                if (c->speaker >= 0 && x->names[c->speaker].dual) {
                    c->members[0] = h.n > 0 ? h.who[0] : -1;
                    c->members[1] = h.n > 1 ? h.who[1] : -1;
                } else if (x->lines[x->tk[c->tok].line].kind != KX_LINE_TITLE) {
                    /* a headline's "X: …" carries into nothing */
                    remember(&h, c->speaker, c->tok, c->say);
                    if (outer && nested_cue(outer, c))
                        remember(&h, outer->speaker, outer->tok, outer->say);
                    else if (c->speaker >= 0)
                        outer = c;
                }
            }
            ci++;
            continue;
        }
        kx_pair *p = &x->pairs[pi++];
        if (!p->statement || p->cue >= 0) continue;
        int32_t by = according_to(x, p);
        if (by >= 0) {
            p->speaker = by; /* named, not carried: it goes on to later quotes */
            remember(&h, by, p->open, 0);
            continue;
        }
        int32_t subj = p->follows < 0 ? sentence_verb_subject(x, p->open) : -1;
        if (subj >= 0) {
            p->speaker = subj; /* وحذر بيان صادر عن الوزارة من التعامل مع "…" */
            remember(&h, subj, p->open, 0);
            continue;
        }
        if (p->follows >= 0) {
            const kx_pair *q = &x->pairs[p->follows];
            p->speaker = q->cue >= 0 ? x->cues[q->cue].speaker : q->speaker;
            if (p->speaker >= 0 && continued(x, q, p)) continue; /* one quotation: not carried */
        } else {
            p->speaker = h.n ? h.who[0] : -1;
        }
        p->carried = 1;
    }
    /* The chooser's picks replace the rules' only now: the rules above read
    ** the speakers of earlier verbs, and they read the rules' own. */
    for (size_t k = 0; k < x->ncues && kx_attrib_on(); k++)
        if (x->cues[k].active) x->cues[k].speaker = choose(x, k);
    for (size_t k = 0; k < x->npairs; k++) {
        kx_pair *p = &x->pairs[k];
        if (p->statement && p->cue >= 0) {
            p->speaker = x->cues[p->cue].speaker;
            p->carried = x->cues[p->cue].carried;
        } else if (p->statement && p->follows >= 0 && p->speaker < 0) {
            const kx_pair *q = &x->pairs[p->follows];
            p->speaker = q->speaker;
        }
    }
    for (size_t k = 0; k < x->nnames && k < MAX_FULLEST; k++) {
        if (anonymous_word(x, x->names[k].first) && !(x->tk[x->names[k].first].pro & KX_P_AL))
            continue; /* مصادر محلية and مصادر محلية يمنية may be two: as written */
        fullest(x, &x->names[k]); /* bounded: each costs a pass over the document */
        body_fullest(x, &x->names[k]);
        official_trim(x, &x->names[k].full);
    }
    for (size_t k = 0; k < x->nnames && k < MAX_FULLEST; k++)
        longer_speaker(x, k);
}

/* ---- sources ------------------------------------------------------------------------------ */

/* بحسب X، حسبما ذكرت X، وفقا لـ X، نقلا عن X: the relayer's name. */
static void find_sources(kh_extractor *x)
{
    for (uint32_t i = 0; i < x->A->ntokens && !x->nomem; i++) {
        if (!kx_is(x, i, KX_SOURCE) || x->tk[i].pair >= 0 || !in_text_line(x, i)) continue;
        const kx_line *L = &x->lines[x->tk[i].line];
        uint32_t k = i + 1;
        while (k < L->last && k < i + 3 &&
               ((tok(x, k)->flags & KH_TOKF_PREFIX) || kx_is(x, k, KX_STOP) || kx_is(x, k, KX_SAY)))
            k++; /* لـ، عن، ما ذكرت */
        uint32_t start = k < L->last ? x->tk[k].word_start : 0;
        if (k < L->last && (x->tk[k].pro & (KX_P_L | KX_P_B)) && !(x->tk[k].pro & KX_P_AL)) {
            const kh_token *t = tok(x, k);
            for (uint32_t j = 0; j + 1 < t->nsegs; j++)
                if (t->segs[j].role == KH_SEG_PROCLITIC) start = t->segs[j + 1].start;
        }
        uint32_t e = k;
        while (e < L->last && e - k < NAME_MAX_TOKENS + 2 && np_word(x, e) &&
               (e == k || !(x->tk[e].pro & (KX_P_B | KX_P_L))))
            e++;
        if (e == k) continue;
        kh_source s = {kx_span(start, tok(x, e - 1)->end),
                       kx_span(x->tk[i].word_start, tok(x, i)->end)};
        KX_PUSH(x, x->sources, x->nsources, x->capsources, s);
        i = e - 1;
    }
}

/* ---- for entities.c ---------------------------------------------------------------------- */

int kx_name_word(const kh_extractor *x, uint32_t i)
{
    return name_word(x, i);
}

uint32_t kx_sentence_first(const kh_extractor *x, uint32_t i)
{
    return sentence_first(x, i);
}

int kx_same_stem(const kh_extractor *x, uint32_t a, uint32_t b)
{
    return same_stem(x, a, b);
}

int kx_name_tok_eq(const kh_extractor *x, uint32_t a, uint32_t b)
{
    return name_tok_eq(x, a, b);
}

int kx_name_seq_eq(const kh_extractor *x, uint32_t a, uint32_t b, uint32_t n)
{
    return name_seq_eq(x, a, b, n);
}

int kx_al_name(const kh_extractor *x, uint32_t i)
{
    return al_name(x, i);
}

int kx_name_link(kh_extractor *x, uint32_t i)
{
    return NORM_IN(x, i, NAME_LINKS);
}

void kx_stem_norm(const kh_extractor *x, uint32_t i, const char **s, size_t *n)
{
    stem_norm(x, i, s, n);
}

int kx_stem_is(kh_extractor *x, uint32_t i, const char *lit)
{
    return stem_is(x, i, lit);
}

int kx_stem_in(kh_extractor *x, uint32_t i, const char *const *list, size_t n)
{
    return stem_in(x, i, list, n);
}

int kx_norm_in(kh_extractor *x, uint32_t i, const char *const *list, size_t n)
{
    return norm_in(x, i, list, n);
}

/* ---- output --------------------------------------------------------------------------------- */

static kh_span name_span(const kh_extractor *x, int32_t n)
{
    return n >= 0 ? x->names[n].full : kx_none();
}

/* Text order; a direct quote before a reported clause starting at the same byte. */
static int by_text_start(const void *a, const void *b)
{
    const kh_quote *p = a, *q = b;
    if (p->text.start != q->text.start) return p->text.start < q->text.start ? -1 : 1;
    if (p->kind != q->kind) return p->kind < q->kind ? -1 : 1;
    return (p->text.end > q->text.end) - (p->text.end < q->text.end);
}

static void emit(kh_extractor *x)
{
    for (size_t k = 0; k < x->npairs; k++) {
        const kx_pair *p = &x->pairs[k];
        if (!p->statement) continue;
        kh_quote q;
        memset(&q, 0, sizeof q);
        q.kind = KH_QUOTE_DIRECT;
        q.text = p->text;
        q.marks = p->marks;
        q.speaker = name_span(x, p->speaker);
        q.mention = kx_none();
        q.cue = kx_none();
        q.members[0] = q.members[1] = kx_none();
        if (p->cue >= 0) {
            const kx_cue *c = &x->cues[p->cue];
            q.cue = kx_span(tok(x, c->tok)->start, tok(x, c->tok)->end);
            if (!c->carried) q.mention = c->np_span;
            q.members[0] = name_span(x, c->members[0]);
            q.members[1] = name_span(x, c->members[1]);
        }
        if (p->carried) q.flags |= KH_QF_CARRIED;
        if (p->close == UINT32_MAX) q.flags |= KH_QF_UNCLOSED;
        q.confidence = p->speaker >= 0 ? p->confidence : p->confidence * 0.8f;
        if (p->carried) q.confidence *= 0.9f;
        KX_PUSH(x, x->quotes, x->nquotes, x->capquotes, q);
    }
    for (size_t k = 0; k < x->ncues; k++) {
        const kx_cue *c = &x->cues[k];
        if (c->clause_tok == UINT32_MAX) continue;
        kh_quote q;
        memset(&q, 0, sizeof q);
        q.kind = KH_QUOTE_REPORTED;
        q.text = q.marks = c->clause;
        q.speaker = name_span(x, c->speaker);
        q.mention = c->carried ? kx_none() : c->np_span;
        q.cue = kx_span(tok(x, c->tok)->start, tok(x, c->tok)->end);
        q.members[0] = name_span(x, c->members[0]);
        q.members[1] = name_span(x, c->members[1]);
        q.flags = c->carried ? KH_QF_CARRIED : 0;
        q.confidence = c->speaker < 0 ? 0.5f : c->carried ? 0.7f : 0.85f;
        KX_PUSH(x, x->quotes, x->nquotes, x->capquotes, q);
    }
    if (x->nquotes > 1) qsort(x->quotes, x->nquotes, sizeof *x->quotes, by_text_start);
}

/* A relaying verb is one of saying only with عن before the إن/أن clause
** (نقلت الوكالة عن مصادر أن). With a pronoun it describes the speech, whose
** statement is the main verb's (في تصريح نقلته الوكالة إن); without عن it
** is mostly the noun or verb of carrying (نقل المصابين، نقلوا من السجن),
** which must not end another verb's search for its clause. */
#define RELAY_SPAN 12
static int relay_idle(kh_extractor *x, uint32_t i)
{
    if (!kx_is(x, i, KX_SAY) || !(x->tk[i].e->say & KX_SAY_RELAY)) return 0;
    if (x->tk[i].flags & KX_T_ENC) return 1;
    for (uint32_t k = i + 1; k < x->A->ntokens && k - i <= RELAY_SPAN && same_line(x, i, k); k++) {
        if (x->tk[k].flags & (KX_T_TERM | KX_T_PARTICLE)) return 1;
        if (stem_is(x, k, "عن") && !x->tk[k].pro) return 0;
    }
    return 1;
}

void kx_speech(kh_extractor *x)
{
    if (x->nomem) return;
    for (uint32_t i = 0; i < x->A->ntokens; i++)
        if (verb_in_subject(x, i) || relay_idle(x, i))
            x->tk[i].e = NULL; /* a name here, in no word list */
    find_cues(x);
    for (size_t k = 0; k < x->ncues; k++)
        find_clause(x, &x->cues[k]);
    mark_clauses(x);
    if (kx_grow(x, (void **)&x->stmtx, &x->capstmtx, x->npairs * KX_STMT_NF, sizeof *x->stmtx))
        return;
    classify(x);
    decide(x);
    resolve_speakers(x);
    find_sources(x);
    if (!x->nomem) emit(x);
}
