/*
** test_threads.c - two analyzers in two threads share no writable memory
** (khabar.h), so they must give exactly what one analyzer gives alone.
**
** Run under ASan this catches shared scratch buffers that corrupt each
** other's output; a data race that happens to leave the output intact is the
** business of a ThreadSanitizer build, which this test also suits.
*/
#include "kt_api.h"

#include <pthread.h>

/* Text the project wrote itself: clitics, quotes, numbers, mixed scripts. */
static const char thread_text[] =
    "وزير الخارجية يلتقي نظيره في القاهرة\n"
    "وقال الوزير، بعد محادثات مع نظيره، إن البلدين سيعززان التعاون في مجال الطاقة.\n"
    "وأضاف: \u201Cنحن نتفق على كل شيء\u201D، بحسب وكالة أ.ف.ب.\n"
    "وبلغ حجم التبادل التجاري ١٤٤٫٥ مليون دولار، أي 50% أكثر من عام 2023.\n"
    "للمزيد تابعوا #الخارجية_اليوم و@Reuters على https://example.org/ar?id=5 وفقا لـ CNN.\n";

enum { ROUNDS = 25 };

typedef struct worker {
    uint64_t expect;
    int mismatches;
    kh_status st;
} worker;

static void *run_worker(void *p)
{
    worker *w = p;
    kh_analyzer *a = NULL;
    w->st = kh_analyzer_new(NULL, &a);
    if (w->st != KH_OK) return NULL;
    for (int r = 0; r < ROUNDS; r++) {
        const kh_analysis *an = NULL;
        w->st = kh_analyze(a, (const uint8_t *)thread_text, sizeof thread_text - 1, &an);
        if (w->st != KH_OK) break;
        if (kt_digest(an) != w->expect) w->mismatches++;
    }
    kh_analyzer_free(a);
    return NULL;
}

TEST(two_analyzers_in_two_threads_agree_with_one_alone)
{
    kt_doc d;
    REQUIRE(DOC_LEN(&d, thread_text, sizeof thread_text - 1, 0) == KH_OK);
    uint64_t expect = kt_digest(d.an);
    kt_doc_close(&d);

    worker w[2] = {{expect, 0, KH_OK}, {expect, 0, KH_OK}};
    pthread_t th[2];
    for (int i = 0; i < 2; i++)
        REQUIRE(pthread_create(&th[i], NULL, run_worker, &w[i]) == 0);
    for (int i = 0; i < 2; i++)
        pthread_join(th[i], NULL);
    for (int i = 0; i < 2; i++) {
        CHECK_EQ_INT(w[i].st, KH_OK);
        CHECK_EQ_INT(w[i].mismatches, 0);
    }
}

TEST(lenient_and_strict_analyzers_in_two_threads_agree_on_valid_text)
{
    kt_doc d;
    REQUIRE(DOC_LEN(&d, thread_text, sizeof thread_text - 1, KH_OPT_STRICT_UTF8) == KH_OK);
    uint64_t strict = kt_digest(d.an);
    kt_doc_close(&d);
    REQUIRE(DOC_LEN(&d, thread_text, sizeof thread_text - 1, 0) == KH_OK);
    CHECK(kt_digest(d.an) == strict);
    kt_doc_close(&d);
}
