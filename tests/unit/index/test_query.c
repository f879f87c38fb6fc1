/*
** test_query.c - the query parser: clauses, keys, and errors with offsets.
*/
#include "index/query.h"
#include "kt_files.h"

#include <stdio.h>

static const kh_mem MEM = {kh_mem_libc, NULL};

typedef struct parsed {
    kh_query q;
    kh_error err;
    kh_status st;
} parsed;

static void parse(kh_analyzer *a, parsed *p, const char *text)
{
    kh_query_init(&p->q, &MEM);
    memset(&p->err, 0, sizeof p->err);
    p->st = kh_query_parse(&p->q, a, text, strlen(text), &p->err);
}

TEST(words_phrases_prefixes_exclusions_and_sources_become_clauses)
{
    kh_analyzer *a;
    REQUIRE(kh_analyzer_new(NULL, &a) == KH_OK);
    parsed p;
    parse(a, &p, "economy \"central bank\" -oil infla* source:okaz -source:\"al riyadh\"");
    REQUIRE_EQ_INT(p.st, KH_OK);
    REQUIRE_EQ_INT(p.q.nclauses, 6);
    CHECK_EQ_INT(p.q.clauses[0].kind, KH_Q_TERM);
    CHECK_EQ_INT(p.q.clauses[1].kind, KH_Q_PHRASE);
    CHECK_EQ_INT(p.q.clauses[1].n, 2);
    CHECK_EQ_INT(p.q.words[p.q.clauses[1].first + 1].rel, 1);
    CHECK_EQ_INT(p.q.clauses[2].kind, KH_Q_TERM);
    CHECK(p.q.clauses[2].neg);
    CHECK_EQ_INT(p.q.clauses[3].kind, KH_Q_PREFIX);
    CHECK_EQ_STR(kh_qword_key(&p.q, &p.q.words[p.q.clauses[3].first]), "infla");
    CHECK_EQ_INT(p.q.clauses[4].kind, KH_Q_SOURCE);
    CHECK_EQ_STR(kh_qword_key(&p.q, &p.q.words[p.q.clauses[4].first]), "okaz");
    CHECK(p.q.clauses[5].neg);
    CHECK_EQ_STR(kh_qword_key(&p.q, &p.q.words[p.q.clauses[5].first]), "al riyadh");
    CHECK_EQ_INT(p.q.npositive, 3);
    kh_query_free(&p.q);
    kh_analyzer_free(a);
}

TEST(query_words_get_the_same_keys_as_documents)
{
    kh_analyzer *a;
    REQUIRE(kh_analyzer_new(NULL, &a) == KH_OK);
    const char *word =
        "\xd9\x88\xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd8\xa9"; /* والمدرسة */
    const kh_analysis *an;
    REQUIRE(kh_analyze(a, (const uint8_t *)word, strlen(word), &an) == KH_OK);
    REQUIRE_EQ_INT(an->ntokens, 1);
    char key[64];
    snprintf(key, sizeof key, "%s", an->tokens[0].key);
    parsed p;
    parse(a, &p, word);
    REQUIRE_EQ_INT(p.st, KH_OK);
    REQUIRE_EQ_INT(p.q.nclauses, 1);
    CHECK_EQ_STR(kh_qword_key(&p.q, &p.q.words[0]), key);
    kh_query_free(&p.q);
    kh_analyzer_free(a);
}

TEST(a_word_with_several_keys_is_a_phrase_and_punctuation_adds_nothing)
{
    kh_analyzer *a;
    REQUIRE(kh_analyzer_new(NULL, &a) == KH_OK);
    parsed p;
    parse(a, &p, "U.S. !!! ?");
    REQUIRE_EQ_INT(p.st, KH_OK);
    REQUIRE_EQ_INT(p.q.nclauses, 1);
    CHECK_EQ_INT(p.q.clauses[0].kind, KH_Q_PHRASE);
    REQUIRE_EQ_INT(p.q.clauses[0].n, 2);
    CHECK_EQ_INT(p.q.words[1].rel, 2); /* u, '.', s: the dot keeps its place */
    kh_query_free(&p.q);
    parse(a, &p, "???");
    CHECK_EQ_INT(p.st, KH_OK);
    CHECK_EQ_INT(p.q.npositive, 0);
    kh_query_free(&p.q);
    kh_analyzer_free(a);
}

