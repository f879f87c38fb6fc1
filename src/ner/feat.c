/*
** feat.c - from analyzed words to hashed feature rows (see feat.h).
**
** Two passes over a document. The first reduces each word to a few hashed
** strings and small classes ("atoms", struct kh_wordinfo): its normalized
** form, the stem the analyzer found, the clitics it split off, the form
** without a leading proclitic letter the analyzer left attached (وبكين →
** بكين), its shape, its word cluster, and the gazetteer entries that cover
** it. The second emits, for each word, templates over the atoms of the
** word and of its neighbours (±2 words, within the sentence). Nothing here
** knows about tags: the same rows serve every tag (a row holds one weight
** per tag).
**
** Why these features: Arabic names are written without capitals, so the
** evidence is the word itself, its neighbours (titles such as الرئيس before
** a person, في before a place), its affixes (nisba -ي, ة), the clitics that
** tell a noun from a verb, gazetteers, and clusters learned from raw news
** that put unseen names beside seen ones.
*/
#include "ner/feat.h"

#include "text/chars.h"
#include "text/utf8.h"

/* Feature templates. Their numbers are hashed into the rows, so they are
** part of the model format: append, never renumber. */
enum {
    T_BIAS = 1,
    T_WHOLE,
    T_MAIN,
    T_STEM,
    T_KEY,
    T_CLIT,
    T_STRIP,
    T_SPRE1,
    T_SPRE2,
    T_SPRE3,
    T_SSUF1,
    T_SSUF2,
    T_SSUF3,
    T_SSUF4,
    T_WPRE1,
    T_WPRE2,
    T_SHAPE,
    T_LEN,
    T_WHOLE_M1,
    T_WHOLE_P1,
    T_STEM_M1,
    T_STEM_P1,
    T_STEM_M2,
    T_STEM_P2,
    T_BI_M1,
    T_BI_P1,
    T_SHAPE_M1,
    T_SHAPE_P1,
    T_CLIT_M1,
    T_GAZ,
    T_GAZ_M1,
    T_GAZ_P1,
    T_GAZWORD,
    T_STOP_M1,
    T_STOP_P1,
    T_CL_COARSE,
    T_CL_MID,
    T_CL_FINE,
    T_CL_FROM,
    T_CL_M1,
    T_CL_P1,
    T_CL_M1_MID,
    T_CL_P1_MID,
    T_SHAPE_BI,
    T_STEM_CL_M1,
    T_WPRE3,
    T_WPRE4,
    T_WSUF1,
    T_WSUF2,
    T_WSUF3,
    T_WSUF4,
    T_PAIR_WHOLE,
    T_PAIR_CL_MID,
    T_PAIR_CL_FINE,
    T_PAIR_GAZ,
    T_DOC_WHOLE,
    T_DOC_BASE,
};

/* Atoms of one word. A hash of 0 means "absent". */
typedef struct kh_wordinfo {
    uint64_t whole, main, stem, key, clit, strip, noal;
    uint32_t shape;           /* shape class, see word_shape */
    uint32_t len;             /* letters of the stem, bucketed */
    uint32_t wlen;            /* code points of the whole match form */
    uint32_t gaz;             /* bits 0-3: B of a matched entry of type 1..4; 4-7: I;
                              ** 8-11: the word alone is in a list of that type */
    uint16_t cl[KH_NCLUSTER]; /* classes plus one, coarse to fine (0: none) */
    uint16_t clfrom;          /* 1 + which form found them: whole, stripped, stem */
    uint8_t stop;
} kh_wordinfo;

/* Counts of one key for document features: occurrences, and tags given. */
struct kh_doccount {
    uint64_t key; /* 0: empty */
    uint32_t occ;
    uint32_t cnt[KH_NTAGS];
};

#define GAZ_B(t)    (1u << ((t)-1u))
#define GAZ_I(t)    (1u << ((t) + 3u))
#define GAZ_WORD(t) (1u << ((t) + 7u))

