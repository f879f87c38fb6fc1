/*
** decode.h - scoring and Viterbi decoding, shared by tagging and training.
*/
#ifndef KH_NER_DECODE_H
#define KH_NER_DECODE_H

#include "ner/feat.h"

/* Emission scores of words [b, e): out[(i - b) * KH_NSTATES + t] is the sum of
** row f's weight for tag t over word i's features f. w: the weight rows. */
void kh_decode_scores(const float *w, const kh_feat *fx, size_t b, size_t e, float *out);

/* Best state sequence (BILOU, ner.h) for n words with emission scores sc (as above) and
** transitions trans (row KH_NSTATES: after the sentence start), under
** kh_state_allowed. Scratch: delta (2 * KH_NSTATES floats), back (n * KH_NSTATES
** bytes). OUT: tags[0..n). */
void kh_decode_viterbi(const float trans[KH_NSTATES + 1][KH_NSTATES], const float *sc, size_t n,
                       uint8_t *back, uint8_t *tags);

/* Calls fn(ud, first, count, type) for each entity of tags[0..n) by
** conlleval's rules: a chunk starts at B-X, or at I-X after O or after
** another type, and runs over the I-X that follow. Sentence starts (sent,
** may be NULL) also end a chunk. Returns the number of entities. */
size_t kh_decode_chunks(const uint8_t *tags, const uint8_t *sent, size_t n,
                        void (*fn)(void *ud, size_t first, size_t count, unsigned type), void *ud);

#endif
