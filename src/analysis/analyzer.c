/*
** analyzer.c - kh_analyze(): tokens, sentences, segments and keys.
**
** Pipeline per call: tokenize (text/tok.c) → for each token, normalize
** (text/norm.c), segment Arabic words (seg.c), light-stem the stem (stem.c)
** → split sentences over the token stream. Results live in arrays and an
** arena owned by the handle and reused by the next call, so a steady stream
** of documents allocates nothing once the buffers have grown.
**
** Offsets: every token and segment span is a byte range of the caller's
** input. Segments tile their token: bytes that normalization drops (marks,
** tatweel, controls) belong to the segment they sit in.
*/
#include "khabar.h"

#include "analysis/lexicon.h"
#include "analysis/seg.h"
#include "analysis/stem.h"
#include "base/mem.h"
#include "text/chars.h"
#include "text/norm.h"
#include "text/tok.h"
#include "text/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KH_MAX_WORD_BYTES 256

/* ---- memory ------------------------------------------------------------ */

typedef struct chunk {
    struct chunk *next;
    size_t cap, used;
    uint8_t data[];
} chunk;

/* Word cache: news vocabulary is Zipfian, so most Arabic words repeat
** within and across documents. An Arabic word's analysis depends only on
** its bytes, so a cache of finished analyses returns identical results
** without touching the lexicon. The cache is two-way set associative and
** evicts the less used way, so a rare word cannot push out a frequent one
** that happens to share its slot (a direct-mapped cache missed twice as often
** on news text). Each entry is one 192-byte record
** (three cache lines) holding the surface, norm, seg, key and segment texts,
** NUL-terminated, so a hit costs one memory access and tokens can point
** straight into the entry. An entry served during the current kh_analyze()
** call is never overwritten in that call (gen), so those pointers stay
** valid until the next call, as the API promises. */
#define WC_SLOTS    262144u
#define WC_SETS     (WC_SLOTS / 2u)
#define WC_DATA     154u /* so that an entry is 192 bytes, three cache lines */
#define WC_MAX_WORD 32u  /* longest word cached, in bytes */
#define WC_MAX_SEGS 5u
#define WC_AHEAD    8 /* tokens between a prefetch and its use */

typedef struct wc_seg {
    uint8_t start, end;     /* bytes, relative to the word */
    uint8_t text, text_len; /* offset into data */
} wc_seg;

typedef struct wc_entry {
    uint32_t hash;
    uint32_t gen;           /* the kh_analyze() call that last served it */
    uint8_t len;            /* surface bytes; 0 = empty slot */
    uint8_t norm, seg, key; /* offsets into data; lengths follow from NULs */
    uint8_t norm_len, seg_len, key_len;
    uint8_t nsegs; /* high bit: KH_TOKF_PREFIX */
    wc_seg segs[WC_MAX_SEGS];
    uint8_t roles; /* 2 bits per segment */
    uint8_t hits;  /* uses since stored, saturating, halved when the set evicts */
    uint8_t data[WC_DATA];
} wc_entry;
_Static_assert(sizeof(wc_entry) == 192, "a cache entry is three cache lines");

struct kh_analyzer {
    kh_alloc_fn alloc;
    void *ud;
    uint32_t flags;
    const kh_lexicon *lx;
    kh_error err;

    kh_token *toks;
    size_t ntok, captok;
    kh_segment *segs;
    size_t nseg, capseg;
    kh_sentence *sents;
    size_t nsent, capsent;
    chunk *arena; /* current chunk first; all chunks kept for reuse */
    chunk *cur;

    /* per-token scratch, grown on demand */
    kh_letter *letters;
    size_t capletters;
    uint32_t *lex;
    size_t caplex;
    uint8_t *bytes;
    size_t capbytes;
    int32_t *cps;
    size_t capcps;

    wc_entry *wcache; /* WC_SLOTS entries, 64-byte aligned, allocated on first use */
    void *wcache_raw; /* the allocation wcache sits in */
    uint32_t gen;     /* count of kh_analyze() calls, for wc_entry.gen */

