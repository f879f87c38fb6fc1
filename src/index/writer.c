/*
** writer.c - adding and deleting documents; writing and merging segments.
**
** A batch gathers the postings of the documents added since the last commit
** in memory: a hash table from key to term, and per term one growing byte
** buffer of (docid gap, tfs, positions) in the encoding of postings.h. At
** commit the terms are sorted and each buffer is re-cut into 128-document
** blocks with their score bounds, so SQLite receives one row per key in key
** order (appends, not random inserts). Document rows go to SQLite as they
** arrive, inside the same transaction.
**
** Guarantees: nothing reaches the file outside the caller's write
** transaction; a docid is never reused; a document deleted while its
** postings are still in the batch simply never reaches a segment.
** Does not: decide when to commit (store.c), rank (search.c).
*/
#include "index/index.h"
#include "index/postings.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define MAX_SEGMENTS 8   /* more than this after a commit triggers a merge */
#define MERGE_WIDTH  4   /* adjacent segments merged at a time */
#define COMPRESS_MIN 200 /* bodies shorter than this are stored as they are */

#define HEAD 12 /* key bytes kept in the term itself */

/* A term of the batch: 64 bytes, so that finding a key and adding its
** posting touch one term and nothing else for the keys up to HEAD bytes
** (nearly all tokens). */
typedef struct bterm {
    uint8_t *buf;
    uint32_t len, cap;
    uint32_t key_off, key_len; /* the whole key, in kh_batch.keys */
    uint32_t df;
    uint32_t last_doc; /* docid of the last posting in buf (gaps start from it) */
    uint32_t stamp;    /* 1 + index in the batch of the document it was last seen in */
    uint32_t first_occ, last_occ;
    uint32_t ntitle, nbody; /* occurrences in the current document */
    uint8_t head[HEAD];     /* the key's first bytes (fewer if it is shorter) */
} bterm;
_Static_assert(sizeof(bterm) == 64 || sizeof(void *) != 8, "a term is one cache line's worth");

/* A slot of the term hash table: the key's hash beside the term index, so
** that a probe that misses never reads the term. */
typedef struct bslot {
    uint32_t hash;
    uint32_t term; /* index + 1; 0 = empty */
} bslot;

typedef struct occ {
    uint32_t pos, next;
} occ;

/* What analyzing one document produces, built without touching the batch,
** so that worker threads can do it: the token stream (one record per keyed
** token: u32 key hash, u32 position << 1 | in_title, u32 key length, key
** bytes; unaligned, read with memcpy), the field lengths and the body as it
** will be stored. */
typedef struct job {
    int state; /* J_* */
    int dead;  /* replaced or deleted again before it was ingested */
    kh_doc doc;
    kh_buf data; /* the document's fields, copied (threaded mode only) */
    kh_buf toks;
    kh_buf zbody;
    int enc;
    uint32_t tlen, blen;
    kh_status st;
} job;

enum { J_EMPTY, J_FILLED, J_BUSY, J_DONE };

/* Per-thread tools: an analyzer and a deflate stream. */
typedef struct worker {
    kh_analyzer *an;
    z_stream z;
    int z_ok;
    const kh_mem *mem;
} worker;

#define RING 128 /* documents in flight between the caller and the workers */

typedef struct pool pool;

typedef struct wctx {
    pool *pl;
    int i;
} wctx;

struct pool {
    pthread_t th[64];
    worker w[64];
    wctx ctx[64];
    int nth, started;
    job ring[RING];
    uint64_t head, tail, next; /* ingest, fill, analyze positions (monotonic) */
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    int idle;         /* workers waiting for a job */
    int main_waiting; /* the caller's thread waits for a job to finish */
    int stop;
    kh_index *ix;
};

typedef struct source_ent {
    char *name;
    size_t len;
    uint16_t sid;
} source_ent;

struct kh_batch {
    uint32_t base;  /* first docid of the batch */
    uint32_t ndocs; /* docids used: base .. base + ndocs - 1 */
    bterm *terms;
    size_t nterms, capterms;
    bslot *slots; /* open addressing, linear probing, at most half full */
    size_t nslots;
    kh_buf keys;
    occ *occs;
    size_t nocc, capocc;
    uint32_t *dterms; /* terms of the current document, first-seen order */
    size_t ndterms, capdterms;
    uint8_t *dinfo; /* 8 bytes per docid of the batch (index.h) */
    size_t capdinfo;
    uint64_t *dead; /* docids of the batch deleted again before the commit */
    size_t capdead;
    size_t bytes; /* memory held by posting buffers, for the batch limit */
    source_ent *sources;
    size_t nsources, capsources;
    worker w0;  /* the caller's own analyzer and deflate stream */
    job j0;     /* the one job of unthreaded mode */
    pool *pool; /* threaded mode */
};

static void pool_free(kh_index *ix, pool *pl);
static int kill_pending(kh_batch *b, const char *id, size_t len);

/* ---- batch memory -------------------------------------------------------------- */

static kh_batch *batch_get(kh_index *ix)
{
    if (!ix->batch) {
        ix->batch = kh_mem_alloc(&ix->mem, sizeof *ix->batch);
        if (!ix->batch) return NULL;
        memset(ix->batch, 0, sizeof *ix->batch);
        kh_batch *nb = ix->batch;
        kh_buf_init(&nb->keys, &ix->mem);
        kh_buf_init(&nb->j0.toks, &ix->mem);
        kh_buf_init(&nb->j0.zbody, &ix->mem);
        kh_buf_init(&nb->j0.data, &ix->mem);
        nb->w0.mem = &ix->mem;
        nb->w0.an = ix->an;
    }
    kh_batch *b = ix->batch;
    if (b->ndocs == 0) b->base = (uint32_t)ix->stats.next_docid;
    return b;
}

/* Frees the postings of the batch; keeps the source cache. */
static void batch_clear(kh_index *ix)
{
    kh_batch *b = ix->batch;
    if (!b) return;
    const kh_mem *m = &ix->mem;
    for (size_t i = 0; i < b->nterms; i++)
        kh_mem_free(m, b->terms[i].buf, b->terms[i].cap);
    kh_mem_free(m, b->terms, b->capterms * sizeof *b->terms);
    kh_mem_free(m, b->slots, b->nslots * sizeof *b->slots);
    kh_mem_free(m, b->occs, b->capocc * sizeof *b->occs);
    kh_mem_free(m, b->dterms, b->capdterms * sizeof *b->dterms);
    kh_mem_free(m, b->dinfo, b->capdinfo);
    kh_mem_free(m, b->dead, b->capdead * sizeof *b->dead);
    kh_buf_free(&b->keys);
    source_ent *src = b->sources;
    size_t ns = b->nsources, cs = b->capsources;
    worker w0 = b->w0;
    job j0 = b->j0;
    pool *pl = b->pool;
    memset(b, 0, sizeof *b);
    kh_buf_init(&b->keys, m);
    b->sources = src;
    b->nsources = ns;
    b->capsources = cs;
    b->w0 = w0;
    b->j0 = j0;
    b->pool = pl;
}

