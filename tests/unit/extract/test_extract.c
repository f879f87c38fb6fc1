/*
** test_extract.c - kh_extract: structure, quotations, speakers, reported
** speech, sources, dates and numbers, one behaviour per test.
**
** The first test holds the seed article to its hand gold
** (tests/golden/seed-article.gold.json, the copy of ../shared/gold/seed.json;
** tests/golden/check_seed_gold.py checks the same gold through the CLI). The
** others run short texts written for the test, one pattern of
** arabic-news-primer.md §5–6 each.
*/
#include "../test.h"

#include "khabar.h"

#include <stdio.h>
#include <stdlib.h>

#define SEED_PATH "tests/golden/seed-article.txt"

static void free_extractor(void *p)
{
    kh_extractor_free(p);
}

/* Extracts text with a fresh extractor freed after the test; NULL on failure.
** OUT: *keep (may be NULL), the extractor, for kh_extract_entities. */
static const kh_article *extract(kt_ctx *kt_, const char *text, size_t len,
                                 const kh_extract_opts *o, kh_extractor **keep)
{
    kh_extractor *x = NULL;
    if (kh_extractor_new(NULL, &x) != KH_OK) {
        FAIL("kh_extractor_new failed");
        return NULL;
    }
    kt_defer(kt_, free_extractor, x);
    if (keep) *keep = x;
    const kh_article *d = NULL;
    kh_status st = kh_extract(x, (const uint8_t *)text, len, o, &d);
    if (st != KH_OK) {
        FAIL("kh_extract: %s", kh_strerror(st));
        return NULL;
    }
    return d;
}

#define X(text)        extract(KT, (text), strlen(text), NULL, NULL)
#define XKEEP(text, x) extract(KT, (text), strlen(text), NULL, (x))

static int span_is(const char *text, kh_span sp, const char *want)
{
    if (!want) return sp.start == KH_NONE;
    size_t n = strlen(want);
    return sp.start != KH_NONE && sp.end - sp.start == n && !memcmp(text + sp.start, want, n);
}

static void check_span(kt_ctx *kt_, int line, const char *text, kh_span sp, const char *want)
{
    if (span_is(text, sp, want)) return;
    if (sp.start == KH_NONE)
        kt_fail(kt_, __FILE__, line, "got no span, expected \"%s\"", want ? want : "(none)");
    else
        kt_fail(kt_, __FILE__, line, "got \"%.*s\" (%u-%u), expected \"%s\"",
                (int)(sp.end - sp.start), text + sp.start, sp.start, sp.end,
                want ? want : "(none)");
}

#define CHECK_SPAN(text, sp, want) check_span(KT, __LINE__, (text), (sp), (want))

/* The quote of the given kind whose text starts with head, or NULL. */
static const kh_quote *quote(const kh_article *d, const char *text, uint32_t kind, const char *head)
{
    size_t n = strlen(head);
    for (size_t i = 0; i < d->nquotes; i++) {
        const kh_quote *q = &d->quotes[i];
        if (q->kind == kind && q->text.end - q->text.start >= n &&
            !memcmp(text + q->text.start, head, n))
            return q;
    }
    return NULL;
}

static size_t count(const kh_article *d, uint32_t kind)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nquotes; i++)
        n += d->quotes[i].kind == kind;
    return n;
}

/* ---- the seed -------------------------------------------------------------------- */

static const struct {
    uint32_t start, end, mark_start, mark_end;
    const char *speaker;
} SEED_QUOTES[] = {
    {1021, 1139, 1018, 1142, "لافروف"},  {1209, 1491, 1206, 1494, "لافروف"},
    {1499, 1661, 1496, 1664, "لافروف"},  {1733, 1747, 1730, 1750, "وانغ يي"},
    {1756, 1839, 1753, 1842, "وانغ يي"}, {1856, 1956, 1853, 1959, "وانغ يي"},
    {2812, 2880, 2809, 2883, "وانغ يي"}, {2889, 3001, 2886, 3004, "وانغ يي"},
    {3110, 3190, 3107, 3193, "وانغ يي"}, {4069, 4233, 4066, 4236, "لافروف"},
};

static const struct {
    uint32_t start, end;
    const char *speaker;
} SEED_REPORTED[] = {
    {290, 531, "لافروف"},     {885, 1166, "لافروف"},   {2166, 2307, "جو بايدن"},
    {2760, 3004, "وانغ يي"},  {3017, 3193, "وانغ يي"}, {3217, 3462, "لافروف"},
    {3587, 3680, "الوزيران"}, {3928, 4041, "روسيا"},   {4286, 4536, "رويترز"},
};

TEST(seed_article_matches_its_gold_in_full)
{
    FILE *f = fopen(SEED_PATH, "rb");
    REQUIRE(f);
    char *seed = malloc(8192);
    size_t len = seed ? fread(seed, 1, 8192, f) : 0;
    fclose(f);
    REQUIRE(seed);
    kt_defer(KT, free, seed);
    REQUIRE(len == 4664);
    const kh_article *d = extract(KT, seed, len, NULL, NULL);
    REQUIRE(d);
    CHECK(d->title.start == 0 && d->title.end == 84);
    REQUIRE(d->nsubheadings == 2);
    CHECK(d->subheadings[0].start == 1168 && d->subheadings[0].end == 1193);
    CHECK(d->subheadings[1].start == 2695 && d->subheadings[1].end == 2739);
    REQUIRE(d->nboilerplate == 1);
    CHECK(d->boilerplate[0].start == 4538 && d->boilerplate[0].end == 4664);

    size_t ndirect = 0;
    for (size_t i = 0; i < d->nquotes; i++) {
        const kh_quote *q = &d->quotes[i];
        if (q->kind != KH_QUOTE_DIRECT) continue;
        ndirect++;
        size_t k = 0;
        while (k < 10 && SEED_QUOTES[k].start != q->text.start)
            k++;
        if (k == 10 || SEED_QUOTES[k].end != q->text.end) {
            FAIL("direct quote %u-%u is not in the gold", q->text.start, q->text.end);
            continue;
        }
        CHECK_EQ_INT(q->marks.start, SEED_QUOTES[k].mark_start);
        CHECK_EQ_INT(q->marks.end, SEED_QUOTES[k].mark_end);
        CHECK_SPAN(seed, q->speaker, SEED_QUOTES[k].speaker);
    }
    CHECK_EQ_INT(ndirect, 10); /* so none of the gold's not_quotes either */

    for (size_t k = 0; k < sizeof SEED_REPORTED / sizeof SEED_REPORTED[0]; k++) {
        int found = 0;
        for (size_t i = 0; i < d->nquotes; i++) {
            const kh_quote *q = &d->quotes[i];
            if (q->kind == KH_QUOTE_REPORTED && q->text.start < SEED_REPORTED[k].end &&
                SEED_REPORTED[k].start < q->text.end &&
                span_is(seed, q->speaker, SEED_REPORTED[k].speaker))
                found = 1;
        }
        if (!found)
            FAIL("reported statement %u-%u by %s not found", SEED_REPORTED[k].start,
                 SEED_REPORTED[k].end, SEED_REPORTED[k].speaker);
    }
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 9);
    REQUIRE(d->nsources == 1);
    CHECK(d->sources[0].name.start == 1154 && d->sources[0].name.end == 1166);
    REQUIRE(d->nnumbers == 1);
    CHECK(d->numbers[0].span.start == 3868 && d->numbers[0].value == 144);
    CHECK_EQ_INT(d->ndates, 4);
}

/* ---- speakers ---------------------------------------------------------------------- */

TEST(verb_first_speaker_drops_title_keeps_name)
{
    const char *t = "عنوان\nوقال وزير الخارجية الروسي سيرغي لافروف: “نحن مستعدون للحوار”.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "نحن");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سيرغي لافروف");
    CHECK_SPAN(t, q->mention, "وزير الخارجية الروسي سيرغي لافروف");
    CHECK_SPAN(t, q->cue, "وقال");
    CHECK(!(q->flags & KH_QF_CARRIED));
}

TEST(surname_resolves_to_fullest_name_in_document)
{
    const char *t = "عنوان\nالتقى وزير الخارجية الروسي سيرغي لافروف نظيره أمس.\n"
                    "وقال لافروف إن الحوار مستمر.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الحوار");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سيرغي لافروف");
    CHECK_SPAN(t, q->mention, "لافروف");
}

TEST(surname_spelt_with_another_g_letter_takes_the_fullest_name)
{
    /* g written غ here and ج in the full name; an Arabic word with ال keeps
    ** its letters (القران is not الجيران) */
    const char *t = "عنوان\nالتقى نائب وزير الخارجية الروسي ميخائيل بوجدانوف السفير أمس.\n"
                    "وقال بوغدانوف إن الحوار مستمر.\n"
                    "سائق الجيران\nوقال القرآن إن الصبر مفتاح الفرج.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الحوار");
    const kh_quote *q2 = quote(d, t, KH_QUOTE_REPORTED, "إن الصبر");
    REQUIRE(q && q2);
    CHECK_SPAN(t, q->speaker, "ميخائيل بوجدانوف");
    CHECK_SPAN(t, q2->speaker, "القرآن");
}

TEST(dropped_subject_is_carried_across_a_subheading)
{
    const char *t = "عنوان\nوقال الوزير إن الحوار مستمر.\nمستقبل المفاوضات\n"
                    "وأضاف: “سنواصل العمل مع الجميع”.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(d->nsubheadings, 1);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "سنواصل");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الوزير");
    CHECK(q->flags & KH_QF_CARRIED);
    CHECK(q->mention.start == KH_NONE);
}

TEST(feminine_verb_carries_the_last_feminine_speaker)
{
    const char *t = "عنوان\nوقالت الوزارة إن الوضع مستقر.\nوقال المتحدث إن الاجتماع انتهى.\n"
                    "وأضافت أن الحدود مفتوحة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الحدود");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الوزارة");
}

TEST(subject_before_present_verb_is_the_speaker)
{
    const char *t = "عنوان\nأعلن التنظيم مسؤوليته عن الهجوم، لكن روسيا تقول إنها تعرف الفاعل.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 1);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إنها");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "روسيا");
    CHECK_SPAN(t, q->cue, "تقول");
}

TEST(quoted_organization_is_speaker_and_not_a_statement)
{
    const char *t = "عنوان\nوقالت منظمة «هيومن رايتس ووتش» إن السلطات اعتقلت الصحفيين.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_DIRECT), 0);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن السلطات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "هيومن رايتس ووتش");
}

TEST(dual_speaker_stands_for_the_two_last_speakers)
{
    const char *t = "عنوان\nوقال لافروف إن الحوار مستمر.\nوقال وانغ إن الصين مستعدة.\n"
                    "وقال الوزيران إن البلدين سيتعاونان.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن البلدين");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الوزيران");
    CHECK(span_is(t, q->members[0], "وانغ") || span_is(t, q->members[1], "وانغ"));
    CHECK(span_is(t, q->members[0], "لافروف") || span_is(t, q->members[1], "لافروف"));
}

TEST(description_resolves_to_the_name_given_earlier)
{
    const char *t = "عنوان\nتألق الحارس البلجيكي سيمون مينيولي في المباراة.\n"
                    "وقال الحارس البلجيكي: “كانت مباراة صعبة جدا علينا”.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "كانت");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سيمون مينيولي");
}

TEST(apposition_between_commas_names_the_speaker)
{
    const char *t = "عنوان\nوقال المدافع، دوجان لوفرن، إنه لا فائدة من اللوم.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إنه");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "دوجان لوفرن");
}

TEST(hashtag_after_a_title_gives_the_fullest_name)
{
    const char *t = "عنوان\nوصل رئيس الحكومة #منير_الساعدي إلى العاصمة أمس.\n"
                    "وقال الساعدي إن المحادثات كانت مثمرة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن المحادثات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "#منير_الساعدي");
    CHECK_SPAN(t, q->mention, "الساعدي");
}

TEST(surname_read_as_bi_plus_stem_stays_in_the_name)
{
    /* the segmenter reads بسماوي as ب + سماوي */
    const char *t = "عنوان\nوأكد خالد بسماوي عضو مجلس الإدارة أن الموسم سيبدأ قريبا.\n"
                    "وأضاف: “الجماهير تستحق فريقا أفضل”.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *r = quote(d, t, KH_QUOTE_REPORTED, "أن الموسم");
    REQUIRE(r);
    CHECK_SPAN(t, r->speaker, "خالد بسماوي");
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "الجماهير");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "خالد بسماوي");
}

TEST(name_between_commas_after_a_title_with_its_own_names)
{
    const char *t = "عنوان\nقال رئيس نادي الوحدة، عبد الرحمن الشمري، إن التسجيل يبدأ غدا.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن التسجيل");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "عبد الرحمن الشمري");
}

TEST(complement_of_a_construct_title_is_no_name)
{
    const char *t = "عنوان\nالتقى محافظ مدينة صلالة سامي الكعبي بالأهالي أمس.\n"
                    "وأوضح محافظ صلالة أن المياه ستعود غدا.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن المياه");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سامي الكعبي");
}

TEST(hashtag_names_a_body_and_a_time_between_commas_is_an_adjunct)
{
    const char *t = "عنوان\nأعلنت منظمة #أطباء_العالم الدولية، الثلاثاء، أن المستشفى أغلق.\n"
                    "وقالت المنظمة في بيان: “نطالب بفتح المعابر”.\n"
                    "وذكرت وزارة #الزراعة_العمانية أن الموسم جيد.\n"
                    "وقالت الوزارة: “المحصول وفير هذا العام”.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن المستشفى");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "#أطباء_العالم الدولية");
    q = quote(d, t, KH_QUOTE_DIRECT, "نطالب");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "#أطباء_العالم الدولية");
    q = quote(d, t, KH_QUOTE_DIRECT, "المحصول");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "وزارة #الزراعة_العمانية");
}

TEST(body_named_with_its_place_keeps_the_place)
{
    const char *t = "عنوان\nقالت وزارة التربية في صنعاء اليوم إن المدارس ستفتح.\n"
                    "وأكدت وزارة التربية في بيان أن الكتب وصلت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن المدارس");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "وزارة التربية في صنعاء");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن الكتب");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "وزارة التربية في صنعاء");
}

TEST(document_speaker_is_its_noun_and_adjectives)
{
    const char *t = "عنوان\nوقال التقرير الصادر عن البنك أمس إن النمو تباطأ.\n"
                    "وأكد البيان الختامي للقمة العربية أن الحوار هو الحل.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن النمو");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "التقرير");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن الحوار");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "البيان الختامي");
}

TEST(pronoun_bearing_word_after_or_before_the_verb_is_no_subject)
{
    const char *t = "عنوان\nوقال المدرب ماهر الدوسري إن الفريق جاهز.\n"
                    "ثم قال أمامه إن المباراة صعبة.\n"
                    "وكتب رسالة إلى لاعبيه يعترف لهم فيها أنه أخطأ.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن المباراة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "ماهر الدوسري");
    q = quote(d, t, KH_QUOTE_REPORTED, "أنه أخطأ");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "ماهر الدوسري");
}

TEST(name_set_off_by_quote_marks_is_a_full_mention)
{
    const char *t = "عنوان\nظهر شاب يدعى \"سامر الحلبي\" في المحكمة أمس.\n"
                    "وقال الحلبي إنه بريء.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إنه بريء");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سامر الحلبي");
}

TEST(coordinated_verb_takes_the_titled_subject_of_its_sentence)
{
    const char *t = "عنوان\nسمير الحداد - الوطن - متابعة: في خطوة جديدة، خرج وزير المالية "
                    "كمال الراشد على الشاشة، وقال إن الديون تضاعفت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الديون");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "كمال الراشد");
}

TEST(relative_pronoun_agreeing_with_the_verb_is_its_subject)
{
    const char *t = "عنوان\nوتراجعت الأسهم، بحسب الخبير نادر السعدي الذي توقع أن يستمر الهبوط.\n"
                    "وقال المزارع سالم إن الموسم جيد.\n"
                    "وأضاف أن العصابات التي قال إنها تسرق المحاصيل اختفت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن يستمر");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "نادر السعدي");
    q = quote(d, t, KH_QUOTE_REPORTED, "إنها تسرق"); /* التي with قال: an object */
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سالم");
    const char *u = "عنوان\nوتحدث الخبراء عن الخطة، وفق سليم حداد، الذي أضاف أنها طموحة.\n";
    d = X(u);
    REQUIRE(d);
    q = quote(d, u, KH_QUOTE_REPORTED, "أنها طموحة");
    REQUIRE(q);
    CHECK_SPAN(u, q->speaker, "سليم حداد");
}

TEST(dropped_subject_after_a_sentence_introducing_a_person_is_that_person)
{
    const char *t = "عنوان\nوقال المتحدث باسم الشرطة إن الطريق مغلق. وظهر النقيب سامي فارس "
                    "متعبا بعد الحادث. وقال “لم ننم منذ يومين”.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "لم ننم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سامي فارس");
}

TEST(paragraph_bringing_back_an_earlier_speaker_by_title_and_surname_names_her)
{
    /* another woman spoke last, but the paragraph before the dropped
    ** subject brings back الخبيرة ريد, باتريشا ريد of the first statement */
    const char *t = "عنوان\nوقالت الخبيرة باتريشا ريد إن الدليل غير كاف.\n"
                    "وقالت لين \"لقد كان حبا من النظرة الأولى\".\n"
                    "ورغم ذلك، لا تزال الخبيرة ريد مقتنعة بأن اللوحة ليست أصلية.\n"
                    "وقالت: \"لا شيء يقدم دليلا مباشرا\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "لا شيء");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "باتريشا ريد");
}

TEST(coordinated_verb_after_an_adjunct_and_an_opening_verb_shares_its_subject)
{
    const char *t = "عنوان\nوقال الوزير إن الخطة جاهزة.\n"
                    "وفي المقابل، اعترضت النقابة العامة للمعلمين على الخطة، وقالت إنها ظالمة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إنها ظالمة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "النقابة العامة للمعلمين");
}

TEST(name_before_an_age_in_brackets_is_a_full_mention)
{
    const char *t = "عنوان\nوأصيب يوسف ناصر العمري (28 عاما) برصاصة في ساقه.\n"
                    "وقال العمري إن الإصابة طفيفة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الإصابة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "يوسف ناصر العمري");
}

TEST(share_of_a_group_before_a_present_verb_is_the_speaker)
{
    const char *t = "عنوان\nوفي الاستطلاع، قرابة 40% من الطلاب يقولون إن الامتحانات صعبة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الامتحانات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "قرابة 40% من الطلاب");
}

TEST(common_noun_refers_to_the_name_given_after_yudaa)
{
    const char *t = "عنوان\nحضر رجل يدعى \"سالم منصور\" إلى المحكمة أمس.\n"
                    "وقال الرجل إنه شاهد الحادث.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إنه شاهد");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سالم منصور");
}

TEST(warned_from_that_reaches_its_clause_across_an_adjunct)
{
    const char *t = "عنوان\nوحذر سامي نوفل من مركز الدراسات الاقتصادية في عمان "
                    "من أن الأسعار سترتفع.\nوكتب “الأزمة قادمة لا محالة”.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الأسعار");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سامي نوفل");
    q = quote(d, t, KH_QUOTE_DIRECT, "الأزمة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سامي نوفل");
}

TEST(comma_then_particle_ends_a_weak_verbs_adjuncts)
{
    /* اعتبر and أعلن also take noun objects, so their clause search stops at a
    ** comma; a particle right after the comma is their clause all the same,
    ** and a coordinated ، وأن opens none */
    const char *t = "عنوان\nواعتبر رئيس الحزب، محمد العربي، أن الوضع صعب جدا.\n"
                    "وأعلنت الوزارة في ندوة صحفية عقدتها اليوم بالعاصمة، أن الامتحانات ستجرى.\n"
                    "وأعلن الوزير خطة جديدة، وأن العمل سيبدأ.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 2);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الوضع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "محمد العربي");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن الامتحانات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الوزارة");
}

TEST(more_verbs_of_saying_open_clauses_but_not_their_lookalikes)
{
    /* رجح، أبرز، نبه إلى، أظهرت are verbs of saying; يظهر أن (it appears that)
    ** has no speaker and opens no clause */
    const char *t = "عنوان\nورجح الخبير أن الأسعار سترتفع.\nونبه المدير إلى أن المخزون قليل.\n"
                    "وأظهرت الدراسة أن النتائج جيدة.\nويظهر أن الطقس سيتحسن.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 3);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الأسعار");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الخبير");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن المخزون");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "المدير");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن النتائج");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الدراسة");
}

TEST(a_prepositional_phrase_after_the_verb_is_no_subject)
{
    /* أفاد لوحدة الرصد بمركز …: past the addressee, a phrase opening with ب
    ** is where, not who; the subject stands before (وكان X أفاد) */
    const char *t = "عنوان\nوقال الصحفي سامي الخلفاوي إن الوضع خطير.\n"
                    "وكان الخلفاوي أفاد لوحدة الرصد بمركز السلامة المهنية بأنه تم حذف المقال.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "بأنه");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سامي الخلفاوي");
}

TEST(spokesman_of_a_body_in_a_place_then_rank_and_name)
{
    const char *t = "عنوان\nوقال المتحدث باسم قوات حفظ السلام في الصومال العقيد الركن سعيد "
                    "الهاشمي، إن الوضع هادئ.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الوضع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سعيد الهاشمي");
}

TEST(name_before_a_title_before_qad_is_the_speaker)
{
    const char *t = "عنوان\nوكان فؤاد منصور، المتحدث باسم الوزارة قد صرح أمس بأن الطريق مفتوح.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "بأن الطريق");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "فؤاد منصور");
}

TEST(quantifier_with_a_pronoun_or_al_is_a_subject)
{
    const char *t = "عنوان\nوانتقد كثيرون القرار، ورأى بعضهم أن التوقيت سيئ.\n"
                    "وذكر البعض أنهم لم يعلموا به.\nوقال الأحد إن الأمر انتهى.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن التوقيت");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "بعضهم");
    q = quote(d, t, KH_QUOTE_REPORTED, "أنهم لم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "البعض");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الأمر"); /* الأحد is Sunday */
    REQUIRE(q);
    CHECK(!span_is(t, q->speaker, "الأحد"));
}

TEST(title_in_apposition_after_the_name_runs_on_to_its_comma)
{
    const char *t = "عنوان\nمن جهته، قال سمير داود الأمين العام لاتحاد الغرف التجارية في دول "
                    "الخليج العربي، إن المعرض ناجح.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن المعرض");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سمير داود");
}

TEST(ibban_the_preposition_is_no_verb_of_saying)
{
    const char *t = "عنوان\nعاد الهدوء إلى المدينة، إبان فترة الحرب، حيث بات واضحا أن "
                    "الوقود متوافر.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 0);
    CHECK_EQ_INT(count(d, KH_QUOTE_DIRECT), 0);
}

TEST(verb_of_saying_with_a_noun_object_still_names_the_sentence_speaker)
{
    const char *t = "عنوان\nمن جانبه، شدد ياسر القحطاني المدير الفني للفريق جاهزية "
                    "اللاعبين، وقال: “الجميع جاهز للمباراة”.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "الجميع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "ياسر القحطاني");
    const char *u = "عنوان\nوفي هذا السياق، صرح مارتن كول، مدير المعرض في الشركة، قائلا: "
                    "“علينا أن نفهم طبيعة السوق الآن”.\n";
    d = X(u);
    REQUIRE(d);
    q = quote(d, u, KH_QUOTE_DIRECT, "علينا");
    REQUIRE(q);
    CHECK_SPAN(u, q->speaker, "مارتن كول");
}

TEST(surname_takes_the_longer_name_of_an_earlier_speaker)
{
    const char *t = "عنوان\nوأوضح المدير التنفيذي لعمليات تقنية المعلومات نواف بن سعد "
                    "العتيبي بأن الخدمة جيدة.\nكما أكد العتيبي بأن الشهادة مهمة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "بأن الشهادة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "نواف بن سعد العتيبي");
}

TEST(title_after_an_al_surname_is_an_apposition)
{
    const char *t = "عنوان\nوأوضح سامي الحربي الرئيس التنفيذي لشركة \"الأمل\" أن الأرباح زادت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الأرباح");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سامي الحربي");
}

TEST(amama_before_the_press_is_no_subject_and_a_region_is_a_complement)
{
    const char *t = "عنوان\nوقال الرئيس عادل الكبير إن الهجوم جبان.\n"
                    "وقال امام الصحافيين في العاصمة «لن نسمح لأحد بالعبث بأمن بلادنا "
                    "أبدا».\nوسقط 20 جريحا بحسب حاكم منطقة صور سليم جابر الذي أضاف أن "
                    "الوضع مستقر.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "لن نسمح");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "عادل الكبير");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن الوضع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سليم جابر");
}

TEST(quote_after_a_particle_with_a_pronoun_is_its_predicate)
{
    const char *t = "عنوان\nوهاجم الوزير العصابات التي قال إنها “تنتحر” بأفعالها.\n"
                    "وذكر التقرير أن “مجلس الأمناء” قرر تأجيل الاجتماع.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    REQUIRE(quote(d, t, KH_QUOTE_DIRECT, "تنتحر"));
    CHECK(!quote(d, t, KH_QUOTE_DIRECT, "مجلس"));
}

TEST(quoted_speaker_name_inside_a_clause_is_a_name)
{
    const char *t = "عنوان\nوقال رئيس الحزب سامر الخطيب إن الحكومة فشلت.\n"
                    "وقال المحلل نبيل سعدون إن تصريحات \"الخطيب\" مقلقة جدا.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_DIRECT), 0);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 2);
}

TEST(passive_expectation_is_no_statement_and_abd_al_names_stay_whole)
{
    const char *t = "عنوان\nوقال الوزير إن الخطة جاهزة.\nويتوقع أن تهطل الأمطار غدا.\n"
                    "وقال زعيم الجماعة عبد الملك الحوثي إن الرد قادم.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 2);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الرد");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "عبد الملك الحوثي");
}

TEST(worth_mentioning_is_no_statement)
{
    const char *t = "عنوان\nوقال الوزير إن الخطة جاهزة.\nالجدير ذكره أن الشركة تأسست عام 1990.\n"
                    "والجدير بالذكر، أن المشروع بدأ أمس.\nومن الجدير بالذكر أن الوزارة وافقت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 1);
    CHECK(quote(d, t, KH_QUOTE_REPORTED, "إن الخطة") != NULL);
}

