/*
** test_attrib.c - the learned speaker chooser: the candidates speakers.c
** lists for a statement, the facts it records about them, and the features
** and choice of attrib.c. Texts are written for the test.
*/
#include "../test.h"

#include "extract/extract.h"

#include <stdlib.h>

static void free_extractor(void *p)
{
    kh_extractor_free(p);
}

/* Extracts text listing every statement's candidates; NULL on failure. */
static kh_extractor *listed(kt_ctx *kt_, const char *text)
{
    kh_extractor *x = NULL;
    if (kh_extractor_new(NULL, &x) != KH_OK) {
        FAIL("kh_extractor_new failed");
        return NULL;
    }
    kt_defer(kt_, free_extractor, x);
    x->want_cands = 1;
    const kh_article *d = NULL;
    kh_extract_opts o = {KH_XF_NO_TITLE, 0, 0, 0};
    if (kh_extract(x, (const uint8_t *)text, strlen(text), &o, &d) != KH_OK) {
        FAIL("kh_extract failed");
        return NULL;
    }
    return x;
}

/* The candidate of cue c whose name's tokens read want, or NULL. */
static const kx_cand *cand(const kh_extractor *x, const kx_cue *c, const char *text,
                           const char *want)
{
    size_t n = strlen(want);
    for (uint32_t k = 0; k < c->ncand; k++) {
        const kx_cand *d = &x->cands[c->cand_first + k];
        if (d->last <= d->first) continue;
        uint32_t s = x->A->tokens[d->first].start, e = x->A->tokens[d->last - 1].end;
        if (e - s == n && !memcmp(text + s, want, n)) return d;
    }
    return NULL;
}

/* The last cue that introduces a statement. */
static const kx_cue *last_statement(const kh_extractor *x)
{
    for (size_t k = x->ncues; k-- > 0;)
        if (x->cues[k].active) return &x->cues[k];
    return NULL;
}

static const char THREE[] = "قال الوزير أحمد سالم إن الوضع مستقر. "
                            "وأكدت الوزيرة ليلى حسن أن الحوار مستمر. "
                            "وأضاف أن المحادثات ستستأنف.";

/* THREE listed: its last statement (a dropped subject) and the candidates
** أحمد سالم and ليلى حسن. */
typedef struct three {
    kh_extractor *x;
    const kx_cue *c;
    const kx_cand *ahmad, *layla;
} three;

/* 1 when every part of t is found; 0 with a failure noted. */
static int listed_three(kt_ctx *kt_, three *t)
{
    memset(t, 0, sizeof *t);
    if (!(t->x = listed(kt_, THREE))) return 0;
    if (!(t->c = last_statement(t->x))) {
        FAIL("THREE has no statement");
        return 0;
    }
    t->ahmad = cand(t->x, t->c, THREE, "أحمد سالم");
    t->layla = cand(t->x, t->c, THREE, "ليلى حسن");
    if (!t->ahmad || !t->layla) FAIL("THREE lacks a candidate");
    return t->ahmad && t->layla;
}

TEST(dropped_subject_lists_the_recent_speakers)
{
    three t;
    REQUIRE(listed_three(KT, &t));
    const kx_cue *c = t.c;
    const kx_cand *ahmad = t.ahmad, *layla = t.layla;
    REQUIRE(c->ncand >= 2);
    CHECK(t.x->cands[c->cand_first].src & KX_CS_RULE);
    CHECK(ahmad->src & KX_CS_HISTORY);
    CHECK(layla->src & KX_CS_HISTORY);
    CHECK_EQ_INT(layla->hist_rank, 0);
    CHECK_EQ_INT(ahmad->hist_rank, 1);
    CHECK(ahmad->facts & KX_CF_DROPPED);
}

TEST(masculine_verb_carries_the_masculine_speaker_and_notes_the_clash)
{
    three t;
    REQUIRE(listed_three(KT, &t));
    const kx_cue *c = t.c;
    const kx_cand *ahmad = t.ahmad, *layla = t.layla;
    CHECK(ahmad->src & KX_CS_CARRY);
    CHECK(ahmad->facts & KX_CF_AGREE);
    CHECK(layla->facts & KX_CF_CLASH);
    CHECK(!(layla->src & KX_CS_CARRY));
    CHECK_EQ_INT(c->rule_speaker, c->speaker); /* listing never changes the speaker */
}

TEST(distances_count_sentences_back_to_the_mention)
{
    three t;
    REQUIRE(listed_three(KT, &t));
    const kx_cand *ahmad = t.ahmad, *layla = t.layla;
    CHECK(layla->sent_dist >= 1);
    CHECK(ahmad->sent_dist > layla->sent_dist);
    CHECK(ahmad->tok_dist > layla->tok_dist);
    CHECK(!(ahmad->facts & KX_CF_AFTER));
}

TEST(explicit_subject_is_the_rules_candidate_after_the_verb)
{
    kh_extractor *x = listed(KT, THREE);
    REQUIRE(x != NULL);
    const kx_cue *c = &x->cues[0];
    REQUIRE(c->active && c->ncand >= 1);
    const kx_cand *r = &x->cands[c->cand_first];
    CHECK(r->src & KX_CS_RULE);
    CHECK(r->facts & KX_CF_AFTER);
    CHECK(!(r->facts & KX_CF_DROPPED));
    CHECK(cand(x, c, THREE, "أحمد سالم") == r);
}

