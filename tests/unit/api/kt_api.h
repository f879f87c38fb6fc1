/*
** kt_api.h - helpers for tests that drive the public API.
**
** Every analysis made through these helpers is also checked against the
** invariants in invariants.h, so each test of a rule doubles as a test of the
** contract on the inputs it uses.
*/
#ifndef KHABAR_TEST_KT_API_H
#define KHABAR_TEST_KT_API_H

#include "../test.h"
#include "khabar.h"

#include <stdio.h>

/* A document with its own analyzer; kt_doc_close() frees both. */
typedef struct kt_doc {
    kt_ctx *kt;
    kh_analyzer *a;
    const kh_analysis *an; /* NULL unless st == KH_OK */
    kh_status st;
    const uint8_t *text;
    size_t len;
} kt_doc;

/* Analyzes len bytes with a fresh analyzer (flags: KH_OPT_*). Records a
** failure if the analyzer cannot be made or the result breaks an invariant;
** returns the status of kh_analyze. */
kh_status kt_doc_open(kt_ctx *kt_, const char *file, int line, kt_doc *d, const void *text,
                      size_t len, uint32_t flags);
void kt_doc_close(kt_doc *d);

/* A fresh analyzer (flags: KH_OPT_*) that the runner frees after the test;
** records a failure and returns NULL if it cannot be made. */
kh_analyzer *kt_analyzer(kt_ctx *kt_, uint32_t flags);

#define DOC(d, s)               kt_doc_open(KT, __FILE__, __LINE__, (d), (s), strlen(s), 0)
#define DOC_LEN(d, s, n, flags) kt_doc_open(KT, __FILE__, __LINE__, (d), (s), (n), (flags))

/* The surface bytes of token i, copied into buf as a string. */
const char *kt_surface(const kt_doc *d, size_t i, char *buf, size_t cap);

/* Index of the first token whose surface is s, or -1. */
long kt_find(const kt_doc *d, const char *s);

/* Token i's surface, kind, norm, seg and key, for failure messages. */
const char *kt_describe(const kt_doc *d, size_t i, char *buf, size_t cap);

/* The analysis of one word, copied out so the analyzer can be freed. ntokens
** other than 1 means the text was not one token (the fields are then those
** of the first token, if any). */
typedef struct kt_word {
    kh_status st;
    size_t ntokens;
    uint32_t kind, flags, nsegs, start, end;
    char norm[512], seg[512], key[512], all[1024]; /* all: every token, for messages */
} kt_word;

kt_word kt_word_of(const char *text);

/* Checks on a single-token text; each records a failure at the caller's line. */
void kt_check_norm(kt_ctx *kt_, const char *file, int line, const char *w, const char *norm);
void kt_check_seg(kt_ctx *kt_, const char *file, int line, const char *w, const char *seg);
void kt_check_key(kt_ctx *kt_, const char *file, int line, const char *w, const char *key);
void kt_check_keys(kt_ctx *kt_, const char *file, int line, const char *w1, const char *w2,
                   int same);

#define CHECK_NORM(w, n)     kt_check_norm(KT, __FILE__, __LINE__, (w), (n))
#define CHECK_SEG(w, s)      kt_check_seg(KT, __FILE__, __LINE__, (w), (s))
#define CHECK_KEY(w, k)      kt_check_key(KT, __FILE__, __LINE__, (w), (k))
#define CHECK_SAME_KEY(a, b) kt_check_keys(KT, __FILE__, __LINE__, (a), (b), 1)
#define CHECK_DIFF_KEY(a, b) kt_check_keys(KT, __FILE__, __LINE__, (a), (b), 0)

/* One expected token: its surface and kind (0: any kind). */
typedef struct kt_tok {
    const char *surface;
    uint32_t kind;
} kt_tok;

/* Checks that text tokenizes into exactly the expected surfaces and kinds,
** in order; the list ends with {NULL, 0}. */
void kt_check_tokens(kt_ctx *kt_, const char *file, int line, const char *text,
                     const kt_tok *expected);

#define CHECK_TOKENS(text, ...)                                                                    \
    kt_check_tokens(KT, __FILE__, __LINE__, (text), (const kt_tok[]){__VA_ARGS__, {NULL, 0}})

/* A readable name for a kh_token_kind. */
const char *kt_kind_name(uint32_t kind);

/* A hash of every field of an analysis (tokens, segments, strings,
** sentences, invalid counts), to compare two runs without keeping both. */
uint64_t kt_digest(const kh_analysis *an);

/* Records a failure unless an satisfies invariants.h for text[0, len). */
void kt_check_invariants(kt_ctx *kt_, const char *file, int line, const uint8_t *text, size_t len,
                         const kh_analysis *an);

#endif /* KHABAR_TEST_KT_API_H */