TEST(which_points_to_is_no_statement_but_what_they_said_is)
{
    const char *t = "عنوان\nوارتفعت الأسعار للشهر الثاني، مما يشير إلى أن السوق تتعافى.\n"
                    "ونشر السكان تحذيرات مما قالوا إنه هجوم قريب.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 1);
    CHECK(quote(d, t, KH_QUOTE_REPORTED, "إنه هجوم") != NULL);
}

TEST(document_relative_plural_and_participle_subjects)
{
    const char *t = "عنوان\nوقال المكتب الإعلامي في بيان له إن الخطة فاشلة.\n"
                    "واعتبر البيان أن التصريحات مسيئة.\n"
                    "وبعد يومين، طلب وفد الصين إجراء \"مشاورات\" مع واشنطن.\n"
                    "وأعلنت الصين الجمعة أنها مستعدة للرد.\n"
                    "وهي الحجة التي قدمها المسؤولون الذين قالوا إنه لا ناجين.\n"
                    "وأوضح رعد قائلا إن ذلك يعود إلى حرص الإدارة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن التصريحات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "البيان");
    q = quote(d, t, KH_QUOTE_REPORTED, "أنها مستعدة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الصين");
    q = quote(d, t, KH_QUOTE_REPORTED, "إنه لا");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "المسؤولون");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن ذلك");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "رعد");
}

/* ---- statements and names ------------------------------------------------------------ */

TEST(scare_quotes_and_quoted_names_are_not_statements)
{
    const char *t = "أطلقت “الحملة” اليوم\nوأعلنت الحكومة عن الشراكة “بلا حدود” في الربيع.\n"
                    "وأطلقت الوزارة حملة «الأمل للجميع» لدعم الأسر.\n"
                    "وقال مصدر لـ\"العربية.نت\" إن الاتفاق قريب.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_DIRECT), 0);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 1);
}

TEST(quote_first_then_verb_of_saying)
{
    const char *t = "عنوان\n“سنواصل العمل حتى النهاية”، قال الوزير.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "سنواصل");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الوزير");
}

TEST(closing_shaped_mark_after_waw_opens_a_quote)
{
    /* و”أي as in the seed: ” opens when a proclitic precedes it and a word follows */
    const char *t = "عنوان\nوشدد الرئيس على “الوحدة” و”أي حل يحفظ حقوق الجميع”.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_DIRECT), 2);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "أي حل");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "أي حل يحفظ حقوق الجميع");
    CHECK_SPAN(t, q->speaker, "الرئيس");
}

TEST(guillemets_and_straight_quotes_pair_alike)
{
    const char *t = "عنوان\nوقال الوزير: «لن نتراجع عن القرار». وأضاف \"القرار نهائي\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_DIRECT), 2);
    CHECK(quote(d, t, KH_QUOTE_DIRECT, "لن نتراجع") != NULL);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "القرار نهائي");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الوزير");
}

TEST(same_mark_quoted_inside_a_quotation_nests)
{
    /* a term in the same straight marks inside a quotation: the outer quote
    ** closes at the last mark, the inner term is its own pair */
    const char *t = "عنوان\nوقال المدرب: \"شعار النادي \"الوحدة\". وهذا تاريخ الفريق\". ثم غادر.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "شعار النادي");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "شعار النادي \"الوحدة\". وهذا تاريخ الفريق");
    CHECK_SPAN(t, q->speaker, "المدرب");
    CHECK_EQ_INT(d->nunpaired, 0);
}

TEST(opener_that_lost_its_closer_ends_where_the_reporter_speaks_again)
{
    /* a quote whose closing mark is missing, then a complete quote in the
    ** same paragraph: the first ends before the cue of the second (not
    ** nested, not dropped), the second stands alone; the lost mark is reported */
    const char *t =
        "عنوان\nوقال الوزير \"إن الخطة جاهزة تماما للتنفيذ، وأضاف \"سنبدأ غدا في العمل\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "إن الخطة");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "إن الخطة جاهزة تماما للتنفيذ");
    CHECK_SPAN(t, q->speaker, "الوزير");
    q = quote(d, t, KH_QUOTE_DIRECT, "سنبدأ غدا");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "سنبدأ غدا في العمل");
    CHECK_SPAN(t, q->speaker, "الوزير");
    CHECK_EQ_INT(d->nunpaired, 1);
    /* with no mark after it, a full stop and a clause opened by و end it */
    t = "عنوان\nوقال الوزير \"إن الخطة جاهزة تماما للتنفيذ. وأضاف أن العمل سيبدأ غدا.\n";
    d = X(t);
    REQUIRE(d);
    q = quote(d, t, KH_QUOTE_DIRECT, "إن الخطة");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "إن الخطة جاهزة تماما للتنفيذ");
}

TEST(opener_at_the_end_of_the_text_quotes_nothing)
{
    /* the last token of the text, and of a line, is an opening mark: nothing
    ** follows it to quote, and nothing past the text or the line is read */
    const char *ts[] = {"عنوان\nوقال الوزير \"", "عنوان\nوقال الوزير \"\nوأضاف أن العمل مستمر.\n"};
    for (size_t k = 0; k < 2; k++) {
        const char *t = ts[k];
        const kh_article *d = X(t);
        REQUIRE(d);
        for (size_t i = 0; i < d->nquotes; i++) {
            const kh_quote *q = &d->quotes[i];
            CHECK(q->text.start <= q->text.end && q->text.end <= strlen(t));
            CHECK(q->kind != KH_QUOTE_DIRECT); /* no direct quote: nothing was quoted */
        }
        CHECK_EQ_INT(d->nunpaired, 1);
    }
}

TEST(opener_that_lost_its_closer_holds_a_quoted_term)
{
    /* a term quoted inside a quotation whose closer is missing: the quote
    ** runs to the paragraph's end and holds the term */
    const char *t = "عنوان\nأكد رئيس البعثة، بيورن روتر، \"ان الوفد استكمل مشاوراته حول برنامج "
                    "\"تسهيل الصندوق\" وهي مرحلة تسبق صرف القسط الثاني.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "ان الوفد");
    REQUIRE(q);
    CHECK_SPAN(t, q->text,
               "ان الوفد استكمل مشاوراته حول برنامج \"تسهيل الصندوق\" وهي مرحلة تسبق صرف "
               "القسط الثاني");
    CHECK_SPAN(t, q->speaker, "بيورن روتر");
}

TEST(closer_glued_to_the_next_word_ends_the_quote_that_lost_one)
{
    /* … خانقة "بسبب: the mark after the space is the closer, glued to the
    ** next word; the quote's words end before it, the space kept as written.
    ** A closer read as an opener only after the particle (سي إن إن” عن) and
    ** never closed is a stray mark, not a quote. */
    const char *t = "عنوان\nوقال البيان إن \"الاقتصاد يمر بأزمة خانقة \"بسبب الزيادات الأخيرة، "
                    "وأضاف أن \"الحكومة مسؤولة\".\n"
                    "كشفت شركة “سكاي تران” لوكالة سي إن إن” عن خطة للنقل، كما أوضحت “سكاي "
                    "تران” أنه يمكن استدعاء المركبات.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "الاقتصاد");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "الاقتصاد يمر بأزمة خانقة ");
    CHECK_SPAN(t, q->marks, "\"الاقتصاد يمر بأزمة خانقة \""); /* the marks hold the text */
    CHECK_SPAN(t, q->speaker, "البيان");
    q = quote(d, t, KH_QUOTE_DIRECT, "الحكومة");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "الحكومة مسؤولة");
    CHECK(quote(d, t, KH_QUOTE_DIRECT, " عن خطة") == NULL);
    CHECK(quote(d, t, KH_QUOTE_DIRECT, "عن خطة") == NULL);
}

TEST(opener_glued_to_the_word_before_pairs_with_the_next_closer)
{
    /* both marks look like closers (a letter before, a space after): the
    ** first is an opener written on the wrong side, and the quote is the
    ** words between them; a lone closer followed by a proper quote stays
    ** a stray mark */
    const char *t = "عنوان\nوأكد الوزير أن المدينة عانت من أعمال\" العنف والنزاع المسلح\" طوال "
                    "سنوات.\nوقال الناطق\" ثم أضاف \"سنعود قريبا\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, " العنف والنزاع");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, " العنف والنزاع المسلح");
    q = quote(d, t, KH_QUOTE_DIRECT, "سنعود قريبا");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "سنعود قريبا");
    CHECK_EQ_INT(d->nunpaired, 1);
}

TEST(a_stray_mark_at_a_paragraphs_end_quotes_nothing)
{
    /* a closer written with a space before it and nothing open: it opens
    ** an empty quote at the paragraph's end, which is no statement */
    const char *t = "عنوان\nوقال الوزير إن الحكومة تحارب الفساد \".\nوغادر القاعة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_DIRECT), 0);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 1);
}

TEST(quote_continues_into_a_paragraph_that_opens_with_a_mark)
{
    /* one quote per paragraph (the gold's rule: no quote crosses a paragraph
    ** break), both the minister's; the first mark is no stray. Without the
    ** colon the short first part is no name after the title either. */
    const char *t = "عنوان\nوقال الوزير: “الفقرة الأولى من الكلام.\n“والفقرة الثانية منه”.\n"
                    "وقال المحافظ “الفقرة الأولى من الرد.\n“والفقرة الثانية منه”.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_DIRECT), 4);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "الفقرة الأولى من الكلام");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "الفقرة الأولى من الكلام");
    CHECK_SPAN(t, q->speaker, "الوزير");
    q = quote(d, t, KH_QUOTE_DIRECT, "والفقرة الثانية منه");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الوزير");
    q = quote(d, t, KH_QUOTE_DIRECT, "الفقرة الأولى من الرد");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "المحافظ");
    CHECK_EQ_INT(d->nunpaired, 0);
}

TEST(unclosed_quote_ends_at_its_paragraph_and_is_reported)
{
    const char *t = "عنوان\nوقال الوزير: “لن نتراجع عن القرار.\nوفي سياق آخر تحدث عن الطقس.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "لن نتراجع");
    REQUIRE(q);
    CHECK(q->flags & KH_QF_UNCLOSED);
    CHECK_SPAN(t, q->text, "لن نتراجع عن القرار");
    REQUIRE(d->nunpaired == 1);
    CHECK_EQ_INT(d->unpaired[0], (uint32_t)(strstr(t, "“") - t));
}

/* ---- reported speech ------------------------------------------------------------------ */

TEST(reported_clause_runs_to_the_sentence_end_past_quoted_full_stops)
{
    const char *t = "عنوان\nوأكد الوزير أن “الأمر محسوم. لا تراجع” في كل الأحوال. وغادر القاعة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "أن “الأمر محسوم. لا تراجع” في كل الأحوال");
}

TEST(verbs_with_noun_objects_are_not_reported_speech)
{
    const char *t = "عنوان\nونفت الوزارة مسؤوليتها عن الحادث.\nوأعلنت الشركة عن منتج جديد.\n"
                    "وتعتبر الحكومة الاتفاق خطوة مهمة.\nوقال الوزير بعد أن وصل إن الوضع هادئ.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 1);
    CHECK(quote(d, t, KH_QUOTE_REPORTED, "إن الوضع") != NULL);
}

TEST(unhamzated_particle_and_proclitics_open_clauses)
{
    const char *t = "عنوان\nواضاف المسؤول انه سيزور المدينة. فقال المدير بانها جاهزة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 2);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "بانها");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "المدير");
}

/* ---- structure ------------------------------------------------------------------------ */

TEST(dateline_splits_place_and_agency)
{
    const char *t = "عنوان\nموسكو - (رويترز) - قال الكرملين إن المحادثات مستمرة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_SPAN(t, d->dateline.place, "موسكو");
    CHECK_SPAN(t, d->dateline.agency, "رويترز");
    CHECK_SPAN(t, d->dateline.span, "موسكو - (رويترز) -");
    const char *u = "عنوان\nالقاهرة – أ ف ب: أعلنت الحكومة خطة جديدة.\n";
    d = X(u);
    REQUIRE(d);
    CHECK_SPAN(u, d->dateline.place, "القاهرة");
    CHECK_SPAN(u, d->dateline.agency, "أ ف ب");
}

TEST(boilerplate_lines_are_recognized)
{
    const char *t = "عنوان الخبر\nقال الوزير إن الوضع هادئ.\nاقرأ أيضا: الوزير يزور المدينة\n"
                    "جميع الحقوق محفوظة لموقع الأخبار\nتابعونا على فيسبوك وتويتر\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_SPAN(t, d->title, "عنوان الخبر");
    CHECK_EQ_INT(d->nboilerplate, 3);
    CHECK_EQ_INT(d->nsubheadings, 0);
}

TEST(no_title_flag_reads_the_first_line_as_body)
{
    const char *t = "وقال الوزير إن الوضع هادئ.\n";
    kh_extract_opts o = {KH_XF_NO_TITLE, 0, 0, 0};
    const kh_article *d = extract(KT, t, strlen(t), &o, NULL);
    REQUIRE(d);
    CHECK(d->title.start == KH_NONE);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 1);
}

/* ---- sources, dates, numbers -------------------------------------------------------------- */

TEST(sources_are_attributions_not_speakers)
{
    const char *t = "عنوان\nارتفعت الأسعار، بحسب رويترز. وتراجعت الصادرات وفقا لـ وزارة التجارة.\n"
                    "وانخفض الإنتاج نقلا عن مصادر رسمية.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    REQUIRE(d->nsources == 3);
    CHECK_SPAN(t, d->sources[0].name, "رويترز");
    CHECK_SPAN(t, d->sources[0].cue, "بحسب");
    CHECK_SPAN(t, d->sources[1].name, "وزارة التجارة");
    CHECK_SPAN(t, d->sources[2].name, "مصادر رسمية");
}

TEST(month_pairs_days_years_and_two_word_months)
{
    const char *t = "عنوان\nوصل في 22 فبراير/شباط 2024 وغادر في 3 كانون الثاني، وعاد في مارس.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    REQUIRE(d->ndates == 2); /* مارس alone may be the verb "practised" */
    CHECK_SPAN(t, d->dates[0].span, "22 فبراير/شباط 2024");
    CHECK(d->dates[0].day == 22 && d->dates[0].month == 2 && d->dates[0].year == 2024);
    CHECK_SPAN(t, d->dates[1].span, "3 كانون الثاني");
    CHECK(d->dates[1].day == 3 && d->dates[1].month == 1 && d->dates[1].year == 0);
}

TEST(hijri_and_numeric_dates)
{
    const char *t = "عنوان\nفي 10 ذي الحجة 1445 هـ، وفي 2024/03/22 صدر القرار.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    REQUIRE(d->ndates == 2);
    CHECK(d->dates[0].hijri && d->dates[0].month == 12 && d->dates[0].day == 10 &&
          d->dates[0].year == 1445);
    CHECK(d->dates[1].year == 2024 && d->dates[1].month == 3 && d->dates[1].day == 22);
}

TEST(relative_dates_resolve_against_the_article_date)
{
    const char *t = "عنوان\nقال أمس إن الشهر الماضي كان صعبا.\n";
    kh_extract_opts o = {0, 2024, 3, 1};
    const kh_article *d = extract(KT, t, strlen(t), &o, NULL);
    REQUIRE(d);
    REQUIRE(d->ndates == 2);
    CHECK_SPAN(t, d->dates[0].span, "أمس");
    CHECK(d->dates[0].year == 2024 && d->dates[0].month == 2 && d->dates[0].day == 29);
    CHECK(d->dates[0].rel_unit == KH_REL_DAY && d->dates[0].rel == -1);
    CHECK(d->dates[1].rel_unit == KH_REL_MONTH && d->dates[1].month == 2);
    /* without an article date the relative value stays, fields unknown */
    d = X(t);
    REQUIRE(d && d->ndates == 2);
    CHECK(d->dates[0].year == 0 && d->dates[0].rel == -1);
}

TEST(numbers_in_every_digit_set_scales_and_words)
{
    const char *t = "عنوان\nقتل ١٤٤ شخصا وأصيب 1,250 وبلغت الخسائر 3.5 مليار دولار ونزح ثلاثة "
                    "وعشرون ألفا و٪٥٠ من السكان.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    REQUIRE(d->nnumbers == 5);
    CHECK(d->numbers[0].value == 144);
    CHECK(d->numbers[1].value == 1250);
    CHECK(d->numbers[2].value == 3.5e9);
    CHECK_SPAN(t, d->numbers[2].span, "3.5 مليار");
    CHECK(d->numbers[3].value == 23000);
    CHECK(d->numbers[4].value == 50);
}

/* ---- the contract ------------------------------------------------------------------------- */

TEST(empty_and_invalid_input_give_empty_results_with_offsets_intact)
{
    const kh_article *d = extract(KT, "", 0, NULL, NULL);
    REQUIRE(d);
    CHECK(d->nquotes == 0 && d->title.start == KH_NONE);
    const char bad[] = "عنوان\nوقال \xff الوزير: \"نعم للحوار دائما\".\n";
    d = extract(KT, bad, sizeof bad - 1, NULL, NULL);
    REQUIRE(d);
    const kh_quote *q = quote(d, bad, KH_QUOTE_DIRECT, "نعم");
    REQUIRE(q);
    CHECK_SPAN(bad, q->text, "نعم للحوار دائما");
}

typedef struct fail_state {
    size_t allowed, live;
} fail_state;

static void *failing_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    fail_state *s = ud;
    (void)osize;
    if (nsize == 0) {
        if (ptr) s->live--;
        free(ptr);
        return NULL;
    }
    if (s->allowed == 0) return NULL;
    s->allowed--;
    void *p = realloc(ptr, nsize);
    if (p && !ptr) s->live++;
    return p;
}

TEST(failing_allocator_gives_enomem_and_never_leaks)
{
    const char *t = "عنوان\nوقال الوزير: “نحن هنا” في 22 فبراير 2024، بحسب رويترز. قتل 144.\n";
    int saw_nomem = 0, saw_ok = 0;
    for (size_t n = 0; n < 400 && !saw_ok; n++) {
        fail_state s = {n, 0};
        kh_analyzer_opts o = {0, failing_alloc, &s};
        kh_extractor *x = NULL;
        kh_status st = kh_extractor_new(&o, &x);
        if (st == KH_OK) {
            const kh_article *d;
            st = kh_extract(x, (const uint8_t *)t, strlen(t), NULL, &d);
            if (st == KH_OK)
                saw_ok = 1;
            else
                CHECK_EQ_INT(kh_extractor_error(x)->status, KH_ENOMEM);
        }
        if (st == KH_ENOMEM)
            saw_nomem = 1;
        else if (st != KH_OK)
            FAIL("allocation limit %zu: %s", n, kh_strerror(st));
        kh_extractor_free(x);
        if (s.live) FAIL("allocation limit %zu: %zu blocks leaked", n, s.live);
    }
    CHECK(saw_nomem);
    CHECK(saw_ok);
}

TEST(sp2_verb_after_a_paragraph_opening_quote_names_its_speaker)
{
    const char *t = "عنوان\nوقالت الطبيبة هند الراشد: \"المرضى بخير\".\n"
                    "\"سنفتح جناحا جديدا\"، قال مدير المستشفى كمال عيسى.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "سنفتح");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "كمال عيسى");
}

TEST(sp2_feminine_title_is_no_part_of_the_name)
{
    const char *t = "عنوان\nوقالت زعيمة الحزب الأخضر منى فارس إن الانتخابات نزيهة.\n"
                    "لكن المعارضة تقول إن النتائج مزورة.\n"
                    "وأوضحت مساعدة المدير العام للتعليم الدكتورة جميلة الشايع أن الزي "
                    "جديد.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الانتخابات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "منى فارس");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن الزي");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "جميلة الشايع");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن النتائج");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "المعارضة");
}

TEST(sp2_name_words_split_like_clitics_stay_in_the_name)
{
    const char *t = "عنوان\nوقالت الباحثة سارة ليا ويتسن، مديرة القسم، إن الوضع سيئ.\n"
                    "وقال الخبير عبدالله بترجي إن الأسعار سترتفع.\n"
                    "وقالت منى فارس إن الموسم ناجح.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الوضع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سارة ليا ويتسن");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الأسعار");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "عبدالله بترجي");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الموسم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "منى فارس");
}

TEST(sp2_addressee_after_the_verb_is_no_subject)
{
    const char *t = "عنوان\nوقال لوكالة الأنباء المحلية وزير النقل أحمد سالم إن الطريق جاهز.\n"
                    "وكان سالم قد صرح لصحيفة يومية بأن الجسر سيفتح.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الطريق");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "أحمد سالم");
    q = quote(d, t, KH_QUOTE_REPORTED, "بأن الجسر");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "أحمد سالم");
}

TEST(sp2_surname_with_al_spelled_like_a_verb)
{
    /* الطالب: طالب is also "demanded"; with ال it is a noun */
    const char *t = "عنوان\nوقال المدير خالد الطالب إن المشروع انتهى.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن المشروع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "خالد الطالب");
}

TEST(sp2_verbs_joined_by_wa_share_the_subject)
{
    const char *t = "عنوان\nوهي تهمة نفتها الحكومة الانتقالية وقالت إنها \"مجرد شائعات\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "مجرد");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الحكومة الانتقالية");
}

TEST(sp2_first_dropped_subject_takes_the_person_just_introduced)
{
    const char *t = "عنوان\nزار رئيس البلدية مراد عثمان السوق القديمة صباح الأحد.\n"
                    "وقال: \"سنرمم المحلات كلها\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "سنرمم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مراد عثمان");
}

TEST(sp2_feminine_verb_after_a_chairman_takes_the_body)
{
    const char *t = "عنوان\nوكشف رئيس الهيئة سالم العمري أن الهيئة راسلت منظمات دولية، "
                    "ودعتها إلى \"التحرك العاجل\" مناشدا الدول \"احترام القانون\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "التحرك");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الهيئة");
    q = quote(d, t, KH_QUOTE_DIRECT, "احترام");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سالم العمري");
}

TEST(sp2_city_country_agency_dateline_and_its_first_verb)
{
    const char *t = "عنوان\nمدريد، إسبانيا (CNN) -- رد خوان مارتينيز، المتحدث باسم الحزب، على "
                    "الاتهامات، واصفا إياها بأنها \"ملفقة\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_SPAN(t, d->dateline.agency, "CNN");
    CHECK_SPAN(t, d->dateline.place, "مدريد، إسبانيا");
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "ملفقة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "خوان مارتينيز");
}

TEST(sp2_on_the_tongue_of_names_the_speaker)
{
    const char *t = "عنوان\nونقلت الإذاعة على لسان الوزير رامي حداد قوله: \"لن نستقيل\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "لن نستقيل");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "رامي حداد");
}

TEST(sp2_describe_verb_with_a_known_name_after_it_has_that_subject)
{
    const char *t = "عنوان\nانتقد السفير بيوتر كوفالينكو القرار أمس.\n"
                    "ووصف كوفالينكو العقوبات الجديدة بـ\"المهينة\".\n"
                    "ووصف جروح الجنود بأنها \"طفيفة\".\n"
                    "وقالت المتحدثة يلينا كوفالنكو: \"نحن نراقب\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "المهينة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "بيوتر كوفالينكو");
    q = quote(d, t, KH_QUOTE_DIRECT, "طفيفة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "بيوتر كوفالينكو");
}

TEST(sp2_outlet_after_ma_and_a_quoted_network_are_names)
{
    const char *t = "عنوان\nوقال الوزير سامي نادر في مقابلة مع \"إذاعة الشرق\" إن الخطة "
                    "جاهزة، وكتب على حسابه في \"تويتر\": \"سنبدأ غدا\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK(quote(d, t, KH_QUOTE_DIRECT, "إذاعة") == NULL);
    CHECK(quote(d, t, KH_QUOTE_DIRECT, "تويتر") == NULL);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "سنبدأ");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سامي نادر");
}

TEST(sp2_future_verb_and_vocative_are_no_cues)
{
    const char *t = "عنوان\nوقال المدرب هشام عمر إن اللاعب الذي سيبلغ الثلاثين قريبا جاهز.\n"
                    "ويا أيها المسؤول: \"متى تنتهي الأزمة؟\"\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_REPORTED), 1);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "متى");
    if (q) CHECK(!span_is(t, q->speaker, "أيها المسؤول"));
}

TEST(sp2_describe_verb_object_before_bi_and_relative_object)
{
    const char *t = "عنوان\nوقال القائد مارك هيل إن الوضع هادئ، حيث وصف كارلوس بأنه \"خطير\".\n"
                    "وتحدث عن الحرب التي وصفتها الأمم المتحدة بأنها \"كارثة\".\n"
                    "وأشاد بالعرض الذي وصفه بأنه \"رائع\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "خطير");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مارك هيل");
    q = quote(d, t, KH_QUOTE_DIRECT, "كارثة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الأمم المتحدة");
    q = quote(d, t, KH_QUOTE_DIRECT, "رائع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مارك هيل");
}

TEST(sp2_came_in_a_statement_quotes_the_document_or_its_owner)
{
    const char *t = "عنوان\nوأصدرت هيئة الطيران المدني بيانا جاء فيه: \"الرحلات منتظمة\".\n"
                    "وجاء في بيان الهيئة: \"لا تأخير\".\n"
                    "وجاء في التقرير السنوي أن \"الأرباح زادت\".\n"
                    "وجاء ذلك في مؤتمر \"الطيران الآمن\" أمس.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "الرحلات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "هيئة الطيران المدني");
    q = quote(d, t, KH_QUOTE_DIRECT, "لا تأخير");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "هيئة الطيران المدني");
    q = quote(d, t, KH_QUOTE_DIRECT, "الأرباح");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "التقرير السنوي");
    CHECK(quote(d, t, KH_QUOTE_DIRECT, "الطيران الآمن") == NULL);
}

TEST(sp2_al_surname_spelled_like_a_preposition)
{
    const char *t = "عنوان\nوكتب الوزير فهد العلي: \"شكرا للجميع\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "شكرا");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "فهد العلي");
}

TEST(sp2_title_after_a_named_speaker_and_a_colon)
{
    const char *t = "عنوان\nوقال صالح الماضي، رئيس اللجنة :\"الموسم ناجح\".\n"
                    "وقال وزير الإعلام، سمير خليل: \"ندين الهجوم\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "الموسم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "صالح الماضي");
    q = quote(d, t, KH_QUOTE_DIRECT, "ندين");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سمير خليل");
}

TEST(sp2_long_quote_after_a_definite_naming_noun_is_speech)
{
    const char *t = "عنوان\nوقالت الطبيبة كريستينا بلانشارد مديرة المستشفى \"أريد أن أشكر "
                    "الجميع\".\nوقال المحامي جون غرين لبي بي سي: \"القضية معقدة\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "أريد");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "كريستينا بلانشارد");
    q = quote(d, t, KH_QUOTE_DIRECT, "القضية");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "جون غرين");
}

