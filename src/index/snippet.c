/*
** snippet.c - picks the passage shown under a hit (see snippet.h).
*/
#include "index/snippet.h"

#define MAX_KEYS 256

static int key_of(const kh_token *t, const kh_snip_key *keys, size_t nkeys)
{
    for (size_t i = 0; i < nkeys; i++) {
        const kh_snip_key *k = &keys[i];
        if (k->prefix ? t->key_len >= k->len && !memcmp(t->key, k->key, k->len)
                      : t->key_len == k->len && !memcmp(t->key, k->key, k->len))
            return (int)i;
    }
    return -1;
}

/* Index of the first token starting at or after off. */
static size_t first_from(const kh_analysis *an, uint32_t off)
{
    size_t lo = 0, hi = an->ntokens;
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (an->tokens[m].start < off)
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

kh_status kh_snippet(kh_analyzer *a, const kh_mem *m, const uint8_t *body, size_t len,
                     const kh_snip_key *keys, size_t nkeys, uint32_t want, uint32_t *start,
                     uint32_t *end, kh_span **spans, size_t *nspans, size_t *cap)
{
    const kh_analysis *an;
    kh_status s = kh_analyze(a, body, len, &an);
    if (s) return s;
    if (nkeys > MAX_KEYS) nkeys = MAX_KEYS;
    /* matches: token index and key, kept in the token array's order */
    size_t nm = 0, best_i = 0, best_j = 0;
    long best = -1;
    uint32_t counts[MAX_KEYS] = {0};
    size_t distinct = 0, j = 0;
    size_t *mt = NULL, capmt = 0;
    int *mk = NULL;
    size_t capmk = 0;
    for (size_t i = 0; i < an->ntokens; i++) {
        int k = an->tokens[i].key_len ? key_of(&an->tokens[i], keys, nkeys) : -1;
        if (k < 0) continue;
        if (kh_mem_grow(m, (void **)&mt, &capmt, nm + 1, sizeof *mt) ||
            kh_mem_grow(m, (void **)&mk, &capmk, nm + 1, sizeof *mk)) {
            s = KH_ENOMEM;
            goto done;
        }
        mt[nm] = i;
        mk[nm++] = k;
    }
    /* sliding window over the matches: [i, j) fits in want bytes */
    for (size_t i = 0; i < nm; i++) {
        if (j < i) j = i;
        while (j < nm && an->tokens[mt[j]].end - an->tokens[mt[i]].start <= want)
            distinct += counts[mk[j++]]++ == 0;
        long score = (long)distinct * 1000 + (long)(j - i);
        if (score > best) best = score, best_i = i, best_j = j;
        if (j > i) distinct -= --counts[mk[i]] == 0;
    }
    uint32_t s0 = 0;
    if (nm && len > want) {
        uint32_t a0 = an->tokens[mt[best_i]].start;
        uint32_t a1 = an->tokens[mt[best_j > best_i ? best_j - 1 : best_i]].end;
        uint32_t spare = a1 - a0 < want ? want - (a1 - a0) : 0;
        s0 = a0 > spare / 3 ? a0 - spare / 3 : 0;
    }
    size_t t0 = first_from(an, s0);
    *start = t0 < an->ntokens ? an->tokens[t0].start : (uint32_t)len;
    if (nm && *start > an->tokens[mt[best_i]].start) *start = an->tokens[mt[best_i]].start;
    uint32_t limit = *start + want < len ? *start + want : (uint32_t)len;
    *end = *start;
    for (size_t t = t0; t < an->ntokens && an->tokens[t].end <= limit; t++)
        *end = an->tokens[t].end;
    if (*end == *start && t0 < an->ntokens)
        *end = an->tokens[t0].end; /* one token longer than want */
    for (size_t i = 0; i < nm; i++) {
        const kh_token *t = &an->tokens[mt[i]];
        if (t->start < *start || t->end > *end) continue;
        if (kh_mem_grow(m, (void **)spans, cap, *nspans + 1, sizeof **spans)) {
            s = KH_ENOMEM;
            goto done;
        }
        (*spans)[(*nspans)++] = (kh_span){t->start, t->end};
    }
done:
    kh_mem_free(m, mt, capmt * sizeof *mt);
    kh_mem_free(m, mk, capmk * sizeof *mk);
    return s;
}
