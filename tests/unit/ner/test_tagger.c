/*
** test_tagger.c - the recognizer learns, saves, loads and refuses bad models.
**
** Each test trains on the fixture corpus (ner_fixture.c), a few sentences
** the project wrote, so the suite needs no data from outside and runs in
** milliseconds.
*/
#include "ner_fixture.h"

#include "ner/decode.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void free_buf(void *p)
{
    free(p);
}

/* Tags the fixture corpus with n and counts the words whose tag differs. */
static size_t tag_errors(kt_ctx *kt_, kh_ner *n)
{
    kn_data *d = malloc(sizeof *d);
    kh_analyzer *a = NULL;
    size_t bad = 0;
    const kh_analysis *an;
    const kh_ner_result *r;
    if (!d || kn_layout(kn_corpus, d) || kh_analyzer_new(NULL, &a) != KH_OK ||
        kh_analyze(a, d->text, d->len, &an) != KH_OK ||
        kh_ner_tag(n, d->text, d->len, an, d->words, d->n, &r) != KH_OK || r->nwords != d->n) {
        FAIL("tagging the fixture failed");
        bad = SIZE_MAX;
    } else {
        for (size_t i = 0; i < d->n; i++)
            if (r->tags[i] != d->tags[i]) {
                FAIL("word %zu: %.*s tagged %s, expected %s", i,
                     (int)(d->words[i].end - d->words[i].start), d->text + d->words[i].start,
                     kh_ner_tag_name(r->tags[i]), kh_ner_tag_name(d->tags[i]));
                bad++;
            }
    }
    kh_analyzer_free(a);
    free(d);
    return bad;
}

TEST(tag_names_round_trip)
{
    for (unsigned t = 0; t < KH_NER_NTAGS; t++) {
        const char *s = kh_ner_tag_name(t);
        REQUIRE(s != NULL);
        CHECK_EQ_INT(kh_ner_tag_parse(s, strlen(s)), t);
    }
    CHECK(kh_ner_tag_name(KH_NER_NTAGS) == NULL);
    CHECK_EQ_INT(kh_ner_tag_parse("B-PERS", 6), 1); /* ANERcorp's spelling */
    CHECK_EQ_INT(kh_ner_tag_parse("B-XYZ", 5), -1);
    CHECK_EQ_INT(kh_ner_tag_parse("I-", 2), -1);
    CHECK_EQ_STR(kh_entity_type_name(KH_ENT_LOC), "LOC");
    CHECK_EQ_STR(kh_entity_type_name(99), "");
}

TEST(perceptron_learns_the_training_sentences)
{
    size_t len;
    uint8_t *img = kn_train(KT, NULL, &len);
    REQUIRE(img != NULL);
    kt_defer(KT, free_buf, img);
    kh_ner *n = kn_open(KT, img, len);
    REQUIRE(n != NULL);
    CHECK_EQ_INT(tag_errors(KT, n), 0);
}

TEST(an_untrained_model_tags_nothing)
{
    /* zero epochs is not allowed, so train one epoch on nothing: all O */
    kh_ner_train_opts o = {12, 1, 1, 0, 0, 0, NULL, NULL, 0, 0, 0, 0};
    kh_ner_trainer *t;
    REQUIRE(kh_ner_trainer_new(&o, &t) == KH_OK);
    const uint8_t *img;
    size_t len;
    CHECK(kh_ner_trainer_epoch(t, NULL) == KH_OK);
    CHECK(kh_ner_trainer_model(t, &img, &len) == KH_OK);
    kh_ner *n = kn_open(KT, img, len);
    kh_ner_trainer_free(t);
    REQUIRE(n != NULL);
    kh_analyzer *a;
    REQUIRE(kh_analyzer_new(NULL, &a) == KH_OK);
    const char *s = "قال لافروف في موسكو";
    const kh_analysis *an;
    const kh_ner_result *r;
    CHECK(kh_analyze(a, (const uint8_t *)s, strlen(s), &an) == KH_OK);
    CHECK(kh_ner_tag(n, (const uint8_t *)s, strlen(s), an, NULL, 0, &r) == KH_OK);
    CHECK_EQ_INT(r->nwords, an->ntokens);
    CHECK_EQ_INT(r->nentities, 0);
    kh_analyzer_free(a);
}