TEST(sp2_body_name_ends_before_its_object)
{
    const char *t = "عنوان\nأعلنت الشرطة الفرنسية توقيف من وصفته بأنه \"شخص خطير\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "شخص");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الشرطة الفرنسية");
}

TEST(sp2_time_before_the_subject_and_spokesman_synonyms)
{
    const char *t =
        "عنوان\nصرحت الثلاثاء هيلين مارتن الناطقة باسم وزارة البيئة أن \"المياه نظيفة\".\n"
        "وتابعت المتحدثة باسم وزارة البيئة \"لا خطر على السكان\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "المياه");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "هيلين مارتن");
    q = quote(d, t, KH_QUOTE_DIRECT, "لا خطر");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "هيلين مارتن");
}

TEST(sp2_body_name_ends_before_a_definite_object)
{
    const char *t = "عنوان\nأكدت الخارجية الأردنية الرفض الكامل لهذا الموقف وما تضمنه \"من قراءة "
                    "خاطئة للواقع\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "من قراءة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الخارجية الأردنية");
}

TEST(sp2_verb_with_fihi_quotes_the_owner_of_the_speech_noun)
{
    const char *t = "عنوان\nوقال الوزير سعيد حداد إن البلد بخير، مستشهدا بكلام للشاعر الراحل "
                    "نزار خليل قال فيه إن \"الوطن باق\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "الوطن");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "نزار خليل");
}

TEST(sp2_titled_subject_after_an_adverb)
{
    const char *t = "عنوان\nوقال الأمين العام جون ديفيس إن الدعم مستمر.\n"
                    "وتحدث في الاجتماع أيضا وزير المالية كارلو روسي فذكّر بأن الميزانية محدودة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "بأن الميزانية");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "كارلو روسي");
}

TEST(sp2_family_name_with_aal_stays_whole)
{
    const char *t = "عنوان\nوكتب الأمير فيصل آل الشيخ عبر حسابه: \"نحن مع المنتخب\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "نحن مع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "فيصل آل الشيخ");
}

TEST(sp2_indefinite_subject_named_by_yudaa_and_tanween_ends_a_subject)
{
    const char *t = "عنوان\nوقالت طالبة في الجامعة تدعى سلمى حداد \"أحلم بالسفر إلى كل مكان\".\n"
                    "وكتب الشاعر أنس كريم مخاطباً الجمهور: \"شكرا لكم\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "أحلم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سلمى حداد");
    q = quote(d, t, KH_QUOTE_DIRECT, "شكرا");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "أنس كريم");
}

TEST(sp2_conjunction_fima_is_no_subject)
{
    const char *t = "عنوان\nوانتشرت القوات في المدينة، فيما أعلنت الشرطة المحلية أن الوضع "
                    "\"تحت السيطرة تماما الآن\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الوضع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الشرطة المحلية");
}

TEST(sp2_anonymous_source_keeps_whose_it_is)
{
    const char *t = "عنوان\nوتقول تقارير بالصحف المحلية إن المصنع أغلق.\n"
                    "وقالت مصادر قريبة من الشركة إن الموظفين غادروا.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن المصنع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "تقارير بالصحف المحلية");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الموظفين");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مصادر قريبة من الشركة");
}

TEST(sp2_hearsay_nouns_name_no_speaker)
{
    const char *t = "عنوان\nوتنتشر الشائعات التي تقول إن المدرب سيرحل.\n"
                    "وأفادت المعلومات الأولية بأن الحريق محدود.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن المدرب");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, NULL);
    q = quote(d, t, KH_QUOTE_REPORTED, "بأن الحريق");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, NULL);
}

TEST(sp4_circumstantial_participle_takes_the_sentence_subject)
{
    /* the participle's subject is the subject of the finite verb the
    ** sentence opens with, not the object after it, and not a second
    ** participle right after the verb */
    const char *t = "عنوان\nوهاجم الكواري هولندا وسياستها الزراعية قائلا إن الأسعار ظالمة.\n"
                    "واستدل مستشهدا بما جرى للمزارعين قائلا: \"لقد خسرنا كل شيء هذا العام\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الأسعار");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الكواري");
    q = quote(d, t, KH_QUOTE_DIRECT, "لقد خسرنا");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الكواري");
}

TEST(sp4_anonymous_head_keeps_its_adjectives_in_any_case)
{
    /* an indefinite anonymous head keeps the adjectives after it, a title
    ** among them, and is the same head in the accusative after أن */
    const char *t = "عنوان\nوأوضح مصدر عسكري مسؤول لـ\"الرياضية\" أن العقد جاهز.\n"
                    "وأضافت الوكالة أن مصدرا حكوميا رفيعا قال إن الموعد تأجل.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن العقد");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مصدر عسكري مسؤول");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الموعد");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مصدرا حكوميا رفيعا");
}

TEST(sp4_name_before_a_champion_apposition_is_the_name_alone)
{
    /* بطل (champion) after a team's or a player's name describes it */
    const char *t = "عنوان\nوأعلن برشلونة بطل إسبانيا في بيان أن المدرب باق.\n"
                    "وأكد رافائيل نادال بطل العالم السابق أن الإصابة شفيت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن المدرب");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "برشلونة");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن الإصابة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "رافائيل نادال");
}

TEST(sp4_body_in_construct_with_a_person_keeps_the_name)
{
    /* أسرة + a person's title + the person's name: the whole chain speaks,
    ** and the later bare الأسرة refers back to it */
    const char *t = "عنوان\nأعلنت أسرة الممثل المصري الراحل سامي فؤاد أن الجنازة ستقام غدا.\n"
                    "وقالت الأسرة في بيان: \"نشكر الجميع على مواساتهم\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الجنازة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "أسرة الممثل المصري الراحل سامي فؤاد");
    q = quote(d, t, KH_QUOTE_DIRECT, "نشكر");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "أسرة الممثل المصري الراحل سامي فؤاد");
}

TEST(sp4_definite_anonymous_head_refers_to_the_first_mention)
{
    /* المسؤول refers back to the indefinite مسؤول في … that brought the
    ** source in; a dropped subject after it carries that speaker */
    const char *t = "عنوان\nوكان مسؤول في وزارة النقل الأردنية قد أكد، أمس، تأجيل الرحلات.\n"
                    "وقال المسؤول إن \"الطقس لا يسمح بالإقلاع\".\n"
                    "وأضاف: \"سنعلن الموعد الجديد قريبا\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "الطقس");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مسؤول في وزارة النقل الأردنية");
    q = quote(d, t, KH_QUOTE_DIRECT, "سنعلن");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مسؤول في وزارة النقل الأردنية");
}

TEST(sp4_verb_opening_a_line_is_not_a_first_name)
{
    /* VSO: the bare word opening the line before a two-word name and a
    ** title is the verb; a three-word name the article repeats elsewhere
    ** keeps its first name */
    const char *t = "عنوان\nأشاد كارلوس فيغا مدرب الفريق بأداء اللاعبين أمس.\n"
                    "وقال فيغا للصحفيين: \"لعبنا مباراة كبيرة\".\n"
                    "جان بيير لاكروا مدير البعثة يصل غدا.\n"
                    "وأوضح المبعوث جان بيير لاكروا: \"المهمة صعبة\".\n"
                    "وقال لاكروا: \"سنبدأ فورا\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "لعبنا");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "كارلوس فيغا");
    q = quote(d, t, KH_QUOTE_DIRECT, "سنبدأ");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "جان بيير لاكروا");
}

TEST(sp4_description_finds_the_name_after_a_title_place_phrase)
{
    /* المدرب الإيطالي → the earlier مدرب اللياقة في النادي الأهلي، NAME، */
    const char *t = "عنوان\nوحاول مدرب اللياقة في النادي الأهلي، ماركو بيرتي، تهدئة اللاعبين. "
                    "وقال المدرب الإيطالي: \"الفريق سيعود أقوى\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "الفريق");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "ماركو بيرتي");
}

TEST(sp4_name_between_commas_before_the_verb_is_its_subject)
{
    /* a fronted description, then the name between commas, then the verb */
    const char *t = "عنوان\nوقال القاضي إن القضية معقدة.\n"
                    "وبالاتصال بالمحامي المكلف بالدفاع عن العمال، سالم بن عيد، أوضح أن الجلسة "
                    "تأجلت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الجلسة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سالم بن عيد");
}

TEST(prepositional_phrase_before_the_verb_is_no_subject)
{
    /* في سياق متصل، من جهة أخرى: adverbials before a verb whose subject is dropped */
    const char *t = "عنوان\nوقال الوزير سامي الهادي إن الخطة جاهزة.\n"
                    "وفي سياق متصل أكد أن التمويل مضمون.\n"
                    "ومن جهة أخرى أوضح أن التنفيذ يبدأ غدا.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن التمويل");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سامي الهادي");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن التنفيذ");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سامي الهادي");
}

TEST(surname_opening_with_bal_and_a_conjunction_written_apart)
{
    /* بالطاهر reads as ب + ال + طاهر; the و of و أضاف stands alone */
    const char *t = "عنوان\nقال المواطن كمال بالطاهر إن الطريق مغلق منذ أيام.\n"
                    "و أضاف أن البلدية لم تتدخل بعد.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الطريق");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "كمال بالطاهر");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن البلدية");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "كمال بالطاهر");
}

TEST(name_after_a_comma_closed_by_the_particle_or_opening_with_al)
{
    /* a first name with ال (المنجي) between commas; a name closed by إن */
    const char *t = "عنوان\nقال وزير الصحة، الهادي بوزيان، إن المستشفى جاهز.\n"
                    "وقال الخبير المالي، حسين الزاوي إن الأسعار سترتفع.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن المستشفى");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الهادي بوزيان");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الأسعار");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "حسين الزاوي");
}

TEST(object_with_a_pronoun_ends_the_name_and_al_first_name_is_a_full_mention)
{
    /* وزارته carries a pronoun: no title in apposition, so بحرص is no surname;
    ** ، الهادي بوزيان، gives the full name of the later بوزيان */
    const char *t = "عنوان\nقال وزير النقل، الهادي بوزيان، إن القطارات ستعود.\n"
                    "وذكر بوزيان بحرص وزارته على السلامة. وأضاف أن الصيانة انتهت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الصيانة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الهادي بوزيان");
}

TEST(body_name_does_not_run_on_into_its_verb)
{
    /* شركة تيليكام | تعويض الزبائن: the word after a body's name is no part of it */
    const char *t = "عنوان\nوقالت شركة تيليكام إن الخدمة ستعود.\n"
                    "وطلبت الوزارة من شركة تيليكام تعويض الزبائن عن الانقطاع.\n"
                    "وأضافت تيليكام أن الأعطال أصلحت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الأعطال");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "تيليكام");
}

TEST(body_head_without_al_stays_in_its_name)
{
    /* بلدية | منزل تميم: the body is named with its head; وكالة | رويترز is not */
    const char *t = "عنوان\nوأكدت بلدية منزل تميم أن الأشغال انتهت.\n"
                    "وقالت بلدية وادي الزيتون إن الطريق فتحت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الأشغال");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "بلدية منزل تميم");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الطريق");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "بلدية وادي الزيتون");
}

TEST(description_finds_a_name_ending_in_an_al_surname_before_an_object)
{
    /* … كريم المنصوري | خبر حجز: the bare word after the ال surname is the object */
    const char *t = "عنوان\nأكد المدير الجهوي للتجارة بالقصرين كريم المنصوري خبر حجز كميات "
                    "من السكر.\nوقال المدير الجهوي للتجارة إن المراقبة متواصلة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن المراقبة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "كريم المنصوري");
}

TEST(an_ordinal_adverb_after_the_verb_is_no_subject)
{
    /* وأوضح أولا أن، وكتب بلاتر أخيرا في: first, lately */
    const char *t = "عنوان\nوقال الكاتب خلف الحربي إن الحرية مهمة. وأوضح أولا أن الخوف ليس "
                    "على حياته.\nوكتب بلاتر أخيرا: \"الإصلاح ممكن وسننجزه قريبا\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الخوف");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "خلف الحربي");
    q = quote(d, t, KH_QUOTE_DIRECT, "الإصلاح");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "بلاتر");
}

TEST(absence_noun_after_the_verb_is_its_object)
{
    /* أكد عدم …: "the absence of" is what was said, never who said it */
    const char *t = "عنوان\nوقال الكابتن خالد أبو راشد إن الصفقات ضعيفة.\n"
                    "وأبدى عدم رضاه عن الصفقات المحلية، وقال «لم تكن الصفقات مقنعة».\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "لم تكن");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "خالد أبو راشد");
}

TEST(subject_stops_before_a_plural_object_or_an_adverbial_accusative)
{
    /* ودعا X | المتضررين، وانتقد الX | السياسات، أكد X الY | جازما */
    const char *t = "عنوان\nودعا منير قلعاوي المتضررين إلى التسجيل، مؤكدا أن الدعم قريب.\n"
                    "وانتقد الزواري السياسات الحالية، مضيفا أنها فشلت.\n"
                    "وأكد سامي الحمروني جازما أنه لم يستقل.\n"
                    "وقال ثلثا المستطلعين إن الوضع تحسن.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الدعم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "منير قلعاوي");
    q = quote(d, t, KH_QUOTE_REPORTED, "أنها فشلت");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الزواري");
    q = quote(d, t, KH_QUOTE_REPORTED, "أنه لم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سامي الحمروني");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الوضع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "ثلثا المستطلعين");
}

/* A table case's failure: what (the speaker, the text) of a statement is
** got, not want. */
static void check_case_span(kt_ctx *kt_, const char *why, const char *text, const char *what,
                            kh_span got, const char *want)
{
    if (!span_is(text, got, want))
        kt_fail(kt_, __FILE__, __LINE__, "%s: %s \"%.*s\", expected \"%s\"", why, what,
                got.start == KH_NONE ? 0 : (int)(got.end - got.start),
                got.start == KH_NONE ? "" : text + got.start, want ? want : "(none)");
}

/* The words of each direct quote, one row per behaviour of mark pairing
** (quotes.c): the direct quote starting with head has the text span (NULL:
** it only has to exist). Up to three quotes per text. */
static const struct text_case {
    const char *why, *text;
    struct {
        const char *head, *span;
    } q[3];
} TEXT_CASES[] = {
    /* فريق «8 مارس « وقام: the writer closed with the opener's shape; read by
    ** its shape it opened, and the quote ran on over the paragraphs after */
    {"a mark spaced on both sides closes whatever its shape",
     "عنوان\nوأكد الوزير أنه «لا يمكن أن يقبل بعون لأنه مرشح فريق «8 مارس « وقام بتأمين "
     "الغطاء»، مشيراً الى أن «المشكلة جدية».\nوقال النائب: «إن الحكومة باقية».\n",
     {{"لا يمكن", "لا يمكن أن يقبل بعون لأنه مرشح فريق «8 مارس « وقام بتأمين الغطاء"},
      {"المشكلة جدية", NULL},
      {"إن الحكومة", NULL}}},
    /* a stray closer (اللازم».), then two quotes opened after وقال: with the
    ** first one's closer missing: the second mark opens, it closes nothing */
    {"a mark after a colon opens even when a quote is open",
     "عنوان\nوأحالوا الموقوفين إلى المرجع المختص لإجراء اللازم».وكان عون قد شن هجوما "
     "على الحكومة.وقال:» لا عمالة ولا عمولة ولا دم علينا ونعيّر الجميع وقال:» انتم "
     "حكومة النفايات وعرقلة المشروعات».وشدد على موقفه.\n",
     {{" لا عمالة", " لا عمالة ولا عمولة ولا دم علينا ونعيّر الجميع"}, /* the space after the
                                                                       ** mark */
      {" انتم حكومة", " انتم حكومة النفايات وعرقلة المشروعات"}}},
    {"an unclosed quote ends at the reporter's participle",
     "عنوان\nوقال عمار عمروسية إن الحكومة \"إداري بامتياز وأبعد ما يكون عن السياسة "
     "مضيفا أنه مازال يستخدم الأساليب القديمة.\n",
     {{"إداري", "إداري بامتياز وأبعد ما يكون عن السياسة"}}},
    {"an unclosed quote keeps its closing bracket",
     "عنوان\nوقبل ذلك، أعلنت الوزارة \"استشهاد شاب برصاص الاحتلال شرق خان يونس (جنوب "
     "القطاع)\n",
     {{"استشهاد", "استشهاد شاب برصاص الاحتلال شرق خان يونس (جنوب القطاع)"}}},
};

TEST(text_cases)
{
    for (size_t k = 0; k < sizeof TEXT_CASES / sizeof TEXT_CASES[0]; k++) {
        const struct text_case *c = &TEXT_CASES[k];
        const kh_article *d = X(c->text);
        REQUIRE(d);
        for (size_t j = 0; j < 3 && c->q[j].head; j++) {
            const kh_quote *q = quote(d, c->text, KH_QUOTE_DIRECT, c->q[j].head);
            if (!q)
                kt_fail(KT, __FILE__, __LINE__, "%s: no quote starting \"%s\"", c->why,
                        c->q[j].head);
            else if (c->q[j].span)
                check_case_span(KT, c->why, c->text, "text", q->text, c->q[j].span);
        }
    }
}