    kh_analysis result;
};

static void *mem_realloc(kh_analyzer *a, void *p, size_t osize, size_t nsize)
{
    return a->alloc(a->ud, p, osize, nsize);
}

static void mem_free(kh_analyzer *a, void *p, size_t osize)
{
    if (p) a->alloc(a->ud, p, osize, 0);
}

/* Grows *pp (an array of elem-sized items, *cap of them) to hold need. */
static int grow(kh_analyzer *a, void **pp, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap : 64;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elem) return -1;
        nc *= 2;
    }
    void *np = mem_realloc(a, *pp, *cap * elem, nc * elem);
    if (!np) return -1;
    *pp = np;
    *cap = nc;
    return 0;
}

/* Arena allocation for token strings: pointers stay valid until the next
** kh_analyze, since chunks never move. */
static char *arena_alloc(kh_analyzer *a, size_t n)
{
    chunk *c = a->cur;
    while (c && c->cap - c->used < n)
        c = c->next; /* an older chunk kept from a previous call */
    if (!c) {
        size_t cap = n > 65536 ? n : 65536;
        c = mem_realloc(a, NULL, 0, sizeof(chunk) + cap);
        if (!c) return NULL;
        c->cap = cap;
        c->used = 0;
        c->next = NULL;
        if (a->cur) {
            c->next = a->cur->next;
            a->cur->next = c;
        } else {
            a->arena = c;
        }
    }
    a->cur = c;
    char *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

static void arena_reset(kh_analyzer *a)
{
    for (chunk *c = a->arena; c; c = c->next)
        c->used = 0;
    a->cur = a->arena;
}

static const char *arena_str(kh_analyzer *a, const void *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static kh_status set_error(kh_analyzer *a, kh_status st, uint64_t off, const char *fmt, ...)
{
    a->err.status = st;
    a->err.offset = off;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->err.message, sizeof a->err.message, fmt, ap);
    va_end(ap);
    return st;
}

/* ---- public: lifecycle ----------------------------------------------------- */

const char *kh_version(void)
{
    return KH_VERSION_STRING;
}

const char *kh_strerror(kh_status st)
{
    switch (st) {
    case KH_OK:
        return "ok";
    case KH_ENOMEM:
        return "out of memory";
    case KH_EINVAL:
        return "invalid argument";
    case KH_EUTF8:
        return "invalid UTF-8";
    case KH_EIO:
        return "input/output error";
    case KH_ECORRUPT:
        return "corrupt data";
    case KH_ESQLITE:
        return "SQLite error";
    case KH_ELIMIT:
        return "input exceeds a limit";
    case KH_ESYNTAX:
        return "syntax error";
    }
    return "unknown error";
}

kh_status kh_analyzer_new(const kh_analyzer_opts *opts, kh_analyzer **out)
{
    if (!out) return KH_EINVAL;
    *out = NULL;
    kh_alloc_fn fn = opts && opts->alloc ? opts->alloc : kh_mem_libc;
    void *ud = opts && opts->alloc ? opts->alloc_ud : NULL;
    kh_analyzer *a = fn(ud, NULL, 0, sizeof *a);
    if (!a) return KH_ENOMEM;
    memset(a, 0, sizeof *a);
    a->alloc = fn;
    a->ud = ud;
    a->flags = opts ? opts->flags : 0;
    a->lx = kh_lex_builtin();
    a->err.offset = UINT64_MAX;
    *out = a;
    return KH_OK;
}

void kh_analyzer_free(kh_analyzer *a)
{
    if (!a) return;
    mem_free(a, a->toks, a->captok * sizeof *a->toks);
    mem_free(a, a->segs, a->capseg * sizeof *a->segs);
    mem_free(a, a->sents, a->capsent * sizeof *a->sents);
    mem_free(a, a->letters, a->capletters * sizeof *a->letters);
    mem_free(a, a->lex, a->caplex * sizeof *a->lex);
    mem_free(a, a->bytes, a->capbytes);
    mem_free(a, a->cps, a->capcps * sizeof *a->cps);
    mem_free(a, a->wcache_raw, WC_SLOTS * sizeof *a->wcache + 64);
    for (chunk *c = a->arena, *n; c; c = n) {
        n = c->next;
        mem_free(a, c, sizeof(chunk) + c->cap);
    }
    a->alloc(a->ud, a, sizeof *a, 0);
}

const kh_error *kh_analyzer_error(const kh_analyzer *a)
{
    return a ? &a->err : NULL;
}

int kh_utf8_valid(const uint8_t *s, size_t len, size_t *off)
{
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t l;
        if (kh_utf8_decode(s + i, len - i, &l) == KH_CP_INVALID) {
            if (off) *off = i;
            return 0;
        }
        i += l;
    }
    return 1;
}

