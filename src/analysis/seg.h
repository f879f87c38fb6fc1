/*
** seg.h - clitic segmentation of one Arabic word (primer §4).
**
** A word is proclitics + stem + enclitic. kh_seg_candidates() lists every
** split the grammar allows (و/ف, then ب/ك/ل/س, then ال; one pronoun
** enclitic; ال and an enclitic never together; س only before an imperfect
** prefix; a stem of at least two letters); kh_seg_decide() picks one with
** the lexicon's evidence, preferring no split when evidence is thin.
** The same candidate list feeds tools/mklexicon, which learns the lexicon.
*/
#ifndef KH_SEG_H
#define KH_SEG_H

#include "analysis/lexicon.h"
#include "text/norm.h"

#include <stddef.h>
#include <stdint.h>

/* Restoration at the seams. */
#define KH_RESTORE_TM  1u /* stem-final ت before an enclitic is ة (حكومت+ها) */
#define KH_RESTORE_LAM 2u /* ل+ال+ل...: the article's lam is written once (للغة) */
#define KH_RESTORE_YA  4u /* stem-final ا before an enclitic is ى (مستوا+ه → مستوى) */

typedef struct kh_cand {
    uint8_t np;       /* surface letters taken by proclitics */
    uint8_t ne;       /* letters taken by the enclitic */
    uint8_t chain;    /* proclitic chain id (KH_CHAIN_*) */
    uint8_t enc;      /* enclitic id, 0 = none */
    uint8_t restore;  /* KH_RESTORE_* */
    uint8_t forced;   /* preposition + pronoun (له، بها): always split */
    uint8_t stem_len; /* letters of the stem */
    uint8_t artstem;  /* the stem starts with what looks like the article */
} kh_cand;

/* Chain id = conj * 20 + prep * 4 + det * 2 + shared-lam. */
#define KH_CHAIN(conj, prep, det, lam) ((uint8_t)((conj)*20 + (prep)*4 + (det)*2 + (lam)))
#define KH_CHAIN_CONJ(id)              ((id) / 20)       /* 0, 1 و, 2 ف */
#define KH_CHAIN_PREP(id)              (((id) % 20) / 4) /* 0, 1 ب, 2 ك, 3 ل, 4 س */
#define KH_CHAIN_DET(id)               (((id) >> 1) & 1)
#define KH_CHAIN_LAM(id)               ((id)&1)

#define KH_SEG_MAXCAND 96

/* Candidates for the lexicon-form letters lex[0..n), the unsplit word
** first. OUT: out (room for KH_SEG_MAXCAND). Returns the count (>= 1). */
int kh_seg_candidates(const uint32_t *lex, size_t n, kh_cand *out);

/* UTF-8 lexicon form of a candidate's stem, restoration applied, into out
** (room for 4 * n + 4). Returns its byte length. */
size_t kh_seg_stem_key(const uint32_t *lex, size_t n, const kh_cand *c, uint8_t *out);

/* UTF-8 of lex[i..j) into out. Returns the byte length. */
size_t kh_seg_utf8(const uint32_t *lex, size_t i, size_t j, uint8_t *out);

/* Text of a proclitic chain's k-th clitic ("و", "ب", "ال" ...) or NULL. */
const char *kh_seg_chain_part(uint8_t chain, int k);

/* Text of an enclitic id ("ها"). */
const char *kh_seg_enclitic(uint8_t enc);

/* Evidence beyond frequency for a split, as a factor on its score:
**  - the article test: a stem that takes ال (السبب) is a noun, and a whole
**    word that never takes it (بسبب never appears as البسبب) is no noun
**    stem of its own; art_stem and art_word are the counts of ال + stem and
**    ال + word. Not used for first- and second-person enclitics, which
**    news rarely has and which nisba adjectives imitate (عامي).
**  - future س: before an attested imperfect verb (stem_count) it is reliable;
**  - verb_count: for ال at the start, the count of ي + the rest (يلتقي).
** Both the lexicon learner and the runtime decision use it. */
double kh_seg_evidence(const kh_cand *c, double art_stem, double art_word, double stem_count,
                       double verb_count);

/* Count of ي + lex[1..n) for a word starting with ا (its imperfect if the
** word is a past verb like التقى); 0 otherwise. scratch: 4 * n + 8 bytes. */
double kh_seg_verb_count(const kh_lexicon *lx, const uint32_t *lex, size_t n, uint8_t *scratch);

/* Index of the alef of the article (or of a stem that starts like it) in a
** candidate, or SIZE_MAX: where kh_seg_verb_count() should look. */
size_t kh_seg_alef_at(const kh_cand *c);

/* Chooses the segmentation of lex[0..n). scratch needs 8 * n + 24 bytes. */
kh_cand kh_seg_decide(const kh_lexicon *lx, const uint32_t *lex, size_t n, uint8_t *scratch);

#endif
