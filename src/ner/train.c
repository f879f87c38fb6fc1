/*
** train.c - the averaged structured perceptron that learns a model.
**
** Collins (2002): decode each training sentence with the current weights;
** where the best tag sequence differs from the gold one, add 1 to the
** weights of the gold tags' features and transitions and subtract 1 from
** the predicted ones'. The model keeps the average of the weights over all
** steps (computed in O(1) per update with the usual trick: u accumulates
** c * update, and the average is w - u / c), which is what makes the
** perceptron generalize about as well as a CRF at a fraction of the cost.
**
** Reproducibility: sentences are visited in an order shuffled by a
** xorshift generator seeded from opts.seed, and nothing depends on time,
** addresses or threads, so the same data and options give the same bytes.
**
** Features are computed once, when sentences are added, and stored
** compactly (row indices per word); an epoch then only adds and compares.
**
** The same weights can instead be learned as a linear-chain CRF
** (KH_NER_LOSS_CRF, Lafferty et al. 2001): each sentence's step follows the
** gradient of its conditional log-likelihood, the marginals from
** forward-backward over the BILOU lattice (kh_decode_marginals) minus the
** gold counts, with AdaGrad's per-weight step sizes (Duchi et al. 2011)
** and an L2 penalty applied lazily (a row's weights decay for all the steps
** since it was last touched, when it is next touched), and the same
** averaging as the perceptron. The model and its decoding do not change.
** Pair and document features are left to the perceptron: their gradients
** would need forward-backward with per-word transition scores and the
** held-out first stage, and the comparison with the perceptron is asked
** of the shipped groups (base, gaz, clusters).
*/
#include "ner/decode.h"
#include "ner/ner.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct sentence {
    size_t first; /* first word */
    uint32_t n;   /* words */
    uint8_t dev;
    uint8_t block; /* held-out block of the first stage (document features) */
} sentence;

/* Document features (feat.h) are learned from first-pass tags that the
** model could not have memorized: the training sentences are cut into
** DOC_BLOCKS contiguous blocks, and each block is tagged by a model
** trained for DOC_EPOCHS epochs on the others, without document features
** (Krishnan and Manning's cross-validated first stage). The documents the
** features count over are runs of DOC_SENTS sentences, about 750 words, the
** size of a news article (ANERcorp keeps no article boundaries): with the
** whole 25,000-word block as one document, cross-validation gained a little
** more (0.7558), but the model then learned that a name tagged in one of
** five places is a word, and lost four mentions of لافروف in the seed
** article. */
#define DOC_BLOCKS 5
#define DOC_EPOCHS 10
#define DOC_SENTS  25

struct kh_ner_trainer {
    kh_mem mem;
    kh_ner_train_opts o;
    kh_error err;
    kh_analyzer *an;
    kh_feat fx;
    kh_model model; /* model.w: the current (not averaged) weights */
    float *u;       /* c-weighted sum of the updates, for averaging */
    float tu[KH_NSTATES + 1][KH_NSTATES];
    float *avg;  /* the averaged weights of the last epoch */
    float *best; /* the kept weights (best dev epoch) */
    float best_trans[KH_NSTATES + 1][KH_NSTATES];
    double best_f1;
    float best_bias; /* recall bias kept with the best weights */
    uint32_t merged; /* trainers whose best weights are summed in best (1: this one) */
    int have_best;
    uint64_t c; /* update clock: sentences visited so far, plus one */
    uint32_t epoch, rng;

    sentence *sents;
    size_t nsents, capsents;
    uint32_t *rows; /* features of all words, concatenated */
    size_t nrows, caprows;
    size_t *roff; /* word i's features: rows[roff[i] .. roff[i + 1]) */
    size_t caproff;
    uint32_t *prow; /* KH_MAXP pair-feature base rows per word */
    size_t capprow;
    uint8_t *npf; /* pair features per word */
    size_t capnpf;
    uint8_t *gold;
    size_t nwords, capgold;
    uint64_t *dkey; /* 2 per word: document-feature keys (feat.h) */
    size_t capdkey;
    uint32_t *drow; /* KH_MAXD document-feature rows per word */
    size_t capdrow;
    uint8_t *ndr; /* document features per word (0 until the first stage ran) */
    size_t capndr;
    uint8_t *fp; /* first-pass BIO tags per word */
    size_t capfp;
    uint8_t *alone; /* dev words whose keys occur once in their document */
    size_t capalone;
    int docs_ready; /* the first stage ran */
    int use_doc;    /* the current training step sees document features */

    kh_gaz_entry *gaz;
    size_t ngaz, capgaz;
    kh_cluster_entry *cl;
    size_t ncl, capcl;
    int frozen; /* gazetteers and clusters are in the model */

    /* decoding scratch */
    float *sc;
    size_t capsc;
    uint8_t *back, *pred;
    size_t capback, cappred;
    uint32_t *order;
    size_t caporder;

    uint64_t drop; /* feature dropout threshold on a 64-bit hash (0: none) */

    /* CRF training (KH_NER_LOSS_CRF) */
    float *g2; /* AdaGrad: sum of squared gradients per weight */
    float tg2[KH_NSTATES + 1][KH_NSTATES];
    uint32_t *last; /* per row: the clock of its last L2 decay */
    float lambda;   /* L2 per sentence step: opts.l2 / training sentences */
    double *alpha, *beta, *node;
    size_t capfb;   /* doubles in each of alpha, beta and node */
    uint64_t *keys; /* a sentence's features as row << 32 | word, sorted */
    size_t capkeys;

    uint8_t *image; /* last encoded model */
    size_t imagelen;
};

static kh_status fail(kh_ner_trainer *t, kh_status st, uint64_t off, const char *fmt, ...)
{
    t->err.status = st;
    t->err.offset = off;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->err.message, sizeof t->err.message, fmt, ap);
    va_end(ap);
    return st;
}

static size_t table_floats(const kh_ner_trainer *t)
{
    return ((size_t)1 << t->model.bits) * KH_NSTATES;
}