/* ---- per-token analysis ------------------------------------------------------ */

/* Pushes a segment; its text is copied into the arena. */
static int push_seg(kh_analyzer *a, uint32_t start, uint32_t end, const void *text, size_t len,
                    uint32_t role)
{
    if (grow(a, (void **)&a->segs, &a->capseg, a->nseg + 1, sizeof *a->segs)) return -1;
    const char *t = arena_str(a, text, len);
    if (!t) return -1;
    a->segs[a->nseg++] = (kh_segment){start, end, t, (uint32_t)len, role};
    return 0;
}

/* Joins the token's segment texts with '+' into tok->seg. */
static int join_segs(kh_analyzer *a, kh_token *t, size_t first)
{
    size_t n = 0;
    for (size_t i = first; i < a->nseg; i++)
        n += a->segs[i].len + 1;
    char *p = arena_alloc(a, n + 1);
    if (!p) return -1;
    size_t o = 0;
    for (size_t i = first; i < a->nseg; i++) {
        if (i > first) p[o++] = '+';
        memcpy(p + o, a->segs[i].text, a->segs[i].len);
        o += a->segs[i].len;
    }
    p[o] = 0;
    t->seg = p;
    t->seg_len = (uint32_t)o;
    return 0;
}

/* Display text of letters [i, j) into bytes. */
static size_t disp_utf8(const kh_letter *L, size_t i, size_t j, uint8_t *out)
{
    size_t o = 0;
    for (; i < j; i++)
        o += kh_utf8_encode(L[i].disp, out + o);
    return o;
}

/* Is this token a one-letter proclitic written apart with tatweel (لـ)? */
static int is_detached_proclitic(const uint8_t *s, size_t n, const kh_letter *L, size_t nl)
{
    if (nl < 1 || nl > 2 || n < 2 || s[n - 2] != 0xD9 || s[n - 1] != 0x80)
        return 0; /* must end in U+0640 */
    for (size_t i = 0; i < nl; i++) {
        uint32_t c = L[i].lex;
        if (c != KH_CP_WAW && c != KH_CP_FEH && c != KH_CP_BEH && c != KH_CP_KAF && c != KH_CP_LAM)
            return 0;
    }
    return 1;
}