/* Pseudo-words beyond the sentence's edges. */
#define H_BOS 0x5bd1e9955bd1e995ull
#define H_EOS 0x27d4eb2f165667c5ull

void kh_feat_free(kh_feat *fx)
{
    kh_mem_free(&fx->mem, fx->wi, fx->capwi * sizeof *fx->wi);
    kh_mem_free(&fx->mem, fx->f, fx->capf * sizeof *fx->f);
    kh_mem_free(&fx->mem, fx->nf, fx->capnf);
    kh_mem_free(&fx->mem, fx->pf, fx->cappf * sizeof *fx->pf);
    kh_mem_free(&fx->mem, fx->npf, fx->capnpf);
    fx->pf = NULL;
    fx->npf = NULL;
    fx->cappf = fx->capnpf = 0;
    kh_mem_free(&fx->mem, fx->dkey, fx->capdkey * sizeof *fx->dkey);
    kh_mem_free(&fx->mem, fx->df, fx->capdf * sizeof *fx->df);
    kh_mem_free(&fx->mem, fx->ndf, fx->capndf);
    kh_mem_free(&fx->mem, fx->tab, fx->captab * sizeof *fx->tab);
    fx->dkey = NULL;
    fx->df = NULL;
    fx->ndf = NULL;
    fx->tab = NULL;
    fx->capdkey = fx->capdf = fx->capndf = fx->captab = 0;
    kh_mem_free(&fx->mem, fx->sent, fx->capsent);
    kh_mem_free(&fx->mem, fx->buf, fx->capbuf);
    kh_mem_free(&fx->mem, fx->firsts, fx->capfirsts * sizeof *fx->firsts);
    fx->firsts = NULL;
    fx->capfirsts = 0;
    fx->wi = NULL;
    fx->f = NULL;
    fx->nf = fx->sent = fx->buf = NULL;
    fx->capwi = fx->capf = fx->capnf = fx->capsent = fx->capbuf = 0;
}

/* ---- strings of a word ---------------------------------------------------------- */

size_t kh_feat_match_form(const kh_analysis *an, size_t first_tok, size_t ntok, uint8_t *out,
                          size_t cap)
{
    size_t o = 0;
    for (size_t k = first_tok; k < first_tok + ntok; k++) {
        const kh_token *t = &an->tokens[k];
        if (o + t->norm_len > cap) return 0;
        memcpy(out + o, t->norm, t->norm_len);
        o += t->norm_len;
    }
    return o;
}

/* Byte length of the first k code points of s[0..n) (all of s if fewer). */
static size_t cp_prefix(const uint8_t *s, size_t n, size_t k)
{
    size_t i = 0;
    while (i < n && k) {
        i++;
        while (i < n && (s[i] & 0xC0) == 0x80)
            i++;
        k--;
    }
    return i;
}

/* Byte offset where the last k code points of s[0..n) start (0 if fewer). */
static size_t cp_suffix(const uint8_t *s, size_t n, size_t k)
{
    size_t i = n;
    while (i > 0 && k) {
        i--;
        while (i > 0 && (s[i] & 0xC0) == 0x80)
            i--;
        k--;
    }
    return i;
}

static size_t cp_count(const uint8_t *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += (s[i] & 0xC0) != 0x80;
    return c;
}

/* Folds a segment's display text to match form (alef, ى, hamza seats, ة).
** OUT: out (4 * n bytes suffice). Returns the length. */
static size_t fold_text(const char *s, size_t n, uint8_t *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t l;
        uint32_t c = kh_utf8_decode((const uint8_t *)s + i, n - i, &l);
        i += l;
        if (c == KH_CP_INVALID) c = KH_CP_REPLACEMENT;
        c = kh_fold(c);
        if (c == KH_CP_TEH_MARBUTA) c = KH_CP_HEH;
        if (c) o += kh_utf8_encode(c, out + o);
    }
    return o;
}