static void expect_error(kt_ctx *kt_, kh_analyzer *a, const char *q, kh_status st, uint64_t off)
{
    parsed p;
    parse(a, &p, q);
    if (p.st != st || p.err.offset != off)
        FAIL("query [%s]: status %d offset %llu, expected %d at %llu (%s)", q, p.st,
             (unsigned long long)p.err.offset, st, (unsigned long long)off, p.err.message);
    if (p.st && !p.err.message[0]) FAIL("query [%s]: no message", q);
    kh_query_free(&p.q);
}

TEST(malformed_queries_fail_with_the_offending_byte)
{
    kh_analyzer *a;
    REQUIRE(kh_analyzer_new(NULL, &a) == KH_OK);
    expect_error(kt_, a, "", KH_ESYNTAX, 0);
    expect_error(kt_, a, "   ", KH_ESYNTAX, 0);
    expect_error(kt_, a, "bank \"central", KH_ESYNTAX, 5);
    expect_error(kt_, a, "bank - oil", KH_ESYNTAX, 5);
    expect_error(kt_, a, "bank --oil", KH_ESYNTAX, 5);
    expect_error(kt_, a, "ba*nk", KH_ESYNTAX, 2);
    expect_error(kt_, a, "*", KH_ESYNTAX, 0);
    expect_error(kt_, a, "bank \"a b\"*", KH_ESYNTAX, 10);
    expect_error(kt_, a, "a*", KH_ESYNTAX, 0);
    expect_error(kt_, a, "source:", KH_ESYNTAX, 7);
    expect_error(kt_, a, "source:\"okaz", KH_ESYNTAX, 7);
    expect_error(kt_, a, "-oil", KH_ESYNTAX, 0);
    expect_error(kt_, a, "source:okaz -oil", KH_ESYNTAX, 0);
    expect_error(kt_, a, "bank\x01", KH_ESYNTAX, 4);
    expect_error(kt_, a, "bank \xff\xfe", KH_ESYNTAX, 5);
    expect_error(kt_, a, "bank \xd9", KH_ESYNTAX, 5);
    kh_analyzer_free(a);
}

TEST(oversized_queries_hit_a_limit_not_memory)
{
    kh_analyzer *a;
    REQUIRE(kh_analyzer_new(NULL, &a) == KH_OK);
    static char big[KH_QUERY_MAX_BYTES + 10];
    memset(big, 'a', sizeof big - 1);
    parsed p;
    parse(a, &p, big);
    CHECK_EQ_INT(p.st, KH_ELIMIT);
    kh_query_free(&p.q);
    static char many[KH_QUERY_MAX_CLAUSES * 3 + 10];
    for (int i = 0; i < KH_QUERY_MAX_CLAUSES + 2; i++)
        memcpy(many + i * 3, "ab ", 3);
    parse(a, &p, many);
    CHECK_EQ_INT(p.st, KH_ELIMIT);
    kh_query_free(&p.q);
    kh_analyzer_free(a);
}

TEST(sql_syntax_in_queries_is_just_text)
{
    kh_analyzer *a;
    REQUIRE(kh_analyzer_new(NULL, &a) == KH_OK);
    parsed p;
    parse(a, &p, "x'); DROP TABLE docs; SELECT \"a' OR '1'='1\" ;");
    CHECK_EQ_INT(p.st, KH_OK);
    kh_query_free(&p.q);
    kh_analyzer_free(a);
}
