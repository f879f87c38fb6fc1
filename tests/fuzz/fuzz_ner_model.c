/*
** fuzz_ner_model.c - libFuzzer target for the entity model loader
** (kh_ner_new with model_data), the decoder of a binary format read from
** disk.
**
** Inputs of odd length get their CRC-32 rewritten first, so that damaged
** images reach the decoder's field checks instead of stopping at the
** checksum (the seeds come in both parities). A model that
** loads must then tag a short text: every entity in range and in order, one
** tag per token, each entity's id naming a name. A load that fails must say
** KH_ECORRUPT (or KH_ENOMEM) with a message, and an offset inside the input
** when it gives one. Anything else abort()s.
*/
#include "khabar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what)
{
    fprintf(stderr, "fuzz_ner_model: %s\n", what);
    abort();
}

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

static void check_tagging(kh_ner *n)
{
    static const char text[] = "قال وزير الخارجية سيرغي لافروف في موسكو إن حلف الناتو يهدد روسيا.";
    kh_analyzer *a;
    const kh_analysis *an;
    const kh_ner_result *r;
    if (kh_analyzer_new(NULL, &a) != KH_OK) die("no analyzer");
    if (kh_analyze(a, (const uint8_t *)text, sizeof text - 1, &an) != KH_OK) die("analysis failed");
    kh_status st = kh_ner_tag(n, (const uint8_t *)text, sizeof text - 1, an, NULL, 0, &r);
    if (st != KH_OK && st != KH_ENOMEM) die("tagging failed");
    if (st == KH_OK) {
        if (r->nwords != an->ntokens) die("not one tag per token");
        for (size_t i = 0; i < r->nwords; i++)
            if (r->tags[i] >= KH_NER_NTAGS) die("tag out of range");
        uint32_t prev = 0;
        for (size_t i = 0; i < r->nentities; i++) {
            const kh_entity *e = &r->entities[i];
            if (e->start > e->end || e->end > sizeof text - 1 || e->start < prev ||
                e->id >= r->nnames || !e->canonical || e->type < 1 || e->type > 4)
                die("entity out of range");
            prev = e->end;
        }
    }
    kh_analyzer_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20)) return 0;
    uint8_t *buf = malloc(size ? size : 1);
    if (!buf) return 0;
    memcpy(buf, data, size);
    if (size >= 40 && (size & 1)) {
        uint32_t c = crc32(buf, size - 4);
        for (int i = 0; i < 4; i++)
            buf[size - 4 + (size_t)i] = (uint8_t)(c >> (8 * i));
    }
    kh_ner_opts o = {NULL, buf, size, NULL, NULL, 0};
    kh_ner *n = NULL;
    kh_error err;
    kh_status st = kh_ner_new(&o, &n, &err);
    if (st == KH_OK) {
        if (!n) die("KH_OK without a handle");
        check_tagging(n);
        kh_ner_free(n);
    } else {
        if (n) die("a handle with an error");
        if (st != KH_ECORRUPT && st != KH_ENOMEM) die("unexpected status");
        if (!err.message[0]) die("an error without a message");
        if (err.offset != UINT64_MAX && err.offset > size) die("error offset beyond the input");
    }
    free(buf);
    return 0;
}