/* Is cp a one-letter proclitic the analyzer may leave attached? */
static int proclitic_letter(uint32_t cp)
{
    return cp == KH_CP_WAW || cp == KH_CP_FEH || cp == KH_CP_BEH || cp == KH_CP_LAM ||
           cp == KH_CP_KAF;
}

/* The token of a word that carries its meaning: the first word-like one. */
static size_t principal(const kh_analysis *an, size_t first, size_t ntok)
{
    for (size_t k = first; k < first + ntok; k++) {
        uint32_t kind = an->tokens[k].kind;
        if (kind == KH_TOK_ARABIC || kind == KH_TOK_LATIN || kind == KH_TOK_NUMBER ||
            kind == KH_TOK_ABBREV)
            return k;
    }
    return first;
}

/* Shape class: what kind of token, and for Latin its capitals; multi-token
** words and words with the article get their own classes. */
static uint32_t word_shape(const uint8_t *text, const kh_token *t, size_t ntok, int has_al)
{
    uint32_t s = t->kind & 0xF;
    if (t->kind == KH_TOK_LATIN) {
        uint8_t c0 = text[t->start];
        int upper0 = c0 >= 'A' && c0 <= 'Z', all_upper = 1;
        for (uint32_t i = t->start; i < t->end; i++)
            if (text[i] >= 'a' && text[i] <= 'z') all_upper = 0;
        s |= (uint32_t)(upper0 + all_upper) << 4;
    }
    if (ntok > 1) s |= 0x40;
    if (has_al) s |= 0x80;
    return s;
}

static uint32_t len_bucket(size_t n)
{
    return n <= 5 ? (uint32_t)n : n <= 7 ? 6 : n <= 10 ? 7 : 8;
}

/* Fills the atoms of one word made of tokens [first, first + ntok). */
static void word_atoms(kh_feat *fx, const kh_model *m, const uint8_t *text, const kh_analysis *an,
                       size_t first, size_t ntok, kh_wordinfo *w)
{
    memset(w, 0, sizeof *w);
    if (ntok == 0) return;
    uint8_t *buf = fx->buf;
    size_t wl = kh_feat_match_form(an, first, ntok, buf, fx->capbuf / 2);
    const kh_token *p = &an->tokens[principal(an, first, ntok)];
    w->whole = wl ? kh_hash_bytes(buf, wl) : 0;
    w->wlen = (uint32_t)cp_count(buf, wl);
    w->main = ntok > 1 && p->norm_len ? kh_hash_bytes(p->norm, p->norm_len) : 0;
    w->key = p->key_len ? kh_hash_bytes(p->key, p->key_len) : 0;

    /* clitics and stem */
    uint64_t hc = 0x9ae16a3b2f90404full;
    int has_al = 0, has_pro = 0;
    const kh_segment *stem = NULL;
    for (uint32_t k = 0; k < p->nsegs; k++) {
        const kh_segment *s = &p->segs[k];
        if (s->role == KH_SEG_STEM && !stem) {
            stem = s;
            hc = kh_hash_join(hc, 0x7c);
            continue;
        }
        hc = kh_hash_join(hc, kh_hash_bytes(s->text, s->len));
        if (s->role == KH_SEG_PROCLITIC) {
            has_pro = 1;
            if (s->len == 4 && !memcmp(s->text, "\xd8\xa7\xd9\x84", 4)) has_al = 1; /* ال */
        }
    }
    w->clit = p->kind == KH_TOK_ARABIC ? hc : 0;
    uint8_t *sb = buf + fx->capbuf / 2;
    size_t sl = stem && stem->len * 4 <= fx->capbuf / 2 ? fold_text(stem->text, stem->len, sb) : 0;
    w->stem = sl ? kh_hash_bytes(sb, sl) : 0;
    w->len = len_bucket(cp_count(sb, sl));
    w->shape = word_shape(text, p, ntok, has_al);

    /* the analyzer leaves a proclitic attached to words it does not know
    ** (وبكين): offer the word without it, and without the article, to the
    ** model and to the gazetteer */
    if (p->kind == KH_TOK_ARABIC && !has_pro && p->norm_len >= 8) {
        uint32_t l;
        uint32_t c = kh_utf8_decode((const uint8_t *)p->norm, p->norm_len, &l);
        if (proclitic_letter(c)) w->strip = kh_hash_bytes(p->norm + l, p->norm_len - l);
    }
    if (p->kind == KH_TOK_ARABIC && p->norm_len >= 10 &&
        !memcmp(p->norm, "\xd8\xa7\xd9\x84", 4)) /* ال */
        w->noal = kh_hash_bytes(p->norm + 4, p->norm_len - 4);

    /* single-word gazetteer membership and cluster */
    uint64_t forms[3] = {w->whole, w->strip, w->stem};
    for (int k = 0; k < 3; k++) {
        const kh_gaz_entry *g = forms[k] ? kh_gaz_find(m, forms[k]) : NULL;
        if (!g) continue;
        if (k == 0 && (g->flags & KH_GAZ_STOP)) w->stop = 1;
        for (unsigned t = 1; t <= 4; t++)
            if (g->flags & (1u << (t - 1))) w->gaz |= GAZ_WORD(t);
    }
    for (int k = 0; k < 3; k++) {
        const kh_cluster_entry *c = forms[k] ? kh_cluster_find(m, forms[k]) : NULL;
        if (c) {
            memcpy(w->cl, c->id, sizeof w->cl);
            w->clfrom = (uint16_t)(k + 1);
            break;
        }
    }
}