TEST(same_data_and_seed_give_the_same_model_bytes)
{
    size_t l1, l2;
    uint8_t *a = kn_train(KT, NULL, &l1);
    uint8_t *b = kn_train(KT, NULL, &l2);
    REQUIRE(a && b);
    kt_defer(KT, free_buf, a);
    kt_defer(KT, free_buf, b);
    REQUIRE_EQ_INT(l1, l2);
    CHECK(memcmp(a, b, l1) == 0);
}

TEST(model_survives_a_save_and_load)
{
    size_t len;
    uint8_t *img = kn_train(KT, NULL, &len);
    REQUIRE(img != NULL);
    kt_defer(KT, free_buf, img);
    /* through a file, as khabar ner --model reads it */
    char path[] = "/tmp/khabar-ner-test-XXXXXX";
    int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    REQUIRE(f != NULL);
    CHECK(fwrite(img, 1, len, f) == len);
    fclose(f);
    kh_ner_opts o = {path, NULL, 0, NULL, NULL, 0};
    kh_ner *n = NULL;
    kh_error err;
    CHECK(kh_ner_new(&o, &n, &err) == KH_OK);
    remove(path);
    REQUIRE(n != NULL);
    CHECK_EQ_INT(tag_errors(KT, n), 0);
    kh_ner_free(n);
}

TEST(second_pass_keeps_a_name_seen_once)
{
    /* BIO: O=0, B-LOC=5, I-LOC=6, B-PER=1. Words 1-2 a LOC in the first
    ** pass; the second pass dropped it and the PER at word 4. */
    const uint8_t first[6] = {0, 5, 6, 0, 1, 0};
    uint8_t tags[6] = {0, 0, 0, 0, 0, 0};
    const uint8_t alone[6] = {0, 1, 1, 0, 0, 0};
    kh_decode_keep_alone(first, alone, NULL, 6, tags);
    /* the LOC's words occur nowhere else: back; the PER's word recurs, so
    ** the second pass had the document's word on it */
    const uint8_t want[6] = {0, 5, 6, 0, 0, 0};
    CHECK(memcmp(tags, want, 6) == 0);
    /* a name the second pass kept in part, or retyped, is the second pass's */
    uint8_t part[6] = {0, 5, 0, 0, 0, 0};
    kh_decode_keep_alone(first, alone, NULL, 6, part);
    CHECK_EQ_INT(part[2], 0);
    /* an I right after would join the restored name: left alone */
    const uint8_t first2[4] = {5, 0, 0, 0};
    uint8_t tags2[4] = {0, 6, 0, 0};
    const uint8_t alone2[4] = {1, 1, 1, 1};
    kh_decode_keep_alone(first2, alone2, NULL, 4, tags2);
    CHECK_EQ_INT(tags2[0], 0);
}

TEST(missing_model_file_is_an_io_error)
{
    kh_ner_opts o = {"/nonexistent/khabar.khm", NULL, 0, NULL, NULL, 0};
    kh_ner *n = (kh_ner *)1;
    kh_error err;
    CHECK_EQ_INT(kh_ner_new(&o, &n, &err), KH_EIO);
    CHECK(n == NULL);
    CHECK(strstr(err.message, "/nonexistent/khabar.khm") != NULL);
}

/* Loads a damaged copy; returns the status and fills err. */
static kh_status load(const uint8_t *img, size_t len, kh_error *err)
{
    kh_ner_opts o = {NULL, img, len, NULL, NULL, 0};
    kh_ner *n = NULL;
    kh_status st = kh_ner_new(&o, &n, err);
    kh_ner_free(n);
    return st;
}

