/*
** test_facts.c - entities and quotations stored by KH_INDEX_EXTRACT:
** facets, entity: with variants and aliases, kh_quotes_find, replace and
** delete, indexes without them, and kill -9 while extracting.
**
** The articles are invented for these tests.
*/
#include "khabar.h"
#include "kt_files.h"

#include <limits.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Lavrov (full name, then surname), Wang (وانغ يي, then the variant وانج),
** NATO by its full name and by the alias الناتو. */
static const char *const A_TITLE = "لافروف ووانغ يبحثان الأزمة في موسكو";
static const char *const A_BODY =
    "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده مستعدة للحوار مع الجميع. وأضاف لافروف: "
    "\"لن نقبل أي ضغوط من حلف شمال الأطلسي في هذه المرحلة\".\n"
    "من جهته، قال وزير الخارجية الصيني وانغ يي: \"الحوار هو الطريق الوحيد لحل الأزمة\". وأكد "
    "وانج أن بكين تدعم كل جهود السلام.\n"
    "وقال متحدث باسم الناتو إن الحلف يتابع الوضع عن كثب.";
static const char *const B_TITLE = "الناتو يعقد اجتماعا طارئا في بروكسل";
static const char *const B_BODY =
    "قال الأمين العام لحلف شمال الأطلسي إن الحلف سيعزز وجوده في شرق أوروبا. "
    "وأضاف: \"لن نسمح بأي تهديد لأعضاء الحلف\".";
static const char *const C_TITLE = "محادثات اقتصادية في الرياض";
static const char *const C_BODY =
    "أكد وزير المالية أن الاقتصاد ينمو بوتيرة جيدة هذا العام. وقال: \"نتوقع نموا أكبر\".";

static kh_doc doc(const char *id, const char *title, const char *body)
{
    kh_doc d = {0};
    d.id = (kh_text){id, strlen(id)};
    d.title = (kh_text){title, strlen(title)};
    d.body = (kh_text){body, strlen(body)};
    return d;
}

static void add(kh_index *ix, const char *id, const char *title, const char *body)
{
    kh_doc d = doc(id, title, body);
    kh_index_add(ix, &d, NULL);
}

static uint64_t total(kh_index *ix, const char *q)
{
    kh_search_opts o = {0};
    const kh_results *r;
    if (kh_search(ix, q, strlen(q), &o, &r)) return UINT64_MAX;
    return r->total;
}

static uint64_t quotes_of(kh_index *ix, const char *speaker, const char *q)
{
    const kh_quote_results *r;
    if (kh_quotes_find(ix, speaker, speaker ? strlen(speaker) : 0, q, q ? strlen(q) : 0, NULL, &r))
        return UINT64_MAX;
    return r->total;
}

static kh_index *open_extract(const char *path)
{
    kh_index_opts o = {.flags = KH_INDEX_EXTRACT};
    kh_index *ix = NULL;
    if (kh_index_open(path, &o, &ix)) {
        kh_index_close(ix);
        return NULL;
    }
    return ix;
}