/* The speaker of each statement, one row per behaviour of the speaker rules
** (its name says which): the statement of kind whose text starts with head
** has that speaker. Up to three statements per text. */
static const struct speaker_case {
    const char *why, *text;
    struct {
        uint32_t kind;
        const char *head, *speaker;
    } q[3];
} SPEAKER_CASES[] = {
    {"a compass word after a comma opens a place in apposition, not a name",
     "عنوان\nأوضح مسؤول يمني بمحافظة عدن، جنوب البلاد، اليوم، إن حصيلة القتلى بلغت ألفاً.\n",
     {{KH_QUOTE_REPORTED, "إن حصيلة", "مسؤول يمني بمحافظة عدن"}}},
    {"min bayn haula'i before a relative's subject: one of them speaks",
     "عنوان\nومن بين هؤلاء الملياردير الروسي يوري ميلنر، الذي قال: «لا يمكن أن نغفل الأمر».\n",
     {{KH_QUOTE_DIRECT, "لا يمكن", "يوري ميلنر"}}},
    {"the blessing after rasul allah and a word with written tanween end a name",
     "عنوان\nوعن ابن عباس قال: قال رسول الله صلى الله عليه وسلم: «أبغض الناس ثلاثة».\nوقال "
     "الباحث ماجد نواز إن السجن صعب. ويضيف نواز مستذكرًا أيام السجن: «كانت صعبة».\n",
     {{KH_QUOTE_DIRECT, "أبغض", "رسول الله"}, {KH_QUOTE_DIRECT, "كانت صعبة", "ماجد نواز"}}},
    {"a derived verbal noun after a name is what he spoke of, not his name's fuller form",
     "عنوان\nكما أدان كيري اغتيال النائب العام المصري. وأكد كيري أن الإرهاب مرفوض.\n",
     {{KH_QUOTE_REPORTED, "أن الإرهاب", "كيري"}}},
    {"fi and the moment of an occasion say when he spoke, not who",
     "عنوان\nوقال نائب خادم الحرمين الشريفين في بداية الاستقبال: «أوكلني خادم الحرمين بالحج».\n",
     {{KH_QUOTE_DIRECT, "أوكلني", "نائب خادم الحرمين الشريفين"}}},
    {"ali written with ya after the rank al-muqaddam is the name",
     "عنوان\nوأفاد المتحدث الإعلامي للدفاع المدني بمنطقة نجران المقدم علي بن عمير الشهراني أن "
     "الحريق أخمد.\n",
     {{KH_QUOTE_REPORTED, "أن الحريق", "علي بن عمير الشهراني"}}},
    {"a manner phrase with bi after a name ends the subject and the name's fuller form",
     "عنوان\nوقال القصبي بتأثر كبير إنها سيدة عظيمة. والتقى الأمين العام جيروم فالكه بالصحفيين. "
     "وقال فالكه بشدة إن القرار خاطئ.\n",
     {{KH_QUOTE_REPORTED, "إنها سيدة", "القصبي"}, {KH_QUOTE_REPORTED, "إن القرار", "جيروم فالكه"}}},
    {"al written apart before digits is an ordinal, no name",
     "عنوان\nوكشف التقرير الـ51 الذي أصدرته مؤسسة النقد أن الأصول ارتفعت.\n",
     {{KH_QUOTE_REPORTED, "أن الأصول", "التقرير"}}},
    {"al-amr alladhi + an imperfect verb and ila is impersonal; dhat/nafs before a source is "
     "dropped",
     "عنوان\nوقالت مصادر مطلعة إن اللجنة ستجتمع. وتحسنت حالة المريضة، الأمر الذي يشير إلى أنها "
     "تعافت. وقالت ذات المصادر إن اللجنة سترفع تقريرها.\n",
     {{KH_QUOTE_REPORTED, "إن اللجنة ستجتمع", "مصادر مطلعة"},
      {KH_QUOTE_REPORTED, "إن اللجنة سترفع", "مصادر مطلعة"}}},
    {"a verb opening a line before a name with an al surname and a title is no first name",
     "عنوان\nأبدى محمد القاسم رئيس نادي التعاون قناعته بالمستويات التي قدمها فريقه، مشيرا إلى "
     "أنه لولا بعض الظروف لوصل إلى مراحل متقدمة.\n",
     {{KH_QUOTE_REPORTED, "أنه لولا", "محمد القاسم"}}},
    {"a supervisor's field follows on; his name after it, or after a rank",
     "عنوان\nوأشار المشرف العام على الملتقى الأستاذ غرم الله المالكي، أنه بدأ التخطيط. وأوضح "
     "المشرف العام على المشروع عبدالمحسن بوحمد أن الأعضاء كثيرون. واعتبر المشرف العام على فريق "
     "تطوير سوق عكاظ الدكتور بريكان الشلوي أن الأندية مهمة.\n",
     {{KH_QUOTE_REPORTED, "أنه بدأ", "غرم الله المالكي"},
      {KH_QUOTE_REPORTED, "أن الأعضاء", "عبدالمحسن بوحمد"},
      {KH_QUOTE_REPORTED, "أن الأندية", "بريكان الشلوي"}}},
    {"one name word after fi and no name before it is a place: the description as written",
     "عنوان\nوأوضح المشرف العام على وكالة التنمية في إمارة المنطقة أن خمس شركات تولت المشروع.\n",
     {{KH_QUOTE_REPORTED, "أن خمس", "المشرف العام على وكالة التنمية في إمارة المنطقة"}}},
    {"a lam complement's one name word names the body; a lam name goes before a nisba or a link",
     "عنوان\nوقال المدير التنفيذي لسوق عكاظ إن عدد الحرفيين كبير. وقال الكاتب العام للنقابة "
     "لسعد اليعقوبي إن الإضراب مستمر. وقالت مديرة الإشراف لبنى بنت عبدالرحمن الأنصاري إن "
     "المدارس جاهزة.\n",
     {{KH_QUOTE_REPORTED, "إن عدد", "المدير التنفيذي لسوق عكاظ"},
      {KH_QUOTE_REPORTED, "إن الإضراب", "لسعد اليعقوبي"},
      {KH_QUOTE_REPORTED, "إن المدارس", "لبنى بنت عبدالرحمن الأنصاري"}}},
    {"after a complement that names the body or the place, a rank's name is the title's",
     "عنوان\nوقال المدير التنفيذي لسوق عكاظ الدكتور راشد الغامدي إن السوق كبير. وقال مدير "
     "شرطة جدة اللواء محمد القحطاني إن الأمن مستتب. وقال مدير شرطة جدة إن العدد قليل.\n",
     {{KH_QUOTE_REPORTED, "إن السوق", "راشد الغامدي"},
      {KH_QUOTE_REPORTED, "إن الأمن", "محمد القحطاني"},
      {KH_QUOTE_REPORTED, "إن العدد", "محمد القحطاني"}}},
    {"a title that reaches the phrase limit on a rank keeps the name after it",
     "عنوان\nبدوره، قال مدير عام الهيئة العامة للسياحة والآثار أمين عام مجلس التنمية السياحية "
     "بمنطقة عسير المهندس محمد العمرة إن الصيف بدأ.\n",
     {{KH_QUOTE_REPORTED, "إن الصيف", "محمد العمرة"}}},
    {"a source's second fi phrase may name a body of a few words; a speech place is no part",
     "عنوان\nوقال مصدر مسؤول في وزارة الداخلية في حكومة إقليم كردستان، إن التحقيق بدأ.\n"
     "وقال مصدر مسؤول في وزارة الخارجية الكويتية في تصريح صحفي إن الأمن مستقر.\n",
     {{KH_QUOTE_REPORTED, "إن التحقيق", "مصدر مسؤول في وزارة الداخلية في حكومة إقليم كردستان"},
      {KH_QUOTE_REPORTED, "إن الأمن", "مصدر مسؤول في وزارة الخارجية الكويتية"}}},
    {"min ajl and a definite noun go on within a body's fuller name",
     "عنوان\nاعتبر حزب التكتل من أجل العمل والحريات في بيان له، أن المبادرة خلقت أزمة.\n"
     "وقال حزب التكتل إن الحكومة فشلت.\n",
     {{KH_QUOTE_REPORTED, "إن الحكومة", "حزب التكتل من أجل العمل والحريات"}}},
    {"a quoted role after a first name and an al surname is no speaker: the name is",
     "عنوان\nويرى صادق الحدب \"ناخب\" أن هذه الطريقة إيجابية.\n",
     {{KH_QUOTE_REPORTED, "أن هذه", "صادق الحدب"}}},
    {"a quoted paper after the subject of told is the one told",
     "عنوان\nوفي تعز أبلغت مصادر محلية «عكاظ» أن الاعتداءات مستمرة.\n",
     {{KH_QUOTE_REPORTED, "أن الاعتداءات", "مصادر محلية"}}},
    {"a body's other name in brackets inside a person's title, then the person's name",
     "عنوان\nقالت الناطقة باسم خدمات الإطفاء (كول فاير) لين راوند لفرانس برس: إن «رجالنا يعملون "
     "بجد».\n",
     {{KH_QUOTE_DIRECT, "رجالنا", "لين راوند"}}},
    {"tweets after fi are where the body spoke, not part of its name",
     "عنوان\nأعلنت هيئة الطيران المدني تعليق الرحلات.\nأوضحت الهيئة في تغريدات لاحقة أن الرحلات "
     "ستعود.\n",
     {{KH_QUOTE_REPORTED, "أن الرحلات", "هيئة الطيران المدني"}}},
    {"a title, its field or place after fi, then a rank: the name after the rank",
     "عنوان\nأكد المختص في الأرصاد والفلك الدكتور خالد الزعاق، وعضو الاتحاد العربي أن المملكة "
     "ستشهد ارتفاعا.\nويقول أستاذ التربية وعلم النفس في جامعة الملك عبدالعزيز الدكتور صالح يحيي "
     "الغامدي إن الشباب تشربوا أفكارا.\n",
     {{KH_QUOTE_REPORTED, "أن المملكة", "خالد الزعاق"},
      {KH_QUOTE_REPORTED, "إن الشباب", "صالح يحيي الغامدي"}}},
    {"ali after a person's title is the name, not the preposition",
     "عنوان\nمن جانبه، يرى الأكاديمي الكاتب الدكتور علي الموسى أن أزمة كتب التراث في كثرتها.\n",
     {{KH_QUOTE_REPORTED, "أن أزمة", "علي الموسى"}}},
    {"al-unsur after a name is an apposition, and the name before it ends there",
     "عنوان\nوقال باباكورا كولو العنصر في ميليشيا الدفاع الذاتي: «وقع هجوم انتحاري».\n",
     {{KH_QUOTE_DIRECT, "وقع هجوم", "باباكورا كولو"}}},
    {"a royal's title in a place's name is no apposition; the place may follow",
     "عنوان\nقال مدير عام جمرك مطار الملك عبدالعزيز الدولي محمد العقيل: \"تم ضبط الكمية\".\n"
     "وأكد مدير عام جمارك مطار الملك فهد بالدمام يوسف بن ابراهيم الزاكان أن الجمارك مستعدة.\n",
     {{KH_QUOTE_DIRECT, "تم ضبط", "محمد العقيل"},
      {KH_QUOTE_REPORTED, "أن الجمارك", "يوسف بن ابراهيم الزاكان"}}},
    {"a name never ends on a link: the word after bin or al is a name, then the family name",
     "عنوان\nوأشار الأمير عبد الله بن مساعد في تصريحات إلى أن الأندية تواجه أزمة.\n"
     "وقال الأمير محمد بن نايف بن عبدالعزيز آل سعود وزير الداخلية: إن الأمن مستقر.\n"
     "وأكد المدير العام لإسطبلات الخالدية مطلق بن مشرف أن الإنجاز كبير.\n",
     {{KH_QUOTE_REPORTED, "أن الأندية", "عبد الله بن مساعد"},
      {KH_QUOTE_REPORTED, "إن الأمن", "محمد بن نايف بن عبدالعزيز آل سعود"},
      {KH_QUOTE_REPORTED, "أن الإنجاز", "مطلق بن مشرف"}}},
    {"a nasab that grows over its links keeps the family name after it, and its first name",
     "عنوان\nوأوضح مدير الهلال الأحمر خالد بن مساعد السهلي أن الفرق جاهزة.\n"
     "وقال الأمير جلوي بن عبد العزيز بن مساعد في اتصال هاتفي إن الشهيد قدم روحه.\n",
     {{KH_QUOTE_REPORTED, "أن الفرق", "خالد بن مساعد السهلي"},
      {KH_QUOTE_REPORTED, "إن الشهيد", "جلوي بن عبد العزيز بن مساعد"}}},
    {"one of after a name, and a speech given as the object, end its fuller form",
     "عنوان\nوصرح جورج هنري بوتييه أحد محامي الدفاع: \"كنا نفضل التشاور\". وأضاف بوتييه أن "
     "المهلة قصيرة.\nوألقى الدكتور جمعان رشيد بن رقوش كلمة أكد فيها أن الأمن مسؤولية الجميع.\n",
     {{KH_QUOTE_DIRECT, "كنا نفضل", "جورج هنري بوتييه"},
      {KH_QUOTE_REPORTED, "أن المهلة", "جورج هنري بوتييه"},
      {KH_QUOTE_REPORTED, "أن الأمن", "جمعان رشيد بن رقوش"}}},
    {"lafata al-nazar right after the verb is its object: the subject is dropped",
     "عنوان\nوقال الطبيب خالد العمري إن الحالات كثيرة. ولفت النظر إلى أن الإصابات خطيرة.\n",
     {{KH_QUOTE_REPORTED, "إن الحالات", "خالد العمري"},
      {KH_QUOTE_REPORTED, "أن الإصابات", "خالد العمري"}}},
    {"a share of a group heads a subject: some with a definite noun, a number with its min",
     "عنوان\nوقال بعض المغردين إن الحساب مخترق.\nوذكرت بعض وسائل الإعلام البرازيلية أن "
     "اللاعب مصاب.\nوأكد عدد كبير من متابعيه أن الصور قديمة.\n",
     {{KH_QUOTE_REPORTED, "إن الحساب", "بعض المغردين"},
      {KH_QUOTE_REPORTED, "أن اللاعب", "بعض وسائل الإعلام البرازيلية"},
      {KH_QUOTE_REPORTED, "أن الصور", "عدد كبير من متابعيه"}}},
    {"an anonymous source's second fi phrase that says where it spoke is no part of it",
     "عنوان\nوأشارت مصادر في المعارضة السورية في تصريح لـ«الشرق الأوسط»، إلى أن الخطف تم.\n"
     "وقال مصدر مسؤول في الحكومة اليمنية في تصريحات صحفية إن الهدنة صامدة.\n",
     {{KH_QUOTE_REPORTED, "أن الخطف", "مصادر في المعارضة السورية"},
      {KH_QUOTE_REPORTED, "إن الهدنة", "مصدر مسؤول في الحكومة اليمنية"}}},
    {"the word after a title's fi is the place, not the first word of the name after it",
     "عنوان\nوقال مدير مكتب الحملة في لبنان وليد بن علي الجلال إن المشروع اكتمل.\n"
     "وقال ممثل الأمم المتحدة في أفغانستان نيكولاس هايسوم إن الوضع صعب.\n",
     {{KH_QUOTE_REPORTED, "إن المشروع", "وليد بن علي الجلال"},
      {KH_QUOTE_REPORTED, "إن الوضع", "نيكولاس هايسوم"}}},
    {"a stance noun right after the verb is its object: the subject is dropped",
     "عنوان\nوقال وزير الخارجية عادل الجبير إن الزيارة ناجحة. وأكد حرص بلاده على «تدعيم "
     "العلاقة». وأكد ضرورة الحوار، مشيرا إلى أن الأزمة طويلة.\n",
     {{KH_QUOTE_DIRECT, "تدعيم العلاقة", "عادل الجبير"},
      {KH_QUOTE_REPORTED, "أن الأزمة", "عادل الجبير"}}},
    {"a nasab's fuller form runs over its links, not over the object after it",
     "عنوان\nوزار الأمير جلوي بن عبدالعزيز بن مساعد المصابين.\nوقال جلوي بن عبدالعزيز خلال "
     "استقباله المواطنين: «إن الله تعالى أنعم علينا».\n",
     {{KH_QUOTE_DIRECT, "إن الله", "جلوي بن عبدالعزيز بن مساعد"}}},
    {"rukn (staff) after a rank is part of the rank, never of the name",
     "عنوان\nوأكد العميد ركن أحمد عسيري أن العمليات مستمرة.\nوأشار المتحدث باسم المجلس "
     "العسكري في تعز العميد الركن سمير الحاج إلى أن المقاومة تقدمت.\nوأكد الفريق ركن الشيخ "
     "راشد بن عبدالله آل خليفة وزير الداخلية أن التدخلات مرفوضة.\n",
     {{KH_QUOTE_REPORTED, "أن العمليات", "أحمد عسيري"},
      {KH_QUOTE_REPORTED, "أن المقاومة", "سمير الحاج"},
      {KH_QUOTE_REPORTED, "أن التدخلات", "راشد بن عبدالله آل خليفة"}}},
    {"aam (general) after a bare title is part of the title, never a name",
     "عنوان\nوقال سماحة مفتي عام المملكة إن الشباب أمل الأمة.\n",
     {{KH_QUOTE_REPORTED, "إن الشباب", "مفتي عام المملكة"}}},
    {"an official adjective after a body's nisba is no part of its name",
     "عنوان\nوقالت الهيئة العامة للاستعلامات المصرية الحكومية إن التقرير مغلوط.\n"
     "وقالت لجنة الأراضي الحكومية إن الأراضي وزعت.\n",
     {{KH_QUOTE_REPORTED, "إن التقرير", "الهيئة العامة للاستعلامات المصرية"},
      {KH_QUOTE_REPORTED, "إن الأراضي", "لجنة الأراضي الحكومية"}}},
    {"a definite body right before a name's words is no title of them",
     "عنوان\nوكانت الحملة التي شنتها الحكومة لإجبار موانئ دبي العالمية على التفاوض قد فشلت.\n"
     "وقالت شركة موانئ دبي العالمية إن الحكومة ادعت ذلك.\n",
     {{KH_QUOTE_REPORTED, "إن الحكومة", "شركة موانئ دبي العالمية"}}}, /* شركة is part of
                                                                       ** the company's name */
    {"dan after a title and a comma is a first name, not the verb condemned",
     "عنوان\nوقال مدير الاستخبارات الوطنية الأمريكي، دان كوتس، الاثنين إن روسيا ضالعة.\n"
     "وقال دان لويد إن الاجتماع انتهى.\n",
     {{KH_QUOTE_REPORTED, "إن روسيا", "دان كوتس"}, {KH_QUOTE_REPORTED, "إن الاجتماع", "دان لويد"}}},
    {"one of after a full name is an apposition, not part of the name",
     "عنوان\nوقال حميد حبيبي أحد مؤلفي الدراسة إن النتائج مشجعة.\n",
     {{KH_QUOTE_REPORTED, "إن النتائج", "حميد حبيبي"}}},
    {"a body's fuller name ends at a word of date",
     "عنوان\nرفع صندوق النقد الدولي اليوم الاثنين توقعاته للنمو.\n"
     "وقال صندوق النقد إن النمو سيرتفع.\n",
     {{KH_QUOTE_REPORTED, "إن النمو", "صندوق النقد الدولي"}}},
    {"a body's fuller name runs over a la genitive in construct",
     "عنوان\nأعلن البنك الأوروبي لإعادة الإعمار والتنمية، في بيان، عن شراكة جديدة.\n"
     "وقال البنك الأوروبي إن الشراكة تدعم المشروعات.\n",
     {{KH_QUOTE_REPORTED, "إن الشراكة", "البنك الأوروبي لإعادة الإعمار والتنمية"}}},
    {"an agency named with its kind keeps its head; a bare agency name does not",
     "عنوان\nوأفادت وكالة تاس للأنباء أن الوزير سيزور المنطقة.\n"
     "وذكرت وكالة رويترز أن المحادثات انتهت.\n",
     {{KH_QUOTE_REPORTED, "أن الوزير", "وكالة تاس للأنباء"},
      {KH_QUOTE_REPORTED, "أن المحادثات", "رويترز"}}},
    {"a person's title, a quoted body in it, then a place and the name: the name speaks",
     "عنوان\nوتعليقا على المفاجأة، علق مدير شركة «بلاتينوم ريكوردز» في دبي تيمور مرمرشي "
     "قائلا: «لعل هذا الدويتو أحد أبرز الأحداث».\n",
     {{KH_QUOTE_DIRECT, "لعل", "تيمور مرمرشي"}}},
    {"a detached la before a hashtag is the title's genitive",
     "عنوان\nأبدت المديرة العامة لـ #صندوق_النقد_الدولي كريستين لاغارد تفاؤلا حيال "
     "الاقتصاد، قائلة \"لا داعي للقلق\" بشأن النمو.\n",
     {{KH_QUOTE_DIRECT, "لا داعي", "كريستين لاغارد"}}},
    {"a verb of saying after adam is a verbal noun with no subject of its own",
     "عنوان\nوقال مسؤول أمني كبير والذي فضل عدم ذكر اسمه، إن الهجوم «كان متوقعا منذ "
     "أيام».\n",
     {{KH_QUOTE_REPORTED, "إن الهجوم", "مسؤول أمني كبير"},
      {KH_QUOTE_DIRECT, "كان متوقعا", "مسؤول أمني كبير"}}},
    {"al-bahithun refers back to the researchers the article brought in",
     "عنوان\nوقال باحثون من جامعة شيفيلد البريطانية إن التعدد مفيد للصحة.\n"
     "وأشار الباحثون إلى أن الحياة السعيدة أطول.\n",
     {{KH_QUOTE_REPORTED, "أن الحياة", "باحثون من جامعة شيفيلد البريطانية"}}},
    {"a meeting after fi is where he spoke, not where his title is held",
     "عنوان\nوقال القيادي بحزب الاتحاد المسيحي الاجتماعي ماركوس زودر في اجتماع الاثنين "
     "\"ينبغي أن نرسل إشارة للعالم\".\n",
     {{KH_QUOTE_DIRECT, "ينبغي", "ماركوس زودر"}}},
    {"kana frames a source and its place before the verb",
     "عنوان\nوكان مسؤول في الإدارة المحلية ذكر أن الهجوم لم يسفر عن ضحايا.\n",
     {{KH_QUOTE_REPORTED, "أن الهجوم", "مسؤول في الإدارة المحلية"}}},
    {"a place of speech before alladhi qala is where he spoke; the speaker goes on",
     "عنوان\nوبين راشد الغنوشي أن المسألة مطروحة بقوة في هذا المؤتمر الذي قال ان اجال "
     "عقده لن تتجاوز هذا الربيع وأضاف أن \"الحركة تسعى إلى خوض مرحلة جديدة\".\n",
     {{KH_QUOTE_REPORTED, "ان اجال", "راشد الغنوشي"}, {KH_QUOTE_DIRECT, "الحركة", "راشد الغنوشي"}}},
    {"a title word ending a name before alladhi is the family name",
     "عنوان\nويشار إلى أن تصريح عمروسية جاء تعليقا على تصريح رئيس الهيئة الوطنية لمكافحة "
     "الفساد شوقي الطبيب الذي قال فيه إن \"مسؤولين كبار متورطون في قضايا فساد\".\n",
     {{KH_QUOTE_DIRECT, "مسؤولين", "شوقي الطبيب"}}},
    {"bi-dhalik after a verb of saying is what was said, never its subject",
     "عنوان\nأكد نور الدين الطبوبي قاطعا أنه لم يصرح بذلك مضيفا \"ان هذا الموقف لا يلزم إلا "
     "صاحبه\".\n",
     {{KH_QUOTE_DIRECT, "ان هذا", "نور الدين الطبوبي"}}},
    {"a specialist's title after the name ends it, and the colon's quote is the verb's",
     "عنوان\nوقال الباحث لانس ووركمان الأخصائي في علم النفس: «إنه إذا كان لديك أكثر من "
     "زوجة تعتني بك فهذا يجعلك تعيش».\n",
     {{KH_QUOTE_DIRECT, "إنه إذا", "لانس ووركمان"}}},
    {"wali read whole is a title, not wa + li + an addressee",
     "عنوان\nويقول ولي العهد السعودي، الأمير محمد بن سلمان، إنه يريد التحديث.\n",
     {{KH_QUOTE_REPORTED, "إنه يريد", "محمد بن سلمان"}}},
    {"a news agency and an information administration are bodies, not hearsay",
     "عنوان\nوأفادت وكالة الأنباء السعودية بأن ولي العهد نقل تحيات الملك.\n"
     "وقالت إدارة معلومات الطاقة إن مخزونات البنزين انخفضت.\n",
     {{KH_QUOTE_REPORTED, "بأن ولي", "وكالة الأنباء السعودية"},
      {KH_QUOTE_REPORTED, "إن مخزونات", "إدارة معلومات الطاقة"}}},
    {"a second title joined by wa between commas, then a rank, then the name; the title said "
     "alone later is that name",
     "عنوان\nأفاد مساعد وكيل الجمهورية بالمحكمة الابتدائية بمنوبة، والناطق الرسمي باسمها، "
     "القاضي سامي صمادحي، مساء الاربعاء، بأنه تم فتح بحث.\nوذكر الناطق الرسمي في تصريح "
     "مساء اليوم للإذاعة، أن \"واقعة الاعتداء جدت ليلة أمس بالسجن المذكور\".\n",
     {{KH_QUOTE_REPORTED, "بأنه تم", "سامي صمادحي"}, {KH_QUOTE_DIRECT, "واقعة", "سامي صمادحي"}}},
    {"a rank and a name in apposition end at the medium told",
     "عنوان\nوقال قائد الشرطة الاتحادية، الفريق رائد شاكر جودت لـ«الشرق الأوسط» إن «خلية "
     "استخبارات التنظيم تفككت».\n",
     {{KH_QUOTE_DIRECT, "خلية", "رائد شاكر جودت"}}},
    {"a title whose term ended (al-muntahiya wilayatuha) still names the person after it",
     "عنوان\nوأكدت الأمينة العامة المنتهية ولايتها مية الجريبي أن تونس في حاجة الى هبة "
     "وطنية.\n",
     {{KH_QUOTE_REPORTED, "أن تونس", "مية الجريبي"}}},
    {"a nasab has one first name: the word before it ends the title's place; a title after "
     "wa-fawr wusul refers to the named holder, not to those words",
     "عنوان\nأكد محافظ خميس مشيط سعيد بن عبدالعزيز بن مشيط أن المحافظة تتابع المشروع.\n"
     "وفور وصول محافظ خميس مشيط، قص شريط المعرض.\n"
     "وأضاف المحافظ: \"المشاركون في المعرض يستحقون الدعم\".\n",
     {{KH_QUOTE_REPORTED, "أن المحافظة", "سعيد بن عبدالعزيز بن مشيط"},
      {KH_QUOTE_DIRECT, "المشاركون", "سعيد بن عبدالعزيز بن مشيط"}}},
    {"a document issued by a body is named with its issuer; one issued to a body keeps its own "
     "name",
     "عنوان\nوذكر بيان صادر عن إيتا أن الحركة حلت نفسها.\n"
     "وقال بيان لوزارة الداخلية تلقت الصحيفة نسخة منه إن الوزير زار المدينة.\n",
     {{KH_QUOTE_REPORTED, "أن الحركة", "بيان صادر عن إيتا"},
      {KH_QUOTE_REPORTED, "إن الوزير", "بيان لوزارة الداخلية"}}},
    {"a title heads its office with a pronoun; the name follows its comma; في and a month is "
     "when, not where",
     "عنوان\nكما أكد وزير خارجيتها الجديد، كارلوس تروجيلو، أن بلاده \"ستأخذ الخطوات "
     "اللازمة\".\nوأعلن مجلس إدارتها في مارس أن الكلية ستغلق.\n",
     {{KH_QUOTE_REPORTED, "أن بلاده", "كارلوس تروجيلو"},
      {KH_QUOTE_REPORTED, "أن الكلية", "مجلس إدارتها"}}},
    {"kabir before a plural in construct is a title, the name follows its comma",
     "عنوان\nقال كبير موظفي بنس، نيك آيرز، في بيان: \"ستقف هذه الإدارة أمام الرغبة\".\n",
     {{KH_QUOTE_DIRECT, "ستقف", "نيك آيرز"}}},
    {"an anonymous source's phrase ends where he asks not to be named; his name is withheld",
     "عنوان\nوقال مسؤول من وزارة الخارجية الاسبانية طلب عدم نشر اسمه اتساقا مع سياسة "
     "الوزارة \"المياه اسبانية وكانت القوارب في دورية\".\n",
     {{KH_QUOTE_DIRECT, "المياه", "مسؤول من وزارة الخارجية الاسبانية"}}},
    {"comma right after the verb comes before its subject",
     "عنوان\nأكد، رئيس بلدية القرية، منصف الدريدي، أن الماء سيعود غدا.\n"
     "وأضاف، الدريدي، في تصريح للإذاعة، أن الأشغال \"شارفت على النهاية\".\n",
     {{KH_QUOTE_REPORTED, "أن الماء", "منصف الدريدي"}, {KH_QUOTE_DIRECT, "شارفت", "منصف الدريدي"}}},
    {"nickname after a name and the medium told are not the speaker",
     "عنوان\nقال كمال بوعزة \"أبو نجم\"، بطل المسابقة، إنه سعيد بالجائزة.\n"
     "وأكد مصدر أمني لمراسل \"الإذاعة\"، يوم الأحد، أن الطريق فتحت.\n",
     {{KH_QUOTE_REPORTED, "إنه سعيد", "كمال بوعزة"},
      {KH_QUOTE_REPORTED, "أن الطريق", "مصدر أمني"}}},
    {"a one-word hashtag is the name as written and takes its fullest form",
     "عنوان\nأبدت المديرة العامة لـ #صندوق_النقد_الدولي كريستين لاغارد تفاؤلا، قائلة \"لا داعي "
     "للقلق\".\n"
     "وقالت #لاغارد خلال مؤتمر صحافي: \"أعتقد أنه يجب ألا نكون قلقين\" بشأن النمو.\n",
     {{KH_QUOTE_DIRECT, "أعتقد", "كريستين لاغارد"}}},
    {"a body's head with its adjectives is its name, not a description of the word after it",
     "الحزب الدستوري الحر يعبر عن تخوفه من العودة\n"
     "اعتبر الحزب الدستوري الحر في بيان له اليوم السبت أن الحكومة لم ترتق.\n",
     {{KH_QUOTE_REPORTED, "أن الحكومة", "الحزب الدستوري الحر"}}},
    {"the speech noun after a comma quotes the source named after an; the source defined is the "
     "same",
     "عنوان\nنقلت الصحيفة عن مسؤول أميركي كبير، قوله إن الدول الأربع تعمل على خطة.\n"
     "وأضاف المصدر أن الخطة \"بديل\" للمبادرة.\n",
     {{KH_QUOTE_REPORTED, "إن الدول", "مسؤول أميركي كبير"},
      {KH_QUOTE_REPORTED, "أن الخطة", "مسؤول أميركي كبير"}}},
    {"a defined anonymous head is the source introduced without al",
     "عنوان\nوقال مصدر مطلع إن الاجتماع تأجل.\nوقال الوزير إن الموعد لم يحدد.\n"
     "وأوضح المصدر أن السبب سياسي.\n",
     {{KH_QUOTE_REPORTED, "أن السبب", "مصدر مطلع"}}},
    {"a body and its nisba opening the sentence are the subject of a feminine participle",
     "عنوان\nوقال سامي العيدوي إنه بريء.\n"
     "لكن محكمة ألمانية أمرت بعد ذلك بإعادته معتبرة أن سلوك السلطات \"غير قانوني\".\n",
     {{KH_QUOTE_REPORTED, "أن سلوك", "محكمة ألمانية"}}},
    {"a body with its nisba is not another body's quoted name",
     "عنوان\nأفادت السلطات التونسية السبت أنها أوقفت رجلا.\n"
     "واعتبرت المحكمة أن سلوك السلطات الألمانية \"غير قانوني على الإطلاق\" وينتهك القانون.\n",
     {{KH_QUOTE_REPORTED, "أنها أوقفت", "السلطات التونسية"}}},
    {"lafata an-nazar: the verb's own object ends the subject's name",
     "عنوان\nوقال حسين آل فويّز إنه سعيد.\n"
     "ولفت آل فويز النظر إلى أنه قام بتدريب عدد من الشباب.\n",
     {{KH_QUOTE_REPORTED, "أنه قام", "حسين آل فويّز"}}},
    {"an anonymous source is named as written, not by a longer source elsewhere",
     "عنوان\nوذكرت مصادر محلية يمنية أن القتال توقف.\n"
     "وقالت مصادر محلية: إن مواجهات عنيفة اندلعت في المنطقة.\n",
     {{KH_QUOTE_REPORTED, "أن القتال", "مصادر محلية يمنية"},
      {KH_QUOTE_REPORTED, "إن مواجهات", "مصادر محلية"}}},
    {"a body named alone is not the pair it was named in before",
     "عنوان\nووقعت اشتباكات بين الشرطة والمسلحين الأكراد في المدينة.\n"
     "وأعلنت الشرطة أنها اعتقلت أحد المشاركين.\n",
     {{KH_QUOTE_REPORTED, "أنها اعتقلت", "الشرطة"}}},
    {"a quote after bihasab and the view noun is the words of whom the phrase names",
     "عنوان\nوقال الوزير إن الوضع مستقر.\n"
     "وبحسب تقديرات الجيش فإن \"إيران تقدم ما بين 4 إلى 5 مليارات دولار للتنظيمات\".\n"
     "وبحسب رأيه فإن \"الحل في يد الحكومة وحدها دون غيرها\".\n",
     {{KH_QUOTE_DIRECT, "إيران تقدم", "الجيش"}, {KH_QUOTE_DIRECT, "الحل في", "الجيش"}}},
    {"the journalists told after li end the speaker's phrase",
     "عنوان\nوقال ستيفان دوغاريك المتحدث باسم الأمم المتحدة إن التقرير نشر.\n"
     "وقال المتحدث للصحفيين في نيويورك الجمعة \"هذا ليس بسبب المحتوى وإنما بسبب العملية نفسها.\"\n",
     {{KH_QUOTE_DIRECT, "هذا ليس", "ستيفان دوغاريك"}}},
    {"a defined title takes the name after its earlier lada phrase; a body noun after it is the "
     "object",
     "عنوان\nقالت سفيرة الولايات المتحدة الأمريكية لدى الأمم المتحدة، نيكي هيلي، يوم الخميس إن "
     "سياسة الولايات المتحدة تغيرت.\n"
     "وأبلغت السفيرة مجموعة صغيرة من الصحفيين \"أولويتنا لم تعد الجلوس والتركيز على إزاحة "
     "الأسد عن السلطة\".\n",
     {{KH_QUOTE_DIRECT, "أولويتنا", "نيكي هيلي"}}},
    {"al-mutahaddith is the anonymous source that spoke last",
     "عنوان\nأكد مصدر أمني لمراسل \"وات\"، يوم الأحد، أن الوحدات الأمنية لم تستعمل الرش.\n"
     "وقال المتحدث إن قوات الأمن استعادت حركة المرور.\n",
     {{KH_QUOTE_REPORTED, "إن قوات", "مصدر أمني"}}},
    {"a described body takes the quoted name given before; a named one keeps its own",
     "عنوان\nوتعهدت شركة \"ماستركارد\" بالتبرع بمليون وجبة.\n"
     "وأوضحت الشركة العملاقة في بيانها \"لا نريد أن ينسى عشاق كرة القدم مسألة الجوع\".\n",
     {{KH_QUOTE_DIRECT, "لا نريد", "ماستركارد"}}},
    {"an interview's topic before the verb is no subject: the one who answers is carried",
     "عنوان\nأكد لاعب نادي الشباب عمر الغامدي أنه مقتنع تماما بقرار الاعتزال.\n"
     "وحول قرار إبعاده عن الفريق هل كان مفاجئا قال: «نعم كان بالنسبة لي شيئا مفاجئا».\n"
     "وعن مباراة النصر قال: «كانت صعبة علينا».\n",
     {{KH_QUOTE_DIRECT, "نعم كان", "عمر الغامدي"}, {KH_QUOTE_DIRECT, "كانت صعبة", "عمر الغامدي"}}},
    {"an honorific before a title or a name is no name; with a pronoun it stands for the last "
     "speaker",
     "عنوان\nوقال معالي وزير الصحة الدكتور توفيق الربيعة إن الخدمات متوفرة.\n"
     "وأضاف معاليه أن المستشفيات جاهزة.\n",
     {{KH_QUOTE_REPORTED, "إن الخدمات", "توفيق الربيعة"},
      {KH_QUOTE_REPORTED, "أن المستشفيات", "توفيق الربيعة"}}},
    {"honorifics of princes and sheikhs before their titles",
     "عنوان\nوأكد سمو أمير منطقة الرياض الأمير فيصل بن بندر أن المشروع مهم.\n"
     "وقال فضيلة الشيخ صالح الفوزان إن الصلاة واجبة.\n",
     {{KH_QUOTE_REPORTED, "أن المشروع", "فيصل بن بندر"},
      {KH_QUOTE_REPORTED, "إن الصلاة", "صالح الفوزان"}}},
    {"a rank between the comma and the name is no part of the name in apposition",
     "عنوان\nوأعلن المتحدث الأمني بوزارة الداخلية، اللواء منصور الراشد، أن الطرق آمنة.\n",
     {{KH_QUOTE_REPORTED, "أن الطرق", "منصور الراشد"}}},
    {"then after the verb is a time, not the subject; so is what was said before the subject",
     "عنوان\nوأوضح أن زعيم الجيش اعتبر آنذاك أن التأسيس خطأ.\n"
     "صرح بذلك وكيل الوزارة توفيق الراشد الذي بين أنه تم توزيع الكتب.\n",
     {{KH_QUOTE_REPORTED, "أن التأسيس", "زعيم الجيش"},
      {KH_QUOTE_REPORTED, "أنه تم", "توفيق الراشد"}}},
    {"علي after an abbreviated title is the name, not the preposition (the title stays)",
     "عنوان\nويؤكد د. علي لـ«الجريدة» أن التفاعل معقد.\n",
     {{KH_QUOTE_REPORTED, "أن التفاعل", "د. علي"}}},
    {"istadraka is a verb of saying; athna'a (during) is no speaker",
     "عنوان\nوقال الباحث سامي النمر إن الحل ممكن، مستدركا أن الوقت ضيق.\n"
     "وقال أثناء جلسة استماع إن الأدلة كافية.\n",
     {{KH_QUOTE_REPORTED, "أن الوقت", "سامي النمر"},
      {KH_QUOTE_REPORTED, "إن الأدلة", "سامي النمر"}}},
    {"bil-qawl after the subject is how it spoke, not a part of its name",
     "عنوان\nوتابعت الهيئة بالقول إن النظام واضح.\n",
     {{KH_QUOTE_REPORTED, "إن النظام", "الهيئة"}}},
    {"a longer form of the name runs on over the al half of abd al-",
     "عنوان\nوصرح رئيس الوزراء نجيب عبد الرزاق للصحفيين بأن الحطام للطائرة.\n"
     "وقال نجيب في بيان إن الموقع متوافق مع التحليل.\n",
     {{KH_QUOTE_REPORTED, "إن الموقع", "نجيب عبد الرزاق"}}},
    {"a first and a family name take the full nasab the article gives once",
     "عنوان\nوأوضح المتحدث ناصر عوشن لـ\"الوطن\" أنهم تقدموا للوظائف.\n"
     "وأكد المتحدث باسم الإداريين ناصر بن حمد بن عوشن، أن الوضع صعب.\n",
     {{KH_QUOTE_REPORTED, "أنهم تقدموا", "ناصر بن حمد بن عوشن"}}},
    {"an anonymous source's place phrase ends at the medium it told (la + quote mark)",
     "عنوان\nوأوضح مصدر قبلي في محافظة أبين لـ«الصحيفة» أن المقاتلات قصفت.\n"
     "وقال مسؤول أمني في حديث لـ«الصحيفة» إن الوضع هادئ.\n",
     {{KH_QUOTE_REPORTED, "أن المقاتلات", "مصدر قبلي في محافظة أبين"},
      {KH_QUOTE_REPORTED, "إن الوضع", "مسؤول أمني"}}},
    {"a name relayed from (an) and followed by its title is a full form of the name",
     "عنوان\nونقلت الوكالة عن سعيد الطاير العضو المنتدب للهيئة أن المشروع كبير.\n"
     "وأوضح الطاير أنه سيتم التنفيذ.\n",
     {{KH_QUOTE_REPORTED, "أنه سيتم", "سعيد الطاير"}}},
    {"a video is where she spoke, not a part of her title",
     "عنوان\nوقالت الشيخة ليلى في الفيديو إنها غادرت البلاد.\n",
     {{KH_QUOTE_REPORTED, "إنها غادرت", "ليلى"}}},
    {"first name alone takes the al surname given before a title",
     "عنوان\nوقال منير الهمداني رئيس النادي إن الموسم سيكون صعبا.\n"
     "وأكد منير أن الفريق جاهز.\n",
     {{KH_QUOTE_REPORTED, "أن الفريق", "منير الهمداني"}}},
    {"name after a title with its lada phrase and a comma",
     "عنوان\nقالت سفيرة كندا لدى الاتحاد الأوروبي، ليلى مارتان، يوم الخميس إن "
     "المفاوضات ستستأنف.\n",
     {{KH_QUOTE_REPORTED, "إن المفاوضات", "ليلى مارتان"}}},
    {"name after a title with its an phrase closed by the particle",
     "عنوان\nقال النائب بالبرلمان عن حزب الأمل الجديد، كمال بوزيان إن "
     "الميزانية لن تمر.\n",
     {{KH_QUOTE_REPORTED, "إن الميزانية", "كمال بوزيان"}}},
    {"union is a body resolved to its full name",
     "عنوان\nنبهت النقابة الوطنية لأطباء الأسنان إلى خطورة الوضع المالي.\n"
     "وأوضحت النقابة أن الأسعار ارتفعت كثيرا.\n",
     {{KH_QUOTE_REPORTED, "أن الأسعار", "النقابة الوطنية لأطباء الأسنان"}}},
    {"first name read as wa or li after a title",
     "عنوان\nوقال كاتب عام نقابة النقل لسعيد الزواري إن الإضراب قائم.\n"
     "وأضاف الزواري أن المفاوضات توقفت.\n"
     "وقال وزير الصناعة الكندي ويتني ديكسون إن المصانع ستفتح.\n",
     {{KH_QUOTE_REPORTED, "إن الإضراب", "لسعيد الزواري"},
      {KH_QUOTE_REPORTED, "أن المفاوضات", "لسعيد الزواري"},
      {KH_QUOTE_REPORTED, "إن المصانع", "ويتني ديكسون"}}},
    {"verb with wa opening a sentence is no first name",
     "عنوان\nانتهى الاجتماع مساء أمس. واستقالت سلمى قرقني المديرة التنفيذية "
     "للهيئة من منصبها.\n"
     "وقالت قرقني إن الضغوط كانت كبيرة.\n",
     {{KH_QUOTE_REPORTED, "إن الضغوط", "سلمى قرقني"}}},
    {"ad din closes a compound first name",
     "عنوان\nانتقد رئيس الكتلة، نور الدين الجلاصي، تصريحات الوزير.\n"
     "وقال الجلاصي إن الحكومة فشلت.\n"
     "وقال أستاذ أصول الدين محمد سالم إن الأمر واضح.\n",
     {{KH_QUOTE_REPORTED, "إن الحكومة", "نور الدين الجلاصي"},
      {KH_QUOTE_REPORTED, "إن الأمر", "محمد سالم"}}},
    {"body word inside an addressee is no subject",
     "عنوان\nقال وزير الخارجية الأمريكي جون كيري إن الاتفاق جيد.\n"
     "وقال لمجلس العلاقات الخارجية في نيويورك \"أخشى مما يمكن أن يحدث بعد ذلك\".\n",
     {{KH_QUOTE_DIRECT, "أخشى", "جون كيري"}}},
    {"topic after amma is the subject of its fa verb",
     "عنوان\nأما المواطن يحيى العبيد فقد أشار إلى أنه ينقل بسيارته.\n"
     "أما الوزير فقال إن الوضع جيد.\n",
     {{KH_QUOTE_REPORTED, "أنه ينقل", "يحيى العبيد"}, {KH_QUOTE_REPORTED, "إن الوضع", "الوزير"}}},
    {"one of two coordinated names keeps its own name",
     "عنوان\nتقول شركتا فيسبوك وتويتر إنهما علقتا حسابات مرتبطة بإيران.\n"
     "وقالت تويتر إنها علقت 284 حسابا.\n",
     {{KH_QUOTE_REPORTED, "إنها علقت", "تويتر"}}},
    {"speech place with its pronoun is no part of the subject",
     "عنوان\nوقالت المنظمة الأفريقية في بيانها: \"البطل السوداني المقيم في قطر "
     "قتل\".\n",
     {{KH_QUOTE_DIRECT, "البطل", "المنظمة الأفريقية"}}},
    {"unnamed officer is an anonymous speaker with his phrase",
     "عنوان\nوقال ضابط إسرائيلي كبير في الجيش إنه كان هناك عدد من المقاتلين.\n"
     "وقال الضابط إن الجيش مستعد.\n",
     {{KH_QUOTE_REPORTED, "إن الجيش", "ضابط إسرائيلي كبير في الجيش"}}},
    {"title comma then description with the name is one subject",
     "عنوان\nمن جهته، قال عضو الائتلاف، المعارض البارز سمير نشار إن هناك العديد من "
     "المؤشرات.\nوقال المتحدث باسم الوزارة، إن الوضع هادئ.\n",
     {{KH_QUOTE_REPORTED, "إن هناك", "سمير نشار"},
      {KH_QUOTE_REPORTED, "إن الوضع", "المتحدث باسم الوزارة"}}},
    {"hashtag body in a title chain anchors the name after it",
     "عنوان\nأبدت المديرة العامة لـ #صندوق_النقد_الدولي كريستين لاغارد تفاؤلا حيال "
     "الاقتصاد.\nوقالت لاغارد إن النمو قوي.\n",
     {{KH_QUOTE_REPORTED, "إن النمو", "كريستين لاغارد"}}},
    {"anonymous source with a compound preposition keeps its phrase",
     "عنوان\nوفي سياق ذلك حذر مصدر رسمي من داخل المحافظة من أن الوضع متوتر جدا.\n",
     {{KH_QUOTE_REPORTED, "أن الوضع", "مصدر رسمي من داخل المحافظة"}}},
    {"anonymous source keeps a second place phrase",
     "عنوان\nوأعلن مسؤول عسكري في قاعدة حميميم الروسية في سوريا، أن الدفاعات أسقطت "
     "أهدافا.\nوقال المسؤول إن العملية انتهت.\n",
     {{KH_QUOTE_REPORTED, "إن العملية", "مسؤول عسكري في قاعدة حميميم الروسية في سوريا"}}},
    {"bayyana written with shadda is a verb whatever follows",
     "عنوان\nوبيّن مدير جمعية الثقافة والفنون بجدة عمر الجاسر لـ\"الوطن\" أن إطلاق "
     "الجمعية للموسم الأول مهم.\nوأضاف \"سيشهد الموسم الأول عروضا كثيرة جدا\".\n",
     {{KH_QUOTE_DIRECT, "سيشهد", "عمر الجاسر"}}},
    {"a document is named by its issuer, and its definite mention refers back to it",
     "عنوان\nكشف تقرير للبنك الدولي نشر الأحد أن الفقر يتراجع.\n"
     "وذكر التقرير أن الفوارق تزداد.\n"
     "وأفادت دراسة أعدتها منظمة الصحة العالمية بأن التدخين مكلف.\n"
     "وقالت الدراسة إن \"الوفيات ستزيد كثيرا في السنوات المقبلة\".\n",
     {{KH_QUOTE_REPORTED, "أن الفقر", "تقرير للبنك الدولي"},
      {KH_QUOTE_REPORTED, "أن الفوارق", "تقرير للبنك الدولي"},
      {KH_QUOTE_DIRECT, "الوفيات", "دراسة أعدتها منظمة الصحة العالمية"}}},
    {"a body's bare head refers back to the speaker it opened, a quoted name too",
     "عنوان\nأعلنت \"لجنة مكافحة الإرهاب\" الروسية أن القوات قتلت ستة مسلحين.\n"
     "وقالت اللجنة إن القوات الخاصة واجهت مجموعة مسلحة.\n",
     {{KH_QUOTE_REPORTED, "إن القوات", "لجنة مكافحة الإرهاب"}}},
    {"a body's fullest name stops before the object that has a nisba of its own",
     "عنوان\nواستدعت وزارة الخارجية السودانية، السبت، السفير المصري.\n"
     "واعتبرت الخارجية السودانية العمل الدرامي \"مسيئا للمصريين المقيمين في السودان\".\n",
     {{KH_QUOTE_DIRECT, "مسيئا", "وزارة الخارجية السودانية"}}},
    {"a feminine verb with no subject takes the woman the sentence before brought on stage",
     "عنوان\nوقال الوزير الألماني زيغمار غابريال إن \"العلاقات جيدة\".\n"
     "وبعد ذلك اكدت الناطقة باسم الخارجية الايرانية مرضية افخم مجددا على المواقف المختلفة. "
     "وقالت «مواقفنا مختلفة تماما في هذا الملف»\n",
     {{KH_QUOTE_DIRECT, "مواقفنا", "مرضية افخم"}}},
    {"the verb's object and a source's wish to stay unnamed end the subject",
     "عنوان\nأعلنت حركة طالبان المسؤولية عن الهجوم قائلة إنها استهدفت القوات.\n"
     "ويقول مصدر حكومي طلب عدم الكشف عن اسمه إن المحققين يعملون.\n",
     {{KH_QUOTE_REPORTED, "إنها استهدفت", "حركة طالبان"},
      {KH_QUOTE_REPORTED, "إن المحققين", "مصدر حكومي"}}},
    {"the agency a speaker told is no part of the speaker",
     "عنوان\nوقال المدير التنفيذي للمتحف جون كيلستش لرويترز إن متبرعا مجهولا دفع المكافأة.\n"
     "وقال أحد الشهود لرويترز عبر الهاتف إن الجنود وصلوا.\n",
     {{KH_QUOTE_REPORTED, "إن متبرعا", "جون كيلستش"},
      {KH_QUOTE_REPORTED, "إن الجنود", "أحد الشهود"}}},
    {"a name joined by wa-yud'a after the description is the speaker",
     "عنوان\nوفي حديث لشبكة «إيه بي سي» قالت الوالدة وتدعى إليزابيث أوسبورن «حين فقدت شون لم "
     "أره»\nوقال مريض آخر من الاربعة عمره 19 عاما ويدعى اوتويللو مياه \"والآن نحن بخير "
     "تماما\"\n",
     {{KH_QUOTE_DIRECT, "حين فقدت", "إليزابيث أوسبورن"},
      {KH_QUOTE_DIRECT, "والآن", "اوتويللو مياه"}}},
    {"a description's nisba may follow the title's complements in the earlier mention",
     "عنوان\nوكان وزير الدولة للشؤون الخارجية الإماراتي أنور قرقاش قد رحب بالخطوة.\n"
     "وقال وزير الخارجية الأمريكي مايك بومبيو إن العقوبات ستشتد.\n"
     "وأضاف الوزير الإماراتي: \"لطالما عانت المنطقة من الخطر الإيراني\".\n",
     {{KH_QUOTE_DIRECT, "لطالما", "أنور قرقاش"}}},
    {"an aside between dashes and a place of speech after the apposition lead to the clause",
     "عنوان\nوقال جنرال في القوات الجوية الأفغانية -طلب عدم الكشف عن اسمه- إن 17 شخصا قتلوا.\n"
     "وأعلنت ماستركارد، الراعي الرسمي للاتحاد البرازيلي لكرة القدم، في بيان أنه سيتم "
     "استبدال الحملة.\n",
     {{KH_QUOTE_REPORTED, "إن 17", "جنرال في القوات الجوية الأفغانية"},
      {KH_QUOTE_REPORTED, "أنه سيتم", "ماستركارد"}}},
    {"all of a group is the group counted",
     "عنوان\nوأظهر جميع المستطلعين تقريبا أن أمن الشبكات ضعيف.\n",
     {{KH_QUOTE_REPORTED, "أن أمن", "جميع المستطلعين"}}},
    {"a fund and an observatory are bodies whose bare head refers back to their full name",
     "عنوان\nوأصدر المرصد السوري لحقوق الإنسان تقريرا عن الغارات.\n"
     "وقال المرصد إن الطائرات قصفت المدينة.\n",
     {{KH_QUOTE_REPORTED, "إن الطائرات", "المرصد السوري لحقوق الإنسان"}}},
    {"a description's nisba after a second title belongs to someone else",
     "عنوان\nنجح الرئيس الأمريكي دونالد ترامب في تعكير جو القمة.\n"
     "فقد أبلغ الرئيس الفرنسي إيمانويل ماكرون نظيره الأمريكي دونالد ترامب بأن قراره خطأ.\n"
     "وقال الرئيس الأمريكي إن واشنطن ستقبل فقط باتفاق منصف.\n",
     {{KH_QUOTE_REPORTED, "إن واشنطن", "دونالد ترامب"}}},
    {"a title's hashtag name is the name a bare title refers back to",
     "عنوان\nقال الرئيس الفلسطيني #محمود_عباس، إن القمة ستكون هامة.\n"
     "وتابع الرئيس: \"سبق وسمعنا أنهم قالوا إن القدس خرجت عن الطاولة\".\n",
     {{KH_QUOTE_DIRECT, "سبق وسمعنا", "#محمود_عباس"}}}, /* written out as words on output */
    {"a place of speech before qala fiha is no subject; its maker or sender is",
     "عنوان\nوكان صلاح قد نشر تغريدة غير واضحة قال فيها: \"بكل أسف طريقة التعامل فيها "
     "إهانة\".\nوبعد دقائق وصلتنا رسالة من الشيف خالد يؤكد فيها أنه متوفر.\n",
     {{KH_QUOTE_DIRECT, "بكل أسف", "صلاح"}, {KH_QUOTE_REPORTED, "أنه متوفر", "خالد"}}},
    {"a television, a radio or a magazine after la is whom the speaker told",
     "عنوان\nقال وزير الخارجية النمساوي سباستيان كورتس لإذاعة «أو آر إف» أمس إنه يعتزم الزيارة.\n"
     "وقال فريدريك اوبورتان إن الفيلم فشل.\nوقال اوبورتان لمجلة “هوليوود ريبورتر” انه حاول.\n",
     {{KH_QUOTE_REPORTED, "إنه يعتزم", "سباستيان كورتس"},
      {KH_QUOTE_REPORTED, "انه حاول", "فريدريك اوبورتان"}}},
    {"quoted words of a weak verb's object after its preposition are a quote",
     "عنوان\nأعلن البنك المركزي التركي عن \"سلسلة تدابير\"، صباح الإثنين.\n",
     {{KH_QUOTE_DIRECT, "سلسلة تدابير", "البنك المركزي التركي"}}},
    {"a quote of four words or more after a name is what was said, not a nickname",
     "عنوان\nوقال فابيوس \"سأجري محادثات حول كل الموضوعات\"، إلا انه اوضح انه يقوم بذلك.\n",
     {{KH_QUOTE_DIRECT, "سأجري", "فابيوس"}}},
    {"mubayyinan is a participle of saying",
     "عنوان\nوأكد الوزير خالد سالم أن الخطة جاهزة، مبينا أن التنفيذ يبدأ غدا.\n",
     {{KH_QUOTE_REPORTED, "أن التنفيذ", "خالد سالم"}}},
};