/* Rewrites the CRC at the end, so that a damage reaches the field checks. */
static uint32_t crc32(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

static void fix_crc(uint8_t *p, size_t n)
{
    uint32_t c = crc32(p, n - 4);
    for (int i = 0; i < 4; i++)
        p[n - 4 + (size_t)i] = (uint8_t)(c >> (8 * i));
}

TEST(corrupt_models_are_refused_with_the_offset)
{
    size_t len;
    uint8_t *img = kn_train(KT, NULL, &len);
    REQUIRE(img != NULL);
    kt_defer(KT, free_buf, img);
    uint8_t *bad = malloc(len);
    REQUIRE(bad != NULL);
    kt_defer(KT, free_buf, bad);
    kh_error err;

    memcpy(bad, img, len); /* magic */
    bad[0] = 'X';
    CHECK_EQ_INT(load(bad, len, &err), KH_ECORRUPT);
    CHECK_EQ_INT(err.offset, 0);

    CHECK_EQ_INT(load(img, 20, &err), KH_ECORRUPT); /* shorter than a header */

    memcpy(bad, img, len); /* a flipped bit in the weights: the checksum */
    bad[len / 2] ^= 0x10;
    CHECK_EQ_INT(load(bad, len, &err), KH_ECORRUPT);
    CHECK_EQ_INT(err.offset, len - 4);
    CHECK(strstr(err.message, "checksum") != NULL);

    CHECK_EQ_INT(load(img, len - 1, &err), KH_ECORRUPT); /* truncated */

    memcpy(bad, img, len); /* version */
    bad[8] = 99;
    fix_crc(bad, len);
    CHECK_EQ_INT(load(bad, len, &err), KH_ECORRUPT);
    CHECK_EQ_INT(err.offset, 8);

    memcpy(bad, img, len); /* hash bits out of range */
    bad[12] = 40;
    fix_crc(bad, len);
    CHECK_EQ_INT(load(bad, len, &err), KH_ECORRUPT);
    CHECK_EQ_INT(err.offset, 12);

    memcpy(bad, img, len); /* the first section's length beyond the file */
    bad[32 + 8 + 7] = 0x7F;
    fix_crc(bad, len);
    CHECK_EQ_INT(load(bad, len, &err), KH_ECORRUPT);
    CHECK_EQ_INT(err.offset, 32 + 8);

    memcpy(bad, img, len); /* a section id the decoder must see twice */
    memcpy(bad + 32, "WGTS", 4);
    fix_crc(bad, len);
    CHECK_EQ_INT(load(bad, len, &err), KH_ECORRUPT);
    CHECK(err.offset >= 32 && err.offset < len);

    CHECK_EQ_INT(load(img, len, &err), KH_OK); /* the original still loads */
}

TEST(trainer_rejects_bad_input)
{
    kh_ner_trainer *t;
    kh_ner_train_opts bad = {40, 1, 1, 0, 0, 0, NULL, NULL, 0, 0, 0, 0};
    CHECK_EQ_INT(kh_ner_trainer_new(&bad, &t), KH_EINVAL);
    REQUIRE(kh_ner_trainer_new(NULL, &t) == KH_OK);
    const char *text = "قال لافروف";
    kh_word w[2] = {{0, 6, KH_WORD_SENTENCE_START}, {7, 19, 0}};
    uint8_t tags[2] = {0, 42};
    CHECK_EQ_INT(kh_ner_trainer_add(t, (const uint8_t *)text, strlen(text), w, tags, 2, 0),
                 KH_EINVAL);
    tags[1] = 1;
    w[1].end = 100; /* past the text */
    CHECK_EQ_INT(kh_ner_trainer_add(t, (const uint8_t *)text, strlen(text), w, tags, 2, 0),
                 KH_EINVAL);
    static const char clusters[] = "word\tnot-a-number\n";
    CHECK_EQ_INT(kh_ner_trainer_clusters(t, (const uint8_t *)clusters, strlen(clusters)),
                 KH_ESYNTAX);
    CHECK(kh_ner_trainer_error(t)->offset != UINT64_MAX);
    w[1].end = 19;
    CHECK_EQ_INT(kh_ner_trainer_add(t, (const uint8_t *)text, strlen(text), w, tags, 2, 0), KH_OK);
    /* gazetteers after data: too late, the features are computed */
    CHECK_EQ_INT(kh_ner_trainer_gazetteer(t, KH_ENT_LOC, (const uint8_t *)"x", 1), KH_EINVAL);
    kh_ner_trainer_free(t);
}

TEST(words_out_of_order_are_refused)
{
    size_t len;
    uint8_t *img = kn_train(KT, NULL, &len);
    REQUIRE(img != NULL);
    kt_defer(KT, free_buf, img);
    kh_ner *n = kn_open(KT, img, len);
    REQUIRE(n != NULL);
    kh_analyzer *a;
    REQUIRE(kh_analyzer_new(NULL, &a) == KH_OK);
    const char *s = "قال لافروف";
    const kh_analysis *an;
    const kh_ner_result *r;
    kh_word w[2] = {{7, 19, 0}, {0, 6, 0}};
    CHECK(kh_analyze(a, (const uint8_t *)s, strlen(s), &an) == KH_OK);
    CHECK_EQ_INT(kh_ner_tag(n, (const uint8_t *)s, strlen(s), an, w, 2, &r), KH_EINVAL);
    kh_word past[1] = {{0, 100, 0}}; /* beyond the text */
    CHECK_EQ_INT(kh_ner_tag(n, (const uint8_t *)s, strlen(s), an, past, 1, &r), KH_EINVAL);
    CHECK_EQ_INT(kh_ner_tag(n, (const uint8_t *)s, 3, an, NULL, 0, &r), KH_EINVAL); /* short */
    kh_analyzer_free(a);
}

/* ---- allocation failures ---------------------------------------------------------- */

typedef struct heap {
    size_t calls, fail_from;
    long live;
} heap;

static void *heap_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    heap *h = ud;
    (void)osize;
    if (nsize == 0) {
        if (ptr) h->live--;
        free(ptr);
        return NULL;
    }
    if (h->calls++ >= h->fail_from) return NULL;
    void *p = realloc(ptr, nsize);
    if (p && !ptr) h->live++;
    return p;
}

