/*
** test_index.c - the index end to end: matching, ranking, replace and
** delete, snippets, merges, threads, corrupt files, kill -9 and a reader
** working while a writer commits.
*/
#include "khabar.h"
#include "kt_files.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void sleep_us(long us)
{
    struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
    nanosleep(&ts, NULL);
}

static kh_doc doc(const char *id, const char *title, const char *body, const char *source,
                  const char *date)
{
    kh_doc d = {0};
    d.id = (kh_text){id, strlen(id)};
    d.title = (kh_text){title, strlen(title)};
    d.body = (kh_text){body, strlen(body)};
    d.source = (kh_text){source, strlen(source)};
    d.date = (kh_text){date, strlen(date)};
    return d;
}

static uint64_t total(kh_index *ix, const char *q, uint32_t flags)
{
    kh_search_opts o = {.flags = flags};
    const kh_results *r;
    if (kh_search(ix, q, strlen(q), &o, &r)) return UINT64_MAX;
    return r->total;
}

static const char *top_id(kh_index *ix, const char *q, uint32_t flags, char *buf)
{
    kh_search_opts o = {.flags = flags, .limit = 1};
    const kh_results *r;
    buf[0] = 0;
    if (kh_search(ix, q, strlen(q), &o, &r) || !r->nhits) return buf;
    snprintf(buf, 64, "%.*s", (int)r->hits[0].id.len, r->hits[0].id.ptr);
    return buf;
}

static void small_corpus(kh_index *ix)
{
    kh_doc d[] = {
        doc("a", "Central bank raises rates", "The central bank raised interest rates today.",
            "okaz", "2015-07-21 02:16:13"),
        doc("b", "Oil prices", "Oil prices fell as the bank of england met. Banking shares rose.",
            "sabq", "2015-08-01"),
        doc("c", "Football final",
            "The final ended with a late goal; the central figure was "
            "the keeper.",
            "okaz", "Mon, 26 Feb 2018 02:20:10 GMT"),
        doc("d", "Rates and oil", "Rates, oil, and the bank: a central question for markets.", "",
            ""),
    };
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++)
        kh_index_add(ix, &d[i], NULL);
    kh_index_commit(ix);
}

TEST(queries_match_words_phrases_exclusions_prefixes_sources_and_dates)
{
    const char *dir = kt_tmpdir("match");
    kh_index *ix;
    REQUIRE(kh_index_open(kt_path(dir, "x.db"), NULL, &ix) == KH_OK);
    small_corpus(ix);
    char id[64];
    CHECK_EQ_INT(total(ix, "bank", 0), 3);
    CHECK_EQ_INT(total(ix, "central bank", 0), 2);
    CHECK_EQ_INT(total(ix, "central football", 0), 1); /* c: the title counts */
    CHECK_EQ_INT(total(ix, "central keeper football oil", 0), 0);
    CHECK_EQ_INT(total(ix, "central football", KH_SEARCH_ANY), 3);
    CHECK_EQ_INT(total(ix, "\"central bank\"", 0), 1);
    CHECK_EQ_STR(top_id(ix, "\"central bank\"", 0, id), "a");
    CHECK_EQ_INT(total(ix, "\"bank central\"", 0), 0);
    CHECK_EQ_INT(total(ix, "bank -oil", 0), 1);
    CHECK_EQ_INT(total(ix, "bank -\"oil prices\"", 0), 2);
    CHECK_EQ_INT(total(ix, "bank*", 0), 3); /* bank, banking */
    CHECK_EQ_INT(total(ix, "ban*", 0), 3);
    CHECK_EQ_INT(total(ix, "bank source:okaz", 0), 1);
    CHECK_EQ_INT(total(ix, "bank source:OKAZ source:sabq", 0), 2);
    CHECK_EQ_INT(total(ix, "bank -source:okaz", 0), 2);
    CHECK_EQ_INT(total(ix, "bank source:nowhere", 0), 0);
    CHECK_EQ_INT(total(ix, "nonexistentword", 0), 0);
    CHECK_EQ_INT(total(ix, "nonexistentword bank", KH_SEARCH_ANY), 3);
    CHECK_EQ_INT(total(ix, "bank -nonexistentword", 0), 3);
    kh_search_opts o = {.from = "2015-08", .to = "2015"};
    const kh_results *r;
    REQUIRE(kh_search(ix, "bank", 4, &o, &r) == KH_OK);
    CHECK_EQ_INT(r->total, 1); /* b only: a is July, d has no date */
    o = (kh_search_opts){.from = "2018-02-26"};
    REQUIRE(kh_search(ix, "the", 3, &o, &r) == KH_OK);
    CHECK_EQ_INT(r->total, 1); /* c, from its RFC 822 date */
    o = (kh_search_opts){.from = "2015-13"};
    CHECK_EQ_INT(kh_search(ix, "bank", 4, &o, &r), KH_EINVAL);
    CHECK_EQ_INT(kh_search(ix, "bank \"x", 7, NULL, &r), KH_ESYNTAX);
    CHECK_EQ_INT(kh_index_error(ix)->offset, 5);
    kh_index_close(ix);
}

