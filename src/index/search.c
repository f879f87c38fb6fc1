/*
** search.c - kh_search(): matching, BM25 ranking with block-max pruning,
** proximity re-ranking, hits and snippets.
**
** RANKING. BM25F over two fields (Robertson, Zaragoza & Taylor 2004): for a
** key with document frequency df among N documents,
**   idf   = ln(1 + (N - df + 0.5) / (df + 0.5))
**   x     = W_TITLE * tf_title / Lt + tf_body / Lb,   Lf = 1 - b + b * len_f / avglen_f
**   score = idf * x * (k1 + 1) / (x + k1)
** with k1 = 1.2, b = 0.75 (as the peers use) and W_TITLE = 2 (a title word
** counts as two body words, before saturation). Lengths are the norms of
** postings.h. A phrase scores like one key whose tf is the number of places
** the phrase occurs and whose idf is the sum of its words' idfs. A prefix*
** scores as the sum of the keys it expands to.
**
** Proximity: the best RERANK documents by BM25 (at least offset + limit)
** get a bonus when words next to each other in the query are found close
** together in the document, after BM25TP (Rasolofo & Savoy 2003): for each
** pair of query keys i, i+1 (query order, distinct keys),
**   tp    = sum over occurrence pairs at distance d <= PROX_WINDOW of 1 / d^2
**   bonus = PROX_WEIGHT * min(idf_i, idf_i+1) * tp * (k1 + 1) / (tp + k1 * Lb)
** with PROX_WINDOW = 5 and PROX_WEIGHT = 0.5, title pairs counting W_TITLE
** times, and are sorted again. Documents past the first RERANK are not
** re-ranked. (Measured in make eval: every pair of query words instead of
** neighbours, or weight 1, helps QA retrieval a little and hurts known-item
** search more; no bonus at all loses about 0.02 MRR on QA.)
**
** PRUNING. Every posting block carries a bound on the score of any of its
** documents (postings.h). A single key is ranked block by block, skipping
** every block whose bound cannot beat the k-th best score so far; all-words
** queries skip the scoring (and tf decoding) of every match whose summed
** block bounds cannot enter the top k, and, when the caller gives up the
** exact total (KH_SEARCH_NO_TOTAL), skip the block entirely; any-word
** queries use MaxScore (Turtle & Flood 1995) with block bounds, so the rare
** keys drive and frequent ones are only probed. The exact total of an
** any-word query is counted separately on a bitmap of document ids.
**
** Snapshot: a search runs inside one read transaction, so it sees one
** commit whole even while another process writes.
*/
#include "index/index.h"
#include "index/postings.h"
#include "index/query.h"
#include "index/snippet.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#define K1 1.2
#define B  0.75
#ifndef W_TITLE
#define W_TITLE 2.0
#endif
#ifndef RERANK
#define RERANK 100
#endif
#ifndef PROX_WINDOW
#define PROX_WINDOW 5
#endif
#ifndef PROX_SPAN
#define PROX_SPAN 1
#endif
#ifndef PROX_WEIGHT
#define PROX_WEIGHT 0.5
#endif
#define DOC_END UINT32_MAX

/* ---- per-query arena ------------------------------------------------------- */

typedef struct achunk {
    struct achunk *next;
    size_t cap, used;
    _Alignas(16) uint8_t data[];
} achunk;

typedef struct arena {
    const kh_mem *mem;
    achunk *head;
} arena;

static void *aalloc(arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    achunk *c = a->head;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 65536 ? n : 65536;
        c = kh_mem_alloc(a->mem, sizeof *c + cap);
        if (!c) return NULL;
        c->cap = cap;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    return p;
}

static void *azalloc(arena *a, size_t n)
{
    void *p = aalloc(a, n);
    if (p) memset(p, 0, n);
    return p;
}

static void afree(arena *a)
{
    for (achunk *c = a->head, *n; c; c = n) {
        n = c->next;
        kh_mem_free(a->mem, c, sizeof *c + c->cap);
    }
    a->head = NULL;
}

/* ---- loaded posting lists ------------------------------------------------------ */

typedef struct piece {
    const kh_seginfo *seg;
    uint8_t *docs, *pos;
    size_t docs_len, pos_len;
    int pos_loaded;
    kh_pblock *blk;
    uint32_t nblk;
    float *bound; /* per block */
} piece;

typedef struct qterm {
    const char *key;
    uint32_t key_len;
    piece *pieces;
    uint32_t npieces;
    uint64_t df;
    double idf, maxb;
} qterm;

typedef struct tcur {
    qterm *t;
    uint32_t pi, bi, i;
    int ids_ok, tfs_ok;
    uint32_t doc;
    uint32_t tf_off;
    uint32_t ids[KH_BLOCK_DOCS], tt[KH_BLOCK_DOCS], tb[KH_BLOCK_DOCS];
    uint32_t *pos; /* positions of the current doc: title run then body run */
    size_t cappos;
} tcur;

typedef struct ccur {
    kh_qkind kind;
    tcur *w; /* words (phrase), alternatives (prefix) or the one key (term) */
    uint32_t nw;
    const uint32_t *rel;
    double idf, maxb;
    uint32_t doc;
    uint32_t ptt, ptb; /* phrase frequencies at doc */
    uint64_t cost;
} ccur;

typedef struct hit {
    double score;
    uint32_t doc;
} hit;

typedef struct sctx {
    kh_index *ix;
    const kh_query *q;
    arena ar;
    kh_status st; /* sticky: the first failure */
    qterm **terms;
    size_t nterms, capterms;
    double invNt[256], invNb[256], K[256];
    double N;
    /* filters */
    uint64_t *src_in, *src_out; /* bitsets over sids, NULL if unused */
    int32_t from, to;
    int has_filter;
    /* entity: filters (facts.c), arrays by docid, NULL if unused */
    uint8_t *ent_hits;  /* positive entity clauses the document satisfies */
    uint16_t *ent_ment; /* its mentions of those entities (saturating) */
    uint64_t *ent_out;  /* bitset: documents a negative entity: clause drops */
    int nent;           /* positive entity clauses */
    uint32_t ent_max;   /* the last docid in a segment: later ones (a writer's pending
                        ** documents) have no postings, docinfo or deleted bit yet */
    ccur *neg;
    size_t nneg;
    /* top R */
    hit *heap;
    size_t nheap, R;
} sctx;

struct kh_search {
    kh_results res;
    kh_facet *facets;
    size_t capfacets;
    kh_buf strings;
    kh_hit *hits;
    size_t caphits;
    kh_span *spans;
    size_t capspans;
};

static kh_status fail(sctx *c, kh_status st, const char *msg)
{
    if (!c->st) {
        c->st = st;
        kh_ix_set_error(c->ix, st, UINT64_MAX, "%s", msg);
    }
    return c->st;
}

static kh_status oom(sctx *c)
{
    return fail(c, KH_ENOMEM, "out of memory");
}

static double sat(double x)
{
    return x * (K1 + 1) / (x + K1);
}

static double block_bound(const sctx *c, const piece *p, const kh_pblock *b, double idf)
{
    double bx = 0;
    for (unsigned i = 0; i < b->nimp; i++) {
        uint32_t tf;
        uint8_t norm;
        kh_post_impact(p->docs, b, i, &tf, &norm);
        double v = tf * c->invNb[norm];
        if (v > bx) bx = v;
    }
    if (b->max_tt) bx += W_TITLE * b->max_tt * c->invNt[b->min_nt];
    return idf * sat(bx);
}

