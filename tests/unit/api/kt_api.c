/*
** kt_api.c - helpers for tests that drive the public API (see kt_api.h).
*/
#include "kt_api.h"

#include "invariants.h"

#include <stdio.h>
#include <stdlib.h>

void kt_check_invariants(kt_ctx *kt_, const char *file, int line, const uint8_t *text, size_t len,
                         const kh_analysis *an)
{
    char msg[300];
    const char *why = kt_invariant_violation(text, len, an, msg, sizeof msg);
    if (why) kt_fail(kt_, file, line, "invariant broken: %s", why);
}

static void free_analyzer(void *a)
{
    kh_analyzer_free(a);
}

kh_analyzer *kt_analyzer(kt_ctx *kt_, uint32_t flags)
{
    kh_analyzer_opts opts = {flags, NULL, NULL};
    kh_analyzer *a = NULL;
    kh_status st = kh_analyzer_new(&opts, &a);
    if (st != KH_OK || !a) {
        kt_fail(kt_, __FILE__, __LINE__, "kh_analyzer_new: %s", kh_strerror(st));
        return NULL;
    }
    kt_defer(kt_, free_analyzer, a);
    return a;
}

kh_status kt_doc_open(kt_ctx *kt_, const char *file, int line, kt_doc *d, const void *text,
                      size_t len, uint32_t flags)
{
    kh_analyzer_opts opts = {flags, NULL, NULL};
    memset(d, 0, sizeof *d);
    d->kt = kt_;
    d->text = text;
    d->len = len;
    d->st = kh_analyzer_new(&opts, &d->a);
    if (d->st != KH_OK || !d->a) {
        kt_fail(kt_, file, line, "kh_analyzer_new: %s", kh_strerror(d->st));
        d->a = NULL;
        if (d->st == KH_OK) d->st = KH_EINVAL;
        return d->st;
    }
    kt_defer(kt_, free_analyzer, d->a);
    const kh_analysis *an = NULL;
    d->st = kh_analyze(d->a, text, len, &an);
    if (d->st == KH_OK) {
        d->an = an;
        kt_check_invariants(kt_, file, line, text, len, an);
    }
    return d->st;
}

void kt_doc_close(kt_doc *d)
{
    if (d->a) kt_undefer(d->kt, d->a);
    kh_analyzer_free(d->a);
    memset(d, 0, sizeof *d);
}

const char *kt_surface(const kt_doc *d, size_t i, char *buf, size_t cap)
{
    const kh_token *t = &d->an->tokens[i];
    size_t n = t->end - t->start;
    if (n >= cap) n = cap - 1;
    memcpy(buf, d->text + t->start, n);
    buf[n] = 0;
    return buf;
}

long kt_find(const kt_doc *d, const char *s)
{
    size_t n = strlen(s);
    if (!d->an) return -1;
    for (size_t i = 0; i < d->an->ntokens; i++) {
        const kh_token *t = &d->an->tokens[i];
        if (t->end - t->start == n && memcmp(d->text + t->start, s, n) == 0) return (long)i;
    }
    return -1;
}

const char *kt_describe(const kt_doc *d, size_t i, char *buf, size_t cap)
{
    char surf[256];
    const kh_token *t = &d->an->tokens[i];
    snprintf(buf, cap, "[%u,%u) \"%s\" kind=%u flags=%#x norm=\"%s\" seg=\"%s\" key=\"%s\"",
             t->start, t->end, kt_surface(d, i, surf, sizeof surf), t->kind, t->flags,
             t->norm ? t->norm : "(null)", t->seg ? t->seg : "(null)", t->key ? t->key : "(null)");
    return buf;
}

static void copy_str(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "(null)");
}

kt_word kt_word_of(const char *text)
{
    kt_word w;
    kh_analyzer *a = NULL;
    const kh_analysis *an = NULL;
    memset(&w, 0, sizeof w);
    w.st = kh_analyzer_new(NULL, &a);
    if (w.st != KH_OK) return w;
    w.st = kh_analyze(a, (const uint8_t *)text, strlen(text), &an);
    if (w.st == KH_OK && an) {
        w.ntokens = an->ntokens;
        if (an->ntokens > 0) {
            const kh_token *t = &an->tokens[0];
            w.kind = t->kind;
            w.flags = t->flags;
            w.nsegs = t->nsegs;
            w.start = t->start;
            w.end = t->end;
            copy_str(w.norm, sizeof w.norm, t->norm);
            copy_str(w.seg, sizeof w.seg, t->seg);
            copy_str(w.key, sizeof w.key, t->key);
        }
        size_t used = 0;
        for (size_t i = 0; i < an->ntokens && used + 1 < sizeof w.all; i++) {
            const kh_token *t = &an->tokens[i];
            int n = snprintf(w.all + used, sizeof w.all - used, "%s\"%.*s\"", i ? " | " : "",
                             (int)(t->end - t->start), text + t->start);
            if (n < 0) break;
            used += (size_t)n;
            if (used >= sizeof w.all) used = sizeof w.all - 1;
        }
    }
    kh_analyzer_free(a);
    return w;
}

/* Analyzes w and records a failure unless it is exactly one token. */
static int one_token(kt_ctx *kt_, const char *file, int line, const char *w, kt_word *out)
{
    *out = kt_word_of(w);
    if (out->st != KH_OK) {
        kt_fail(kt_, file, line, "\"%s\": %s", w, kh_strerror(out->st));
        return 0;
    }
    if (out->ntokens != 1) {
        kt_fail(kt_, file, line, "\"%s\" is %zu tokens, expected 1: %s", w, out->ntokens, out->all);
        return 0;
    }
    return 1;
}