void kh_ix_writer_free(kh_index *ix)
{
    if (!ix->batch) return;
    batch_clear(ix);
    for (size_t i = 0; i < ix->batch->nsources; i++)
        kh_mem_free(&ix->mem, ix->batch->sources[i].name, ix->batch->sources[i].len + 1);
    kh_mem_free(&ix->mem, ix->batch->sources, ix->batch->capsources * sizeof(source_ent));
    pool_free(ix, ix->batch->pool);
    if (ix->batch->w0.z_ok) deflateEnd(&ix->batch->w0.z);
    kh_buf_free(&ix->batch->j0.toks);
    kh_buf_free(&ix->batch->j0.zbody);
    kh_buf_free(&ix->batch->j0.data);
    kh_mem_free(&ix->mem, ix->batch, sizeof *ix->batch);
    ix->batch = NULL;
}

size_t kh_ix_writer_pending_bytes(const kh_index *ix)
{
    return ix->batch ? ix->batch->bytes : 0;
}

/* ---- the term table --------------------------------------------------------------- */

/* A key's hash: eight bytes at a time (keys are short; FNV-1a byte by byte
** cost 2 % of indexing). Not stored anywhere, so it may change freely. */
static uint32_t hash_key(const char *s, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15u ^ n;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t v;
        memcpy(&v, s, 8);
        h = (h ^ v) * 0xff51afd7ed558ccdu;
        h ^= h >> 32;
    }
    if (n) {
        uint64_t v = 0;
        for (size_t i = 0; i < n; i++)
            v |= (uint64_t)(uint8_t)s[i] << (8 * i);
        h = (h ^ v) * 0xff51afd7ed558ccdu;
    }
    h ^= h >> 29; /* the low bits pick the slot: fold the high ones in */
    h *= 0xc4ceb9fe1a85ec53u;
    return (uint32_t)(h ^ (h >> 32));
}

static int rehash(kh_index *ix, kh_batch *b)
{
    size_t n = b->nslots ? b->nslots * 2 : 1u << 16;
    bslot *s = kh_mem_alloc(&ix->mem, n * sizeof *s);
    if (!s) return -1;
    memset(s, 0, n * sizeof *s);
    for (size_t i = 0; i < b->nslots; i++) {
        if (!b->slots[i].term) continue;
        size_t j = b->slots[i].hash & (n - 1);
        while (s[j].term)
            j = (j + 1) & (n - 1);
        s[j] = b->slots[i];
    }
    kh_mem_free(&ix->mem, b->slots, b->nslots * sizeof *b->slots);
    b->slots = s;
    b->nslots = n;
    return 0;
}

static int same_key(const kh_batch *b, const bterm *e, const char *key, size_t len)
{
    if (e->key_len != len) return 0;
    if (len <= HEAD) return !memcmp(e->head, key, len);
    return !memcmp(e->head, key, HEAD) &&
           !memcmp(b->keys.p + e->key_off + HEAD, key + HEAD, len - HEAD);
}

/* The term of a key, created if new. Returns its index or -1 (out of memory). */
static long intern(kh_index *ix, kh_batch *b, const char *key, size_t len, uint32_t h)
{
    if (b->nterms * 2 >= b->nslots && rehash(ix, b)) return -1;
    size_t j = h & (b->nslots - 1);
    for (uint32_t t; (t = b->slots[j].term); j = (j + 1) & (b->nslots - 1))
        if (b->slots[j].hash == h && same_key(b, &b->terms[t - 1], key, len)) return (long)(t - 1);
    if (b->nterms >= UINT32_MAX - 1 || b->keys.n + len > UINT32_MAX ||
        kh_mem_grow(&ix->mem, (void **)&b->terms, &b->capterms, b->nterms + 1, sizeof *b->terms))
        return -1;
    bterm *e = &b->terms[b->nterms];
    memset(e, 0, sizeof *e);
    e->key_off = (uint32_t)b->keys.n;
    e->key_len = (uint32_t)len;
    memcpy(e->head, key, len < HEAD ? len : HEAD);
    if (kh_buf_put(&b->keys, key, len)) return -1;
    b->slots[j] = (bslot){h, (uint32_t)b->nterms + 1};
    b->bytes += sizeof *e + len + 2 * sizeof *b->slots;
    return (long)b->nterms++;
}

/* ---- one document --------------------------------------------------------------------- */

#define AHEAD 16 /* tokens between prefetching a slot and using it */

/* The next record of a token stream after p (which is before end). */
static const uint8_t *next_tok(const uint8_t *p)
{
    uint32_t kl;
    memcpy(&kl, p + 8, 4);
    return p + 12 + kl;
}

/* Prefetches what finding the key of the token record p will read: its slot
** now, and the slot's term once the slot has arrived (AHEAD / 2 tokens on).
** The term table is far larger than the processor's caches and each token
** lands in it at random, so without this the loop waits on memory. */
static void prefetch_slot(const kh_batch *b, const uint8_t *p)
{
    uint32_t h;
    memcpy(&h, p, 4);
    if (b->nslots) __builtin_prefetch(&b->slots[h & (b->nslots - 1)]);
}

static void prefetch_term(const kh_batch *b, const uint8_t *p)
{
    uint32_t h;
    memcpy(&h, p, 4);
    if (!b->nslots) return;
    const bslot *sl = &b->slots[h & (b->nslots - 1)];
    if (sl->term && sl->hash == h) {
        const char *e = (const char *)&b->terms[sl->term - 1];
        __builtin_prefetch(e);
        __builtin_prefetch(e + sizeof(bterm) - 1); /* terms are not line-aligned */
    }
}

/* Builds, from a job's token stream, the occurrence chains of the current
** document's terms. */
static int add_tokens(kh_index *ix, kh_batch *b, const kh_buf *toks, uint32_t stamp)
{
    const uint8_t *p = toks->p, *end = toks->p + toks->n;
    /* at most one occurrence per 12-byte record header */
    if (kh_mem_grow(&ix->mem, (void **)&b->occs, &b->capocc, b->nocc + toks->n / 12 + 1,
                    sizeof *b->occs))
        return -1;
    const uint8_t *pf1 = p, *pf2 = p; /* AHEAD and AHEAD / 2 records ahead of p */
    for (int i = 0; i < AHEAD && pf1 < end; i++) {
        prefetch_slot(b, pf1);
        pf1 = next_tok(pf1);
        if (i >= AHEAD / 2) {
            prefetch_term(b, pf2);
            pf2 = next_tok(pf2);
        }
    }
    while (p < end) {
        if (pf1 < end) {
            prefetch_slot(b, pf1);
            pf1 = next_tok(pf1);
        }
        if (pf2 < end) {
            prefetch_term(b, pf2);
            pf2 = next_tok(pf2);
        }
        uint32_t h, pf, kl;
        memcpy(&h, p, 4);
        memcpy(&pf, p + 4, 4);
        memcpy(&kl, p + 8, 4);
        const char *key = (const char *)p + 12;
        p += 12 + kl;
        long ti = intern(ix, b, key, kl, h);
        if (ti < 0) return -1;
        bterm *e = &b->terms[ti];
        uint32_t o = (uint32_t)b->nocc++;
        b->occs[o] = (occ){pf >> 1, UINT32_MAX};
        if (e->stamp != stamp) {
            if (kh_mem_grow(&ix->mem, (void **)&b->dterms, &b->capdterms, b->ndterms + 1,
                            sizeof *b->dterms))
                return -1;
            b->dterms[b->ndterms++] = (uint32_t)ti;
            e->stamp = stamp;
            e->first_occ = o;
            e->ntitle = e->nbody = 0;
        } else {
            b->occs[e->last_occ].next = o;
        }
        e->last_occ = o;
        if (pf & 1)
            e->ntitle++;
        else
            e->nbody++;
    }
    return 0;
}

