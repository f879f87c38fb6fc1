/*
** invariants.h - what every kh_analysis must satisfy, whatever the input.
**
** Shared by the unit tests (which report a violation as a failure) and the
** fuzz target (which aborts on one), so both hold the library to the same
** contract: the one include/khabar.h states.
**
**   - tokens are non-empty, inside [0, len], in order and non-overlapping;
**   - every borrowed string is NUL-terminated at its stated length, holds no
**     NUL before it, and is valid UTF-8 (invalid input is replaced in keys);
**   - seg is the segments' text joined with '+';
**   - segments lie inside their token, in order, proclitics before the stem
**     before enclitics, at most one stem; only a token's sole segment may
**     have empty text (a lone tatweel or mark);
**   - sentences are non-empty and cover the tokens in order, each token
**     pointing back at the sentence that holds it;
**   - ninvalid and first_invalid agree with kh_utf8_valid().
**
** Header-only (one static function) because the fuzz target is built from a
** single source file.
*/
#ifndef KHABAR_TEST_INVARIANTS_H
#define KHABAR_TEST_INVARIANTS_H

#include "khabar.h"

#include <stdio.h>
#include <string.h>

#define KT_BAD(...)                                                                                \
    do {                                                                                           \
        snprintf(msg, cap, __VA_ARGS__);                                                           \
        return msg;                                                                                \
    } while (0)

/* Checks a borrowed string: non-NULL, NUL exactly at len, valid UTF-8. */
static const char *kt_bad_string(const char *s, uint32_t n)
{
    if (!s) return "is NULL";
    if (memchr(s, 0, n)) return "holds a NUL before its stated length";
    if (s[n] != 0) return "is not NUL-terminated at its stated length";
    if (!kh_utf8_valid((const uint8_t *)s, n, NULL)) return "is not valid UTF-8";
    return NULL;
}