kh_status kh_ner_trainer_new(const kh_ner_train_opts *opts, kh_ner_trainer **out)
{
    if (!out) return KH_EINVAL;
    *out = NULL;
    kh_mem mem;
    kh_mem_init(&mem, opts ? opts->alloc : NULL, opts ? opts->alloc_ud : NULL);
    kh_ner_train_opts o = {20, 12, 1, KH_FEAT_DEFAULT, 0.05f, 0, NULL, NULL, 0, 0, 0.3f, 0.1f};
    if (opts) {
        if (opts->hash_bits) o.hash_bits = opts->hash_bits;
        if (opts->epochs) o.epochs = opts->epochs;
        if (opts->seed) o.seed = opts->seed;
        if (opts->features) o.features = opts->features;
        if (opts->prune) o.prune = opts->prune < 0 ? 0 : opts->prune;
        o.recall_bias = opts->recall_bias;
        o.dropout = opts->dropout;
        o.loss = opts->loss;
        if (opts->l2) o.l2 = opts->l2;
        if (opts->rate) o.rate = opts->rate;
    }
    int crf = o.loss == KH_NER_LOSS_CRF;
    if (o.hash_bits < KH_MODEL_MIN_BITS || o.hash_bits > KH_MODEL_MAX_BITS ||
        (o.features & ~(uint32_t)KH_FEAT_ALL) || !isfinite(o.prune) || !isfinite(o.recall_bias) ||
        !(o.dropout >= 0 && o.dropout < 1) || o.loss > KH_NER_LOSS_CRF || !(o.l2 >= 0) ||
        !isfinite(o.l2) || !(o.rate > 0) || !isfinite(o.rate) ||
        (crf && (o.dropout > 0 || (o.features & (KH_FEAT_PAIRS | KH_FEAT_DOC)))))
        return KH_EINVAL;
    kh_ner_trainer *t = kh_mem_alloc(&mem, sizeof *t);
    if (!t) return KH_ENOMEM;
    memset(t, 0, sizeof *t);
    t->mem = mem;
    t->fx.mem = mem;
    t->o = o;
    t->err.offset = UINT64_MAX;
    t->model.bits = o.hash_bits;
    t->model.feat_set = o.features;
    t->c = 1;
    t->merged = 1;
    t->rng = o.seed ? o.seed : 1;
    t->drop = (uint64_t)((double)o.dropout * 18446744073709551615.0);
    kh_analyzer_opts ao = {0, kh_mem_user_fn(&mem), mem.ud};
    size_t nf = table_floats(t);
    if (kh_analyzer_new(&ao, &t->an) != KH_OK ||
        !(t->model.w = kh_mem_alloc(&mem, nf * sizeof(float))) ||
        !(t->u = kh_mem_alloc(&mem, nf * sizeof(float))) ||
        !(t->avg = kh_mem_alloc(&mem, nf * sizeof(float))) ||
        !(t->best = kh_mem_alloc(&mem, nf * sizeof(float))) ||
        (crf && (!(t->g2 = kh_mem_alloc(&mem, nf * sizeof(float))) ||
                 !(t->last = kh_mem_alloc(&mem, ((size_t)1 << o.hash_bits) * sizeof(uint32_t)))))) {
        kh_ner_trainer_free(t);
        return KH_ENOMEM;
    }
    if (crf) {
        memset(t->g2, 0, nf * sizeof(float));
        memset(t->last, 0, ((size_t)1 << o.hash_bits) * sizeof(uint32_t));
    }
    memset(t->model.w, 0, nf * sizeof(float));
    memset(t->u, 0, nf * sizeof(float));
    memset(t->best, 0, nf * sizeof(float));
    *out = t;
    return KH_OK;
}

void kh_ner_trainer_free(kh_ner_trainer *t)
{
    if (!t) return;
    const kh_mem *m = &t->mem;
    size_t nf = table_floats(t);
    kh_analyzer_free(t->an);
    kh_feat_free(&t->fx);
    kh_mem_free(m, t->u, nf * sizeof(float));
    kh_mem_free(m, t->avg, nf * sizeof(float));
    kh_mem_free(m, t->best, nf * sizeof(float));
    kh_mem_free(m, t->sents, t->capsents * sizeof *t->sents);
    kh_mem_free(m, t->rows, t->caprows * sizeof *t->rows);
    kh_mem_free(m, t->roff, t->caproff * sizeof *t->roff);
    kh_mem_free(m, t->gold, t->capgold);
    kh_mem_free(m, t->prow, t->capprow * sizeof *t->prow);
    kh_mem_free(m, t->npf, t->capnpf);
    kh_mem_free(m, t->dkey, t->capdkey * sizeof *t->dkey);
    kh_mem_free(m, t->drow, t->capdrow * sizeof *t->drow);
    kh_mem_free(m, t->ndr, t->capndr);
    kh_mem_free(m, t->fp, t->capfp);
    kh_mem_free(m, t->alone, t->capalone);
    kh_mem_free(m, t->gaz, t->capgaz * sizeof *t->gaz);
    kh_mem_free(m, t->cl, t->capcl * sizeof *t->cl);
    kh_mem_free(m, t->sc, t->capsc * sizeof *t->sc);
    kh_mem_free(m, t->back, t->capback);
    kh_mem_free(m, t->pred, t->cappred);
    kh_mem_free(m, t->order, t->caporder * sizeof *t->order);
    kh_mem_free(m, t->image, t->imagelen);
    if (t->g2) kh_mem_free(m, t->g2, nf * sizeof(float));
    if (t->last) kh_mem_free(m, t->last, ((size_t)1 << t->model.bits) * sizeof(uint32_t));
    kh_mem_free(m, t->alpha, t->capfb * sizeof *t->alpha);
    kh_mem_free(m, t->beta, t->capfb * sizeof *t->beta);
    kh_mem_free(m, t->node, t->capfb * sizeof *t->node);
    kh_mem_free(m, t->keys, t->capkeys * sizeof *t->keys);
    /* the model owns w and, once frozen, the gazetteer and cluster arrays */
    if (!t->frozen) {
        t->model.gaz = NULL;
        t->model.clusters = NULL;
        t->model.ngaz = t->model.nclusters = t->model.capgaz = t->model.capclusters = 0;
    }
    kh_model_free(m, &t->model);
    m->fn(m->ud, t, sizeof *t, 0);
}

const kh_error *kh_ner_trainer_error(const kh_ner_trainer *t)
{
    return t ? &t->err : NULL;
}

/* ---- gazetteers and clusters ---------------------------------------------------------- */

static int push_gaz(kh_ner_trainer *t, uint64_t key, uint32_t flags)
{
    if (kh_mem_grow(&t->mem, (void **)&t->gaz, &t->capgaz, t->ngaz + 1, sizeof *t->gaz)) return -1;
    t->gaz[t->ngaz++] = (kh_gaz_entry){key, flags};
    return 0;
}

