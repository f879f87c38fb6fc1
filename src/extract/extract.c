/*
** extract.c - the public entry points of the extractor (kh_extractor_*,
** kh_extract) and the first stage, per-token word facts.
**
** kh_extract() analyzes the text with the extractor's own analyzer, then runs
** the stages listed in extract.h. Every result array lives on the handle and
** is reused by the next call, as the analyzer does with its tokens.
**
** Does not: find named entities (the NER stage will), or read HTML or JSON
** (the CLI decodes records and passes the body text).
*/
#include "extract/extract.h"
#include "base/mem.h"

#include <stdlib.h>
#include <string.h>

int kx_grow(kh_extractor *x, void **pp, size_t *cap, size_t need, size_t elem)
{
    if (x->nomem) return -1;
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap : 16;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elem) {
            x->nomem = 1;
            return -1;
        }
        nc *= 2;
    }
    void *np = x->alloc(x->ud, *pp, *cap * elem, nc * elem);
    if (!np) {
        x->nomem = 1;
        return -1;
    }
    *pp = np;
    *cap = nc;
    return 0;
}

kh_status kh_extractor_new(const kh_analyzer_opts *opts, kh_extractor **out)
{
    if (!out) return KH_EINVAL;
    *out = NULL;
    kh_alloc_fn alloc = opts && opts->alloc ? opts->alloc : kh_mem_libc;
    void *ud = opts && opts->alloc ? opts->alloc_ud : NULL;
    kh_extractor *x = alloc(ud, NULL, 0, sizeof *x);
    if (!x) return KH_ENOMEM;
    memset(x, 0, sizeof *x);
    x->alloc = alloc;
    x->ud = ud;
    kh_status st = kh_analyzer_new(opts, &x->an);
    if (st == KH_OK) st = kx_words_new(alloc, ud, &x->w);
    if (st != KH_OK) {
        kh_extractor_free(x);
        return st;
    }
    *out = x;
    return KH_OK;
}

#define FREE_ARR(x, p, cap) ((p) ? (void)(x)->alloc((x)->ud, (p), (cap) * sizeof *(p), 0) : (void)0)

void kh_extractor_free(kh_extractor *x)
{
    if (!x) return;
    kh_analyzer_free(x->an);
    kx_words_free(x->w);
    FREE_ARR(x, x->tk, x->captk);
    FREE_ARR(x, x->fold, x->capfold);
    FREE_ARR(x, x->ents, x->capents);
    FREE_ARR(x, x->lines, x->caplines);
    FREE_ARR(x, x->pairs, x->cappairs);
    FREE_ARR(x, x->stmtx, x->capstmtx);
    FREE_ARR(x, x->cues, x->capcues);
    FREE_ARR(x, x->names, x->capnames);
    FREE_ARR(x, x->cands, x->capcands);
    FREE_ARR(x, x->np_saved, x->capnpsaved);
    FREE_ARR(x, x->subheads, x->capsubheads);
    FREE_ARR(x, x->boiler, x->capboiler);
    FREE_ARR(x, x->quotes, x->capquotes);
    FREE_ARR(x, x->sources, x->capsources);
    FREE_ARR(x, x->dates, x->capdates);
    FREE_ARR(x, x->numbers, x->capnumbers);
    FREE_ARR(x, x->unpaired, x->capunpaired);
    x->alloc(x->ud, x, sizeof *x, 0);
}

const kh_error *kh_extractor_error(const kh_extractor *x)
{
    return x ? &x->err : NULL;
}

/* ---- literals ---------------------------------------------------------------- */

