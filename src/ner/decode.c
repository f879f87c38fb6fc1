/*
** decode.c - emission scores, Viterbi under the BIO constraint, the CRF's
** forward-backward over the same lattice, chunks.
**
** The cost per word is one row per feature for the scores, 17 x 17 for
** Viterbi, and with pair features (feat.h) up to 4 more rows for each of
** the 17 states the word may follow. The weights of one feature for all
** states sit in one row, so a feature costs a cache line or two, not
** seventeen; a decoded model holds only its stored rows (ner.h), which
** keeps the rows a text touches in cache.
*/
#include "ner/decode.h"

#include <float.h>
#include <math.h>

void kh_decode_scores(const kh_weights *wt, const kh_feat *fx, size_t b, size_t e, float *out)
{
    for (size_t i = b; i < e; i++) {
        float s[KH_NSTATES] = {0};
        const uint32_t *f = fx->f + i * KH_MAXF;
        for (unsigned k = 0; k < fx->nf[i]; k++)
            kh_weights_add(wt, f[k], s);
        for (unsigned k = 0; k < fx->ndf[i]; k++) /* second pass only */
            kh_weights_add(wt, fx->df[i * KH_MAXD + k], s);
        memcpy(out + (i - b) * KH_NSTATES, s, sizeof s);
    }
}

/* O, B and U follow O, L or U; I-X and L-X follow B-X or I-X (ner.h). */
#define CLOSED                                                                                     \
    {                                                                                              \
        9,                                                                                         \
        {                                                                                          \
            0, 3, 4, 7, 8, 11, 12, 15, 16                                                          \
        }                                                                                          \
    }
#define OPEN(x)                                                                                    \
    {                                                                                              \
        2,                                                                                         \
        {                                                                                          \
            4 * (x)-3, 4 * (x)-2                                                                   \
        }                                                                                          \
    }
const kh_prev_states kh_decode_prev[KH_NSTATES] = {
    CLOSED, CLOSED,  OPEN(1), OPEN(1), CLOSED, CLOSED,  OPEN(2), OPEN(2), CLOSED,
    CLOSED, OPEN(3), OPEN(3), CLOSED,  CLOSED, OPEN(4), OPEN(4), CLOSED,
};
#undef CLOSED
#undef OPEN