/* Marks the words of sentence [b, e) covered by gazetteer entries. Each
** start word may match by its whole form, without a proclitic letter, or
** without the article; following words by their whole form. The longest
** typed match from each start is kept. */
static void gaz_sentence(const kh_model *m, kh_wordinfo *wi, size_t b, size_t e)
{
    if (!m->ngaz) return;
    for (size_t i = b; i < e; i++) {
        uint64_t starts[3] = {wi[i].whole, wi[i].strip, wi[i].noal};
        size_t best_len = 0;
        uint32_t best_types = 0;
        for (int v = 0; v < 3; v++) {
            if (!starts[v]) continue;
            uint64_t h = starts[v];
            for (size_t j = i; j < e; j++) {
                if (j > i) {
                    if (!wi[j].whole) break;
                    h = kh_hash_join(h, wi[j].whole);
                }
                const kh_gaz_entry *g = kh_gaz_find(m, h);
                if (!g) break;
                if ((g->flags & KH_GAZ_TYPES) && j - i + 1 >= best_len) {
                    if (j - i + 1 > best_len) best_types = 0;
                    best_len = j - i + 1;
                    best_types |= g->flags & KH_GAZ_TYPES;
                }
                if (!(g->flags & KH_GAZ_PREFIX)) break;
            }
        }
        for (unsigned t = 1; t <= 4; t++) {
            if (!(best_types & (1u << (t - 1)))) continue;
            wi[i].gaz |= GAZ_B(t);
            for (size_t j = i + 1; j < i + best_len; j++)
                wi[j].gaz |= GAZ_I(t);
        }
    }
}

/* ---- emitting features ------------------------------------------------------------ */

typedef struct emit {
    uint32_t *f;
    unsigned n;
    unsigned shift;
    unsigned cap;
} emit;

static inline void add(emit *e, unsigned tid, uint64_t h)
{
    if (!h || e->n >= e->cap) return;
    uint64_t x = kh_mix64(h + 0x9e3779b97f4a7c15ull * (uint64_t)tid);
    e->f[e->n++] = (uint32_t)(x >> e->shift);
}

static inline uint64_t u64(uint64_t v)
{
    return kh_mix64(v + 0x632be59bd9b4e019ull) | 1;
}