/* Copies a blob column into the arena. */
static uint8_t *copy_blob(sctx *c, sqlite3_stmt *st, int col, size_t *len)
{
    size_t n = (size_t)sqlite3_column_bytes(st, col);
    const void *src = sqlite3_column_blob(st, col);
    uint8_t *p = aalloc(&c->ar, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, src, n);
    *len = n;
    return p;
}

/* Looks a key up in every segment. Returns the shared qterm (NULL on error). */
static qterm *load_term(sctx *c, const char *key, uint32_t len)
{
    for (size_t i = 0; i < c->nterms; i++)
        if (c->terms[i]->key_len == len && !memcmp(c->terms[i]->key, key, len)) return c->terms[i];
    kh_index *ix = c->ix;
    qterm *t = azalloc(&c->ar, sizeof *t);
    piece *ps = t ? azalloc(&c->ar, (ix->nsegs ? ix->nsegs : 1) * sizeof *ps) : NULL;
    if (!ps ||
        kh_mem_grow(&ix->mem, (void **)&c->terms, &c->capterms, c->nterms + 1, sizeof *c->terms)) {
        oom(c);
        return NULL;
    }
    t->key = key;
    t->key_len = len;
    t->pieces = ps;
    for (size_t s = 0; s < ix->nsegs && !c->st; s++) {
        sqlite3_stmt *st = kh_ix_stmt(ix, ST_TERM_DOCS);
        if (!st) {
            fail(c, KH_ESQLITE, sqlite3_errmsg(ix->db));
            break;
        }
        sqlite3_bind_int64(st, 1, ix->segs[s].seg);
        sqlite3_bind_blob(st, 2, key, (int)len, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            piece *p = &ps[t->npieces];
            p->seg = &ix->segs[s];
            uint32_t df;
            if (!(p->docs = copy_blob(c, st, 1, &p->docs_len)))
                oom(c);
            else {
                int r =
                    kh_post_parse(p->docs, p->docs_len, SIZE_MAX, &ix->mem, &p->blk, &p->nblk, &df);
                if (r == -2)
                    oom(c);
                else if (r || p->blk[0].last < p->seg->lo ||
                         p->blk[p->nblk - 1].last > p->seg->hi) {
                    if (!r) kh_mem_free(&ix->mem, p->blk, p->nblk * sizeof *p->blk);
                    fail(c, KH_ECORRUPT, "corrupt postings");
                } else {
                    t->df += df;
                    t->npieces++;
                }
            }
        } else if (rc != SQLITE_DONE)
            fail(c, KH_ESQLITE, sqlite3_errmsg(ix->db));
        sqlite3_reset(st);
    }
    c->terms[c->nterms++] = t;
    double df = (double)t->df;
    t->idf = log(1 + (c->N - df + 0.5) / (df + 0.5));
    if (t->idf < 1e-6) t->idf = 1e-6; /* a key in (nearly) every document still ranks a little */
    for (uint32_t i = 0; i < t->npieces && !c->st; i++) {
        piece *p = &ps[i];
        if (!(p->bound = aalloc(&c->ar, p->nblk * sizeof *p->bound))) {
            oom(c);
            break;
        }
        for (uint32_t b = 0; b < p->nblk; b++) {
            p->bound[b] = (float)(block_bound(c, p, &p->blk[b], t->idf) * 1.0001 + 1e-9);
            if (p->bound[b] > t->maxb) t->maxb = p->bound[b];
        }
    }
    return c->st ? NULL : t;
}

static int load_pos(sctx *c, piece *p, const qterm *t)
{
    if (p->pos_loaded) return 0;
    kh_index *ix = c->ix;
    sqlite3_stmt *st = kh_ix_stmt(ix, ST_TERM_POS);
    if (!st) {
        fail(c, KH_ESQLITE, sqlite3_errmsg(ix->db));
        return -1;
    }
    sqlite3_bind_int64(st, 1, p->seg->seg);
    sqlite3_bind_blob(st, 2, t->key, (int)t->key_len, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        if (!(p->pos = copy_blob(c, st, 0, &p->pos_len))) oom(c);
    } else
        fail(c, rc == SQLITE_DONE ? KH_ECORRUPT : KH_ESQLITE,
             rc == SQLITE_DONE ? "positions vanished" : sqlite3_errmsg(ix->db));
    sqlite3_reset(st);
    const kh_pblock *lb = &p->blk[p->nblk - 1];
    if (!c->st && (uint64_t)lb->pos_off + lb->pos_len != p->pos_len)
        fail(c, KH_ECORRUPT, "corrupt positions");
    p->pos_loaded = !c->st;
    return c->st ? -1 : 0;
}

/* ---- term cursors ------------------------------------------------------------------ */

static void tcur_init(tcur *u, qterm *t)
{
    u->t = t;
    u->pi = u->bi = u->i = 0;
    u->ids_ok = u->tfs_ok = 0;
    u->doc = t->npieces ? 0 : DOC_END;
}

static int tcur_decode(sctx *c, tcur *u)
{
    piece *p = &u->t->pieces[u->pi];
    if (kh_post_block_ids(p->docs, &p->blk[u->bi], u->ids, &u->tf_off)) {
        fail(c, KH_ECORRUPT, "corrupt posting block");
        return -1;
    }
    u->ids_ok = 1;
    u->tfs_ok = 0;
    u->i = 0;
    return 0;
}

/* Moves to the first document >= target. */
static uint32_t tcur_next(sctx *c, tcur *u, uint32_t target)
{
    if (u->doc == DOC_END || (u->doc >= target && u->doc != 0)) return u->doc;
    while (u->pi < u->t->npieces) {
        piece *p = &u->t->pieces[u->pi];
        while (u->bi < p->nblk && p->blk[u->bi].last < target) {
            u->bi++;
            u->ids_ok = 0;
        }
        if (u->bi == p->nblk) {
            u->pi++;
            u->bi = 0;
            u->ids_ok = 0;
            continue;
        }
        if (!u->ids_ok && tcur_decode(c, u)) break;
        while (u->ids[u->i] < target)
            u->i++;
        return u->doc = u->ids[u->i];
    }
    return u->doc = DOC_END;
}

/* Bound of the block that holds target (moving there without decoding).
** OUT: *last, the last document that bound covers. */
static double tcur_bound(tcur *u, uint32_t target, uint32_t *last)
{
    while (u->pi < u->t->npieces) {
        piece *p = &u->t->pieces[u->pi];
        while (u->bi < p->nblk && p->blk[u->bi].last < target) {
            u->bi++;
            u->ids_ok = 0;
        }
        if (u->bi < p->nblk) {
            *last = p->blk[u->bi].last;
            /* a target before the block's first id is not in it: the bound still holds */
            return p->bound[u->bi];
        }
        u->pi++;
        u->bi = 0;
        u->ids_ok = 0;
    }
    *last = DOC_END;
    return 0;
}