/* Adds one gazetteer line: its words' match forms, hashed as a phrase. */
static kh_status gaz_line(kh_ner_trainer *t, const uint8_t *s, size_t n, uint32_t flag)
{
    const kh_analysis *a;
    kh_status st = kh_analyze(t->an, s, n, &a);
    if (st) return st;
    uint8_t form[512];
    uint64_t h = 0;
    size_t words = 0, k = 0;
    while (k < a->ntokens) {
        /* a word: tokens with no space between them */
        size_t j = k + 1;
        while (j < a->ntokens && a->tokens[j].start == a->tokens[j - 1].end)
            j++;
        size_t fl = kh_feat_match_form(a, k, j - k, form, sizeof form);
        if (!fl) return KH_OK; /* too long to be a name: skip the line */
        uint64_t wh = kh_hash_bytes(form, fl);
        if (words && push_gaz(t, h, KH_GAZ_PREFIX)) return KH_ENOMEM;
        h = words ? kh_hash_join(h, wh) : wh;
        words++;
        k = j;
    }
    if (!words || (flag == KH_GAZ_STOP && words > 1)) return KH_OK;
    return push_gaz(t, h, flag) ? KH_ENOMEM : KH_OK;
}

kh_status kh_ner_trainer_gazetteer(kh_ner_trainer *t, unsigned type, const uint8_t *list,
                                   size_t len)
{
    if (!t || (!list && len) || type > KH_ENT_MISC) return KH_EINVAL;
    if (t->frozen)
        return fail(t, KH_EINVAL, UINT64_MAX, "gazetteers must be added before training data");
    uint32_t flag = type ? 1u << (type - 1) : KH_GAZ_STOP;
    for (size_t i = 0; i < len;) {
        const uint8_t *nl = memchr(list + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - list) : len;
        size_t b = i;
        i = nl ? e + 1 : len;
        while (b < e && (list[b] == ' ' || list[b] == '\t' || list[b] == '\r'))
            b++;
        if (b == e || list[b] == '=' || list[b] == '*' || list[b] == '#') continue;
        kh_status st = gaz_line(t, list + b, e - b, flag);
        if (st) return fail(t, st, b, "gazetteer line at byte %zu: %s", b, kh_strerror(st));
    }
    return KH_OK;
}

/* Reads an unsigned decimal from s[*k..e) into *v (at most 65534). */
static int read_id(const uint8_t *s, size_t *k, size_t e, uint32_t *v)
{
    size_t b = *k;
    uint32_t x = 0;
    while (*k < e && s[*k] >= '0' && s[*k] <= '9' && x <= 65534) {
        x = x * 10 + (uint32_t)(s[*k] - '0');
        (*k)++;
    }
    if (*k == b || x > 65534) return -1;
    *v = x;
    return 0;
}

kh_status kh_ner_trainer_clusters(kh_ner_trainer *t, const uint8_t *list, size_t len)
{
    if (!t || (!list && len)) return KH_EINVAL;
    if (t->frozen)
        return fail(t, KH_EINVAL, UINT64_MAX, "clusters must be added before training data");
    for (size_t i = 0; i < len;) {
        const uint8_t *nl = memchr(list + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - list) : len, b = i;
        i = nl ? e + 1 : len;
        if (e > b && list[e - 1] == '\r') e--;
        if (b == e) continue;
        size_t k = b;
        while (k < e && list[k] != '\t')
            k++;
        if (k == b || k == e)
            return fail(t, KH_ESYNTAX, b, "clusters: byte %zu: expected WORD<TAB>CLASS...", b);
        kh_cluster_entry c;
        memset(&c, 0, sizeof c);
        c.key = kh_hash_bytes(list + b, k - b);
        for (int g = 0; g < KH_NCLUSTER && k < e; g++) {
            uint32_t id;
            k++; /* the TAB */
            if (read_id(list, &k, e, &id) || (k < e && list[k] != '\t'))
                return fail(t, KH_ESYNTAX, k, "clusters: byte %zu: bad class number", k);
            c.id[g] = (uint16_t)(id + 1);
        }
        if (kh_mem_grow(&t->mem, (void **)&t->cl, &t->capcl, t->ncl + 1, sizeof *t->cl))
            return fail(t, KH_ENOMEM, UINT64_MAX, "out of memory");
        t->cl[t->ncl++] = c;
    }
    return KH_OK;
}

static int by_gaz_key(const void *a, const void *b)
{
    uint64_t x = ((const kh_gaz_entry *)a)->key, y = ((const kh_gaz_entry *)b)->key;
    return x < y ? -1 : x > y;
}

/* Orders by key, then classes, so that the result does not depend on
** qsort's handling of equal keys. */
static int by_cluster_key(const void *a, const void *b)
{
    const kh_cluster_entry *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return memcmp(x->id, y->id, sizeof x->id);
}

/* Sorts the lists into the model: duplicate gazetteer keys merge their
** flags; a word listed twice in the clusters keeps its smallest classes. */
static void freeze(kh_ner_trainer *t)
{
    if (t->frozen) return;
    if (t->ngaz) /* qsort's pointer may not be NULL, even for no items */
        qsort(t->gaz, t->ngaz, sizeof *t->gaz, by_gaz_key);
    size_t o = 0;
    for (size_t i = 0; i < t->ngaz; i++) {
        if (o && t->gaz[o - 1].key == t->gaz[i].key)
            t->gaz[o - 1].flags |= t->gaz[i].flags;
        else
            t->gaz[o++] = t->gaz[i];
    }
    t->ngaz = o;
    if (t->ncl) qsort(t->cl, t->ncl, sizeof *t->cl, by_cluster_key);
    o = 0;
    for (size_t i = 0; i < t->ncl; i++)
        if (!o || t->cl[o - 1].key != t->cl[i].key) t->cl[o++] = t->cl[i];
    t->ncl = o;
    t->model.gaz = t->gaz;
    t->model.ngaz = t->ngaz;
    t->model.capgaz = t->capgaz;
    t->model.clusters = t->cl;
    t->model.nclusters = t->ncl;
    t->model.capclusters = t->capcl;
    t->gaz = NULL;
    t->cl = NULL;
    t->capgaz = t->capcl = 0;
    kh_model_index(&t->mem, &t->model);
    t->frozen = 1;
}