TEST(every_allocation_failure_is_enomem_without_leaks)
{
    size_t len;
    uint8_t *img = kn_train(KT, NULL, &len);
    REQUIRE(img != NULL);
    kt_defer(KT, free_buf, img);
    kn_data *d = malloc(sizeof *d);
    REQUIRE(d != NULL);
    kt_defer(KT, free_buf, d);
    REQUIRE(kn_layout(kn_corpus, d) == 0);
    kh_analyzer *a;
    REQUIRE(kh_analyzer_new(NULL, &a) == KH_OK);
    const kh_analysis *an;
    REQUIRE(kh_analyze(a, d->text, d->len, &an) == KH_OK);
    int done = 0;
    for (size_t k = 0; k < 200 && !done; k++) {
        heap h = {0, k, 0};
        kh_ner_opts o = {NULL, img, len, heap_alloc, &h, 0};
        kh_ner *n = NULL;
        kh_error err;
        kh_status st = kh_ner_new(&o, &n, &err);
        if (st == KH_OK) {
            const kh_ner_result *r;
            st = kh_ner_tag(n, d->text, d->len, an, d->words, d->n, &r);
            if (st == KH_OK) done = 1;
            kh_ner_free(n);
        }
        if (st != KH_OK && st != KH_ENOMEM) FAIL("failure %zu: status %s", k, kh_strerror(st));
        if (h.live != 0) FAIL("failure %zu: %ld blocks leaked", k, h.live);
    }
    CHECK(done);
    kh_analyzer_free(a);
}

