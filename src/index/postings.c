/*
** postings.c - encoder and decoder of posting blocks (format in postings.h).
**
** The encoder buffers one block of 128 documents, then writes its directory
** entry (with the impact pairs that bound BM25 over the block) and its doc
** section; positions arrive already encoded and are copied as they are.
** The decoder parses a directory once per list and decodes a block's ids,
** tfs and positions separately, so a search that skips a block, or needs no
** positions, pays for none of it.
*/
#include "index/postings.h"

#include <math.h>

/* ---- norms ----------------------------------------------------------------- */

double kh_norm_decode(uint8_t b)
{
    if (b < 128) return b;
    return floor(128.0 * pow(1.05, (double)(b - 128)));
}

uint8_t kh_norm_encode(uint32_t len)
{
    if (len < 128) return (uint8_t)len;
    unsigned lo = 128, hi = 255; /* largest b with decode(b) <= len */
    while (lo < hi) {
        unsigned mid = (lo + hi + 1) / 2;
        if (kh_norm_decode((uint8_t)mid) <= (double)len)
            lo = mid;
        else
            hi = mid - 1;
    }
    return (uint8_t)lo;
}

/* ---- encoder ----------------------------------------------------------------- */

void kh_post_init(kh_post_writer *w, const kh_mem *m)
{
    memset(w, 0, sizeof *w);
    w->mem = m;
    kh_buf_init(&w->dir, m);
    kh_buf_init(&w->docs, m);
    kh_buf_init(&w->pos, m);
}

void kh_post_free(kh_post_writer *w)
{
    kh_buf_free(&w->dir);
    kh_buf_free(&w->docs);
    kh_buf_free(&w->pos);
}

void kh_post_reset(kh_post_writer *w)
{
    w->dir.n = w->docs.n = w->pos.n = 0;
    w->dir.oom = w->docs.oom = w->pos.oom = 0;
    w->nblocks = w->df = w->prev_last = w->n = 0;
    w->block_pos_start = 0;
}

typedef struct impact {
    uint32_t tf;
    uint8_t norm;
} impact;

/* The pairs (tf, norm) not dominated by another (higher tf and lower norm
** is better), at most KH_MAX_IMPACTS of them. Norms are bytes, so the
** documents are bucketed by norm and the frontier read off in norm order:
** a norm's best tf is on it when it beats every smaller norm's. OUT: out[],
** returns the count. */
static unsigned frontier(const kh_post_writer *w, impact *out)
{
    uint64_t seen[4] = {0, 0, 0, 0};
    uint32_t best[256];
    for (uint32_t i = 0; i < w->n; i++) {
        uint8_t nb = w->nb[i];
        uint32_t tb = w->tb[i];
        if (!tb) continue;
        if (!((seen[nb >> 6] >> (nb & 63)) & 1)) {
            seen[nb >> 6] |= (uint64_t)1 << (nb & 63);
            best[nb] = 0;
        }
        if (tb > best[nb]) best[nb] = tb;
    }
    unsigned k = 0;
    uint32_t run = 0;
    for (unsigned word = 0; word < 4; word++)
        for (uint64_t m = seen[word]; m; m &= m - 1) {
            unsigned nb = word * 64 + (unsigned)__builtin_ctzll(m);
            if (best[nb] <= run) continue;
            run = best[nb];
            if (k == KH_MAX_IMPACTS) /* max tf, min norm still dominates both */
                out[k - 1].tf = run;
            else
                out[k++] = (impact){run, (uint8_t)nb};
        }
    if (k == 0) out[k++] = (impact){0, 255};
    return k;
}