static int tcur_tfs(sctx *c, tcur *u, uint32_t *tt, uint32_t *tb)
{
    piece *p = &u->t->pieces[u->pi];
    if (!u->tfs_ok) {
        if (kh_post_block_tfs(p->docs, &p->blk[u->bi], u->tf_off, u->tt, u->tb)) {
            fail(c, KH_ECORRUPT, "corrupt posting block");
            return -1;
        }
        u->tfs_ok = 1;
    }
    *tt = u->tt[u->i];
    *tb = u->tb[u->i];
    return 0;
}

static double term_score(const sctx *c, double idf, uint32_t doc, uint32_t tt, uint32_t tb)
{
    const kh_dinfo *d = &c->ix->dinfo[doc];
    double x = W_TITLE * tt * c->invNt[d->nt] + tb * c->invNb[d->nb];
    return idf * sat(x);
}

static double tcur_score(sctx *c, tcur *u)
{
    uint32_t tt, tb;
    if (tcur_tfs(c, u, &tt, &tb)) return 0;
    return term_score(c, u->t->idf, u->doc, tt, tb);
}

/* Positions of the current document. OUT: *pos (title run, then body run). */
static int tcur_pos(sctx *c, tcur *u, const uint32_t **pos, uint32_t *tt, uint32_t *tb)
{
    piece *p = &u->t->pieces[u->pi];
    if (tcur_tfs(c, u, tt, tb) || load_pos(c, p, u->t)) return -1;
    const kh_pblock *b = &p->blk[u->bi];
    const uint8_t *s = p->pos + b->pos_off, *end = s + b->pos_len;
    uint64_t skip = 0;
    for (uint32_t j = 0; j < u->i; j++)
        skip += (uint64_t)u->tt[j] + u->tb[j];
    uint32_t v;
    while (skip--)
        if (kh_varint_get32(&s, end, &v)) goto corrupt;
    size_t n = (size_t)*tt + *tb;
    if (kh_mem_grow(&c->ix->mem, (void **)&u->pos, &u->cappos, n ? n : 1, sizeof *u->pos)) {
        oom(c);
        return -1;
    }
    for (size_t j = 0; j < n; j++) {
        int first = j == 0 || j == *tt;
        if (kh_varint_get32(&s, end, &v) || (!first && v == 0)) goto corrupt;
        u->pos[j] = first ? v : u->pos[j - 1] + v;
    }
    *pos = u->pos;
    return 0;
corrupt:
    fail(c, KH_ECORRUPT, "corrupt positions");
    return -1;
}

/* ---- clause cursors ------------------------------------------------------------------ */

static int has_pos(const uint32_t *a, uint32_t n, uint32_t v)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t m = (lo + hi) / 2;
        if (a[m] < v)
            lo = m + 1;
        else
            hi = m;
    }
    return lo < n && a[lo] == v;
}

/* Does the phrase occur in the document all words are on? Sets ptt, ptb. */
static int phrase_match(sctx *c, ccur *k)
{
    const uint32_t *pos[64];
    uint32_t tt[64], tb[64];
    for (uint32_t i = 0; i < k->nw; i++) {
        if (tcur_pos(c, &k->w[i], &pos[i], &tt[i], &tb[i])) return 0;
        /* each cursor owns its buffer, so pos[i] stays valid */
    }
    uint32_t hits[2] = {0, 0};
    for (int f = 0; f < 2; f++) {
        const uint32_t *p0 = f ? pos[0] + tt[0] : pos[0];
        uint32_t n0 = f ? tb[0] : tt[0];
        for (uint32_t j = 0; j < n0; j++) {
            uint32_t start = p0[j] - k->rel[0];
            uint32_t i = 1;
            for (; i < k->nw; i++) {
                const uint32_t *pi = f ? pos[i] + tt[i] : pos[i];
                if (!has_pos(pi, f ? tb[i] : tt[i], start + k->rel[i])) break;
            }
            hits[f] += i == k->nw;
        }
    }
    k->ptt = hits[0];
    k->ptb = hits[1];
    return hits[0] + hits[1] > 0;
}

static uint32_t cc_next(sctx *c, ccur *k, uint32_t target)
{
    if (k->doc == DOC_END || (k->doc >= target && k->doc != 0)) return k->doc;
    if (k->kind == KH_Q_TERM) return k->doc = tcur_next(c, &k->w[0], target);
    if (k->kind == KH_Q_PREFIX) {
        uint32_t m = DOC_END;
        for (uint32_t i = 0; i < k->nw; i++) {
            uint32_t d = tcur_next(c, &k->w[i], target);
            if (d < m) m = d;
        }
        return k->doc = m;
    }
    uint32_t d = target;
    while (!c->st) {
        uint32_t i = 0;
        for (; i < k->nw; i++) {
            uint32_t x = tcur_next(c, &k->w[i], d);
            if (x == DOC_END) return k->doc = DOC_END;
            if (x != d) {
                d = x;
                break;
            }
        }
        if (i < k->nw) continue;
        if (phrase_match(c, k)) return k->doc = d;
        if (d == DOC_END - 1) break;
        d++;
    }
    return k->doc = DOC_END;
}

static double cc_score(sctx *c, ccur *k)
{
    if (k->kind == KH_Q_TERM) return tcur_score(c, &k->w[0]);
    if (k->kind == KH_Q_PREFIX) {
        double s = 0;
        for (uint32_t i = 0; i < k->nw; i++)
            if (k->w[i].doc == k->doc) s += tcur_score(c, &k->w[i]);
        return s;
    }
    return term_score(c, k->idf, k->doc, k->ptt, k->ptb);
}

static double cc_bound(ccur *k, uint32_t target, uint32_t *last)
{
    double s = 0;
    *last = DOC_END;
    for (uint32_t i = 0; i < k->nw; i++) {
        uint32_t l;
        s += tcur_bound(&k->w[i], target, &l);
        if (l < *last) *last = l;
    }
    return s;
}

/* Expands a prefix into the keys that start with it, in every segment. */
static kh_status expand_prefix(sctx *c, const char *key, uint32_t len, qterm ***out, uint32_t *n)
{
    kh_index *ix = c->ix;
    char hi[KH_QUERY_MAX_BYTES + 1];
    memcpy(hi, key, len);
    hi[len - 1]++; /* keys are UTF-8: the last byte is never 0xFF */
    qterm **list = aalloc(&c->ar, KH_QUERY_MAX_EXPANSION * sizeof *list);
    uint32_t k = 0;
    if (!list) return oom(c);
    for (size_t s = 0; s < ix->nsegs && !c->st; s++) {
        sqlite3_stmt *st = kh_ix_stmt(ix, ST_TERM_RANGE);
        if (!st) return fail(c, KH_ESQLITE, sqlite3_errmsg(ix->db));
        sqlite3_bind_int64(st, 1, ix->segs[s].seg);
        sqlite3_bind_blob(st, 2, key, (int)len, SQLITE_STATIC);
        sqlite3_bind_blob(st, 3, hi, (int)len, SQLITE_STATIC);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            uint32_t kl = (uint32_t)sqlite3_column_bytes(st, 0);
            const void *kp = sqlite3_column_blob(st, 0);
            uint32_t j = 0;
            for (; j < k; j++)
                if (list[j]->key_len == kl && !memcmp(list[j]->key, kp, kl)) break;
            if (j < k) continue;
            if (k == KH_QUERY_MAX_EXPANSION) {
                sqlite3_reset(st);
                return fail(c, KH_ELIMIT, "a prefix* matches more than 1024 keys: make it longer");
            }
            char *copy = aalloc(&c->ar, kl + 1);
            qterm *t = azalloc(&c->ar, sizeof *t);
            if (!copy || !t) {
                sqlite3_reset(st);
                return oom(c);
            }
            memcpy(copy, kp, kl);
            t->key = copy;
            t->key_len = kl;
            list[k++] = t; /* loaded below, once the statement is done */
        }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) return fail(c, KH_ESQLITE, sqlite3_errmsg(ix->db));
    }
    for (uint32_t j = 0; j < k && !c->st; j++)
        list[j] = load_term(c, list[j]->key, list[j]->key_len);
    *out = list;
    *n = k;
    return c->st;
}

