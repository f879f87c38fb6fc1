/*
** tagger.c - the public recognizer: kh_ner_new, kh_ner_tag, kh_ner_free.
**
** A kh_ner holds one decoded model and the scratch of one document; the
** result of kh_ner_tag lives in that scratch until the next call. Tagging
** is: features of every word (feat.c), emission scores and Viterbi per
** sentence (decode.c), names found in one place tagged where the tagger
** missed them (consist.c), BIO chunks to entities, then canonical names
** (names.c). Nothing is allocated per word once the buffers have grown.
*/
#include "ner/consist.h"
#include "ner/decode.h"
#include "ner/names.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

struct kh_ner {
    kh_mem mem;
    uint32_t flags; /* KH_NER_* */
    kh_model model;
    kh_feat fx;
    kh_names names;
    kh_consist consist;
    float *sc;
    size_t capsc;
    uint8_t *back;
    size_t capback;
    uint8_t *tags; /* BIO, reported */
    size_t captags;
    uint8_t *states; /* BILOU, decoded */
    size_t capstates;
    uint8_t *first; /* BIO tags of the first pass (document features) */
    size_t capfirst;
    uint8_t *alone; /* 1: the word occurs once in the document */
    size_t capalone;
    kh_entity *ents;
    size_t capents, nents;
    kh_ner_result res;
};