TEST(titles_and_proximity_raise_the_rank)
{
    const char *dir = kt_tmpdir("rank");
    kh_index *ix;
    REQUIRE(kh_index_open(kt_path(dir, "x.db"), NULL, &ix) == KH_OK);
    kh_doc d[] = {
        doc("body", "Other news", "Election results were announced in the capital city today.", "",
            ""),
        doc("title", "Election", "Results were announced in the capital city today, said one.", "",
            ""),
        doc("far", "x",
            "Water is short. Trains late. Storm coming. Market open. The supply "
            "chain again.",
            "", ""),
        doc("near", "y", "The water supply was restored to most of the city after the storm.", "",
            ""),
    };
    for (size_t i = 0; i < 4; i++)
        REQUIRE(kh_index_add(ix, &d[i], NULL) == KH_OK);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    char id[64];
    CHECK_EQ_STR(top_id(ix, "election", 0, id), "title");
    CHECK_EQ_STR(top_id(ix, "water supply", 0, id), "near");
    kh_index_close(ix);
}

TEST(reindexing_an_id_replaces_it_and_delete_removes_it_across_reopen)
{
    const char *dir = kt_tmpdir("replace");
    const char *db = kt_path(dir, "x.db");
    kh_index *ix;
    REQUIRE(kh_index_open(db, NULL, &ix) == KH_OK);
    small_corpus(ix);
    int replaced = 0, found = 0;
    kh_doc n = doc("b", "Weather", "Sunny weather all week.", "sabq", "2015-08-02");
    REQUIRE(kh_index_add(ix, &n, &replaced) == KH_OK);
    CHECK(replaced);
    REQUIRE(kh_index_delete(ix, "c", 1, &found) == KH_OK);
    CHECK(found);
    REQUIRE(kh_index_delete(ix, "zz", 2, &found) == KH_OK);
    CHECK(!found);
    /* not committed yet: the writer's own view already has them */
    CHECK_EQ_INT(total(ix, "oil", 0), 1);
    kh_index_close(ix); /* commits */
    kh_index_opts ro = {.flags = KH_INDEX_READONLY};
    REQUIRE(kh_index_open(db, &ro, &ix) == KH_OK);
    CHECK_EQ_INT(total(ix, "oil", 0), 1);
    CHECK_EQ_INT(total(ix, "weather", 0), 1);
    CHECK_EQ_INT(total(ix, "football", 0), 0);
    kh_index_stats st;
    REQUIRE(kh_index_stats_get(ix, &st) == KH_OK);
    CHECK_EQ_INT(st.docs, 3);
    kh_doc x = doc("q", "t", "b", "", "");
    CHECK_EQ_INT(kh_index_add(ix, &x, NULL), KH_EINVAL); /* read-only */
    kh_index_close(ix);
}

TEST(replacing_twice_within_one_batch_keeps_the_last_version)
{
    for (uint32_t threads = 0; threads <= 2; threads += 2) {
        const char *dir = kt_tmpdir("replace_batch");
        kh_index_opts o = {.threads = threads};
        kh_index *ix;
        REQUIRE(kh_index_open(kt_path(dir, "x.db"), &o, &ix) == KH_OK);
        const char *bodies[] = {"alpha", "beta", "gamma"};
        for (int i = 0; i < 3; i++) {
            kh_doc d = doc("same", "t", bodies[i], "", "");
            int rep;
            REQUIRE(kh_index_add(ix, &d, &rep) == KH_OK);
            CHECK_EQ_INT(rep, i > 0);
        }
        REQUIRE(kh_index_commit(ix) == KH_OK);
        CHECK_EQ_INT(total(ix, "alpha", 0), 0);
        CHECK_EQ_INT(total(ix, "beta", 0), 0);
        CHECK_EQ_INT(total(ix, "gamma", 0), 1);
        CHECK_EQ_INT(total(ix, "t", 0), 1);
        kh_index_close(ix);
    }
}