/* Appends one posting per term of the current document to the term's buffer. */
static int write_postings(kh_index *ix, kh_batch *b, uint32_t docid)
{
    for (size_t i = 0; i < b->ndterms; i++) {
        if (i + 4 < b->ndterms) { /* the end of a buffer is rarely in cache */
            const bterm *f = &b->terms[b->dterms[i + 4]];
            if (f->buf) __builtin_prefetch(f->buf + f->len, 1);
        }
        bterm *e = &b->terms[b->dterms[i]];
        size_t need = 5 * (3 + (size_t)e->ntitle + e->nbody);
        if (e->cap - e->len < need) {
            size_t oc = e->cap, nc = oc ? oc : 16;
            while (nc - e->len < need)
                nc *= 2;
            if (nc > UINT32_MAX) return -1;
            uint8_t *nb = kh_mem_realloc(&ix->mem, e->buf, oc, nc);
            if (!nb) return -1;
            e->buf = nb;
            e->cap = (uint32_t)nc;
            b->bytes += nc - oc;
        }
        uint8_t *p = e->buf + e->len;
        p += kh_varint_put(p, docid - e->last_doc);
        p += kh_varint_put(p, (uint64_t)e->nbody << 1 | (e->ntitle > 0));
        if (e->ntitle) p += kh_varint_put(p, e->ntitle);
        uint32_t o = e->first_occ, prev = 0;
        for (uint32_t k = 0; k < e->ntitle + e->nbody; k++, o = b->occs[o].next) {
            uint32_t pos = b->occs[o].pos;
            int first = k == 0 || k == e->ntitle; /* each field's run starts absolute */
            p += kh_varint_put(p, first ? pos : pos - prev);
            prev = pos;
        }
        e->len = (uint32_t)(p - e->buf);
        e->last_doc = docid;
        e->df++;
    }
    return 0;
}

/* The sid of a source name, added to `sources` if new; 0 for no source. */
static kh_status source_id(kh_index *ix, kh_batch *b, kh_text name, uint16_t *sid)
{
    *sid = 0;
    if (!name.len) return KH_OK;
    for (size_t i = 0; i < b->nsources; i++)
        if (b->sources[i].len == name.len && !memcmp(b->sources[i].name, name.ptr, name.len)) {
            *sid = b->sources[i].sid;
            return KH_OK;
        }
    sqlite3_stmt *st = kh_ix_stmt(ix, ST_SOURCE_FIND);
    if (!st) return kh_ix_sqlite_error(ix, "sources");
    sqlite3_bind_text(st, 1, name.ptr, (int)name.len, SQLITE_STATIC);
    int64_t v = -1;
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (v < 0) {
        st = kh_ix_stmt(ix, ST_SOURCE_ADD);
        if (!st) return kh_ix_sqlite_error(ix, "sources");
        sqlite3_bind_text(st, 1, name.ptr, (int)name.len, SQLITE_STATIC);
        kh_status s = kh_ix_exec_stmt(ix, st, "sources");
        if (s) return s;
        v = sqlite3_last_insert_rowid(ix->db);
    }
    if (v < 1 || v > 65535)
        return kh_ix_set_error(ix, KH_ELIMIT, UINT64_MAX, "more than 65,535 distinct sources");
    if (kh_mem_grow(&ix->mem, (void **)&b->sources, &b->capsources, b->nsources + 1,
                    sizeof *b->sources))
        return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    char *c = kh_mem_alloc(&ix->mem, name.len + 1);
    if (!c) return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    memcpy(c, name.ptr, name.len);
    c[name.len] = 0;
    b->sources[b->nsources++] = (source_ent){c, name.len, (uint16_t)v};
    *sid = (uint16_t)v;
    return KH_OK;
}

/* Removes the live document with this id, if any. OUT: *found. */
static kh_status remove_doc(kh_index *ix, const char *id, size_t len, int *found)
{
    *found = 0;
    sqlite3_stmt *st = kh_ix_stmt(ix, ST_DOC_FIND);
    if (!st) return kh_ix_sqlite_error(ix, "docs");
    sqlite3_bind_text(st, 1, id, (int)len, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(st);
        return KH_OK;
    }
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        return kh_ix_sqlite_error(ix, "docs");
    }
    int64_t docid = sqlite3_column_int64(st, 0);
    int64_t tlen = sqlite3_column_int64(st, 1), blen = sqlite3_column_int64(st, 2);
    int64_t bytes = sqlite3_column_int64(st, 3);
    sqlite3_reset(st);
    *found = 1;
    kh_batch *b = ix->batch;
    if (b && b->ndocs && docid >= b->base && docid < (int64_t)b->base + b->ndocs) {
        uint32_t k = (uint32_t)(docid - b->base);
        b->dead[k >> 6] |= (uint64_t)1 << (k & 63);
    } else {
        st = kh_ix_stmt(ix, ST_DELETED_ADD);
        if (!st) return kh_ix_sqlite_error(ix, "deleted");
        sqlite3_bind_int64(st, 1, docid);
        kh_status s = kh_ix_exec_stmt(ix, st, "deleted");
        if (s) return s;
    }
    st = kh_ix_stmt(ix, ST_DOC_DELETE);
    if (!st) return kh_ix_sqlite_error(ix, "docs");
    sqlite3_bind_int64(st, 1, docid);
    kh_status s = kh_ix_exec_stmt(ix, st, "docs");
    ix->stats.docs--;
    ix->stats.title_tokens -= tlen;
    ix->stats.body_tokens -= blen;
    ix->stats.text_bytes -= bytes;
    return s;
}

kh_status kh_ix_writer_delete(kh_index *ix, const char *id, size_t len, int *found)
{
    int f, pending = kill_pending(ix->batch, id, len);
    kh_status s = remove_doc(ix, id, len, &f);
    if (found) *found = f || pending;
    return s;
}