/* A hook that remembers each block's size and counts frees told another. */
typedef struct sized_heap {
    long live;
    size_t bad_osize;
} sized_heap;

static void *sized_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    sized_heap *h = ud;
    size_t *b = ptr ? (size_t *)ptr - 2 : NULL; /* two words keep the alignment */
    if (b && b[0] != osize) h->bad_osize++;
    if (nsize == 0) {
        if (b) h->live--;
        free(b);
        return NULL;
    }
    size_t *nb = realloc(b, 2 * sizeof *nb + nsize);
    if (!nb) return NULL;
    if (!b) h->live++;
    nb[0] = nsize;
    return nb + 2;
}

TEST(trainer_frees_gazetteer_and_clusters_with_the_sizes_it_asked_for)
{
    /* duplicate entries merge when the lists freeze, so fewer are kept than
    ** were allocated: the allocator must still be told the size it gave */
    sized_heap h = {0, 0};
    kh_ner_train_opts o = {12, 1, 1, 0, 0, 0, sized_alloc, &h, 0, 0, 0, 0};
    kn_data *d = malloc(sizeof *d);
    REQUIRE(d != NULL);
    kt_defer(KT, free_buf, d);
    REQUIRE(kn_layout(kn_corpus, d) == 0);
    kh_ner_trainer *t = NULL;
    REQUIRE(kh_ner_trainer_new(&o, &t) == KH_OK);
    static const char gaz[] = "موسكو\nموسكو\nبكين\nبكين\nباريس\n";
    static const char cl[] = "موسكو\t1\nموسكو\t2\nبكين\t1\n";
    CHECK_EQ_INT(kh_ner_trainer_gazetteer(t, KH_ENT_LOC, (const uint8_t *)gaz, sizeof gaz - 1),
                 KH_OK);
    CHECK_EQ_INT(kh_ner_trainer_clusters(t, (const uint8_t *)cl, sizeof cl - 1), KH_OK);
    CHECK_EQ_INT(kh_ner_trainer_add(t, d->text, d->len, d->words, d->tags, d->n, 0), KH_OK);
    CHECK_EQ_INT(kh_ner_trainer_epoch(t, NULL), KH_OK);
    const uint8_t *img;
    size_t len;
    CHECK_EQ_INT(kh_ner_trainer_model(t, &img, &len), KH_OK);
    kh_ner_trainer_free(t);
    CHECK_EQ_INT(h.bad_osize, 0);
    CHECK_EQ_INT(h.live, 0);
}

/* A trainer on the fixture, trained for 5 epochs with the given seed. */
static kh_ner_trainer *trained(kt_ctx *kt_, uint32_t seed, uint32_t bits)
{
    kh_ner_train_opts o = {bits, 5, seed, 0, 0, 0, NULL, NULL, 0, 0, 0, 0};
    kn_data *d = malloc(sizeof *d);
    kh_ner_trainer *t = NULL;
    if (!d || kn_layout(kn_corpus, d) || kh_ner_trainer_new(&o, &t) != KH_OK ||
        kh_ner_trainer_add(t, d->text, d->len, d->words, d->tags, d->n, 0) != KH_OK) {
        FAIL("no trainer");
        kh_ner_trainer_free(t);
        t = NULL;
    }
    for (int e = 0; t && e < 5; e++)
        if (kh_ner_trainer_epoch(t, NULL) != KH_OK) FAIL("epoch failed");
    free(d);
    return t;
}