/* Builds a fresh cursor for clause i of the query. */
static kh_status make_ccur(sctx *c, const kh_qclause *qc, ccur *k)
{
    memset(k, 0, sizeof *k);
    k->kind = qc->kind;
    const kh_qword *w = &c->q->words[qc->first];
    qterm **ts = NULL;
    uint32_t n = qc->n;
    if (qc->kind == KH_Q_PREFIX) {
        if (expand_prefix(c, kh_qword_key(c->q, w), w->key_len, &ts, &n)) return c->st;
    } else {
        if (n > 64) return fail(c, KH_ELIMIT, "a phrase of more than 64 words");
        ts = aalloc(&c->ar, (n ? n : 1) * sizeof *ts);
        uint32_t *rel = aalloc(&c->ar, (n ? n : 1) * sizeof *rel);
        if (!ts || !rel) return oom(c);
        for (uint32_t i = 0; i < n; i++) {
            if (!(ts[i] = load_term(c, kh_qword_key(c->q, &w[i]), w[i].key_len))) return c->st;
            rel[i] = w[i].rel;
            k->idf += ts[i]->idf;
        }
        k->rel = rel;
    }
    k->w = aalloc(&c->ar, (n ? n : 1) * sizeof *k->w);
    if (!k->w) return oom(c);
    k->nw = n;
    k->cost = qc->kind == KH_Q_PHRASE ? UINT64_MAX : 0;
    for (uint32_t i = 0; i < n; i++) {
        tcur_init(&k->w[i], ts[i]);
        k->w[i].pos = NULL;
        k->w[i].cappos = 0;
        k->maxb += ts[i]->maxb;
        if (qc->kind == KH_Q_PHRASE)
            k->cost = ts[i]->df < k->cost ? ts[i]->df : k->cost;
        else
            k->cost += ts[i]->df;
    }
    if (qc->kind == KH_Q_PHRASE)
        k->maxb = k->maxb; /* sum of the words' bounds bounds the phrase (see top) */
    k->doc = n ? 0 : DOC_END;
    if (qc->kind == KH_Q_PHRASE)
        for (uint32_t i = 0; i < n; i++)
            if (!ts[i]->npieces) k->doc = DOC_END;
    return KH_OK;
}

static void ccur_release(sctx *c, ccur *k)
{
    for (uint32_t i = 0; i < k->nw; i++)
        kh_mem_free(&c->ix->mem, k->w[i].pos, k->w[i].cappos * sizeof *k->w[i].pos);
    k->nw = 0;
}

/* ---- filters and the top-R heap ---------------------------------------------------- */

static int accept(sctx *c, uint32_t d)
{
    const kh_index *ix = c->ix;
    if (kh_ix_is_deleted(ix, d)) return 0;
    if (c->has_filter) {
        const kh_dinfo *di = &ix->dinfo[d];
        if (c->src_in && !((c->src_in[di->sid >> 6] >> (di->sid & 63)) & 1)) return 0;
        if (c->src_out && ((c->src_out[di->sid >> 6] >> (di->sid & 63)) & 1)) return 0;
        if (di->day == KH_DAY_NONE ? c->from != INT32_MIN || c->to != INT32_MAX
                                   : di->day < c->from || di->day > c->to)
            return 0;
        if (c->ent_hits && c->ent_hits[d] != c->nent) return 0;
        if (c->ent_out && ((c->ent_out[d >> 6] >> (d & 63)) & 1)) return 0;
    }
    for (size_t i = 0; i < c->nneg; i++)
        if (cc_next(c, &c->neg[i], d) == d) return 0;
    return 1;
}

/* Heap order: lower score first; on a tie the later document is worse. */
static int worse(const hit *a, const hit *b)
{
    return a->score < b->score || (a->score == b->score && a->doc > b->doc);
}

static double threshold(const sctx *c)
{
    return c->nheap < c->R ? -1.0 : c->heap[0].score;
}