static void put_dinfo(uint8_t *p, uint8_t nt, uint8_t nb, uint16_t sid, int32_t day)
{
    uint32_t d = (uint32_t)day;
    p[0] = nt;
    p[1] = nb;
    p[2] = (uint8_t)sid;
    p[3] = (uint8_t)(sid >> 8);
    p[4] = (uint8_t)d;
    p[5] = (uint8_t)(d >> 8);
    p[6] = (uint8_t)(d >> 16);
    p[7] = (uint8_t)(d >> 24);
}

/* zlib allocates through kh_mem; a size header gives the free hook its size. */
static void *z_alloc(void *ud, unsigned n, unsigned size)
{
    size_t bytes = (size_t)n * size + 16;
    size_t *p = kh_mem_alloc(ud, bytes);
    if (!p) return Z_NULL;
    p[0] = bytes;
    return (char *)p + 16;
}

static void z_free(void *ud, void *ptr)
{
    if (ptr) {
        size_t *p = (size_t *)(void *)((char *)ptr - 16);
        kh_mem_free(ud, p, p[0]);
    }
}

/* Compresses a body into out with the worker's stream. Returns 0, or -1. */
static int compress_body(worker *w, const void *src, size_t len, kh_buf *out)
{
    if (!w->z_ok) {
        memset(&w->z, 0, sizeof w->z);
        w->z.zalloc = z_alloc;
        w->z.zfree = z_free;
        w->z.opaque = (void *)(uintptr_t)w->mem;
        /* Huffman coding only, no string matching: Arabic UTF-8 spends most
        ** of its bits on the lead bytes of two-byte letters, which entropy
        ** coding alone removes. That stores a body at about 51 % of its size
        ** instead of level 1's 41 %, at twice the speed (deflate was a quarter
        ** of single-thread indexing time). Same zlib stream: readers do not
        ** change. */
        if (deflateInit2(&w->z, 1, Z_DEFLATED, 15, 8, Z_HUFFMAN_ONLY) != Z_OK) return -1;
        w->z_ok = 1;
    } else if (deflateReset(&w->z) != Z_OK)
        return -1;
    size_t bound = deflateBound(&w->z, (uLong)len);
    out->n = 0;
    if (kh_buf_reserve(out, bound)) {
        out->oom = 0;
        return -1;
    }
    w->z.next_in = (Bytef *)(uintptr_t)src;
    w->z.avail_in = (uInt)len;
    w->z.next_out = out->p;
    w->z.avail_out = (uInt)bound;
    if (deflate(&w->z, Z_FINISH) != Z_STREAM_END) return -1;
    out->n = bound - w->z.avail_out;
    return 0;
}

/* Appends the keyed tokens of one field to the job's stream. */
static int stream_field(job *j, const kh_analysis *an, int title, uint32_t *nkeyed)
{
    uint32_t k = 0;
    for (size_t i = 0; i < an->ntokens; i++) {
        const kh_token *t = &an->tokens[i];
        if (!t->key_len) continue;
        k++;
        uint32_t rec[3] = {hash_key(t->key, t->key_len), (uint32_t)i << 1 | (uint32_t)title,
                           t->key_len};
        if (kh_buf_put(&j->toks, rec, sizeof rec) || kh_buf_put(&j->toks, t->key, t->key_len))
            return -1;
    }
    *nkeyed = k;
    return 0;
}

/* Analysis and compression of one document: everything that needs no batch
** state, so any thread may run it. Sets j->st. */
static void process_job(worker *w, job *j)
{
    const kh_doc *d = &j->doc;
    const kh_analysis *an;
    j->toks.n = 0;
    j->toks.oom = 0;
    j->st = kh_analyze(w->an, (const uint8_t *)d->title.ptr, d->title.len, &an);
    if (!j->st && stream_field(j, an, 1, &j->tlen)) j->st = KH_ENOMEM;
    if (!j->st) j->st = kh_analyze(w->an, (const uint8_t *)d->body.ptr, d->body.len, &an);
    if (!j->st && stream_field(j, an, 0, &j->blen)) j->st = KH_ENOMEM;
    j->enc = 0;
    if (!j->st && d->body.len >= COMPRESS_MIN) {
        if (compress_body(w, d->body.ptr, d->body.len, &j->zbody))
            j->st = KH_ENOMEM;
        else
            j->enc = j->zbody.n < d->body.len; /* incompressible: keep it plain */
    }
}

static kh_status insert_row(kh_index *ix, const job *j, uint32_t docid, uint16_t sid)
{
    const kh_doc *d = &j->doc;
    int enc = j->enc;
    uint32_t tlen = j->tlen, blen = j->blen;
    sqlite3_stmt *st = kh_ix_stmt(ix, ST_DOC_INSERT);
    if (!st) return kh_ix_sqlite_error(ix, "docs");
    sqlite3_bind_int64(st, 1, docid);
    sqlite3_bind_text(st, 2, d->id.ptr, (int)d->id.len, SQLITE_STATIC);
    if (sid) sqlite3_bind_int(st, 3, sid);
    if (d->date.len) sqlite3_bind_text(st, 4, d->date.ptr, (int)d->date.len, SQLITE_STATIC);
    if (d->url.len) sqlite3_bind_text(st, 5, d->url.ptr, (int)d->url.len, SQLITE_STATIC);
    sqlite3_bind_blob(st, 6, d->title.len ? d->title.ptr : "", (int)d->title.len, SQLITE_STATIC);
    sqlite3_bind_int64(st, 7, tlen);
    sqlite3_bind_int64(st, 8, blen);
    sqlite3_bind_int64(st, 9, (int64_t)d->body.len);
    sqlite3_bind_int(st, 10, enc);
    if (enc)
        sqlite3_bind_blob(st, 11, j->zbody.p, (int)j->zbody.n, SQLITE_STATIC);
    else
        sqlite3_bind_blob(st, 11, d->body.len ? d->body.ptr : "", (int)d->body.len, SQLITE_STATIC);
    return kh_ix_exec_stmt(ix, st, "docs");
}

/* Adds an analyzed document to the batch and the docs table: the part that
** needs the batch, run in the caller's thread in document order. */
static kh_status ingest(kh_index *ix, kh_batch *b, job *j)
{
    if (j->st)
        return kh_ix_set_error(ix, j->st, UINT64_MAX, "%s while analyzing document",
                               kh_strerror(j->st));
    const kh_doc *d = &j->doc;
    uint16_t sid;
    kh_status s = source_id(ix, b, d->source, &sid);
    if (s) return s;
    uint32_t docid = (uint32_t)ix->stats.next_docid;
    if (b->ndocs == 0) b->base = docid;
    uint32_t k = b->ndocs, stamp = k + 1;
    if (kh_mem_grow(&ix->mem, (void **)&b->dinfo, &b->capdinfo, (size_t)(k + 1) * 8, 1) ||
        kh_mem_grow(&ix->mem, (void **)&b->dead, &b->capdead, k / 64 + 1, sizeof *b->dead))
        return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    if (k % 64 == 0) b->dead[k / 64] = 0;
    b->nocc = b->ndterms = 0;
    if (add_tokens(ix, b, &j->toks, stamp) || write_postings(ix, b, docid))
        return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory while indexing");
    put_dinfo(b->dinfo + (size_t)k * 8, kh_norm_encode(j->tlen), kh_norm_encode(j->blen), sid,
              kh_date_parse(d->date.ptr, d->date.len));
    if ((s = insert_row(ix, j, docid, sid))) return s;
    b->ndocs++;
    ix->stats.next_docid++;
    ix->stats.docs++;
    ix->stats.title_tokens += j->tlen;
    ix->stats.body_tokens += j->blen;
    ix->stats.text_bytes += (int64_t)(d->title.len + d->body.len);
    return KH_OK;
}

