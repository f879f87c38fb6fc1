/*
** model.c - the recognizer's model file: encoding, decoding, lookups.
**
** A model is one file holding everything tagging needs: the weights, the
** tag transitions, and the gazetteers and word clusters the features look
** up, so a model never depends on lists installed beside it. Gazetteer
** entries and cluster words are stored as 64-bit hashes of their match
** forms (feat.c), not as text.
**
** Layout (all integers little-endian; floats IEEE-754 binary32):
**
**   offset  size  field
**   0       8     magic "KHNERM\r\n" (the CR LF catches text-mode mangling)
**   8       4     format version (KH_MODEL_VERSION)
**   12      4     hash bits b: the model has 2^b weight rows (10..24)
**   16      4     number of states (17: O and BILOU x 4 types, ner.h)
**   20      4     feature groups used (KH_FEAT_* in feat.h)
**   24      4     number of sections that follow
**   28      4     reserved, 0
**   32      ...   sections, each:
**                   0   4  id: "TRAN", "WGTS", "GAZE", "CLUS" or "META"
**                   4   4  reserved, 0
**                   8   8  payload length n
**                   16  n  payload
**   end-4   4     CRC-32 (IEEE) of every byte before it
**
** Payloads:
**   TRAN  (17 + 1) x 17 floats: row p, column t is the weight of state t
**         after state p; row 17 is "after the sentence start". Required.
**   WGTS  float scale, u32 row count, then per stored row, in increasing
**         row order: varint (row - previous row - 1; the first: row),
**         u32 mask of the states with a weight, and for each a zigzag
**         varint q with weight = q * scale, |q| <= 32767. Rows not stored
**         are all zero. Required.
**   GAZE  u32 count, then count x (u64 key, u32 flags): KH_GAZ_* flags,
**         keys strictly increasing.
**   CLUS  u32 count, then count x (u64 key, 3 x u16 class): a word's class
**         at three granularities, each plus one (0: none), keys strictly
**         increasing.
**   META  UTF-8 text, "name=value" lines: how the model was trained. Ignored
**         by the decoder.
** Unknown section ids are skipped, so later versions may add sections;
** a known section appearing twice is corrupt.
**
** The decoder trusts nothing: every length is checked against the bytes
** left, every count against its payload, every value against its range,
** and a failure names the byte offset where the check failed.
*/
#include "ner/ner.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define HEADER_SIZE  32
#define SECTION_HEAD 16
static const uint8_t MAGIC[8] = {'K', 'H', 'N', 'E', 'R', 'M', '\r', '\n'};

/* ---- checksum ----------------------------------------------------------------- */