/* Writes the buffered block: directory entry and doc section. */
static int flush_block(kh_post_writer *w)
{
    kh_buf *d = &w->docs, *r = &w->dir;
    size_t doc_start = d->n;
    uint32_t prev = w->prev_last;
    for (uint32_t i = 0; i < w->n; i++) {
        kh_buf_varint(d, w->id[i] - prev);
        prev = w->id[i];
    }
    for (uint32_t i = 0; i < w->n; i++)
        kh_buf_varint(d, (uint64_t)w->tb[i] << 1 | (w->tt[i] > 0));
    uint32_t max_tt = 0;
    uint8_t min_nt = 255;
    for (uint32_t i = 0; i < w->n; i++)
        if (w->tt[i]) {
            kh_buf_varint(d, w->tt[i]);
            if (w->tt[i] > max_tt) max_tt = w->tt[i];
            if (w->nt[i] < min_nt) min_nt = w->nt[i];
        }
    impact imp[KH_MAX_IMPACTS];
    unsigned nimp = frontier(w, imp);
    kh_buf_varint(r, w->id[w->n - 1] - w->prev_last);
    kh_buf_varint(r, d->n - doc_start);
    kh_buf_varint(r, w->pos.n - w->block_pos_start);
    kh_buf_byte(r, (uint8_t)(w->n - 1));
    kh_buf_byte(r, (uint8_t)nimp);
    for (unsigned i = 0; i < nimp; i++) {
        kh_buf_varint(r, imp[i].tf);
        kh_buf_byte(r, imp[i].norm);
    }
    kh_buf_varint(r, max_tt);
    if (max_tt) kh_buf_byte(r, min_nt);
    w->prev_last = w->id[w->n - 1];
    w->nblocks++;
    w->n = 0;
    w->block_pos_start = w->pos.n;
    return d->oom || r->oom ? -1 : 0;
}

int kh_post_add(kh_post_writer *w, uint32_t id, uint32_t tf_title, uint32_t tf_body,
                uint8_t norm_title, uint8_t norm_body, const uint8_t *pos, size_t pos_len)
{
    if (kh_buf_put(&w->pos, pos, pos_len)) return -1;
    uint32_t i = w->n++;
    w->id[i] = id;
    w->tt[i] = tf_title;
    w->tb[i] = tf_body;
    w->nt[i] = norm_title;
    w->nb[i] = norm_body;
    w->df++;
    if (w->n == KH_BLOCK_DOCS) return flush_block(w);
    return 0;
}

int kh_post_finish(kh_post_writer *w, kh_buf *out, const uint8_t **pos, size_t *pos_len)
{
    if (w->n && flush_block(w)) return -1;
    if (w->nblocks == 0) return -1;
    out->n = 0;
    kh_buf_varint(out, w->nblocks);
    kh_buf_varint(out, w->df);
    kh_buf_put(out, w->dir.p, w->dir.n);
    kh_buf_put(out, w->docs.p, w->docs.n);
    if (out->oom || w->pos.oom) return -1;
    *pos = w->pos.p;
    *pos_len = w->pos.n;
    return 0;
}

/* ---- decoder ----------------------------------------------------------------- */

int kh_post_parse(const uint8_t *docs, size_t len, size_t pos_len, const kh_mem *m,
                  kh_pblock **blocks, uint32_t *nblocks, uint32_t *df)
{
    const uint8_t *p = docs, *end = docs + len;
    uint32_t nb, n;
    *blocks = NULL;
    if (len > UINT32_MAX || kh_varint_get32(&p, end, &nb) || kh_varint_get32(&p, end, &n))
        return -1;
    /* Each entry takes at least 7 bytes and each document at least 2. */
    if (nb == 0 || nb > len / 7 || n < nb || n > len / 2 || n > (uint64_t)nb * KH_BLOCK_DOCS)
        return -1;
    kh_pblock *b = kh_mem_alloc(m, (size_t)nb * sizeof *b);
    if (!b) return -2;
    uint32_t last = 0, sum = 0;
    uint64_t doc_off = 0, pos_off = 0;
    for (uint32_t i = 0; i < nb; i++) {
        kh_pblock *k = &b[i];
        uint32_t gap, dl, pl, tf;
        if (kh_varint_get32(&p, end, &gap) || kh_varint_get32(&p, end, &dl) ||
            kh_varint_get32(&p, end, &pl) || end - p < 2)
            goto corrupt;
        k->count = (uint16_t)(p[0] + 1);
        k->nimp = p[1];
        p += 2;
        if (gap < k->count || last > UINT32_MAX - gap || k->nimp < 1 || k->nimp > KH_MAX_IMPACTS)
            goto corrupt;
        k->imp_off = (uint32_t)(p - docs);
        for (unsigned j = 0; j < k->nimp; j++)
            if (kh_varint_get32(&p, end, &tf) || p++ >= end) goto corrupt;
        if (kh_varint_get32(&p, end, &k->max_tt)) goto corrupt;
        k->min_nt = 255;
        if (k->max_tt) {
            if (p >= end) goto corrupt;
            k->min_nt = *p++;
        }
        k->prev = last;
        last += gap;
        k->last = last;
        k->doc_len = dl;
        k->pos_len = pl;
        k->doc_off = (uint32_t)doc_off; /* relative for now */
        k->pos_off = (uint32_t)pos_off;
        doc_off += dl;
        pos_off += pl;
        sum += k->count;
        if (doc_off > len || pos_off > UINT32_MAX) goto corrupt;
    }
    size_t head = (size_t)(p - docs);
    if (sum != n || head + doc_off != len || (pos_len != SIZE_MAX && pos_off != pos_len))
        goto corrupt;
    for (uint32_t i = 0; i < nb; i++)
        b[i].doc_off += (uint32_t)head;
    *blocks = b;
    *nblocks = nb;
    *df = n;
    return 0;
corrupt:
    kh_mem_free(m, b, (size_t)nb * sizeof *b);
    return -1;
}

