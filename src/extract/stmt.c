/*
** stmt.c - the features of a quoted span and its learned statement score
** (see stmt.h for the columns).
**
** A quotation speaks: it holds function words, verbs, first- and
** second-person pronouns, punctuation, and is governed by a verb of saying
** or a colon. A name or a term is short, sits after a preposition, a title
** or a naming noun, carries the sentence's syntax on after its close, and
** often comes back elsewhere in the text. The row gives those facts, with
** the rules' own answers (speakers.c), to a logistic model whose weights
** are generated into models/stmt.c by tools/train-stmt.py.
**
** Guarantees: reads the extractor's state only; never allocates; every
** feature lies in [0, 1] except the scaled logarithms, which stay below 3
** for any span the pairing can produce (a paragraph of words).
** Does not: pair marks (quotes.c) or pick speakers (speakers.c).
*/
#include "extract/stmt.h"

#include <math.h>
#include <string.h>

#define KX_SF_NAME(n) #n,
const char *const kx_stmt_names[KX_STMT_NF] = {KX_STMT_FEATURES(KX_SF_NAME)};
#undef KX_SF_NAME

#define REPEAT_MAX_WORDS 4      /* longer spans are sentences, not names that recur */
#define REPEAT_WINDOW    16384u /* bytes searched each way: bounded work per pair */

static const kh_token *tok(const kh_extractor *x, uint32_t i)
{
    return &x->A->tokens[i];
}

/* The text of token t's stem segment, or of the whole token when it is not
** segmented. OUT: *len. */
static const char *stem_text(const kh_token *t, size_t *len)
{
    const char *s = t->norm;
    *len = t->norm_len;
    for (uint32_t k = 0; k < t->nsegs; k++)
        if (t->segs[k].role == KH_SEG_STEM) {
            s = t->segs[k].text;
            *len = t->segs[k].len;
        }
    return s;
}

/* Whether the text of token i's stem segment (or of the token, when it is
** not segmented) is one of the n literals, as the segmenter writes it. */
static int stem_text_in(const kh_extractor *x, uint32_t i, const char *const *lits, size_t n)
{
    size_t len;
    const char *s = stem_text(tok(x, i), &len);
    for (size_t q = 0; q < n; q++)
        if (len >= 2 && lits[q][0] == s[0] && lits[q][1] == s[1] && strlen(lits[q]) == len &&
            !memcmp(lits[q], s, len))
            return 1;
    return 0;
}

/* Whether token i carries one of the n enclitic pronouns. */
static int enclitic_in(const kh_extractor *x, uint32_t i, const char *const *lits, size_t n)
{
    const kh_token *t = tok(x, i);
    for (uint32_t k = 1; k < t->nsegs; k++) {
        if (t->segs[k].role != KH_SEG_ENCLITIC) continue;
        for (size_t q = 0; q < n; q++)
            if (strlen(lits[q]) == t->segs[k].len &&
                !memcmp(lits[q], t->segs[k].text, t->segs[k].len))
                return 1;
    }
    return 0;
}

/* Closed classes: pronouns, pronoun suffixes, prepositions. General
** grammar, not words of any article. */
static const char *const PRON1[] = {"أنا", "انا", "نحن"};
static const char *const ENC1[] = {"نا", "ني"};
static const char *const PRON2[] = {"أنت", "انت", "أنتم", "انتم", "أنتن", "انتما", "أنتما"};
static const char *const ENC2[] = {"ك", "كم", "كن", "كما"};
static const char *const FUTURE[] = {"سوف"};
static const char *const PREPS[] = {"في", "عن",  "من",  "على", "علي", "إلى", "الى", "إلي", "الي",
                                    "مع", "عبر", "حول", "بين", "وفق", "ل",   "ب",   "ك",   "لدى"};

#define IN(x, i, list)     stem_text_in((x), (i), (list), sizeof(list) / sizeof(list)[0])
#define ENC_IN(x, i, list) enclitic_in((x), (i), (list), sizeof(list) / sizeof(list)[0])