static int analyze_arabic(kh_analyzer *a, const uint8_t *text, kh_token *t)
{
    const uint8_t *s = text + t->start;
    size_t n = t->end - t->start;
    size_t cap = kh_norm_letters_cap(n);
    if (grow(a, (void **)&a->letters, &a->capletters, cap, sizeof *a->letters) ||
        grow(a, (void **)&a->lex, &a->caplex, cap, sizeof *a->lex) ||
        grow(a, (void **)&a->bytes, &a->capbytes, cap * 4 + 64, 1))
        return -1;
    kh_letter *L = a->letters;
    size_t nl = kh_norm_letters(s, n, L);
    uint32_t *lex = a->lex;
    uint8_t *buf = a->bytes;
    size_t first = a->nseg;

    /* normalized form: every letter folded, ة → ه */
    size_t o = 0;
    for (size_t i = 0; i < nl; i++) {
        lex[i] = L[i].lex;
        o += kh_utf8_encode(kh_norm_keycp(lex[i]), buf + o);
    }
    if (!(t->norm = arena_str(a, buf, o))) return -1;
    t->norm_len = (uint32_t)o;

    if (nl == 0 || is_detached_proclitic(s, n, L, nl)) {
        size_t dl = disp_utf8(L, 0, nl, buf);
        if (nl) t->flags |= KH_TOKF_PREFIX;
        if (push_seg(a, t->start, t->end, buf, dl, nl ? KH_SEG_PROCLITIC : KH_SEG_STEM)) return -1;
        t->key = "";
        t->key_len = 0;
        return join_segs(a, t, first);
    }

    kh_cand c = kh_seg_decide(a->lx, lex, nl, buf);
    size_t stem_b = c.np, stem_e = nl - c.ne;
    /* With a shared lam (للغة) the stem starts at the second lam, which is
    ** also the article's: ال gets that lam's span and the stem starts there. */

    /* Segment boundaries in bytes: each segment runs to the next one's start
    ** so that dropped marks and tatweel stay inside some segment. */
    uint32_t base = t->start;
    uint32_t stem_start = base + (stem_b < nl ? L[stem_b].start : (uint32_t)n);
    uint32_t enc_start = base + (stem_e < nl ? L[stem_e].start : (uint32_t)n);
    if (stem_b == 0) stem_start = base;

    /* proclitics */
    size_t li = 0;
    for (int k = 0; kh_seg_chain_part(c.chain, k); k++) {
        const char *pt = kh_seg_chain_part(c.chain, k);
        int is_det = KH_CHAIN_DET(c.chain) && !kh_seg_chain_part(c.chain, k + 1);
        size_t width = 1;
        if (is_det) width = KH_CHAIN_LAM(c.chain) ? 0 : (KH_CHAIN_PREP(c.chain) == 3 ? 1 : 2);
        uint32_t ss = li == 0 ? base : base + L[li].start;
        uint32_t se = li + width < nl ? base + L[li + width].start : stem_start;
        if (width == 0) { /* ال sharing the stem's lam (للغة): written nowhere */
            ss = base + L[li].start;
            se = ss;
        }
        if (push_seg(a, ss, se, pt, strlen(pt), KH_SEG_PROCLITIC)) return -1;
        li += width;
    }

    /* stem, with the seam restored */
    size_t dl = disp_utf8(L, stem_b, stem_e, buf);
    if (c.restore & KH_RESTORE_TM && dl >= 2) {
        buf[dl - 2] = 0xD8; /* ت → ة */
        buf[dl - 1] = 0xA9;
    } else if (c.restore & KH_RESTORE_YA && dl >= 2) {
        buf[dl - 2] = 0xD9; /* ا → ى */
        buf[dl - 1] = 0x89;
    } else if (c.ne && stem_e - stem_b >= 2) {
        uint32_t last = L[stem_e - 1].disp, prev = L[stem_e - 2].disp;
        if ((last == KH_CP_WAW_HAMZA || last == KH_CP_YEH_HAMZA) &&
            (prev == KH_CP_ALEF)) { /* أبناؤهم → أبناء + هم */
            buf[dl - 2] = 0xD8;
            buf[dl - 1] = 0xA1;
        } else if (last == KH_CP_YEH) { /* عليه → على + ه when the word is written so */
            size_t kl = kh_seg_stem_key(lex, nl, &c, buf + dl + 8);
            const kh_lex_entry *e = kh_lex_find(a->lx, buf + dl + 8, kl);
            if (e && (e->flags & KH_LEXF_MAKSURA)) {
                buf[dl - 2] = 0xD9;
                buf[dl - 1] = 0x89;
            }
        }
    }
    if (push_seg(a, stem_start, c.ne ? enc_start : t->end, buf, dl, KH_SEG_STEM)) return -1;
    if (c.ne) {
        const char *et = kh_seg_enclitic(c.enc);
        if (push_seg(a, enc_start, t->end, et, strlen(et), KH_SEG_ENCLITIC)) return -1;
    }
    if (join_segs(a, t, first)) return -1;

    /* key: light stem of the stem's lexicon form */
    size_t kn = stem_e - stem_b;
    uint32_t *stem = lex + stem_b;
    if (c.restore & KH_RESTORE_TM)
        stem[kn - 1] = KH_CP_TEH_MARBUTA;
    else if (c.restore & KH_RESTORE_YA)
        stem[kn - 1] = KH_CP_YEH;
    kn = kh_stem_light(a->lx, stem, kn, buf);
    o = 0;
    for (size_t i = 0; i < kn; i++)
        o += kh_utf8_encode(kh_norm_keycp(stem[i]), buf + o);
    if (!(t->key = arena_str(a, buf, o))) return -1;
    t->key_len = (uint32_t)o;
    return 0;
}