const char *kx_lit(kh_extractor *x, const char *lit, size_t *n, char *buf)
{
    uintptr_t h = ((uintptr_t)lit >> 3) * 2654435761u;
    for (uint32_t k = 0; k < KX_LIT_SLOTS; k++) {
        kx_lit_slot *s = &x->lits[(h + k) & (KX_LIT_SLOTS - 1)];
        if (s->lit == lit) {
            *n = s->len;
            return s->folded;
        }
        if (!s->lit) {
            size_t l = strlen(lit);
            if (l >= KX_LIT_MAX) break;
            s->len = (uint32_t)kx_fold(lit, l, s->folded);
            s->lit = lit;
            *n = s->len;
            return s->folded;
        }
    }
    size_t l = strlen(lit);
    if (l >= KX_LIT_MAX) l = KX_LIT_MAX - 1;
    *n = kx_fold(lit, l, buf);
    return buf;
}

int kx_norm_is(kh_extractor *x, size_t i, const char *lit)
{
    if (i >= x->A->ntokens) return 0;
    char buf[KX_LIT_MAX];
    size_t n;
    const char *f = kx_lit(x, lit, &n, buf);
    const kh_token *t = &x->A->tokens[i];
    return t->norm_len == n && memcmp(t->norm, f, n) == 0;
}

/* ---- stage 1: word facts ------------------------------------------------------- */

/* Byte strings the stage compares against (style: Arabic only as data). */
static const char P_WAW[] = "و", P_FA[] = "ف", P_BA[] = "ب", P_LAM[] = "ل", P_KAF[] = "ك",
                  P_AL[] = "ال", P_SIN[] = "س";
static const char PART_INNA[] = "إن", PART_ANNA[] = "أن", PART_BARE[] = "ان",
                  PART_WA_BARE[] = "وان", PART_BA_BARE[] = "بان";
static const char ENC_YA[] = "ي";
static const char ENCLITICS[][8] = {"هما", "هم", "ها", "ه", "هن", "نا"};

static int seg_is(const kh_segment *s, const char *lit)
{
    size_t n = strlen(lit);
    return s->len == n && memcmp(s->text, lit, n) == 0;
}

static uint32_t proclitic_bit(const kh_segment *s)
{
    if (seg_is(s, P_WAW)) return KX_P_W;
    if (seg_is(s, P_FA)) return KX_P_F;
    if (seg_is(s, P_BA)) return KX_P_B;
    if (seg_is(s, P_LAM)) return KX_P_L;
    if (seg_is(s, P_KAF)) return KX_P_K;
    if (seg_is(s, P_AL)) return KX_P_AL;
    if (seg_is(s, P_SIN)) return KX_P_S;
    return 0;
}

/* موظفي، مستشاري: a bare word of four letters or more ending in ي, a
** masculine plural in construct (its ن dropped) */
int kx_construct_plural(const kh_extractor *x, size_t i)
{
    const kh_token *t = &x->A->tokens[i];
    return !x->tk[i].pro && !(x->tk[i].flags & KX_T_ENC) && t->norm_len >= 8 &&
           !memcmp(t->norm + t->norm_len - 2, "\xd9\x8a", 2);
}

/* شاب يدعى محمد، ما يدعى «حق العودة»، وفيما يروى عن الفيلسوف: the passives
** of ادعى/دعا and روى are written with ى, the actives يدعي/يروي (verbs of
** saying) with ي, which the lists' folded norm cannot tell apart. A passive
** reads as يسمى, its synonym: a word a name ends before, no verb of saying. */
static int passive_written(const kh_extractor *x, const kh_token *t)
{
    static const char *const PASSIVES[] = {"يدعى", "تدعى", "يروى", "تروى"};
    if (t->end - t->start < 2 || memcmp(x->text + t->end - 2, "ى", 2))
        return 0; /* every token is asked: most fail on their last letter */
    for (size_t k = 0; k < sizeof PASSIVES / sizeof PASSIVES[0]; k++) {
        size_t n = strlen(PASSIVES[k]);
        if (t->end - t->start >= n && !memcmp(x->text + t->end - n, PASSIVES[k], n)) return 1;
    }
    return 0;
}