/* Whether token i, without و/ف/ل/س before it and with no ال, is lead (a
** two-byte letter) and 3 or 4 more letters: the shape of an imperfect verb
** (أريد، يحفظ). Some nouns and names share it (أحمد، يوسف); the weights
** know how far to trust it. Letters are counted as two-byte sequences. */
static int verb_shape(const kh_extractor *x, uint32_t i, const char *lead)
{
    const kh_token *t = tok(x, i);
    if (t->kind != KH_TOK_ARABIC || (x->tk[i].pro & (KX_P_AL | KX_P_B | KX_P_K))) return 0;
    size_t len;
    const char *s = stem_text(t, &len);
    return (len == 8 || len == 10) && !memcmp(s, lead, 2);
}

/* Inside the span: who speaks, whether it has verbs and function words. */
static void span_features(const kh_extractor *x, const kx_pair *p, float *row)
{
    uint32_t end = p->close != UINT32_MAX ? p->close : x->lines[x->tk[p->open].line].last;
    uint32_t words = 0, stops = 0, defs = 0, plain = 0;
    for (uint32_t i = p->open + 1; i < end && i < x->A->ntokens; i++) {
        const kx_tok *t = &x->tk[i];
        if (t->flags & (KX_T_COMMA | KX_T_TERM)) row[KX_SF_PUNCT_IN] = 1;
        if (tok(x, i)->kind == KH_TOK_NUMBER || tok(x, i)->kind == KH_TOK_LATIN)
            row[KX_SF_LATIN_DIGIT] = 1;
        if (!(t->flags & KX_T_WORD)) continue;
        if (t->pro & KX_P_AL) defs++;
        if (!(t->pro & KX_P_AL) && !kx_is(x, i, KX_STOP | KX_SAY) && !(t->flags & KX_T_PARTICLE))
            plain++;
        if (!words) {
            if (t->pro & (KX_P_B | KX_P_L | KX_P_K)) row[KX_SF_FIRST_CLITIC] = 1;
            if (t->flags & KX_T_PARTICLE) row[KX_SF_FIRST_PARTICLE] = 1;
        }
        words++;
        if (kx_is(x, i, KX_STOP)) stops++;
        int pron = !(t->pro & ~(uint32_t)(KX_P_W | KX_P_F)) && tok(x, i)->norm_len <= 12; /* وأنا */
        if ((pron && IN(x, i, PRON1)) || ENC_IN(x, i, ENC1)) row[KX_SF_FIRST_PERSON] = 1;
        if ((pron && IN(x, i, PRON2)) || ENC_IN(x, i, ENC2)) row[KX_SF_SECOND_PERSON] = 1;
        if (kx_is(x, i, KX_SAY) && !(t->pro & KX_P_AL)) row[KX_SF_SAY_INSIDE] = 1;
        if (t->flags & KX_T_PARTICLE) row[KX_SF_PARTICLE_IN] = 1;
        if (verb_shape(x, i, "أ")) row[KX_SF_VERB_I] = 1;
        if (verb_shape(x, i, "ي")) row[KX_SF_VERB_HE] = 1;
        if ((t->pro & KX_P_S) || IN(x, i, FUTURE)) row[KX_SF_FUTURE_IN] = 1;
    }
    if (words) row[KX_SF_STOP_SHARE] = (float)stops / (float)words;
    row[KX_SF_NAME_SHAPE] = words && words <= 4 && plain == words;
    row[KX_SF_ALL_DEFINITE] = words && defs == words;
}

/* The sentence around the pair: [first, last] tokens of its line between
** terminators outside marks. Whether a verb of saying stands in it outside
** any marks, and how many other pairs it holds. */
static void sentence_features(const kh_extractor *x, size_t pi, float *row)
{
    const kx_pair *p = &x->pairs[pi];
    const kx_line *L = &x->lines[x->tk[p->open].line];
    uint32_t a = p->open, b = p->close != UINT32_MAX ? p->close : p->open;
    while (a > L->first && !((x->tk[a - 1].flags & KX_T_TERM) && x->tk[a - 1].pair < 0))
        a--;
    while (b + 1 < L->last && !((x->tk[b + 1].flags & KX_T_TERM) && x->tk[b + 1].pair < 0))
        b++;
    int32_t seen = (int32_t)pi;
    uint32_t others = 0;
    for (uint32_t k = a; k <= b && k < L->last; k++) {
        int32_t q = x->tk[k].pair;
        if (q >= 0) {
            if (q != seen && x->pairs[q].open == k) {
                others += others < 3;
                seen = q;
            }
            continue;
        }
        if (kx_is(x, k, KX_SAY) && !(x->tk[k].pro & KX_P_AL)) row[KX_SF_SENT_SAY] = 1;
    }
    row[KX_SF_SENT_QUOTES] = (float)others / 3.0f;
}