/* ---- training data ---------------------------------------------------------------------- */

kh_status kh_ner_trainer_add(kh_ner_trainer *t, const uint8_t *text, size_t len,
                             const kh_word *words, const uint8_t *tags, size_t nwords, int dev)
{
    if (!t || (!text && len) || (!words && nwords) || (!tags && nwords)) return KH_EINVAL;
    for (size_t i = 0; i < nwords; i++) {
        if (tags[i] >= KH_NTAGS || words[i].start > words[i].end || words[i].end > len ||
            (i && words[i].start < words[i - 1].end))
            return fail(t, KH_EINVAL, i, "word %zu: bad tag or span", i);
    }
    freeze(t);
    const kh_analysis *a;
    kh_status st = kh_analyze(t->an, text, len, &a);
    if (st) return fail(t, st, UINT64_MAX, "analyzing training text: %s", kh_strerror(st));
    st = kh_feat_doc(&t->fx, &t->model, text, a, words, nwords);
    if (st) return fail(t, st, UINT64_MAX, "computing features: %s", kh_strerror(st));
    size_t need = 0;
    for (size_t i = 0; i < nwords; i++)
        need += t->fx.nf[i];
    const kh_mem *m = &t->mem;
    if (kh_mem_grow(m, (void **)&t->rows, &t->caprows, t->nrows + need, sizeof *t->rows) ||
        kh_mem_grow(m, (void **)&t->roff, &t->caproff, t->nwords + nwords + 1, sizeof *t->roff) ||
        kh_mem_grow(m, (void **)&t->gold, &t->capgold, t->nwords + nwords, 1) ||
        kh_mem_grow(m, (void **)&t->prow, &t->capprow, (t->nwords + nwords) * KH_MAXP,
                    sizeof *t->prow) ||
        kh_mem_grow(m, (void **)&t->npf, &t->capnpf, t->nwords + nwords, 1) ||
        kh_mem_grow(m, (void **)&t->dkey, &t->capdkey, 2 * (t->nwords + nwords), sizeof *t->dkey) ||
        kh_mem_grow(m, (void **)&t->drow, &t->capdrow, (t->nwords + nwords) * KH_MAXD,
                    sizeof *t->drow) ||
        kh_mem_grow(m, (void **)&t->ndr, &t->capndr, t->nwords + nwords, 1) ||
        kh_mem_grow(m, (void **)&t->fp, &t->capfp, t->nwords + nwords, 1) ||
        kh_mem_grow(m, (void **)&t->alone, &t->capalone, t->nwords + nwords, 1))
        return fail(t, KH_ENOMEM, UINT64_MAX, "out of memory");
    if (t->nwords == 0) t->roff[0] = 0;
    size_t base = t->nwords;
    for (size_t i = 0; i < nwords; i++) {
        if (t->fx.sent[i]) {
            if (kh_mem_grow(m, (void **)&t->sents, &t->capsents, t->nsents + 1, sizeof *t->sents))
                return fail(t, KH_ENOMEM, UINT64_MAX, "out of memory");
            t->sents[t->nsents++] = (sentence){t->nwords, 0, (uint8_t)(dev != 0), 0};
        }
        t->sents[t->nsents - 1].n++;
        memcpy(t->rows + t->nrows, t->fx.f + i * KH_MAXF, t->fx.nf[i] * sizeof *t->rows);
        t->nrows += t->fx.nf[i];
        memcpy(t->prow + t->nwords * KH_MAXP, t->fx.pf + i * KH_MAXP, KH_MAXP * sizeof *t->prow);
        t->npf[t->nwords] = t->fx.npf[i];
        t->dkey[2 * t->nwords] = t->fx.dkey[2 * i];
        t->dkey[2 * t->nwords + 1] = t->fx.dkey[2 * i + 1];
        t->ndr[t->nwords] = 0;
        t->fp[t->nwords] = 0;
        /* I-X after anything but X is the start of an X (conlleval): say so */
        uint8_t g = tags[i];
        if (KH_TAG_IS_I(g) && (t->fx.sent[i] || !t->gold[t->nwords - 1] ||
                               KH_TAG_TYPE(t->gold[t->nwords - 1]) != KH_TAG_TYPE(g)))
            g = (uint8_t)(g - 1);
        t->gold[t->nwords] = g;
        t->nwords++;
        t->roff[t->nwords] = t->nrows;
    }
    /* BIO to the BILOU states the tagger learns: a name's last word is L,
    ** a one-word name U (the next tag is read before it is rewritten) */
    for (size_t j = base; j < t->nwords; j++) {
        uint8_t g = t->gold[j];
        if (!g) continue;
        unsigned type = KH_TAG_TYPE(g);
        int more = j + 1 < t->nwords && !t->fx.sent[j + 1 - base] && KH_TAG_IS_I(t->gold[j + 1]) &&
                   KH_TAG_TYPE(t->gold[j + 1]) == type;
        if (KH_TAG_IS_I(g))
            t->gold[j] = (uint8_t)(more ? KH_ST_I(type) : KH_ST_L(type));
        else
            t->gold[j] = (uint8_t)(more ? KH_ST_B(type) : KH_ST_U(type));
    }
    return KH_OK;
}

/* ---- one epoch ------------------------------------------------------------------------------ */