/* Looks a word up in the order that lets the longest reading win: the whole
** normalized token (اليوم, الأحد), its stem (قال in وقال), then the token
** without و/ف and without an enclitic, for words the segmenter split in a
** way the lists do not (و+صفة+هم is وصفت+هم). */
static const kx_entry *lookup_word(kh_extractor *x, const kh_token *t, kx_tok *k)
{
    if (passive_written(x, t)) return kx_words_get(x->w, "يسمي", strlen("يسمي"));
    const kx_entry *e = kx_words_get(x->w, t->norm, t->norm_len);
    if (e) return e;
    /* the pronoun ي is never written ى: منى split as من+ي is a name, not من */
    if (t->end - t->start >= 2 && !memcmp(x->text + t->end - 2, "\xd9\x89", 2) && t->nsegs > 1 &&
        t->segs[t->nsegs - 1].role == KH_SEG_ENCLITIC)
        return NULL;
    for (uint32_t j = 0; j < t->nsegs; j++) {
        const kh_segment *s = &t->segs[j];
        if (s->role != KH_SEG_STEM) continue;
        if (kx_grow(x, (void **)&x->fold, &x->capfold, s->len + 1, 1)) return NULL;
        size_t n = kx_fold(s->text, s->len, x->fold);
        if ((e = kx_words_get(x->w, x->fold, n))) return e;
    }
    const char *p = t->norm;
    size_t n = t->norm_len;
    size_t lead = (k->pro & (KX_P_W | KX_P_F)) && n > 2 ? 2 : 0; /* و and ف are two bytes */
    if (lead && (e = kx_words_get(x->w, p + lead, n - lead))) return e;
    /* واعلن، فاكد: agency copy without hamza, which the segmenter leaves whole */
    if (!lead && n > 4 && !k->pro && (p[0] == '\xd9') && (p[1] == '\x88' || p[1] == '\x81') &&
        (e = kx_words_get(x->w, p + 2, n - 2)) && (e->cls & KX_SAY)) {
        k->pro |= p[1] == '\x88' ? KX_P_W : KX_P_F;
        k->word_start = t->start + 2;
        return e;
    }
    if (!(k->flags & KX_T_ENC)) return NULL;
    for (size_t i = 0; i < sizeof ENCLITICS / sizeof ENCLITICS[0]; i++) {
        size_t el = strlen(ENCLITICS[i]);
        if (n > el + 2 && memcmp(p + n - el, ENCLITICS[i], el) == 0) {
            if ((e = kx_words_get(x->w, p, n - el))) return e;
            if (lead && (e = kx_words_get(x->w, p + lead, n - el - lead))) return e;
            /* ودعتها، فوصفها: the segmenter split the pronoun but left و/ف on
            ** the verb; as for واعلن above, only a verb of saying is taken */
            if (!lead && !k->pro && n > el + 4 && p[0] == '\xd9' &&
                (p[1] == '\x88' || p[1] == '\x81') && (e = kx_words_get(x->w, p + 2, n - el - 2)) &&
                (e->cls & KX_SAY)) {
                k->pro |= p[1] == '\x88' ? KX_P_W : KX_P_F;
                k->word_start = t->start + 2;
                return e;
            }
        }
    }
    return NULL;
}

/* Flags for one-mark tokens, read from the bytes. */
static uint32_t punct_flags(const uint8_t *s, size_t n)
{
    static const struct {
        const char *mark;
        uint32_t flag;
    } MARKS[] = {
        {":", KX_T_COLON},
        {"\xef\xbc\x9a", KX_T_COLON},
        {"\xd8\x8c", KX_T_COMMA},
        {",", KX_T_COMMA},
        {".", KX_T_TERM},
        {"!", KX_T_TERM},
        {"?", KX_T_TERM},
        {"\xd8\x9f", KX_T_TERM},
        {"-", KX_T_DASH},
        {"\xe2\x80\x93", KX_T_DASH},
        {"\xe2\x80\x94", KX_T_DASH},
        {"(", KX_T_OPENP},
        {")", KX_T_CLOSEP},
        {"\"", KX_T_QMARK},
        {"\xe2\x80\x9c", KX_T_QMARK},
        {"\xe2\x80\x9d", KX_T_QMARK},
        {"\xc2\xab", KX_T_QMARK},
        {"\xc2\xbb", KX_T_QMARK},
        {"\xe2\x80\x9e", KX_T_QMARK},
    };
    for (size_t i = 0; i < sizeof MARKS / sizeof MARKS[0]; i++) {
        size_t l = strlen(MARKS[i].mark);
        if (l == n && memcmp(s, MARKS[i].mark, n) == 0) return MARKS[i].flag;
    }
    return 0;
}

