/*
** ner_fixture.c - see ner_fixture.h.
*/
#include "ner_fixture.h"

#include <stdlib.h>
#include <string.h>

const char *const kn_corpus[] = {
    "قال/O سيرغي/B-PER لافروف/I-PER في/O موسكو/B-LOC ./O",
    "وصل/O لافروف/B-PER إلى/O بكين/B-LOC أمس/O ./O",
    "أعلن/O حلف/B-ORG الناتو/I-ORG أمس/O أنه/O سيجتمع/O ./O",
    "التقى/O وانغ/B-PER يي/I-PER مع/O بوتين/B-PER في/O بكين/B-LOC ./O",
    "قال/O وانغ/B-PER إن/O الصين/B-LOC تدعم/O الحوار/O ./O",
    "ذكرت/O رويترز/B-ORG أن/O الدولار/B-MISC ارتفع/O ./O",
    "زار/O بوتين/B-PER موسكو/B-LOC وبكين/B-LOC ./O",
    "وأكد/O الرئيس/O جو/B-PER بايدن/I-PER أن/O الولايات/B-LOC المتحدة/I-LOC تدعم/O أوكرانيا/B-LOC "
    "./O",
    "وصل/O ميشال/B-PER بلاتيني/I-PER إلى/O بكين/B-LOC ./O",
    "التقى/O بلاتيني/B-PER مع/O بوتين/B-PER ./O",
    NULL,
};

int kn_layout(const char *const *sentences, kn_data *d)
{
    memset(d, 0, sizeof *d);
    for (size_t s = 0; sentences[s]; s++) {
        const char *p = sentences[s];
        int first = 1;
        while (*p) {
            while (*p == ' ')
                p++;
            if (!*p) break;
            const char *e = p;
            while (*e && *e != ' ')
                e++;
            const char *slash = e;
            while (slash > p && *slash != '/')
                slash--;
            if (slash == p || d->n == sizeof d->tags) return -1;
            int tag = kh_ner_tag_parse(slash + 1, (size_t)(e - slash - 1));
            size_t wl = (size_t)(slash - p);
            if (tag < 0 || d->len + wl + 2 > sizeof d->text) return -1;
            if (d->len) d->text[d->len++] = first ? '\n' : ' ';
            d->words[d->n] = (kh_word){(uint32_t)d->len, (uint32_t)(d->len + wl),
                                       first ? KH_WORD_SENTENCE_START : 0};
            memcpy(d->text + d->len, p, wl);
            d->len += wl;
            d->tags[d->n++] = (uint8_t)tag;
            first = 0;
            p = e;
        }
    }
    return 0;
}

uint8_t *kn_train(kt_ctx *kt_, const kh_ner_train_opts *opts, size_t *len)
{
    kh_ner_train_opts o = {14, 20, 1, 0, 0, 0, NULL, NULL, 0, 0, 0, 0};
    if (opts) o = *opts;
    static const char gaz[] = "موسكو\nبكين\nالصين\n";
    kn_data *d = malloc(sizeof *d);
    kh_ner_trainer *t = NULL;
    uint8_t *copy = NULL;
    if (!d || kn_layout(kn_corpus, d)) {
        FAIL("fixture corpus does not lay out");
        goto done;
    }
    if (kh_ner_trainer_new(&o, &t) != KH_OK) {
        FAIL("kh_ner_trainer_new failed");
        goto done;
    }
    if (kh_ner_trainer_gazetteer(t, KH_ENT_LOC, (const uint8_t *)gaz, strlen(gaz)) != KH_OK ||
        kh_ner_trainer_add(t, d->text, d->len, d->words, d->tags, d->n, 0) != KH_OK) {
        FAIL("adding the fixture: %s", kh_ner_trainer_error(t)->message);
        goto done;
    }
    for (uint32_t e = 0; e < o.epochs; e++)
        if (kh_ner_trainer_epoch(t, NULL) != KH_OK) {
            FAIL("epoch %u failed", e);
            goto done;
        }
    const uint8_t *img;
    if (kh_ner_trainer_model(t, &img, len) != KH_OK || !(copy = malloc(*len))) {
        FAIL("no model image");
        goto done;
    }
    memcpy(copy, img, *len);
done:
    kh_ner_trainer_free(t);
    free(d);
    return copy;
}

static void free_ner(void *p)
{
    kh_ner_free(p);
}

kh_ner *kn_open(kt_ctx *kt_, const uint8_t *image, size_t len)
{
    kh_ner_opts o = {NULL, image, len, NULL, NULL, 0};
    kh_error err;
    kh_ner *n = NULL;
    kh_status st = kh_ner_new(&o, &n, &err);
    if (st != KH_OK) {
        FAIL("kh_ner_new: %s (%s)", kh_strerror(st), err.message);
        return NULL;
    }
    kt_defer(kt_, free_ner, n);
    return n;
}