/* The batch's term table keeps a key's first 12 bytes beside its counts and
** grows from 65,536 slots: keys that share those bytes, keys of 11 to 13
** bytes, and 40,000 distinct keys (two growths) must each stay their own. */
TEST(keys_sharing_their_first_bytes_stay_apart_as_the_term_table_grows)
{
    const char *dir = kt_tmpdir("terms");
    kh_index *ix;
    REQUIRE(kh_index_open(kt_path(dir, "x.db"), NULL, &ix) == KH_OK);
    static const char *const EDGE[] = {
        "abcdefghijk",  "abcdefghijkl",  "abcdefghijklm",        "abcdefghijklmn",
        "abcdefghijkx", "abcdefghijklx", "internationalization", "internationalizationb"};
    enum { NEDGE = sizeof EDGE / sizeof EDGE[0], NWORDS = 40000, PER_DOC = 100 };
    char id[32], body[PER_DOC * 32];
    for (int i = 0; i < NEDGE; i++) {
        snprintf(id, sizeof id, "edge%d", i);
        kh_doc d = doc(id, "t", EDGE[i], "", "");
        REQUIRE(kh_index_add(ix, &d, NULL) == KH_OK);
    }
    for (int k = 0; k < NWORDS / PER_DOC; k++) {
        size_t n = 0;
        for (int w = 0; w < PER_DOC; w++) /* 20 bytes, the first 13 shared by all */
            n += (size_t)snprintf(body + n, sizeof body - n, "sharedprefixw%07d ", k * PER_DOC + w);
        snprintf(id, sizeof id, "gen%d", k);
        kh_doc d = doc(id, "t", body, "", "");
        REQUIRE(kh_index_add(ix, &d, NULL) == KH_OK);
    }
    REQUIRE(kh_index_commit(ix) == KH_OK);
    char top[64];
    for (int i = 0; i < NEDGE; i++) {
        snprintf(id, sizeof id, "edge%d", i);
        CHECK_EQ_INT(total(ix, EDGE[i], 0), 1);
        CHECK_EQ_STR(top_id(ix, EDGE[i], 0, top), id);
    }
    for (int w = 0; w < NWORDS; w += 997) {
        char q[32];
        snprintf(q, sizeof q, "sharedprefixw%07d", w);
        snprintf(id, sizeof id, "gen%d", w / PER_DOC);
        CHECK_EQ_INT(total(ix, q, 0), 1);
        CHECK_EQ_STR(top_id(ix, q, 0, top), id);
    }
    CHECK_EQ_INT(total(ix, "sharedprefixw0040000", 0), 0);
    CHECK_EQ_INT(total(ix, "abcdefghij", 0), 0);
    CHECK_EQ_INT(total(ix, "sharedprefixw00399*", 0), 1); /* 100 keys, all in gen399 */
    kh_index_stats st;
    REQUIRE(kh_index_stats_get(ix, &st) == KH_OK);
    CHECK_EQ_INT(st.docs, NEDGE + NWORDS / PER_DOC);
    kh_index_close(ix);
}

