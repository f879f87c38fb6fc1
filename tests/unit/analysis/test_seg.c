/*
** test_seg.c - the grammar of clitic candidates (analysis/seg.c).
**
** What the grammar allows, whatever the lexicon later prefers: the article
** and a pronoun never share a word, future s only before an imperfect
** prefix, a stem keeps two letters, closed-class words are fixed.
*/
#include "../test.h"

#include "analysis/seg.h"
#include "text/norm.h"

#include <string.h>

/* Candidates of a UTF-8 word. Returns their count. */
static int cands_of(const char *w, kh_cand *out, uint32_t *lex, size_t *n)
{
    kh_letter L[256];
    *n = kh_norm_letters((const uint8_t *)w, strlen(w), L);
    for (size_t i = 0; i < *n; i++)
        lex[i] = L[i].lex;
    return kh_seg_candidates(lex, *n, out);
}

static int has(const kh_cand *c, int nc, int np, int ne)
{
    for (int i = 0; i < nc; i++)
        if (c[i].np == np && c[i].ne == ne) return 1;
    return 0;
}

TEST(article_and_pronoun_never_together)
{
    kh_cand c[KH_SEG_MAXCAND];
    uint32_t lex[64];
    size_t n;
    int nc = cands_of("الكتابه", c, lex, &n);
    for (int i = 0; i < nc; i++)
        if (KH_CHAIN_DET(c[i].chain) && c[i].ne)
            FAIL("candidate %d has both the article and an enclitic", i);
}

TEST(future_seen_only_before_an_imperfect_prefix)
{
    kh_cand c[KH_SEG_MAXCAND];
    uint32_t lex[64];
    size_t n;
    int nc = cands_of("سيقول", c, lex, &n);
    CHECK(has(c, nc, 1, 0)); /* s + yaqul */
    nc = cands_of("سكان", c, lex, &n);
    CHECK(!has(c, nc, 1, 0)); /* kaf is no imperfect prefix */
}

TEST(stems_keep_two_letters)
{
    kh_cand c[KH_SEG_MAXCAND];
    uint32_t lex[64];
    size_t n;
    int nc = cands_of("وله", c, lex, &n);
    for (int i = 0; i < nc; i++)
        if (!c[i].forced && n - c[i].np - c[i].ne < 2)
            FAIL("candidate %d leaves a %zu-letter stem", i, n - c[i].np - c[i].ne);
}

TEST(fused_function_words_have_one_candidate)
{
    kh_cand c[KH_SEG_MAXCAND];
    uint32_t lex[64];
    size_t n;
    CHECK(cands_of("كما", c, lex, &n) == 1);
    CHECK(cands_of("لقد", c, lex, &n) == 1);
}

TEST(particles_with_pronouns_are_forced)
{
    kh_cand c[KH_SEG_MAXCAND];
    uint32_t lex[64];
    size_t n;
    int nc = cands_of("فيها", c, lex, &n), forced = 0;
    for (int i = 0; i < nc; i++)
        forced += c[i].forced && c[i].ne == 2;
    CHECK(forced == 1);
}

TEST(teh_marbuta_restored_before_a_pronoun)
{
    kh_cand c[KH_SEG_MAXCAND];
    uint32_t lex[64];
    size_t n;
    uint8_t key[64];
    int nc = cands_of("حكومتها", c, lex, &n), found = 0;
    for (int i = 0; i < nc; i++)
        if (c[i].restore & KH_RESTORE_TM) {
            size_t l = kh_seg_stem_key(lex, n, &c[i], key);
            found = l == strlen("حكومة") && memcmp(key, "حكومة", l) == 0;
        }
    CHECK(found);
}