/* ---- worker threads ------------------------------------------------------------- */

static void *run_worker(void *arg)
{
    pool *pl = ((wctx *)arg)->pl;
    worker *w = &pl->w[((wctx *)arg)->i];
    pthread_mutex_lock(&pl->mu);
    for (;;) {
        while (!pl->stop && pl->next == pl->tail) {
            pl->idle++;
            pthread_cond_wait(&pl->work, &pl->mu);
            pl->idle--;
        }
        if (pl->stop) break;
        job *j = &pl->ring[pl->next++ % RING];
        j->state = J_BUSY;
        pthread_mutex_unlock(&pl->mu);
        process_job(w, j);
        pthread_mutex_lock(&pl->mu);
        j->state = J_DONE;
        if (pl->main_waiting) /* waking the caller only when it waits saves a switch per document */
            pthread_cond_signal(&pl->done);
    }
    pthread_mutex_unlock(&pl->mu);
    return NULL;
}

static void pool_free(kh_index *ix, pool *pl)
{
    if (!pl) return;
    if (pl->started) {
        pthread_mutex_lock(&pl->mu);
        pl->stop = 1;
        pthread_cond_broadcast(&pl->work);
        pthread_mutex_unlock(&pl->mu);
        for (int i = 0; i < pl->nth; i++)
            pthread_join(pl->th[i], NULL);
        pthread_mutex_destroy(&pl->mu);
        pthread_cond_destroy(&pl->work);
        pthread_cond_destroy(&pl->done);
    }
    for (int i = 0; i < 64; i++) {
        kh_analyzer_free(pl->w[i].an);
        if (pl->w[i].z_ok) deflateEnd(&pl->w[i].z);
    }
    for (int i = 0; i < RING; i++) {
        kh_buf_free(&pl->ring[i].data);
        kh_buf_free(&pl->ring[i].toks);
        kh_buf_free(&pl->ring[i].zbody);
    }
    kh_mem_free(&ix->mem, pl, sizeof *pl);
}

static pool *pool_get(kh_index *ix, kh_batch *b)
{
    if (b->pool) return b->pool;
    pool *pl = kh_mem_alloc(&ix->mem, sizeof *pl);
    if (!pl) return NULL;
    memset(pl, 0, sizeof *pl);
    pl->ix = ix;
    for (int i = 0; i < RING; i++) {
        kh_buf_init(&pl->ring[i].data, &ix->mem);
        kh_buf_init(&pl->ring[i].toks, &ix->mem);
        kh_buf_init(&pl->ring[i].zbody, &ix->mem);
    }
    kh_analyzer_opts ao = {0, kh_mem_user_fn(&ix->mem), ix->mem.ud};
    for (uint32_t i = 0; i < ix->threads; i++) {
        pl->w[i].mem = &ix->mem;
        if (kh_analyzer_new(&ao, &pl->w[i].an)) {
            pool_free(ix, pl); /* no thread started yet */
            return NULL;
        }
    }
    pl->nth = (int)ix->threads;
    pthread_mutex_init(&pl->mu, NULL);
    pthread_cond_init(&pl->work, NULL);
    pthread_cond_init(&pl->done, NULL);
    pl->started = 1;
    for (int i = 0; i < pl->nth; i++) {
        pl->ctx[i] = (wctx){pl, i};
        if (pthread_create(&pl->th[i], NULL, run_worker, &pl->ctx[i])) {
            pl->nth = i; /* join those that run */
            pool_free(ix, pl);
            return NULL;
        }
    }
    b->pool = pl;
    return pl;
}
/* Ingests finished jobs from the head of the ring; with wait, until the ring
** is empty (all = 1) or one slot is free. */
static kh_status drain(kh_index *ix, kh_batch *b, int all)
{
    pool *pl = b->pool;
    kh_status s = KH_OK;
    if (!pl) return KH_OK;
    for (;;) {
        pthread_mutex_lock(&pl->mu);
        int need = all ? pl->head < pl->tail : pl->tail - pl->head == RING;
        job *j = pl->head < pl->tail ? &pl->ring[pl->head % RING] : NULL;
        while (j && need && j->state != J_DONE) {
            pl->main_waiting = 1;
            pthread_cond_wait(&pl->done, &pl->mu);
            pl->main_waiting = 0;
        }
        int ready = j && j->state == J_DONE;
        pthread_mutex_unlock(&pl->mu);
        if (!ready) return s;
        kh_status js = j->dead ? KH_OK : ingest(ix, b, j);
        if (js && !s) s = js; /* keep going: the ring must empty even after an error */
        j->state = J_EMPTY;
        pl->head++; /* only this thread moves head */
        if (s && !all) return s;
    }
}

/* Marks a pending (not yet ingested) document with this id as dead. */
static int kill_pending(kh_batch *b, const char *id, size_t len)
{
    pool *pl = b ? b->pool : NULL;
    int found = 0;
    if (!pl) return 0;
    for (uint64_t i = pl->head; i < pl->tail; i++) {
        job *j = &pl->ring[i % RING];
        if (!j->dead && j->doc.id.len == len && !memcmp(j->doc.id.ptr, id, len))
            j->dead = found = 1;
    }
    return found;
}

/* Copies the document into a ring slot and hands it to the workers. */
static kh_status enqueue(kh_index *ix, kh_batch *b, const kh_doc *d)
{
    pool *pl = pool_get(ix, b);
    if (!pl) return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "cannot start the analysis threads");
    kh_status s = drain(ix, b, 0); /* waits only while the ring is full */
    if (s) return s;
    job *j = &pl->ring[pl->tail % RING];
    const kh_text *f[] = {&d->id, &d->title, &d->body, &d->source, &d->url, &d->date};
    kh_text *t[] = {&j->doc.id,     &j->doc.title, &j->doc.body,
                    &j->doc.source, &j->doc.url,   &j->doc.date};
    j->data.n = 0;
    j->data.oom = 0;
    for (size_t i = 0; i < 6; i++)
        kh_buf_put(&j->data, f[i]->ptr, f[i]->len);
    if (j->data.oom) return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    size_t off = 0;
    for (size_t i = 0; i < 6; i++) {
        *t[i] = (kh_text){(const char *)j->data.p + off, f[i]->len};
        off += f[i]->len;
    }
    j->doc.start = d->start;
    j->doc.end = d->end;
    j->dead = 0;
    pthread_mutex_lock(&pl->mu);
    j->state = J_FILLED;
    pl->tail++;
    if (pl->idle) pthread_cond_signal(&pl->work);
    pthread_mutex_unlock(&pl->mu);
    return KH_OK;
}