TEST(merged_models_are_their_mean)
{
    kh_ner_trainer *a = trained(KT, 1, 14), *b = trained(KT, 1, 14), *c = trained(KT, 7, 14);
    kh_ner_trainer *small = trained(KT, 1, 12);
    REQUIRE(a && b && c && small);
    const uint8_t *img;
    size_t len;
    REQUIRE(kh_ner_trainer_model(b, &img, &len) == KH_OK);
    uint8_t *single = malloc(len);
    REQUIRE(single != NULL);
    memcpy(single, img, len);
    /* the mean of a model and itself is that model, byte for byte */
    CHECK_EQ_INT(kh_ner_trainer_merge(a, b), KH_OK);
    size_t l2;
    REQUIRE(kh_ner_trainer_model(a, &img, &l2) == KH_OK);
    CHECK(l2 == len && memcmp(img, single, len) == 0);
    /* another seed changes the mean, and it still tags the fixture right */
    CHECK_EQ_INT(kh_ner_trainer_merge(b, c), KH_OK);
    REQUIRE(kh_ner_trainer_model(b, &img, &l2) == KH_OK);
    CHECK(l2 != len || memcmp(img, single, len) != 0);
    uint8_t *mean = malloc(l2);
    REQUIRE(mean != NULL);
    memcpy(mean, img, l2);
    kh_ner *n = kn_open(KT, mean, l2);
    if (n) CHECK_EQ_INT(tag_errors(KT, n), 0);
    CHECK_EQ_INT(kh_ner_trainer_merge(a, small), KH_EINVAL); /* other hash bits */
    CHECK_EQ_INT(kh_ner_trainer_merge(a, a), KH_EINVAL);
    free(mean);
    free(single);
    kh_ner_trainer_free(a);
    kh_ner_trainer_free(b);
    kh_ner_trainer_free(c);
    kh_ner_trainer_free(small);
}

TEST(viterbi_predecessors_are_the_allowed_transitions)
{
    for (unsigned t = 0; t < KH_NSTATES; t++) {
        unsigned k = 0;
        for (unsigned p = 0; p < KH_NSTATES; p++) {
            if (!kh_state_allowed(p, t)) continue;
            CHECK(k < kh_decode_prev[t].n && kh_decode_prev[t].p[k] == p);
            k++;
        }
        CHECK_EQ_INT(kh_decode_prev[t].n, k);
    }
}

/* ---- the CRF --------------------------------------------------------------------------------- */

/* Scores of a tiny lattice: n words of emission scores and the transitions,
** drawn from a xorshift so the test is the same on every run. */
static void crf_lattice(uint32_t seed, size_t n, float *sc, float trans[KH_NSTATES + 1][KH_NSTATES])
{
    uint32_t x = seed;
    for (size_t i = 0; i < n * KH_NSTATES + (KH_NSTATES + 1) * KH_NSTATES; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        float v = (float)(x % 4001) / 1000.0f - 2.0f; /* -2 .. 2 */
        if (i < n * KH_NSTATES)
            sc[i] = v;
        else
            trans[(i - n * KH_NSTATES) / KH_NSTATES][(i - n * KH_NSTATES) % KH_NSTATES] = v;
    }
}

/* log Z, node marginals and expected transition counts by enumerating
** every state sequence of n words (17^n of them), keeping the allowed ones
** that end closed: what forward-backward must give. */
static double crf_brute(const float trans[KH_NSTATES + 1][KH_NSTATES], const float *sc, size_t n,
                        double *node, double *edge)
{
    size_t total = 1;
    for (size_t i = 0; i < n; i++)
        total *= KH_NSTATES;
    double mx = -1e300, z = 0;
    for (int pass = 0; pass < 2; pass++) /* the maximum first, then the sums */
        for (size_t c = 0; c < total; c++) {
            unsigned y[8];
            size_t v = c;
            for (size_t i = 0; i < n; i++, v /= KH_NSTATES)
                y[i] = (unsigned)(v % KH_NSTATES);
            double s = 0;
            int ok = !KH_ST_OPEN(y[n - 1]);
            for (size_t i = 0; i < n && ok; i++) {
                unsigned p = i ? y[i - 1] : KH_NSTATES;
                ok = kh_state_allowed(p, y[i]);
                s += (double)trans[p][y[i]] + (double)sc[i * KH_NSTATES + y[i]];
            }
            if (!ok) continue;
            if (pass == 0) {
                if (s > mx) mx = s;
                continue;
            }
            double e = exp(s - mx);
            z += e;
            for (size_t i = 0; i < n; i++) {
                node[i * KH_NSTATES + y[i]] += e;
                edge[(i ? y[i - 1] : KH_NSTATES) * KH_NSTATES + y[i]] += e;
            }
        }
    for (size_t i = 0; i < n * KH_NSTATES; i++)
        node[i] /= z;
    for (size_t i = 0; i < (KH_NSTATES + 1) * KH_NSTATES; i++)
        edge[i] /= z;
    return mx + log(z);
}