/* Hash of a code-point prefix or suffix of s[0..n) of exactly k points. */
static uint64_t affix(const uint8_t *s, size_t n, size_t k, int suffix)
{
    if (cp_count(s, n) < k) return 0;
    if (suffix) {
        size_t o = cp_suffix(s, n, k);
        return kh_hash_bytes(s + o, n - o);
    }
    return kh_hash_bytes(s, cp_prefix(s, n, k));
}

static uint64_t gaz_value(uint32_t g)
{
    return g ? u64(g) : 0;
}

uint64_t kh_feat_word_hash(const kh_feat *fx, size_t i, uint32_t *len)
{
    if (len) *len = fx->wi[i].wlen;
    return fx->wi[i].whole;
}

uint32_t kh_feat_bias_row(const kh_model *m)
{
    uint32_t row;
    emit E = {&row, 0, 64 - m->bits, 1};
    add(&E, T_BIAS, 1);
    return row;
}

/* Features of word i in sentence [b, e). stem/whole: its folded strings. */
static unsigned word_features(const kh_model *m, const kh_wordinfo *wi, size_t i, size_t b,
                              size_t e, const uint8_t *stem, size_t sl, const uint8_t *whole,
                              size_t wl, uint32_t *out)
{
    emit E = {out, 0, 64 - m->bits, KH_MAXF};
    const kh_wordinfo *w = &wi[i];
    const kh_wordinfo *m1 = i > b ? &wi[i - 1] : NULL, *p1 = i + 1 < e ? &wi[i + 1] : NULL;
    const kh_wordinfo *m2 = i > b + 1 ? &wi[i - 2] : NULL, *p2 = i + 2 < e ? &wi[i + 2] : NULL;

    add(&E, T_BIAS, 1);
    if (m->feat_set & KH_FEAT_BASE) {
        add(&E, T_WHOLE, w->whole);
        add(&E, T_MAIN, w->main);
        add(&E, T_STEM, w->stem);
        add(&E, T_KEY, w->key);
        add(&E, T_CLIT, w->clit);
        add(&E, T_STRIP, w->strip);
        for (size_t k = 1; k <= 3; k++)
            add(&E, T_SPRE1 + (unsigned)k - 1, affix(stem, sl, k, 0));
        for (size_t k = 1; k <= 4; k++)
            add(&E, T_SSUF1 + (unsigned)k - 1, affix(stem, sl, k, 1));
        add(&E, T_WPRE1, affix(whole, wl, 1, 0));
        add(&E, T_WPRE2, affix(whole, wl, 2, 0));
        add(&E, T_WPRE3, affix(whole, wl, 3, 0));
        add(&E, T_WPRE4, affix(whole, wl, 4, 0));
        for (size_t k = 1; k <= 4; k++)
            add(&E, T_WSUF1 + (unsigned)k - 1, affix(whole, wl, k, 1));
        add(&E, T_SHAPE, u64(w->shape));
        add(&E, T_LEN, u64(w->len | w->shape << 8));
        add(&E, T_WHOLE_M1, m1 ? m1->whole : H_BOS);
        add(&E, T_WHOLE_P1, p1 ? p1->whole : H_EOS);
        add(&E, T_STEM_M1, m1 ? m1->stem : H_BOS);
        add(&E, T_STEM_P1, p1 ? p1->stem : H_EOS);
        add(&E, T_STEM_M2, m2 ? m2->stem : H_BOS);
        add(&E, T_STEM_P2, p2 ? p2->stem : H_EOS);
        add(&E, T_BI_M1, kh_hash_join(m1 ? m1->stem : H_BOS, w->stem));
        add(&E, T_BI_P1, kh_hash_join(w->stem, p1 ? p1->stem : H_EOS));
        add(&E, T_SHAPE_M1, u64(m1 ? m1->shape : 0xFFFF));
        add(&E, T_SHAPE_P1, u64(p1 ? p1->shape : 0xFFFF));
        add(&E, T_CLIT_M1, m1 ? m1->clit : H_BOS);
        add(&E, T_SHAPE_BI,
            u64((m1 ? m1->shape : 0xFFFF) << 16 | w->shape |
                (uint64_t)(p1 ? p1->shape : 0xFFFF) << 32));
    }
    if (m->feat_set & KH_FEAT_GAZ) {
        add(&E, T_GAZ, gaz_value(w->gaz));
        add(&E, T_GAZ_M1, gaz_value(m1 ? m1->gaz : 0));
        add(&E, T_GAZ_P1, gaz_value(p1 ? p1->gaz : 0));
        add(&E, T_GAZWORD, gaz_value(w->gaz >> 8));
        add(&E, T_STOP_M1, u64(m1 ? m1->stop : 2));
        add(&E, T_STOP_P1, u64(p1 ? p1->stop : 2));
    }
    if ((m->feat_set & KH_FEAT_CLUSTERS) && m->nclusters) {
        /* class number and granularity hashed together: classes of two
        ** granularities never share a row */
        static const unsigned tid[KH_NCLUSTER] = {T_CL_COARSE, T_CL_MID, T_CL_FINE};
        for (int k = 0; k < KH_NCLUSTER; k++)
            if (w->cl[k]) add(&E, tid[k], u64(w->cl[k]));
        add(&E, T_CL_FROM, w->clfrom ? u64(w->clfrom) : 0);
        add(&E, T_CL_M1, m1 ? u64(m1->cl[2]) : H_BOS);
        add(&E, T_CL_P1, p1 ? u64(p1->cl[2]) : H_EOS);
        add(&E, T_CL_M1_MID, m1 ? u64(m1->cl[1]) : H_BOS);
        add(&E, T_CL_P1_MID, p1 ? u64(p1->cl[1]) : H_EOS);
        if (m1 && m1->cl[1]) add(&E, T_STEM_CL_M1, kh_hash_join(u64(m1->cl[1]), w->stem));
    }
    return E.n;
}

