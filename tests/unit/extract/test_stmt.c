/*
** test_stmt.c - the statement model's feature rows (src/extract/stmt.c) and
** the verdict built on them (decide() in speakers.c), on sentences written
** for the test. The rows are internal, so the tests read the extractor's
** pairs after kh_extract(); the weights are data and are not pinned here,
** only what any weights must respect.
*/
#include "../test.h"

#include "extract/stmt.h"

#include <math.h>
#include <stdlib.h>

static void free_extractor(void *p)
{
    kh_extractor_free(p);
}

/* Extracts text with a fresh extractor, freed after the test, that fills
** every column (or only those the weights read, unless full); NULL on
** failure. */
static kh_extractor *run_with(kt_ctx *kt_, const char *text, int full)
{
    kh_extractor *x = NULL;
    if (kh_extractor_new(NULL, &x) != KH_OK) {
        FAIL("kh_extractor_new failed");
        return NULL;
    }
    kt_defer(kt_, free_extractor, x);
    x->stmt_full = full;
    const kh_article *d = NULL;
    if (kh_extract(x, (const uint8_t *)text, strlen(text), NULL, &d) != KH_OK) {
        FAIL("kh_extract failed");
        return NULL;
    }
    return x;
}

static kh_extractor *run(kt_ctx *kt_, const char *text)
{
    return run_with(kt_, text, 1);
}

/* The feature row of the pair whose text starts with want, or NULL. */
static const float *row_of(const kh_extractor *x, const char *text, const char *want)
{
    size_t n = strlen(want);
    for (size_t pi = 0; pi < x->npairs; pi++) {
        const kx_pair *p = &x->pairs[pi];
        if (p->text.end - p->text.start >= n && !memcmp(text + p->text.start, want, n))
            return x->stmtx + pi * KX_STMT_NF;
    }
    return NULL;
}

static const kx_pair *pair_of(const kh_extractor *x, const char *text, const char *want)
{
    const float *r = row_of(x, text, want);
    return r ? &x->pairs[(size_t)(r - x->stmtx) / KX_STMT_NF] : NULL;
}

TEST(feature_names_follow_the_columns)
{
    CHECK_EQ_STR(kx_stmt_names[KX_SF_BIAS], "BIAS");
    CHECK_EQ_STR(kx_stmt_names[KX_SF_REPEATED], "REPEATED");
    CHECK_EQ_STR(kx_stmt_names[KX_SF_FAM_GUILLEMET], "FAM_GUILLEMET");
    CHECK_EQ_STR(kx_stmt_names[KX_STMT_NF - 1], "PREV_VERB");
}

static const char T_GENITIVE[] = "عنوان\nوأكد الوزير أن تمويل \"الصندوق\" مضمون هذا العام.\n"
                                 "وقال المدير إن عددهم \"كبير\" جدا.\n";
static const char T_LIST[] =
    "عنوان\nوأوضح المصدر أن الأعوان حجزوا بنادق \"صقر\" و\"نسر\" في المنزل.\n"
    "وقال الوزير \"سنواصل العمل في كل الجهات\" و\"لن نتراجع عن الإصلاحات\".\n";
static const char T_COLON[] = "عنوان\nوقال الوزير: \"نحن مستعدون للحوار مع الجميع\".\n";

/* Columns of the feature row of the pair whose text starts with head, one
** row per behaviour (why); each listed column must hold its value. */
static const struct feature_case {
    const char *why, *text, *head;
    struct {
        int col; /* KX_SF_*; a row's list ends at the first 0 (KX_SF_BIAS is checked apart) */
        float value;
    } want[8];
} FEATURE_CASES[] = {
    {"a definite span after a bare noun is a genitive (تمويل \"الصندوق\")",
     T_GENITIVE,
     "الصندوق",
     {{KX_SF_IDAFA, 1}, {KX_SF_IN_CLAUSE, 1}}},
    {"an indefinite word after a noun with a pronoun suffix is a predicate",
     T_GENITIVE,
     "كبير",
     {{KX_SF_IDAFA, 0}, {KX_SF_PREV_ENC, 1}}},
    {"a detached preposition is no genitive head",
     "عنوان\nونفى الوزير ما وصفه ب\"الدعاية الكاذبة\" حول المشروع.\n",
     "الدعاية",
     {{KX_SF_IDAFA, 0}}},
    {"short spans joined by و are a list", T_LIST, "صقر", {{KX_SF_LIST, 1}}},
    {"short spans joined by و are a list (the second)", T_LIST, "نسر", {{KX_SF_LIST, 1}}},
    {"sentences joined by و are parts of one statement, not items",
     T_LIST,
     "سنواصل",
     {{KX_SF_LIST, 0}}},
    {"a verb before the mark",
     "عنوان\nوقال المحقق إن المتهم قد يكون \"متورطا\" في القضية.\n",
     "متورطا",
     {{KX_SF_PREV_VERB, 1}, {KX_SF_IDAFA, 0}}},
    {"first-person words mark a span that speaks",
     T_COLON,
     "نحن",
     {{KX_SF_FIRST_PERSON, 1},
      {KX_SF_COLON, 1},
      {KX_SF_CUED, 1},
      {KX_SF_W4_7, 1},
      {KX_SF_NEXT_TERM, 1},
      {KX_SF_FAM_ASCII, 1}}},
    {"a name quoted twice is marked repeated",
     "عنوان\nنشرت صحيفة «الأفق» تقريرا عن المدينة.\nوأضافت «الأفق» أن السكان غادروا.\n",
     "الأفق",
     {{KX_SF_REPEATED, 1},
      {KX_SF_W1, 1},
      {KX_SF_ALL_DEFINITE, 1},
      {KX_SF_FAM_GUILLEMET, 1},
      {KX_SF_PREV_NAMEHEAD, 1},
      {KX_SF_NEXT_WORD, 1}}},
    {"the object of a verb of saying after its preposition",
     "عنوان\nوشدد الرئيس على “الوحدة” في كلمته.\n",
     "الوحدة",
     {{KX_SF_CUE_BEFORE, 1},
      {KX_SF_CUE_PREP, 1},
      {KX_SF_CUE_ADJ, 0},
      {KX_SF_PREV_PREP, 1},
      {KX_SF_SENT_SAY, 1},
      {KX_SF_FAM_CURLY, 1}}},
    {"verb-shaped words inside a quote",
     "عنوان\nوقال المدير \"أريد أن يفهم الجميع\".\n",
     "أريد",
     {{KX_SF_VERB_I, 1}, {KX_SF_VERB_HE, 1}, {KX_SF_PARTICLE_IN, 1}, {KX_SF_CUE_ADJ, 1}}},
};