/* The word before the opening mark, and what follows the closing one. */
static void context_features(const kh_extractor *x, const kx_pair *p, float *row)
{
    const kx_line *L = &x->lines[x->tk[p->open].line];
    if (p->open == L->first) {
        row[KX_SF_PREV_NONE] = 1;
    } else {
        uint32_t prev = p->open - 1;
        const kh_token *pt = tok(x, prev);
        if (pt->end == tok(x, p->open)->start && pt->kind != KH_TOK_PUNCT) row[KX_SF_GLUED] = 1;
        if (x->tk[prev].flags & KX_T_COMMA)
            row[KX_SF_PREV_COMMA] = 1;
        else if (kx_is(x, prev, KX_SAY) && !(x->tk[prev].pro & KX_P_AL))
            row[KX_SF_PREV_SAY] = 1;
        else if ((pt->flags & KH_TOKF_PREFIX) || IN(x, prev, PREPS))
            row[KX_SF_PREV_PREP] = 1;
        else if (kx_is(x, prev, KX_NAMEHEAD))
            row[KX_SF_PREV_NAMEHEAD] = 1;
        else if (kx_is(x, prev, KX_TITLE))
            row[KX_SF_PREV_TITLE] = 1;
        else if (x->tk[prev].flags & KX_T_PARTICLE)
            row[KX_SF_PREV_PARTICLE] = 1;
        else if ((x->tk[prev].flags & KX_T_WORD) && (x->tk[prev].pro & KX_P_AL))
            row[KX_SF_PREV_DEFINITE] = 1;
        else if (x->tk[prev].flags & KX_T_WORD)
            row[KX_SF_PREV_OTHER] = 1;
    }
    if (p->close == UINT32_MAX) {
        row[KX_SF_UNCLOSED] = 1;
        return;
    }
    uint32_t next = p->close + 1;
    if (next >= L->last) {
        row[KX_SF_NEXT_TERM] = 1;
    } else if (x->tk[next].flags & KX_T_TERM) {
        row[KX_SF_NEXT_TERM] = 1;
    } else if (x->tk[next].flags & KX_T_COMMA) {
        row[KX_SF_NEXT_COMMA] = 1;
    } else if (x->tk[next].flags & KX_T_WORD) {
        row[KX_SF_NEXT_WORD] = 1;
    }
    uint32_t k = next;
    while (k < L->last && tok(x, k)->kind == KH_TOK_PUNCT && !(x->tk[k].flags & KX_T_QMARK))
        k++;
    if (k >= L->last) row[KX_SF_LINE_WHOLE] = 1;
}

/* The grammar of the word before the opening mark. A bare noun (no ال, no
** pronoun suffix, not a function word) followed by a span whose first word
** has ال is a genitive construct, مستهلك "الزطلة", تمويل "الكنام": the span
** is a noun that completes the noun before it, a term or a name, whereas an
** evaluative partial quote is an adjective or a predicate (عدد "كبير"،
** دعمها "واجب"، يكون "متورطا"), hence the two other columns. */
static void grammar_features(const kh_extractor *x, const kx_pair *p, float *row)
{
    const kx_line *L = &x->lines[x->tk[p->open].line];
    if (p->open == L->first) return;
    uint32_t prev = p->open - 1;
    const kx_tok *t = &x->tk[prev];
    if (!(t->flags & KX_T_WORD) || (t->flags & KX_T_PARTICLE) ||
        (tok(x, prev)->flags & KH_TOKF_PREFIX))
        return;
    if (t->flags & KX_T_ENC) row[KX_SF_PREV_ENC] = 1;
    if (verb_shape(x, prev, "ي")) row[KX_SF_PREV_VERB] = 1; /* يكون is a function word too */
    if (kx_is(x, prev, KX_STOP | KX_SAY) || (t->pro & KX_P_AL) || (t->flags & KX_T_ENC) ||
        tok(x, prev)->kind != KH_TOK_ARABIC || tok(x, prev)->norm_len <= 2)
        return; /* a lone letter is a detached clitic: ب"الدعاية" */
    uint32_t end = p->close != UINT32_MAX ? p->close : L->last;
    for (uint32_t i = p->open + 1; i < end && i < x->A->ntokens; i++)
        if (x->tk[i].flags & KX_T_WORD) {
            row[KX_SF_IDAFA] = (x->tk[i].pro & KX_P_AL) != 0;
            return;
        }
}

