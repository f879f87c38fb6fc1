/*
** decode.c - emission scores, Viterbi under the BIO constraint, chunks.
**
** The cost per word is (features x 9) additions for the scores and 9 x 9
** for Viterbi, which is what keeps tagging far above 100,000 words a second:
** the weights of one feature for all tags sit in one row, so a feature
** costs one cache line, not nine.
*/
#include "ner/decode.h"

#include <float.h>

void kh_decode_scores(const float *w, const kh_feat *fx, size_t b, size_t e, float *out)
{
    for (size_t i = b; i < e; i++) {
        float s[KH_NTAGS] = {0};
        const uint32_t *f = fx->f + i * KH_MAXF;
        for (unsigned k = 0; k < fx->nf[i]; k++) {
            const float *row = w + (size_t)f[k] * KH_NTAGS;
            for (int t = 0; t < KH_NTAGS; t++)
                s[t] += row[t];
        }
        memcpy(out + (i - b) * KH_NTAGS, s, sizeof s);
    }
}

void kh_decode_viterbi(const float trans[KH_NTAGS + 1][KH_NTAGS], const float *sc, size_t n,
                       uint8_t *back, uint8_t *tags)
{
    if (n == 0)
        return;
    float cur[KH_NTAGS], nxt[KH_NTAGS];
    for (unsigned t = 0; t < KH_NTAGS; t++)
        cur[t] = kh_tag_allowed(KH_NTAGS, t) ? trans[KH_NTAGS][t] + sc[t] : -FLT_MAX;
    for (size_t i = 1; i < n; i++) {
        for (unsigned t = 0; t < KH_NTAGS; t++) {
            float best = -FLT_MAX;
            unsigned arg = 0;
            for (unsigned p = 0; p < KH_NTAGS; p++) {
                if (cur[p] == -FLT_MAX || !kh_tag_allowed(p, t))
                    continue;
                float v = cur[p] + trans[p][t];
                if (v > best) {
                    best = v;
                    arg = p;
                }
            }
            nxt[t] = best == -FLT_MAX ? -FLT_MAX : best + sc[i * KH_NTAGS + t];
            back[i * KH_NTAGS + t] = (uint8_t)arg;
        }
        memcpy(cur, nxt, sizeof cur);
    }
    unsigned arg = 0;
    for (unsigned t = 1; t < KH_NTAGS; t++)
        if (cur[t] > cur[arg])
            arg = t;
    for (size_t i = n; i-- > 0;) {
        tags[i] = (uint8_t)arg;
        if (i)
            arg = back[i * KH_NTAGS + arg];
    }
}

size_t kh_decode_chunks(const uint8_t *tags, const uint8_t *sent, size_t n,
                        void (*fn)(void *ud, size_t first, size_t count, unsigned type),
                        void *ud)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        unsigned type = KH_TAG_TYPE(tags[i]);
        if (!type) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && KH_TAG_IS_I(tags[j]) && KH_TAG_TYPE(tags[j]) == type &&
               !(sent && sent[j]))
            j++;
        if (fn)
            fn(ud, i, j - i, type);
        count++;
        i = j;
    }
    return count;
}
