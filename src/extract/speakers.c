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
**    without a colon are names or terms, not statements (§6.7).
** 4. Speakers are resolved in text order: an explicit subject becomes the
**    last speaker; a dropped subject takes it, across paragraphs and
**    subheadings (§6.5). A dual subject (الوزيران) stands for the two most
**    recent distinct speakers (§6.6).
** 5. Fullest name: each speaker's name is looked up in every other mention
**    of it, extended over neighbouring name words when the mention follows a
**    title or a nisba (نظيره الصيني وانغ يي), and the longest form wins.
*/
#include "extract/extract.h"

#include <string.h>

#define NP_MAX 10
#define NAME_MAX_TOKENS 4
#define LEFT_NP_MAX 6
#define CLAUSE_GAP_STRONG 25
#define CLAUSE_GAP_WEAK 5
#define CLAUSE_GAP_NO_COMMA 7
#define LONG_QUOTE_WORDS 8
#define SHORT_NAME_WORDS 3
#define NAMEHEAD_WORDS 6
#define NP_QUOTE_WORDS 5

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

/* A word that may be part of a subject noun phrase. */
static int np_word(const kh_extractor *x, uint32_t i)
{
    if (!is_word(x, i) || (x->tk[i].flags & KX_T_PARTICLE))
        return 0;
    if (tok(x, i)->flags & KH_TOKF_PREFIX)
        return 0; /* a detached لـ */
    if (kx_is(x, i, KX_STOP | KX_SAY | KX_TIME | KX_SOURCE | KX_RELDATE | KX_WEEKDAY))
        return kx_is(x, i, KX_TITLE) != 0;
    return 1;
}

/* ---- noun phrases ----------------------------------------------------------------- */

/* The subject after a verb: tokens [from, *end). A short quoted name inside
** it (منظمة «هيومن رايتس ووتش») is taken whole and marked in_np. */
static uint32_t np_right(kh_extractor *x, uint32_t from, uint32_t limit)
{
    uint32_t k = from;
    while (k < limit && k - from < NP_MAX) {
        const kx_tok *t = &x->tk[k];
        if (t->flags & KX_T_QMARK) {
            int32_t pi = t->pair;
            if (pi < 0 || x->pairs[pi].open != k || x->pairs[pi].close == UINT32_MAX ||
                x->pairs[pi].nwords > NP_QUOTE_WORDS || k == from)
                break;
            uint32_t after = x->pairs[pi].close + 1;
            if (after < limit && !(x->tk[after].flags & (KX_T_PARTICLE | KX_T_COLON | KX_T_COMMA)) &&
                !kx_is(x, after, KX_STOP | KX_TIME | KX_SAY))
                break;
            x->pairs[pi].in_np = 1;
            k = after;
            continue;
        }
        if (!np_word(x, k))
            break;
        if (k == from && (t->pro & (KX_P_B | KX_P_L | KX_P_K)) && !kx_is(x, k, KX_TITLE))
            break; /* صرح لوكالة …: an addressee, not a subject */
        k++;
    }
    return k;
}

/* The subject before a verb (روسيا تقول): tokens [*first, verb). */
static uint32_t np_left(kh_extractor *x, uint32_t verb, uint32_t line_first)
{
    uint32_t k = verb;
    while (k > line_first && verb - k < LEFT_NP_MAX && np_word(x, k - 1) &&
           !(x->tk[k - 1].pro & (KX_P_B | KX_P_L | KX_P_K))) {
        k--;
        if (x->tk[k].pro & (KX_P_W | KX_P_F))
            break; /* وروسيا تقول: the conjunction starts the phrase */
    }
    return k;
}

/* The name inside a subject: what follows its titles and their
** complements (الرئيس الأمريكي | جو بايدن), or the whole phrase. */
static void np_name(kh_extractor *x, kx_cue *c)
{
    uint32_t a = c->np_first, b = c->np_last;
    c->name_first = a;
    c->name_last = b;
    for (uint32_t k = a; k < b; k++) {
        int32_t pi = x->tk[k].pair;
        if ((x->tk[k].flags & KX_T_QMARK) && pi >= 0 && x->pairs[pi].in_np) {
            c->name_first = k + 1;
            c->name_last = x->pairs[pi].close;
            return;
        }
    }
    if (!kx_is(x, a, KX_TITLE))
        return;
    uint32_t k = a;
    while (k < b && (kx_is(x, k, KX_TITLE) || (x->tk[k].pro & (KX_P_AL | KX_P_B | KX_P_L))))
        k++;
    if (k < b)
        c->name_first = k;
}

/* ---- cues ---------------------------------------------------------------------------- */

