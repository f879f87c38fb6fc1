/*
** attrib-dump.c - the candidate speakers of every statement, with their
** features, for tools/train-attrib.py (training and cross-validation of the
** learned speaker chooser, src/extract/attrib.c).
**
**   attrib-dump < DOCS > DUMP
**
** DOCS are framed documents (docin.h), extracted as khabar analyze
** extracts a JSON record; offsets below are bytes of the body. The
** speakers are the rules' alone (x->want_cands), whatever models/attrib.c
** holds. Per document, tab-separated lines:
**
**   D  index
**   S  kind (d|r)  start  end  cue  speaker   a statement; cue is -1 when
**                                             no verb owns its speaker
**   C  cue  rank  name  f0 … f31              a candidate of that cue's
**                                             statements (rank 0: the rules')
*/
#include "extract/extract.h"

#include "docin.h"

#include <string.h>

/* A name as khabar analyze prints it: a hashtag's words without # and _. */
static void put_text(const uint8_t *s, kh_span sp)
{
    if (sp.start == KH_NONE || sp.end <= sp.start) return;
    int tag = memchr(s + sp.start, '#', sp.end - sp.start) != NULL;
    for (uint32_t i = sp.start; i < sp.end; i++) {
        if (tag && s[i] == '#') continue;
        putchar(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || (tag && s[i] == '_') ? ' ' : s[i]);
    }
}

static kh_span name_full(kh_extractor *x, const kx_cand *c)
{
    if (c->name >= 0) return x->names[c->name].full;
    return kx_fullest_range(x, c->first, c->last);
}

static void dump(kh_extractor *x, const uint8_t *s, uint32_t base, size_t doc)
{
    printf("D\t%zu\n", doc);
    for (size_t k = 0; k < x->npairs; k++) {
        const kx_pair *p = &x->pairs[k];
        if (!p->statement || p->text.start < base) continue; /* the headline's */
        int32_t cue = p->cue >= 0 && x->cues[p->cue].ncand ? p->cue : -1;
        printf("S\td\t%u\t%u\t%d\t", p->text.start - base, p->text.end - base, cue);
        if (p->speaker >= 0) put_text(s, x->names[p->speaker].full);
        putchar('\n');
    }
    for (size_t k = 0; k < x->ncues; k++) {
        const kx_cue *c = &x->cues[k];
        if (c->clause_tok == UINT32_MAX || c->clause.start < base) continue;
        printf("S\tr\t%u\t%u\t%d\t", c->clause.start - base, c->clause.end - base,
               c->ncand ? (int)k : -1);
        if (c->speaker >= 0) put_text(s, x->names[c->speaker].full);
        putchar('\n');
    }
    for (size_t k = 0; k < x->ncues; k++) {
        const kx_cue *c = &x->cues[k];
        for (uint32_t j = 0; j < c->ncand; j++) {
            const kx_cand *cd = &x->cands[c->cand_first + j];
            float f[KX_AF_N];
            kx_attrib_features(cd, f);
            printf("C\t%zu\t%u\t", k, j);
            if (cd->last > cd->first || cd->name >= 0) put_text(s, name_full(x, cd));
            for (int i = 0; i < KX_AF_N; i++)
                printf("\t%g", f[i]);
            putchar('\n');
        }
    }
}

int main(void)
{
    kh_extractor *x = NULL;
    if (kh_extractor_new(NULL, &x) != KH_OK) return 1;
    x->want_cands = 1;
    docin in = {NULL, 0, NULL, 0};
    const kh_article *d;
    int r;
    for (size_t doc = 0; (r = docin_next(&in, x, &d)) == 1; doc++)
        dump(x, in.text, (uint32_t)in.base, doc);
    free(in.buf);
    kh_extractor_free(x);
    return r < 0;
}