TEST(medium_told_is_no_statement)
{
    /* the quoted medium after إلى / معه / على a few words after a place of
    ** speech is a name, not a statement */
    const char *t = "عنوان\nوأوضح ناصر بن حمد بن عوشن في تصريح إلى \"الوطن\"، أن قضيته عادلة.\n"
                    "وقال مسؤول في اتصال هاتفي أجرته معه \"الوطن\" إن التحقيق مستمر.\n"
                    "وأضاف في مداخلة له اليوم على \"الجوهرة أف أم\" أن الحكومة ستسقط.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    for (size_t k = 0; k < d->nquotes; k++)
        CHECK(d->quotes[k].kind != KH_QUOTE_DIRECT);
    CHECK(quote(d, t, KH_QUOTE_REPORTED, "أن قضيته"));
}

TEST(quoted_name_a_relative_clause_describes_is_no_statement)
{
    const char *t = "عنوان\nوقال مدير المشروع إن القطار يمر بـ 19 محطة، أما «الخط البرتقالي» الذي "
                    "يربط المطار فيمر بـ 12 محطة.\nودانت الحكومة الاثنين \"القوة المفرطة\" التي "
                    "استخدمها الجيش.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK(!quote(d, t, KH_QUOTE_DIRECT, "الخط البرتقالي"));
    CHECK(quote(d, t, KH_QUOTE_DIRECT, "القوة المفرطة"));
}

TEST(words_owned_after_the_quote_make_a_statement)
{
    /* "…" وفق تعبيره، "…" على حد قوله: however short, someone's words */
    const char *t = "عنوان\nقال قيس سعيد إن الحكومة ضعيفة.\n"
                    "وانتقد لجوء الحكومة إلى مجلس النواب \"نوع من الانتحار "
                    "السياسي\"، وفق تعبيره.\nواعتبر أن القمة \"بروتوكولية\" على حد قوله.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "نوع من");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "قيس سعيد");
    CHECK(quote(d, t, KH_QUOTE_DIRECT, "بروتوكولية"));
}

TEST(quoted_latin_name_is_no_statement)
{
    const char *t =
        "عنوان\nوقال الباحثون إن الضفدعين \"Corythomantis greeningi\" و \"Aparasphenodon "
        "brunoi\" يمتلكان سما قويا.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_DIRECT), 0);
    CHECK(quote(d, t, KH_QUOTE_REPORTED, "إن الضفدعين") != NULL);
}

TEST(so_called_name_glued_to_ba_is_no_statement)
{
    const char *t =
        "عنوان\nوأوضح المتحدث بأن ما تسمى ب\"الهيئة التسييرية\" لنداء تونس لا تمثل الحزب.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK(!quote(d, t, KH_QUOTE_DIRECT, "الهيئة التسييرية"));
}

TEST(clause_after_a_long_adjunct_without_comma)
{
    /* nine words between the subject and أنه, none a comma; بيد أن joins
    ** sentences and opens no clause */
    const char *t = "عنوان\nوأوضح البنك في إعلان نشره اليوم على موقع السوق المالية تداول "
                    "أنه يهدف إلى دعم رأس المال.\nوقال الوزير في المؤتمر بيد أن هناك بعض "
                    "النقص.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK(!quote(d, t, KH_QUOTE_REPORTED, "أن هناك"));
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أنه يهدف");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "البنك");
}

TEST(which_shows_is_no_statement)
{
    /* الأمر الذي يشير إلى أن, like مما يشير إلى أن, says what the facts before
    ** show; الأمر الذي أكده X has X for its speaker */
    const char *t = "عنوان\nوتحسنت حالة المريضة، الأمر الذي يشير إلى أنها تعافت.\nوهو الأمر الذي "
                    "أكده المتحدث الأمني منصور التركي، حيث أوضح أن الاستهداف مستمر.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK(!quote(d, t, KH_QUOTE_REPORTED, "أنها تعافت"));
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الاستهداف");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "منصور التركي");
}

TEST(question_is_no_statement)
{
    const char *t = "عنوان\n* هل ترى أن التنظيم يقوم بحرب بالوكالة؟\n- نعم، أعتقد ذلك.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK(!quote(d, t, KH_QUOTE_REPORTED, "أن التنظيم"));
}

TEST(speaker_cases)
{
    for (size_t k = 0; k < sizeof SPEAKER_CASES / sizeof SPEAKER_CASES[0]; k++) {
        const struct speaker_case *c = &SPEAKER_CASES[k];
        kh_extractor *x = NULL;
        const kh_article *d = extract(KT, c->text, strlen(c->text), NULL, &x);
        REQUIRE(d);
        for (size_t j = 0; j < 3 && c->q[j].head; j++) {
            const kh_quote *q = quote(d, c->text, c->q[j].kind, c->q[j].head);
            if (!q)
                kt_fail(KT, __FILE__, __LINE__, "%s: no statement starting \"%s\"", c->why,
                        c->q[j].head);
            else
                check_case_span(KT, c->why, c->text, "speaker", q->speaker, c->q[j].speaker);
        }
        kt_undefer(KT, x); /* one extractor at a time: the cases outnumber the deferred slots */
        kh_extractor_free(x);
    }
}

TEST(communique_is_a_place_of_speech_and_a_document)
{
    /* في بلاغ لها says where the ministry spoke; البلاغ is a document */
    const char *t = "عنوان\nوأفادت وزارة النقل في بلاغ لها أن الرحلات استؤنفت.\n"
                    "وأوضح البلاغ أن التأخير كان بسبب الطقس.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الرحلات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "وزارة النقل");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن التأخير");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "البلاغ");
}

TEST(long_title_before_the_name_still_reaches_the_name)
{
    /* eleven words of title and complements, then the name */
    const char *t = "عنوان\nأكد الناطق الرسمي باسم المحكمة الابتدائية بسوسة والقطب القضائي "
                    "لمكافحة الفساد كريم بوزيد، أن التحقيق متواصل.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن التحقيق");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "كريم بوزيد");
}

/* The token of the analysis that starts at byte off of t; ntokens if none. */
static uint32_t token_at(const kh_article *d, const char *t, const char *word)
{
    uint32_t off = (uint32_t)(strstr(t, word) - t);
    uint32_t i = 0;
    while (i < d->analysis->ntokens && d->analysis->tokens[i].start != off)
        i++;
    return i;
}