TEST(crf_marginals_match_enumeration)
{
    enum { MAXN = 3 };
    float sc[MAXN * KH_NSTATES], trans[KH_NSTATES + 1][KH_NSTATES];
    double alpha[MAXN * KH_NSTATES], beta[MAXN * KH_NSTATES], node[MAXN * KH_NSTATES];
    double edge[(KH_NSTATES + 1) * KH_NSTATES];
    double bnode[MAXN * KH_NSTATES], bedge[(KH_NSTATES + 1) * KH_NSTATES];
    for (size_t n = 1; n <= MAXN; n++)
        for (uint32_t seed = 1; seed <= 3; seed++) {
            crf_lattice(seed * 2654435761u, n, sc, trans);
            if (seed == 3) /* one word far above the others: the scaling must hold */
                for (unsigned t = 0; t < KH_NSTATES; t++)
                    sc[t] += 400.0f + (float)t;
            memset(bnode, 0, sizeof bnode);
            memset(bedge, 0, sizeof bedge);
            double want = crf_brute((const float(*)[KH_NSTATES])trans, sc, n, bnode, bedge);
            double got = kh_decode_marginals((const float(*)[KH_NSTATES])trans, sc, n, alpha, beta,
                                             node, edge);
            if (fabs(got - want) > 1e-9 * fmax(1, fabs(want)))
                FAIL("n %zu seed %u: log Z %.12g, enumeration %.12g", n, seed, got, want);
            for (size_t i = 0; i < n * KH_NSTATES; i++)
                if (fabs(node[i] - bnode[i]) > 1e-9)
                    FAIL("n %zu seed %u: P(y_%zu = %zu) %.12g, enumeration %.12g", n, seed,
                         i / KH_NSTATES, i % KH_NSTATES, node[i], bnode[i]);
            for (size_t i = 0; i < (KH_NSTATES + 1) * KH_NSTATES; i++)
                if (fabs(edge[i] - bedge[i]) > 1e-9)
                    FAIL("n %zu seed %u: steps %zu -> %zu: %.12g, enumeration %.12g", n, seed,
                         i / KH_NSTATES, i % KH_NSTATES, edge[i], bedge[i]);
        }
}