/* Pair features of word i (KH_FEAT_PAIRS): base rows, see feat.h. */
static unsigned pair_features(const kh_model *m, const kh_wordinfo *w, uint32_t *out)
{
    emit E = {out, 0, 64 - m->bits, KH_MAXP};
    if (!(m->feat_set & KH_FEAT_PAIRS)) return 0;
    add(&E, T_PAIR_WHOLE, w->whole);
    if (w->cl[1]) add(&E, T_PAIR_CL_MID, u64(w->cl[1]));
    if (w->cl[2]) add(&E, T_PAIR_CL_FINE, u64(w->cl[2]));
    /* only a word a list knows: "in no list" after each state would be a
    ** second set of transitions for every unknown word, and it learned
    ** that an unknown word after O starts no name - the one thing an
    ** unseen name (زابوريجيا, named once in the seed article) is. It was
    ** the whole gain of pairs in cross-validation (0.7462; 0.7441 without,
    ** as without pairs), bought with names like that one */
    if (w->gaz || w->stop) add(&E, T_PAIR_GAZ, u64(w->gaz | (uint32_t)w->stop << 12));
    return E.n;
}

/* ---- document features ------------------------------------------------------------ */

static struct kh_doccount *doc_slot(struct kh_doccount *tab, size_t cap, uint64_t key)
{
    size_t i = (size_t)(key ^ key >> 32) & (cap - 1);
    while (tab[i].key && tab[i].key != key)
        i = (i + 1) & (cap - 1);
    tab[i].key = key;
    return &tab[i];
}