static void heap_push(sctx *c, double score, uint32_t doc)
{
    hit h = {score, doc};
    size_t i;
    if (c->nheap < c->R) {
        i = c->nheap++;
        while (i > 0 && worse(&h, &c->heap[(i - 1) / 2])) {
            c->heap[i] = c->heap[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        c->heap[i] = h;
        return;
    }
    if (!worse(&c->heap[0], &h)) return;
    i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        const hit *best = &h;
        if (l < c->nheap && worse(&c->heap[l], best)) m = l, best = &c->heap[l];
        if (r < c->nheap && worse(&c->heap[r], best)) m = r;
        if (m == i) break;
        c->heap[i] = c->heap[m];
        i = m;
    }
    c->heap[i] = h;
}

/* ---- strategies ----------------------------------------------------------------------- */

/* One key, no filter, no deletion: total is df; rank block by block. */
static uint64_t rank_single(sctx *c, qterm *t)
{
    tcur u;
    tcur_init(&u, t);
    for (u.pi = 0; u.pi < t->npieces && !c->st; u.pi++) {
        piece *p = &t->pieces[u.pi];
        for (u.bi = 0; u.bi < p->nblk && !c->st; u.bi++) {
            if (p->bound[u.bi] <= threshold(c)) continue;
            if (tcur_decode(c, &u)) break;
            for (u.i = 0; u.i < p->blk[u.bi].count; u.i++) {
                u.doc = u.ids[u.i];
                double s = tcur_score(c, &u);
                if (s > threshold(c)) heap_push(c, s, u.doc);
            }
        }
    }
    return t->df;
}

static int by_cost(const void *a, const void *b)
{
    const ccur *x = a, *y = b;
    return (x->cost > y->cost) - (x->cost < y->cost);
}

/* Every clause required: leapfrog from the rarest clause. */
static uint64_t rank_all(sctx *c, ccur *k, size_t n, int count)
{
    qsort(k, n, sizeof *k, by_cost);
    uint64_t total = 0;
    uint32_t d = cc_next(c, &k[0], 1);
    while (d != DOC_END && !c->st) {
        if (!count && c->nheap == c->R) {
            uint32_t last = DOC_END, l;
            double ub = 0;
            for (size_t i = 0; i < n; i++) {
                ub += cc_bound(&k[i], d, &l);
                if (l < last) last = l;
            }
            if (ub <= threshold(c)) {
                d = last == DOC_END ? DOC_END : cc_next(c, &k[0], last + 1);
                continue;
            }
        }
        size_t i = 1;
        uint32_t x = d;
        for (; i < n; i++)
            if ((x = cc_next(c, &k[i], d)) != d) break;
        if (i < n) {
            d = x == DOC_END ? DOC_END : cc_next(c, &k[0], x);
            continue;
        }
        if (accept(c, d)) {
            total++;
            double ub = 0;
            uint32_t l;
            if (c->nheap == c->R)
                for (size_t j = 0; j < n; j++)
                    ub += cc_bound(&k[j], d, &l);
            if (c->nheap < c->R || ub > threshold(c)) {
                double s = 0;
                for (size_t j = 0; j < n; j++)
                    s += cc_score(c, &k[j]);
                if (s > threshold(c)) heap_push(c, s, d);
            }
        }
        d = d == DOC_END - 1 ? DOC_END : cc_next(c, &k[0], d + 1);
    }
    return total;
}

static int by_maxb(const void *a, const void *b)
{
    const ccur *x = a, *y = b;
    return (x->maxb > y->maxb) - (x->maxb < y->maxb);
}

/* Any clause may match: MaxScore. Clauses sorted by bound; those whose
** bounds together cannot reach the threshold are non-essential and only
** probed for documents the essential ones bring. */
static void rank_any(sctx *c, ccur *k, size_t n)
{
    qsort(k, n, sizeof *k, by_maxb);
    double ub[KH_QUERY_MAX_CLAUSES];
    for (size_t i = 0; i < n; i++) {
        ub[i] = k[i].maxb + (i ? ub[i - 1] : 0);
        cc_next(c, &k[i], 1);
    }
    size_t ess = 0; /* k[ess..n) are essential */
    while (!c->st) {
        double th = threshold(c);
        while (ess < n && c->nheap == c->R && ub[ess] <= th)
            ess++;
        if (ess == n) break;
        uint32_t d = DOC_END;
        for (size_t i = ess; i < n; i++)
            if (k[i].doc < d) d = k[i].doc;
        if (d == DOC_END) break;
        if (accept(c, d)) {
            double s = 0;
            for (size_t i = ess; i < n; i++)
                if (k[i].doc == d) s += cc_score(c, &k[i]);
            for (size_t i = ess; i-- > 0;) {
                if (c->nheap == c->R) {
                    uint32_t l;
                    double b = k[i].maxb;
                    double bb = cc_bound(&k[i], d, &l);
                    if (bb < b) b = bb;
                    if (s + ub[i] - k[i].maxb + b <= th) break;
                }
                if (cc_next(c, &k[i], d) == d) s += cc_score(c, &k[i]);
            }
            if (s > th) heap_push(c, s, d);
        }
        for (size_t i = ess; i < n; i++)
            if (k[i].doc == d) cc_next(c, &k[i], d == DOC_END - 1 ? DOC_END : d + 1);
    }
}

/* Exact number of documents any positive clause matches, after filters. */
static uint64_t count_any(sctx *c, ccur *k, size_t n)
{
    kh_index *ix = c->ix;
    size_t words = (size_t)(ix->stats.next_docid + 63) / 64;
    uint64_t *bits = azalloc(&c->ar, words * sizeof *bits);
    if (!bits) {
        oom(c);
        return 0;
    }
    for (size_t i = 0; i < n && !c->st; i++) {
        if (k[i].kind == KH_Q_TERM) { /* the common case: ids only, block by block */
            tcur *u = &k[i].w[0];
            for (u->pi = 0; u->pi < u->t->npieces && !c->st; u->pi++)
                for (u->bi = 0; u->bi < u->t->pieces[u->pi].nblk; u->bi++) {
                    if (tcur_decode(c, u)) break;
                    for (uint32_t j = 0; j < u->t->pieces[u->pi].blk[u->bi].count; j++)
                        bits[u->ids[j] >> 6] |= (uint64_t)1 << (u->ids[j] & 63);
                }
            continue;
        }
        for (uint32_t d = cc_next(c, &k[i], 1); d != DOC_END && !c->st;
             d = d == DOC_END - 1 ? DOC_END : cc_next(c, &k[i], d + 1))
            bits[d >> 6] |= (uint64_t)1 << (d & 63);
    }
    uint64_t total = 0;
    int slow = c->has_filter || c->nneg;
    for (size_t w = 0; w < words && !c->st; w++) {
        uint64_t b = bits[w] & ~ix->deleted[w];
        if (!slow) {
            total += (uint64_t)__builtin_popcountll(b);
            continue;
        }
        while (b) {
            uint32_t d = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(b));
            b &= b - 1;
            total += (uint64_t)accept(c, d);
        }
    }
    return total;
}

/* ---- proximity ------------------------------------------------------------------------- */

static double pair_tp(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb)
{
    double tp = 0;
    uint32_t j0 = 0;
    for (uint32_t i = 0; i < na; i++) {
        while (j0 < nb && b[j0] + PROX_WINDOW < a[i])
            j0++;
        for (uint32_t j = j0; j < nb && b[j] <= a[i] + PROX_WINDOW; j++) {
            uint32_t d = a[i] > b[j] ? a[i] - b[j] : b[j] - a[i];
            if (d) tp += 1.0 / ((double)d * d);
        }
    }
    return tp;
}

static int by_doc(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    return (x->doc > y->doc) - (x->doc < y->doc);
}

/* Adds the proximity bonus to every hit of the heap. */
static void rerank(sctx *c, ccur *k, size_t n)
{
    if (n < 2 || n > 16) return;
    qsort(c->heap, c->nheap, sizeof *c->heap, by_doc);
    const uint32_t *pos[16];
    uint32_t tt[16], tb[16];
    int on[16];
    for (size_t h = 0; h < c->nheap && !c->st; h++) {
        uint32_t d = c->heap[h].doc;
        for (size_t i = 0; i < n; i++) {
            on[i] = tcur_next(c, &k[i].w[0], d) == d;
            if (on[i] && tcur_pos(c, &k[i].w[0], &pos[i], &tt[i], &tb[i])) return;
        }
        double bonus = 0, Kd = c->K[c->ix->dinfo[d].nb];
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n && j <= i + PROX_SPAN && on[i]; j++) {
                if (!on[j] || k[i].w[0].t == k[j].w[0].t) continue;
                double tp = W_TITLE * pair_tp(pos[i], tt[i], pos[j], tt[j]) +
                            pair_tp(pos[i] + tt[i], tb[i], pos[j] + tt[j], tb[j]);
                double idf = k[i].idf < k[j].idf ? k[i].idf : k[j].idf;
                bonus += PROX_WEIGHT * idf * tp * (K1 + 1) / (tp + Kd);
            }
        c->heap[h].score += bonus;
    }
}

/* ---- hits ------------------------------------------------------------------------------ */

static int by_score(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    return (x->doc > y->doc) - (x->doc < y->doc);
}

/* Stores n bytes in the result strings; returns the offset, or -1. */
static int64_t put_str(kh_search_state *ss, const void *p, size_t n)
{
    size_t off = ss->strings.n;
    if (kh_buf_put(&ss->strings, p, n) || kh_buf_byte(&ss->strings, 0)) return -1;
    return (int64_t)off;
}