kh_status kh_ix_writer_add(kh_index *ix, const kh_doc *d, int *replaced)
{
    if (replaced) *replaced = 0;
    if (!d->id.ptr || !d->id.len)
        return kh_ix_set_error(ix, KH_EINVAL, UINT64_MAX, "document without an id");
    if (d->id.len > INT32_MAX || d->title.len > INT32_MAX || d->body.len > INT32_MAX ||
        d->url.len > INT32_MAX || d->date.len > INT32_MAX || d->source.len > INT32_MAX)
        return kh_ix_set_error(ix, KH_ELIMIT, UINT64_MAX, "a field is larger than 2 GiB");
    if (ix->stats.next_docid >= UINT32_MAX - 1 - RING)
        return kh_ix_set_error(ix, KH_ELIMIT, UINT64_MAX, "too many documents");
    kh_batch *b = batch_get(ix);
    if (!b) return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    int pending = kill_pending(b, d->id.ptr, d->id.len), found;
    kh_status s = remove_doc(ix, d->id.ptr, d->id.len, &found);
    if (s) return s;
    if (replaced) *replaced = found || pending;
    if (ix->threads > 1) return enqueue(ix, b, d);
    job *j = &b->j0;
    j->doc = *d;
    process_job(&b->w0, j);
    return ingest(ix, b, j);
}

/* ---- writing a segment ------------------------------------------------------------------- */

typedef struct sortkey {
    const uint8_t *key;
    uint32_t len, term;
} sortkey;

static int cmp_key(const void *a, const void *b)
{
    const sortkey *x = a, *y = b;
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->key, y->key, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* Skips n varints; returns the new pointer or NULL if the bytes run out. */
static const uint8_t *skip_varints(const uint8_t *p, const uint8_t *end, uint64_t n)
{
    while (n--) {
        uint32_t v;
        if (kh_varint_get32(&p, end, &v)) return NULL;
    }
    return p;
}

static kh_status new_seg_id(kh_index *ix, int64_t *seg)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(ix->db, "SELECT coalesce(max(seg), 0) + 1 FROM segments", -1, &st,
                           NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_finalize(st);
        return kh_ix_sqlite_error(ix, "segments");
    }
    *seg = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return KH_OK;
}

static kh_status insert_term(kh_index *ix, sqlite3_stmt *ins, int64_t seg, const void *key,
                             uint32_t klen, kh_post_writer *w, kh_buf *docs)
{
    const uint8_t *pos;
    size_t pos_len;
    if (kh_post_finish(w, docs, &pos, &pos_len))
        return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    if (docs->n > INT32_MAX || pos_len > INT32_MAX)
        return kh_ix_set_error(ix, KH_ELIMIT, UINT64_MAX, "a posting list exceeds 2 GiB");
    sqlite3_reset(ins);
    sqlite3_bind_int64(ins, 1, seg);
    sqlite3_bind_blob(ins, 2, key, (int)klen, SQLITE_STATIC);
    sqlite3_bind_int64(ins, 3, w->df);
    sqlite3_bind_blob(ins, 4, docs->p, (int)docs->n, SQLITE_STATIC);
    sqlite3_bind_blob(ins, 5, pos_len ? (const void *)pos : "", (int)pos_len, SQLITE_STATIC);
    return kh_ix_exec_stmt(ix, ins, "terms");
}

static kh_status insert_segment(kh_index *ix, int64_t seg, uint32_t lo, uint32_t hi, uint32_t ndocs,
                                uint64_t nterms, uint64_t npost, const uint8_t *dinfo)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(ix->db,
                           "INSERT INTO segments(seg, lo, hi, ndocs, nterms, npostings, docinfo)"
                           " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           -1, &st, NULL) != SQLITE_OK)
        return kh_ix_sqlite_error(ix, "segments");
    sqlite3_bind_int64(st, 1, seg);
    sqlite3_bind_int64(st, 2, lo);
    sqlite3_bind_int64(st, 3, hi);
    sqlite3_bind_int64(st, 4, ndocs);
    sqlite3_bind_int64(st, 5, (int64_t)nterms);
    sqlite3_bind_int64(st, 6, (int64_t)npost);
    sqlite3_bind_blob(st, 7, dinfo, (int)((size_t)(hi - lo + 1) * 8), SQLITE_STATIC);
    kh_status s = kh_ix_exec_stmt(ix, st, "segments");
    sqlite3_finalize(st);
    return s;
}

/* Re-cuts one term's batch buffer into blocks. Dead documents are dropped. */
static int recut(const kh_batch *b, const bterm *e, kh_post_writer *w)
{
    const uint8_t *p = e->buf, *end = e->buf + e->len;
    uint32_t id = 0;
    kh_post_reset(w);
    while (p < end) {
        uint32_t gap, f, tt = 0;
        if (kh_varint_get32(&p, end, &gap) || kh_varint_get32(&p, end, &f) ||
            ((f & 1) && kh_varint_get32(&p, end, &tt)))
            return -1;
        id += gap;
        const uint8_t *ps = p;
        if (!(p = skip_varints(p, end, (uint64_t)tt + (f >> 1)))) return -1;
        uint32_t k = id - b->base;
        if ((b->dead[k >> 6] >> (k & 63)) & 1) continue;
        const uint8_t *di = b->dinfo + (size_t)k * 8;
        if (kh_post_add(w, id, tt, f >> 1, di[0], di[1], ps, (size_t)(p - ps))) return -1;
    }
    return 0;
}

kh_status kh_ix_writer_flush(kh_index *ix)
{
    kh_batch *b = ix->batch;
    kh_status ds = b ? drain(ix, b, 1) : KH_OK;
    if (ds) return ds;
    if (!b || b->ndocs == 0) return KH_OK;
    sortkey *order = kh_mem_alloc(&ix->mem, (b->nterms ? b->nterms : 1) * sizeof *order);
    if (!order) return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    for (size_t i = 0; i < b->nterms; i++)
        order[i] = (sortkey){b->keys.p + b->terms[i].key_off, b->terms[i].key_len, (uint32_t)i};
    qsort(order, b->nterms, sizeof *order, cmp_key);

    int64_t seg;
    kh_status s = new_seg_id(ix, &seg);
    sqlite3_stmt *ins = NULL;
    if (!s && sqlite3_prepare_v2(ix->db,
                                 "INSERT INTO terms(seg, term, df, docs, pos) VALUES(?1, ?2, ?3, "
                                 "?4, ?5)",
                                 -1, &ins, NULL) != SQLITE_OK)
        s = kh_ix_sqlite_error(ix, "terms");
    kh_post_writer w;
    kh_post_init(&w, &ix->mem);
    kh_buf docs;
    kh_buf_init(&docs, &ix->mem);
    uint64_t nterms = 0, npost = 0;
    for (size_t i = 0; i < b->nterms && !s; i++) {
        const bterm *e = &b->terms[order[i].term];
        if (recut(b, e, &w)) {
            s = kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
            break;
        }
        if (w.df == 0) continue; /* every document of the term was deleted again */
        npost += w.df;
        nterms++;
        s = insert_term(ix, ins, seg, order[i].key, order[i].len, &w, &docs);
    }
    uint32_t live = 0;
    for (uint32_t k = 0; k < b->ndocs; k++) {
        if ((b->dead[k >> 6] >> (k & 63)) & 1)
            memset(b->dinfo + (size_t)k * 8, 0, 8);
        else
            live++;
    }
    if (!s)
        s = insert_segment(ix, seg, b->base, b->base + b->ndocs - 1, live, nterms, npost, b->dinfo);
    sqlite3_finalize(ins);
    kh_buf_free(&docs);
    kh_post_free(&w);
    kh_mem_free(&ix->mem, order, (b->nterms ? b->nterms : 1) * sizeof *order);
    batch_clear(ix);
    return s;
}

