/*
** test_names.c - name keys, the alias table, and mentions merged into one
** entity per document.
*/
#include "ner_fixture.h"

#include <stdlib.h>
#include <string.h>

static void key_of(const char *name, char *out, size_t cap)
{
    size_t n;
    if (kh_name_key((const uint8_t *)name, strlen(name), out, cap, &n) != KH_OK)
        strcpy(out, "(error)");
}

static void check_key_pair(kt_ctx *kt_, int line, const char *a, const char *b, int same)
{
    char ka[256], kb[256];
    key_of(a, ka, sizeof ka);
    key_of(b, kb, sizeof kb);
    if ((strcmp(ka, kb) == 0) != same)
        kt_fail(kt_, __FILE__, line, "%s [%s] and %s [%s] should %s", a, ka, b, kb,
                same ? "share a key" : "have different keys");
}

#define SAME(a, b) check_key_pair(KT, __LINE__, (a), (b), 1)
#define DIFF(a, b) check_key_pair(KT, __LINE__, (a), (b), 0)

TEST(name_key_merges_spelling_variants)
{
    SAME("بوتين", "بوتن");      /* long vowel written or not */
    SAME("وانغ يي", "وانج يي"); /* g as غ / ج */
    SAME("شي جين بينغ", "شي جين بينج");
    SAME("هونغ كونغ", "هونج كونج");
    SAME("أمريكي", "أميركي"); /* the nisba's two spellings */
    SAME("زابوريجيا", "زابوروجيا");
    SAME("إسرائيل", "اسرائيل");  /* hamza on alef */
    SAME("سوريا", "سورية");      /* final ة */
    SAME("عبد الله", "عبدالله"); /* word division */
    SAME("أبو ظبي", "أبوظبي");
    SAME("فلاديمير", "ڤلاديمير"); /* v as ف / ڤ */
    SAME("الأمم المتحدة", "الامم المتحدة");
    SAME("مستشفى", "مستشفي"); /* ى / ي */
}

TEST(name_key_keeps_different_names_apart)
{
    DIFF("جمال", "كمال"); /* native names: no g folding */
    DIFF("قاسم", "جاسم");
    DIFF("غرب", "جرب");
    DIFF("بوتين", "بايدن");
    DIFF("موسكو", "مسقط");
    DIFF("لافروف", "لافرنتي");
    DIFF("روسيا", "تونس");
}

TEST(name_key_reports_a_small_buffer)
{
    char out[4];
    size_t n;
    CHECK_EQ_INT(kh_name_key((const uint8_t *)"لافروف", strlen("لافروف"), out, sizeof out, &n),
                 KH_ELIMIT);
    char big[64];
    CHECK_EQ_INT(kh_name_key((const uint8_t *)"", 0, big, sizeof big, &n), KH_OK);
    CHECK_EQ_INT(n, 0);
}

TEST(alias_table_finds_canonical_names)
{
    uint32_t type = 0;
    const char *c = kh_alias_find((const uint8_t *)"الناتو", strlen("الناتو"), &type);
    CHECK_EQ_STR(c, "حلف شمال الأطلسي");
    CHECK_EQ_INT(type, KH_ENT_ORG);
    c = kh_alias_find((const uint8_t *)"حلف شمال الاطلسي", strlen("حلف شمال الاطلسي"), &type);
    CHECK_EQ_STR(c, "حلف شمال الأطلسي"); /* a spelling variant of the canonical */
    c = kh_alias_find((const uint8_t *)"داعش", strlen("داعش"), &type);
    CHECK_EQ_STR(c, "تنظيم الدولة الإسلامية");
    c = kh_alias_find((const uint8_t *)"أميركا", strlen("أميركا"), &type);
    CHECK_EQ_STR(c, "الولايات المتحدة");
    CHECK_EQ_INT(type, KH_ENT_LOC);
    c = kh_alias_find((const uint8_t *)"مجلس الامن", strlen("مجلس الامن"), NULL);
    CHECK_EQ_STR(c, "مجلس الأمن الدولي");
    CHECK(kh_alias_find((const uint8_t *)"لافروف", strlen("لافروف"), &type) == NULL);
    CHECK(kh_alias_find((const uint8_t *)"", 0, &type) == NULL);
    c = kh_alias_find((const uint8_t *)"سورية", strlen("سورية"), NULL);
    CHECK_EQ_STR(c, "سوريا"); /* a final ة for a final ا */
}