static const char *const TAG_NAMES[KH_NTAGS] = {"O",     "B-PER", "I-PER",  "B-ORG", "I-ORG",
                                                "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
static const char *const TYPE_NAMES[5] = {"", "PER", "ORG", "LOC", "MISC"};

const char *kh_entity_type_name(unsigned type)
{
    return type < 5 ? TYPE_NAMES[type] : "";
}

const char *kh_ner_tag_name(unsigned tag)
{
    return tag < KH_NTAGS ? TAG_NAMES[tag] : NULL;
}

int kh_ner_tag_parse(const char *s, size_t n)
{
    if (!s) return -1;
    if (n == 1 && s[0] == 'O') return 0;
    if (n < 3 || (s[0] != 'B' && s[0] != 'I') || s[1] != '-') return -1;
    const char *t = s + 2;
    size_t tl = n - 2;
    if (tl == 4 && !memcmp(t, "PERS", 4)) tl = 3; /* ANERcorp's spelling */
    for (unsigned k = 1; k <= 4; k++)
        if (strlen(TYPE_NAMES[k]) == tl && !memcmp(t, TYPE_NAMES[k], tl))
            return (int)(s[0] == 'B' ? KH_TAG_B(k) : KH_TAG_I(k));
    return -1;
}

int kh_ner_has_builtin(void)
{
    return kh_ner_builtin_size > 0;
}

static kh_status set_err(kh_error *err, kh_status st, const char *fmt, ...)
{
    if (err) {
        err->status = st;
        err->offset = UINT64_MAX;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return st;
}

/* Reads a whole file through the allocation hooks. OUT: *out (cap bytes
** allocated, for kh_mem_free), *len bytes read. */
static kh_status read_file(const kh_mem *mem, const char *path, uint8_t **out, size_t *len,
                           size_t *cap, kh_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) return set_err(err, KH_EIO, "%s: %s", path, strerror(errno));
    uint8_t *buf = NULL;
    size_t n = 0;
    *cap = 0;
    for (;;) {
        if (kh_mem_grow(mem, (void **)&buf, cap, n + 65536, 1)) {
            fclose(f);
            kh_mem_free(mem, buf, *cap);
            return set_err(err, KH_ENOMEM, "out of memory reading %s", path);
        }
        size_t r = fread(buf + n, 1, *cap - n, f);
        n += r;
        if (r == 0) break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        kh_mem_free(mem, buf, *cap);
        return set_err(err, KH_EIO, "%s: read error", path);
    }
    *out = buf;
    *len = n;
    return KH_OK;
}

kh_status kh_ner_new(const kh_ner_opts *opts, kh_ner **out, kh_error *err)
{
    if (err) {
        err->status = KH_OK;
        err->offset = UINT64_MAX;
        err->message[0] = 0;
    }
    if (!out) return set_err(err, KH_EINVAL, "no place for the result");
    *out = NULL;
    kh_mem mem;
    kh_mem_init(&mem, opts ? opts->alloc : NULL, opts ? opts->alloc_ud : NULL);
    const uint8_t *data = kh_ner_builtin_model;
    size_t len = kh_ner_builtin_size;
    uint8_t *file = NULL;
    size_t filecap = 0;
    if (opts && opts->model_path) {
        kh_status st = read_file(&mem, opts->model_path, &file, &len, &filecap, err);
        if (st) return st;
        data = file;
    } else if (opts && opts->model_data) {
        data = opts->model_data;
        len = opts->model_len;
    } else if (!len) {
        return set_err(err, KH_EINVAL, "this library was built without a model");
    }
    kh_ner *n = kh_mem_alloc(&mem, sizeof *n);
    kh_status st = KH_ENOMEM;
    if (n) {
        memset(n, 0, sizeof *n);
        n->mem = mem;
        n->flags = opts ? opts->flags : 0;
        n->fx.mem = mem;
        n->names.mem = mem;
        n->consist.mem = mem;
        st = kh_model_decode(&mem, data, len, &n->model, err);
    } else {
        set_err(err, KH_ENOMEM, "out of memory");
    }
    kh_mem_free(&mem, file, filecap);
    if (st) {
        if (n) mem.fn(mem.ud, n, sizeof *n, 0);
        return st;
    }
    *out = n;
    return KH_OK;
}

void kh_ner_free(kh_ner *n)
{
    if (!n) return;
    kh_mem mem = n->mem;
    kh_model_free(&mem, &n->model);
    kh_feat_free(&n->fx);
    kh_names_free(&n->names);
    kh_consist_free(&n->consist);
    kh_mem_free(&mem, n->sc, n->capsc * sizeof *n->sc);
    kh_mem_free(&mem, n->back, n->capback);
    kh_mem_free(&mem, n->tags, n->captags);
    kh_mem_free(&mem, n->states, n->capstates);
    kh_mem_free(&mem, n->first, n->capfirst);
    kh_mem_free(&mem, n->alone, n->capalone);
    kh_mem_free(&mem, n->ents, n->capents * sizeof *n->ents);
    mem.fn(mem.ud, n, sizeof *n, 0);
}

/* ---- tagging ------------------------------------------------------------------------ */

typedef struct chunk_ctx {
    kh_ner *n;
    const kh_analysis *an;
    const kh_word *words;
} chunk_ctx;

/* Word i's first and end byte: the caller's words, else the analysis's
** tokens, one word each. */
static uint32_t word_start(const kh_analysis *an, const kh_word *words, size_t i)
{
    return words ? words[i].start : an->tokens[i].start;
}

static uint32_t word_end(const kh_analysis *an, const kh_word *words, size_t i)
{
    return words ? words[i].end : an->tokens[i].end;
}

static void add_entity(void *ud, size_t first, size_t count, unsigned type)
{
    chunk_ctx *c = ud;
    kh_ner *n = c->n;
    kh_entity *e = &n->ents[n->nents++];
    memset(e, 0, sizeof *e);
    e->first = (uint32_t)first;
    e->nwords = (uint32_t)count;
    e->type = type;
    e->start = word_start(c->an, c->words, first);
    e->end = word_end(c->an, c->words, first + count - 1);
}

/* The days of the week with their article. In ANERcorp's training part
** all 180 of them are O, yet the tagger sometimes runs a name on into one
** (جيرار كولومب الخميس), as the day often follows a speaker's name. */
static const char *const WEEKDAYS[] = {"السبت",    "الأحد",    "الاحد",    "الاثنين", "الإثنين",
                                       "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس",  "الجمعة"};

/* A weekday ends a name: its tag becomes O, and a name word after it
** starts a name of its own. */
static void cut_weekdays(uint8_t *tags, size_t nw, const uint8_t *text, const kh_analysis *an,
                         const kh_word *words)
{
    for (size_t i = 0; i < nw; i++) {
        if (!tags[i]) continue;
        uint32_t s = word_start(an, words, i), e = word_end(an, words, i);
        for (size_t k = 0; k < sizeof WEEKDAYS / sizeof WEEKDAYS[0]; k++)
            if (strlen(WEEKDAYS[k]) == e - s && !memcmp(text + s, WEEKDAYS[k], e - s)) {
                tags[i] = 0;
                if (i + 1 < nw && KH_TAG_IS_I(tags[i + 1]))
                    tags[i + 1] = (uint8_t)KH_TAG_B(KH_TAG_TYPE(tags[i + 1]));
                break;
            }
    }
}

kh_status kh_ner_tag(kh_ner *n, const uint8_t *text, size_t len, const kh_analysis *an,
                     const kh_word *words, size_t nwords, const kh_ner_result **out)
{
    if (!n || !an || !out || (!text && len) || (!words && nwords)) return KH_EINVAL;
    *out = NULL;
    /* every byte read later lies inside text: the words' and the tokens' */
    if (an->ntokens && an->tokens[an->ntokens - 1].end > len) return KH_EINVAL;
    for (size_t i = 0; i < nwords; i++)
        if (words[i].start > words[i].end || words[i].end > len ||
            (i && words[i].start < words[i - 1].end))
            return KH_EINVAL;
    kh_status st = kh_feat_doc(&n->fx, &n->model, text, an, words, nwords);
    if (st) return st;
    size_t nw = n->fx.nwords, maxs = 1;
    for (size_t b = 0; b < nw;) {
        size_t e = b + 1;
        while (e < nw && !n->fx.sent[e])
            e++;
        if (e - b > maxs) maxs = e - b;
        b = e;
    }
    const kh_mem *mem = &n->mem;
    if (kh_mem_grow(mem, (void **)&n->sc, &n->capsc, maxs * KH_NSTATES, sizeof *n->sc) ||
        kh_mem_grow(mem, (void **)&n->back, &n->capback, maxs * KH_NSTATES, 1) ||
        kh_mem_grow(mem, (void **)&n->tags, &n->captags, nw + 1, 1) ||
        kh_mem_grow(mem, (void **)&n->states, &n->capstates, nw + 1, 1) ||
        kh_mem_grow(mem, (void **)&n->first, &n->capfirst, nw + 1, 1) ||
        kh_mem_grow(mem, (void **)&n->alone, &n->capalone, nw + 1, 1))
        return KH_ENOMEM;
    /* with document features, two passes: the second sees how the first
    ** tagged each word's other occurrences (feat.h) */
    int passes = (n->model.feat_set & KH_FEAT_DOC) && !(n->flags & KH_NER_PER_SENTENCE) ? 2 : 1;
    for (int pass = 0; pass < passes; pass++) {
        if (pass) {
            st = kh_feat_doc_labels(&n->fx, &n->model, n->fx.dkey, n->tags, nw, n->fx.df, n->fx.ndf,
                                    n->alone);
            if (st) return st;
            memcpy(n->first, n->tags, nw);
        }
        for (size_t b = 0; b < nw;) {
            size_t e = b + 1;
            while (e < nw && !n->fx.sent[e])
                e++;
            kh_weights wt = kh_model_weights(&n->model);
            kh_decode_scores(&wt, &n->fx, b, e, n->sc);
            kh_pairs pp = {wt, n->fx.pf + b * KH_MAXP, n->fx.npf + b, n->model.bits};
            kh_decode_viterbi((const float(*)[KH_NSTATES])n->model.trans, n->sc, e - b,
                              (n->model.feat_set & KH_FEAT_PAIRS) ? &pp : NULL, n->back,
                              n->states + b);
            for (size_t i = b; i < e; i++)
                n->tags[i] = kh_state_tag(n->states[i]);
            b = e;
        }
    }
    if (passes == 2) kh_decode_keep_alone(n->first, n->alone, n->fx.sent, nw, n->tags);
    if (!(n->flags & KH_NER_PER_SENTENCE) && (st = kh_consist_apply(&n->consist, &n->fx, n->tags)))
        return st;
    if (!(n->flags & KH_NER_TAGGER_ONLY)) {
        kh_names_mark_known(&n->fx, an, text, n->tags);
        cut_weekdays(n->tags, nw, text, an, words);
    }
    size_t ne = kh_decode_chunks(n->tags, n->fx.sent, nw, NULL, NULL);
    if (kh_mem_grow(mem, (void **)&n->ents, &n->capents, ne + 1, sizeof *n->ents)) return KH_ENOMEM;
    n->nents = 0;
    chunk_ctx c = {n, an, words};
    kh_decode_chunks(n->tags, n->fx.sent, nw, add_entity, &c);
    const kh_entity_name *names;
    size_t nnames;
    st = kh_names_resolve(&n->names, &n->model, &n->fx, text, an, n->ents, n->nents, &names,
                          &nnames);
    if (st) return st;
    n->res.tags = n->tags;
    n->res.nwords = nw;
    n->res.entities = n->ents;
    n->res.nentities = n->nents;
    n->res.names = names;
    n->res.nnames = nnames;
    *out = &n->res;
    return KH_OK;
}