#define LIST_WORDS 3 /* longer spans joined by و are clauses of one quote, not items */

int kx_list_gap(const kh_extractor *x, uint32_t from, uint32_t to)
{
    if (from >= to) return 0;
    for (uint32_t k = from; k < to; k++) {
        const kh_token *t = tok(x, k);
        if (x->tk[k].flags & KX_T_COMMA) continue;
        if (t->kind == KH_TOK_ARABIC &&
            ((t->norm_len == 2 && !memcmp(t->norm, "\xd9\x88", 2)) ||
             (t->norm_len == 4 && !memcmp(t->norm, "\xd8\xa7\xd9\x88", 4))))
            continue; /* و، أو */
        return 0;
    }
    return 1;
}

/* Whether pair pi and a neighbouring pair, both short, on one line, are
** items of a list: "كلاشينكوف" و"شطاير" و"فال". */
static int listed_pair(const kh_extractor *x, size_t pi)
{
    const kx_pair *p = &x->pairs[pi];
    if (p->close == UINT32_MAX || p->nwords > LIST_WORDS) return 0;
    uint32_t line = x->tk[p->open].line;
    if (pi > 0) {
        const kx_pair *q = &x->pairs[pi - 1];
        if (q->close != UINT32_MAX && q->close < p->open && q->nwords <= LIST_WORDS &&
            x->tk[q->close].line == line && kx_list_gap(x, q->close + 1, p->open))
            return 1;
    }
    if (pi + 1 < x->npairs) {
        const kx_pair *q = &x->pairs[pi + 1];
        if (q->open > p->close && q->close != UINT32_MAX && q->nwords <= LIST_WORDS &&
            x->tk[q->open].line == line && kx_list_gap(x, p->close + 1, q->open))
            return 1;
    }
    return 0;
}

/* Whether the span's bytes (spaces trimmed) stand again elsewhere within
** REPEAT_WINDOW bytes of it: names and terms recur, a sentence rarely does. */
static int repeated(const kh_extractor *x, const kx_pair *p)
{
    if (p->close == UINT32_MAX || p->nwords == 0 || p->nwords > REPEAT_MAX_WORDS) return 0;
    uint32_t s = p->text.start, e = p->text.end;
    while (s < e && x->text[s] == ' ')
        s++;
    while (e > s && x->text[e - 1] == ' ')
        e--;
    size_t n = e - s;
    if (n < 4) return 0;
    size_t lo = s > REPEAT_WINDOW ? s - REPEAT_WINDOW : 0;
    size_t hi = x->len - e > REPEAT_WINDOW ? e + REPEAT_WINDOW : x->len;
    /* Arabic letters share a few lead bytes (0xD8, 0xD9), so the search keys
    ** on the needle's second byte, a continuation byte that is far rarer */
    const uint8_t *needle = x->text + s;
    for (size_t i = lo + 1; i + n - 1 <= hi;) {
        const uint8_t *hit = memchr(x->text + i, needle[1], hi - (n - 1) + 1 - i);
        if (!hit) break;
        size_t at = (size_t)(hit - x->text) - 1;
        if (at != s && x->text[at] == needle[0] && !memcmp(x->text + at, needle, n)) return 1;
        i = at + 2;
    }
    return 0;
}