static uint32_t wc_hash(const uint8_t *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 16777619u;
    return h;
}

/* Fills t and its segments from the cache. Returns 1 on a hit, 0 on a miss,
** -1 when out of memory. */
static int wc_lookup(kh_analyzer *a, const uint8_t *s, size_t n, uint32_t h, kh_token *t)
{
    if (!a->wcache) return 0;
    wc_entry *e = &a->wcache[(h & (WC_SETS - 1)) * 2];
    if (e->hash != h || e->len != n || memcmp(e->data, s, n) != 0) {
        e++;
        if (e->hash != h || e->len != n || memcmp(e->data, s, n) != 0) return 0;
    }
    if (e->hits < 255) e->hits++;
    unsigned nsegs = e->nsegs & 0x7F;
    if (grow(a, (void **)&a->segs, &a->capseg, a->nseg + nsegs, sizeof *a->segs)) return -1;
    e->gen = a->gen;
    t->norm = (const char *)e->data + e->norm;
    t->seg = (const char *)e->data + e->seg;
    t->key = (const char *)e->data + e->key;
    t->norm_len = e->norm_len;
    t->seg_len = e->seg_len;
    t->key_len = e->key_len;
    if (e->nsegs & 0x80) t->flags |= KH_TOKF_PREFIX;
    for (unsigned i = 0; i < nsegs; i++) {
        const wc_seg *w = &e->segs[i];
        a->segs[a->nseg++] =
            (kh_segment){t->start + w->start, t->start + w->end, (const char *)e->data + w->text,
                         w->text_len, (uint32_t)((e->roles >> (2 * i)) & 3u)};
    }
    return 1;
}