/* Names that share a key with an alias but are other names: the key drops
** weak letters and a final ة, and these differ in more than one of them. */
TEST(alias_table_keeps_names_of_one_key_apart)
{
    static const char *const OTHERS[] = {
        "ألمانيا", /* key of اليمن */
        "النصر",   /* of النصرة (هيئة تحرير الشام): a club, or victory */
        "سيناء",   /* of سانا */
        "الجزائر", /* of الجزيرة */
    };
    for (size_t i = 0; i < sizeof OTHERS / sizeof OTHERS[0]; i++) {
        const char *c = kh_alias_find((const uint8_t *)OTHERS[i], strlen(OTHERS[i]), NULL);
        if (c) FAIL("%s found as %s", OTHERS[i], c);
    }
    const char *c = kh_alias_find((const uint8_t *)"النصرة", strlen("النصرة"), NULL);
    CHECK_EQ_STR(c, "هيئة تحرير الشام");
}

static void free_buf(void *p)
{
    free(p);
}

/* Tags text with a model trained on the fixture. */
static const kh_ner_result *tag_text(kt_ctx *kt_, const char *text, kh_analyzer **pa)
{
    size_t len;
    uint8_t *img = kn_train(KT, NULL, &len);
    if (!img) return NULL;
    kt_defer(KT, free_buf, img);
    kh_ner *n = kn_open(KT, img, len);
    const kh_analysis *an;
    const kh_ner_result *r;
    if (!n || kh_analyzer_new(NULL, pa) != KH_OK ||
        kh_analyze(*pa, (const uint8_t *)text, strlen(text), &an) != KH_OK ||
        kh_ner_tag(n, (const uint8_t *)text, strlen(text), an, NULL, 0, &r) != KH_OK) {
        FAIL("tagging failed");
        return NULL;
    }
    return r;
}

/* The entity whose span ends at byte end, or NULL. */
static const kh_entity *ending_at(const kh_ner_result *r, uint32_t end)
{
    for (size_t i = 0; i < r->nentities; i++)
        if (r->entities[i].end == end) return &r->entities[i];
    return NULL;
}

/* The entity whose text (input bytes) is s, or NULL. */
static const kh_entity *find(const kh_ner_result *r, const char *text, const char *s)
{
    for (size_t i = 0; i < r->nentities; i++) {
        const kh_entity *e = &r->entities[i];
        if (e->end - e->start == strlen(s) && !memcmp(text + e->start, s, strlen(s))) return e;
    }
    return NULL;
}

TEST(mentions_of_one_person_share_the_fullest_name)
{
    const char *text = "قال سيرغي لافروف في موسكو .\nوصل لافروف إلى بكين أمس .\n"
                       "التقى وانغ يي مع بوتين في بكين .\nقال وانغ إن الصين تدعم الحوار .";
    kh_analyzer *a = NULL;
    const kh_ner_result *r = tag_text(KT, text, &a);
    REQUIRE(r != NULL);
    const kh_entity *full = find(r, text, "سيرغي لافروف");
    const kh_entity *wang_full = find(r, text, "وانغ يي");
    REQUIRE(full && wang_full);
    const kh_entity *sur = NULL, *wang = NULL;
    for (size_t i = 0; i < r->nentities; i++) {
        const kh_entity *e = &r->entities[i];
        if (e != full && e->end - e->start == strlen("لافروف") &&
            !memcmp(text + e->start, "لافروف", strlen("لافروف")))
            sur = e;
        if (e != wang_full && e->end - e->start == strlen("وانغ") &&
            !memcmp(text + e->start, "وانغ", strlen("وانغ")))
            wang = e;
    }
    REQUIRE(sur && wang);
    CHECK_EQ_INT(sur->id, full->id);
    CHECK_EQ_STR(sur->canonical, "سيرغي لافروف");
    CHECK_EQ_INT(wang->id, wang_full->id);
    CHECK_EQ_STR(wang->canonical, "وانغ يي");
    CHECK(full->id != wang_full->id);
    const kh_entity *b1 = find(r, text, "بكين");
    REQUIRE(b1 != NULL);
    CHECK_EQ_INT(r->names[b1->id].nmentions, 2); /* بكين twice, one entity */
    CHECK_EQ_INT(r->names[full->id].type, KH_ENT_PER);
    kh_analyzer_free(a);
}

TEST(a_hashtag_mention_is_the_name_without_its_signs)
{
    /* #لافروف is لافروف; the span starts after the #, and #سيرغي_لافروف
    ** displays its words with spaces */
    const char *text = "قال سيرغي لافروف في موسكو .\nقال #لافروف إن الحوار مستمر .\n"
                       "وصل #سيرغي_لافروف إلى بكين أمس .";
    kh_analyzer *a = NULL;
    const kh_ner_result *r = tag_text(KT, text, &a);
    REQUIRE(r != NULL);
    const kh_entity *full = find(r, text, "سيرغي لافروف");
    const kh_entity *tag1 = ending_at(r, (uint32_t)(strstr(text, " إن") - text));
    const kh_entity *tag2 = ending_at(r, (uint32_t)(strstr(text, " إلى بكين") - text));
    REQUIRE(full && tag1 && tag2);
    CHECK_EQ_INT(tag1->start, (uint32_t)(strstr(text, "#لافروف") - text) + 1);
    CHECK_EQ_INT(tag1->id, full->id);
    CHECK_EQ_INT(tag2->start, (uint32_t)(strstr(text, "#سيرغي") - text) + 1);
    CHECK_EQ_INT(tag2->id, full->id);
    CHECK_EQ_STR(tag1->canonical, "سيرغي لافروف");
    kh_analyzer_free(a);
}