/* ---- merging -------------------------------------------------------------------------------- */

typedef struct mseg {
    int64_t seg;
    uint32_t lo, hi, ndocs;
    sqlite3_stmt *st; /* its terms in key order */
    int has_row;
} mseg;

/* Appends the live documents of one stored posting list to w. */
static int copy_list(kh_index *ix, const uint8_t *docs, size_t dl, const uint8_t *pos, size_t pl,
                     const uint8_t *dinfo, uint32_t lo, kh_post_writer *w)
{
    kh_pblock *blk;
    uint32_t nb, df;
    int rc = kh_post_parse(docs, dl, pl, &ix->mem, &blk, &nb, &df);
    if (rc) return rc;
    uint32_t id[KH_BLOCK_DOCS], tt[KH_BLOCK_DOCS], tb[KH_BLOCK_DOCS], off;
    for (uint32_t i = 0; i < nb && !rc; i++) {
        if (kh_post_block_ids(docs, &blk[i], id, &off) ||
            kh_post_block_tfs(docs, &blk[i], off, tt, tb)) {
            rc = -1;
            break;
        }
        const uint8_t *p = pos + blk[i].pos_off, *end = p + blk[i].pos_len;
        for (unsigned j = 0; j < blk[i].count && !rc; j++) {
            const uint8_t *ps = p;
            if (!(p = skip_varints(p, end, (uint64_t)tt[j] + tb[j]))) {
                rc = -1;
                break;
            }
            if (id[j] < lo || kh_ix_is_deleted(ix, id[j])) continue;
            const uint8_t *di = dinfo + (size_t)(id[j] - lo) * 8;
            if (kh_post_add(w, id[j], tt[j], tb[j], di[0], di[1], ps, (size_t)(p - ps))) rc = -2;
        }
    }
    kh_mem_free(&ix->mem, blk, (size_t)nb * sizeof *blk);
    return rc;
}

static int mseg_step(kh_index *ix, mseg *m)
{
    int rc = sqlite3_step(m->st);
    m->has_row = rc == SQLITE_ROW;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        kh_ix_sqlite_error(ix, "terms");
        return -1;
    }
    return 0;
}

static int cmp_rows(sqlite3_stmt *a, sqlite3_stmt *b)
{
    int la = sqlite3_column_bytes(a, 0), lb = sqlite3_column_bytes(b, 0);
    const void *ka = sqlite3_column_blob(a, 0), *kb = sqlite3_column_blob(b, 0);
    int c = memcmp(ka ? ka : "", kb ? kb : "", (size_t)(la < lb ? la : lb));
    return c ? c : (la > lb) - (la < lb);
}

/* Merges the terms of ms[0..n) into segment seg; docinfo spans [lo, hi]. */
static kh_status merge_terms(kh_index *ix, mseg *ms, size_t n, int64_t seg, const uint8_t *dinfo,
                             uint32_t lo, uint64_t *nterms, uint64_t *npost)
{
    kh_status s = KH_OK;
    sqlite3_stmt *ins = NULL;
    if (sqlite3_prepare_v2(ix->db,
                           "INSERT INTO terms(seg, term, df, docs, pos) VALUES(?1, ?2, ?3, ?4, ?5)",
                           -1, &ins, NULL) != SQLITE_OK)
        return kh_ix_sqlite_error(ix, "terms");
    kh_post_writer w;
    kh_post_init(&w, &ix->mem);
    kh_buf docs, key;
    kh_buf_init(&docs, &ix->mem);
    kh_buf_init(&key, &ix->mem);
    for (size_t i = 0; i < n && !s; i++)
        if (mseg_step(ix, &ms[i])) s = KH_ESQLITE;
    while (!s) {
        mseg *min = NULL;
        for (size_t i = 0; i < n; i++)
            if (ms[i].has_row && (!min || cmp_rows(ms[i].st, min->st) < 0)) min = &ms[i];
        if (!min) break;
        key.n = 0;
        kh_buf_put(&key, sqlite3_column_blob(min->st, 0), (size_t)sqlite3_column_bytes(min->st, 0));
        if (key.oom) {
            s = kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
            break;
        }
        kh_post_reset(&w);
        /* Segments are in docid order, so their lists concatenate in order. */
        for (size_t i = 0; i < n && !s; i++) {
            if (!ms[i].has_row || (&ms[i] != min && cmp_rows(ms[i].st, min->st) != 0)) continue;
            sqlite3_stmt *st = ms[i].st;
            int rc = copy_list(ix, sqlite3_column_blob(st, 2), (size_t)sqlite3_column_bytes(st, 2),
                               sqlite3_column_blob(st, 3), (size_t)sqlite3_column_bytes(st, 3),
                               dinfo, lo, &w);
            if (rc == -1)
                s = kh_ix_set_error(ix, KH_ECORRUPT, UINT64_MAX, "segment %lld: bad postings",
                                    (long long)ms[i].seg);
            else if (rc)
                s = kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
        }
        /* advance every segment past this key; min last, its key is in `key` */
        for (size_t i = 0; i < n && !s; i++)
            if (ms[i].has_row && &ms[i] != min && cmp_rows(ms[i].st, min->st) == 0 &&
                mseg_step(ix, &ms[i]))
                s = KH_ESQLITE;
        if (!s && mseg_step(ix, min)) s = KH_ESQLITE;
        if (s || w.df == 0) continue;
        *npost += w.df;
        (*nterms)++;
        s = insert_term(ix, ins, seg, key.p, (uint32_t)key.n, &w, &docs);
    }
    sqlite3_finalize(ins);
    kh_buf_free(&docs);
    kh_buf_free(&key);
    kh_post_free(&w);
    return s;
}