/* A text column as an offset into the strings (pointer fixed up later). */
static int col_text(kh_search_state *ss, sqlite3_stmt *st, int col, kh_text *out)
{
    const void *p = sqlite3_column_blob(st, col);
    size_t n = (size_t)sqlite3_column_bytes(st, col);
    int64_t off = put_str(ss, p ? p : "", n);
    out->ptr = (const char *)(uintptr_t)off;
    out->len = n;
    return off < 0 ? -1 : 0;
}

static size_t snip_keys(const kh_query *q, kh_snip_key *keys, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < q->nclauses; i++) {
        const kh_qclause *qc = &q->clauses[i];
        if (qc->neg || kh_qkind_is_filter(qc->kind)) continue;
        for (uint32_t j = 0; j < qc->n && n < max; j++) {
            const kh_qword *w = &q->words[qc->first + j];
            keys[n++] = (kh_snip_key){kh_qword_key(q, w), w->key_len, qc->kind == KH_Q_PREFIX};
        }
    }
    return n;
}

/* The body of the row st is on, inflated if stored compressed. OUT: *body
** (valid until the next call, or while st stays on the row), *len. */
static int load_body(sctx *c, sqlite3_stmt *st, const uint8_t **body, size_t *len)
{
    int64_t size = sqlite3_column_int64(st, 5);
    int enc = sqlite3_column_int(st, 6);
    const uint8_t *raw = sqlite3_column_blob(st, 7);
    size_t rl = (size_t)sqlite3_column_bytes(st, 7);
    if (enc == 0) {
        *body = raw ? raw : (const uint8_t *)"";
        *len = rl;
        return 0;
    }
    if (enc != 1 || size < 0 || size > INT32_MAX) {
        fail(c, KH_ECORRUPT, "a stored body has an unknown encoding");
        return -1;
    }
    uint8_t *out = aalloc(&c->ar, (size_t)size + 1);
    uLongf ol = (uLongf)size;
    if (!out) {
        oom(c);
        return -1;
    }
    if (uncompress(out, &ol, raw ? raw : (const uint8_t *)"", (uLong)rl) != Z_OK ||
        ol != (uLongf)size) {
        fail(c, KH_ECORRUPT, "a stored body does not inflate");
        return -1;
    }
    *body = out;
    *len = (size_t)size;
    return 0;
}

/* Reads the stored fields of one hit and, unless asked not to, its snippet. */
static kh_status fill_hit(sctx *c, const hit *h, kh_hit *out, int snippets, uint32_t want,
                          const kh_snip_key *keys, size_t nkeys)
{
    kh_index *ix = c->ix;
    kh_search_state *ss = ix->search;
    sqlite3_stmt *st = kh_ix_stmt(ix, snippets ? ST_DOC_BODY : ST_DOC_META);
    if (!st) return fail(c, KH_ESQLITE, sqlite3_errmsg(ix->db));
    sqlite3_bind_int64(st, 1, h->doc);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        return fail(c, rc == SQLITE_DONE ? KH_ECORRUPT : KH_ESQLITE,
                    rc == SQLITE_DONE ? "a hit's document row is missing" : sqlite3_errmsg(ix->db));
    }
    memset(out, 0, sizeof *out);
    out->score = h->score;
    int64_t sid = sqlite3_column_int64(st, 1);
    const char *sname = sid > 0 && (size_t)sid < ix->nsources ? ix->source_names[sid] : NULL;
    int64_t so = put_str(ss, sname ? sname : "", sname ? strlen(sname) : 0);
    out->source.ptr = (const char *)(uintptr_t)so;
    out->source.len = sname ? strlen(sname) : 0;
    int bad = so < 0 || col_text(ss, st, 0, &out->id) || col_text(ss, st, 2, &out->date) ||
              col_text(ss, st, 3, &out->url) || col_text(ss, st, 4, &out->title);
    if (!bad && snippets) {
        const uint8_t *body;
        size_t blen;
        if (load_body(c, st, &body, &blen)) {
            sqlite3_reset(st);
            return c->st;
        }
        uint32_t s0 = 0, s1 = 0;
        size_t before = 0;
        for (size_t i = 0; i < ss->res.nhits; i++)
            before += ss->hits[i].nhighlights;
        size_t nsp = before;
        kh_status s = kh_snippet(ix->an, &ix->mem, body ? body : (const uint8_t *)"", blen, keys,
                                 nkeys, want, &s0, &s1, &ss->spans, &nsp, &ss->capspans);
        if (s) {
            sqlite3_reset(st);
            return fail(c, s, "snippet: analysis failed");
        }
        int64_t off = put_str(ss, body ? body + s0 : (const uint8_t *)"", s1 - s0);
        bad = off < 0;
        out->snippet.ptr = (const char *)(uintptr_t)off;
        out->snippet.len = s1 - s0;
        out->snippet_start = s0;
        out->highlights = (const kh_span *)(uintptr_t)before;
        out->nhighlights = nsp - before;
    }
    sqlite3_reset(st);
    return bad ? oom(c) : KH_OK;
}

/* Turns the offsets stored in the hits into pointers, now that nothing moves. */
static void fix_pointers(kh_search_state *ss)
{
    const char *base = (const char *)ss->strings.p;
    for (size_t i = 0; i < ss->res.nhits; i++) {
        kh_hit *h = &ss->hits[i];
        kh_text *f[] = {&h->id, &h->title, &h->source, &h->url, &h->date, &h->snippet};
        for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
            f[k]->ptr = base ? base + (uintptr_t)f[k]->ptr : "";
        h->highlights = h->nhighlights ? ss->spans + (uintptr_t)h->highlights : NULL;
    }
    for (size_t i = 0; i < ss->res.nfacets; i++)
        ss->facets[i].name.ptr = base + (uintptr_t)ss->facets[i].name.ptr;
}

/* ---- the query ----------------------------------------------------------------------------- */

static int ascii_ieq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
        if (x != y) return 0;
    }
    return 1;
}

/* entity: clauses, resolved through the stored entities into per-docid
** arrays that accept() reads. */
typedef struct entctx {
    sctx *c;
    uint8_t k; /* the positive clause being added (0-based), or 255: negative */
} entctx;

static void ent_doc(void *ud, uint32_t d, uint32_t mentions)
{
    entctx *e = ud;
    sctx *c = e->c;
    if (d > c->ent_max) return;
    if (e->k == 255) {
        c->ent_out[d >> 6] |= (uint64_t)1 << (d & 63);
        return;
    }
    /* a document counts for clause k only if it met clauses 0..k-1: AND */
    if (c->ent_hits[d] == e->k) {
        c->ent_hits[d] = (uint8_t)(e->k + 1);
        uint32_t m = c->ent_ment[d] + mentions;
        c->ent_ment[d] = (uint16_t)(m > UINT16_MAX ? UINT16_MAX : m);
    }
}