static int in_text_line(const kh_extractor *x, uint32_t i)
{
    uint32_t kind = x->lines[x->tk[i].line].kind;
    return kind == KX_LINE_BODY || kind == KX_LINE_SUBHEAD || kind == KX_LINE_TITLE;
}

static void add_cue(kh_extractor *x, uint32_t i, uint16_t say)
{
    const kx_line *L = &x->lines[x->tk[i].line];
    kx_cue c;
    memset(&c, 0, sizeof c);
    c.tok = i;
    c.say = say;
    c.speaker = -1;
    c.members[0] = c.members[1] = -1;
    c.clause_tok = UINT32_MAX;
    c.clause = c.np_span = kx_none();
    c.np_first = c.np_last = i + 1;
    if (!(say & KX_SAY_PARTICIPLE)) {
        if (x->tk[i].flags & KX_T_COLON) {
            c.np_first = np_left(x, i, L->first);
            c.np_last = i;
        } else {
            c.np_last = np_right(x, i + 1, L->last);
            if (c.np_last == c.np_first && !(x->tk[i].pro & (KX_P_W | KX_P_F))) {
                c.np_first = np_left(x, i, L->first);
                c.np_last = i;
            }
        }
    }
    if (c.np_last > c.np_first) {
        c.np_span = kx_span(x->tk[c.np_first].word_start, tok(x, c.np_last - 1)->end);
        np_name(x, &c);
    }
    KX_PUSH(x, x->cues, x->ncues, x->capcues, c);
}

/* A colon after a bare noun phrase at a sentence start introduces a quote:
** لافروف: “…” (headlines, interviews). */
static int colon_cue(kh_extractor *x, uint32_t i)
{
    const kx_line *L = &x->lines[x->tk[i].line];
    if (i == L->first || i + 1 >= L->last || !(x->tk[i + 1].flags & KX_T_QMARK))
        return 0;
    if (kx_is(x, i - 1, KX_SAY) || !np_word(x, i - 1))
        return 0;
    uint32_t f = np_left(x, i, L->first);
    return f == L->first || (x->tk[f - 1].flags & (KX_T_TERM | KX_T_COMMA | KX_T_DASH));
}