/* The gradient the CRF steps along, d(-log p(y)) / d score = marginal -
** gold count, checked against central differences of -log p(y) in the
** emission scores and the transitions of a three-word lattice. */
TEST(crf_gradient_matches_finite_differences)
{
    enum { N = 3 };
    float sc[N * KH_NSTATES], trans[KH_NSTATES + 1][KH_NSTATES];
    double alpha[N * KH_NSTATES], beta[N * KH_NSTATES], node[N * KH_NSTATES];
    double edge[(KH_NSTATES + 1) * KH_NSTATES];
    crf_lattice(99, N, sc, trans);
    const unsigned gold[N] = {KH_ST_B(1), KH_ST_L(1), 0};
    /* -log p(gold) */
#define NLL()                                                                                      \
    (kh_decode_marginals((const float(*)[KH_NSTATES])trans, sc, N, alpha, beta, node, edge) -      \
     ((double)trans[KH_NSTATES][gold[0]] + sc[gold[0]] + trans[gold[0]][gold[1]] +                 \
      sc[KH_NSTATES + gold[1]] + trans[gold[1]][gold[2]] + sc[2 * KH_NSTATES + gold[2]]))
    double nll = NLL();
    CHECK(nll > 0);
    double gnode[N * KH_NSTATES], gedge[(KH_NSTATES + 1) * KH_NSTATES];
    memcpy(gnode, node, sizeof gnode);
    memcpy(gedge, edge, sizeof gedge);
    for (size_t i = 0; i < N; i++) {
        gnode[i * KH_NSTATES + gold[i]] -= 1;
        gedge[(i ? gold[i - 1] : KH_NSTATES) * KH_NSTATES + gold[i]] -= 1;
    }
    const float h = 1.0f / 64; /* exact in floats */
    for (size_t k = 0; k < N * KH_NSTATES; k++) {
        float keep = sc[k];
        sc[k] = keep + h;
        double up = NLL();
        sc[k] = keep - h;
        double down = NLL();
        sc[k] = keep;
        double fd = (up - down) / (2 * (double)h);
        if (fabs(fd - gnode[k]) > 1e-3)
            FAIL("score %zu: gradient %.6f, finite difference %.6f", k, gnode[k], fd);
    }
    for (unsigned p = 0; p <= KH_NSTATES; p++)
        for (unsigned t = 0; t < KH_NSTATES; t++) {
            if (!kh_state_allowed(p, t)) continue;
            float keep = trans[p][t];
            trans[p][t] = keep + h;
            double up = NLL();
            trans[p][t] = keep - h;
            double down = NLL();
            trans[p][t] = keep;
            double fd = (up - down) / (2 * (double)h);
            if (fabs(fd - gedge[p * KH_NSTATES + t]) > 1e-3)
                FAIL("transition %u -> %u: gradient %.6f, finite difference %.6f", p, t,
                     gedge[p * KH_NSTATES + t], fd);
        }
#undef NLL
}

TEST(crf_learns_the_training_sentences)
{
    kh_ner_train_opts o = {14, 20, 1, 0, 0, 0, NULL, NULL, 0, KH_NER_LOSS_CRF, 0, 0};
    size_t len;
    uint8_t *img = kn_train(KT, &o, &len);
    REQUIRE(img != NULL);
    kt_defer(KT, free_buf, img);
    kh_ner *n = kn_open(KT, img, len);
    REQUIRE(n != NULL);
    CHECK_EQ_INT(tag_errors(KT, n), 0);
    /* the same bytes again: nothing depends on time or addresses */
    size_t len2;
    uint8_t *img2 = kn_train(KT, &o, &len2);
    REQUIRE(img2 != NULL);
    kt_defer(KT, free_buf, img2);
    CHECK(len2 == len && memcmp(img, img2, len) == 0);
}

TEST(crf_refuses_what_it_does_not_train)
{
    kh_ner_trainer *t = NULL;
    kh_ner_train_opts pairs = {12, 1, 1, 0x0Fu, 0, 0, NULL, NULL, 0, KH_NER_LOSS_CRF, 0, 0};
    CHECK_EQ_INT(kh_ner_trainer_new(&pairs, &t), KH_EINVAL);
    kh_ner_train_opts drop = {12, 1, 1, 0, 0, 0, NULL, NULL, 0.1f, KH_NER_LOSS_CRF, 0, 0};
    CHECK_EQ_INT(kh_ner_trainer_new(&drop, &t), KH_EINVAL);
    kh_ner_train_opts loss = {12, 1, 1, 0, 0, 0, NULL, NULL, 0, 2, 0, 0};
    CHECK_EQ_INT(kh_ner_trainer_new(&loss, &t), KH_EINVAL);
    kh_ner_train_opts rate = {12, 1, 1, 0, 0, 0, NULL, NULL, 0, KH_NER_LOSS_CRF, 0, -1};
    CHECK_EQ_INT(kh_ner_trainer_new(&rate, &t), KH_EINVAL);
    CHECK(t == NULL);
}