TEST(snippet_highlights_are_byte_offsets_into_the_stored_body)
{
    const char *dir = kt_tmpdir("snippet");
    kh_index *ix;
    REQUIRE(kh_index_open(kt_path(dir, "x.db"), NULL, &ix) == KH_OK);
    /* كان الطلاب في المدرسة، ثم ذهبوا إلى المدارس */
    const char *body = "\xd9\x83\xd8\xa7\xd9\x86 \xd8\xa7\xd9\x84\xd8\xb7\xd9\x84\xd8\xa7\xd8\xa8 "
                       "\xd9\x81\xd9\x8a \xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd8\xa9"
                       "\xd8\x8c \xd8\xab\xd9\x85 \"quoted\"\n\tand more text";
    const char *word = "\xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd8\xa9"; /* المدرسة */
    const char *query = "\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd8\xa9 quoted";         /* مدرسة */
    kh_doc d = doc("s", "t", body, "", "");
    REQUIRE(kh_index_add(ix, &d, NULL) == KH_OK);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    const kh_results *r;
    REQUIRE(kh_search(ix, query, strlen(query), NULL, &r) == KH_OK);
    REQUIRE_EQ_INT(r->nhits, 1);
    const kh_hit *h = &r->hits[0];
    CHECK_EQ_INT(h->snippet.len, strlen(body)); /* short: the whole body */
    CHECK(!memcmp(h->snippet.ptr, body, strlen(body)));
    REQUIRE_EQ_INT(h->nhighlights, 2);
    CHECK_EQ_INT(h->highlights[0].start, strstr(body, word) - body);
    CHECK_EQ_INT(h->highlights[0].end, strstr(body, word) - body + (long)strlen(word));
    CHECK_EQ_INT(h->highlights[1].start, strstr(body, "quoted") - body);
    CHECK_EQ_INT(h->highlights[1].end, strstr(body, "quoted") - body + 6);
    kh_index_close(ix);
}

TEST(long_bodies_get_a_window_around_the_matches)
{
    const char *dir = kt_tmpdir("window");
    kh_index *ix;
    REQUIRE(kh_index_open(kt_path(dir, "x.db"), NULL, &ix) == KH_OK);
    static char body[20000];
    size_t n = 0;
    for (int i = 0; i < 500; i++)
        n += (size_t)snprintf(body + n, sizeof body - n, "filler%d ", i);
    size_t at = n;
    n += (size_t)snprintf(body + n, sizeof body - n, "the needle is here. ");
    for (int i = 0; i < 500; i++)
        n += (size_t)snprintf(body + n, sizeof body - n, "tail%d ", i);
    kh_doc d = doc("w", "t", body, "", "");
    REQUIRE(kh_index_add(ix, &d, NULL) == KH_OK);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    kh_search_opts o = {.snippet_bytes = 100};
    const kh_results *r;
    REQUIRE(kh_search(ix, "needle", 6, &o, &r) == KH_OK);
    REQUIRE_EQ_INT(r->nhits, 1);
    const kh_hit *h = &r->hits[0];
    CHECK(h->snippet.len <= 100);
    CHECK(h->snippet_start <= at + 4 && h->snippet_start + h->snippet.len >= at + 10);
    CHECK(!memcmp(h->snippet.ptr, body + h->snippet_start, h->snippet.len));
    REQUIRE_EQ_INT(h->nhighlights, 1);
    CHECK(!memcmp(body + h->highlights[0].start, "needle", 6));
    kh_index_close(ix);
}