uint32_t kh_crc32(const uint8_t *buf, size_t n)
{
    /* Slicing by one byte with a table built on the stack: 1 KiB of setup,
    ** then about a byte per cycle, which keeps a model's load time small
    ** without a global table. */
    uint32_t table[256];
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++)
        c = table[(c ^ buf[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/* ---- lookups ------------------------------------------------------------------- */

/* dir for n sorted keys, the key of item i at base + i * stride */
static uint32_t *build_dir(const kh_mem *mem, const void *base, size_t n, size_t stride,
                           uint32_t *bits)
{
    uint32_t b = 1;
    while (b < 24 && ((size_t)1 << (b + 1)) <= n)
        b++;
    size_t nd = ((size_t)1 << b) + 1;
    uint32_t *dir = n && n < UINT32_MAX ? kh_mem_alloc(mem, nd * sizeof *dir) : NULL;
    if (!dir) return NULL;
    size_t i = 0;
    for (size_t h = 0; h + 1 < nd; h++) {
        dir[h] = (uint32_t)i;
        for (uint64_t k; i < n; i++) {
            memcpy(&k, (const uint8_t *)base + i * stride, sizeof k);
            if (k >> (64 - b) != h) break;
        }
    }
    dir[nd - 1] = (uint32_t)n;
    *bits = b;
    return dir;
}

void kh_model_index(const kh_mem *mem, kh_model *m)
{
    if (!m->gazdir) m->gazdir = build_dir(mem, m->gaz, m->ngaz, sizeof *m->gaz, &m->gazdirbits);
    if (!m->cldir)
        m->cldir = build_dir(mem, m->clusters, m->nclusters, sizeof *m->clusters, &m->cldirbits);
}

/* [*lo, *hi): where key may be in a list of n items with directory dir */
static void dir_range(const uint32_t *dir, uint32_t bits, size_t n, uint64_t key, size_t *lo,
                      size_t *hi)
{
    *lo = 0;
    *hi = n;
    if (dir) {
        *lo = dir[key >> (64 - bits)];
        *hi = dir[(key >> (64 - bits)) + 1];
    }
}

const kh_gaz_entry *kh_gaz_find(const kh_model *m, uint64_t key)
{
    size_t lo, hi;
    dir_range(m->gazdir, m->gazdirbits, m->ngaz, key, &lo, &hi);
    size_t end = hi;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->gaz[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < end && m->gaz[lo].key == key ? &m->gaz[lo] : NULL;
}

const kh_cluster_entry *kh_cluster_find(const kh_model *m, uint64_t key)
{
    size_t lo, hi;
    dir_range(m->cldir, m->cldirbits, m->nclusters, key, &lo, &hi);
    size_t end = hi;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->clusters[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < end && m->clusters[lo].key == key ? &m->clusters[lo] : NULL;
}

void kh_model_free(const kh_mem *mem, kh_model *m)
{
    if (m->w) kh_mem_free(mem, m->w, ((size_t)1 << m->bits) * KH_NSTATES * sizeof *m->w);
    if (m->slot) kh_mem_free(mem, m->slot, ((size_t)1 << m->bits) * sizeof *m->slot);
    kh_mem_free(mem, m->pool, m->npool * sizeof *m->pool);
    kh_mem_free(mem, m->gaz, m->capgaz * sizeof *m->gaz);
    kh_mem_free(mem, m->clusters, m->capclusters * sizeof *m->clusters);
    if (m->gazdir)
        kh_mem_free(mem, m->gazdir, (((size_t)1 << m->gazdirbits) + 1) * sizeof(uint32_t));
    if (m->cldir) kh_mem_free(mem, m->cldir, (((size_t)1 << m->cldirbits) + 1) * sizeof(uint32_t));
    memset(m, 0, sizeof *m);
}

/* ---- quantization ---------------------------------------------------------------- */

static float weights_scale(const kh_model *m)
{
    size_t n = ((size_t)1 << m->bits) * KH_NSTATES;
    float mx = 0;
    for (size_t i = 0; i < n; i++)
        if (fabsf(m->w[i]) > mx) mx = fabsf(m->w[i]);
    return mx > 0 ? mx / 32767.0f : 1.0f;
}

static int32_t quantize(float w, float scale, float prune)
{
    if (fabsf(w) < prune) return 0;
    long q = lroundf(w / scale);
    return (int32_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
}

void kh_model_quantize(kh_model *m, float prune)
{
    float scale = weights_scale(m);
    size_t n = ((size_t)1 << m->bits) * KH_NSTATES;
    for (size_t i = 0; i < n; i++)
        m->w[i] = (float)quantize(m->w[i], scale, prune) * scale;
}

/* ---- encoding ------------------------------------------------------------------------ */

typedef struct wbuf {
    const kh_mem *mem;
    uint8_t *p;
    size_t n, cap;
    int failed;
} wbuf;

static void put(wbuf *b, const void *s, size_t n)
{
    if (b->failed) return;
    if (kh_mem_grow(b->mem, (void **)&b->p, &b->cap, b->n + n, 1)) {
        b->failed = 1;
        return;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static void put_u16(wbuf *b, uint32_t v)
{
    uint8_t x[2] = {(uint8_t)v, (uint8_t)(v >> 8)};
    put(b, x, 2);
}

static void put_u32(wbuf *b, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    put(b, x, 4);
}

static void put_u64(wbuf *b, uint64_t v)
{
    put_u32(b, (uint32_t)v);
    put_u32(b, (uint32_t)(v >> 32));
}

static void put_f32(wbuf *b, float f)
{
    uint32_t v;
    memcpy(&v, &f, 4);
    put_u32(b, v);
}

static void put_varint(wbuf *b, uint64_t v)
{
    uint8_t x[10];
    size_t n = 0;
    while (v >= 0x80) {
        x[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    x[n++] = (uint8_t)v;
    put(b, x, n);
}

/* Starts a section; returns where its length goes, patched by end_section. */
static size_t begin_section(wbuf *b, const char *id)
{
    put(b, id, 4);
    put_u32(b, 0);
    size_t at = b->n;
    put_u64(b, 0);
    return at;
}

static void end_section(wbuf *b, size_t at)
{
    if (b->failed) return;
    uint64_t n = b->n - at - 8;
    for (int i = 0; i < 8; i++)
        b->p[at + (size_t)i] = (uint8_t)(n >> (8 * i));
}

kh_status kh_model_encode(const kh_mem *mem, const kh_model *m, float prune, uint8_t **out,
                          size_t *outlen)
{
    wbuf b = {mem, NULL, 0, 0, 0};
    *out = NULL;
    *outlen = 0;
    put(&b, MAGIC, 8);
    put_u32(&b, KH_MODEL_VERSION);
    put_u32(&b, m->bits);
    put_u32(&b, KH_NSTATES);
    put_u32(&b, m->feat_set);
    put_u32(&b, 4);
    put_u32(&b, 0);

    size_t at = begin_section(&b, "TRAN");
    for (int p = 0; p <= KH_NSTATES; p++)
        for (int t = 0; t < KH_NSTATES; t++)
            put_f32(&b, m->trans[p][t]);
    end_section(&b, at);

    at = begin_section(&b, "WGTS");
    float scale = weights_scale(m);
    put_f32(&b, scale);
    size_t nrows = (size_t)1 << m->bits, count_at = b.n, stored = 0, prev = 0;
    put_u32(&b, 0);
    for (size_t r = 0; r < nrows; r++) {
        int32_t q[KH_NSTATES];
        uint32_t mask = 0;
        for (int t = 0; t < KH_NSTATES; t++) {
            q[t] = quantize(m->w[r * KH_NSTATES + (size_t)t], scale, prune);
            if (q[t]) mask |= 1u << t;
        }
        if (!mask) continue;
        put_varint(&b, stored ? r - prev - 1 : r);
        put_u32(&b, mask);
        for (int t = 0; t < KH_NSTATES; t++)
            if (q[t])
                put_varint(&b,
                           q[t] < 0 ? ((uint64_t)(-(int64_t)q[t]) << 1) - 1 : (uint64_t)q[t] << 1);
        prev = r;
        stored++;
    }
    if (!b.failed)
        for (int i = 0; i < 4; i++)
            b.p[count_at + (size_t)i] = (uint8_t)(stored >> (8 * i));
    end_section(&b, at);

    at = begin_section(&b, "GAZE");
    put_u32(&b, (uint32_t)m->ngaz);
    for (size_t i = 0; i < m->ngaz; i++) {
        put_u64(&b, m->gaz[i].key);
        put_u32(&b, m->gaz[i].flags);
    }
    end_section(&b, at);

    at = begin_section(&b, "CLUS");
    put_u32(&b, (uint32_t)m->nclusters);
    for (size_t i = 0; i < m->nclusters; i++) {
        put_u64(&b, m->clusters[i].key);
        for (int k = 0; k < KH_NCLUSTER; k++)
            put_u16(&b, m->clusters[i].id[k]);
    }
    end_section(&b, at);

    if (!b.failed) put_u32(&b, kh_crc32(b.p, b.n));
    /* the caller frees *outlen bytes: the allocator is told the size it gave */
    uint8_t *fit = b.failed ? NULL : kh_mem_realloc(mem, b.p, b.cap, b.n);
    if (!fit) {
        kh_mem_free(mem, b.p, b.cap);
        return KH_ENOMEM;
    }
    b.p = fit;
    *out = b.p;
    *outlen = b.n;
    return KH_OK;
}

/* ---- decoding ---------------------------------------------------------------------------- */

typedef struct rbuf {
    const uint8_t *p;
    size_t n, at; /* at: bytes consumed, relative to base */
    size_t base;  /* offset of p[0] in the file, for error messages */
} rbuf;

static kh_status corrupt(kh_error *err, size_t off, const char *fmt, ...)
{
    if (err) {
        err->status = KH_ECORRUPT;
        err->offset = off;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return KH_ECORRUPT;
}

static int get(rbuf *r, void *out, size_t n)
{
    if (r->n - r->at < n) return -1;
    memcpy(out, r->p + r->at, n);
    r->at += n;
    return 0;
}

static int get_u16(rbuf *r, uint32_t *v)
{
    uint8_t x[2];
    if (get(r, x, 2)) return -1;
    *v = (uint32_t)x[0] | (uint32_t)x[1] << 8;
    return 0;
}

static int get_u32(rbuf *r, uint32_t *v)
{
    uint8_t x[4];
    if (get(r, x, 4)) return -1;
    *v = (uint32_t)x[0] | (uint32_t)x[1] << 8 | (uint32_t)x[2] << 16 | (uint32_t)x[3] << 24;
    return 0;
}

static int get_u64(rbuf *r, uint64_t *v)
{
    uint32_t lo, hi;
    if (get_u32(r, &lo) || get_u32(r, &hi)) return -1;
    *v = (uint64_t)hi << 32 | lo;
    return 0;
}

static int get_f32(rbuf *r, float *f)
{
    uint32_t v;
    if (get_u32(r, &v)) return -1;
    memcpy(f, &v, 4);
    return 0;
}

/* A varint of at most 64 bits; -1 if truncated or longer than 10 bytes. */
static int get_varint(rbuf *r, uint64_t *v)
{
    uint64_t x = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->at >= r->n) return -1;
        uint8_t c = r->p[r->at++];
        x |= (uint64_t)(c & 0x7F) << shift;
        if (!(c & 0x80)) {
            *v = x;
            return 0;
        }
    }
    return -1;
}

#define OFF(r) ((r)->base + (r)->at)

static kh_status decode_trans(rbuf *r, kh_model *m, kh_error *err)
{
    for (int p = 0; p <= KH_NSTATES; p++)
        for (int t = 0; t < KH_NSTATES; t++) {
            size_t off = OFF(r);
            if (get_f32(r, &m->trans[p][t]))
                return corrupt(err, off, "transitions: section too short");
            if (!isfinite(m->trans[p][t]))
                return corrupt(err, off, "transitions: weight is not a finite number");
        }
    return KH_OK;
}

static kh_status decode_weights(const kh_mem *mem, rbuf *r, kh_model *m, kh_error *err)
{
    float scale;
    uint32_t count;
    size_t off = OFF(r);
    if (get_f32(r, &scale) || get_u32(r, &count))
        return corrupt(err, off, "weights: section too short");
    if (!isfinite(scale) || scale <= 0)
        return corrupt(err, off, "weights: scale is not a positive number");
    size_t nrows = (size_t)1 << m->bits;
    if (count > nrows)
        return corrupt(err, off + 4, "weights: %u rows stored, the model has %zu", count, nrows);
    m->slot = kh_mem_alloc(mem, nrows * sizeof *m->slot);
    m->npool = (count ? count : 1) * (size_t)KH_NSTATES;
    m->pool = kh_mem_alloc(mem, m->npool * sizeof *m->pool);
    if (!m->slot || !m->pool) return KH_ENOMEM;
    memset(m->slot, 0, nrows * sizeof *m->slot);
    memset(m->pool, 0, m->npool * sizeof *m->pool);
    uint64_t row = 0;
    for (uint32_t i = 0; i < count; i++) {
        uint64_t d;
        uint32_t mask;
        off = OFF(r);
        if (get_varint(r, &d))
            return corrupt(err, off, "weights: row %u: truncated or bad varint", i);
        if (d >= nrows || (i && row + 1 + d >= nrows))
            return corrupt(err, off, "weights: row %u: index beyond the table", i);
        row = i ? row + 1 + d : d;
        off = OFF(r);
        if (get_u32(r, &mask)) return corrupt(err, off, "weights: row %u: truncated", i);
        if (!mask || mask >> KH_NSTATES)
            return corrupt(err, off, "weights: row %u: bad tag mask 0x%x", i, mask);
        m->slot[row] = i + 1;
        for (int t = 0; t < KH_NSTATES; t++) {
            if (!(mask & (1u << t))) continue;
            uint64_t z;
            off = OFF(r);
            if (get_varint(r, &z))
                return corrupt(err, off, "weights: row %u: truncated or bad varint", i);
            if (z == 0 || z > 65534)
                return corrupt(err, off, "weights: row %u: weight out of range", i);
            int32_t q = z & 1 ? -(int32_t)((z + 1) >> 1) : (int32_t)(z >> 1);
            m->pool[(size_t)i * KH_NSTATES + (size_t)t] = (float)q * scale;
        }
    }
    if (r->at != r->n)
        return corrupt(err, OFF(r), "weights: %zu bytes after the last row", r->n - r->at);
    return KH_OK;
}

static kh_status decode_gaz(const kh_mem *mem, rbuf *r, kh_model *m, kh_error *err)
{
    uint32_t count;
    size_t off = OFF(r);
    if (get_u32(r, &count)) return corrupt(err, off, "gazetteer: section too short");
    if ((uint64_t)count * 12 != r->n - r->at)
        return corrupt(err, off, "gazetteer: %u entries do not fill %zu bytes", count,
                       r->n - r->at);
    if (count) {
        m->gaz = kh_mem_alloc(mem, (size_t)count * sizeof *m->gaz);
        if (!m->gaz) return KH_ENOMEM;
    }
    m->ngaz = m->capgaz = count;
    for (uint32_t i = 0; i < count; i++) {
        off = OFF(r);
        get_u64(r, &m->gaz[i].key);
        get_u32(r, &m->gaz[i].flags);
        if (i && m->gaz[i].key <= m->gaz[i - 1].key)
            return corrupt(err, off, "gazetteer: entry %u out of order", i);
        if (!m->gaz[i].flags || m->gaz[i].flags & ~0x3Fu)
            return corrupt(err, off + 8, "gazetteer: entry %u has bad flags", i);
    }
    return KH_OK;
}

static kh_status decode_clusters(const kh_mem *mem, rbuf *r, kh_model *m, kh_error *err)
{
    uint32_t count;
    size_t off = OFF(r);
    if (get_u32(r, &count)) return corrupt(err, off, "clusters: section too short");
    if ((uint64_t)count * (8 + 2 * KH_NCLUSTER) != r->n - r->at)
        return corrupt(err, off, "clusters: %u entries do not fill %zu bytes", count, r->n - r->at);
    if (count) {
        m->clusters = kh_mem_alloc(mem, (size_t)count * sizeof *m->clusters);
        if (!m->clusters) return KH_ENOMEM;
    }
    m->nclusters = m->capclusters = count;
    for (uint32_t i = 0; i < count; i++) {
        off = OFF(r);
        get_u64(r, &m->clusters[i].key);
        for (int k = 0; k < KH_NCLUSTER; k++) {
            uint32_t id = 0;
            get_u16(r, &id);
            m->clusters[i].id[k] = (uint16_t)id;
        }
        if (i && m->clusters[i].key <= m->clusters[i - 1].key)
            return corrupt(err, off, "clusters: entry %u out of order", i);
    }
    return KH_OK;
}

static kh_status decode_header(const uint8_t *buf, size_t len, kh_model *m, uint32_t *nsect,
                               kh_error *err)
{
    if (len < HEADER_SIZE + 4) return corrupt(err, len, "model of %zu bytes is too short", len);
    if (memcmp(buf, MAGIC, 8)) return corrupt(err, 0, "not a khabar entity model (bad magic)");
    rbuf r = {buf, HEADER_SIZE, 8, 0};
    uint32_t version = 0, bits = 0, ntags = 0, feat = 0, reserved = 0;
    get_u32(&r, &version);
    get_u32(&r, &bits);
    get_u32(&r, &ntags);
    get_u32(&r, &feat);
    get_u32(&r, nsect);
    get_u32(&r, &reserved);
    if (version != KH_MODEL_VERSION)
        return corrupt(err, 8, "model format version %u, this library reads %d", version,
                       KH_MODEL_VERSION);
    if (bits < KH_MODEL_MIN_BITS || bits > KH_MODEL_MAX_BITS)
        return corrupt(err, 12, "hash bits %u outside %d..%d", bits, KH_MODEL_MIN_BITS,
                       KH_MODEL_MAX_BITS);
    if (ntags != KH_NSTATES) return corrupt(err, 16, "%u states, expected %d", ntags, KH_NSTATES);
    /* 0x1F: KH_FEAT_ALL of feat.h, which a model file may name */
    if (feat & ~0x1Fu) return corrupt(err, 20, "unknown feature groups 0x%x", feat);
    if (reserved) return corrupt(err, 28, "reserved header field is not 0");
    uint32_t crc = (uint32_t)buf[len - 4] | (uint32_t)buf[len - 3] << 8 |
                   (uint32_t)buf[len - 2] << 16 | (uint32_t)buf[len - 1] << 24;
    if (crc != kh_crc32(buf, len - 4))
        return corrupt(err, len - 4, "checksum mismatch (file damaged or truncated)");
    m->bits = bits;
    m->feat_set = feat;
    return KH_OK;
}

kh_status kh_model_decode(const kh_mem *mem, const uint8_t *buf, size_t len, kh_model *m,
                          kh_error *err)
{
    memset(m, 0, sizeof *m);
    uint32_t nsect = 0;
    kh_status st = decode_header(buf, len, m, &nsect, err);
    if (st) return st;
    size_t at = HEADER_SIZE, end = len - 4;
    unsigned seen = 0;
    for (uint32_t s = 0; s < nsect; s++) {
        if (end - at < SECTION_HEAD) {
            st = corrupt(err, at, "section %u: header truncated", s);
            goto fail;
        }
        char id[5] = {0};
        memcpy(id, buf + at, 4);
        rbuf h = {buf + at + 4, 12, 0, at + 4};
        uint32_t reserved = 0;
        uint64_t n = 0;
        get_u32(&h, &reserved);
        get_u64(&h, &n);
        if (reserved) {
            st = corrupt(err, at + 4, "section %u: reserved field is not 0", s);
            goto fail;
        }
        if (n > end - at - SECTION_HEAD) {
            st = corrupt(err, at + 8, "section '%.4s': length %llu beyond the file", id,
                         (unsigned long long)n);
            goto fail;
        }
        rbuf r = {buf + at + SECTION_HEAD, (size_t)n, 0, at + SECTION_HEAD};
        static const char *const known[] = {"TRAN", "WGTS", "GAZE", "CLUS"};
        int k = -1;
        for (int i = 0; i < 4; i++)
            if (!memcmp(id, known[i], 4)) k = i;
        if (k >= 0 && (seen & (1u << k))) {
            st = corrupt(err, at, "section '%.4s' appears twice", id);
            goto fail;
        }
        if (k >= 0) seen |= 1u << k;
        if (k == 0) {
            st = decode_trans(&r, m, err);
            if (!st && r.at != r.n) st = corrupt(err, OFF(&r), "transitions: section too long");
        } else if (k == 1) {
            st = decode_weights(mem, &r, m, err);
        } else if (k == 2) {
            st = decode_gaz(mem, &r, m, err);
        } else if (k == 3) {
            st = decode_clusters(mem, &r, m, err);
        }
        if (st) goto fail;
        at += SECTION_HEAD + (size_t)n;
    }
    if (at != end) {
        st = corrupt(err, at, "%zu bytes after the last section", end - at);
        goto fail;
    }
    if ((seen & 3u) != 3u) {
        st = corrupt(err, at, "model lacks its %s section", seen & 1u ? "weights" : "transitions");
        goto fail;
    }
    kh_model_index(mem, m);
    return KH_OK;
fail:
    if (st == KH_ENOMEM && err) {
        err->status = KH_ENOMEM;
        err->offset = UINT64_MAX;
        snprintf(err->message, sizeof err->message, "out of memory");
    }
    kh_model_free(mem, m);
    return st;
}