void kt_check_norm(kt_ctx *kt_, const char *file, int line, const char *w, const char *norm)
{
    kt_word r;
    if (!one_token(kt_, file, line, w, &r)) return;
    if (strcmp(r.norm, norm) != 0)
        kt_fail(kt_, file, line, "norm of \"%s\" is \"%s\", expected \"%s\"", w, r.norm, norm);
}

void kt_check_seg(kt_ctx *kt_, const char *file, int line, const char *w, const char *seg)
{
    kt_word r;
    if (!one_token(kt_, file, line, w, &r)) return;
    if (strcmp(r.seg, seg) != 0)
        kt_fail(kt_, file, line, "\"%s\" segmented \"%s\", expected \"%s\"", w, r.seg, seg);
}

void kt_check_key(kt_ctx *kt_, const char *file, int line, const char *w, const char *key)
{
    kt_word r;
    if (!one_token(kt_, file, line, w, &r)) return;
    if (strcmp(r.key, key) != 0)
        kt_fail(kt_, file, line, "key of \"%s\" is \"%s\", expected \"%s\"", w, r.key, key);
}

void kt_check_keys(kt_ctx *kt_, const char *file, int line, const char *w1, const char *w2,
                   int same)
{
    kt_word a, b;
    if (!one_token(kt_, file, line, w1, &a) || !one_token(kt_, file, line, w2, &b)) return;
    if (same && (a.key[0] == 0 || strcmp(a.key, b.key) != 0))
        kt_fail(kt_, file, line,
                "\"%s\" (key \"%s\", seg %s) and \"%s\" (key \"%s\", seg %s) should share a "
                "non-empty key",
                w1, a.key, a.seg, w2, b.key, b.seg);
    if (!same && strcmp(a.key, b.key) == 0)
        kt_fail(kt_, file, line, "\"%s\" and \"%s\" should not share the key \"%s\" (segs %s, %s)",
                w1, w2, a.key, a.seg, b.seg);
}

const char *kt_kind_name(uint32_t kind)
{
    static const char *const names[] = {"?",     "ARABIC", "LATIN",   "NUMBER",
                                        "URL",   "EMAIL",  "HASHTAG", "MENTION",
                                        "PUNCT", "QUOTE",  "SYMBOL",  "ABBREV"};
    return kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

void kt_check_tokens(kt_ctx *kt_, const char *file, int line, const char *text,
                     const kt_tok *expected)
{
    kt_doc d;
    char got[2048], want[2048], surf[256];
    size_t n = 0, gu = 0, wu = 0;
    int ok = 1;
    if (kt_doc_open(kt_, file, line, &d, text, strlen(text), 0) != KH_OK) {
        kt_fail(kt_, file, line, "kh_analyze: %s", kh_strerror(d.st));
        kt_doc_close(&d);
        return;
    }
    got[0] = want[0] = 0;
    for (; expected[n].surface; n++) {
        const kt_tok *e = &expected[n];
        wu += (size_t)snprintf(want + wu, wu < sizeof want ? sizeof want - wu : 0, " [%s %s]",
                               e->surface, e->kind ? kt_kind_name(e->kind) : "*");
        if (wu >= sizeof want) wu = sizeof want - 1;
        if (n >= d.an->ntokens) {
            ok = 0;
            continue;
        }
        kt_surface(&d, n, surf, sizeof surf);
        if (strcmp(surf, e->surface) != 0 || (e->kind && e->kind != d.an->tokens[n].kind)) ok = 0;
    }
    if (n != d.an->ntokens) ok = 0;
    if (!ok) {
        for (size_t i = 0; i < d.an->ntokens; i++) {
            gu += (size_t)snprintf(got + gu, gu < sizeof got ? sizeof got - gu : 0, " [%s %s]",
                                   kt_surface(&d, i, surf, sizeof surf),
                                   kt_kind_name(d.an->tokens[i].kind));
            if (gu >= sizeof got) gu = sizeof got - 1;
        }
        kt_fail(kt_, file, line, "tokens of \"%s\":\n  got: %s\n want: %s", text, got, want);
    }
    kt_doc_close(&d);
}

/* FNV-1a, enough to tell two analyses apart in a test. */
static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211u;
    return h;
}

static uint64_t mix_u(uint64_t h, uint64_t v)
{
    return mix(h, &v, sizeof v);
}

uint64_t kt_digest(const kh_analysis *an)
{
    uint64_t h = 14695981039346656037u;
    h = mix_u(h, an->ntokens);
    h = mix_u(h, an->nsentences);
    h = mix_u(h, an->ninvalid);
    if (an->ninvalid) h = mix_u(h, an->first_invalid);
    for (size_t i = 0; i < an->ntokens; i++) {
        const kh_token *t = &an->tokens[i];
        h = mix_u(h, t->start);
        h = mix_u(h, t->end);
        h = mix_u(h, t->kind);
        h = mix_u(h, t->flags);
        h = mix_u(h, t->sentence);
        h = mix_u(h, t->nsegs);
        h = mix(h, t->norm, t->norm_len + 1);
        h = mix(h, t->seg, t->seg_len + 1);
        h = mix(h, t->key, t->key_len + 1);
        for (uint32_t j = 0; j < t->nsegs; j++) {
            h = mix_u(h, t->segs[j].start);
            h = mix_u(h, t->segs[j].end);
            h = mix_u(h, t->segs[j].role);
            h = mix(h, t->segs[j].text, t->segs[j].len + 1);
        }
    }
    for (size_t k = 0; k < an->nsentences; k++) {
        h = mix_u(h, an->sentences[k].start);
        h = mix_u(h, an->sentences[k].end);
        h = mix_u(h, an->sentences[k].first);
        h = mix_u(h, an->sentences[k].ntokens);
    }
    return h;
}