/* Remembers the analysis just made for t (segments from index first),
** unless it does not fit an entry or the slot was served in this call.
** Failure to allocate only means no caching. */
static void wc_store(kh_analyzer *a, const uint8_t *s, size_t n, uint32_t h, const kh_token *t,
                     size_t first)
{
    size_t nsegs = a->nseg - first;
    if (nsegs > WC_MAX_SEGS) return;
    size_t size = n + t->norm_len + t->seg_len + t->key_len + 3;
    for (size_t i = first; i < a->nseg; i++)
        size += a->segs[i].len + 1;
    if (size > WC_DATA) return;
    if (!a->wcache) {
        /* aligned so that each entry is exactly three cache lines */
        /* 48 MiB: with the default allocator calloc() maps zero pages that
        ** cost nothing until used, so a short text does not pay for them. */
        size_t bytes = WC_SLOTS * sizeof *a->wcache + 64;
        int lazy = a->alloc == kh_mem_libc;
        a->wcache_raw = lazy ? calloc(1, bytes) : mem_realloc(a, NULL, 0, bytes);
        if (!a->wcache_raw) return;
        a->wcache = (wc_entry *)(((uintptr_t)a->wcache_raw + 63) & ~(uintptr_t)63);
        if (!lazy) memset(a->wcache, 0, WC_SLOTS * sizeof *a->wcache);
    }
    wc_entry *w = &a->wcache[(h & (WC_SETS - 1)) * 2], *e;
    /* An entry served in this call is kept: tokens of this call point into it. */
    int busy0 = w[0].len && w[0].gen == a->gen, busy1 = w[1].len && w[1].gen == a->gen;
    if (!w[0].len)
        e = &w[0];
    else if (!w[1].len)
        e = &w[1];
    else if (busy0 && busy1)
        return;
    else if (busy0 || (!busy1 && w[1].hits < w[0].hits))
        e = &w[1];
    else
        e = &w[0];
    wc_entry *other = e == &w[0] ? &w[1] : &w[0];
    other->hits /= 2; /* ageing: a word that stops coming loses its place */
    uint8_t *d = e->data;
    size_t o = 0;
#define PUT(src, l)                                                                                \
    do {                                                                                           \
        memcpy(d + o, (src), (l));                                                                 \
        d[o + (l)] = 0;                                                                            \
        o += (l) + 1;                                                                              \
    } while (0)
    memcpy(d, s, n);
    o = n;
    e->norm = (uint8_t)o;
    PUT(t->norm, t->norm_len);
    e->seg = (uint8_t)o;
    PUT(t->seg, t->seg_len);
    e->key = (uint8_t)o;
    PUT(t->key, t->key_len);
    e->roles = 0;
    for (size_t i = 0; i < nsegs; i++) {
        const kh_segment *g = &a->segs[first + i];
        e->segs[i] = (wc_seg){(uint8_t)(g->start - t->start), (uint8_t)(g->end - t->start),
                              (uint8_t)o, (uint8_t)g->len};
        e->roles |= (uint8_t)((g->role & 3u) << (2 * i));
        PUT(g->text, g->len);
    }
#undef PUT
    e->hash = h;
    e->gen = 0;
    e->hits = 0;
    e->len = (uint8_t)n;
    e->norm_len = (uint8_t)t->norm_len;
    e->seg_len = (uint8_t)t->seg_len;
    e->key_len = (uint8_t)t->key_len;
    e->nsegs = (uint8_t)(nsegs | ((t->flags & KH_TOKF_PREFIX) ? 0x80 : 0));
}

/* An Arabic word of at most WC_MAX_WORD bytes whose wc_hash() is h. */
static int analyze_word(kh_analyzer *a, const uint8_t *text, kh_token *t, uint32_t h)
{
    const uint8_t *s = text + t->start;
    size_t n = t->end - t->start;
    int hit = wc_lookup(a, s, n, h, t);
    if (hit) return hit < 0 ? -1 : 0;
    size_t first = a->nseg;
    if (analyze_arabic(a, text, t)) return -1;
    wc_store(a, s, n, h, t, first);
    return 0;
}

static int analyze_other(kh_analyzer *a, const uint8_t *text, kh_token *t)
{
    size_t n = t->end - t->start;
    size_t cap = kh_norm_text_cap(n);
    if (grow(a, (void **)&a->bytes, &a->capbytes, cap, 1) ||
        grow(a, (void **)&a->cps, &a->capcps, cap, sizeof *a->cps))
        return -1;
    size_t o = kh_norm_text(text + t->start, n, a->bytes, a->cps);
    if (!(t->norm = arena_str(a, a->bytes, o))) return -1;
    t->norm_len = (uint32_t)o;
    size_t first = a->nseg;
    if (push_seg(a, t->start, t->end, a->bytes, o, KH_SEG_STEM) || join_segs(a, t, first))
        return -1;
    int indexable = t->kind != KH_TOK_PUNCT && t->kind != KH_TOK_QUOTE &&
                    t->kind != KH_TOK_SYMBOL && !(t->flags & KH_TOKF_INVALID);
    t->key = indexable ? t->norm : "";
    t->key_len = indexable ? t->norm_len : 0;
    return 0;
}

/* ---- sentences ----------------------------------------------------------------- */

