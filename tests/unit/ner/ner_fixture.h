/*
** ner_fixture.h - a tiny tagged corpus the project wrote, and a model
** trained on it, for the entity recognizer's tests.
**
** The sentences are "word/TAG" tokens separated by spaces; the fixture lays
** them out as text one sentence per line, as `khabar train-ner` does with a
** CoNLL file, and trains a small model (2^14 rows) in a few milliseconds.
** Nothing here reads ../shared.
*/
#ifndef KHABAR_TEST_NER_FIXTURE_H
#define KHABAR_TEST_NER_FIXTURE_H

#include "../test.h"
#include "khabar.h"

#include <stddef.h>
#include <stdint.h>

/* The training sentences, NULL-terminated. */
extern const char *const kn_corpus[];

/* Tagged text laid out for the API: text, words and tags. */
typedef struct kn_data {
    uint8_t text[4096];
    size_t len;
    kh_word words[512];
    uint8_t tags[512];
    size_t n;
} kn_data;

/* Lays out sentences (NULL-terminated "word/TAG ..." strings). Returns 0,
** or -1 if a tag does not parse or the data does not fit. */
int kn_layout(const char *const *sentences, kn_data *d);

/* Trains on kn_corpus with the given options (NULL: 20 epochs, 2^14 rows)
** and returns the model image in a malloc'd buffer (*len bytes), or NULL
** after recording a failure. */
uint8_t *kn_train(kt_ctx *kt_, const kh_ner_train_opts *opts, size_t *len);

/* A recognizer loaded from image, freed by the runner after the test. */
kh_ner *kn_open(kt_ctx *kt_, const uint8_t *image, size_t len);

#endif
