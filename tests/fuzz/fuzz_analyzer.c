/*
** fuzz_analyzer.c - libFuzzer target for kh_analyze, the library's one text
** input surface (UTF-8 decoding, normalization, tokens, sentences, clitics).
**
** Each input is analyzed in lenient and in strict mode and must satisfy the
** invariants in ../unit/api/invariants.h (offsets in range and in order,
** non-empty tokens, NUL-terminated strings of their stated length, sentences
** covering the tokens in order, invalid-UTF-8 counts that agree with
** kh_utf8_valid). On top of those:
**   - strict mode fails with KH_EUTF8 exactly when the input is invalid, at
**     the offset kh_utf8_valid gives, and otherwise equals lenient mode;
**   - a second analysis on the same handle gives the same result.
** Any violation prints what broke and abort()s, which libFuzzer reports with
** the input that caused it.
*/
#include "khabar.h"

#include "../unit/api/invariants.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_analyzer: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    abort();
}

/* FNV-1a over every field, to compare two analyses. */
static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211u;
    return h;
}

static uint64_t digest(const kh_analysis *an)
{
    uint64_t h = 14695981039346656037u;
    h = mix(h, &an->ntokens, sizeof an->ntokens);
    h = mix(h, &an->nsentences, sizeof an->nsentences);
    for (size_t i = 0; i < an->ntokens; i++) {
        const kh_token *t = &an->tokens[i];
        uint32_t f[6] = {t->start,    t->end,  t->kind, t->flags & ~KH_TOKF_INVALID,
                         t->sentence, t->nsegs};
        h = mix(h, f, sizeof f);
        h = mix(h, t->norm, t->norm_len);
        h = mix(h, t->seg, t->seg_len);
        h = mix(h, t->key, t->key_len);
        for (uint32_t j = 0; j < t->nsegs; j++) {
            uint32_t g[3] = {t->segs[j].start, t->segs[j].end, t->segs[j].role};
            h = mix(h, g, sizeof g);
        }
    }
    for (size_t k = 0; k < an->nsentences; k++) {
        uint32_t s[4] = {an->sentences[k].start, an->sentences[k].end, an->sentences[k].first,
                         an->sentences[k].ntokens};
        h = mix(h, s, sizeof s);
    }
    return h;
}

/* Analyzes and checks the invariants; returns the digest. */
static uint64_t analyze_checked(kh_analyzer *a, const uint8_t *data, size_t size, const char *mode)
{
    const kh_analysis *an = NULL;
    char msg[300];
    kh_status st = kh_analyze(a, data, size, &an);
    if (st != KH_OK) die(mode, kh_strerror(st));
    const char *why = kt_invariant_violation(data, size, an, msg, sizeof msg);
    if (why) die(mode, why);
    return digest(an);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* One pair of handles for the whole run, as a long-lived indexer would
    ** keep them: a result that depends on the previous document shows up as
    ** a "second analysis differs" or a strict/lenient mismatch. */
    static kh_analyzer *lenient, *strict;
    if (!lenient) {
        kh_analyzer_opts so = {KH_OPT_STRICT_UTF8, NULL, NULL};
        if (kh_analyzer_new(NULL, &lenient) != KH_OK || kh_analyzer_new(&so, &strict) != KH_OK)
            die("kh_analyzer_new failed", NULL);
    }

    uint64_t h = analyze_checked(lenient, data, size, "lenient");
    if (analyze_checked(lenient, data, size, "lenient again") != h)
        die("lenient", "a second analysis on the same handle differs");

    size_t off = 0;
    int valid = kh_utf8_valid(data, size, &off);
    if (valid) {
        if (analyze_checked(strict, data, size, "strict") != h)
            die("strict", "differs from lenient on valid UTF-8");
    } else {
        const kh_analysis *an = NULL;
        kh_status st = kh_analyze(strict, data, size, &an);
        if (st != KH_EUTF8) die("strict on invalid UTF-8", kh_strerror(st));
        const kh_error *e = kh_analyzer_error(strict);
        if (!e || e->status != KH_EUTF8 || e->offset != off)
            die("strict", "kh_analyzer_error does not give KH_EUTF8 at kh_utf8_valid's offset");
        if (!memchr(e->message, 0, sizeof e->message)) die("strict", "message not NUL-terminated");
    }
    return 0;
}