static kh_status prepare_scan(kh_index *ix, mseg *m)
{
    if (sqlite3_prepare_v2(ix->db,
                           "SELECT term, df, docs, pos FROM terms WHERE seg = ?1 ORDER BY term", -1,
                           &m->st, NULL) != SQLITE_OK)
        return kh_ix_sqlite_error(ix, "terms");
    sqlite3_bind_int64(m->st, 1, m->seg);
    return KH_OK;
}

static kh_status drop_segment(kh_index *ix, int64_t seg)
{
    static const char *const DEL[] = {"DELETE FROM terms WHERE seg = ?1",
                                      "DELETE FROM segments WHERE seg = ?1"};
    kh_status s = KH_OK;
    for (size_t i = 0; i < 2 && !s; i++) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(ix->db, DEL[i], -1, &st, NULL) != SQLITE_OK)
            return kh_ix_sqlite_error(ix, "merge");
        sqlite3_bind_int64(st, 1, seg);
        s = kh_ix_exec_stmt(ix, st, "merge");
        sqlite3_finalize(st);
    }
    return s;
}

/* Reads a segment's docinfo into dinfo at its place. */
static kh_status read_docinfo(kh_index *ix, const kh_seginfo *g, uint8_t *dinfo, uint32_t lo)
{
    sqlite3_stmt *st = NULL;
    kh_status s = KH_OK;
    if (sqlite3_prepare_v2(ix->db, "SELECT docinfo FROM segments WHERE seg = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        return kh_ix_sqlite_error(ix, "segments");
    sqlite3_bind_int64(st, 1, g->seg);
    if (sqlite3_step(st) != SQLITE_ROW ||
        (size_t)sqlite3_column_bytes(st, 0) != (size_t)(g->hi - g->lo + 1) * 8)
        s = kh_ix_set_error(ix, KH_ECORRUPT, UINT64_MAX, "segment %lld: bad docinfo",
                            (long long)g->seg);
    else
        memcpy(dinfo + (size_t)(g->lo - lo) * 8, sqlite3_column_blob(st, 0),
               (size_t)(g->hi - g->lo + 1) * 8);
    sqlite3_finalize(st);
    return s;
}

/* Replaces the adjacent segments run[0..n) by one, without deleted documents. */
static kh_status merge_run(kh_index *ix, const kh_seginfo *run, size_t n)
{
    uint32_t lo = run[0].lo, hi = run[n - 1].hi;
    size_t dsize = (size_t)(hi - lo + 1) * 8;
    uint8_t *dinfo = kh_mem_alloc(&ix->mem, dsize);
    mseg *ms = kh_mem_alloc(&ix->mem, n * sizeof *ms);
    kh_status s = KH_OK;
    if (!dinfo || !ms) {
        s = kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
        goto done;
    }
    memset(dinfo, 0, dsize);
    memset(ms, 0, n * sizeof *ms);
    for (size_t i = 0; i < n && !s; i++) {
        ms[i] = (mseg){run[i].seg, run[i].lo, run[i].hi, run[i].ndocs, NULL, 0};
        s = read_docinfo(ix, &run[i], dinfo, lo);
        if (!s) s = prepare_scan(ix, &ms[i]);
    }
    uint32_t live = 0;
    for (uint32_t d = lo; d <= hi && !s; d++) {
        if (kh_ix_is_deleted(ix, d))
            memset(dinfo + (size_t)(d - lo) * 8, 0, 8);
        else if (memcmp(dinfo + (size_t)(d - lo) * 8, "\0\0\0\0\0\0\0\0", 8))
            live++;
    }
    int64_t seg = 0;
    uint64_t nterms = 0, npost = 0;
    if (!s) s = new_seg_id(ix, &seg);
    if (!s) s = merge_terms(ix, ms, n, seg, dinfo, lo, &nterms, &npost);
    for (size_t i = 0; i < n; i++)
        if (ms[i].st) sqlite3_finalize(ms[i].st), ms[i].st = NULL;
    for (size_t i = 0; i < n && !s; i++)
        s = drop_segment(ix, run[i].seg);
    if (!s) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(ix->db, "DELETE FROM deleted WHERE docid BETWEEN ?1 AND ?2", -1, &st,
                               NULL) != SQLITE_OK)
            s = kh_ix_sqlite_error(ix, "deleted");
        else {
            sqlite3_bind_int64(st, 1, lo);
            sqlite3_bind_int64(st, 2, hi);
            s = kh_ix_exec_stmt(ix, st, "deleted");
        }
        sqlite3_finalize(st);
    }
    /* A merge that leaves no document at all leaves no segment either. */
    if (!s && live) s = insert_segment(ix, seg, lo, hi, live, nterms, npost, dinfo);
done:
    if (ms)
        for (size_t i = 0; i < n; i++)
            sqlite3_finalize(ms[i].st);
    kh_mem_free(&ix->mem, ms, n * sizeof *ms);
    kh_mem_free(&ix->mem, dinfo, dsize);
    return s;
}

static uint32_t deleted_in(const kh_index *ix, const kh_seginfo *g)
{
    uint32_t n = 0;
    for (uint32_t d = g->lo; d <= g->hi; d++)
        n += (uint32_t)kh_ix_is_deleted(ix, d);
    return n;
}

/* Picks the run to merge. OUT: *first, *n (0: nothing to do). */
static void choose_run(const kh_index *ix, int all, size_t *first, size_t *n)
{
    *first = *n = 0;
    if (all) {
        if (ix->nsegs > 1 || (ix->nsegs == 1 && ix->ndeleted)) *n = ix->nsegs;
        return;
    }
    if (ix->nsegs > MAX_SEGMENTS) {
        /* the adjacent window with the fewest documents: small segments merge
        ** often, large ones rarely, as in a log-structured merge */
        uint64_t best = UINT64_MAX;
        for (size_t i = 0; i + MERGE_WIDTH <= ix->nsegs; i++) {
            uint64_t t = 0;
            for (size_t j = i; j < i + MERGE_WIDTH; j++)
                t += ix->segs[j].ndocs;
            if (t < best) best = t, *first = i;
        }
        *n = MERGE_WIDTH;
        return;
    }
    for (size_t i = 0; i < ix->nsegs && ix->ndeleted; i++) {
        uint32_t del = deleted_in(ix, &ix->segs[i]);
        if (del && del * 3 >= ix->segs[i].ndocs + del) { /* a third or more is dead */
            *first = i;
            *n = 1;
            return;
        }
    }
}

kh_status kh_ix_writer_merge(kh_index *ix, int all)
{
    for (;;) {
        kh_status s = kh_ix_begin_write(ix);
        if (s) return s;
        ix->cached = 0;
        s = kh_ix_refresh(ix);
        size_t first = 0, n = 0;
        if (!s) choose_run(ix, all, &first, &n);
        if (!s && n) s = merge_run(ix, ix->segs + first, n);
        if (!s) s = kh_ix_exec(ix, "COMMIT");
        if (s) {
            kh_ix_rollback(ix);
        }
        ix->in_write = 0;
        ix->cached = 0;
        if (s || !n || all) return s;
    }
}