/* Bodies of 200 bytes or more are stored deflated (docs.enc 1, index.h): an
** Arabic body must come back byte-exact and take well under its size. */
TEST(long_arabic_bodies_are_stored_compressed_and_read_back_exactly)
{
    const char *dir = kt_tmpdir("deflate");
    const char *db = kt_path(dir, "x.db");
    char path[256];
    snprintf(path, sizeof path, "%s", db);
    kh_index *ix;
    REQUIRE(kh_index_open(path, NULL, &ix) == KH_OK);
    /* أعلنت وزارة الصحة اليوم عن / نتائج الدراسة */
    static const char *const W[] = {"\xd8\xa3\xd8\xb9\xd9\x84\xd9\x86\xd8\xaa",
                                    "\xd9\x88\xd8\xb2\xd8\xa7\xd8\xb1\xd8\xa9",
                                    "\xd8\xa7\xd9\x84\xd8\xb5\xd8\xad\xd8\xa9",
                                    "\xd8\xa7\xd9\x84\xd9\x8a\xd9\x88\xd9\x85",
                                    "\xd8\xb9\xd9\x86",
                                    "\xd9\x86\xd8\xaa\xd8\xa7\xd8\xa6\xd8\xac",
                                    "\xd8\xa7\xd9\x84\xd8\xaf\xd8\xb1\xd8\xa7\xd8\xb3\xd8\xa9"};
    static char body[8000];
    size_t n = 0;
    for (int i = 0; i < 400; i++) /* a varied word order, digits now and then */
        n += (size_t)snprintf(body + n, sizeof body - n, i % 37 ? "%s " : "%s %d. ",
                              W[(i * 5 + i / 7) % 7], i);
    kh_doc d = doc("ar", "t", body, "", "");
    REQUIRE(kh_index_add(ix, &d, NULL) == KH_OK);
    REQUIRE(kh_index_commit(ix) == KH_OK);
    kh_search_opts o = {.snippet_bytes = 100000};
    const kh_results *r;
    REQUIRE(kh_search(ix, W[6], strlen(W[6]), &o, &r) == KH_OK);
    REQUIRE_EQ_INT(r->nhits, 1);
    const kh_hit *h = &r->hits[0];
    CHECK(h->snippet_start + h->snippet.len <= n);
    CHECK(h->snippet.len > n / 2);
    CHECK(!memcmp(h->snippet.ptr, body + h->snippet_start, h->snippet.len));
    kh_index_close(ix);
    sqlite3 *s;
    sqlite3_stmt *st;
    REQUIRE(sqlite3_open(path, &s) == SQLITE_OK);
    REQUIRE(sqlite3_prepare_v2(s, "SELECT enc, length(body), bsize FROM docs WHERE id = 'ar'", -1,
                               &st, NULL) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK_EQ_INT(sqlite3_column_int(st, 0), 1);
    CHECK_EQ_INT(sqlite3_column_int64(st, 2), n);
    CHECK(sqlite3_column_int64(st, 1) * 10 < (int64_t)n * 6); /* under 60 % */
    sqlite3_finalize(st);
    sqlite3_close(s);
}

/* Adds n generated documents: word w<i % 97>, w<i % 13>, a shared word. */
static void gen_docs(kh_index *ix, int from, int n, int commit_every)
{
    char id[32], body[256];
    for (int i = from; i < from + n; i++) {
        snprintf(id, sizeof id, "d%d", i);
        snprintf(body, sizeof body, "common w%d w%d u%d text about w%d and w%d", i % 97, i % 13, i,
                 i % 7, i % 29);
        kh_doc d =
            doc(id, i % 5 ? "headline" : "w3 headline", body, i % 2 ? "odd" : "even", "2020-01-01");
        kh_index_add(ix, &d, NULL);
        if (commit_every && (i + 1) % commit_every == 0) kh_index_commit(ix);
    }
    kh_index_commit(ix);
}

static void results(kh_index *ix, const char *q, uint32_t flags, char *out, size_t cap)
{
    kh_search_opts o = {.flags = flags | KH_SEARCH_NO_SNIPPETS, .limit = 20};
    const kh_results *r;
    size_t n = 0;
    out[0] = 0;
    if (kh_search(ix, q, strlen(q), &o, &r)) return;
    n += (size_t)snprintf(out, cap, "%llu:", (unsigned long long)r->total);
    for (size_t i = 0; i < r->nhits && n < cap; i++)
        n += (size_t)snprintf(out + n, cap - n, " %.*s/%.4f", (int)r->hits[i].id.len,
                              r->hits[i].id.ptr, r->hits[i].score);
}

static const char *const QUERIES[] = {"common", "w3",     "w3 w5",         "\"text about\"",
                                      "w1*",    "w3 -w5", "w3 source:odd", "u1234"};

static int page_size(const char *path)
{
    sqlite3 *s;
    sqlite3_stmt *st;
    int n = -1;
    if (sqlite3_open(path, &s) == SQLITE_OK &&
        sqlite3_prepare_v2(s, "PRAGMA page_size", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(s);
    return n;
}

/* A new index gets 16 KiB pages; a file that already has another page size
** keeps it and works as before. */
TEST(new_files_get_16k_pages_and_old_files_keep_theirs)
{
    const char *dir = kt_tmpdir("pages");
    char fresh[256], old[256];
    snprintf(fresh, sizeof fresh, "%s/new.db", dir);
    snprintf(old, sizeof old, "%s/old.db", dir);
    sqlite3 *s;
    REQUIRE(sqlite3_open(old, &s) == SQLITE_OK);
    REQUIRE(sqlite3_exec(s, "PRAGMA page_size=4096; PRAGMA journal_mode=WAL;", NULL, NULL, NULL) ==
            SQLITE_OK);
    sqlite3_close(s);
    REQUIRE_EQ_INT(page_size(old), 4096);
    const char *paths[] = {fresh, old};
    for (int i = 0; i < 2; i++) {
        kh_index *ix;
        REQUIRE(kh_index_open(paths[i], NULL, &ix) == KH_OK);
        gen_docs(ix, 0, 300, 100);
        kh_index_close(ix);
        REQUIRE(kh_index_open(paths[i], NULL, &ix) == KH_OK);
        CHECK_EQ_INT(total(ix, "common", 0), 300);
        CHECK_EQ_INT(total(ix, "u299", 0), 1);
        CHECK_EQ_INT(total(ix, "u300", 0), 0);
        kh_index_close(ix);
    }
    CHECK_EQ_INT(page_size(fresh), 16384);
    CHECK_EQ_INT(page_size(old), 4096);
}

TEST(threads_merges_and_optimize_do_not_change_results)
{
    const char *dir = kt_tmpdir("equal");
    char p1[256], p2[256], p3[256];
    snprintf(p1, sizeof p1, "%s/one.db", dir);
    snprintf(p2, sizeof p2, "%s/many.db", dir);
    snprintf(p3, sizeof p3, "%s/opt.db", dir);
    kh_index *a, *b, *c;
    kh_index_opts ot = {.threads = 3};
    REQUIRE(kh_index_open(p1, NULL, &a) == KH_OK);
    REQUIRE(kh_index_open(p2, &ot, &b) == KH_OK);
    REQUIRE(kh_index_open(p3, NULL, &c) == KH_OK);
    gen_docs(a, 0, 3000, 0);
    gen_docs(b, 0, 3000, 100); /* 30 commits: merges run */
    gen_docs(c, 0, 3000, 250);
    REQUIRE(kh_index_optimize(c) == KH_OK);
    kh_index_stats sa, sb, sc;
    REQUIRE(kh_index_stats_get(a, &sa) == KH_OK);
    REQUIRE(kh_index_stats_get(b, &sb) == KH_OK);
    REQUIRE(kh_index_stats_get(c, &sc) == KH_OK);
    CHECK_EQ_INT(sa.segments, 1);
    CHECK(sb.segments <= 8);
    CHECK_EQ_INT(sc.segments, 1);
    for (size_t q = 0; q < sizeof QUERIES / sizeof QUERIES[0]; q++)
        for (uint32_t f = 0; f <= KH_SEARCH_ANY; f++) {
            char ra[2048], rb[2048], rc[2048];
            results(a, QUERIES[q], f, ra, sizeof ra);
            results(b, QUERIES[q], f, rb, sizeof rb);
            results(c, QUERIES[q], f, rc, sizeof rc);
            CHECK(ra[0] != 0);
            if (strcmp(ra, rb) || strcmp(ra, rc))
                FAIL("%s (flags %u):\n  one  %s\n  many %s\n  opt  %s", QUERIES[q], f, ra, rb, rc);
        }
    kh_index_close(a);
    kh_index_close(b);
    kh_index_close(c);
}

TEST(pruned_top_k_equals_exhaustive_ranking)
{
    const char *dir = kt_tmpdir("prune");
    kh_index *ix;
    REQUIRE(kh_index_open(kt_path(dir, "x.db"), NULL, &ix) == KH_OK);
    gen_docs(ix, 0, 5000, 0);
    for (size_t q = 0; q < sizeof QUERIES / sizeof QUERIES[0]; q++)
        for (uint32_t f = 0; f <= KH_SEARCH_ANY; f++) {
            /* limit 20 prunes; limit 5000 (no pruning possible) gives the true order */
            kh_search_opts all = {.flags = f | KH_SEARCH_NO_SNIPPETS, .limit = 5000};
            const kh_results *r;
            REQUIRE(kh_search(ix, QUERIES[q], strlen(QUERIES[q]), &all, &r) == KH_OK);
            char want[2048] = "", got[2048];
            size_t n = (size_t)snprintf(want, sizeof want, "%llu:", (unsigned long long)r->total);
            for (size_t i = 0; i < r->nhits && i < 20; i++)
                n += (size_t)snprintf(want + n, sizeof want - n, " %.*s/%.4f",
                                      (int)r->hits[i].id.len, r->hits[i].id.ptr, r->hits[i].score);
            results(ix, QUERIES[q], f, got, sizeof got);
            (void)n;
            /* re-ranking by proximity looks at the best 100 only, so compare
            ** queries of one word, where no bonus applies */
            if (!strchr(QUERIES[q], ' ') && strcmp(want, got))
                FAIL("%s (flags %u):\n  exhaustive %s\n  pruned     %s", QUERIES[q], f, want, got);
        }
    CHECK_EQ_INT(total(ix, "common", KH_SEARCH_NO_TOTAL) <= 5000, 1);
    kh_index_close(ix);
}

TEST(deletes_are_purged_by_merges)
{
    const char *dir = kt_tmpdir("purge");
    kh_index *ix;
    REQUIRE(kh_index_open(kt_path(dir, "x.db"), NULL, &ix) == KH_OK);
    gen_docs(ix, 0, 600, 200);
    char id[32];
    for (int i = 0; i < 600; i += 3) {
        snprintf(id, sizeof id, "d%d", i);
        REQUIRE(kh_index_delete(ix, id, strlen(id), NULL) == KH_OK);
    }
    REQUIRE(kh_index_commit(ix) == KH_OK);
    CHECK_EQ_INT(total(ix, "common", 0), 400);
    REQUIRE(kh_index_optimize(ix) == KH_OK);
    kh_index_stats st;
    REQUIRE(kh_index_stats_get(ix, &st) == KH_OK);
    CHECK_EQ_INT(st.deleted, 0);
    CHECK_EQ_INT(st.docs, 400);
    CHECK_EQ_INT(total(ix, "common", 0), 400);
    CHECK_EQ_INT(total(ix, "u3", 0), 0);
    CHECK_EQ_INT(total(ix, "u4", 0), 1);
    kh_index_close(ix);
}

TEST(a_corrupt_posting_blob_is_reported_not_trusted)
{
    const char *dir = kt_tmpdir("corrupt");
    const char *db = kt_path(dir, "x.db");
    char path[256];
    snprintf(path, sizeof path, "%s", db);
    kh_index *ix;
    REQUIRE(kh_index_open(path, NULL, &ix) == KH_OK);
    gen_docs(ix, 0, 300, 0);
    kh_index_close(ix);
    sqlite3 *s;
    REQUIRE(sqlite3_open(path, &s) == SQLITE_OK);
    CHECK(sqlite3_exec(s,
                       "UPDATE terms SET docs = x'05ff01' WHERE term = CAST('common' AS BLOB);"
                       "UPDATE terms SET docs = substr(docs, 1, length(docs) - 3) "
                       "WHERE term = CAST('w3' AS BLOB);",
                       NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(s);
    REQUIRE(kh_index_open(path, NULL, &ix) == KH_OK);
    const kh_results *r;
    CHECK_EQ_INT(kh_search(ix, "common", 6, NULL, &r), KH_ECORRUPT);
    CHECK_EQ_INT(kh_search(ix, "w3", 2, NULL, &r), KH_ECORRUPT);
    CHECK_EQ_INT(kh_search(ix, "w5", 2, NULL, &r), KH_OK);
    kh_index_close(ix);
    kt_write(path, "this is not a database, just text that is long enough to be read");
    CHECK(kh_index_open(path, NULL, &ix) != KH_OK);
    CHECK(kh_index_error(ix) && kh_index_error(ix)->message[0]);
    kh_index_close(ix);
}

static int integrity_ok(const char *path)
{
    sqlite3 *s;
    sqlite3_stmt *st;
    int ok = 0;
    if (sqlite3_open(path, &s) == SQLITE_OK &&
        sqlite3_prepare_v2(s, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
        ok = sqlite3_step(st) == SQLITE_ROW &&
             !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
        sqlite3_finalize(st);
    }
    sqlite3_close(s);
    return ok;
}

/* The writer of the kill -9 test: commits every 100 documents, says so,
** goes on. */
static void kill9_writer(void *arg, int fd)
{
    kh_index_opts o = {.threads = 2};
    kh_index *ix;
    if (kh_index_open(arg, &o, &ix)) return;
    char id[32], body[128];
    for (int i = 0;; i++) {
        snprintf(id, sizeof id, "d%d", i);
        snprintf(body, sizeof body, "common u%d w%d", i, i % 10);
        kh_doc d = doc(id, "t", body, "", "");
        if (kh_index_add(ix, &d, NULL)) return;
        if ((i + 1) % 100 == 0) {
            if (kh_index_commit(ix)) return;
            kt_report(fd, i + 1);
        }
    }
}

TEST(kill_9_during_indexing_loses_nothing_committed)
{
    const char *dir = kt_tmpdir("kill9");
    char path[256];
    snprintf(path, sizeof path, "%s/x.db", dir);
    int committed = kt_kill9(kill9_writer, path, 1500, 3000);
    REQUIRE(committed >= 1500);
    CHECK(integrity_ok(path));
    kh_index *ix;
    REQUIRE(kh_index_open(path, NULL, &ix) == KH_OK);
    uint64_t t = total(ix, "common", 0);
    CHECK(t >= (uint64_t)committed);
    CHECK_EQ_INT(t % 100, 0); /* whole commits only */
    char q[32];
    for (int i = 0; i < committed; i += 97) {
        snprintf(q, sizeof q, "u%d", i);
        CHECK_EQ_INT(total(ix, q, 0), 1);
    }
    gen_docs(ix, 100000, 50, 0); /* and the file takes more */
    CHECK_EQ_INT(total(ix, "common", 0), t + 50);
    kh_index_close(ix);
    CHECK(integrity_ok(path));
}

TEST(a_reader_searches_while_a_writer_commits)
{
    const char *dir = kt_tmpdir("concurrent");
    char path[256];
    snprintf(path, sizeof path, "%s/x.db", dir);
    kh_index *ix;
    REQUIRE(kh_index_open(path, NULL, &ix) == KH_OK); /* create it */
    kh_index_close(ix);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        kh_index *w;
        if (kh_index_open(path, NULL, &w)) _exit(1);
        for (int b = 0; b < 40; b++) {
            gen_docs(w, b * 50, 50, 0); /* commits once per 50 */
            sleep_us(2000);
        }
        _exit(kh_index_close(w) ? 1 : 0);
    }
    kh_index_opts ro = {.flags = KH_INDEX_READONLY};
    REQUIRE(kh_index_open(path, &ro, &ix) == KH_OK);
    uint64_t last = 0;
    int searches = 0, bad = 0, status = 0;
    for (;;) {
        int done = waitpid(pid, &status, WNOHANG) == pid;
        uint64_t t = total(ix, "common", 0);
        searches++;
        if (t == UINT64_MAX || t % 50 || t < last)
            bad++;
        else
            last = t;
        if (done) break;
    }
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK_EQ_INT(bad, 0);
    CHECK_EQ_INT(total(ix, "common", 0), 2000);
    CHECK(searches > 10);
    kh_index_close(ix);
}

/* ---- allocation failures ---- */

typedef struct budget {
    long left;
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
    return realloc(ptr, nsize);
}

TEST(every_allocation_failure_is_an_error_not_a_crash_or_leak)
{
    const char *dir = kt_tmpdir("nomem");
    char path[256];
    int completed = 0;
    for (long limit = 0; limit < 400 && !completed; limit += 3) {
        snprintf(path, sizeof path, "%s/x%ld.db", dir, limit);
        budget b = {limit};
        kh_index_opts o = {.alloc = failing_alloc, .alloc_ud = &b};
        kh_index *ix;
        if (kh_index_open(path, &o, &ix) == KH_OK) {
            int ok = 1;
            for (int i = 0; i < 5 && ok; i++) {
                kh_doc d = doc(i % 2 ? "x" : "y", "title words", "body words and more", "src",
                               "2020-01-01");
                ok = kh_index_add(ix, &d, NULL) == KH_OK;
            }
            ok = ok && kh_index_commit(ix) == KH_OK;
            const kh_results *r;
            ok = ok && kh_search(ix, "words", 5, NULL, &r) == KH_OK;
            ok = ok && kh_search(ix, "wor* -more \"title words\"", 24, NULL, &r) == KH_OK;
            completed = ok;
        }
        kh_index_close(ix);
        remove(path);
    }
    CHECK(completed); /* and ASan found no leak on the way */
}