/* A recognizer result holding the n entities e. */
static kh_ner_result ner_result(kh_entity *e, size_t n)
{
    kh_ner_result r;
    memset(&r, 0, sizeof r);
    r.entities = e;
    r.nentities = n;
    return r;
}

/* A one-entity recognizer result: the PER mention of the words [first, first+n). */
static kh_ner_result one_person(const kh_article *d, kh_entity *e, uint32_t first, uint32_t n)
{
    memset(e, 0, sizeof *e);
    e->type = KH_ENT_PER;
    e->first = first;
    e->nwords = n;
    e->start = d->analysis->tokens[first].start;
    e->end = d->analysis->tokens[first + n - 1].end;
    return ner_result(e, 1);
}

TEST(body_written_out_elsewhere_names_the_speaker)
{
    const char *t = "عنوان\nأعلن الاتحاد الدولي لكرة القدم أمس إصلاحات.\n"
                    "وأضاف الفيفا أن الاقتراحات تشمل الرئاسة.\n";
    const char *full = "الاتحاد الدولي لكرة القدم";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الاقتراحات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الفيفا");
    kh_entity e[2];
    uint32_t a = token_at(d, t, "الاتحاد"), b = token_at(d, t, "الفيفا");
    REQUIRE(a < d->analysis->ntokens && b < d->analysis->ntokens);
    one_person(d, &e[0], a, 4);
    one_person(d, &e[1], b, 1);
    for (int k = 0; k < 2; k++) {
        e[k].type = KH_ENT_ORG;
        e[k].canonical = full; /* one entity, the alias table's name */
    }
    kh_ner_result r = ner_result(e, 2);
    e[0].type = KH_ENT_LOC; /* a country keeps the name as written */
    e[1].type = KH_ENT_LOC;
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "الفيفا");
    e[0].type = e[1].type = KH_ENT_ORG;
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, full);
}

TEST(entity_with_a_title_or_another_name_leaves_the_speaker)
{
    const char *t = "عنوان\nالتقى الصحفيون كولونيل مارك لاستوريا أمس.\n"
                    "وقال لاستوريا إن الوضع هادئ.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الوضع");
    REQUIRE(q);
    kh_span before = q->speaker;
    REQUIRE(before.start != KH_NONE);
    uint32_t i = token_at(d, t, "كولونيل");
    REQUIRE(i < d->analysis->ntokens);
    kh_entity e;
    kh_ner_result r = one_person(d, &e, i, 3); /* كولونيل مارك لاستوريا: a title in it */
    kh_extract_entities(x, &r);
    CHECK(q->speaker.start == before.start && q->speaker.end == before.end);
    r = one_person(d, &e, token_at(d, t, "الصحفيون"), 2); /* الصحفيون كولونيل: not the name */
    kh_extract_entities(x, &r);
    CHECK(q->speaker.start == before.start && q->speaker.end == before.end);
}

TEST(entity_that_ran_into_the_verb_of_saying_names_without_it)
{
    /* the recognizer tags وأوضحت جولي as one person: the speaker is جولي */
    const char *t = "عنوان\nوأوضحت جولي أن الرحلة كانت رائعة جدا.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الرحلة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "جولي");
    uint32_t i = token_at(d, t, "وأوضحت");
    REQUIRE(i < d->analysis->ntokens);
    kh_entity e;
    kh_ner_result r = one_person(d, &e, i, 2);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "جولي");
}

TEST(entity_ending_a_long_title_chain_before_the_clause_is_the_speaker)
{
    const char *t =
        "عنوان\nوقال المتحدث الإعلامي للجنة الانتخابية بمحافظة جدة وممثل عن الناخبين في "
        "الدورة الثالثة سعود التويم لـ«المدينة» إن المراحل ستبدأ قريبا.\n"
        "وأكدت مصادر عسكرية وسط الجيش الموالي للشرعية المتمثلة في الرئيس عبدربه "
        "منصور هادي أن الهزائم كبيرة.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن المراحل");
    const kh_quote *q2 = quote(d, t, KH_QUOTE_REPORTED, "أن الهزائم");
    REQUIRE(q && q2);
    kh_span before2 = q2->speaker;
    REQUIRE(before2.start != KH_NONE);
    kh_entity e[2];
    one_person(d, &e[0], token_at(d, t, "سعود"), 2);
    one_person(d, &e[1], token_at(d, t, "عبدربه"), 3);
    kh_ner_result r = ner_result(e, 2);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "سعود التويم");
    /* a person inside the complement (في الرئيس …) is not the sources */
    CHECK(q2->speaker.start == before2.start && q2->speaker.end == before2.end);
}

TEST(entity_named_last_is_the_guess_for_a_subject_nobody_carries)
{
    const char *t = "عنوان\nزار مارك لاستوريا المدينة أمس مع وفد كبير.\n"
                    "وأضاف \"الوضع صعب جدا ولا يحتمل أكثر من هذا\".\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "الوضع");
    REQUIRE(q);
    REQUIRE(q->flags & KH_QF_CARRIED);
    CHECK_SPAN(t, q->speaker, NULL); /* nobody spoke before it */
    float before = q->confidence;
    kh_entity e;
    kh_ner_result r = one_person(d, &e, token_at(d, t, "مارك"), 2);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "مارك لاستوريا");
    CHECK(q->confidence < before);
}

TEST(entity_guess_leaves_a_subject_the_rules_rejected)
{
    const char *t = "عنوان\nزار مارك لاستوريا المدينة أمس مع وفد كبير.\n"
                    "وأفادت المعلومات المتوفرة أيضا بأن المجلس قرر سحب اللقب.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "بأن المجلس");
    REQUIRE(q);
    REQUIRE(!(q->flags & KH_QF_CARRIED));
    CHECK_SPAN(t, q->speaker, NULL); /* information is no speaker */
    kh_entity e;
    kh_ner_result r = one_person(d, &e, token_at(d, t, "مارك"), 2);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, NULL);
}

/* A one-entity recognizer result over the words of text from head on, n words. */
static kh_ner_result one_entity(const kh_article *d, const char *t, kh_entity *e, const char *head,
                                uint32_t n, uint32_t type)
{
    kh_ner_result r = one_person(d, e, token_at(d, t, head), n);
    e->type = type;
    return r;
}

/* One person entity completes a speaker the rules read: the statement whose
** text starts with head has the speaker before, and after the entity over
** the n words from word has been given to kh_extract_entities. */
static const struct {
    const char *text, *head, *before, *word, *after;
    uint32_t kind, n;
} ENTITY_SPEAKERS[] = {
    /* a first name the word lists do not know */
    {"عنوان\nالتقى الصحفيون هيليل نوير أمس.\nوقال نوير إن الانتخاب سخيف.\n", "إن الانتخاب", "نوير",
     "هيليل", "هيليل نوير", KH_QUOTE_REPORTED, 2},
    /* a name run on into the verb's object */
    {"عنوان\nووصف الوزير ويبور روس الضربة على سوريا بأنها \"رائعة جدا ومهمة للغاية ونحن "
     "معها\".\n",
     "رائعة", "ويبور روس الضربة", "ويبور", "ويبور روس", KH_QUOTE_DIRECT, 2},
    /* an ordinal after a name is the name's */
    {"عنوان\nوقال البابا يوحنا بولس الثاني إن السلام ممكن.\n", "إن السلام", "يوحنا بولس الثاني",
     "يوحنا", "يوحنا بولس الثاني", KH_QUOTE_REPORTED, 2},
    /* a title the article gives with a name elsewhere (المناعي: no bare name word) */
    {"عنوان\nأفاد هشام المناعي الناطق الرسمي للرابطة بأن المباراة تأجلت.\n"
     "ومن جهة أخرى أكد الناطق الرسمي للرابطة أن الملعب جاهز.\n",
     "أن الملعب", "الناطق الرسمي للرابطة", "هشام", "هشام المناعي", KH_QUOTE_REPORTED, 2},
    /* the rules stopped at the title, before the rank and the name */
    {"عنوان\nكشف لـ«عكاظ» مدير جوازات منطقة الباحة العميد رشيد عبدالله المطيري، أنه تم إنهاء "
     "المعاملات.\n",
     "أنه تم", "مدير جوازات منطقة الباحة", "رشيد", "رشيد عبدالله المطيري", KH_QUOTE_REPORTED, 3},
    /* the title's own fullest mention is the one the name follows */
    {"عنوان\nوقال رئيس الوزراء التشيكي أندريه بابيس، إن قبول بعض الركاب خطأ.\n"
     "وكتب رئيس الوزراء التشيكي على موقع تويتر: \"بلدنا لن يستقبل أي مهاجرين\".\n",
     "بلدنا", "رئيس الوزراء التشيكي", "أندريه", "أندريه بابيس", KH_QUOTE_DIRECT, 2},
    /* مساعد (assistant) is a title word, but after the name a part of it:
    ** the rules read it after بن (link_tail), and the entity keeps it */
    {"عنوان\nقال الأمير عبدالله بن مساعد بن عبدالعزيز خلال استقباله المجلس إن الخطط جيدة.\n",
     "إن الخطط", "عبدالله بن مساعد بن عبدالعزيز", "عبدالله", "عبدالله بن مساعد بن عبدالعزيز",
     KH_QUOTE_REPORTED, 5},
    /* a person after a long title, the subject of a verb that is not one of
    ** saying, takes the carried statement from the last speaker (a quoted
    ** term in her sentence keeps the rules' introduced_person from it) */
    {"عنوان\nوقالت الولايات المتحدة إن الصواريخ خطيرة.\nودانت المتحدثة باسم وزارة الخارجية "
     "الأميركية هيذر نويرت \"تهديدات\" زعيم الكرملين. وقالت للصحافيين \"هذا عمل غير مسؤول\".\n",
     "هذا عمل", "الولايات المتحدة", "هيذر", "هيذر نويرت", KH_QUOTE_DIRECT, 2},
    /* a weekday the recognizer ran the name into is not the name's */
    {"عنوان\nالتقى الوزير جيرار كولومب الخميس بالسفراء.\nوأكد كولومب أن الوضع صعب.\n", "أن الوضع",
     "جيرار كولومب", "جيرار", "جيرار كولومب", KH_QUOTE_REPORTED, 3},
    /* nor is a verb of saying after it, or the preposition على before it */
    {"عنوان\nوتحدث القائد أبو شعيب قائلا إن الهجوم مستمر.\nوأكد أبو شعيب أن المعركة طويلة.\n",
     "أن المعركة", "أبو شعيب", "أبو", "أبو شعيب", KH_QUOTE_REPORTED, 3},
    {"عنوان\nوالرد على ابن تيمية صعب.\nويقول ابن تيمية إن الأمر واضح.\n", "إن الأمر", "ابن تيمية",
     "على", "ابن تيمية", KH_QUOTE_REPORTED, 3},
    /* the family name after بن X that the recognizer left out stays */
    {"عنوان\nوأوضح مدير المصنع الدكتور محمد بن عبدالله باجودة أن المصنع يعمل.\n", "أن المصنع",
     "محمد بن عبدالله باجودة", "محمد", "محمد بن عبدالله باجودة", KH_QUOTE_REPORTED, 3},
    /* a person the recognizer tags after ل is whom the source told */
    {"عنوان\nوأكد مصدر عسكري لفرانس برس أن 19 شخصا قتلوا.\n", "أن 19", "مصدر عسكري", "لفرانس",
     "مصدر عسكري", KH_QUOTE_REPORTED, 2},
    /* a person the recognizer ran together in the page's tags is no name */
    {"عنوان\nوقال ناصر القصبي إن العمل جهاد.\n  سمات جهاد خلف الحربي داعش ناصر القصبي\n",
     "إن العمل", "ناصر القصبي", "داعش", "ناصر القصبي", KH_QUOTE_REPORTED, 3},
    /* a clause between commas the rules took for a longer form of the name */
    {"عنوان\nوفي الجلسة، طرح إيفانز رؤية، ثم غادر.\nوحذر إيفانز من أن التهديد عالمي.\n",
     "أن التهديد", "طرح إيفانز رؤية", "إيفانز", "إيفانز", KH_QUOTE_REPORTED, 1},
    /* a given name with ال the recognizer left out is the name's first word */
    {"عنوان\nدعا وزير الخارجية الفليبيني البرت ديل روزاريو الذي انخرطت بلاده في النزاع إلى "
     "\"وقف استصلاح الأراضي\".\n",
     "وقف", "البرت ديل روزاريو", "ديل", "البرت ديل روزاريو", KH_QUOTE_DIRECT, 2},
    /* a direct quote that opens right after the name ends a title's chain
    ** of complements the rules stopped in (في مؤسسة اسباير زون) */
    {"عنوان\nوقال رئيس قسم العلاقات العامة والإعلام في مؤسسة اسباير زون حسين القحطاني "
     "\"نظمنا فعالية كبيرة للأطفال\".\n",
     "نظمنا", "رئيس قسم العلاقات العامة والإعلام", "حسين", "حسين القحطاني", KH_QUOTE_DIRECT, 2},
    /* but not past من: the bearer came before where he works */
    {"عنوان\nويقول الخبير الاقتصادي هاك بين تشاو من بنك أمريكا ميريل لينتش: \"الآفاق "
     "جيدة\".\n",
     "الآفاق", "الخبير الاقتصادي", "ميريل", "الخبير الاقتصادي", KH_QUOTE_DIRECT, 2},
};

TEST(person_entity_completes_a_speaker_the_rules_read)
{
    for (size_t k = 0; k < sizeof ENTITY_SPEAKERS / sizeof ENTITY_SPEAKERS[0]; k++) {
        const char *t = ENTITY_SPEAKERS[k].text;
        kh_extractor *x = NULL;
        const kh_article *d = XKEEP(t, &x);
        REQUIRE(d);
        const kh_quote *q = quote(d, t, ENTITY_SPEAKERS[k].kind, ENTITY_SPEAKERS[k].head);
        REQUIRE(q);
        CHECK_SPAN(t, q->speaker, ENTITY_SPEAKERS[k].before);
        uint32_t w = token_at(d, t, ENTITY_SPEAKERS[k].word);
        REQUIRE(w + ENTITY_SPEAKERS[k].n <= d->analysis->ntokens);
        kh_entity e;
        kh_ner_result r =
            one_entity(d, t, &e, ENTITY_SPEAKERS[k].word, ENTITY_SPEAKERS[k].n, KH_ENT_PER);
        kh_extract_entities(x, &r);
        CHECK_SPAN(t, q->speaker, ENTITY_SPEAKERS[k].after);
        kh_extract_entities(x, NULL); /* a no-op */
        CHECK_SPAN(t, q->speaker, ENTITY_SPEAKERS[k].after);
    }
}

TEST(entity_speaker_takes_the_spelling_the_body_gives_first)
{
    /* the headline's spelling is not the body's; nor is a later one */
    const char *t = "هيومان رايتس ووتش تطالب بالإفراج عن المعتقلين\n"
                    "طالبت منظمة \"هيومن رايتس ووتش\" بالإفراج عن المعتقلين.\n"
                    "وقالت هيومان رايتس ووتش إن القمع شديد.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن القمع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "هيومان رايتس ووتش");
    kh_entity e; /* the statement's own mention, not the headline's */
    kh_ner_result r = one_person(d, &e, token_at(d, t, "وقالت") + 1, 3);
    e.type = KH_ENT_ORG;
    REQUIRE(e.start == q->speaker.start && e.end == q->speaker.end);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "هيومن رايتس ووتش");
}

TEST(quoted_entity_is_no_statement)
{
    const char *t = "عنوان\nوقال المدير إن المؤسسات ستواصل الالتزام بتعهداتها تجاه \"الكنام\" في "
                    "الأشهر القادمة.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    REQUIRE(quote(d, t, KH_QUOTE_DIRECT, "الكنام")); /* the rules read it as a partial quote */
    size_t n = d->nquotes;
    kh_entity e;
    kh_ner_result r = one_entity(d, t, &e, "الكنام", 1, KH_ENT_ORG);
    kh_extract_entities(x, &r);
    CHECK(!quote(d, t, KH_QUOTE_DIRECT, "الكنام"));
    CHECK(d->nquotes == n - 1);
    CHECK(quote(d, t, KH_QUOTE_REPORTED, "إن المؤسسات")); /* the clause stays */
}

/* A direct quote exactly one entity's span that stays a statement: the
** text, the quote's head (the entity's first word) and the entity's type. */
static const struct {
    const char *why, *text, *head;
    uint32_t type;
} QUOTED_ENTITIES_KEPT[] = {
    {"MISC is the recognizer's weakest class: a partial quote stays (the seed's)",
     "عنوان\nوشدد وانغ على ضرورة معارضة البلدين “للهيمنة” في كل مكان.\n", "للهيمنة", KH_ENT_MISC},
    {"what a speaker called a thing is his word", "عنوان\nووصف الوزير ما حصل بـ\"الفضيحة\".\n",
     "الفضيحة", KH_ENT_ORG},
};

TEST(quoted_entity_stays_a_statement_when_it_is_words)
{
    for (size_t k = 0; k < sizeof QUOTED_ENTITIES_KEPT / sizeof QUOTED_ENTITIES_KEPT[0]; k++) {
        const char *t = QUOTED_ENTITIES_KEPT[k].text, *head = QUOTED_ENTITIES_KEPT[k].head;
        kh_extractor *x = NULL;
        const kh_article *d = XKEEP(t, &x);
        REQUIRE(d);
        REQUIRE(quote(d, t, KH_QUOTE_DIRECT, head));
        kh_entity e;
        kh_ner_result r = one_entity(d, t, &e, head, 1, QUOTED_ENTITIES_KEPT[k].type);
        kh_extract_entities(x, &r);
        if (!quote(d, t, KH_QUOTE_DIRECT, head))
            FAIL("%s: the quote was dropped", QUOTED_ENTITIES_KEPT[k].why);
    }
}

TEST(entity_starts_a_speaker_read_from_inside_a_body_name)
{
    const char *t = "عنوان\nوقال الأمين العام لحزب الله حسن نصر الله إن المقاومة باقية.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن المقاومة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الله حسن نصر الله"); /* the rules start inside حزب الله */
    kh_entity e[2];
    kh_ner_result r = one_entity(d, t, &e[0], "لحزب", 2, KH_ENT_ORG);
    one_entity(d, t, &e[1], "حسن", 3, KH_ENT_PER);
    r.nentities = 2;
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "حسن نصر الله");
}

TEST(entity_made_the_subject_since_takes_over_a_carried_speaker)
{
    const char *t = "عنوان\nوقال نزار عياد إن الشهادات متناقضة.\n"
                    "وكان عماد الطرابلسي استعرض في شهادته أمس تفاصيل ما حدث.\n"
                    "وأضاف أنه تعرض للاعتداء.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أنه تعرض");
    REQUIRE(q);
    REQUIRE(q->flags & KH_QF_CARRIED);
    CHECK_SPAN(t, q->speaker, "نزار عياد"); /* the last speaker of a verb of saying */
    kh_entity e[2];
    kh_ner_result r = one_entity(d, t, &e[0], "نزار", 2, KH_ENT_PER);
    one_entity(d, t, &e[1], "عماد", 2, KH_ENT_PER);
    r.nentities = 2;
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "عماد الطرابلسي");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الشهادات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "نزار عياد"); /* named at its verb: not carried */
}

TEST(entity_after_untitled_words_is_the_speaker)
{
    const char *t = "عنوان\nقال رجل الأعمال سيرغي كونسوليان إن الناس لن يستسلموا.\n"
                    "ومن جهته قال عوض الدوسي نائب رئيس اللجنة إن التعويض تأخر.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q1 = quote(d, t, KH_QUOTE_REPORTED, "إن الناس");
    const kh_quote *q2 = quote(d, t, KH_QUOTE_REPORTED, "إن التعويض");
    REQUIRE(q1 && q2);
    CHECK_SPAN(t, q1->speaker, "رجل الأعمال سيرغي كونسوليان");
    CHECK_SPAN(t, q2->speaker, "عوض الدوسي");
    kh_entity e[2];
    kh_ner_result r = one_entity(d, t, &e[0], "سيرغي", 2, KH_ENT_PER);
    one_entity(d, t, &e[1], "الدوسي", 1, KH_ENT_PER); /* the recognizer cut the name short */
    r.nentities = 2;
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q1->speaker, "سيرغي كونسوليان");
    CHECK_SPAN(t, q2->speaker, "عوض الدوسي"); /* nowhere named in full as an entity */
}

TEST(entity_ends_a_name_run_on_into_bare_words_but_not_at_a_name_particle)
{
    const char *t = "عنوان\nقال وزير الدولة أنور قرقاش إن النصر قريب.\n"
                    "ووصف أنور قرقاش أداء عناصر الجيش بأنه \"مصدر فخر\".\n"
                    "وقال وزير الدفاع جان-ايف لو دريان إن الوضع خطير.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن النصر");
    const kh_quote *q2 = quote(d, t, KH_QUOTE_REPORTED, "إن الوضع");
    REQUIRE(q && q2);
    CHECK_SPAN(t, q->speaker, "أنور قرقاش أداء عناصر"); /* the object read as a surname */
    CHECK_SPAN(t, q2->speaker, "جان-ايف لو دريان");
    kh_entity e[2];
    kh_ner_result r = one_entity(d, t, &e[0], "أنور قرقاش أداء", 2, KH_ENT_PER);
    one_entity(d, t, &e[1], "جان-ايف", 2, KH_ENT_PER); /* جان-ايف لو: cut short */
    r.nentities = 2;
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "أنور قرقاش");
    CHECK_SPAN(t, q2->speaker, "جان-ايف لو دريان");
}

TEST(verb_of_going_on_before_a_verb_of_saying_is_no_subject)
{
    const char *t = "عنوان\nوقالت المخرجة نادين لبكي إن الطفولة معذبة.\n"
                    "ومضت تقول: \"لا يمكننا أن نستمر بإدارة ظهورنا\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "لا يمكننا");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "نادين لبكي");
    CHECK(q->flags & KH_QF_CARRIED);
}

TEST(quoted_body_name_with_its_adjective_then_a_colon_is_the_subject)
{
    const char *t = "عنوان\nأعلنت \"لجنة مكافحة الإرهاب\" الروسية: إن قوات الأمن قتلت ستة أشخاص.\n"
                    "وقالت \"اكسور\" الايطالية القابضة، إنها تجري محادثات لزيادة حصتها.\n"
                    "وأعلن الانتحاري الذي قال: إن الحصيلة ارتفعت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن قوات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "لجنة مكافحة الإرهاب");
    CHECK(!quote(d, t, KH_QUOTE_DIRECT, "لجنة")); /* a name, not a statement */
    q = quote(d, t, KH_QUOTE_REPORTED, "إنها تجري");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "اكسور");
    CHECK(!quote(d, t, KH_QUOTE_REPORTED, "إن الحصيلة")); /* the colon after a relative's verb */
}

TEST(quoted_addressee_then_a_colon_before_the_particle)
{
    const char *t = "عنوان\nقال نبيل بن محمد آل صالح، لـ\"سبق\": إنه لم تسجل أي حالة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إنه لم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "نبيل بن محمد آل صالح");
    CHECK(!quote(d, t, KH_QUOTE_DIRECT, "سبق"));
}

TEST(news_naming_the_networks_is_no_boilerplate_and_tags_are)
{
    const char *t =
        "عنوان\nواستجاب انستغرام، المملوك لشركة فيسبوك، لطلب من سلطة الرقابة على الإنترنت "
        "في روسيا، بمنع الدخول إلى المنشورات التي نشرها المعارض أليكسي نافالني.\n"
        "وقال المتحدث إن الشركة تراجع الطلبات.\n"
        "  سمات جهاد خلف الحربي داعش ناصر القصبي\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    REQUIRE(d->nboilerplate == 1);
    CHECK_SPAN(t, d->boilerplate[0], "سمات جهاد خلف الحربي داعش ناصر القصبي");
}

TEST(tags_after_the_last_sentence_on_its_line_are_boilerplate)
{
    /* the tags run on after the full stop; سمات as a word ("features")
    ** inside a sentence stays text */
    const char *t = "عنوان\nمن سمات المرحلة أن الحوار مستمر.\n"
                    "وقالت الفنانة غادة عبدالرازق إنها سعيدة. سمات تجميل عمر غادة عبدالرزاق\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    REQUIRE(d->nboilerplate == 1);
    CHECK_SPAN(t, d->boilerplate[0], "سمات تجميل عمر غادة عبدالرزاق");
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إنها سعيدة");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "إنها سعيدة");        /* the clause ends before the tags */
    CHECK_SPAN(t, q->speaker, "غادة عبدالرازق"); /* not the tags' run of words */
}

TEST(statement_about_the_networks_is_no_boilerplate)
{
    const char *t = "عنوان\nتقول شركتا فيسبوك وتويتر إنهما علقتا حسابات مرتبطة بإيران.\n"
                    "تابعونا على فيسبوك وتويتر\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    REQUIRE(d->nboilerplate == 1);
    CHECK_SPAN(t, d->boilerplate[0], "تابعونا على فيسبوك وتويتر");
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إنهما");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "شركتا فيسبوك وتويتر");
}

TEST(bayyana_is_a_verb_of_saying_where_between_cannot_be_read)
{
    const char *t = "عنوان\nوبين الهواشي أن مراجعة هذا القانون ضرورية.\n"
                    "كما بين ان هذا الاتفاق المبدئي مهم.\n"
                    "يختار المرء بين أن يبقى وأن يرحل.\n"
                    "وبين المدينة والقرية أن تختار.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن مراجعة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الهواشي");
    CHECK(quote(d, t, KH_QUOTE_REPORTED, "ان هذا الاتفاق"));
    CHECK(!quote(d, t, KH_QUOTE_REPORTED, "أن يبقى"));
    CHECK(!quote(d, t, KH_QUOTE_REPORTED, "أن تختار"));
    const char *u = "عنوان\nبين تقرير اقتصادي أن رجال الأعمال يغادرون.\nوكان المركز قد بين أن "
                    "العدوى ضعيفة.\nبين عامي 2010 و2015 أن تغيرت الأمور.\n";
    d = X(u);
    REQUIRE(d);
    REQUIRE((q = quote(d, u, KH_QUOTE_REPORTED, "أن رجال")));
    CHECK_SPAN(u, q->speaker, "تقرير اقتصادي"); /* opening its sentence, without و */
    REQUIRE((q = quote(d, u, KH_QUOTE_REPORTED, "أن العدوى")));
    CHECK_SPAN(u, q->speaker, "المركز");                /* after قد */
    CHECK(!quote(d, u, KH_QUOTE_REPORTED, "أن تغيرت")); /* a detached و joins two years */
}