void kx_prepare(kh_extractor *x)
{
    const kh_analysis *A = x->A;
    if (kx_grow(x, (void **)&x->tk, &x->captk, A->ntokens + 1, sizeof *x->tk)) return;
    for (size_t i = 0; i < A->ntokens; i++) {
        const kh_token *t = &A->tokens[i];
        kx_tok *k = &x->tk[i];
        memset(k, 0, sizeof *k);
        k->pair = -1;
        k->word_start = t->start;
        if (t->kind == KH_TOK_PUNCT || t->kind == KH_TOK_QUOTE) {
            k->flags = punct_flags(x->text + t->start, t->end - t->start);
            continue;
        }
        if (t->kind != KH_TOK_ARABIC && t->kind != KH_TOK_LATIN && t->kind != KH_TOK_ABBREV) {
            if (t->kind == KH_TOK_SYMBOL) k->e = kx_words_get(x->w, t->norm, t->norm_len); /* © */
            continue;
        }
        k->flags |= KX_T_WORD;
        int stem_seen = 0;
        for (uint32_t j = 0; j < t->nsegs; j++) {
            const kh_segment *s = &t->segs[j];
            if (s->role == KH_SEG_PROCLITIC) {
                uint32_t b = proclitic_bit(s);
                k->pro |= b;
                if ((b == KX_P_W || b == KX_P_F) && j == 0 && j + 1 < t->nsegs)
                    k->word_start = t->segs[j + 1].start;
            } else if (s->role == KH_SEG_STEM) {
                stem_seen = 1;
                if (seg_is(s, PART_INNA))
                    k->flags |= KX_T_PARTICLE | KX_T_INNA;
                else if (seg_is(s, PART_ANNA) || seg_is(s, PART_BARE))
                    k->flags |= KX_T_PARTICLE; /* agency copy often drops the hamza: ان */
            } else if (stem_seen && !seg_is(s, ENC_YA)) {
                k->flags |= KX_T_ENC; /* not ي: names end in it (ديميتري، سيرغي) */
            }
        }
        if (!(k->flags & KX_T_PARTICLE) && (k->flags & KX_T_ENC))
            for (uint32_t j = 0; j < t->nsegs; j++)
                if (t->segs[j].role == KH_SEG_STEM &&
                    (seg_is(&t->segs[j], PART_WA_BARE) || seg_is(&t->segs[j], PART_BA_BARE))) {
                    k->flags |= KX_T_PARTICLE; /* وانها، بانه: the segmenter keeps و/ب on ان */
                    k->pro |= seg_is(&t->segs[j], PART_WA_BARE) ? KX_P_W : KX_P_B;
                }
        k->e = lookup_word(x, t, k);
    }
    /* كبير المفاوضين، كبير موظفي بنس: a KX_BARE title heads a construct, a
    ** bare word before an ال word or a plural in construct (…ي); الكبير (a
    ** surname), كبير في الجيش (an adjective) and السيد كبير أميري (a name
    ** after a title) are none */
    for (size_t i = 0; i < x->A->ntokens; i++) {
        kx_tok *k = &x->tk[i];
        int titled = i > 0 && x->tk[i - 1].e && (x->tk[i - 1].e->cls & KX_TITLE);
        if (k->e && (k->e->cls & KX_BARE) &&
            ((k->pro & KX_P_AL) || i + 1 >= x->A->ntokens ||
             (x->tk[i + 1].pro != KX_P_AL && (titled || !kx_construct_plural(x, i + 1)))))
            k->e = NULL;
    }
    /* مدير الاستخبارات الوطنية الأمريكي، دان كوتس: دان (condemned) is also a
    ** first name. Bare, after a comma, a title, an ال word or a verb of
    ** saying (وقال دان لويد), and before a bare unlisted word, it opens a
    ** name (دان الهجوم keeps its verb) */
    for (size_t i = 1; i + 1 < x->A->ntokens; i++) {
        kx_tok *k = &x->tk[i];
        const kx_tok *p = &x->tk[i - 1], *n = &x->tk[i + 1];
        if (k->e && !k->pro && (k->e->cls & KX_SAY) && kx_norm_is(x, i, "دان") && !n->e &&
            !n->pro && x->A->tokens[i + 1].kind == KH_TOK_ARABIC &&
            ((p->flags & KX_T_COMMA) || (p->pro & KX_P_AL) ||
             (p->e && (p->e->cls & (KX_TITLE | KX_SAY)))))
            k->e = NULL;
    }
}