static uint32_t xorshift(uint32_t *s)
{
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

/* Is feature k (an index into t->rows) left out of the current training
** step? Dropout: the same mask for the decode and the update of a step. */
static inline int dropped(const kh_ner_trainer *t, size_t k)
{
    return t->drop && kh_mix64(t->c * 0x9e3779b97f4a7c15ull + k) < t->drop;
}

/* Emission scores of sentence s with weights w and recall bias into t->sc;
** training: with dropout. */
static void scores(kh_ner_trainer *t, const sentence *s, const float *w, float bias, int training)
{
    for (uint32_t i = 0; i < s->n; i++) {
        float *out = t->sc + (size_t)i * KH_NSTATES;
        memset(out, 0, KH_NSTATES * sizeof *out);
        size_t wi = s->first + i;
        for (size_t k = t->roff[wi]; k < t->roff[wi + 1]; k++) {
            if (training && dropped(t, k)) continue;
            const float *row = w + (size_t)t->rows[k] * KH_NSTATES;
            for (int g = 0; g < KH_NSTATES; g++)
                out[g] += row[g];
        }
        for (unsigned k = 0; (!training || t->use_doc) && k < t->ndr[wi]; k++) {
            const float *row = w + (size_t)t->drow[wi * KH_MAXD + k] * KH_NSTATES;
            for (int g = 0; g < KH_NSTATES; g++)
                out[g] += row[g];
        }
        out[0] -= bias;
    }
}

/* Decodes sentence s with weights w, transitions tr and recall bias into
** t->pred; training: with dropout. */
static void decode(kh_ner_trainer *t, const sentence *s, const float *w,
                   const float tr[KH_NSTATES + 1][KH_NSTATES], float bias, int training)
{
    scores(t, s, w, bias, training);
    kh_pairs pp = {{w, NULL, NULL}, t->prow + s->first * KH_MAXP, t->npf + s->first, t->model.bits};
    kh_decode_viterbi(tr, t->sc, s->n, (t->model.feat_set & KH_FEAT_PAIRS) ? &pp : NULL, t->back,
                      t->pred);
}

static void update(kh_ner_trainer *t, size_t word, unsigned tag, float d)
{
    float cd = d * (float)t->c;
    for (size_t k = t->roff[word]; k < t->roff[word + 1]; k++) {
        if (dropped(t, k)) continue;
        size_t x = (size_t)t->rows[k] * KH_NSTATES + tag;
        t->model.w[x] += d;
        t->u[x] += cd;
    }
    for (unsigned k = 0; t->use_doc && k < t->ndr[word]; k++) {
        size_t x = (size_t)t->drow[word * KH_MAXD + k] * KH_NSTATES + tag;
        t->model.w[x] += d;
        t->u[x] += cd;
    }
}

/* Updates the pair features of word after state prev, for state tag. */
static void update_pairs(kh_ner_trainer *t, size_t word, unsigned prev, unsigned tag, float d)
{
    float cd = d * (float)t->c;
    uint32_t salt = kh_pair_row(0, prev, t->model.bits);
    for (unsigned k = 0; k < t->npf[word]; k++) {
        size_t x = (size_t)(t->prow[word * KH_MAXP + k] ^ salt) * KH_NSTATES + tag;
        t->model.w[x] += d;
        t->u[x] += cd;
    }
}

static void update_trans(kh_ner_trainer *t, unsigned p, unsigned g, float d)
{
    t->model.trans[p][g] += d;
    t->tu[p][g] += d * (float)t->c;
}

/* Learns from one sentence; returns 1 if it was decoded wrongly. */
static int learn(kh_ner_trainer *t, const sentence *s)
{
    /* every other step (by the clock's hash) without the document
    ** features: the shipped model also tags the first pass */
    t->use_doc = t->docs_ready && (kh_mix64(t->c ^ 0x2545f4914f6cdd1dull) & 1);
    decode(t, s, t->model.w, t->model.trans, 0, 1);
    const uint8_t *gold = t->gold + s->first;
    int wrong = 0;
    for (uint32_t i = 0; i < s->n && !wrong; i++)
        wrong = gold[i] != t->pred[i];
    /* plain perceptron steps: a passive-aggressive step size (PA-I) was
    ** tried and lost 3 points of cross-validated F1 */
    const float d = 1;
    for (uint32_t i = 0; i < s->n && wrong; i++) {
        unsigned gp = i ? gold[i - 1] : KH_NSTATES, pp = i ? t->pred[i - 1] : KH_NSTATES;
        if (gold[i] != t->pred[i]) {
            update(t, s->first + i, gold[i], d);
            update(t, s->first + i, t->pred[i], -d);
        }
        if (gp != pp || gold[i] != t->pred[i]) {
            update_trans(t, gp, gold[i], d);
            update_trans(t, pp, t->pred[i], -d);
            update_pairs(t, s->first + i, gp, gold[i], d);
            update_pairs(t, s->first + i, pp, t->pred[i], -d);
        }
    }
    t->c++;
    return wrong;
}

/* ---- the CRF's steps ----------------------------------------------------------------- */

/* AdaGrad's step size for a weight whose squared gradients sum to g2. The
** 0.1 added keeps a first, tiny gradient (a state the model already gives
** probability 1e-6) from making a full step, as AdaGrad without it does. */
static inline float crf_eta(const kh_ner_trainer *t, float g2)
{
    return t->o.rate / sqrtf(g2 + 0.1f);
}

/* Row r's pending L2 decay: the steps after its last touch up to clock now
** each shrank its weights by the factor 1 - eta * lambda, about
** exp(-eta * lambda) (eta unchanged meanwhile: no gradient reached them).
** The averaging sees the decay at clock now, not spread over the steps. */
static void crf_decay(kh_ner_trainer *t, uint32_t r, uint32_t now)
{
    uint32_t k = now - t->last[r];
    t->last[r] = now;
    if (!k || t->lambda == 0) return;
    float *w = t->model.w + (size_t)r * KH_NSTATES, *u = t->u + (size_t)r * KH_NSTATES;
    const float *g2 = t->g2 + (size_t)r * KH_NSTATES;
    float cf = (float)t->c;
    for (int x = 0; x < KH_NSTATES; x++) {
        if (w[x] == 0) continue;
        float d = w[x] * (expf(-(float)k * crf_eta(t, g2[x]) * t->lambda) - 1.0f);
        w[x] += d;
        u[x] += cf * d;
    }
}

/* Brings every row's L2 decay up to the steps taken, so that the average
** at the end of an epoch sees it. */
static void crf_flush(kh_ner_trainer *t)
{
    uint32_t now = (uint32_t)(t->c - 1), rows = 1u << t->model.bits;
    for (uint32_t r = 0; r < rows; r++)
        crf_decay(t, r, now);
}

/* A gradient step on row r: g[s] is d(-log p(gold)) / d w[r][s]. */
static void crf_step_row(kh_ner_trainer *t, uint32_t r, const double g[KH_NSTATES])
{
    crf_decay(t, r, (uint32_t)t->c);
    float *w = t->model.w + (size_t)r * KH_NSTATES, *u = t->u + (size_t)r * KH_NSTATES;
    float *g2 = t->g2 + (size_t)r * KH_NSTATES, cf = (float)t->c;
    for (int x = 0; x < KH_NSTATES; x++) {
        float gx = (float)g[x];
        g2[x] += gx * gx;
        float d = -crf_eta(t, g2[x]) * gx;
        w[x] += d;
        u[x] += cf * d;
    }
}

/* Makes room for need doubles in each of alpha, beta and node. */
static int grow_fb(kh_ner_trainer *t, size_t need)
{
    if (need <= t->capfb) return 0;
    const kh_mem *m = &t->mem;
    kh_mem_free(m, t->alpha, t->capfb * sizeof *t->alpha);
    kh_mem_free(m, t->beta, t->capfb * sizeof *t->beta);
    kh_mem_free(m, t->node, t->capfb * sizeof *t->node);
    t->alpha = kh_mem_alloc(m, need * sizeof *t->alpha);
    t->beta = kh_mem_alloc(m, need * sizeof *t->beta);
    t->node = kh_mem_alloc(m, need * sizeof *t->node);
    t->capfb = need;
    if (t->alpha && t->beta && t->node) return 0;
    kh_mem_free(m, t->alpha, need * sizeof *t->alpha);
    kh_mem_free(m, t->beta, need * sizeof *t->beta);
    kh_mem_free(m, t->node, need * sizeof *t->node);
    t->alpha = t->beta = t->node = NULL;
    t->capfb = 0;
    return -1;
}

static int by_key(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* One CRF step on sentence s (see the top of the file). Adds -log p(gold)
** to *nll; returns 1 if the gold tags had probability 1/2 or less (only
** then can Viterbi miss them). */
static int learn_crf(kh_ner_trainer *t, const sentence *s, double *nll)
{
    scores(t, s, t->model.w, 0, 1);
    double edge[KH_NSTATES + 1][KH_NSTATES];
    double logz = kh_decode_marginals((const float(*)[KH_NSTATES])t->model.trans, t->sc, s->n,
                                      t->alpha, t->beta, t->node, &edge[0][0]);
    if (!isfinite(logz)) { /* scores too far apart: no step rather than a wrong one */
        t->c++;
        return 1;
    }
    const uint8_t *gold = t->gold + s->first;
    double score = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        unsigned p = i ? gold[i - 1] : KH_NSTATES;
        score +=
            (double)t->sc[(size_t)i * KH_NSTATES + gold[i]] + (double)t->model.trans[p][gold[i]];
        /* marginals minus gold counts: the gradient of -log p(gold) */
        t->node[(size_t)i * KH_NSTATES + gold[i]] -= 1;
        edge[p][gold[i]] -= 1;
    }
    double loss = logz - score;
    *nll += loss;

    /* one step per row: a row a sentence uses twice (a repeated word, the
    ** tag prior on every word) gets the sum of its words' gradients */
    size_t nk = 0;
    for (uint32_t i = 0; i < s->n; i++)
        for (size_t k = t->roff[s->first + i]; k < t->roff[s->first + i + 1]; k++)
            t->keys[nk++] = (uint64_t)t->rows[k] << 32 | i;
    qsort(t->keys, nk, sizeof *t->keys, by_key);
    for (size_t k = 0; k < nk;) {
        uint32_t r = (uint32_t)(t->keys[k] >> 32);
        double g[KH_NSTATES] = {0};
        for (; k < nk && (uint32_t)(t->keys[k] >> 32) == r; k++) {
            const double *nd = t->node + (size_t)(uint32_t)t->keys[k] * KH_NSTATES;
            for (int x = 0; x < KH_NSTATES; x++)
                g[x] += nd[x];
        }
        crf_step_row(t, r, g);
    }
    /* transitions: 306 weights, every step touches them, so their L2 is
    ** part of the gradient */
    for (unsigned p = 0; p <= KH_NSTATES; p++)
        for (unsigned x = 0; x < KH_NSTATES; x++) {
            if (!kh_state_allowed(p, x)) continue;
            float g = (float)edge[p][x] + t->lambda * t->model.trans[p][x];
            t->tg2[p][x] += g * g;
            float d = -crf_eta(t, t->tg2[p][x]) * g;
            update_trans(t, p, x, d);
        }
    t->c++;
    return loss >= log(2.0);
}

typedef struct chunk_set {
    size_t *v; /* first << 24 | count << 4 | type: sorted by construction */
    size_t n;
} chunk_set;

static void collect(void *ud, size_t first, size_t count, unsigned type)
{
    chunk_set *c = ud;
    c->v[c->n++] = (first << 24 | count << 4 | type);
}

/* Document features of the dev sentences: a first pass with weights w,
** then counts over each run of consecutive dev sentences, as tagging does
** over a document. */
static kh_status doc_first_pass(kh_ner_trainer *t, const float *w,
                                const float tr[KH_NSTATES + 1][KH_NSTATES], float bias)
{
    if (!(t->model.feat_set & KH_FEAT_DOC)) return KH_OK;
    for (size_t si = 0; si < t->nsents; si++) {
        const sentence *s = &t->sents[si];
        if (!s->dev) continue;
        memset(t->ndr + s->first, 0, s->n);
        decode(t, s, w, tr, bias, 0);
        for (uint32_t i = 0; i < s->n; i++)
            t->fp[s->first + i] = kh_state_tag(t->pred[i]);
    }
    for (size_t si = 0; si < t->nsents;) {
        if (!t->sents[si].dev) {
            si++;
            continue;
        }
        size_t sj = si;
        while (sj < t->nsents && t->sents[sj].dev && sj - si < DOC_SENTS)
            sj++;
        size_t b = t->sents[si].first, e = t->sents[sj - 1].first + t->sents[sj - 1].n;
        kh_status st = kh_feat_doc_labels(&t->fx, &t->model, t->dkey + 2 * b, t->fp + b, e - b,
                                          t->drow + b * KH_MAXD, t->ndr + b, t->alone + b);
        if (st) return st;
        si = sj;
    }
    return KH_OK;
}

/* Exact-span micro P/R/F1 of the averaged weights on the dev sentences. */
static kh_status score_dev(kh_ner_trainer *t, const float *w,
                           const float tr[KH_NSTATES + 1][KH_NSTATES], float bias, kh_ner_epoch *ep)
{
    uint64_t ngold = 0, npred = 0, ok = 0;
    size_t *gv = NULL, *pv = NULL, cap = 0;
    kh_status st = doc_first_pass(t, w, tr, bias);
    if (st) return st;
    for (size_t si = 0; si < t->nsents; si++) {
        const sentence *s = &t->sents[si];
        if (!s->dev) continue;
        if (s->n > cap) {
            kh_mem_free(&t->mem, gv, cap * sizeof *gv);
            kh_mem_free(&t->mem, pv, cap * sizeof *pv);
            cap = s->n;
            gv = kh_mem_alloc(&t->mem, cap * sizeof *gv);
            pv = kh_mem_alloc(&t->mem, cap * sizeof *pv);
            if (!gv || !pv) {
                kh_mem_free(&t->mem, gv, cap * sizeof *gv);
                kh_mem_free(&t->mem, pv, cap * sizeof *pv);
                return KH_ENOMEM;
            }
        }
        decode(t, s, w, tr, bias, 0);
        chunk_set g = {gv, 0}, p = {pv, 0};
        /* states to BIO tags, in place in the scratch the scores used */
        uint8_t *gt = (uint8_t *)t->sc, *pt = gt + s->n;
        for (uint32_t i = 0; i < s->n; i++) {
            gt[i] = kh_state_tag(t->gold[s->first + i]);
            pt[i] = kh_state_tag(t->pred[i]);
        }
        if (t->model.feat_set & KH_FEAT_DOC) /* as tagging does (decode.h) */
            kh_decode_keep_alone(t->fp + s->first, t->alone + s->first, NULL, s->n, pt);
        kh_decode_chunks(gt, NULL, s->n, collect, &g);
        kh_decode_chunks(pt, NULL, s->n, collect, &p);
        ngold += g.n;
        npred += p.n;
        for (size_t i = 0, j = 0; i < g.n && j < p.n;) {
            if (g.v[i] == p.v[j]) {
                ok++;
                i++;
                j++;
            } else if (g.v[i] < p.v[j]) {
                i++;
            } else {
                j++;
            }
        }
    }
    kh_mem_free(&t->mem, gv, cap * sizeof *gv);
    kh_mem_free(&t->mem, pv, cap * sizeof *pv);
    ep->dev_precision = npred ? (double)ok / (double)npred : 0;
    ep->dev_recall = ngold ? (double)ok / (double)ngold : 0;
    double pr = ep->dev_precision + ep->dev_recall;
    ep->dev_f1 = pr > 0 ? 2 * ep->dev_precision * ep->dev_recall / pr : 0;
    ep->recall_bias = bias;
    return KH_OK;
}

static void reset_weights(kh_ner_trainer *t)
{
    size_t nf = table_floats(t);
    memset(t->model.w, 0, nf * sizeof(float));
    memset(t->u, 0, nf * sizeof(float));
    if (t->g2) {
        memset(t->g2, 0, nf * sizeof(float));
        memset(t->last, 0, ((size_t)1 << t->model.bits) * sizeof(uint32_t));
        memset(t->tg2, 0, sizeof t->tg2);
    }
    memset(t->model.trans, 0, sizeof t->model.trans);
    memset(t->tu, 0, sizeof t->tu);
    t->c = 1;
}

/* The averaged weights so far. OUT: t->avg, avg_trans. */
static void average(kh_ner_trainer *t, float avg_trans[KH_NSTATES + 1][KH_NSTATES])
{
    size_t nf = table_floats(t);
    float inv = 1.0f / (float)t->c;
    for (size_t i = 0; i < nf; i++)
        t->avg[i] = t->model.w[i] - t->u[i] * inv;
    for (int p = 0; p <= KH_NSTATES; p++)
        for (int g = 0; g < KH_NSTATES; g++)
            avg_trans[p][g] = t->model.trans[p][g] - t->tu[p][g] * inv;
}

/* The first stage of document features (see DOC_BLOCKS): first-pass tags
** of every training sentence from a model that did not see its block,
** then the document features of each block. The weights start from zero
** again afterwards. */
static kh_status doc_stage(kh_ner_trainer *t, size_t ntrain)
{
    for (size_t i = 0, k = 0; i < t->nsents; i++)
        if (!t->sents[i].dev) t->sents[i].block = (uint8_t)(k++ * DOC_BLOCKS / ntrain);
    float avg_trans[KH_NSTATES + 1][KH_NSTATES];
    float bias = t->o.recall_bias > 0 ? t->o.recall_bias : 0;
    for (unsigned f = 0; f < DOC_BLOCKS; f++) {
        reset_weights(t);
        size_t n = 0;
        for (size_t i = 0; i < t->nsents; i++)
            if (!t->sents[i].dev && t->sents[i].block != f) t->order[n++] = (uint32_t)i;
        for (unsigned e = 0; e < DOC_EPOCHS; e++) {
            for (size_t i = n; i > 1; i--) {
                size_t j = xorshift(&t->rng) % i;
                uint32_t x = t->order[i - 1];
                t->order[i - 1] = t->order[j];
                t->order[j] = x;
            }
            for (size_t i = 0; i < n; i++)
                learn(t, &t->sents[t->order[i]]);
        }
        average(t, avg_trans);
        for (size_t i = 0; i < t->nsents; i++) {
            const sentence *s = &t->sents[i];
            if (s->dev || s->block != f) continue;
            decode(t, s, t->avg, (const float(*)[KH_NSTATES])avg_trans, bias, 0);
            for (uint32_t w = 0; w < s->n; w++)
                t->fp[s->first + w] = kh_state_tag(t->pred[w]);
        }
    }
    for (size_t si = 0; si < t->nsents;) {
        const sentence *s = &t->sents[si];
        size_t sj = si + 1;
        if (s->dev) {
            si = sj;
            continue;
        }
        while (sj < t->nsents && !t->sents[sj].dev && t->sents[sj].block == s->block &&
               sj - si < DOC_SENTS)
            sj++;
        size_t b = s->first, e = t->sents[sj - 1].first + t->sents[sj - 1].n;
        kh_status st = kh_feat_doc_labels(&t->fx, &t->model, t->dkey + 2 * b, t->fp + b, e - b,
                                          t->drow + b * KH_MAXD, t->ndr + b, NULL);
        if (st) return st;
        si = sj;
    }
    reset_weights(t);
    t->docs_ready = 1;
    return KH_OK;
}

kh_status kh_ner_trainer_epoch(kh_ner_trainer *t, kh_ner_epoch *out)
{
    if (!t) return KH_EINVAL;
    freeze(t);
    kh_ner_epoch ep;
    memset(&ep, 0, sizeof ep);
    size_t maxn = 1;
    for (size_t i = 0; i < t->nsents; i++)
        if (t->sents[i].n > maxn) maxn = t->sents[i].n;
    const kh_mem *m = &t->mem;
    if (kh_mem_grow(m, (void **)&t->sc, &t->capsc, maxn * KH_NSTATES, sizeof *t->sc) ||
        kh_mem_grow(m, (void **)&t->back, &t->capback, maxn * KH_NSTATES, 1) ||
        kh_mem_grow(m, (void **)&t->pred, &t->cappred, maxn, 1) ||
        kh_mem_grow(m, (void **)&t->order, &t->caporder, t->nsents + 1, sizeof *t->order))
        return fail(t, KH_ENOMEM, UINT64_MAX, "out of memory");
    size_t ntrain = 0, ndev = 0, maxrows = 1;
    for (size_t i = 0; i < t->nsents; i++) {
        const sentence *s = &t->sents[i];
        if (s->dev)
            ndev++;
        else
            t->order[ntrain++] = (uint32_t)i;
        if (t->roff[s->first + s->n] - t->roff[s->first] > maxrows)
            maxrows = t->roff[s->first + s->n] - t->roff[s->first];
    }
    int crf = t->o.loss == KH_NER_LOSS_CRF;
    if (crf && (kh_mem_grow(m, (void **)&t->keys, &t->capkeys, maxrows, sizeof *t->keys) ||
                grow_fb(t, maxn * KH_NSTATES)))
        return fail(t, KH_ENOMEM, UINT64_MAX, "out of memory");
    t->lambda = ntrain ? t->o.l2 / (float)ntrain : 0;
    if ((t->model.feat_set & KH_FEAT_DOC) && !t->docs_ready && ntrain) {
        kh_status st = doc_stage(t, ntrain);
        if (st) return fail(t, st, UINT64_MAX, "out of memory");
        ntrain = 0;
        for (size_t i = 0; i < t->nsents; i++)
            if (!t->sents[i].dev) t->order[ntrain++] = (uint32_t)i;
    }
    for (size_t i = ntrain; i > 1; i--) { /* Fisher-Yates */
        size_t j = xorshift(&t->rng) % i;
        uint32_t x = t->order[i - 1];
        t->order[i - 1] = t->order[j];
        t->order[j] = x;
    }
    for (size_t i = 0; i < ntrain; i++)
        ep.mistakes += (uint64_t)(crf ? learn_crf(t, &t->sents[t->order[i]], &ep.loss)
                                      : learn(t, &t->sents[t->order[i]]));
    ep.epoch = ++t->epoch;
    if (crf) crf_flush(t);

    /* averaged weights, quantized as they will ship */
    float avg_trans[KH_NSTATES + 1][KH_NSTATES];
    average(t, avg_trans);
    kh_model q = t->model;
    q.w = t->avg;
    kh_model_quantize(&q, t->o.prune);
    ep.recall_bias = t->o.recall_bias > 0 ? t->o.recall_bias : 0;
    if (ndev) {
        /* the recall bias: fixed, or the best of a grid (in weight units:
        ** averaged perceptron weights of a word's features sum to tens, a
        ** CRF's are log-odds, a tenth of that) */
        static const float grid[] = {0, 2, 4, 6, 8, 10, 12, 15, 18, 22, 26, 30};
        float unit = crf ? 0.1f : 1.0f;
        size_t ng = t->o.recall_bias < 0 ? sizeof grid / sizeof *grid : 1;
        for (size_t k = 0; k < ng; k++) {
            kh_ner_epoch e2 = ep;
            float bias = t->o.recall_bias < 0 ? grid[k] * unit : (float)ep.recall_bias;
            kh_status st = score_dev(t, t->avg, (const float(*)[KH_NSTATES])avg_trans, bias, &e2);
            if (st) return fail(t, st, UINT64_MAX, "out of memory");
            if (k == 0 || e2.dev_f1 > ep.dev_f1) ep = e2;
        }
    }
    if (!ndev || !t->have_best || ep.dev_f1 > t->best_f1) {
        float *x = t->best;
        t->best = t->avg;
        t->avg = x;
        memcpy(t->best_trans, avg_trans, sizeof avg_trans);
        t->best_f1 = ep.dev_f1;
        t->best_bias = (float)ep.recall_bias;
        t->have_best = 1;
        ep.best = 1;
    }
    if (out) *out = ep;
    return KH_OK;
}

kh_status kh_ner_trainer_merge(kh_ner_trainer *t, const kh_ner_trainer *other)
{
    if (!t || !other || t == other || t->model.bits != other->model.bits ||
        t->model.feat_set != other->model.feat_set || !t->have_best || !other->have_best)
        return KH_EINVAL;
    size_t nf = table_floats(t);
    for (size_t i = 0; i < nf; i++)
        t->best[i] += other->best[i];
    for (int p = 0; p <= KH_NSTATES; p++)
        for (int g = 0; g < KH_NSTATES; g++)
            t->best_trans[p][g] += other->best_trans[p][g];
    t->best_bias += other->best_bias;
    t->merged += other->merged;
    return KH_OK;
}

kh_status kh_ner_trainer_model(kh_ner_trainer *t, const uint8_t **out, size_t *outlen)
{
    if (!t || !out || !outlen) return KH_EINVAL;
    freeze(t);
    if (t->merged > 1) { /* the sums of merged trainers become their mean */
        size_t nf = table_floats(t);
        float inv = 1.0f / (float)t->merged;
        for (size_t i = 0; i < nf; i++)
            t->best[i] *= inv;
        for (int p = 0; p <= KH_NSTATES; p++)
            for (int g = 0; g < KH_NSTATES; g++)
                t->best_trans[p][g] *= inv;
        t->best_bias *= inv;
        t->merged = 1;
    }
    kh_model m = t->model;
    m.w = t->best;
    memcpy(m.trans, t->best_trans, sizeof m.trans);
    /* the recall bias lives in the tag-prior row, applied once: the row is
    ** restored after encoding so that a second call gives the same image */
    float *prior = &m.w[(size_t)kh_feat_bias_row(&m) * KH_NSTATES];
    float saved = *prior;
    *prior -= t->best_bias;
    kh_mem_free(&t->mem, t->image, t->imagelen);
    t->image = NULL;
    t->imagelen = 0;
    kh_status st = kh_model_encode(&t->mem, &m, 0, &t->image, &t->imagelen);
    *prior = saved;
    if (st) return fail(t, st, UINT64_MAX, "out of memory");
    *out = t->image;
    *outlen = t->imagelen;
    return KH_OK;
}