TEST(construct_heads_of_an_office_are_titles)
{
    const char *t =
        "عنوان\nأعلن كبير المفاوضين الفلسطينيين صائب عريقات الجمعة أن المستوطنين ارتكبوا "
        "جرائم.\nوقال عريقات إن الحكومة مسؤولة.\n"
        "وقال تاجر اللوحات الفنية الدولي فيليب مولد: \"لا شك أن هذا واحد من أكثر "
        "التحقيقات إقناعا\".\nوقال مسؤول كبير في البيت الأبيض إن الرئيس قلق.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الحكومة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "صائب عريقات");
    q = quote(d, t, KH_QUOTE_DIRECT, "لا شك");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "فيليب مولد");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الرئيس");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مسؤول كبير في البيت الأبيض"); /* an adjective after a title */
}

TEST(body_takes_its_fullest_name_where_that_plainly_ends)
{
    const char *t =
        "عنوان\nأعربت المنظمة الأفريقية للثقافة وحقوق الإنسان، الأربعاء، عن بالغ قلقها.\n"
        "وقالت المنظمة الأفريقية في بيانها: \"البطل السوداني المقيم في قطر قتل\".\n"
        "واستدعت وزارة الخارجية السودانية، السبت الماضي، السفير.\n"
        "وقالت الخارجية السودانية إن المسلسل مسيء.\n"
        "وأعلنت الشرطة المصرية القبض على المتهم.\nوقالت الشرطة المصرية إن التحقيق جار.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "البطل");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "المنظمة الأفريقية للثقافة وحقوق الإنسان");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن المسلسل");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "وزارة الخارجية السودانية");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن التحقيق");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الشرطة المصرية"); /* القبض is the verb's object */
}

TEST(ambiguous_month_after_a_first_name_is_a_surname)
{
    const char *t = "عنوان\nوحضر المناسبة رئيسة الوزراء تيريزا ماي والأمير وليام.\n"
                    "وقالت تيريزا إن الإرهابيين فشلوا.\nوفي 5 ماي 2017 وقع الهجوم.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الإرهابيين");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "تيريزا ماي");
    REQUIRE(d->ndates == 1);
    CHECK_SPAN(t, d->dates[0].span, "5 ماي 2017");
}

TEST(quoted_person_name_with_a_title_in_apposition_is_the_subject)
{
    const char *t = "عنوان\nوقال “جيري ساندرز” الرئيس التنفيذي في الشركة: إنه يمكن بناء المحطات "
                    "على الأرصفة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إنه يمكن");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "جيري ساندرز");
    CHECK(!quote(d, t, KH_QUOTE_DIRECT, "جيري"));
}

TEST(quoted_body_in_a_title_chain_anchors_the_name_after_it)
{
    const char *t =
        "عنوان\nوقالت المستشارة القانونية العامة لمجموعة \"بي إن\" صوفي جوردان إن الفيفا "
        "تأخر.\nوأضافت جوردان أن الشبكة القطرية في حوار متواصل.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الشبكة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "صوفي جوردان");
}

TEST(person_after_a_quoted_body_in_a_persons_title_is_the_name)
{
    const char *t =
        "عنوان\nوقالت المستشارة القانونية العامة لمجموعة \"بي إن\" صوفي جوردان \"طلبنا من "
        "الفيفا اتخاذ إجراء قانوني\".\nوقالت منظمة \"هيومن رايتس ووتش\" إن السلطات "
        "مسؤولة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "طلبنا");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "صوفي جوردان");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن السلطات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "هيومن رايتس ووتش"); /* a body named in quotes */
}

TEST(persons_title_before_a_quoted_body_names_the_person_introduced_with_it)
{
    const char *t = "عنوان\nقال معز بوراوي رئيس الجمعية التونسية من أجل نزاهة الانتخابات "
                    "\"عتيد\"، إن الثقة تراجعت.\nوأوضح رئيس \"عتيد\" أنه كان من المقرر عقد "
                    "لقاء.\nكما أعلنت رئيسة «اتحاد الصحافيين» أن ثلاثة صحافيين فقدوا.\n"
                    "وأضافت رئيسة اتحاد جمعيات الصحافيين «هذه المنطقة خطرة».\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أنه كان");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "معز بوراوي");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن ثلاثة");
    REQUIRE(q);
    /* a body's name in the later mention (اتحاد | جمعيات الصحافيين) is no person */
    CHECK_SPAN(t, q->speaker, "اتحاد الصحافيين");
}

TEST(surname_of_a_titled_person_ends_before_a_defined_noun_and_its_adjective)
{
    const char *t = "عنوان\nأوضح رئيس هيئة قناة السويس الفريق مهاب مميش، أن القناة ستعمل "
                    "للتنمية.\nوعدد مميش الجدوى الاقتصادية المتعددة للمشروع، منوها إلى أنها "
                    "ستقلل الانتظار.\nوقال المواطن سليمان الصعب إنه تضرر.\nوقال المواطن "
                    "\"الصعب\" إن اللجنة زارته.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أنها ستقلل");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مهاب مميش");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن اللجنة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سليمان الصعب"); /* a quoted surname, not a body */
}

TEST(daughters_name_before_her_fathers_is_not_his_fuller_name)
{
    const char *t = "عنوان\nأصيبت الطفلة السعودية زينب محمد لباد بطلق ناري أثناء زيارتها "
                    "لسلطنة عمان.\nواوضح محمد لباد ”والد الطفلة“ ان الطلق الناري استقر قرب "
                    "الجيوب الانفية.\nوقالت الدكتورة درية شرف الدين إن هذا مؤكد.\nوأضافت شرف "
                    "الدين أن البرلمان سيقر القانون.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "ان الطلق");
    const kh_quote *w = quote(d, t, KH_QUOTE_REPORTED, "أن البرلمان");
    REQUIRE(q && w);
    kh_entity e[2];
    one_person(d, &e[0], token_at(d, t, "زينب"), 3); /* the recognizer's زينب محمد لباد */
    one_person(d, &e[1], token_at(d, t, "درية"), 3);
    kh_ner_result r = ner_result(e, 2);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "محمد لباد");
    CHECK_SPAN(t, w->speaker, "درية شرف الدين"); /* a woman's own fuller name stays */
}

TEST(person_entity_cuts_a_place_before_it_and_completes_a_name_the_rules_ran_past)
{
    const char *t = "عنوان\nكشف رئيس لجنة النقل البري بغرفة تجارة جدة سعيد البسامي أن نسبة "
                    "التستر بلغت 90 في المئة.\nوانتقد مسؤول العلاقات الخارجية في حكومة الاقليم "
                    "فلاح مصطفى قرار الحزب بإنهاء الهدنة.\nوقال مصطفى قرار الحزب خاطئ.\nوأضاف "
                    "مصطفى أن الغارات لن تفيد.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن نسبة");
    const kh_quote *w = quote(d, t, KH_QUOTE_REPORTED, "أن الغارات");
    REQUIRE(q && w);
    kh_entity e[3];
    one_person(d, &e[0], token_at(d, t, "جدة"), 1);
    e[0].type = KH_ENT_LOC;
    one_person(d, &e[1], token_at(d, t, "سعيد"), 2);
    one_person(d, &e[2], token_at(d, t, "فلاح"), 2);
    kh_ner_result r = ner_result(e, 3);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "سعيد البسامي");
    CHECK_SPAN(t, w->speaker, "فلاح مصطفى");
}

TEST(entity_ending_a_title_chain_before_a_comma_and_the_clause_is_the_speaker)
{
    const char *t = "عنوان\nأكد سماحة مفتي عام المملكة رئيس هيئة كبار العلماء وإدارة البحوث "
                    "العلمية والإفتاء الشيخ عبدالعزيز بن عبدالله آل الشيخ، أن أعمال الإرهابيين "
                    "كشفت نواياهم، مبينا أن الوعي كبير.\nوأضاف أن المجتمع متماسك.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن أعمال");
    REQUIRE(q);
    const kh_quote *p = quote(d, t, KH_QUOTE_REPORTED, "أن الوعي");
    const kh_quote *w = quote(d, t, KH_QUOTE_REPORTED, "أن المجتمع");
    REQUIRE(p && w);
    kh_entity e;
    kh_ner_result r = one_person(d, &e, token_at(d, t, "عبدالعزيز"), 5);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "عبدالعزيز بن عبدالله آل الشيخ");
    CHECK_SPAN(t, p->speaker, "عبدالعزيز بن عبدالله آل الشيخ"); /* the title's statements */
    CHECK_SPAN(t, w->speaker, "عبدالعزيز بن عبدالله آل الشيخ"); /* and those carried */
}

TEST(relaying_verb_gives_the_statement_to_whom_it_relays)
{
    const char *t =
        "عنوان\nونقلت وكالة الأناضول عن مصادر في رئاسة الوزراء أن الاتصالات جرت.\n"
        "ونقلت الإذاعة عن يعالون القول إنه متفائل.\nوقال المتحدث في بيان نقلته "
        "الوكالة إن الوفد وصل.\nوتم نقل المصابين إلى المستشفى وأن الحالة مستقرة.\n"
        "ونقلت \"التايمز\" عن مصادر قولها إن المراسلة ممنوعة، وأضافت أن القرار نهائي.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الاتصالات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مصادر في رئاسة الوزراء");
    REQUIRE((q = quote(d, t, KH_QUOTE_REPORTED, "إنه متفائل")));
    CHECK_SPAN(t, q->speaker, "يعالون"); /* القول is the verbal noun, no part of the name */
    REQUIRE((q = quote(d, t, KH_QUOTE_REPORTED, "إن الوفد")));
    CHECK_SPAN(t, q->speaker, "المتحدث"); /* نقلته describes the statement */
    CHECK(!quote(d, t, KH_QUOTE_REPORTED, "وأن الحالة") &&
          !quote(d, t, KH_QUOTE_REPORTED, "أن الحالة"));
    /* نقل carries (the sick to hospital) where no عن follows */
    REQUIRE((q = quote(d, t, KH_QUOTE_REPORTED, "أن القرار")));
    CHECK_SPAN(t, q->speaker, "التايمز"); /* وأضافت shares the relaying verb's subject */
}

TEST(claiming_and_recounting_are_verbs_of_saying_but_not_their_passives)
{
    const char *t = "عنوان\nوادعى رجل الأعمال الروسي أن الاتهامات كاذبة.\nوتروي الدكتورة عايشة "
                    "نتو أن الراحلة كانت كريمة.\nوقال أحد السكان ويدعى موها صالح إن المسلحين "
                    "وصلوا.\nوفيما يروى عن الفيلسوف أن المحار يفتح.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الاتهامات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "رجل الأعمال الروسي");
    REQUIRE((q = quote(d, t, KH_QUOTE_REPORTED, "أن الراحلة")));
    CHECK_SPAN(t, q->speaker, "عايشة نتو");
    REQUIRE((q = quote(d, t, KH_QUOTE_REPORTED, "إن المسلحين")));
    CHECK_SPAN(t, q->speaker, "أحد السكان");             /* يدعى (is named) ends the phrase */
    CHECK(!quote(d, t, KH_QUOTE_REPORTED, "أن المحار")); /* يروى: it is told, by nobody */
}

TEST(kind_description_refers_to_the_body_a_verb_without_statement_named)
{
    /* نددت منظمة العفو الدولية (no clause, no quote of hers) … وأفادت
    ** المنظمة الحقوقية أن: the rights organization is Amnesty */
    const char *t = "عنوان\nنددت منظمة العفو الدولية الخميس بما اعتبرته «موجة إعدامات» في "
                    "ايران، وأفادت المنظمة الحقوقية التي تتخذ مقرا في لندن أن السلطات أعدمت "
                    "كثيرين.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن السلطات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "منظمة العفو الدولية");
}

TEST(definite_head_of_a_dropped_subjects_sentence_refers_back)
{
    const char *t = "عنوان\nأكدت دراسة بريطانية أن التعدد يطيل العمر.\nوأجريت الدراسة على 700 "
                    "حالة، كما أوضحت أن الرجل يعيش أطول.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الرجل");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "دراسة بريطانية");
}

TEST(quoted_outlet_name_is_no_statement)
{
    const char *t = "عنوان\nوقال مدير المستشفى إن الحالات مستقرة.\n\"الوطن\" زارت المستشفى أمس.\n"
                    "وأوضح في رده على استفسار \"سبق\" أن العمل مستمر.\nوأضاف: \"الوطن يحتاجنا\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "الوطن");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "الوطن يحتاجنا"); /* more than the name: words */
    CHECK(!quote(d, t, KH_QUOTE_DIRECT, "سبق"));
    CHECK_EQ_INT(count(d, KH_QUOTE_DIRECT), 1);
}

TEST(quoted_place_or_thing_after_its_head_is_a_name)
{
    const char *t = "عنوان\nوقال قيادي في المقاومة إن المقاتلين سيطروا على جبل \"يسوف\" ومنطقة "
                    "«ذيمرين» بعد اجتياز اختبار \"قياس\".\nوأضاف أن الأطفال يلعبون ألعابا مثل "
                    "\"بوكيمون غو\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK_EQ_INT(count(d, KH_QUOTE_DIRECT), 0);
    CHECK(quote(d, t, KH_QUOTE_REPORTED, "إن المقاتلين"));
    CHECK(quote(d, t, KH_QUOTE_REPORTED, "أن الأطفال"));
}

TEST(three_short_quoted_spans_in_a_list_are_names)
{
    const char *t =
        "عنوان\nوأفادت مصادر أن الموقوفين هم «خالد ديوب» و«أحمد الذهب» و«مهند الدياب».\n"
        "ووصف المتهم الاتهامات بأنها \"كاذبة\" و\"فظيعة\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK(!quote(d, t, KH_QUOTE_DIRECT, "خالد"));
    CHECK(!quote(d, t, KH_QUOTE_DIRECT, "مهند"));
    CHECK(quote(d, t, KH_QUOTE_DIRECT, "كاذبة")); /* two may be one speaker's words */
}

TEST(the_same_source_is_the_speaker_who_spoke_last)
{
    const char *t = "عنوان\nقال عضو التنسيقية زيد بن معتوق إن الاعتصام مستمر.\nوذكر المصدر ذاته أن "
                    "التحركات انطلقت أمس.\nوأوضح المصدر نفسه أن الجيش تدخل.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن التحركات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "زيد بن معتوق");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن الجيش");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "زيد بن معتوق");
    const char *u = "عنوان\nقال ضابط بوروندي إن الهجوم وقع ليلا.\nوأضاف نفس المصدر أن الطرق "
                    "أغلقت.\n";
    d = X(u);
    REQUIRE(d);
    q = quote(d, u, KH_QUOTE_REPORTED, "أن الطرق");
    REQUIRE(q);
    CHECK_SPAN(u, q->speaker, "ضابط بوروندي"); /* "the same" written before the noun */
}

TEST(person_a_source_says_spoke_and_later_statements_carry_him)
{
    const char *t = "عنوان\nتؤسس الحكومة لمرحلة جديدة، وفق ما أكده رضا بالحاج \"الممثل القانوني\" "
                    "للحركة.\nواعتبر أن الوثيقة استنفدت نتائجها.\nوقال الوزير أحمد سالم إن الحكومة "
                    "مستمرة.\nوتراجعت الأسعار، بحسب ما ذكره تقرير حديث.\nوأضاف أن الخطة جاهزة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الوثيقة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "رضا بالحاج");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن الخطة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "أحمد سالم"); /* a report relays; it does not speak */
}

TEST(person_a_source_names_after_a_comma_spoke_too)
{
    const char *t = "عنوان\nتواصل الاعتصام لليوم الثالث، وفق ما أكده عضو تنسيقية اعتصام الفوار، "
                    "زيد بن معتوق.\nوذكر المصدر ذاته أن الطريق أغلق.\nوأضاف أن المفاوضات "
                    "تعثرت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const char *who = "زيد بن معتوق";
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الطريق");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, who);
    REQUIRE((q = quote(d, t, KH_QUOTE_REPORTED, "أن المفاوضات")));
    CHECK_SPAN(t, q->speaker, who); /* a dropped subject goes back to him too */
}

TEST(sayyid_inside_a_name_is_a_given_name)
{
    const char *t =
        "عنوان\nاستدعت النيابة رئيس تحريرها المستقيل، محمد السيد صالح، للتحقيق.\nإلا أن "
        "صالح ذكر لبي بي سي أنه لم يتلق إخطارا.\nوأكد المحامي سيد أبوزيد، ممثل "
        "النقابة، أن النقابة تلقت إخطارا.\nوقال أبوزيد إن الصحفيين أبرياء.\nبدأ السيد "
        "ويلينغام التدريس أمس.\nوقال ويلينغام إن الطلاب متحمسون.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أنه لم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "محمد السيد صالح");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الصحفيين");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سيد أبوزيد");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الطلاب");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "ويلينغام"); /* السيد after a verb is "Mr." */
}

TEST(foreign_given_name_opening_with_al_is_part_of_the_name)
{
    const char *t =
        "عنوان\nقال رئيس الوزراء اليوناني الكسيس تسيبراس إن الاتفاق صعب.\nوأضاف تسيبراس "
        "أن الحكومة ستصمد.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الحكومة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الكسيس تسيبراس");
}

TEST(occasion_owned_by_a_speaker_gives_a_dropped_subject_its_owner)
{
    const char *t = "عنوان\nوقال ترامب إن روسيا لم تتدخل.\nوقال مدير الاستخبارات دان كوتس إن روسيا "
                    "ضالعة.\nخلال مقابلة ترامب مع شبكة أمريكية، قال إنه يحمل بوتين المسؤولية.\n"
                    "وفي مؤتمر صحافي، قال إن العلاقات جيدة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إنه يحمل");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "ترامب");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن العلاقات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "ترامب"); /* صحافي is the press conference's adjective */
}

TEST(stance_noun_in_construct_after_a_name_is_the_object)
{
    const char *t = "عنوان\nوقال سمير، إن الموسم جيد.\nوأبرز سمير حرص الدولة على دعم الفلاحين.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الموسم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سمير"); /* not سمير حرص as his fullest name */
}

TEST(second_body_after_a_nisba_that_closed_a_name_is_the_object)
{
    const char *t = "عنوان\nوأدانت وزارة الخارجية المصرية السلطات الإيرانية، مؤكدة أن الاعتداء "
                    "مرفوض.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    kh_ner_result r = ner_result(NULL, 0);
    kh_extract_entities(x, &r); /* its fullest name is read again there */
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الاعتداء");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "وزارة الخارجية المصرية");
}

TEST(talib_ending_a_subject_is_a_name_not_a_second_verb)
{
    const char *t = "عنوان\nوأوضح المخرج والكاتب المسرحي أمين طالب أن المسرحيات هادفة.\nوقال "
                    "الدكتور موفق محمد أبو طالب إن الاستعدادات اكتملت.\nوقال الكاتب "
                    "المسرحي أمين عاشور إن العرض ناجح.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن المسرحيات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "أمين طالب"); /* أمين after a defined adjective: a name */
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الاستعدادات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "موفق محمد أبو طالب");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن العرض");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "أمين عاشور");
}

TEST(title_alone_names_whom_it_introduced_between_commas_with_an_al_first_name)
{
    const char *t = "عنوان\nقال وزير الداخلية، الهادي مجدوب، إن التحديات كبيرة.\nودعا وزير "
                    "الداخلية في كلمة توجه بها إلى الخريجين إلى \"التحلي بالثبات\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "التحلي");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الهادي مجدوب");
}

TEST(month_word_opening_a_name_after_a_comma_is_a_first_name)
{
    const char *t = "عنوان\nوقال المتحدث باسم المجموعة المسلحة، ماي آيك كياو، إن الاشتباكات "
                    "اندلعت في 5 ماي 2018.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الاشتباكات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "ماي آيك كياو");
    CHECK(d->ndates == 1); /* the month of the date stays a month */
}

TEST(quoted_name_then_a_bare_title_in_construct_is_the_subject)
{
    const char *t = "عنوان\nوأكد \"منير ذكي\" قائد الفوج العاشر في كتائب المعارضة أن الفصائل "
                    "تقدمت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الفصائل");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "منير ذكي");
}

TEST(aside_right_after_the_subject_leads_on_to_the_clause)
{
    const char *t = "عنوان\nوترى مها الحمادي – معلمة وأم لخمسة أبناء – أن الأطفال يظنون ذلك.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الأطفال");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مها الحمادي");
}

TEST(lam_genitive_after_an_anonymous_or_plural_head_is_its_role)
{
    const char *t = "عنوان\nويرى متابعون للشأن السياسي أن القانون سيمر.\nولاحظ يونكر للمرة "
                    "الأولى أن اليونان تغيرت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن القانون");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "متابعون للشأن السياسي"); /* whose followers they are */
    q = quote(d, t, KH_QUOTE_REPORTED, "أن اليونان");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "يونكر"); /* after a name, لل is no role of his */
}

TEST(source_close_to_someone_keeps_whose_source_it_is)
{
    const char *t = "عنوان\nوأكد مصدر مقرب من السلطات المحلية لوكالة الصحافة الفرنسية أن "
                    "الفتاتين فجرتا نفسيهما.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الفتاتين");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مصدر مقرب من السلطات المحلية");
}

TEST(first_name_in_na_after_a_nationality_is_a_name)
{
    const char *t = "عنوان\nوقالت الفنلندية تينا يوهياينن، وهي صديقة للأسرة، إن خفر السواحل "
                    "شارك.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن خفر");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "تينا يوهياينن");
}

TEST(two_words_after_a_body_head_in_a_title_name_the_body)
{
    const char *t = "عنوان\nنفى مراد دلش الممثل القانوني لحركة نداء تونس اليوم الخبر.\nوأكد "
                    "الممثل القانوني لحركة نداء تونس أن الأعضاء جمدوا.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الأعضاء");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مراد دلش"); /* the title's bearer, not the party */
}

TEST(body_named_back_keeps_its_head_before_an_adjective_and_stops_at_a_rank)
{
    const char *t = "عنوان\nوأوضح رئيس المنظمة العربية للسياحة الدكتور بندر آل فهيد أن الملتقى "
                    "كبير.\nوقالت المنظمة إن الخطة جاهزة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الخطة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "المنظمة العربية للسياحة");
}

TEST(qaid_before_a_name_that_ends_is_a_given_name)
{
    const char *t = "عنوان\nأكد المتحدث باسم المقاومة الشعبية الموالية بلحج قائد نصر، أن المقاومة "
                    "رصدت طريقا.\nوقال نصر إن القوات تقدمت.\nوقال قائد عمليات، إن الهجوم بدأ.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن القوات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "قائد نصر");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الهجوم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "قائد عمليات"); /* a title and the body he commands */
}

TEST(quoted_name_closing_a_nameless_description_is_the_speaker)
{
    const char *t = "عنوان\nوقال المبتعث إلى جامعة فلندرز في تخصص طب الطوارئ \"عبدالسلام بن حمد "
                    "العنزي\" لـ\"سبق\": إنه كان يعاني من التوتر.\nوأوضحت الشركة في إعلان على "
                    "موقع السوق المالية \"تداول الأسهم\" أنها حققت أرباحا.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إنه كان");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "عبدالسلام بن حمد العنزي");
    q = quote(d, t, KH_QUOTE_REPORTED, "أنها حققت");
    REQUIRE(q);
    /* the site's name is no part of the speaker */
    CHECK(q->speaker.end <= (uint32_t)(strstr(t, "\"تداول") - t));
}

TEST(qaid_as_a_given_name_ends_the_titles_before_it)
{
    const char *t = "عنوان\nأكد المتحدث باسم المقاومة الشعبية الموالية بلحج قائد نصر، أنه تم "
                    "اكتشاف خبراء.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أنه تم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "قائد نصر");
    /* the same as a body without its title line, the name at the first
    ** token: the name trimmed at قائد once came out empty, and an empty
    ** name was looked up before the first token */
    const char *b = "أكد المتحدث باسم المقاومة بلحج قائد نصر، أنه تم اكتشاف خبراء.\n";
    kh_extract_opts o = {KH_XF_NO_TITLE, 0, 0, 0};
    d = extract(KT, b, strlen(b), &o, NULL);
    REQUIRE(d);
    q = quote(d, b, KH_QUOTE_REPORTED, "أنه تم");
    REQUIRE(q);
    CHECK_SPAN(b, q->speaker, "قائد نصر");
}

TEST(sound_plural_in_construct_takes_its_genitive)
{
    const char *t = "عنوان\nواعترف ممثلو مجموعة الصحف بأن الوضع صعب.\nوقال مسؤولو الحكومة إن "
                    "الخطة جاهزة.\nوقال ماركو إن الفريق جاهز.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "بأن الوضع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "ممثلو مجموعة الصحف");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الخطة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مسؤولو الحكومة");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الفريق");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "ماركو"); /* a name, no plural */
}

TEST(quantity_heads_keep_the_group_they_count)
{
    const char *t = "عنوان\nوقال أحد أعضاء مجلس الشورى إن القرار خاطئ.\nويقول أكثر من 200 شخص "
                    "إن المياه انقطعت.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن القرار");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "أحد أعضاء مجلس الشورى"); /* not cut at the body's title */
    q = quote(d, t, KH_QUOTE_REPORTED, "إن المياه");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "أكثر من 200 شخص");
}

TEST(age_after_a_name_is_no_part_of_it)
{
    const char *t = "عنوان\nوالتقت الوكالة بأحد مرتادي العين صالح بن أحمد البالغ من العمر 54 "
                    "عامًا، وقال: إنني دائما أتردد على هذه العين.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إنني دائما");
    REQUIRE(q);
    /* the recognizer's mention runs on into the age; the guessed speaker
    ** stops before it */
    kh_entity e;
    kh_ner_result r = one_person(d, &e, token_at(d, t, "صالح"), 4);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "صالح بن أحمد");
}

TEST(descriptor_after_a_named_body_is_no_part_of_its_name)
{
    const char *t = "عنوان\nوقالت مجلة فوربس المتخصصة إن الثروة زادت.\nوأكد تقرير التعقب الصادر "
                    "عن سيتا المتخصصة في الاتصالات أن الحقائب تضيع.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الثروة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "فوربس");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن الحقائب");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "تقرير التعقب الصادر عن سيتا");
}

TEST(her_verb_or_kin_after_her_name_is_no_part_of_it)
{
    const char *t = "الشيخة لطيفة حاولت الفرار من دبي\nوتقول الشيخة لطيفة ابنة حاكم دبي إنها "
                    "محتجزة.\nوقالت الشيخة لطيفة في الفيديو إنها أيدت موقف شقيقتها.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إنها محتجزة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "لطيفة");
    q = quote(d, t, KH_QUOTE_REPORTED, "إنها أيدت");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "لطيفة"); /* not the headline's لطيفة حاولت */
}