static int64_t count_rows(const char *path, const char *sql)
{
    sqlite3 *s;
    sqlite3_stmt *st;
    int64_t v = -1;
    if (sqlite3_open(path, &s) == SQLITE_OK &&
        sqlite3_prepare_v2(s, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(s);
    return v;
}

TEST(facets_list_the_entities_of_the_results_by_canonical_name)
{
    const char *dir = kt_tmpdir("facets");
    kh_index *ix = open_extract(kt_path(dir, "x.db"));
    REQUIRE(ix != NULL);
    CHECK(kh_index_has_facts(ix));
    add(ix, "a", A_TITLE, A_BODY);
    add(ix, "b", B_TITLE, B_BODY);
    add(ix, "c", C_TITLE, C_BODY);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    kh_search_opts o = {.facets = 20};
    const kh_results *r;
    REQUIRE(kh_search(ix, "قال", strlen("قال"), &o, &r) == KH_OK);
    CHECK_EQ_INT(r->total, 3);
    REQUIRE(r->nfacets > 2);
    /* NATO is named in a and b, twice in each (الناتو, حلف شمال الأطلسي,
    ** لحلف شمال الأطلسي): first, one entity */
    CHECK_EQ_STR(r->facets[0].name.ptr, "حلف شمال الأطلسي");
    CHECK_EQ_INT(r->facets[0].type, KH_ENT_ORG);
    CHECK_EQ_INT(r->facets[0].docs, 2);
    CHECK_EQ_INT(r->facets[0].mentions, 4);
    int lavrov = 0, wang = 0;
    for (size_t i = 0; i < r->nfacets; i++) {
        CHECK(r->facets[i].docs <= 2);
        if (!strcmp(r->facets[i].name.ptr, "سيرغي لافروف")) lavrov = (int)r->facets[i].mentions;
        if (!strcmp(r->facets[i].name.ptr, "وانغ يي")) {
            wang = (int)r->facets[i].mentions;
            CHECK_EQ_INT(r->facets[i].type, KH_ENT_PER);
        }
        if (i) CHECK(r->facets[i].docs <= r->facets[i - 1].docs);
    }
    CHECK_EQ_INT(lavrov, 3); /* headline, full name, surname: one entity */
    CHECK_EQ_INT(wang, 3);   /* وانغ, وانغ يي and the variant وانج */
    o.facets = 1;
    REQUIRE(kh_search(ix, "الاقتصاد", strlen("الاقتصاد"), &o, &r) == KH_OK);
    CHECK_EQ_INT(r->total, 1);
    CHECK(r->nfacets <= 1);
    kh_index_close(ix);
}

TEST(entity_filter_matches_variants_aliases_and_surnames)
{
    const char *dir = kt_tmpdir("entity");
    kh_index *ix = open_extract(kt_path(dir, "x.db"));
    REQUIRE(ix != NULL);
    add(ix, "a", A_TITLE, A_BODY);
    add(ix, "b", B_TITLE, B_BODY);
    add(ix, "c", C_TITLE, C_BODY);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    CHECK_EQ_INT(total(ix, "entity:الناتو"), 2);               /* the alias */
    CHECK_EQ_INT(total(ix, "entity:\"حلف شمال الأطلسي\""), 2); /* the canonical name */
    CHECK_EQ_INT(total(ix, "entity:وانج"), 1);                 /* a spelling variant */
    CHECK_EQ_INT(total(ix, "entity:\"وانج يي\""), 1);
    CHECK_EQ_INT(total(ix, "entity:لافروف"), 1);           /* a surname alone */
    CHECK_EQ_INT(total(ix, "entity:\"سيرجي لافروف\""), 1); /* غ written ج */
    CHECK_EQ_INT(total(ix, "entity:غوتيريش"), 0);
    CHECK_EQ_INT(total(ix, "قال entity:الناتو"), 2);
    CHECK_EQ_INT(total(ix, "قال entity:الناتو -entity:بكين"), 1);
    CHECK_EQ_INT(total(ix, "entity:الناتو entity:وانج"), 1); /* all of them */
    CHECK_EQ_INT(total(ix, "الاقتصاد entity:الناتو"), 0);
    kh_search_opts o = {.limit = 1};
    const kh_results *r;
    REQUIRE(kh_search(ix, "الحلف entity:الناتو", strlen("الحلف entity:الناتو"), &o, &r) == KH_OK);
    CHECK_EQ_INT(r->total, 2);
    CHECK_EQ_INT(r->nhits, 1);
    /* syntax: a name is required, quotes must close */
    CHECK_EQ_INT(kh_search(ix, "entity:", 7, &o, &r), KH_ESYNTAX);
    CHECK_EQ_INT(kh_search(ix, "entity:\"حلف", strlen("entity:\"حلف"), &o, &r), KH_ESYNTAX);
    CHECK_EQ_INT(kh_search(ix, "-entity:بكين", strlen("-entity:بكين"), &o, &r), KH_ESYNTAX);
    /* a deleted document leaves the entity's results */
    REQUIRE(kh_index_delete(ix, "b", 1, NULL) == KH_OK);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    CHECK_EQ_INT(total(ix, "entity:الناتو"), 1);
    kh_index_close(ix);
}

TEST(replace_and_delete_remove_old_entities_and_quotes)
{
    const char *dir = kt_tmpdir("replace");
    const char *path = kt_path(dir, "x.db");
    char p[512];
    snprintf(p, sizeof p, "%s", path);
    kh_index *ix = open_extract(p);
    REQUIRE(ix != NULL);
    add(ix, "a", A_TITLE, A_BODY);
    add(ix, "c", C_TITLE, C_BODY);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    CHECK_EQ_INT(total(ix, "entity:لافروف"), 1);
    CHECK_EQ_INT(quotes_of(ix, "لافروف", NULL), 2);
    int64_t before = count_rows(p, "SELECT count(*) FROM doc_entities");
    CHECK(before >= 6);
    /* a new version of a without Lavrov */
    int replaced = 0;
    kh_doc d = doc("a", B_TITLE, B_BODY);
    REQUIRE(kh_index_add(ix, &d, &replaced) == KH_OK);
    CHECK_EQ_INT(replaced, 1);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    CHECK_EQ_INT(total(ix, "entity:لافروف"), 0);
    CHECK_EQ_INT(total(ix, "entity:الناتو"), 1);
    CHECK_EQ_INT(quotes_of(ix, "لافروف", NULL), 0);
    CHECK_EQ_INT(quotes_of(ix, NULL, "أعضاء"), 1);
    /* nothing of the old version is left in the tables */
    CHECK_EQ_INT(count_rows(p, "SELECT count(*) FROM doc_entities WHERE docid NOT IN "
                               "(SELECT docid FROM docs)"),
                 0);
    CHECK_EQ_INT(count_rows(p, "SELECT count(*) FROM quotes WHERE docid NOT IN "
                               "(SELECT docid FROM docs)"),
                 0);
    /* replaced twice within one batch: only the last version's rows */
    add(ix, "c", A_TITLE, A_BODY);
    add(ix, "c", C_TITLE, C_BODY);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    CHECK_EQ_INT(total(ix, "entity:لافروف"), 0);
    CHECK_EQ_INT(count_rows(p, "SELECT count(*) FROM quotes WHERE docid NOT IN "
                               "(SELECT docid FROM docs)"),
                 0);
    int found = 0;
    REQUIRE(kh_index_delete(ix, "a", 1, &found) == KH_OK);
    CHECK_EQ_INT(found, 1);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    kh_index_close(ix);
    /* across a reopen, without the flag: the index still has its tables */
    REQUIRE(kh_index_open(p, NULL, &ix) == KH_OK);
    CHECK(kh_index_has_facts(ix));
    CHECK_EQ_INT(total(ix, "entity:الناتو"), 0);
    CHECK_EQ_INT(quotes_of(ix, NULL, "أعضاء"), 0);
    CHECK_EQ_INT(count_rows(p, "SELECT count(*) FROM doc_entities WHERE docid NOT IN "
                               "(SELECT docid FROM docs)"),
                 0);
    /* and keeps extracting what is added to it */
    add(ix, "z", A_TITLE, A_BODY);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    CHECK_EQ_INT(total(ix, "entity:وانج"), 1);
    kh_index_close(ix);
}

TEST(quotes_are_found_by_speaker_variant_and_words_with_body_offsets)
{
    const char *dir = kt_tmpdir("quotes");
    kh_index *ix = open_extract(kt_path(dir, "x.db"));
    REQUIRE(ix != NULL);
    add(ix, "a", A_TITLE, A_BODY);
    add(ix, "b", B_TITLE, B_BODY);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    const kh_quote_results *r;
    const char *sp = "سيرجي لافروف"; /* ج for غ */
    REQUIRE(kh_quotes_find(ix, sp, strlen(sp), NULL, 0, NULL, &r) == KH_OK);
    CHECK_EQ_INT(r->total, 2);
    for (size_t i = 0; i < r->nhits; i++) {
        const kh_quote_hit *h = &r->hits[i];
        CHECK_EQ_STR(h->id.ptr, "a");
        CHECK_EQ_STR(h->title.ptr, A_TITLE);
        CHECK_EQ_STR(h->speaker.ptr, "سيرغي لافروف");
        CHECK_EQ_STR(h->canonical.ptr, "سيرغي لافروف");
        /* offsets are bytes of the stored body */
        REQUIRE(h->span.start < h->span.end && h->span.end <= strlen(A_BODY));
        CHECK(h->text.len == h->span.end - h->span.start &&
              !memcmp(A_BODY + h->span.start, h->text.ptr, h->text.len));
        if (h->speaker_span.start != KH_NONE) CHECK(h->speaker_span.end <= strlen(A_BODY));
    }
    CHECK_EQ_INT(r->nhits, 2);
    if (r->nhits == 2) {
        CHECK_EQ_INT(r->hits[0].kind, KH_QUOTE_REPORTED); /* text order */
        CHECK_EQ_INT(r->hits[1].kind, KH_QUOTE_DIRECT);
    }
    /* the variant speaker وانج reports under Wang's canonical name */
    CHECK_EQ_INT(quotes_of(ix, "وانغ يي", NULL), 2);
    CHECK_EQ_INT(quotes_of(ix, "وانج", NULL), 2);
    REQUIRE(kh_quotes_find(ix, "وانج", strlen("وانج"), "السلام", strlen("السلام"), NULL, &r) ==
            KH_OK);
    REQUIRE_EQ_INT(r->nhits, 1);
    CHECK_EQ_STR(r->hits[0].speaker.ptr, "وانج");
    CHECK_EQ_STR(r->hits[0].canonical.ptr, "وانغ يي");
    /* an alias finds speakers named through their organization: متحدث باسم
    ** الناتو in a, الأمين العام لحلف شمال الأطلسي and his وأضاف in b */
    CHECK_EQ_INT(quotes_of(ix, "الناتو", NULL), 3);
    /* words: all of them, in any form with clitics */
    CHECK_EQ_INT(quotes_of(ix, NULL, "الحوار"), 2);
    CHECK_EQ_INT(quotes_of(ix, NULL, "حوار الوحيد"), 1);
    CHECK_EQ_INT(quotes_of(ix, NULL, "الحوار بروكسل"), 0);
    /* limit and offset page through an exact total */
    kh_search_opts o = {.limit = 1, .offset = 1};
    REQUIRE(kh_quotes_find(ix, "لافروف", strlen("لافروف"), NULL, 0, &o, &r) == KH_OK);
    CHECK_EQ_INT(r->total, 2);
    CHECK_EQ_INT(r->nhits, 1);
    /* nothing to look for */
    CHECK_EQ_INT(kh_quotes_find(ix, NULL, 0, "", 0, NULL, &r), KH_EINVAL);
    CHECK_EQ_INT(kh_quotes_find(ix, "\xff", 1, NULL, 0, NULL, &r), KH_ESYNTAX);
    kh_index_close(ix);
}

TEST(an_index_without_extraction_says_so_and_old_files_open)
{
    const char *dir = kt_tmpdir("nofacts");
    const char *path = kt_path(dir, "x.db");
    char p[512];
    snprintf(p, sizeof p, "%s", path);
    kh_index *ix;
    REQUIRE(kh_index_open(p, NULL, &ix) == KH_OK);
    add(ix, "a", A_TITLE, A_BODY);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    CHECK(!kh_index_has_facts(ix));
    CHECK_EQ_INT(count_rows(p, "SELECT count(*) FROM sqlite_master WHERE name = 'entities'"), 0);
    kh_search_opts o = {.facets = 5};
    const kh_results *r;
    CHECK_EQ_INT(kh_search(ix, "قال", strlen("قال"), &o, &r), KH_EINVAL);
    CHECK_EQ_STR(kh_index_error(ix)->message, "no entities stored: index with --extract");
    o.facets = 0;
    CHECK_EQ_INT(kh_search(ix, "entity:الناتو", strlen("entity:الناتو"), &o, &r), KH_EINVAL);
    CHECK_EQ_STR(kh_index_error(ix)->message, "no entities stored: index with --extract");
    CHECK_EQ_INT(total(ix, "قال"), 1); /* plain search is unchanged */
    const kh_quote_results *q;
    CHECK_EQ_INT(kh_quotes_find(ix, "لافروف", strlen("لافروف"), NULL, 0, NULL, &q), KH_EINVAL);
    CHECK_EQ_STR(kh_index_error(ix)->message, "no quotations stored: index with --extract");
    kh_index_close(ix);
    /* the same file opened with extraction gains the tables; documents
    ** added from then on have entities */
    ix = open_extract(p);
    REQUIRE(ix != NULL);
    CHECK(kh_index_has_facts(ix));
    CHECK_EQ_INT(total(ix, "entity:الناتو"), 0);
    add(ix, "b", B_TITLE, B_BODY);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    CHECK_EQ_INT(total(ix, "entity:الناتو"), 1);
    CHECK_EQ_INT(total(ix, "قال"), 2);
    kh_index_close(ix);
    /* an unknown facts format is refused, not misread */
    CHECK_EQ_INT(count_rows(p, "SELECT value FROM meta WHERE key = 'facts'"), 1);
    sqlite3 *s;
    REQUIRE(sqlite3_open(p, &s) == SQLITE_OK);
    sqlite3_exec(s, "UPDATE meta SET value = 99 WHERE key = 'facts'", NULL, NULL, NULL);
    sqlite3_close(s);
    CHECK_EQ_INT(kh_index_open(p, NULL, &ix), KH_ECORRUPT);
    kh_index_close(ix);
}

/* The writer of the kill -9 test: extracts, commits every 10 documents,
** says so, goes on. */
static void kill9_writer(void *arg, int fd)
{
    kh_index *ix = open_extract(arg);
    if (!ix) return;
    char id[32];
    for (int i = 0;; i++) {
        snprintf(id, sizeof id, "d%d", i);
        kh_doc d = doc(id, i % 2 ? A_TITLE : B_TITLE, i % 2 ? A_BODY : B_BODY);
        if (kh_index_add(ix, &d, NULL)) return;
        if ((i + 1) % 10 == 0) {
            if (kh_index_commit(ix)) return;
            kt_report(fd, i + 1);
        }
    }
}

TEST(kill_9_while_extracting_keeps_entities_with_their_documents)
{
    const char *dir = kt_tmpdir("kill9facts");
    char path[256];
    snprintf(path, sizeof path, "%s/x.db", dir);
    int committed = kt_kill9(kill9_writer, path, 40, 20000);
    REQUIRE(committed >= 40);
    CHECK_EQ_INT(count_rows(path, "SELECT count(*) FROM pragma_integrity_check WHERE "
                                  "integrity_check != 'ok'"),
                 0);
    /* every document has its entities and quotes, and no row outlives its document */
    int64_t docs = count_rows(path, "SELECT count(*) FROM docs");
    CHECK(docs >= committed && docs % 10 == 0);
    CHECK_EQ_INT(count_rows(path, "SELECT count(DISTINCT docid) FROM doc_entities"), docs);
    CHECK_EQ_INT(count_rows(path, "SELECT count(DISTINCT docid) FROM quotes"), docs);
    CHECK_EQ_INT(count_rows(path, "SELECT count(*) FROM doc_entities WHERE docid NOT IN "
                                  "(SELECT docid FROM docs)"),
                 0);
    kh_index *ix = open_extract(path);
    REQUIRE(ix != NULL);
    CHECK_EQ_INT(total(ix, "entity:الناتو"), docs);
    kh_index_close(ix);
}

typedef struct budget {
    long left, used;
} budget;

static void *failing_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    budget *b = ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    if (b->left-- <= 0) return NULL;
    b->used++;
    return realloc(ptr, nsize);
}

/* Opens, extracts from three articles, searches with facets and entity:,
** finds quotes; 1 if every step succeeded. */
static int extract_run(const char *path, budget *b)
{
    kh_index_opts o = {.flags = KH_INDEX_EXTRACT, .alloc = failing_alloc, .alloc_ud = b};
    kh_index *ix;
    int ok = kh_index_open(path, &o, &ix) == KH_OK;
    const char *t[] = {A_TITLE, B_TITLE, C_TITLE}, *x[] = {A_BODY, B_BODY, C_BODY};
    for (int i = 0; i < 3 && ok; i++) {
        kh_doc d = doc(i == 2 ? "a" : i ? "b" : "a", t[i], x[i]); /* a is replaced */
        ok = kh_index_add(ix, &d, NULL) == KH_OK;
    }
    ok = ok && kh_index_commit(ix) == KH_OK;
    kh_search_opts so = {.facets = 3};
    const kh_results *r;
    ok = ok && kh_search(ix, "قال entity:الناتو", strlen("قال entity:الناتو"), &so, &r) == KH_OK;
    const kh_quote_results *q;
    ok = ok && kh_quotes_find(ix, "الناتو", strlen("الناتو"), "أعضاء", strlen("أعضاء"), NULL, &q) ==
                   KH_OK;
    kh_index_close(ix);
    remove(path);
    return ok;
}

TEST(every_allocation_failure_while_extracting_is_an_error_not_a_crash_or_leak)
{
    const char *dir = kt_tmpdir("nomemfacts");
    char path[256];
    snprintf(path, sizeof path, "%s/all.db", dir);
    budget all = {LONG_MAX, 0};
    REQUIRE(extract_run(path, &all));
    long step = all.used / 80 + 1; /* about 80 runs: the model load alone is hundreds */
    for (long limit = 0; limit < all.used; limit += step) {
        snprintf(path, sizeof path, "%s/x%ld.db", dir, limit);
        budget b = {limit, 0};
        extract_run(path, &b); /* may fail, with a status: ASan checks the rest */
    }
    budget b = {all.used, 0};
    snprintf(path, sizeof path, "%s/last.db", dir);
    CHECK(extract_run(path, &b)); /* exactly enough */
}

TEST(a_writer_searches_entities_and_quotes_of_its_pending_documents_safely)
{
    const char *dir = kt_tmpdir("pending");
    kh_index *ix = open_extract(kt_path(dir, "x.db"));
    REQUIRE(ix != NULL);
    add(ix, "a", A_TITLE, A_BODY);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    CHECK_EQ_INT(total(ix, "entity:الناتو"), 1); /* the reader cache is loaded here */
    /* pending: docids past every segment, whose entity rows already exist */
    char id[16];
    for (int i = 0; i < 100; i++) {
        snprintf(id, sizeof id, "p%d", i);
        add(ix, id, B_TITLE, B_BODY);
    }
    CHECK_EQ_INT(total(ix, "entity:الناتو"), 1); /* searchable once committed */
    CHECK_EQ_INT(total(ix, "قال entity:الناتو -entity:بكين"), 0);
    CHECK_EQ_INT(quotes_of(ix, NULL, "أعضاء"), 100); /* rows of the open transaction */
    REQUIRE(kh_index_commit(ix) == KH_OK);
    CHECK_EQ_INT(total(ix, "entity:الناتو"), 101);
    kh_index_close(ix);
}