static kh_status entity_filters(sctx *c)
{
    const kh_query *q = c->q;
    size_t n = (size_t)c->ix->stats.next_docid;
    c->ent_max = c->ix->nsegs ? c->ix->segs[c->ix->nsegs - 1].hi : 0;
    int k = 0;
    for (size_t i = 0; i < q->nclauses && !c->st; i++) {
        const kh_qclause *qc = &q->clauses[i];
        if (qc->kind != KH_Q_ENTITY) continue;
        if (!qc->neg && k == 254) return fail(c, KH_ELIMIT, "more than 254 entity: clauses");
        if (qc->neg && !c->ent_out && !(c->ent_out = azalloc(&c->ar, (n + 63) / 64 * 8)))
            return oom(c);
        if (!qc->neg && !c->ent_hits &&
            (!(c->ent_hits = azalloc(&c->ar, n)) ||
             !(c->ent_ment = azalloc(&c->ar, n * sizeof *c->ent_ment))))
            return oom(c);
        c->has_filter = 1;
        entctx e = {c, qc->neg ? 255 : (uint8_t)k};
        const kh_qword *w = &q->words[qc->first];
        kh_status s = kh_ix_entity_docs(c->ix, kh_qword_key(q, w), w->key_len, ent_doc, &e);
        if (s) {
            c->st = s; /* the message is already in the index's error */
            return s;
        }
        k += !qc->neg;
    }
    c->nent = k;
    return c->st;
}

/* A query of entity: filters only: their documents, ranked by mentions. */
static uint64_t rank_entity(sctx *c)
{
    uint64_t total = 0;
    for (uint32_t d = 1; d <= c->ent_max && !c->st; d++) {
        if (c->ent_hits[d] != c->nent || !accept(c, d)) continue;
        total++;
        double sc = c->ent_ment[d];
        if (sc > threshold(c)) heap_push(c, sc, d);
    }
    return total;
}

static kh_status set_filters(sctx *c, const kh_search_opts *o)
{
    c->from = INT32_MIN;
    c->to = INT32_MAX;
    if (o->from && kh_date_bound(o->from, 0, &c->from))
        return fail(c, KH_EINVAL, "--from wants YYYY, YYYY-MM or YYYY-MM-DD");
    if (o->to && kh_date_bound(o->to, 1, &c->to))
        return fail(c, KH_EINVAL, "--to wants YYYY, YYYY-MM or YYYY-MM-DD");
    c->has_filter = o->from || o->to;
    const kh_query *q = c->q;
    if (entity_filters(c)) return c->st;
    for (size_t i = 0; i < q->nclauses; i++) {
        const kh_qclause *qc = &q->clauses[i];
        if (qc->kind != KH_Q_SOURCE) continue;
        uint64_t **set = qc->neg ? &c->src_out : &c->src_in;
        if (!*set && !(*set = azalloc(&c->ar, 65536 / 8))) return oom(c);
        c->has_filter = 1;
        const kh_qword *w = &q->words[qc->first];
        const char *name = kh_qword_key(q, w);
        for (size_t sid = 1; sid < c->ix->nsources; sid++) {
            const char *sn = c->ix->source_names[sid];
            if (sn && strlen(sn) == w->key_len && ascii_ieq(sn, name, w->key_len))
                (*set)[sid >> 6] |= (uint64_t)1 << (sid & 63);
        }
    }
    return KH_OK;
}

static void set_norms(sctx *c)
{
    const kh_ixstats *s = &c->ix->stats;
    double docs = s->docs > 0 ? (double)s->docs : 1;
    double at = s->title_tokens > 0 ? (double)s->title_tokens / docs : 1;
    double ab = s->body_tokens > 0 ? (double)s->body_tokens / docs : 1;
    c->N = docs;
    for (int n = 0; n < 256; n++) {
        double len = kh_norm_decode((uint8_t)n);
        c->invNt[n] = 1.0 / (1 - B + B * len / at);
        c->invNb[n] = 1.0 / (1 - B + B * len / ab);
        c->K[n] = K1 * (1 - B + B * len / ab);
    }
}

/* Builds cursors for the clauses with the given sign. OUT: *k, *n. */
static kh_status clause_cursors(sctx *c, int neg, int terms_only, ccur **k, size_t *n)
{
    const kh_query *q = c->q;
    *k = aalloc(&c->ar, (q->nclauses ? q->nclauses : 1) * sizeof **k);
    *n = 0;
    if (!*k) return oom(c);
    for (size_t i = 0; i < q->nclauses && !c->st; i++) {
        const kh_qclause *qc = &q->clauses[i];
        if (kh_qkind_is_filter(qc->kind) || qc->neg != neg || (terms_only && qc->kind != KH_Q_TERM))
            continue;
        if (!make_ccur(c, qc, &(*k)[*n])) (*n)++;
    }
    return c->st;
}

static void release_all(sctx *c, ccur *k, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ccur_release(c, &k[i]);
}