void kh_decode_viterbi(const float trans[KH_NSTATES + 1][KH_NSTATES], const float *sc, size_t n,
                       const kh_pairs *pp, uint8_t *back, uint8_t *tags)
{
    if (n == 0) return;
    float cur[KH_NSTATES], nxt[KH_NSTATES];
    float ps[KH_NSTATES] = {0};
    if (pp && pp->n[0]) kh_decode_pair_scores(pp, 0, KH_NSTATES, ps);
    for (unsigned t = 0; t < KH_NSTATES; t++)
        cur[t] = kh_state_allowed(KH_NSTATES, t) ? trans[KH_NSTATES][t] + sc[t] + ps[t] : -FLT_MAX;
    for (size_t i = 1; i < n; i++) {
        uint8_t *bk = back + i * KH_NSTATES;
        if (!(pp && pp->n[i])) {
            /* the loop below without pair scores, state by state: the same
            ** sums and the same ties (the smallest p wins) */
            for (unsigned t = 0; t < KH_NSTATES; t++) {
                float best = -FLT_MAX;
                uint8_t arg = 0;
                for (unsigned k = 0; k < kh_decode_prev[t].n; k++) {
                    unsigned p = kh_decode_prev[t].p[k];
                    if (cur[p] == -FLT_MAX) continue;
                    float v = cur[p] + trans[p][t];
                    if (v > best) {
                        best = v;
                        arg = (uint8_t)p;
                    }
                }
                nxt[t] = best == -FLT_MAX ? best : best + sc[i * KH_NSTATES + t];
                bk[t] = arg;
            }
            memcpy(cur, nxt, sizeof cur);
            continue;
        }
        for (unsigned t = 0; t < KH_NSTATES; t++) {
            nxt[t] = -FLT_MAX;
            bk[t] = 0;
        }
        int pairs = pp && pp->n[i];
        memset(ps, 0, sizeof ps);
        /* previous state outermost: its pair scores are summed once */
        for (unsigned p = 0; p < KH_NSTATES; p++) {
            if (cur[p] == -FLT_MAX) continue;
            if (pairs) {
                memset(ps, 0, sizeof ps);
                kh_decode_pair_scores(pp, i, p, ps);
            }
            for (unsigned t = 0; t < KH_NSTATES; t++) {
                if (!kh_state_allowed(p, t)) continue;
                float v = cur[p] + trans[p][t] + ps[t];
                if (v > nxt[t]) { /* strict: the smallest p wins ties */
                    nxt[t] = v;
                    bk[t] = (uint8_t)p;
                }
            }
        }
        for (unsigned t = 0; t < KH_NSTATES; t++)
            if (nxt[t] != -FLT_MAX) nxt[t] += sc[i * KH_NSTATES + t];
        memcpy(cur, nxt, sizeof cur);
    }
    unsigned arg = 0; /* O: always allowed, and a sentence must end closed */
    for (unsigned t = 1; t < KH_NSTATES; t++)
        if (!KH_ST_OPEN(t) && cur[t] > cur[arg]) arg = t;
    for (size_t i = n; i-- > 0;) {
        tags[i] = (uint8_t)arg;
        if (i) arg = back[i * KH_NSTATES + arg];
    }
}

/* Scales v[0..KH_NSTATES) to sum 1; returns the sum (0: left as it was). */
static double normalize(double *v)
{
    double z = 0;
    for (unsigned t = 0; t < KH_NSTATES; t++)
        z += v[t];
    if (z > 0)
        for (unsigned t = 0; t < KH_NSTATES; t++)
            v[t] /= z;
    return z;
}