TEST(two_people_with_one_surname_are_not_merged)
{
    /* بوتين alone could be either: no link is better than a wrong one */
    const char *text = "التقى سيرغي لافروف مع بوتين .\nالتقى جو لافروف مع بوتين .\nقال لافروف .";
    kh_analyzer *a = NULL;
    const kh_ner_result *r = tag_text(KT, text, &a);
    REQUIRE(r != NULL);
    const kh_entity *f1 = find(r, text, "سيرغي لافروف");
    const kh_entity *f2 = find(r, text, "جو لافروف");
    if (f1 && f2) { /* the tiny model may not find جو لافروف; then nothing to test */
        for (size_t i = 0; i < r->nentities; i++) {
            const kh_entity *e = &r->entities[i];
            if (e->end - e->start == strlen("لافروف") &&
                !memcmp(text + e->start, "لافروف", strlen("لافروف"))) {
                CHECK(e->id != f1->id);
                CHECK(e->id != f2->id);
            }
        }
    }
    kh_analyzer_free(a);
}

TEST(aliases_merge_organizations)
{
    const char *text = "أعلن حلف الناتو أمس أنه سيجتمع .";
    kh_analyzer *a = NULL;
    const kh_ner_result *r = tag_text(KT, text, &a);
    REQUIRE(r != NULL);
    const kh_entity *e = find(r, text, "حلف الناتو");
    REQUIRE(e != NULL);
    CHECK_EQ_INT(e->type, KH_ENT_ORG);
    CHECK_EQ_STR(e->canonical, "حلف شمال الأطلسي");
    CHECK_EQ_INT(r->names[e->id].key_len, strlen(r->names[e->id].key));
    kh_analyzer_free(a);
}

TEST(attached_proclitic_is_left_out_of_the_span)
{
    const char *text = "زار بوتين موسكو وبكين .\nوصل لافروف إلى بكين أمس .";
    kh_analyzer *a = NULL;
    const kh_ner_result *r = tag_text(KT, text, &a);
    REQUIRE(r != NULL);
    const char *wb = strstr(text, "وبكين");
    REQUIRE(wb != NULL);
    const kh_entity *e = NULL;
    for (size_t i = 0; i < r->nentities; i++)
        if (r->entities[i].end == (uint32_t)(wb - text) + strlen("وبكين")) e = &r->entities[i];
    REQUIRE(e != NULL);
    CHECK_EQ_INT(e->start, (uint32_t)(wb - text) + strlen("و"));
    CHECK_EQ_STR(e->canonical, "بكين");
    const char *b2 = strstr(text, "إلى بكين"); /* the other mention */
    REQUIRE(b2 != NULL);
    uint32_t at = (uint32_t)(b2 - text) + strlen("إلى ");
    const kh_entity *other = NULL;
    for (size_t i = 0; i < r->nentities; i++)
        if (r->entities[i].start == at) other = &r->entities[i];
    REQUIRE(other != NULL);
    CHECK_EQ_INT(other->id, e->id);
    kh_analyzer_free(a);
}

TEST(a_name_the_analyzer_splits_keeps_its_first_letter_where_the_text_says_so)
{
    /* بلاتيني is segmented ب + لاتيني; written whole twice and لاتيني never
    ** alone, the ب is the name's; لرونالدو beside رونالدو is a preposition */
    const char *text = "وصل ميشال بلاتيني إلى بكين .\nالتقى بلاتيني مع بوتين .";
    kh_analyzer *a = NULL;
    const kh_ner_result *r = tag_text(KT, text, &a);
    REQUIRE(r != NULL);
    const char *second = strstr(text, "التقى بلاتيني") + strlen("التقى ");
    const kh_entity *e = ending_at(r, (uint32_t)(second - text) + strlen("بلاتيني"));
    REQUIRE(e != NULL);
    CHECK_EQ_INT(e->start, (uint32_t)(second - text));
    CHECK_EQ_STR(e->canonical, "ميشال بلاتيني");
    kh_analyzer_free(a);
}

