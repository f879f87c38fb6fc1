/*
** ner.h - what the modules of the entity recognizer share.
**
** The recognizer is a linear-chain tagger: each word gets one of nine BIO
** tags (O, B-/I- × PER ORG LOC MISC), scored as the sum of the weights of
** its hashed features plus a tag-to-tag transition weight, and decoded with
** Viterbi (tagger.c). Weights come from an averaged structured perceptron
** (train.c). Features are computed from khabar's own analysis of the words
** (feat.c); gazetteers and word clusters travel inside the model file
** (model.c), so a model is one self-contained file. Entities found are then
** merged into one canonical name per entity (names.c).
**
** Memory: every module allocates through the kh_mem hooks below, which wrap
** the caller's kh_alloc_fn; nothing here is global and writable.
*/
#ifndef KH_NER_H
#define KH_NER_H

#include "base/mem.h"
#include "khabar.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- tags -------------------------------------------------------------- */

/* Tag numbering, also used in the model file: 0 = O; type t (1..4) has
** B = 2t-1 and I = 2t. */
#define KH_NTAGS       9
#define KH_TAG_B(t)    (2u * (t)-1u)
#define KH_TAG_I(t)    (2u * (t))
#define KH_TAG_TYPE(g) (((g) + 1u) / 2u) /* 0 for O */
#define KH_TAG_IS_I(g) ((g) != 0 && ((g)&1u) == 0)

/* The tagger decodes states, finer than the tags it reports: BILOU, where
** a one-word name is U(nit), a longer one B I... L(ast). Linear taggers do
** better with them than with BIO (Ratinov and Roth 2009: the model learns
** what ends a name, not only what starts one); 5-fold cross-validation on
** ANERcorp agreed (see train-ner.sh). State 0 is O; type t (1..4) has
** B = 4t-3, I = 4t-2, L = 4t-1, U = 4t. */
#define KH_NSTATES    17
#define KH_ST_B(t)    (4u * (t)-3u)
#define KH_ST_I(t)    (4u * (t)-2u)
#define KH_ST_L(t)    (4u * (t)-1u)
#define KH_ST_U(t)    (4u * (t))
#define KH_ST_TYPE(s) (((s) + 3u) / 4u)
#define KH_ST_OPEN(s) ((s) != 0 && ((s)-1u) % 4u < 2u) /* B or I: the name goes on */

/* May state b follow state a (a = KH_NSTATES: sentence start)? After O, L,
** U or the start: O, B or U; after B-X or I-X: I-X or L-X. The hard
** constraint Viterbi decodes under; a sentence must also end closed. */
static inline int kh_state_allowed(unsigned a, unsigned b)
{
    if (a >= KH_NSTATES || !KH_ST_OPEN(a)) /* O, B or U */
        return b == 0 || (b - 1u) % 4u == 0 || (b - 1u) % 4u == 3;
    /* inside a name: I or L of its type */
    return b != 0 && KH_ST_TYPE(a) == KH_ST_TYPE(b) && ((b - 1u) % 4u == 1 || (b - 1u) % 4u == 2);
}

/* The BIO tag a state reports: B and U are B, I and L are I. */
static inline uint8_t kh_state_tag(unsigned s)
{
    if (!s) return 0;
    unsigned t = KH_ST_TYPE(s), k = (s - 1u) % 4u;
    return (uint8_t)(k == 0 || k == 3 ? KH_TAG_B(t) : KH_TAG_I(t));
}

/* ---- hashing --------------------------------------------------------------- */

/* The model's hash functions. They are part of the model format: changing
** either one invalidates every trained model (bump KH_MODEL_VERSION). */
static inline uint64_t kh_mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

/* FNV-1a over bytes, then mixed: the hash of a word or phrase. Never 0, so
** 0 can mean "no such string". */
static inline uint64_t kh_hash_bytes(const void *p, size_t n)
{
    const uint8_t *s = p;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ull;
    }
    h = kh_mix64(h);
    return h ? h : 1;
}

/* Hash of a phrase: the previous words' hash combined with the next word's. */
static inline uint64_t kh_hash_join(uint64_t left, uint64_t word)
{
    uint64_t h = kh_mix64(left * 0x9e3779b97f4a7c15ull + word);
    return h ? h : 1;
}

/* ---- gazetteers and clusters (model.c) --------------------------------------- */