/* ---- public: extract ------------------------------------------------------------ */

static void reset(kh_extractor *x)
{
    x->nlines = x->npairs = x->ncues = x->nnames = x->ncands = x->ntitled = 0;
    x->nsubheads = x->nboiler = x->nquotes = x->nsources = x->ndates = x->nnumbers = 0;
    x->nunpaired = 0;
    x->nomem = 0;
    memset(&x->doc, 0, sizeof x->doc);
    x->err.status = KH_OK;
    x->err.offset = UINT64_MAX;
    x->err.message[0] = 0;
}

kh_status kh_extract(kh_extractor *x, const uint8_t *text, size_t len, const kh_extract_opts *opts,
                     const kh_article **out)
{
    if (!x || !out || (!text && len)) return KH_EINVAL;
    *out = NULL;
    reset(x);
    const kh_analysis *A;
    kh_status st = kh_analyze(x->an, text, len, &A);
    if (st != KH_OK) {
        x->err = *kh_analyzer_error(x->an);
        return st;
    }
    x->text = text;
    x->len = len;
    x->A = A;
    memset(&x->opts, 0, sizeof x->opts);
    if (opts) x->opts = *opts;
    kx_prepare(x);
    kx_structure(x);
    kx_pair_marks(x);
    kx_speech(x);
    kx_dates(x);
    kx_numbers(x);
    if (x->nomem) {
        x->err.status = KH_ENOMEM;
        strcpy(x->err.message, "out of memory");
        return KH_ENOMEM;
    }
    kh_article *d = &x->doc;
    d->analysis = A;
    d->subheadings = x->subheads;
    d->nsubheadings = x->nsubheads;
    d->boilerplate = x->boiler;
    d->nboilerplate = x->nboiler;
    d->quotes = x->quotes;
    d->nquotes = x->nquotes;
    d->sources = x->sources;
    d->nsources = x->nsources;
    d->dates = x->dates;
    d->ndates = x->ndates;
    d->numbers = x->numbers;
    d->nnumbers = x->nnumbers;
    d->unpaired = x->unpaired;
    d->nunpaired = x->nunpaired;
    *out = d;
    return KH_OK;
}

int kx_span_tokens(const kh_extractor *x, kh_span s, uint32_t *a, uint32_t *b)
{
    uint32_t lo = 0, hi = (uint32_t)x->A->ntokens;
    while (lo < hi) { /* the first token ending after s.start */
        uint32_t mid = lo + (hi - lo) / 2;
        if (kx_token(x, mid)->end <= s.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t e = lo;
    while (e < x->A->ntokens && kx_token(x, e)->start < s.end)
        e++;
    *a = lo, *b = e;
    return e > lo;
}