/* Latin abbreviations that end in a dot but not a sentence. */
static int latin_abbrev(const kh_token *t)
{
    static const char *const A[] = {"mr",  "mrs", "ms",  "dr", "prof", "st",  "jr",  "sr", "vs",
                                    "etc", "inc", "ltd", "co", "no",   "gen", "col", "lt"};
    if (t->kind != KH_TOK_LATIN) return 0;
    if (t->norm_len == 1) return 1; /* an initial: J. Smith */
    for (size_t i = 0; i < sizeof A / sizeof A[0]; i++)
        if (strcmp(t->norm, A[i]) == 0) return 1;
    return 0;
}

static int push_sentence(kh_analyzer *a, size_t first, size_t last)
{
    if (grow(a, (void **)&a->sents, &a->capsent, a->nsent + 1, sizeof *a->sents)) return -1;
    a->sents[a->nsent] = (kh_sentence){a->toks[first].start, a->toks[last].end, (uint32_t)first,
                                       (uint32_t)(last - first + 1)};
    for (size_t i = first; i <= last; i++)
        a->toks[i].sentence = (uint32_t)a->nsent;
    a->nsent++;
    return 0;
}

/* A sentence ends at a line break, or after . ! ? ؟ (with the closing quotes
** and brackets glued to it), unless the dot ends an abbreviation or a list
** number at the start of a line. The ellipsis never ends one. */
static int split_sentences(kh_analyzer *a, const uint8_t *text, const uint32_t *nl_before)
{
    size_t first = 0;
    for (size_t i = 0; i < a->ntok; i++) {
        if (i > first && nl_before[i]) {
            if (push_sentence(a, first, i - 1)) return -1;
            first = i;
        }
        const kh_token *t = &a->toks[i];
        if (t->kind != KH_TOK_PUNCT || !kh_tok_is_terminator(text + t->start, t->end - t->start))
            continue;
        if (text[t->start] == '.' && i > first) {
            const kh_token *p = &a->toks[i - 1];
            if (p->end == t->start && latin_abbrev(p)) continue;
            if (i - 1 == first && p->kind == KH_TOK_NUMBER && p->end == t->start)
                continue; /* "1." numbering a list item */
        }
        size_t last = i;
        while (last + 1 < a->ntok && !nl_before[last + 1] &&
               (a->toks[last + 1].kind == KH_TOK_QUOTE ||
                (a->toks[last + 1].kind == KH_TOK_PUNCT &&
                 (text[a->toks[last + 1].start] == ')' ||
                  kh_tok_is_terminator(text + a->toks[last + 1].start,
                                       a->toks[last + 1].end - a->toks[last + 1].start)))) &&
               a->toks[last + 1].start == a->toks[last].end)
            last++;
        if (push_sentence(a, first, last)) return -1;
        first = last + 1;
        i = last;
    }
    if (first < a->ntok && push_sentence(a, first, a->ntok - 1)) return -1;
    return 0;
}

/* ---- public: analyze -------------------------------------------------------------- */