/* Matching and ranking: fills the heap and the total. */
static kh_status run_query(sctx *c, uint32_t flags, uint64_t *total)
{
    ccur *pos = NULL, *neg = NULL;
    size_t npos = 0, nneg = 0;
    int count = !(flags & KH_SEARCH_NO_TOTAL);
    *total = 0;
    if (clause_cursors(c, 1, 0, &neg, &nneg) || clause_cursors(c, 0, 0, &pos, &npos)) goto done;
    c->neg = neg;
    c->nneg = nneg;
    if (npos == 0 && c->ent_hits) {
        *total = rank_entity(c);
        goto done;
    }
    if (npos == 0) goto done;
    if (flags & KH_SEARCH_ANY) {
        if (count) {
            ccur *cnt;
            size_t ncnt;
            if (clause_cursors(c, 0, 0, &cnt, &ncnt)) goto done;
            *total = count_any(c, cnt, ncnt);
            release_all(c, cnt, ncnt);
            release_all(c, neg, nneg);
            if (clause_cursors(c, 1, 0, &neg, &nneg)) goto done;
            c->neg = neg;
        }
        rank_any(c, pos, npos);
    } else {
        for (size_t i = 0; i < npos; i++)
            if (pos[i].doc == DOC_END) goto done; /* a required word no document has */
        if (npos == 1 && pos[0].kind == KH_Q_TERM && !c->has_filter && !nneg && !c->ix->ndeleted)
            *total = rank_single(c, pos[0].w[0].t);
        else
            *total = rank_all(c, pos, npos, count);
    }
    if (!c->st) {
        ccur *tk;
        size_t ntk;
        if (!clause_cursors(c, 0, 1, &tk, &ntk)) {
            rerank(c, tk, ntk);
            release_all(c, tk, ntk);
        }
    }
done:
    release_all(c, pos, npos);
    release_all(c, c->neg, c->nneg);
    c->nneg = 0;
    return c->st;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static kh_search_state *state_get(kh_index *ix)
{
    if (!ix->search) {
        ix->search = kh_mem_alloc(&ix->mem, sizeof *ix->search);
        if (!ix->search) return NULL;
        memset(ix->search, 0, sizeof *ix->search);
        kh_buf_init(&ix->search->strings, &ix->mem);
    }
    kh_search_state *ss = ix->search;
    ss->strings.n = 0;
    ss->strings.oom = 0;
    memset(&ss->res, 0, sizeof ss->res);
    return ss;
}

void kh_ix_search_free(kh_index *ix)
{
    kh_search_state *ss = ix->search;
    if (!ss) return;
    kh_buf_free(&ss->strings);
    kh_mem_free(&ix->mem, ss->hits, ss->caphits * sizeof *ss->hits);
    kh_mem_free(&ix->mem, ss->spans, ss->capspans * sizeof *ss->spans);
    kh_mem_free(&ix->mem, ss->facets, ss->capfacets * sizeof *ss->facets);
    kh_mem_free(&ix->mem, ss, sizeof *ss);
    ix->search = NULL;
}

/* ---- facets ---------------------------------------------------------------------------------- */

typedef struct fpair {
    uint32_t eid, mentions;
} fpair;

typedef struct fagg {
    uint32_t eid, docs, mentions;
} fagg;

typedef struct fctx {
    sctx *c;
    fpair *p;
    size_t n, cap;
} fctx;

static void facet_pair(void *ud, uint32_t eid, uint32_t mentions)
{
    fctx *f = ud;
    if (f->c->st) return;
    if (kh_mem_grow(&f->c->ix->mem, (void **)&f->p, &f->cap, f->n + 1, sizeof *f->p)) {
        oom(f->c);
        return;
    }
    f->p[f->n++] = (fpair){eid, mentions};
}

static int by_eid(const void *a, const void *b)
{
    const fpair *x = a, *y = b;
    return (x->eid > y->eid) - (x->eid < y->eid);
}

static int by_docs(const void *a, const void *b)
{
    const fagg *x = a, *y = b;
    if (x->docs != y->docs) return x->docs < y->docs ? 1 : -1;
    if (x->mentions != y->mentions) return x->mentions < y->mentions ? 1 : -1;
    return (x->eid > y->eid) - (x->eid < y->eid);
}

/* The entities the ranked documents (the whole heap) mention most. */
static kh_status facets(sctx *c, kh_search_state *ss, uint32_t want)
{
    fctx f = {c, NULL, 0, 0};
    for (size_t i = 0; i < c->nheap && !c->st; i++) {
        kh_status s = kh_ix_doc_entities(c->ix, c->heap[i].doc, facet_pair, &f);
        if (s && !c->st) c->st = s;
    }
    size_t na = 0;
    fagg *a = NULL;
    if (!c->st && f.n) {
        qsort(f.p, f.n, sizeof *f.p, by_eid);
        if (!(a = aalloc(&c->ar, f.n * sizeof *a))) oom(c);
        for (size_t i = 0; a && i < f.n; i++) {
            if (!na || a[na - 1].eid != f.p[i].eid) a[na++] = (fagg){f.p[i].eid, 0, 0};
            a[na - 1].docs++;
            a[na - 1].mentions += f.p[i].mentions;
        }
        if (a) qsort(a, na, sizeof *a, by_docs);
    }
    kh_mem_free(&c->ix->mem, f.p, f.cap * sizeof *f.p);
    size_t n = na < want ? na : want;
    if (!c->st && n &&
        kh_mem_grow(&c->ix->mem, (void **)&ss->facets, &ss->capfacets, n, sizeof *ss->facets))
        oom(c);
    for (size_t i = 0; i < n && !c->st; i++) {
        kh_facet *fc = &ss->facets[i];
        size_t off = ss->strings.n;
        uint32_t type = 0;
        kh_status s = kh_ix_entity_name(c->ix, a[i].eid, &ss->strings, &type);
        if (s) {
            c->st = s;
            break;
        }
        *fc = (kh_facet){{(const char *)(uintptr_t)off, ss->strings.n - off - 1},
                         type,
                         a[i].docs,
                         a[i].mentions};
        ss->res.nfacets = i + 1;
    }
    return c->st;
}

/* Everything after parsing, inside the read transaction. */
static kh_status search_in_txn(sctx *c, const kh_search_opts *o, kh_search_state *ss)
{
    if (kh_ix_refresh(c->ix)) return c->st = c->ix->err.status;
    set_norms(c);
    if (set_filters(c, o)) return c->st;
    uint32_t limit = o->limit ? o->limit : 10;
    uint64_t want = (uint64_t)o->offset + limit;
    c->R = want < RERANK ? RERANK : (size_t)want;
    if (want > 1000000) return fail(c, KH_ELIMIT, "offset + limit over 1,000,000");
    if (!(c->heap = aalloc(&c->ar, c->R * sizeof *c->heap))) return oom(c);
    if (o->facets && !kh_index_has_facts(c->ix))
        return fail(c, KH_EINVAL, "no entities stored: index with --extract");
    uint64_t total;
    if (run_query(c, o->flags, &total)) return c->st;
    qsort(c->heap, c->nheap, sizeof *c->heap, by_score);
    if (o->facets && facets(c, ss, o->facets)) return c->st;
    ss->res.total = total;
    size_t from = o->offset < c->nheap ? o->offset : c->nheap;
    size_t n = c->nheap - from < limit ? c->nheap - from : limit;
    if (kh_mem_grow(&c->ix->mem, (void **)&ss->hits, &ss->caphits, n ? n : 1, sizeof *ss->hits))
        return oom(c);
    kh_snip_key keys[256];
    size_t nkeys = snip_keys(c->q, keys, 256);
    int snippets = !(o->flags & KH_SEARCH_NO_SNIPPETS);
    uint32_t want_bytes = o->snippet_bytes ? o->snippet_bytes : 240;
    for (size_t i = 0; i < n && !c->st; i++) {
        if (fill_hit(c, &c->heap[from + i], &ss->hits[i], snippets, want_bytes, keys, nkeys)) break;
        ss->res.nhits = i + 1;
    }
    return c->st;
}

kh_status kh_search(kh_index *ix, const char *query, size_t len, const kh_search_opts *opts,
                    const kh_results **out)
{
    if (!ix || !out || (!query && len)) return KH_EINVAL;
    *out = NULL;
    double t0 = now_ms();
    ix->err = (kh_error){KH_OK, UINT64_MAX, ""};
    kh_search_opts o = opts ? *opts : (kh_search_opts){0};
    kh_search_state *ss = state_get(ix);
    if (!ss) return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    kh_query q;
    kh_query_init(&q, &ix->mem);
    kh_status s = kh_query_parse(&q, ix->an, query ? query : "", len, &ix->err);
    if (s) {
        kh_query_free(&q);
        return s;
    }
    sctx c;
    memset(&c, 0, sizeof c);
    c.ix = ix;
    c.q = &q;
    c.ar.mem = &ix->mem;
    int own = !ix->in_write;
    sqlite3_stmt *b = own ? kh_ix_stmt(ix, ST_BEGIN_READ) : NULL;
    if (own && (!b || sqlite3_step(b) != SQLITE_DONE)) s = kh_ix_sqlite_error(ix, "begin");
    if (!s) {
        s = search_in_txn(&c, &o, ss);
        if (own) {
            sqlite3_stmt *e = kh_ix_stmt(ix, ST_COMMIT);
            if (e) sqlite3_step(e), sqlite3_reset(e);
        }
    }
    for (size_t i = 0; i < c.nterms; i++)
        for (uint32_t p = 0; p < c.terms[i]->npieces; p++)
            kh_mem_free(&ix->mem, c.terms[i]->pieces[p].blk,
                        c.terms[i]->pieces[p].nblk * sizeof(kh_pblock));
    kh_mem_free(&ix->mem, c.terms, c.capterms * sizeof *c.terms);
    afree(&c.ar);
    kh_query_free(&q);
    if (s) return s;
    fix_pointers(ss);
    ss->res.hits = ss->hits;
    ss->res.facets = ss->res.nfacets ? ss->facets : NULL;
    ss->res.took_ms = now_ms() - t0;
    *out = &ss->res;
    return KH_OK;
}