TEST(feature_cases)
{
    for (size_t k = 0; k < sizeof FEATURE_CASES / sizeof FEATURE_CASES[0]; k++) {
        const struct feature_case *c = &FEATURE_CASES[k];
        kh_extractor *x = run(KT, c->text);
        REQUIRE(x);
        const float *r = row_of(x, c->text, c->head);
        if (!r) {
            kt_fail(KT, __FILE__, __LINE__, "%s: no pair starting \"%s\"", c->why, c->head);
            continue;
        }
        if (r[KX_SF_BIAS] != 1) kt_fail(KT, __FILE__, __LINE__, "%s: BIAS is not 1", c->why);
        for (size_t j = 0; j < 8 && c->want[j].col; j++)
            if (r[c->want[j].col] != c->want[j].value)
                kt_fail(KT, __FILE__, __LINE__, "%s: %s = %g, expected %g", c->why,
                        kx_stmt_names[c->want[j].col], r[c->want[j].col], c->want[j].value);
    }
}

TEST(a_headline_quote_without_colon_is_no_candidate)
{
    const char *t = "الوزير يطلق حملة \"بلادي أجمل\"\nوقال الوزير إن الحملة تبدأ غدا.\n";
    kh_extractor *x = run(KT, t);
    REQUIRE(x);
    const float *r = row_of(x, t, "بلادي");
    REQUIRE(r);
    for (size_t k = 0; k < KX_STMT_NF; k++)
        CHECK(r[k] == 0);
    const kx_pair *p = pair_of(x, t, "بلادي");
    REQUIRE(p);
    CHECK(!p->statement);
}

TEST(the_model_never_makes_a_statement_of_what_the_rules_reject)
{
    /* a campaign's name after حملة: the rules call it a name, and the model
    ** may only take statements away */
    const char *t = "عنوان\nوأطلقت الوزارة حملة \"معا نبني\" في المدارس.\n";
    kh_extractor *x = run(KT, t);
    REQUIRE(x);
    const float *r = row_of(x, t, "معا");
    REQUIRE(r);
    CHECK(r[KX_SF_RULE_STMT] == 0);
    const kx_pair *p = pair_of(x, t, "معا");
    REQUIRE(p);
    CHECK(!p->statement);
}

TEST(a_paragraph_opening_quote_keeps_the_rules_verdict)
{
    const char *t = "عنوان\n\"سنعود إلى الملعب قريبا\"، قال المدرب.\n";
    kh_extractor *x = run(KT, t);
    REQUIRE(x);
    const float *r = row_of(x, t, "سنعود");
    REQUIRE(r);
    CHECK(r[KX_SF_LINE_START] == 1);
    CHECK(r[KX_SF_PREV_NONE] == 1);
    CHECK(r[KX_SF_CUE_AFTER] == 1);
    CHECK(r[KX_SF_RULE_STMT] == 1);
    const kx_pair *p = pair_of(x, t, "سنعود");
    REQUIRE(p);
    CHECK(p->statement);
}

TEST(stmt_score_is_a_probability_for_any_row)
{
    float row[KX_STMT_NF];
    for (size_t k = 0; k < KX_STMT_NF; k++)
        row[k] = 0;
    float p = kx_stmt_prob(row);
    CHECK(p >= 0 && p <= 1 && !isnan(p));
    for (size_t k = 0; k < KX_STMT_NF; k++)
        row[k] = 3;
    p = kx_stmt_prob(row);
    CHECK(p >= 0 && p <= 1 && !isnan(p));
}

TEST(weights_that_read_only_the_rules_skip_the_other_columns)
{
    const char *t = T_COLON;
    kh_extractor *x = run_with(KT, t, 0);
    REQUIRE(x);
    const float *r = row_of(x, t, "نحن");
    REQUIRE(r);
    CHECK(r[KX_SF_BIAS] == 1);
    CHECK(r[KX_SF_RULE_STMT] == 1);
    /* the other columns are filled exactly when the weights read them */
    CHECK((r[KX_SF_FIRST_PERSON] == 1) == !kx_stmt_rules_only());
    CHECK((r[KX_SF_COLON] == 1) == !kx_stmt_rules_only());
}