/* Flags of a gazetteer entry, keyed by the hash of its words' match forms
** joined (kh_hash_join). One key may carry several flags. */
#define KH_GAZ_PER    0x01u /* a person's name, or a part of one */
#define KH_GAZ_ORG    0x02u
#define KH_GAZ_LOC    0x04u
#define KH_GAZ_MISC   0x08u
#define KH_GAZ_STOP   0x10u /* a stopword (single words only) */
#define KH_GAZ_PREFIX 0x20u /* the first words of a longer entry */
#define KH_GAZ_TYPES  0x0Fu

typedef struct kh_gaz_entry {
    uint64_t key;
    uint32_t flags;
} kh_gaz_entry;

/* Word clusters: the hash of a word's match form and its class at each of
** up to KH_NCLUSTER granularities (coarse to fine), stored plus one: 0
** means "no class at this granularity". */
#define KH_NCLUSTER 3
typedef struct kh_cluster_entry {
    uint64_t key;
    uint16_t id[KH_NCLUSTER];
} kh_cluster_entry;

/* ---- the model ------------------------------------------------------------------ */

#define KH_MODEL_VERSION  2
#define KH_MODEL_MIN_BITS 10
#define KH_MODEL_MAX_BITS 24

typedef struct kh_model {
    uint32_t bits;     /* log2 of the number of weight rows */
    uint32_t feat_set; /* which feature templates were used (KH_FEAT_*) */
    float *w;          /* (1 << bits) rows of KH_NSTATES weights, or NULL */
    /* A decoded model keeps only its stored rows, not the dense table w:
    ** slot[r] is 0 for an all-zero row r, else 1 + the row's number in
    ** pool, which holds the stored rows' KH_NSTATES weights each, in row
    ** order. A quarter of the rows are stored: 12 MB (10 of rows, 2 of
    ** slots) in place of 36, read at random once per feature, and a
    ** feature whose row is zero costs one read of slot. The trainer's
    ** models are dense. */
    uint32_t *slot;
    float *pool;
    size_t npool;
    float trans[KH_NSTATES + 1][KH_NSTATES]; /* [prev][state]; prev KH_NSTATES = start */
    kh_gaz_entry *gaz;                       /* sorted by key, keys unique */
    size_t ngaz;
    kh_cluster_entry *clusters; /* sorted by key, keys unique */
    size_t nclusters;
    size_t capgaz, capclusters; /* items allocated: a trainer's arrays keep their
                                ** capacity after duplicates merge, and an
                                ** allocator hook is told the size it gave */
    /* Directories of the two sorted lists (kh_model_index), or NULL: entries
    ** [dir[h], dir[h + 1]) are those whose key's top bits are h. Keys are
    ** hashes, spread evenly, so a lookup reads one or two entries where a
    ** binary search over the whole list read sixteen. */
    uint32_t *gazdir, *cldir;
    uint32_t gazdirbits, cldirbits;
} kh_model;

/* Decodes a model file image (model.c documents the format) into the
** stored-rows form (slot, pool). On failure fills *err (status, byte
** offset, message) and leaves *m empty. */
kh_status kh_model_decode(const kh_mem *mem, const uint8_t *buf, size_t len, kh_model *m,
                          kh_error *err);

/* Encodes a model with a dense table w. Weights are quantized to 16 bits, and rows whose
** quantized weights are all within prune of zero are left out.
** OUT: *out (allocated with mem; *outlen bytes). */
kh_status kh_model_encode(const kh_mem *mem, const kh_model *m, float prune, uint8_t **out,
                          size_t *outlen);

/* Replaces every weight by what encode/decode gives back, so training can
** score the dev set with exactly the weights that will ship. */
void kh_model_quantize(kh_model *m, float prune);

void kh_model_free(const kh_mem *mem, kh_model *m);

/* Builds the directories of m's gazetteer and cluster lists (sorted, keys
** unique). Only speed depends on them: where memory for one is lacking,
** its lookups search the whole list. */
void kh_model_index(const kh_mem *mem, kh_model *m);

const kh_gaz_entry *kh_gaz_find(const kh_model *m, uint64_t key);
const kh_cluster_entry *kh_cluster_find(const kh_model *m, uint64_t key);

/* The built-in model image (builtin.c); size 0 when there is none. */
extern const uint8_t kh_ner_builtin_model[];
extern const size_t kh_ner_builtin_size;

/* CRC-32 (IEEE) of buf[0..n): the model file's checksum. */
uint32_t kh_crc32(const uint8_t *buf, size_t n);

#endif