static void cue_features(const kh_extractor *x, const kx_pair *p, const kx_stmt_facts *f,
                         float *row)
{
    if (f->cue_before >= 0) {
        const kx_cue *c = &x->cues[f->cue_before];
        row[KX_SF_CUE_BEFORE] = 1;
        row[KX_SF_CUE_STRONG] = (c->say & KX_SAY_STRONG) != 0;
        row[KX_SF_CUE_OBJECT] = (c->say & KX_SAY_OBJECT) != 0;
        row[KX_SF_CUE_CLAUSE] = c->clause_tok != UINT32_MAX;
        row[KX_SF_CUE_PARTICIPLE] = (c->say & KX_SAY_PARTICIPLE) != 0;
        row[KX_SF_CUE_DIST] = logf(1.0f + (float)(p->open - c->tok)) / 3.0f;
        uint32_t after = c->np_last > c->tok ? c->np_last : c->tok + 1;
        if (after < p->open && (x->tk[after].flags & KX_T_COLON)) after++;
        row[KX_SF_CUE_ADJ] = after == p->open;
        row[KX_SF_CUE_PREP] = after + 1 == p->open &&
                              ((tok(x, after)->flags & KH_TOKF_PREFIX) || IN(x, after, PREPS));
    }
    row[KX_SF_CUE_AFTER] = f->cue_after >= 0;
    row[KX_SF_CUED] = f->colon || f->cue_before >= 0 || f->cue_after >= 0;
}

int kx_stmt_rules_only(void)
{
    for (size_t k = 0; k < KX_STMT_NF; k++)
        if (kx_stmt_w[k] != 0 && k != KX_SF_BIAS && k != KX_SF_RULE_STMT) return 0;
    return 1;
}

void kx_stmt_features(const kh_extractor *x, size_t pi, const kx_stmt_facts *f, int full,
                      float *row)
{
    const kx_pair *p = &x->pairs[pi];
    const kx_line *L = &x->lines[x->tk[p->open].line];
    memset(row, 0, KX_STMT_NF * sizeof *row);
    row[KX_SF_BIAS] = 1;
    row[KX_SF_RULE_STMT] = f->rule_stmt != 0;
    row[KX_SF_LINE_START] = p->open == L->first;
    if (!full) return;
    row[KX_SF_RULE_NAME] = f->rule_name != 0;
    row[KX_SF_RULE_SPKNAME] = f->rule_spkname != 0;
    row[KX_SF_RULE_LISTED] = f->rule_listed != 0;
    row[KX_SF_RULE_FOLLOWS] = f->rule_follows != 0;
    row[KX_SF_COLON] = f->colon != 0;
    row[KX_SF_STRONG_SENT] = f->strong_sentence != 0;
    cue_features(x, p, f, row);
    row[KX_SF_IN_CLAUSE] = x->tk[p->open].in_clause != 0;
    row[KX_SF_TITLE_LINE] = L->kind == KX_LINE_TITLE;
    uint32_t nw = p->nwords;
    row[nw <= 1 ? KX_SF_W1 : nw <= 3 ? KX_SF_W2_3 : nw <= 7 ? KX_SF_W4_7 : KX_SF_W8] = 1;
    row[KX_SF_LOG_WORDS] = logf(1.0f + (float)nw) / 3.0f;
    span_features(x, p, row);
    context_features(x, p, row);
    row[KX_SF_REPEATED] = (float)repeated(x, p);
    sentence_features(x, pi, row);
    int cued = f->colon || f->cue_before >= 0 || f->cue_after >= 0;
    row[KX_SF_SHORT_NOCUE] = nw <= 3 && !cued;
    row[KX_SF_SHORT_CLAUSE] = nw <= 3 && x->tk[p->open].in_clause;
    uint8_t m = p->marks.start < x->len ? x->text[p->marks.start] : 0;
    row[m == '"' ? KX_SF_FAM_ASCII : m == 0xC2 ? KX_SF_FAM_GUILLEMET : KX_SF_FAM_CURLY] = 1;
    grammar_features(x, p, row);
    row[KX_SF_LIST] = (float)listed_pair(x, pi);
}

float kx_stmt_prob(const float *row)
{
    float z = 0;
    for (size_t k = 0; k < KX_STMT_NF; k++)
        z += kx_stmt_w[k] * row[k];
    return 1.0f / (1.0f + expf(-z));
}