int kh_post_block_ids(const uint8_t *docs, const kh_pblock *b, uint32_t *id, uint32_t *tf_off)
{
    const uint8_t *p = docs + b->doc_off, *end = p + b->doc_len;
    uint32_t prev = b->prev, gap;
    for (unsigned i = 0; i < b->count; i++) {
        if (kh_varint_get32(&p, end, &gap) || gap == 0 || prev > b->last - gap) return -1;
        prev += gap;
        id[i] = prev;
    }
    if (prev != b->last) return -1;
    *tf_off = (uint32_t)(p - docs);
    return 0;
}

int kh_post_block_tfs(const uint8_t *docs, const kh_pblock *b, uint32_t tf_off, uint32_t *tt,
                      uint32_t *tb)
{
    const uint8_t *p = docs + tf_off, *end = docs + b->doc_off + b->doc_len;
    uint32_t f;
    unsigned flagged = 0;
    uint64_t npos = 0;
    for (unsigned i = 0; i < b->count; i++) {
        if (kh_varint_get32(&p, end, &f)) return -1;
        tb[i] = f >> 1;
        tt[i] = f & 1; /* 1 = "read a title tf below" for now */
        flagged += f & 1;
        if (f < 2 && !(f & 1)) return -1; /* the term must occur somewhere */
    }
    for (unsigned i = 0; i < b->count && flagged; i++)
        if (tt[i]) {
            if (kh_varint_get32(&p, end, &tt[i]) || tt[i] == 0 || tt[i] > b->max_tt) return -1;
            flagged--;
        }
    /* Each position takes a byte at least, so a position buffer sized by the
    ** tfs is never larger than the POS section that fills it. */
    for (unsigned i = 0; i < b->count; i++)
        npos += (uint64_t)tt[i] + tb[i];
    return p == end && npos <= b->pos_len ? 0 : -1;
}

void kh_post_impact(const uint8_t *docs, const kh_pblock *b, unsigned i, uint32_t *tf,
                    uint8_t *norm)
{
    /* parse() has checked that every pair lies inside the blob */
    const uint8_t *p = docs + b->imp_off, *end = docs + b->doc_off;
    uint32_t t = 0;
    for (unsigned j = 0; j <= i; j++) {
        (void)kh_varint_get32(&p, end, &t);
        *norm = *p++;
    }
    *tf = t;
}

/* Decodes n positions (first absolute, then gaps >= 1) into out. */
static int get_run(const uint8_t **p, const uint8_t *end, uint32_t n, uint32_t *out)
{
    uint32_t v = 0, gap;
    for (uint32_t i = 0; i < n; i++) {
        if (kh_varint_get32(p, end, &gap) || (i && gap == 0) || v > UINT32_MAX - gap) return -1;
        v = i ? v + gap : gap;
        out[i] = v;
    }
    return 0;
}

int kh_post_block_pos(const uint8_t *pos, const kh_pblock *b, const uint32_t *tt,
                      const uint32_t *tb, uint32_t *out, uint32_t *start)
{
    const uint8_t *p = pos + b->pos_off, *end = p + b->pos_len;
    uint32_t k = 0;
    for (unsigned i = 0; i < b->count; i++) {
        start[i] = k;
        if (get_run(&p, end, tt[i], out + k) || get_run(&p, end, tb[i], out + k + tt[i])) return -1;
        k += tt[i] + tb[i];
    }
    start[b->count] = k;
    return p == end ? 0 : -1;
}