TEST(feminine_verb_marks_her_for_a_later_dropped_subject)
{
    const char *t = "عنوان\nاعتبرت الولايات المتحدة أن التجربة عمل غير مسؤول.\nودانت المتحدثة "
                    "باسم الوزارة هيذر نويرت ما كشفه الزعيم. وقالت للصحافيين \"هذا شيء لا نستمتع "
                    "بمشاهدته\". وتابعت أن روسيا تطور أسلحة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن روسيا");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "هيذر نويرت");
}

TEST(mufaala_noun_after_a_verb_is_its_object_not_a_subject)
{
    const char *t = "عنوان\nورجح فيصل خليفة أن هناك صراعا. وانتقد مطالبة اتحاد الشغل بإقالة "
                    "الوزير مؤكدا أن هذا الأمر ليس من صلاحيات الاتحاد.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن هذا الأمر");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "فيصل خليفة");
}

TEST(sentence_opening_with_a_verbal_noun_gives_no_subject)
{
    const char *t = "عنوان\nتشرع الوزارة في توزيع الملفات وفق ما أفاد به مدير البحث الطبي "
                    "بوزارة الصحة، الدكتور أنيس قلوز.\nتوزيع ملفات وأضاف أن توزيع الملفات سينطلق "
                    "بالمستشفيات.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن توزيع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "أنيس قلوز"); /* the source named past his rank, not ملفات */
}

TEST(body_head_with_an_adjective_of_kind_refers_back)
{
    const char *t = "عنوان\nوقالت منظمة العفو الدولية إن السلطات اعتقلت العشرات. وأفادت المنظمة "
                    "الحقوقية أن المعتقلين تعرضوا للتعذيب.\nوقالت شرطة العاصمة تايبيه إن الحادث "
                    "وقع ليلا. وقالت الشرطة الكورية الجنوبية إن المشتبه به فر.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن المعتقلين");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "منظمة العفو الدولية");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن المشتبه");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الشرطة الكورية الجنوبية"); /* another country's police */
}

TEST(strong_verb_reaches_its_particle_past_a_long_adjunct)
{
    const char *t = "عنوان\nقال وزير الداخلية، الهادي مجدوب، إن التحديات كبيرة.\nوأكد مجدوب لدى "
                    "إشرافه اليوم الخميس بالعاصمة، على "
                    "اختتام الدورة التكوينية السابعة عشرة لنيل شهادة الكفاءة القيادية والدورة "
                    "التكوينية الأولى للماجستير المهني في التصرف الإداري والأمني بالمدرسة العليا "
                    "لقوات الامن الداخلي، أن الجهاز الأمني على درجة عالية من اليقظة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الجهاز");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الهادي مجدوب");
}

TEST(apposed_name_after_the_titles_whose_and_where)
{
    const char *t = "عنوان\nوأوضح المتحدث الرسمي، لمديرية الدفاع المدني، بمنطقة جازان، العقيد يحيى "
                    "عبدالله القحطاني، أنه نتج عن سقوط المقذوفات إصابة مواطن.\nوأبلغت مصادر "
                    "مطلعة الصحيفة، بأن الانتحاري السليمان، سبق وأن أوقفته الجهات الأمنية.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أنه نتج");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "يحيى عبدالله القحطاني");
    /* a particle after the comma is the clause, not a phrase before a name */
    CHECK(!quote(d, t, KH_QUOTE_REPORTED, "وأن أوقفته"));
}

TEST(telling_verb_subject_ends_where_the_one_told_begins)
{
    const char *t = "عنوان\nوأبلغ ماكرون نظيره الأمريكي دونالد ترامب بأن قراره غير شرعي.\nوأبلغ "
                    "مصدر قضائي الصحيفة أن أغلب القضايا أسرية.\nوقال مسؤول تركي إن أنقرة أبلغت "
                    "واشنطن موافقتها على تسليح الطائرات.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "بأن قراره");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "ماكرون");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن أغلب");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مصدر قضائي"); /* not مصدر قضائي الصحيفة */
    /* the subject before the verb: واشنطن is the one told, no speaker */
    for (size_t i = 0; i < d->nquotes; i++)
        CHECK(!span_is(t, d->quotes[i].speaker, "واشنطن"));
}

TEST(comma_then_bi_anna_closes_the_subject)
{
    const char *t = "عنوان\nواعترف البروفسور كينيث روغوف، في استجابة من طرفه للانتقادات، بأن "
                    "البحث احتوى على خطأ طفيف.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "بأن البحث");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "كينيث روغوف");
}

TEST(speech_reported_inside_a_clause_leaves_the_outer_speaker)
{
    const char *t = "عنوان\nوقال المدرب تشابير أزكارغورتا إن القاضي استدعاه.\nوأشار أزكارغورتا إلى "
                    "أن تشافيز أبلغه عام 2012 بأن المنتخب البرازيلي سيأتي إلى المدينة. وأضاف أنه "
                    "كان يعرف موعد المباراة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أنه كان");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "تشابير أزكارغورتا");
}

TEST(fi_after_a_titled_name_says_where_he_spoke)
{
    const char *t = "عنوان\nقال الرئيس السابق منصف المرزوقي في تجمع في باريس اليوم الأحد، إن "
                    "الناشطة لم تقدم له ملفا.\nوقالت مديرة مكتبة كادبوري البحثية في الجامعة سوزان "
                    "ورال إن الكشف مهم.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الناشطة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "منصف المرزوقي");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الكشف");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "سوزان ورال"); /* a body's name before في: the title's place */
}

TEST(bare_surname_takes_the_person_named_with_al)
{
    const char *t = "عنوان\nوقال طيب، إن الحكومة شرعت في الإصلاح. وقال سمير الطيب إن الحكومة تعكف "
                    "على الدراسة.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الحكومة شرعت");
    REQUIRE(q);
    uint32_t i = token_at(d, t, "سمير");
    REQUIRE(i < d->analysis->ntokens);
    kh_entity e[2];
    one_person(d, &e[0], i, 2);
    one_person(d, &e[1], i, 2);
    kh_ner_result r = ner_result(e, 1);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "سمير الطيب");
    /* two different people end in الطيب: the bare word stays as written */
    const char *t2 = "عنوان\nوقال طيب، إن الحكومة شرعت في الإصلاح. وقال سمير الطيب إن الحكومة "
                     "تعكف. وقال أحمد الطيب إن الجامعة تعمل.\n";
    d = XKEEP(t2, &x);
    REQUIRE(d);
    q = quote(d, t2, KH_QUOTE_REPORTED, "إن الحكومة شرعت");
    REQUIRE(q);
    one_person(d, &e[0], token_at(d, t2, "سمير"), 2);
    one_person(d, &e[1], token_at(d, t2, "أحمد"), 2);
    r = ner_result(e, 2);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t2, q->speaker, "طيب");
}

TEST(ali_with_a_nasab_after_the_verb_is_the_name)
{
    const char *t = "عنوان\nوقال علي بن صميخ المري رئيس اللجنة الوطنية القطرية لحقوق الإنسان في "
                    "مؤتمر صحفي عقده أمس السبت، إن لجنته بصدد التواصل مع المنظمات.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن لجنته");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "علي بن صميخ المري");
}

TEST(quoted_phrase_with_a_preposition_is_no_nickname)
{
    const char *t =
        "عنوان\nواعتبر القاضي نيكولاس فرنسيس \"بحزن شديد\" لكن \"بقناعة تامة\" أنه ينبغي "
        "على الأطباء أن يتوقفوا.\nوقالت قناة \"بي. إف. إم\" التلفزيونية إن الأمن تدخل.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أنه ينبغي");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "نيكولاس فرنسيس");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الأمن");
    REQUIRE(q);
    CHECK(span_is(t, q->speaker, "قناة \"بي. إف. إم\" التلفزيونية") ||
          span_is(t, q->speaker, "بي. إف. إم")); /* the segmenter's ب of بي is a name's */
}

TEST(person_right_after_the_verb_is_its_subject)
{
    /* the segmenter reads بلاتيني as ب + لاتيني, a prepositional phrase */
    const char *t = "عنوان\nوقال المدرب إن الأمر صعب.\nواعتبر بلاتيني أن الانتظار كان طويلا.\n"
                    "وقال معاليه إن الحوار مهم.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الانتظار");
    const kh_quote *h = quote(d, t, KH_QUOTE_REPORTED, "إن الحوار");
    REQUIRE(q && h);
    CHECK(!span_is(t, q->speaker, "بلاتيني"));
    kh_entity e[2];
    one_person(d, &e[0], token_at(d, t, "بلاتيني"), 1);
    e[0].start += 2; /* as the recognizer gives it: after the proclitic ب */
    one_person(d, &e[1], token_at(d, t, "معاليه"), 1);
    kh_ner_result r = ner_result(e, 2);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "بلاتيني");
    CHECK(!(q->flags & KH_QF_CARRIED));
    CHECK(!span_is(t, h->speaker, "معاليه")); /* an honorific is no name */
}

TEST(head_in_construct_is_not_the_president_named_earlier)
{
    /* رئيس اللجنة heads the committee: not للرئيس إنريكي before it, and not
    ** the words before that title (ضربة جديدة | للرئيس) */
    const char *t = "عنوان\nقالت لجنة مستقلة إنها اكتشفت عيوبا، وذلك في ضربة جديدة للرئيس إنريكي "
                    "بينا نييتو في الفضيحة. فيما قال رئيس اللجنة في بيان إن عمليات الاختفاء "
                    "«تثبت المدى الذي وصلت إليه الهمجية» في المكسيك.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن عمليات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "رئيس اللجنة");
}

TEST(kin_noun_heads_a_description_before_the_name_in_apposition)
{
    /* شقيق is no name word: the description runs on to the comma and the
    ** name set off after it is the speaker's */
    const char *t =
        "عنوان\nوأكد شقيق ولي العهد، خالد بن سلمان، سفير السعودية في الولايات المتحدة، أن "
        "\"جميع التقارير كاذبة\".\nوقال زوج المعلمة إن القضية لم تغلق.\n"
        "وقالت أرملة العقيد إن التحقيق مستمر.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن \"جميع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "خالد بن سلمان");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن القضية");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "زوج المعلمة");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن التحقيق"); /* أرملة as a token's norm spells it */
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "أرملة العقيد");
}

TEST(one_of_a_plural_group_is_the_speaker)
{
    /* إحدى is no name: the plural after it is the group she is one of, not
    ** the verb's object after a bare name (ووصف بوليانسكي | القرارات) */
    const char *t = "عنوان\nوقالت إحدى المشاركات \"أنا وأقاربي نتفقد الحمامات العامة دائما\".\n"
                    "وأضاف أحد القيادات الوسيطة في الحركة أن الملا منصور يعتبر رجلا قويا.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "أنا وأقاربي");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "إحدى المشاركات");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن الملا");
    REQUIRE(q);
    CHECK(span_is(t, q->speaker, "أحد القيادات الوسيطة في الحركة") ||
          span_is(t, q->speaker, "أحد القيادات الوسيطة"));
}

TEST(title_word_after_a_preposition_and_noun_is_no_subject)
{
    /* قيادي after على هيكل is an adjective ("a leadership structure"), not
    ** the title of a subject after a verb (قام نائب الرئيس X بـ …) */
    const char *t = "عنوان\nأعلن رئيس الحزب المعارض، عزمه تشكيل تكتل جديد، والاتفاق على هيكل قيادي "
                    "واحد له، مؤكدا أن هذا الكيان سيكون مستعدا للحوار.\nوقال «سوف نعمل على "
                    "الاتفاق على هيكل قيادي واحد وخريطة طريق لخطى المستقبل».\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن هذا الكيان");
    REQUIRE(q);
    /* the name read there grew over the quotation's words: واحد وخريطة طريق */
    CHECK(q->speaker.start == KH_NONE || q->speaker.end <= (uint32_t)(strstr(t, "،") - t));
}

TEST(statement_after_a_body_verb_complement_is_the_body_s)
{
    /* حذر is a weak verb: it governs no quote after its own complement
    ** (من التعامل مع "…"), but the statement is still its subject's, and
    ** البيان after it refers back to that statement */
    const char *t = "عنوان\nقالت مصادر إن المواجهات اندلعت صباح اليوم.\nوحذر بيان صادر عن وزارة "
                    "الخارجية من التعامل مع \"عمليات التهويد الإسرائيلية لمدينة القدس بشكل "
                    "اعتيادي ومألوف\".\nوأدان البيان \"اقتحام المستوطنين المتطرفين المسجد "
                    "الأقصى من جهة باب المغاربة\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "عمليات التهويد");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "بيان صادر عن وزارة الخارجية");
    CHECK(!(q->flags & KH_QF_CARRIED));
    q = quote(d, t, KH_QUOTE_DIRECT, "اقتحام المستوطنين");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "بيان صادر عن وزارة الخارجية");
}

TEST(maker_titles_stand_before_a_name)
{
    const char *t = "عنوان\nوأوضحت صانعة الدمى زهراء الميلاد أنها تستخدم الطين والنحاس.\n"
                    "وأكدت مصممة الأزياء فائزة خير الله أن العباءات تطورت كثيرا.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أنها تستخدم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "زهراء الميلاد");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن العباءات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "فائزة خير الله");
}

TEST(recognizer_person_keeps_a_first_name_in_allah_and_drops_a_title_after_it)
{
    /* the recognizer's يوسف زائي leaves out رحمة الله; its علي أبو ساق شيخ runs on
    ** into the title that opens an apposition (شيخ شمل قبائل) */
    const char *t = "عنوان\nوقال رحمة الله يوسف زائي الخبير الباكستاني في شؤون طالبان إن "
                    "المقاتلين لا يرون فائدة.\nوقال الشيخ علي أبو ساق شيخ شمل قبائل آل فاطمة "
                    "«العملية الإرهابية التي استهدفت المصلين مدانة بكل المقاييس».\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن المقاتلين");
    const kh_quote *h = quote(d, t, KH_QUOTE_DIRECT, "العملية الإرهابية");
    REQUIRE(q && h);
    kh_entity e[2];
    one_person(d, &e[0], token_at(d, t, "يوسف"), 2);
    one_person(d, &e[1], token_at(d, t, "علي"), 4);
    kh_ner_result r = ner_result(e, 2);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "رحمة الله يوسف زائي");
    CHECK_SPAN(t, h->speaker, "علي أبو ساق");
}

TEST(a_king_named_in_a_place_is_not_its_director)
{
    const char *t = "عنوان\nوقال مدير مستشفى الملك فهد إن المشروع جاهز.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن المشروع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مدير مستشفى الملك فهد");
    const char *t2 = "عنوان\nوقال مدير مطار الملك خالد الدولي محمد العتيبي إن الرحلات منتظمة.\n";
    d = X(t2);
    REQUIRE(d);
    q = quote(d, t2, KH_QUOTE_REPORTED, "إن الرحلات");
    REQUIRE(q);
    CHECK_SPAN(t2, q->speaker, "محمد العتيبي");
}

TEST(recognizer_person_drops_a_definite_title_after_it)
{
    const char *t = "عنوان\nاعتبر ماريو أبو زيد الباحث في مركز كارنيغي للشرق الأوسط، أنه لا "
                    "إمكانية لإنشاء منطقة مماثلة.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أنه لا");
    REQUIRE(q);
    kh_entity e;
    kh_ner_result r = one_entity(d, t, &e, "ماريو", 4, KH_ENT_PER); /* as the recognizer tags it */
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "ماريو أبو زيد");
}

TEST(a_demonstrative_with_its_preposition_ends_the_subject)
{
    const char *t = "عنوان\nوالأهم فيما قال كاميرون لذلك الجمهور هذه الجملة: «أريد العمل معكم "
                    "لمواجهة هذا السم».\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "أريد العمل");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "كاميرون");
}

TEST(title_then_where_then_a_plain_name_is_the_bearer)
{
    /* no comma after the في phrase: the name that plainly ends the subject
    ** is the bearer's; a place's own name and adjective are not */
    const char *t =
        "عنوان\nبدوره، أشار المدير العام لجمعية البر في المحافظة معاذ الجعفري لـ\"الوطن\" "
        "أمس أن المساعدة كبيرة.\nوقال مسؤول العلاقات الخارجية في حكومة الاقليم فلاح "
        "مصطفى، إن الحل سياسي.\nوقال متحدث باسم المحكمة في بلدة كريمس النمساوية إن "
        "الرجل اعتقل.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن المساعدة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "معاذ الجعفري");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الحل");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "فلاح مصطفى");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الرجل");
    REQUIRE(q);
    CHECK(!span_is(t, q->speaker, "كريمس النمساوية"));
}

TEST(a_definite_office_refers_back_to_the_person_who_spoke_last)
{
    /* المسؤول الأمريكي names no one new: the deputy spokesman who spoke
    ** last; a judge is not the lawyer who did */
    const char *t = "عنوان\nوقال نائب المتحدث باسم البعثة الأمريكية كورتز كوبر إن المجلس "
                    "سيعقد جلسة خاصة.\nوأكد المسؤول الأمريكي في تغريدته أن الجلسة عقدت "
                    "صباحا.\nوقال المحامي علي الجهني إن الحكم نهائي.\nورأى القاضي أن الحجج "
                    "غير كافية.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الجلسة");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "كورتز كوبر");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن الحجج");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "القاضي");
}

TEST(a_given_name_with_al_after_a_title_opens_the_name)
{
    /* الحبيب، الباجي: Maghrebi given names with ال are no adjectives of the
    ** title; المحيط الهادي is the Pacific */
    const char *t = "عنوان\nأكد رئيس الحكومة الحبيب الصيد أن الوضع مستقر.\nوقال رئيس الجمهورية "
                    "الباجي قائد السبسي إن الإرهاب لن ينتصر.\nوقال مركز المحيط الهادي للتحذير "
                    "من موجات تسونامي إن الخطر زال.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الوضع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الحبيب الصيد");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الإرهاب");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الباجي قائد السبسي");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الخطر");
    REQUIRE(q);
    CHECK(!span_is(t, q->speaker, "الهادي للتحذير") && !span_is(t, q->speaker, "مركز المحيط"));
}

TEST(a_foreign_given_name_with_al_after_titles_opens_the_name)
{
    /* الكسيس، البرت: the segmenter reads ال in them, but they are no
    ** adjectives of the title before them */
    const char *t = "عنوان\nوقال الصحافي والمحلل المالي الكسيس كالامبري إن الهجوم يحمل بصمات "
                    "التنظيم.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الهجوم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الكسيس كالامبري");
}

TEST(the_bare_title_refers_back_to_a_name_opened_by_al)
{
    /* الرئيس goes back to رئيس الجمهورية الباجي قائد السبسي: the name after
    ** the title is read there as in the subject; the words after it are not */
    const char *t = "عنوان\nأكد رئيس الجمهورية الباجي قائد السبسي تمديد حالة الطوارئ.\n"
                    "وأضاف الرئيس أن القانون سيتغير.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن القانون");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الباجي قائد السبسي");
}

TEST(a_quoted_title_after_bi_unwan_is_named_however_long)
{
    const char *t = "عنوان\nونشرت الصحفية بيل ترو مقالا في الصحيفة بعنوان \"أعشق مصر ولا أستطيع "
                    "العودة... ولا أحد يستطيع أن يقول السبب ولا أن يشرح ما جرى\".\nوقالت ترو "
                    "\"لقد رحلت مرغمة عن البلد الذي أحبه\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    CHECK(quote(d, t, KH_QUOTE_DIRECT, "أعشق مصر") == NULL);
    CHECK(quote(d, t, KH_QUOTE_DIRECT, "لقد رحلت") != NULL);
}

TEST(quoted_words_with_function_words_after_the_verb_are_said)
{
    /* a quote right after يقول is its subject only if it can be a name:
    ** حول and كل say it is words */
    const char *t = "عنوان\nوقال وزير الخارجية الفرنسي لوران فابيوس إن البلدين سيقيمان علاقات "
                    "طبيعية.\nومضى يقول \"سأجري محادثات حول كل المواضيع\"، إلا أنه أوضح أن "
                    "المفاوضات صعبة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "سأجري محادثات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "لوران فابيوس");
}

TEST(a_participle_takes_the_entity_after_its_sentence_s_verb)
{
    /* أعربت has no statement of its own; معتبرة hangs on it, and the place
    ** the recognizer tags right after it is the subject */
    const char *t = "عنوان\nأعربت التشيك، الأحد، عن رفضها استقبال 450 شخصا من طالبي اللجوء، "
                    "معتبرة أن الأمر سيكون خطيرا.\n";
    kh_extractor *x = NULL;
    const kh_article *d = XKEEP(t, &x);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الأمر");
    REQUIRE(q);
    kh_entity e;
    kh_ner_result r = one_entity(d, t, &e, "التشيك", 1, KH_ENT_LOC);
    kh_extract_entities(x, &r);
    CHECK_SPAN(t, q->speaker, "التشيك");
}

TEST(a_speech_event_owned_with_lam_names_the_dropped_subject)
{
    const char *t = "عنوان\nوقال وزير الدولة للشؤون الخارجية الإماراتي أنور قرقاش إن الحل قريب.\n"
                    "وقال المتحدث باسم الحوثيين محمد عبد السلام إن الوفد لن يحضر.\nجاء ذلك في "
                    "تغريدة لقرقاش على صفحته بموقع التواصل الاجتماعي، حيث قال: \"تغيب "
                    "الحوثي عن عملية السلام دليل على ضعفه\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "تغيب الحوثي");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "أنور قرقاش");
}

TEST(a_year_between_the_subject_and_bi_keeps_the_subject)
{
    /* ووصفتها: the pronoun is the object; the subject is the noun before
    ** بأنها, past في and a year */
    const char *t = "عنوان\nوروسيا البيضاء أقرب حليفة لروسيا منذ عام 1994 ووصفتها الولايات "
                    "المتحدة في 2005 بأنها \"آخر دكتاتورية في أوروبا\".\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "آخر دكتاتورية");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الولايات المتحدة");
}

TEST(the_issuer_of_a_speech_noun_speaks_in_it)
{
    /* أعلنت فيه: the video is the object of نشرت, whose subject spoke; a
    ** phrase with a clause in it is no subject (نشرت صورتها، وفوق الصورة كتبت) */
    const char *t = "عنوان\nوتأتي الهجمات الدموية الأخيرة بعد أن نشرت بوكو حرام شريط فيديو "
                    "أعلنت فيه أنها لم تمن بالهزيمة.\nونعت الكاتبة التي نشرت صورتها، وفوق "
                    "الصورة كتبت تغريدة قالت فيها إن الراحلة كانت مثالا.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أنها لم");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "بوكو حرام");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن الراحلة");
    REQUIRE(q);
    CHECK(!span_is(t, q->speaker, "صورتها، وفوق الصورة كتبت"));
}

TEST(ali_after_the_verb_and_a_first_name_ends_the_name)
{
    const char *t = "عنوان\nوذكر مهدي علي أنه رأى في هذه الحملة خيرا كثيرا.\nوأكد الوزير علي أن "
                    "الوضع مستقر.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أنه رأى");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "مهدي علي");
    q = quote(d, t, KH_QUOTE_REPORTED, "أن الوضع"); /* a title: على misspelt */
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الوزير");
}

TEST(a_quotation_opened_again_in_each_paragraph_is_one_quote_per_paragraph)
{
    /* “… المرابحة. ¶ “هذا يجعل …”: the first paragraph's quote ends before its
    ** full stop, the next paragraph's is its own, and the same man's */
    const char *t = "عنوان\nوقال رئيس البنك حمد المرزوق “هي لا تعتمد على فائدة ثابتة. تعتمد على "
                    "المرابحة.\n“هذا يجعل البنك أقل عرضة للصدمات.”\nوقالت مديرة الفرع إن العملاء "
                    "كثيرون.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "هي لا تعتمد");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "هي لا تعتمد على فائدة ثابتة. تعتمد على المرابحة");
    CHECK_SPAN(t, q->speaker, "حمد المرزوق");
    q = quote(d, t, KH_QUOTE_DIRECT, "هذا يجعل");
    REQUIRE(q);
    CHECK_SPAN(t, q->text, "هذا يجعل البنك أقل عرضة للصدمات.");
    CHECK_SPAN(t, q->speaker, "حمد المرزوق");
    CHECK(!(q->flags & KH_QF_CARRIED));
}

TEST(a_name_in_apposition_may_end_at_the_place_of_speech)
{
    const char *t = "عنوان\nوقال رئيس مجلس قضاء الخالدية في محافظة الأنبار، علي داود في حديث "
                    "للصحيفة إن الطائرات قصفت الموقع.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن الطائرات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "علي داود");
}

TEST(a_title_s_long_fi_phrase_before_the_name_in_apposition)
{
    const char *t = "عنوان\nويوضح خبير الأرصاد والبيئة في إدارة الأرصاد الجوية بدولة الكويت، عيسى "
                    "رمضان، أن الطقس سيكون حارا.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "أن الطقس");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "عيسى رمضان");
}

TEST(a_second_title_and_a_nationality_before_the_name_in_apposition)
{
    /* title، second title with its complements، nationality name، إن; a
    ** second title with no name after it leaves the first comma's reading */
    const char *t = "عنوان\nقال مطور الألعاب الإلكترونية، نائب المدير العام في شركة لمبة "
                    "للعمليات وتطوير الأعمال، السعودي عبد الله حامد، إن السوق يشهد تناميا.\n"
                    "وقال الوزير، رئيس الوفد، إن المحادثات جيدة.\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_REPORTED, "إن السوق");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "عبد الله حامد");
    q = quote(d, t, KH_QUOTE_REPORTED, "إن المحادثات");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "الوزير");
}

TEST(talking_after_a_nisba_is_the_verbs_object)
{
    /* رفض المسؤول العسكري اليمني | الحديث عن …: he refused to talk */
    const char *t = "عنوان\nورفض المسؤول العسكري اليمني الحديث عن توجهات المرحلة المقبلة قائلا: "
                    "«لا أستطيع الإفصاح عن أي خطط عسكرية الآن».\n";
    const kh_article *d = X(t);
    REQUIRE(d);
    const kh_quote *q = quote(d, t, KH_QUOTE_DIRECT, "لا أستطيع");
    REQUIRE(q);
    CHECK_SPAN(t, q->speaker, "المسؤول العسكري اليمني");
}