TEST(statement_with_nobody_to_name_offers_the_empty_rules_choice)
{
    static const char T[] = "وأضاف أن المحادثات ستستأنف.";
    kh_extractor *x = listed(KT, T);
    REQUIRE(x != NULL);
    const kx_cue *c = last_statement(x);
    REQUIRE(c != NULL);
    REQUIRE(c->ncand >= 1);
    const kx_cand *r = &x->cands[c->cand_first];
    CHECK(r->src & KX_CS_RULE);
    CHECK_EQ_INT(r->name, -1);
    float f[KX_AF_N];
    kx_attrib_features(r, f);
    int set = 0;
    for (int k = 0; k < KX_AF_N; k++)
        set += f[k] != 0.0f;
    CHECK_EQ_INT(set, 1); /* only "the rules name nobody" */
}

TEST(features_follow_the_facts_alone)
{
    kx_cand a;
    memset(&a, 0, sizeof a);
    a.name = 3;
    a.first = 10, a.last = 12;
    a.src = KX_CS_HISTORY;
    a.hist_rank = 1;
    a.facts = KX_CF_DROPPED | KX_CF_AGREE | KX_CF_PERSON;
    a.tok_dist = 20;
    a.sent_dist = 1;
    kx_cand b = a;
    b.name = 7; /* another name with the same facts */
    b.first = 40, b.last = 42;
    float fa[KX_AF_N], fb[KX_AF_N];
    kx_attrib_features(&a, fa);
    kx_attrib_features(&b, fb);
    CHECK(!memcmp(fa, fb, sizeof fa));
    b.facts = KX_CF_DROPPED | KX_CF_CLASH | KX_CF_PERSON;
    kx_attrib_features(&b, fb);
    CHECK(memcmp(fa, fb, sizeof fa) != 0);
}

TEST(rules_choice_wins_a_tie)
{
    kx_cand c[3];
    memset(c, 0, sizeof c);
    for (int k = 0; k < 3; k++) {
        c[k].name = k;
        c[k].first = (uint32_t)k * 4, c[k].last = (uint32_t)k * 4 + 2;
        c[k].src = KX_CS_SUBJECT;
        c[k].hist_rank = UINT32_MAX;
    }
    CHECK_EQ_INT(kx_attrib_choose(c, 3), 0);
    CHECK(c[0].score == c[1].score && c[1].score == c[2].score);
}

/* The speakers of text's statements, with and without the candidates listed. */
static int same_speakers(kt_ctx *kt_, const char *text)
{
    kh_extractor *x[2] = {NULL, NULL};
    const kh_article *d[2];
    kh_extract_opts o = {KH_XF_NO_TITLE, 0, 0, 0};
    for (int k = 0; k < 2; k++) {
        if (kh_extractor_new(NULL, &x[k]) != KH_OK) {
            FAIL("kh_extractor_new failed");
            return 0;
        }
        kt_defer(kt_, free_extractor, x[k]);
        x[k]->want_cands = k;
        if (kh_extract(x[k], (const uint8_t *)text, strlen(text), &o, &d[k]) != KH_OK) {
            FAIL("kh_extract failed");
            return 0;
        }
    }
    if (d[0]->nquotes != d[1]->nquotes) return 0;
    for (size_t i = 0; i < d[0]->nquotes; i++)
        if (memcmp(&d[0]->quotes[i].speaker, &d[1]->quotes[i].speaker, sizeof(kh_span))) return 0;
    return d[0]->nquotes > 0;
}

TEST(listing_candidates_changes_no_speaker)
{
    /* quoted names inside titled phrases, which listing reads as subjects */
    CHECK(same_speakers(KT, "قال رئيس منظمة \"أطباء بلا حدود\" خالد عمر إن الوضع صعب. "
                            "وأضاف مدير \"مركز الدراسات\" سامي نور أن الأرقام ترتفع. "
                            "وتابع: \"لا نملك دواء\". "
                            "وقالت المتحدثة باسم \"الهلال الأحمر\" إن الفرق وصلت."));
    CHECK(same_speakers(KT, THREE));
}

TEST(titled_candidate_holds_a_name_of_its_own)
{
    static const char T[] = "التقى وزير الخارجية ماهر زيد بالصحفيين، والتقى المدير العام "
                            "بالموظفين. وأضاف أن المحادثات ستستأنف.";
    kh_extractor *x = listed(KT, T);
    REQUIRE(x != NULL);
    const kx_cue *c = last_statement(x);
    REQUIRE(c != NULL);
    const kx_cand *m = cand(x, c, T, "ماهر زيد");
    REQUIRE(m != NULL);
    CHECK(m->src & KX_CS_TITLED);
    for (uint32_t k = 0; k < c->ncand; k++) {
        const kx_cand *d = &x->cands[c->cand_first + k];
        CHECK(!(d->src & KX_CS_TITLED) || d == m); /* المدير العام names nobody */
    }
}
