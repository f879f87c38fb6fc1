/*
** attrib.c - the learned speaker chooser: features of a candidate speaker
** and a linear score over them.
**
** speakers.c lists, for every statement's verb, who might have said it (the
** rules' choice first, then recent speakers, the noun phrase before the
** verb, nearby subjects and titled names) with plain facts about each:
** where it came from, how far it is, whether its gender agrees with the
** verb, what kind of phrase it is. This module turns the facts into a
** fixed-length feature vector and scores it with weights trained on the
** hand gold of the quotation set (models/attrib.c, rebuilt by
** tools/train-attrib.sh, cross-validated by eval/attrib_cv.py). The highest
** score wins; the rules' choice wins ties, so all-zero weights but the
** rules' feature give the rules' speakers unchanged.
**
** Guarantees: pure functions of their arguments; no allocation.
** Does not: find candidates or resolve names (speakers.c).
*/
#include "extract/extract.h"

#include <math.h>

/* The shipped model (models/attrib.c): one weight per feature below, and
** whether the chooser is used at all. */
extern const float kx_attrib_weights[KX_AF_N];
extern const int kx_attrib_enabled;

/* Feature indexes. The list is the contract with tools/train-attrib.py,
** which names them in the same order: append, never reorder. */
enum {
    AF_RULE_EXPLICIT,  /* the rules' choice, read as the verb's own subject */
    AF_RULE_DROPPED,   /* the rules' choice for a verb with no subject */
    AF_RULE_CARRIED,   /* the rules' choice, carried from earlier text */
    AF_RULE_NONE,      /* the rules name nobody */
    AF_HIST0,          /* the last speaker */
    AF_HIST1,          /* the one before */
    AF_HIST2,          /* further back */
    AF_CARRY,          /* the recent speaker the rules' gender test carries */
    AF_LEFT,           /* the noun phrase right before the verb */
    AF_SUBJECT,        /* the subject of another verb nearby */
    AF_TITLED,         /* a titled name nearby */
    AF_HIST_DROPPED,   /* a recent speaker, for a verb with no subject */
    AF_LEFT_DROPPED,   /* the phrase before, for a verb with no subject */
    AF_SUBJ_DROPPED,   /* another verb's subject, for a verb with no subject */
    AF_TITLED_DROPPED, /* a titled name, for a verb with no subject */
    AF_AGREE,          /* gender known and agreeing */
    AF_CLASH,          /* gender known and differing */
    AF_PERSON,         /* a bare name word */
    AF_ORG,            /* a body */
    AF_DOCUMENT,       /* a document */
    AF_DEFINITE,       /* a description with ال */
    AF_LONGER,         /* a longer form of the rules' choice */
    AF_AFTER,          /* mentioned after the verb */
    AF_SPEECH,         /* another speaker's verb intervenes */
    AF_SUBHEAD,        /* a subheading intervenes */
    AF_SENT0,          /* in the verb's sentence */
    AF_SENT1,          /* in the sentence before */
    AF_SENT2,          /* further back */
    AF_PARA,           /* in another paragraph */
    AF_TOKDIST,        /* log(1 + tokens between) / 4 */
    AF_NAMED,          /* log(1 + times named as a subject before) */
    AF_PLURAL_PERSON   /* a person's name for a dual or plural verb */
};

_Static_assert(AF_PLURAL_PERSON + 1 == KX_AF_N, "feature count");

void kx_attrib_features(const kx_cand *c, float *f)
{
    for (int k = 0; k < KX_AF_N; k++)
        f[k] = 0.0f;
    int dropped = (c->facts & KX_CF_DROPPED) != 0;
    if (c->src & KX_CS_RULE) {
        if (c->last <= c->first && c->name < 0) {
            f[AF_RULE_NONE] = 1.0f;
            return; /* nobody: no other fact applies */
        }
        f[(c->facts & KX_CF_CARRIED) ? AF_RULE_CARRIED
          : dropped                  ? AF_RULE_DROPPED
                                     : AF_RULE_EXPLICIT] = 1.0f;
    }
    if (c->src & KX_CS_HISTORY) {
        f[c->hist_rank == 0 ? AF_HIST0 : c->hist_rank == 1 ? AF_HIST1 : AF_HIST2] = 1.0f;
        f[AF_HIST_DROPPED] = (float)dropped;
    }
    if (c->src & KX_CS_CARRY) f[AF_CARRY] = 1.0f;
    if (c->src & KX_CS_LEFT) f[AF_LEFT] = 1.0f, f[AF_LEFT_DROPPED] = (float)dropped;
    if (c->src & KX_CS_SUBJECT) f[AF_SUBJECT] = 1.0f, f[AF_SUBJ_DROPPED] = (float)dropped;
    if (c->src & KX_CS_TITLED) f[AF_TITLED] = 1.0f, f[AF_TITLED_DROPPED] = (float)dropped;
    f[AF_AGREE] = (float)((c->facts & KX_CF_AGREE) != 0);
    f[AF_CLASH] = (float)((c->facts & KX_CF_CLASH) != 0);
    f[AF_PERSON] = (float)((c->facts & KX_CF_PERSON) != 0);
    f[AF_ORG] = (float)((c->facts & KX_CF_ORG) != 0);
    f[AF_DOCUMENT] = (float)((c->facts & KX_CF_DOCUMENT) != 0);
    f[AF_DEFINITE] = (float)((c->facts & KX_CF_DEFINITE) != 0);
    f[AF_LONGER] = (float)((c->facts & KX_CF_LONGER) != 0);
    f[AF_AFTER] = (float)((c->facts & KX_CF_AFTER) != 0);
    f[AF_SPEECH] = (float)((c->facts & KX_CF_SPEECH) != 0);
    f[AF_SUBHEAD] = (float)((c->facts & KX_CF_SUBHEAD) != 0);
    f[c->sent_dist == 0 ? AF_SENT0 : c->sent_dist == 1 ? AF_SENT1 : AF_SENT2] = 1.0f;
    f[AF_PARA] = (float)(c->para_dist > 0);
    f[AF_TOKDIST] = logf(1.0f + (float)c->tok_dist) / 4.0f;
    f[AF_NAMED] = logf(1.0f + (float)c->named);
    f[AF_PLURAL_PERSON] = (float)((c->facts & KX_CF_PLURAL) && (c->facts & KX_CF_PERSON));
}

int kx_attrib_on(void)
{
    return kx_attrib_enabled;
}

size_t kx_attrib_choose(kx_cand *cands, size_t n)
{
    size_t best = 0;
    for (size_t k = 0; k < n; k++) {
        float f[KX_AF_N], s = 0.0f;
        kx_attrib_features(&cands[k], f);
        for (int j = 0; j < KX_AF_N; j++)
            s += f[j] * kx_attrib_weights[j];
        cands[k].score = s;
        if (s > cands[best].score) best = k;
    }
    return best;
}
