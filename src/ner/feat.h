/*
** feat.h - features of the words of a document, as weight-row indices.
**
** A word is a byte span of the text: a token of the analysis when the
** caller tags raw text, or a token of a pre-tokenized file (CoNLL), which
** the analyzer may have cut into several tokens ("(د" is "(" and "د"). Each
** word gets up to KH_MAXF features; a feature is a template (what is looked
** at: the word, its stem, the next word's cluster ...) and a value, hashed
** together into one of the model's 2^bits weight rows.
*/
#ifndef KH_NER_FEAT_H
#define KH_NER_FEAT_H

#include "ner/ner.h"

#define KH_MAXF 64

/* Feature groups a model may use (kh_model.feat_set); a group that is off
** adds nothing, so a model trained without clusters stays valid. */
#define KH_FEAT_BASE     0x01u /* word, stem, affixes, shape, neighbours */
#define KH_FEAT_GAZ      0x02u /* gazetteer matches */
#define KH_FEAT_CLUSTERS 0x04u /* word clusters */
#define KH_FEAT_PAIRS    0x08u /* features joined with the previous word's state */
#define KH_FEAT_DOC      0x10u /* how the word was tagged elsewhere in the document */
#define KH_FEAT_ALL      0x1Fu
/* What a trainer uses unless told: one pass, no pairs (the shipped model
** adds pairs and doc, tools/train-ner.sh). */
#define KH_FEAT_DEFAULT (KH_FEAT_BASE | KH_FEAT_GAZ | KH_FEAT_CLUSTERS)

/* Pair features: a few of a word's atoms (its form, its clusters, its
** gazetteer matches) whose row also depends on the state of the word
** before it, so that "does this word continue the name before it" is
** learned per word, not only per tag pair as the transitions do. A pair
** feature is stored as its row for the sentence start; the row after state
** p is kh_pair_row(base, p, bits). Measured by 5-fold cross-validation on
** ANERcorp's training part: mean F1 0.7441 without, 0.7462 with (most of
** it on "does the name go on": كرم جابر الفائز); on the dev part 0.7293
** best epoch without, 0.7349 with. That gain came from the gazetteer pair
** of words in no list, which is gone (feat.c, pair_features): without it
** 0.7441, the same as without pairs. */
#define KH_MAXP 4

/* Document features (KH_FEAT_DOC): two stages in one model. A first pass
** tags the document without them; then each word gets features saying how
** its other occurrences in the document were tagged (the majority tag and
** how many of them were in a name), and a second pass tags it again with
** them (Krishnan and Manning 2006). The trainer learns them from first-pass
** tags that held-out models gave (train.c). 5-fold cross-validation on
** ANERcorp's training part, with pair features: mean F1 0.7462 without,
** 0.7583 with (documents of 25 sentences); dev part, best epoch: 0.7349
** without, 0.7446 with. With the pairs of words in no list gone: 0.7533;
** without the features of a word seen once in its document as well:
** 0.7535 (they are kept). The second pass may drop a first-pass name only
** with evidence from the document (kh_decode_keep_alone, decode.h).
** Tagging costs two passes. */
#define KH_MAXD 2

static inline uint32_t kh_pair_row(uint32_t base, unsigned prev, uint32_t bits)
{
    return (base ^ (uint32_t)(kh_mix64(prev + 0x51ed27u) >> 7)) & ((1u << bits) - 1u);
}

/* Per-document scratch; zero-initialize, then reuse across documents. */
typedef struct kh_feat {
    kh_mem mem;
    struct kh_wordinfo *wi; /* one per word */
    size_t capwi;
    uint32_t *f; /* KH_MAXF row indices per word */
    size_t capf;
    uint8_t *nf; /* features used per word */
    size_t capnf;
    uint32_t *pf; /* KH_MAXP pair-feature base rows per word (KH_FEAT_PAIRS) */
    size_t cappf;
    uint8_t *npf; /* pair features used per word */
    size_t capnpf;
    uint64_t *dkey; /* 2 per word: the keys documents features count by */
    size_t capdkey;
    uint32_t *df; /* KH_MAXD document-feature rows per word (second pass) */
    size_t capdf;
    uint8_t *ndf; /* document features used per word; 0 in the first pass */
    size_t capndf;
    struct kh_doccount *tab; /* counting scratch of kh_feat_doc_labels */
    size_t captab;
    uint8_t *sent; /* 1 where a word starts a sentence */
    size_t capsent;
    uint8_t *buf; /* string scratch for one word */
    size_t capbuf;
    size_t *firsts; /* first token and token count of each word */
    size_t capfirsts;
    size_t nwords;
} kh_feat;

void kh_feat_free(kh_feat *fx);

/* Computes the features of nwords words of text (analysis an). words may
** be NULL: the words are then an's tokens. Sentences start where a word
** carries KH_WORD_SENTENCE_START (and at word 0), or, with words NULL, where
** the analysis starts one. Fills fx->f, fx->nf, fx->sent, fx->nwords.
** Errors: KH_ENOMEM. */
kh_status kh_feat_doc(kh_feat *fx, const kh_model *m, const uint8_t *text, const kh_analysis *an,
                      const kh_word *words, size_t nwords);

/* Document features of n words from first-pass BIO tags: for each word,
** how the other words with the same key (keys: 2 per word, as fx->dkey)
** were tagged. OUT: df (KH_MAXD rows per word), ndf, and alone (may be
** NULL): 1 for a word whose keys occur nowhere else in the n words.
** Scratch: fx->tab.
** Errors: KH_ENOMEM. */
kh_status kh_feat_doc_labels(kh_feat *fx, const kh_model *m, const uint64_t *keys,
                             const uint8_t *tags, size_t n, uint32_t *df, uint8_t *ndf,
                             uint8_t *alone);

/* Hash of word i's match form (0 for a word without tokens), as the
** gazetteer keys it; OUT: *len its length in code points (may be NULL).
** Valid after kh_feat_doc. */
uint64_t kh_feat_word_hash(const kh_feat *fx, size_t i, uint32_t *len);

/* The row of the feature every word has (the tag prior), where the
** trainer puts its recall bias. */
uint32_t kh_feat_bias_row(const kh_model *m);

/* Match form of a word for gazetteers and clusters: the normalized text of
** its tokens (kh_token.norm) concatenated. OUT: appended to out (cap bytes
** at most; returns the length, or 0 if it did not fit or is empty). */
size_t kh_feat_match_form(const kh_analysis *an, size_t first_tok, size_t ntok, uint8_t *out,
                          size_t cap);

#endif
