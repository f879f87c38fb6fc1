/*
** decode.h - scoring and Viterbi decoding, shared by tagging and training.
*/
#ifndef KH_NER_DECODE_H
#define KH_NER_DECODE_H

#include "ner/feat.h"

/* Weight rows: a dense table w (a trainer's), or a decoded model's stored
** rows (slot and pool, ner.h) when w is NULL. */
typedef struct kh_weights {
    const float *w;
    const uint32_t *slot;
    const float *pool;
} kh_weights;

static inline kh_weights kh_model_weights(const kh_model *m)
{
    kh_weights wt = {m->w, m->slot, m->pool};
    return wt;
}

/* Adds a row's KH_NSTATES weights to out[]. */
static inline void kh_row_add(float *restrict out, const float *restrict row)
{
    /* 16 + 1: a loop of 16 the compiler turns into vector adds at -O2 */
    for (int t = 0; t < 16; t++)
        out[t] += row[t];
    out[16] += row[16];
}

/* Adds row r's weights to out[]. A row a decoded model did not store adds
** nothing, as its zeros did in the dense table: the sums are the same to
** the bit (adding 0 changes no float). */
static inline void kh_weights_add(const kh_weights *wt, uint32_t r, float out[KH_NSTATES])
{
    if (wt->w) {
        kh_row_add(out, wt->w + (size_t)r * KH_NSTATES);
        return;
    }
    uint32_t o = wt->slot[r];
    if (o) kh_row_add(out, wt->pool + (size_t)(o - 1) * KH_NSTATES);
}

/* Emission scores of words [b, e): out[(i - b) * KH_NSTATES + t] is the sum of
** row f's weight for tag t over word i's features f. */
void kh_decode_scores(const kh_weights *wt, const kh_feat *fx, size_t b, size_t e, float *out);

/* Pair features of a sentence's words (feat.h): rows[i * KH_MAXP + k] for
** k < n[i] is word i's k-th base row; wt the weight rows; bits the model's. */
typedef struct kh_pairs {
    kh_weights wt;
    const uint32_t *rows;
    const uint8_t *n;
    uint32_t bits;
} kh_pairs;

/* The states each state may follow under kh_state_allowed, in increasing
** order: 97 of the 289 pairs, so a word without pair features visits only
** those. A unit test checks the table against kh_state_allowed. */
typedef struct kh_prev_states {
    uint8_t n;
    uint8_t p[9];
} kh_prev_states;
extern const kh_prev_states kh_decode_prev[KH_NSTATES];

/* Best state sequence (BILOU, ner.h) for n words with emission scores sc (as above),
** transitions trans (row KH_NSTATES: after the sentence start) and pair
** features pp (NULL: none), under kh_state_allowed. Scratch: back (n *
** KH_NSTATES bytes). OUT: tags[0..n). */
void kh_decode_viterbi(const float trans[KH_NSTATES + 1][KH_NSTATES], const float *sc, size_t n,
                       const kh_pairs *pp, uint8_t *back, uint8_t *tags);

/* The linear-chain CRF over the lattice Viterbi searches: the sequences y
** of n states that kh_state_allowed admits and that end closed, each with
** probability exp(score(y)) / Z, score(y) being what Viterbi maximizes
** (emission scores sc, transitions trans, no pair features). Forward-
** backward in doubles, each position's vector scaled to sum 1 and each
** word's scores taken relative to their maximum, so no exp overflows
** where weights stay within the range floats hold.
** OUT: node[i * KH_NSTATES + s] = P(y_i = s); edge[p * KH_NSTATES + s]
** (KH_NSTATES + 1 rows, row KH_NSTATES the sentence start) = the expected
** number of steps p -> s in y. Returns log Z (0 for n = 0), or NaN if
** every sequence's probability underflowed (scores apart by more than
** about 700). Scratch: alpha, beta (n * KH_NSTATES doubles each). */
double kh_decode_marginals(const float trans[KH_NSTATES + 1][KH_NSTATES], const float *sc, size_t n,
                           double *alpha, double *beta, double *node, double *edge);

/* Adds to out[] the pair-feature weights of word i after state prev. */
static inline void kh_decode_pair_scores(const kh_pairs *pp, size_t i, unsigned prev,
                                         float out[KH_NSTATES])
{
    uint32_t salt = kh_pair_row(0, prev, pp->bits);
    for (unsigned k = 0; k < pp->n[i]; k++)
        kh_weights_add(&pp->wt, pp->rows[i * KH_MAXP + k] ^ salt, out);
}

/* Calls fn(ud, first, count, type) for each entity of tags[0..n) by
** conlleval's rules: a chunk starts at B-X, or at I-X after O or after
** another type, and runs over the I-X that follow. Sentence starts (sent,
** may be NULL) also end a chunk. Returns the number of entities. */
size_t kh_decode_chunks(const uint8_t *tags, const uint8_t *sent, size_t n,
                        void (*fn)(void *ud, size_t first, size_t count, unsigned type), void *ud);

/* The second pass (document features, feat.h) overrules the first only
** with evidence from the document: a name the first pass found (first,
** BIO) whose words all occur nowhere else in the document (alone) and
** which the second pass left entirely O gets its first-pass tags back in
** tags (BIO, n words; sent as above). Without this rule the second pass
** learned that a word named once in its document is seldom a name, and
** dropped names an article mentions once (زابوريجيا in the seed article). */
void kh_decode_keep_alone(const uint8_t *first, const uint8_t *alone, const uint8_t *sent, size_t n,
                          uint8_t *tags);

#endif
