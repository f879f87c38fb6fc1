/*
** test_alloc.c - every allocation goes through kh_analyzer_opts.alloc, and
** every failure of it comes back as KH_ENOMEM without a crash or a leak.
**
** The hook keeps a header before each block so it can check the osize the
** library passes on realloc and free, and count blocks still live. The
** failure test makes the hook refuse every request from the Nth on, for
** N = 0, 1, 2, ... until analysis succeeds, so each allocation site fails
** once; after a failed kh_analyze the same handle must still work.
*/
#include "kt_api.h"

#include <stdalign.h>
#include <stdlib.h>

typedef struct heap {
    size_t calls;     /* allocations asked for (nsize > 0) */
    size_t fail_from; /* refuse every allocation once calls reaches this */
    long live;        /* blocks handed out and not yet freed */
    size_t bad_osize; /* realloc/free calls whose osize was wrong */
    size_t foreign;   /* pointers we never handed out (checked by a tag) */
} heap;

typedef struct block {
    alignas(max_align_t) size_t size;
    size_t tag;
} block;

#define TAG ((size_t)0x6b686162u) /* "khab" */

static void *heap_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    heap *h = ud;
    block *b = ptr ? (block *)ptr - 1 : NULL;
    if (b && b->tag != TAG) {
        h->foreign++;
        return NULL;
    }
    if (b && b->size != osize) h->bad_osize++;
    if (nsize == 0) {
        if (b) {
            b->tag = 0;
            free(b);
            h->live--;
        }
        return NULL;
    }
    if (h->calls++ >= h->fail_from) return NULL; /* ptr stays valid */
    block *nb = realloc(b, sizeof *nb + nsize);
    if (!nb) return NULL;
    if (!b) h->live++;
    nb->size = nsize;
    nb->tag = TAG;
    return nb + 1;
}

static const char alloc_text[] =
    "وزير الخارجية يلتقي نظيره\n"
    "وقال الوزير، بعد محادثات مع نظيره، إن البلدين سيعززان التعاون وللتواصل.\n"
    "وأضاف: \u201Cنحن نتفق على كل شيء\u201D، بحسب أ.ف.ب. بلغ ١٤٤٫٥ مليون، أي 50%.\n"
    "تابعوا #الخارجية_اليوم و@Reuters على https://example.org/ar?id=5 وفقا لـ CNN \xFF.\n";

enum { MAX_FAILS = 200000 };

TEST(alloc_hook_sees_every_allocation_with_true_old_sizes)
{
    heap h = {0, (size_t)-1, 0, 0, 0};
    kh_analyzer_opts o = {0, heap_alloc, &h};
    kh_analyzer *a = NULL;
    const kh_analysis *an = NULL;
    REQUIRE(kh_analyzer_new(&o, &a) == KH_OK);
    CHECK(kh_analyze(a, (const uint8_t *)alloc_text, sizeof alloc_text - 1, &an) == KH_OK);
    CHECK(kh_analyze(a, (const uint8_t *)alloc_text, 40, &an) == KH_OK);
    kh_analyzer_free(a);
    CHECK(h.calls > 0);
    CHECK_EQ_INT(h.live, 0);
    CHECK_EQ_INT(h.bad_osize, 0);
    CHECK_EQ_INT(h.foreign, 0);
}

TEST(failing_allocator_gives_enomem_and_never_leaks)
{
    kt_doc ref;
    REQUIRE(DOC_LEN(&ref, alloc_text, sizeof alloc_text - 1, 0) == KH_OK);
    uint64_t expect = kt_digest(ref.an);
    kt_doc_close(&ref);

    size_t n;
    int done = 0;
    for (n = 0; n < MAX_FAILS && !done; n++) {
        heap h = {0, n, 0, 0, 0};
        kh_analyzer_opts o = {0, heap_alloc, &h};
        kh_analyzer *a = NULL;
        const kh_analysis *an = NULL;
        kh_status st = kh_analyzer_new(&o, &a);
        if (st != KH_OK) {
            if (st != KH_ENOMEM) FAIL("N=%zu: kh_analyzer_new gave %s", n, kh_strerror(st));
        } else {
            st = kh_analyze(a, (const uint8_t *)alloc_text, sizeof alloc_text - 1, &an);
            if (st == KH_OK) {
                done = 1;
                if (kt_digest(an) != expect) FAIL("N=%zu: result differs from libc's", n);
            } else if (st != KH_ENOMEM) {
                FAIL("N=%zu: kh_analyze gave %s", n, kh_strerror(st));
            } else {
                if (kh_analyzer_error(a)->status != KH_ENOMEM)
                    FAIL("N=%zu: last error %s", n, kh_strerror(kh_analyzer_error(a)->status));
                /* The handle survives a failed call: lift the limit and retry. */
                h.fail_from = (size_t)-1;
                st = kh_analyze(a, (const uint8_t *)alloc_text, sizeof alloc_text - 1, &an);
                if (st != KH_OK)
                    FAIL("N=%zu: retry after ENOMEM gave %s", n, kh_strerror(st));
                else if (kt_digest(an) != expect)
                    FAIL("N=%zu: retry after ENOMEM differs from libc's", n);
            }
            kh_analyzer_free(a);
        }
        if (h.live != 0) FAIL("N=%zu: %ld blocks leaked", n, h.live);
        if (h.bad_osize || h.foreign)
            FAIL("N=%zu: %zu wrong osize, %zu foreign pointers", n, h.bad_osize, h.foreign);
        if (!kt_ok(KT)) return; /* one broken N is enough to read */
    }
    if (!done) FAIL("analysis still failing after %d refused allocations", MAX_FAILS);
    /* n is one past the first budget that sufficed: below 2, nothing was refused */
    if (n < 2) FAIL("the hook was never needed: is the allocator bypassed?");
}

TEST(failing_allocator_in_strict_mode_gives_enomem_or_eutf8)
{
    /* With invalid input and a failing allocator, either error may come first. */
    for (size_t n = 0; n < MAX_FAILS; n++) {
        heap h = {0, n, 0, 0, 0};
        kh_analyzer_opts o = {KH_OPT_STRICT_UTF8, heap_alloc, &h};
        kh_analyzer *a = NULL;
        const kh_analysis *an = NULL;
        kh_status st = kh_analyzer_new(&o, &a);
        if (st == KH_OK) {
            st = kh_analyze(a, (const uint8_t *)alloc_text, sizeof alloc_text - 1, &an);
            kh_analyzer_free(a);
        }
        if (st != KH_ENOMEM && st != KH_EUTF8) FAIL("N=%zu: %s", n, kh_strerror(st));
        if (h.live != 0) FAIL("N=%zu: %ld blocks leaked", n, h.live);
        if (st == KH_EUTF8 || !kt_ok(KT)) return;
    }
    FAIL("strict analysis still failing after %d refused allocations", MAX_FAILS);
}