kh_status kh_analyze(kh_analyzer *a, const uint8_t *text, size_t len, const kh_analysis **out)
{
    if (!a || !out || (!text && len)) return KH_EINVAL;
    *out = NULL;
    a->err.status = KH_OK;
    a->err.offset = UINT64_MAX;
    a->err.message[0] = 0;
    if (len >= UINT32_MAX)
        return set_error(a, KH_ELIMIT, UINT64_MAX, "input of %zu bytes exceeds 4 GiB", len);
    size_t bad = 0;
    if ((a->flags & KH_OPT_STRICT_UTF8) && !kh_utf8_valid(text, len, &bad))
        return set_error(a, KH_EUTF8, bad, "invalid UTF-8 at byte %zu", bad);

    a->ntok = a->nseg = a->nsent = 0;
    a->gen++;
    if (a->gen == 0) { /* wrapped: forget which entries were served */
        if (a->wcache)
            for (size_t i = 0; i < WC_SLOTS; i++)
                a->wcache[i].gen = 0;
        a->gen = 1;
    }
    arena_reset(a);
    memset(&a->result, 0, sizeof a->result);
    a->result.first_invalid = UINT64_MAX;

    kh_tokenizer tz;
    kh_tok_init(&tz, text, len);
    kh_rawtok rt;
    uint32_t *nl_before = NULL, *hashes = NULL;
    size_t capnl = 0, caph = 0;
    /* Pass 1: tokens only, then the word-cache hash of each cacheable Arabic
    ** word, so that pass 2 can prefetch the cache entry of a word a few
    ** tokens ahead: the entry is usually out of the processor's near caches,
    ** and waiting for it one word at a time would dominate the analysis. */
    while (kh_tok_next(&tz, &rt)) {
        if (grow(a, (void **)&a->toks, &a->captok, a->ntok + 1, sizeof *a->toks) ||
            grow(a, (void **)&nl_before, &capnl, a->ntok + 1, sizeof *nl_before))
            goto nomem;
        kh_token *t = &a->toks[a->ntok];
        memset(t, 0, sizeof *t);
        t->start = rt.start;
        t->end = rt.end;
        t->kind = rt.kind;
        t->flags = rt.flags & 0xFFu;
        nl_before[a->ntok] = (rt.flags & KH_RAW_NL_BEFORE) != 0;
        if (t->flags & KH_TOKF_INVALID) {
            if (!a->result.ninvalid++) a->result.first_invalid = rt.start;
        }
        a->ntok++;
    }
    if (grow(a, (void **)&hashes, &caph, a->ntok + 1, sizeof *hashes)) goto nomem;
    for (size_t i = 0; i < a->ntok; i++) {
        const kh_token *t = &a->toks[i];
        size_t n = t->end - t->start;
        hashes[i] = t->kind == KH_TOK_ARABIC && n <= WC_MAX_WORD ? wc_hash(text + t->start, n) : 0;
    }
    /* Pass 2: analysis. */
    for (size_t i = 0; i < a->ntok; i++) {
        if (a->wcache && i + WC_AHEAD < a->ntok && hashes[i + WC_AHEAD]) {
            const char *pe = (const char *)&a->wcache[(hashes[i + WC_AHEAD] & (WC_SETS - 1)) * 2];
            for (int k = 0; k < 6; k++)
                __builtin_prefetch(pe + 64 * k);
        }
        kh_token *t = &a->toks[i];
        /* segments are referenced by index until the array stops growing */
        t->segs = (const kh_segment *)(uintptr_t)a->nseg;
        int rc;
        if (t->kind != KH_TOK_ARABIC)
            rc = analyze_other(a, text, t);
        else if (hashes[i])
            rc = analyze_word(a, text, t, hashes[i]);
        else if (t->end - t->start <= KH_MAX_WORD_BYTES)
            rc = analyze_arabic(a, text, t);
        else
            rc = analyze_other(a, text, t); /* a "word" this long is noise: kept, not segmented */
        if (rc) goto nomem;
        t->nsegs = (uint32_t)(a->nseg - (size_t)(uintptr_t)t->segs);
    }
    for (size_t i = 0; i < a->ntok; i++)
        a->toks[i].segs = a->segs + (size_t)(uintptr_t)a->toks[i].segs;
    if (split_sentences(a, text, nl_before)) goto nomem;
    mem_free(a, nl_before, capnl * sizeof *nl_before);
    mem_free(a, hashes, caph * sizeof *hashes);
    a->result.tokens = a->toks;
    a->result.ntokens = a->ntok;
    a->result.sentences = a->sents;
    a->result.nsentences = a->nsent;
    *out = &a->result;
    return KH_OK;
nomem:
    mem_free(a, nl_before, capnl * sizeof *nl_before);
    mem_free(a, hashes, caph * sizeof *hashes);
    a->ntok = a->nseg = a->nsent = 0;
    return set_error(a, KH_ENOMEM, UINT64_MAX, "out of memory");
}