static void find_cues(kh_extractor *x)
{
    for (uint32_t i = 0; i < x->A->ntokens && !x->nomem; i++) {
        const kx_tok *t = &x->tk[i];
        if (t->pair >= 0 || !in_text_line(x, i))
            continue;
        if (kx_is(x, i, KX_SAY) && !(t->pro & (KX_P_AL | KX_P_B | KX_P_L | KX_P_K)))
            add_cue(x, i, t->e->say);
        else if ((t->flags & KX_T_COLON) && colon_cue(x, i))
            add_cue(x, i, KX_SAY_STRONG);
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

/* Words that, before أن, make it no clause of saying (بعد أن، يجب أن). */
static const char *const NOT_BEFORE_PARTICLE[] = {"بعد", "قبل", "منذ", "دون", "يجب", "يمكن",
                                                   "حتى", "رغم", "بد", "ينبغي", "عوض", "بدل"};

static int particle_blocked(kh_extractor *x, uint32_t i)
{
    if (x->tk[i].pro & (KX_P_L | KX_P_K))
        return 1; /* لأن because, كأن as if */
    if (i == 0 || !is_word(x, i - 1))
        return 0;
    char buf[32];
    const kh_token *p = tok(x, i - 1);
    for (size_t k = 0; k < sizeof NOT_BEFORE_PARTICLE / sizeof NOT_BEFORE_PARTICLE[0]; k++) {
        size_t n = kx_fold(NOT_BEFORE_PARTICLE[k], strlen(NOT_BEFORE_PARTICLE[k]), buf);
        if (p->norm_len == n && !memcmp(p->norm, buf, n))
            return 1;
    }
    return 0;
}

static void find_clause(kh_extractor *x, kx_cue *c)
{
    if (x->tk[c->tok].flags & KX_T_COLON)
        return;
    const kx_line *L = &x->lines[x->tk[c->tok].line];
    int strong = (c->say & KX_SAY_STRONG) != 0;
    uint32_t from = c->np_last > c->tok ? c->np_last : c->tok + 1;
    uint32_t commas = 0;
    for (uint32_t k = from; k < L->last; k++) {
        const kx_tok *t = &x->tk[k];
        if (t->pair >= 0 || (t->flags & (KX_T_TERM | KX_T_COLON | KX_T_QMARK)))
            return;
        if (kx_is(x, k, KX_SAY) && !(t->pro & KX_P_AL))
            return;
        if ((t->flags & KX_T_PARTICLE) && !particle_blocked(x, k)) {
            c->clause_tok = k;
            c->clause = kx_span(tok(x, k)->start, tok(x, sentence_last(x, k))->end);
            return;
        }
        if (t->flags & KX_T_COMMA) {
            if (!strong || ++commas > 2)
                return;
            continue;
        }
        uint32_t gap = k - from;
        if (!strong && gap >= CLAUSE_GAP_WEAK)
            return;
        if (!commas && gap >= CLAUSE_GAP_NO_COMMA)
            return;
        if (gap >= CLAUSE_GAP_STRONG)
            return;
    }
}

/* ---- statements ----------------------------------------------------------------------- */

/* The cue that governs a quote opening at token open, or -1: a colon
** right before it, or a verb of saying earlier in the same sentence. */
static int32_t cue_before(kh_extractor *x, uint32_t open)
{
    for (size_t ci = x->ncues; ci-- > 0;) {
        const kx_cue *c = &x->cues[ci];
        if (c->tok >= open)
            continue;
        if (!same_line(x, c->tok, open))
            return -1;
        for (uint32_t k = c->tok + 1; k < open; k++)
            if ((x->tk[k].flags & KX_T_TERM) && x->tk[k].pair < 0)
                return -1;
        if (c->say & KX_SAY_STRONG)
            return (int32_t)ci;
        /* a weak verb (أعلن، نفى، اعتبر) only right before the quote or its colon */
        uint32_t after = c->np_last > c->tok ? c->np_last : c->tok + 1;
        if (after == open || (after + 1 == open && (x->tk[after].flags & KX_T_COLON)) ||
            c->clause_tok != UINT32_MAX)
            return (int32_t)ci;
        return -1;
    }
    return -1;
}

/* A verb of saying right after the closing mark: “…”، قال X. */
static int32_t cue_after(kh_extractor *x, uint32_t close)
{
    uint32_t k = close + 1;
    if (k < x->A->ntokens && (x->tk[k].flags & KX_T_COMMA))
        k++;
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
        if (t->kind == KH_TOK_PUNCT)
            continue;
        if (t->kind == KH_TOK_ARABIC && t->norm_len == 2 && !memcmp(t->norm, "\xd9\x88", 2))
            continue; /* و */
        return 0;
    }
    return 1;
}

/* A short span after a noun, or after a naming noun: a name or a term. */
static int looks_like_name(kh_extractor *x, const kx_pair *p)
{
    if (p->open == 0 || !same_line(x, p->open - 1, p->open))
        return 0;
    uint32_t prev = p->open - 1;
    uint32_t first = p->open + 1;
    if (kx_is(x, prev, KX_NAMEHEAD) && p->nwords <= NAMEHEAD_WORDS)
        return 1;
    if (p->nwords > SHORT_NAME_WORDS || !np_word(x, prev) || kx_is(x, prev, KX_TITLE | KX_SAY))
        return 0;
    if (first < x->A->ntokens && (x->tk[first].pro & (KX_P_L | KX_P_K)))
        return 0; /* “للهيمنة”: the quote carries on the sentence's syntax */
    return 1;
}

static void classify(kh_extractor *x)
{
    int32_t last_stmt = -1;
    for (size_t pi = 0; pi < x->npairs; pi++) {
        kx_pair *p = &x->pairs[pi];
        const kx_line *L = &x->lines[x->tk[p->open].line];
        p->statement = 0;
        if (L->kind == KX_LINE_BOILER || p->in_np)
            continue;
        if (p->open > 0 && x->tk[p->open - 1].pair >= 0 && x->tk[p->open - 1].pair != (int32_t)pi &&
            !(x->tk[p->open - 1].flags & KX_T_QMARK))
            continue; /* nested inside another quote */
        int colon = p->open > L->first && (x->tk[p->open - 1].flags & KX_T_COLON);
        if (L->kind == KX_LINE_TITLE && !colon)
            continue;
        if (!colon && looks_like_name(x, p))
            continue;
        p->cue = cue_before(x, p->open);
        p->confidence = 0.9f;
        if (p->cue < 0 && last_stmt >= 0) {
            const kx_pair *q = &x->pairs[last_stmt];
            if (q->close != UINT32_MAX && q->close < p->open && adjacent(x, q->close + 1, p->open))
                p->follows = last_stmt;
        }
        if (p->cue < 0 && p->follows < 0 && p->close != UINT32_MAX)
            p->cue = cue_after(x, p->close);
        if (p->cue < 0 && p->follows < 0) {
            if (p->open == L->first) {
                p->confidence = 0.6f;
            } else if (p->nwords >= LONG_QUOTE_WORDS) {
                p->confidence = 0.4f;
            } else {
                continue;
            }
        }
        p->statement = 1;
        if (p->cue >= 0)
            x->cues[p->cue].active = 1;
        last_stmt = (int32_t)pi;
    }
}

/* ---- names ------------------------------------------------------------------------------ */

/* Token norm without a leading و/ف proclitic. */
static void bare(const kh_extractor *x, uint32_t i, const char **s, size_t *n)
{
    const kh_token *t = tok(x, i);
    size_t lead = (x->tk[i].pro & (KX_P_W | KX_P_F)) && t->norm_len > 2 &&
                          x->tk[i].word_start > t->start
                      ? 2
                      : 0;
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

/* A word that can be part of a personal or proper name. */
static int name_word(const kh_extractor *x, uint32_t i)
{
    return np_word(x, i) && !(x->tk[i].pro & (KX_P_AL | KX_P_B | KX_P_L | KX_P_K)) &&
           !kx_is(x, i, KX_TITLE | KX_MONTH | KX_NUMW | KX_SCALE | KX_STOP) &&
           tok(x, i)->kind == KH_TOK_ARABIC;
}

/* Registers the name of tokens [a, b); returns its index. */
static int32_t add_name(kh_extractor *x, uint32_t a, uint32_t b)
{
    for (size_t k = 0; k < x->nnames; k++)
        if (x->names[k].last - x->names[k].first == b - a && seq_eq(x, x->names[k].first, a, b - a))
            return (int32_t)k;
    kx_name nm = {a, b, kx_span(x->tk[a].word_start, tok(x, b - 1)->end),
                  b - a == 1 && kx_is(x, a, KX_DUAL)};
    if (KX_PUSH(x, x->names, x->nnames, x->capnames, nm))
        return -1;
    return (int32_t)x->nnames - 1;
}

/* The longest anchored form of name n anywhere in the document. */
static void fullest(kh_extractor *x, kx_name *nm)
{
    uint32_t n = nm->last - nm->first, best = n;
    for (uint32_t i = 0; i + n <= x->A->ntokens; i++) {
        if (!seq_eq(x, nm->first, i, n))
            continue;
        uint32_t a = i, b = i + n;
        int left_w = (x->tk[a].pro & (KX_P_W | KX_P_F)) != 0;
        while (!left_w && a > 0 && same_line(x, a - 1, i) && name_word(x, a - 1) &&
               b - a < NAME_MAX_TOKENS + 1) {
            a--;
            left_w = (x->tk[a].pro & (KX_P_W | KX_P_F)) != 0;
        }
        while (b < x->A->ntokens && same_line(x, b, i) && name_word(x, b) &&
               !(x->tk[b].pro & (KX_P_W | KX_P_F)) && b - a < NAME_MAX_TOKENS + 1)
            b++;
        if (b - a > NAME_MAX_TOKENS || b - a <= best)
            continue;
        /* a longer form must follow a title or a nisba: نظيره الصيني | وانغ يي */
        if (left_w || a == 0 || !same_line(x, a - 1, a) ||
            !(kx_is(x, a - 1, KX_TITLE) ||
              ((x->tk[a - 1].pro & KX_P_AL) && np_word(x, a - 1))))
            continue;
        best = b - a;
        nm->full = kx_span(x->tk[a].word_start, tok(x, b - 1)->end);
    }
}

/* ---- speakers in text order ---------------------------------------------------------- */

/* The subject of the sentence a participle hangs on (… قائلا): the nearest
** earlier cue in the sentence with a speaker. */
static int32_t participle_speaker(kh_extractor *x, size_t ci)
{
    uint32_t at = x->cues[ci].tok;
    for (size_t k = ci; k-- > 0;) {
        const kx_cue *c = &x->cues[k];
        if (!same_line(x, c->tok, at))
            break;
        if (c->speaker >= 0)
            return c->speaker;
    }
    return -1;
}

static void resolve_speakers(kh_extractor *x)
{
    int32_t last = -1, prev_last = -1;
    size_t ci = 0, pi = 0;
    while (ci < x->ncues || pi < x->npairs) {
        int take_cue = pi >= x->npairs ||
                       (ci < x->ncues && x->cues[ci].tok < x->pairs[pi].open);
        if (take_cue) {
            kx_cue *c = &x->cues[ci];
            if (c->active || c->clause_tok != UINT32_MAX) {
                c->active = 1;
                if (c->np_last > c->np_first) {
                    c->speaker = add_name(x, c->name_first, c->name_last);
                } else if (c->say & KX_SAY_PARTICIPLE) {
                    c->speaker = participle_speaker(x, ci);
                    if (c->speaker < 0) {
                        c->speaker = last;
                        c->carried = 1;
                    }
                } else {
                    c->speaker = last;
                    c->carried = 1;
                }
                if (c->speaker >= 0 && x->names[c->speaker].dual) {
                    c->members[0] = last;
                    c->members[1] = prev_last;
                } else if (c->speaker >= 0 && c->speaker != last) {
                    prev_last = last;
                    last = c->speaker;
                }
            }
            ci++;
            continue;
        }
        kx_pair *p = &x->pairs[pi++];
        if (!p->statement || p->cue >= 0)
            continue;
        if (p->follows >= 0) {
            const kx_pair *q = &x->pairs[p->follows];
            p->speaker = q->cue >= 0 ? x->cues[q->cue].speaker : q->speaker;
        } else {
            p->speaker = last;
        }
        p->carried = 1;
    }
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
    for (size_t k = 0; k < x->nnames; k++)
        fullest(x, &x->names[k]);
}

/* ---- sources ------------------------------------------------------------------------------ */

/* بحسب X، حسبما ذكرت X، وفقا لـ X، نقلا عن X: the relayer's name. */
static void find_sources(kh_extractor *x)
{
    for (uint32_t i = 0; i < x->A->ntokens && !x->nomem; i++) {
        if (!kx_is(x, i, KX_SOURCE) || x->tk[i].pair >= 0 || !in_text_line(x, i))
            continue;
        const kx_line *L = &x->lines[x->tk[i].line];
        uint32_t k = i + 1;
        while (k < L->last && k < i + 3 &&
               ((tok(x, k)->flags & KH_TOKF_PREFIX) || kx_is(x, k, KX_STOP) ||
                kx_is(x, k, KX_SAY)))
            k++; /* لـ، عن، ما ذكرت */
        uint32_t start = k < L->last ? x->tk[k].word_start : 0;
        if (k < L->last && (x->tk[k].pro & (KX_P_L | KX_P_B)) && !(x->tk[k].pro & KX_P_AL)) {
            const kh_token *t = tok(x, k);
            for (uint32_t j = 0; j + 1 < t->nsegs; j++)
                if (t->segs[j].role == KH_SEG_PROCLITIC)
                    start = t->segs[j + 1].start;
        }
        uint32_t e = k;
        while (e < L->last && e - k < NAME_MAX_TOKENS + 2 && np_word(x, e) &&
               (e == k || !(x->tk[e].pro & (KX_P_B | KX_P_L))))
            e++;
        if (e == k)
            continue;
        kh_source s = {kx_span(start, tok(x, e - 1)->end),
                       kx_span(x->tk[i].word_start, tok(x, i)->end)};
        KX_PUSH(x, x->sources, x->nsources, x->capsources, s);
        i = e - 1;
    }
}

/* ---- output --------------------------------------------------------------------------------- */

static kh_span name_span(const kh_extractor *x, int32_t n)
{
    return n >= 0 ? x->names[n].full : kx_none();
}

static void emit(kh_extractor *x)
{
    for (size_t k = 0; k < x->npairs; k++) {
        const kx_pair *p = &x->pairs[k];
        if (!p->statement)
            continue;
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
            if (!c->carried)
                q.mention = c->np_span;
            q.members[0] = name_span(x, c->members[0]);
            q.members[1] = name_span(x, c->members[1]);
        }
        if (p->carried)
            q.flags |= KH_QF_CARRIED;
        if (p->close == UINT32_MAX)
            q.flags |= KH_QF_UNCLOSED;
        q.confidence = p->speaker >= 0 ? p->confidence : p->confidence * 0.8f;
        if (p->carried)
            q.confidence *= 0.9f;
        KX_PUSH(x, x->quotes, x->nquotes, x->capquotes, q);
    }
    for (size_t k = 0; k < x->ncues; k++) {
        const kx_cue *c = &x->cues[k];
        if (c->clause_tok == UINT32_MAX)
            continue;
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
    /* text order */
    for (size_t i = 1; i < x->nquotes; i++) {
        kh_quote q = x->quotes[i];
        size_t j = i;
        while (j > 0 && x->quotes[j - 1].text.start > q.text.start) {
            x->quotes[j] = x->quotes[j - 1];
            j--;
        }
        x->quotes[j] = q;
    }
}

void kx_speech(kh_extractor *x)
{
    if (x->nomem)
        return;
    find_cues(x);
    for (size_t k = 0; k < x->ncues; k++)
        find_clause(x, &x->cues[k]);
    classify(x);
    resolve_speakers(x);
    find_sources(x);
    if (!x->nomem)
        emit(x);
}