double kh_decode_marginals(const float trans[KH_NSTATES + 1][KH_NSTATES], const float *sc, size_t n,
                           double *alpha, double *beta, double *node, double *edge)
{
    memset(edge, 0, (KH_NSTATES + 1) * KH_NSTATES * sizeof *edge);
    if (n == 0) return 0;
    /* exp of the transitions; 0 where a step is not allowed, so sums over
    ** all pairs count only the lattice's */
    double et[KH_NSTATES + 1][KH_NSTATES];
    for (unsigned p = 0; p <= KH_NSTATES; p++)
        for (unsigned t = 0; t < KH_NSTATES; t++)
            et[p][t] = kh_state_allowed(p, t) ? exp((double)trans[p][t]) : 0;
    /* node holds exp(sc - max) of each word until its marginals replace it */
    double logz = 0;
    for (size_t i = 0; i < n; i++) {
        const float *s = sc + i * KH_NSTATES;
        double *psi = node + i * KH_NSTATES, *a = alpha + i * KH_NSTATES;
        const double *ap = i ? a - KH_NSTATES : NULL; /* the previous word's */
        float mx = s[0];
        for (unsigned t = 1; t < KH_NSTATES; t++)
            if (s[t] > mx) mx = s[t];
        for (unsigned t = 0; t < KH_NSTATES; t++) {
            psi[t] = exp((double)s[t] - (double)mx);
            double in = 0;
            if (!ap)
                in = et[KH_NSTATES][t];
            else
                for (unsigned k = 0; k < kh_decode_prev[t].n; k++) {
                    unsigned p = kh_decode_prev[t].p[k];
                    in += ap[p] * et[p][t];
                }
            a[t] = in * psi[t];
        }
        double z = normalize(a);
        if (!(z > 0)) return NAN;
        logz += log(z) + (double)mx;
    }
    /* a sentence ends closed: O, L or U */
    double *b = beta + (n - 1) * KH_NSTATES, end = 0;
    for (unsigned t = 0; t < KH_NSTATES; t++) {
        b[t] = KH_ST_OPEN(t) ? 0 : 1;
        end += alpha[(n - 1) * KH_NSTATES + t] * b[t];
    }
    if (!(end > 0)) return NAN;
    logz += log(end);
    normalize(b);
    for (size_t i = n - 1; i-- > 0;) {
        const double *psi = node + (i + 1) * KH_NSTATES, *bn = beta + (i + 1) * KH_NSTATES;
        double *bi = beta + i * KH_NSTATES;
        for (unsigned p = 0; p < KH_NSTATES; p++) {
            double v = 0;
            for (unsigned t = 0; t < KH_NSTATES; t++)
                v += et[p][t] * psi[t] * bn[t];
            bi[p] = v;
        }
        if (!(normalize(bi) > 0)) return NAN;
    }
    /* P(y_i-1 = p, y_i = t) is proportional to alpha_i-1(p) et(p, t)
    ** psi_i(t) beta_i(t), P(y_i = t) to alpha_i(t) beta_i(t): each is
    ** normalized by its own sum, so the scales drop out */
    for (size_t i = 0; i < n; i++) {
        double *psi = node + i * KH_NSTATES;
        const double *a = alpha + i * KH_NSTATES, *bi = beta + i * KH_NSTATES;
        if (i) {
            const double *ap = a - KH_NSTATES;
            double xi[KH_NSTATES][KH_NSTATES], z = 0;
            for (unsigned p = 0; p < KH_NSTATES; p++)
                for (unsigned t = 0; t < KH_NSTATES; t++)
                    z += xi[p][t] = ap[p] * et[p][t] * psi[t] * bi[t];
            for (unsigned p = 0; p < KH_NSTATES; p++)
                for (unsigned t = 0; t < KH_NSTATES; t++)
                    edge[p * KH_NSTATES + t] += xi[p][t] / z;
        }
        for (unsigned t = 0; t < KH_NSTATES; t++)
            psi[t] = a[t] * bi[t];
        normalize(psi);
        if (i == 0)
            for (unsigned t = 0; t < KH_NSTATES; t++)
                edge[KH_NSTATES * KH_NSTATES + t] = psi[t];
    }
    return logz;
}

size_t kh_decode_chunks(const uint8_t *tags, const uint8_t *sent, size_t n,
                        void (*fn)(void *ud, size_t first, size_t count, unsigned type), void *ud)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        unsigned type = KH_TAG_TYPE(tags[i]);
        if (!type) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && KH_TAG_IS_I(tags[j]) && KH_TAG_TYPE(tags[j]) == type && !(sent && sent[j]))
            j++;
        if (fn) fn(ud, i, j - i, type);
        count++;
        i = j;
    }
    return count;
}

void kh_decode_keep_alone(const uint8_t *first, const uint8_t *alone, const uint8_t *sent, size_t n,
                          uint8_t *tags)
{
    for (size_t i = 0; i < n;) {
        unsigned type = KH_TAG_TYPE(first[i]);
        if (!type) {
            i++;
            continue;
        }
        size_t j = i + 1; /* the first pass's chunk [i, j), as kh_decode_chunks */
        while (j < n && KH_TAG_IS_I(first[j]) && KH_TAG_TYPE(first[j]) == type &&
               !(sent && sent[j]))
            j++;
        int keep = 1;
        for (size_t k = i; k < j && keep; k++)
            keep = !tags[k] && alone[k];
        /* an I of the same type right after would join the restored name */
        if (keep && j < n && !(sent && sent[j]) && KH_TAG_IS_I(tags[j]) &&
            KH_TAG_TYPE(tags[j]) == type)
            keep = 0;
        if (keep) memcpy(tags + i, first + i, j - i);
        i = j;
    }
}