/* The value of a document feature: the majority tag of the other
** occurrences (O if none was in a name), the share of them in a name (none,
** under a third, under two thirds, more, all), and how many there are. */
static uint64_t doc_value(const struct kh_doccount *c, unsigned own)
{
    uint32_t others = c->occ - 1, ent = 0, best = 0, bestn = 0;
    if (!others) return u64(0xA10E);
    for (unsigned g = 1; g < KH_NTAGS; g++) {
        uint32_t k = c->cnt[g] - (g == own);
        ent += k;
        if (k > bestn) {
            bestn = k;
            best = g;
        }
    }
    uint32_t share = !ent                   ? 0
                     : 3 * ent < others     ? 1
                     : 3 * ent < 2 * others ? 2
                     : ent < others         ? 3
                                            : 4;
    uint32_t many = others == 1 ? 0 : others < 4 ? 1 : others < 8 ? 2 : 3;
    return u64(best << 8 | share << 4 | many);
}

kh_status kh_feat_doc_labels(kh_feat *fx, const kh_model *m, const uint64_t *keys,
                             const uint8_t *tags, size_t n, uint32_t *df, uint8_t *ndf,
                             uint8_t *alone)
{
    static const unsigned tid[2] = {T_DOC_WHOLE, T_DOC_BASE};
    size_t need = 64;
    while (need < 4 * n)
        need *= 2;
    if (need > fx->captab) {
        kh_mem_free(&fx->mem, fx->tab, fx->captab * sizeof *fx->tab);
        fx->captab = 0;
        if (!(fx->tab = kh_mem_alloc(&fx->mem, need * sizeof *fx->tab))) return KH_ENOMEM;
        fx->captab = need;
    }
    for (size_t i = 0; i < n; i++) {
        ndf[i] = 0;
        if (alone) alone[i] = 1;
    }
    if (!(m->feat_set & KH_FEAT_DOC)) return KH_OK;
    /* both keys of a word in one table: the whole form and the base form
    ** are hashed apart by their template */
    memset(fx->tab, 0, need * sizeof *fx->tab);
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 2; k++) {
            if (!keys[2 * i + k]) continue;
            struct kh_doccount *c = doc_slot(fx->tab, need, kh_hash_join(keys[2 * i + k], tid[k]));
            c->occ++;
            c->cnt[tags[i]]++;
        }
    for (size_t i = 0; i < n; i++) {
        emit E = {df + i * KH_MAXD, 0, 64 - m->bits, KH_MAXD};
        for (int k = 0; k < 2; k++) {
            if (!keys[2 * i + k]) continue;
            const struct kh_doccount *c =
                doc_slot(fx->tab, need, kh_hash_join(keys[2 * i + k], tid[k]));
            add(&E, tid[k], doc_value(c, tags[i]));
            if (alone && c->occ > 1) alone[i] = 0;
        }
        ndf[i] = (uint8_t)E.n;
    }
    return KH_OK;
}

/* ---- the document ------------------------------------------------------------------ */