/* Returns NULL when an satisfies every invariant for text[0, len); else a
** description of the first violation, written into msg. */
static const char *kt_invariant_violation(const uint8_t *text, size_t len, const kh_analysis *an,
                                          char *msg, size_t cap)
{
    if (!an) KT_BAD("analysis is NULL");
    if (an->ntokens && !an->tokens) KT_BAD("tokens is NULL with ntokens=%zu", an->ntokens);
    if (an->nsentences && !an->sentences)
        KT_BAD("sentences is NULL with nsentences=%zu", an->nsentences);
    if ((an->ntokens == 0) != (an->nsentences == 0))
        KT_BAD("%zu tokens but %zu sentences", an->ntokens, an->nsentences);

    size_t bad_off = 0;
    int valid = kh_utf8_valid(text, len, &bad_off);
    if (valid && an->ninvalid) KT_BAD("ninvalid=%zu for valid UTF-8", an->ninvalid);
    if (!valid && an->ninvalid == 0) KT_BAD("ninvalid=0 for invalid UTF-8 at byte %zu", bad_off);
    if (!valid && an->first_invalid != bad_off)
        KT_BAD("first_invalid=%llu but kh_utf8_valid says byte %zu",
               (unsigned long long)an->first_invalid, bad_off);

    uint32_t prev_end = 0;
    for (size_t i = 0; i < an->ntokens; i++) {
        const kh_token *t = &an->tokens[i];
        const char *why;
        if (t->start >= t->end) KT_BAD("token %zu is empty: [%u,%u)", i, t->start, t->end);
        if (t->end > len) KT_BAD("token %zu ends at %u past len %zu", i, t->end, len);
        if (t->start < prev_end)
            KT_BAD("token %zu starts at %u before the previous end %u", i, t->start, prev_end);
        prev_end = t->end;
        if (t->kind < KH_TOK_ARABIC || t->kind > KH_TOK_ABBREV)
            KT_BAD("token %zu has kind %u", i, t->kind);
        if (t->flags & ~(KH_TOKF_INVALID | KH_TOKF_PREFIX))
            KT_BAD("token %zu has unknown flags %#x", i, t->flags);
        if ((t->flags & KH_TOKF_INVALID) && an->ninvalid == 0)
            KT_BAD("token %zu is flagged invalid but ninvalid=0", i);
        if (t->sentence >= an->nsentences)
            KT_BAD("token %zu in sentence %u of %zu", i, t->sentence, an->nsentences);
        if ((why = kt_bad_string(t->norm, t->norm_len))) KT_BAD("token %zu: norm %s", i, why);
        if ((why = kt_bad_string(t->seg, t->seg_len))) KT_BAD("token %zu: seg %s", i, why);
        if ((why = kt_bad_string(t->key, t->key_len))) KT_BAD("token %zu: key %s", i, why);
        if (t->nsegs < 1 || !t->segs) KT_BAD("token %zu has no segments", i);

        uint32_t seg_prev_end = t->start, pos = 0, nstem = 0, prev_role = 0;
        for (uint32_t j = 0; j < t->nsegs; j++) {
            const kh_segment *s = &t->segs[j];
            if ((why = kt_bad_string(s->text, s->len)))
                KT_BAD("token %zu seg %u: text %s", i, j, why);
            /* a token of nothing but tatweel or marks may read as ""; a clitic may not */
            if (s->len == 0 && t->nsegs > 1) KT_BAD("token %zu seg %u: empty text", i, j);
            if (s->start > s->end) KT_BAD("token %zu seg %u: [%u,%u)", i, j, s->start, s->end);
            if (s->start < seg_prev_end || s->end > t->end)
                KT_BAD("token %zu [%u,%u) seg %u [%u,%u) out of order or outside", i, t->start,
                       t->end, j, s->start, s->end);
            seg_prev_end = s->end;
            if (s->role < KH_SEG_PROCLITIC || s->role > KH_SEG_ENCLITIC)
                KT_BAD("token %zu seg %u: role %u", i, j, s->role);
            if (s->role < prev_role)
                KT_BAD("token %zu seg %u: role %u after %u", i, j, s->role, prev_role);
            prev_role = s->role;
            nstem += s->role == KH_SEG_STEM;
            /* seg must read text(0) '+' text(1) ... exactly */
            if (j > 0) {
                if (pos >= t->seg_len || t->seg[pos] != '+')
                    KT_BAD("token %zu: seg \"%s\" lacks '+' before segment %u", i, t->seg, j);
                pos++;
            }
            if (pos + s->len > t->seg_len || memcmp(t->seg + pos, s->text, s->len) != 0)
                KT_BAD("token %zu: seg \"%s\" does not hold segment %u \"%s\"", i, t->seg, j,
                       s->text);
            pos += s->len;
        }
        if (pos != t->seg_len) KT_BAD("token %zu: seg \"%s\" longer than its segments", i, t->seg);
        if (nstem > 1) KT_BAD("token %zu has %u stems", i, nstem);
    }

    size_t next = 0;
    for (size_t k = 0; k < an->nsentences; k++) {
        const kh_sentence *s = &an->sentences[k];
        if (s->ntokens == 0) KT_BAD("sentence %zu is empty", k);
        if (s->first != next)
            KT_BAD("sentence %zu starts at token %u, expected %zu", k, s->first, next);
        if ((size_t)s->first + s->ntokens > an->ntokens)
            KT_BAD("sentence %zu runs past the last token", k);
        const kh_token *a = &an->tokens[s->first], *b = &an->tokens[s->first + s->ntokens - 1];
        if (s->start != a->start || s->end != b->end)
            KT_BAD("sentence %zu is [%u,%u), its tokens span [%u,%u)", k, s->start, s->end,
                   a->start, b->end);
        for (uint32_t j = s->first; j < s->first + s->ntokens; j++)
            if (an->tokens[j].sentence != k)
                KT_BAD("token %u says sentence %u, lies in %zu", j, an->tokens[j].sentence, k);
        next += s->ntokens;
    }
    if (next != an->ntokens) KT_BAD("sentences cover %zu of %zu tokens", next, an->ntokens);
    return NULL;
}

#undef KT_BAD
#endif /* KHABAR_TEST_INVARIANTS_H */