TEST(a_name_the_analyzer_reads_as_future_verb_keeps_its_first_letter)
{
    /* سيرجي is segmented س + يرجي (will postpone); inside a name the س is
    ** the name's own letter, never a proclitic to leave out. */
    const char *text = "قال سيرجي لافروف في موسكو .";
    kh_analyzer *a = NULL;
    const kh_ner_result *r = tag_text(KT, text, &a);
    REQUIRE(r != NULL);
    const kh_entity *e = NULL;
    for (size_t i = 0; i < r->nentities; i++)
        if (r->entities[i].end == (uint32_t)(strstr(text, " في") - text)) e = &r->entities[i];
    REQUIRE(e != NULL);
    CHECK_EQ_INT(e->start, (uint32_t)(strstr(text, "سيرجي") - text));
    CHECK_EQ_STR(e->canonical, "سيرجي لافروف");
    kh_analyzer_free(a);
}

static const kh_ner_result *tag_flags(kt_ctx *kt_, const char *text, uint32_t flags,
                                      kh_analyzer **pa)
{
    size_t len;
    uint8_t *img = kn_train(KT, NULL, &len);
    if (!img) return NULL;
    kt_defer(KT, free_buf, img);
    kh_ner_opts o = {NULL, img, len, NULL, NULL, flags};
    kh_error err;
    kh_ner *n = NULL;
    const kh_analysis *an;
    const kh_ner_result *r;
    if (kh_ner_new(&o, &n, &err) != KH_OK) return NULL;
    kt_defer(KT, (void (*)(void *))kh_ner_free, n);
    if (kh_analyzer_new(NULL, pa) != KH_OK ||
        kh_analyze(*pa, (const uint8_t *)text, strlen(text), &an) != KH_OK ||
        kh_ner_tag(n, (const uint8_t *)text, strlen(text), an, NULL, 0, &r) != KH_OK)
        return NULL;
    return r;
}

TEST(alias_table_names_written_in_full_are_tagged_whole)
{
    const char *text = "أكد مسؤول في منظمة الأمن والتعاون في أوروبا أن الاجتماع انتهى .\n"
                       "وقال لا ينبغي لحلف شمال الأطلسي أن يتوسع .\n"
                       "وقال رئيس الاتحاد إن الموسم انتهى .";
    kh_analyzer *a = NULL;
    const kh_ner_result *r = tag_flags(KT, text, 0, &a);
    REQUIRE(r != NULL);
    const char *osce = strstr(text, "منظمة الأمن"), *nato = strstr(text, "لحلف");
    const kh_entity *e = ending_at(r, (uint32_t)(strstr(text, " أن الاجتماع") - text));
    REQUIRE(e != NULL);
    CHECK_EQ_INT(e->start, (uint32_t)(osce - text));
    CHECK_EQ_INT(e->type, KH_ENT_ORG);
    CHECK_EQ_STR(e->canonical, "منظمة الأمن والتعاون في أوروبا");
    e = ending_at(r, (uint32_t)(strstr(text, " أن يتوسع") - text));
    REQUIRE(e != NULL);
    CHECK_EQ_INT(e->start, (uint32_t)(nato - text) + strlen("ل")); /* the ل left out */
    CHECK_EQ_STR(e->canonical, "حلف شمال الأطلسي");
    /* spelled names, not name keys: رئيس الاتحاد has the key of روسيا الاتحادية */
    const char *ra = strstr(text, "رئيس الاتحاد");
    for (size_t i = 0; i < r->nentities; i++)
        if (r->entities[i].start == (uint32_t)(ra - text))
            FAIL("رئيس الاتحاد tagged as %s", kh_entity_type_name(r->entities[i].type));
    kh_analyzer_free(a);

    /* KH_NER_TAGGER_ONLY: the tagger's spans alone */
    r = tag_flags(KT, text, KH_NER_TAGGER_ONLY, &a);
    REQUIRE(r != NULL);
    e = ending_at(r, (uint32_t)(strstr(text, " أن الاجتماع") - text));
    CHECK(e == NULL || e->start != (uint32_t)(osce - text));
    kh_analyzer_free(a);
}

TEST(a_name_spelled_across_a_particle_is_no_alias)
{
    /* طالب أن spells طالبان letter for letter; سي إن إن is CNN */
    const char *text =
        "وقال سعيد طالب أن الاجتماع انتهى .\nوقالت شبكة سي إن إن إن الاجتماع انتهى .";
    kh_analyzer *a = NULL;
    const kh_ner_result *r = tag_flags(KT, text, 0, &a);
    REQUIRE(r != NULL);
    for (size_t i = 0; i < r->nentities; i++)
        if (r->entities[i].canonical && !strcmp(r->entities[i].canonical, "حركة طالبان"))
            FAIL("%.*s read as حركة طالبان", (int)(r->entities[i].end - r->entities[i].start),
                 text + r->entities[i].start);
    const kh_entity *e = ending_at(r, (uint32_t)(strstr(text, " إن الاجتماع") - text));
    REQUIRE(e != NULL);
    CHECK_EQ_STR(e->canonical, "شبكة سي إن إن");
    kh_analyzer_free(a);
}