kh_status kh_feat_doc(kh_feat *fx, const kh_model *m, const uint8_t *text, const kh_analysis *an,
                      const kh_word *words, size_t nwords)
{
    const kh_mem *mem = &fx->mem;
    size_t n = words ? nwords : an->ntokens;
    fx->nwords = 0;
    if (n > SIZE_MAX / KH_MAXF / sizeof *fx->f) return KH_ELIMIT;
    if (kh_mem_grow(mem, (void **)&fx->wi, &fx->capwi, n + 1, sizeof *fx->wi) ||
        kh_mem_grow(mem, (void **)&fx->f, &fx->capf, (n + 1) * KH_MAXF, sizeof *fx->f) ||
        kh_mem_grow(mem, (void **)&fx->nf, &fx->capnf, n + 1, 1) ||
        kh_mem_grow(mem, (void **)&fx->pf, &fx->cappf, (n + 1) * KH_MAXP, sizeof *fx->pf) ||
        kh_mem_grow(mem, (void **)&fx->npf, &fx->capnpf, n + 1, 1) ||
        kh_mem_grow(mem, (void **)&fx->dkey, &fx->capdkey, 2 * n + 2, sizeof *fx->dkey) ||
        kh_mem_grow(mem, (void **)&fx->df, &fx->capdf, (n + 1) * KH_MAXD, sizeof *fx->df) ||
        kh_mem_grow(mem, (void **)&fx->ndf, &fx->capndf, n + 1, 1) ||
        kh_mem_grow(mem, (void **)&fx->sent, &fx->capsent, n + 1, 1))
        return KH_ENOMEM;

    /* words to tokens: first token index and count of each word */
    size_t tk = 0;
    if (kh_mem_grow(mem, (void **)&fx->firsts, &fx->capfirsts, 2 * n + 2, sizeof *fx->firsts))
        return KH_ENOMEM;
    size_t *firsts = fx->firsts;
    size_t maxlen = 64;
    for (size_t i = 0; i < n; i++) {
        size_t first, cnt;
        if (!words) {
            first = i;
            cnt = 1;
            fx->sent[i] = i == 0 || an->tokens[i].sentence != an->tokens[i - 1].sentence;
        } else {
            while (tk < an->ntokens && an->tokens[tk].start < words[i].start)
                tk++;
            first = tk;
            while (tk < an->ntokens && an->tokens[tk].start < words[i].end)
                tk++;
            cnt = tk - first;
            fx->sent[i] = i == 0 || (words[i].flags & KH_WORD_SENTENCE_START);
        }
        firsts[2 * i] = first;
        firsts[2 * i + 1] = cnt;
        size_t l = 0; /* room for the match form and the folded stem */
        for (size_t k = first; k < first + cnt; k++) {
            l += an->tokens[k].norm_len;
            for (uint32_t s = 0; s < an->tokens[k].nsegs; s++)
                l += 4 * (size_t)an->tokens[k].segs[s].len;
        }
        if (l > maxlen) maxlen = l;
    }
    if (kh_mem_grow(mem, (void **)&fx->buf, &fx->capbuf, 2 * maxlen + 16, 1)) return KH_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        word_atoms(fx, m, text, an, firsts[2 * i], firsts[2 * i + 1], &fx->wi[i]);
        /* document features count a word by its form, and by its form
        ** without a proclitic letter or the article (وبكين, بكين) */
        const kh_wordinfo *w = &fx->wi[i];
        fx->dkey[2 * i] = w->whole;
        fx->dkey[2 * i + 1] = w->strip ? w->strip : w->noal ? w->noal : w->whole;
        fx->ndf[i] = 0;
    }

    for (size_t b = 0; b < n;) {
        size_t e = b + 1;
        while (e < n && !fx->sent[e])
            e++;
        if (m->feat_set & KH_FEAT_GAZ) gaz_sentence(m, fx->wi, b, e);
        for (size_t i = b; i < e; i++) {
            /* the folded stem and whole form again, for affixes */
            size_t first = firsts[2 * i], cnt = firsts[2 * i + 1];
            uint8_t *whole = fx->buf, *stem = fx->buf + fx->capbuf / 2;
            size_t wl = 0, sl = 0;
            if (cnt) {
                wl = kh_feat_match_form(an, first, cnt, whole, fx->capbuf / 2);
                const kh_token *p = &an->tokens[principal(an, first, cnt)];
                for (uint32_t k = 0; k < p->nsegs; k++)
                    if (p->segs[k].role == KH_SEG_STEM) {
                        if (p->segs[k].len * 4 <= fx->capbuf / 2)
                            sl = fold_text(p->segs[k].text, p->segs[k].len, stem);
                        break;
                    }
            }
            fx->nf[i] = (uint8_t)word_features(m, fx->wi, i, b, e, stem, sl, whole, wl,
                                               fx->f + i * KH_MAXF);
            fx->npf[i] = (uint8_t)pair_features(m, &fx->wi[i], fx->pf + i * KH_MAXP);
        }
        b = e;
    }
    fx->nwords = n;
    return KH_OK;
}
