/*
** tok.c - the tokenizer (see tok.h for what a token is).
**
** One forward pass; each token class has a scanner that starts at the
** token's first code point and returns the end byte. Scanners look ahead at
** most a few code points except URLs, e-mails and numbers, which are
** bounded by the next space. Everything is in logical (memory) order.
*/
#include "text/tok.h"

#include "khabar.h"
#include "text/chars.h"
#include "text/utf8.h"

#include <string.h>

typedef struct cpinfo {
    uint32_t cp;  /* KH_CP_INVALID for an invalid byte */
    uint32_t len; /* bytes */
    kh_cc cc;
} cpinfo;

/* Inlined: the tokenizer calls it for every code point, and a returned
** struct through the stack costs more than the decoding itself. */
static inline __attribute__((always_inline)) cpinfo peek(const kh_tokenizer *t, size_t pos)
{
    cpinfo c;
    if (pos + 1 < t->n) {
        /* fast paths: ASCII, and two-byte Arabic (lead bytes D8..DB) */
        uint8_t b0 = t->s[pos], b1 = t->s[pos + 1];
        if (b0 >= 0xD8 && b0 <= 0xDB && (b1 & 0xC0) == 0x80) {
            c.cp = ((uint32_t)(b0 & 0x1F) << 6) | (b1 & 0x3F);
            c.len = 2;
            c.cc = (kh_cc)kh_cc_arabic_table[c.cp - 0x0600];
            return c;
        }
    }
    if (pos >= t->n) {
        c.cp = 0;
        c.len = 0;
        c.cc = KH_CC_SPACE;
        return c;
    }
    c.cp = kh_utf8_decode(t->s + pos, t->n - pos, &c.len);
    c.cc = c.cp == KH_CP_INVALID ? KH_CC_SYMBOL : kh_cc_of(c.cp);
    return c;
}

static int is_ascii_alnum(uint32_t c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int is_word_cc(kh_cc cc)
{
    return cc == KH_CC_ARLETTER || cc == KH_CC_LETTER || cc == KH_CC_DIGIT || cc == KH_CC_MARK ||
           cc == KH_CC_TATWEEL;
}

/* Case-insensitive ASCII prefix test at pos. */
static int has_prefix(const kh_tokenizer *t, size_t pos, const char *p)
{
    size_t k = strlen(p);
    if (t->n - pos < k) return 0;
    for (size_t i = 0; i < k; i++) {
        uint8_t c = t->s[pos + i];
        if (c >= 'A' && c <= 'Z') c = (uint8_t)(c | 0x20);
        if (c != (uint8_t)p[i]) return 0;
    }
    return 1;
}

/* A URL runs to the next space; trailing punctuation and closing quotes or
** brackets belong to the sentence, not to the URL. */
static size_t scan_url(const kh_tokenizer *t, size_t pos)
{
    size_t p = pos;
    while (p < t->n) {
        cpinfo c = peek(t, p);
        if (c.cc == KH_CC_SPACE || c.cc == KH_CC_NEWLINE || c.cc == KH_CC_INVIS ||
            c.cp == KH_CP_INVALID || (c.cc == KH_CC_QUOTE && c.cp != '\'') ||
            c.cp == KH_CP_ARABIC_COMMA)
            break;
        p += c.len;
    }
    while (p > pos) {
        uint8_t b = t->s[p - 1];
        if (b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' || b == ')' ||
            b == '\'')
            p--;
        else
            break;
    }
    return p;
}

/* local@domain.tld with ASCII parts; returns the end or 0 if not an e-mail. */
static size_t scan_email(const kh_tokenizer *t, size_t pos)
{
    size_t p = pos, at = 0;
    while (p < t->n) {
        uint8_t c = t->s[p];
        if (is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-')
            p++;
        else if (c == '@' && !at && p > pos)
            at = ++p;
        else
            break;
    }
    if (!at) return 0;
    while (p > at && (t->s[p - 1] == '.' || t->s[p - 1] == '-'))
        p--; /* a sentence's full stop after the address */
    int dot = 0;
    for (size_t i = at; i < p; i++)
        if (t->s[i] == '.' && i > at && i + 2 < p + 1) dot = 1;
    return dot && p > at + 2 ? p : 0;
}

/* Hashtag and mention bodies: letters, digits, marks, tatweel, joiners, '_'. */
static size_t scan_tagbody(const kh_tokenizer *t, size_t pos)
{
    size_t p = pos;
    while (p < t->n) {
        cpinfo c = peek(t, p);
        if (is_word_cc(c.cc) || c.cc == KH_CC_JOINER || c.cp == '_')
            p += c.len;
        else
            break;
    }
    return p;
}

static int is_number_sep(uint32_t cp)
{
    return cp == '.' || cp == ',' || cp == KH_CP_ARABIC_DECIMAL || cp == KH_CP_ARABIC_THOUSANDS ||
           cp == KH_CP_ARABIC_COMMA || cp == '/' || cp == ':' || cp == '-';
}

/* Digits with one separator between digits (1,000.5 ١٤٤٫٥ 2024/03/22 10:30),
** and a percent sign after. */
static size_t scan_number(const kh_tokenizer *t, size_t pos)
{
    size_t p = pos;
    for (;;) {
        cpinfo c = peek(t, p);
        if (c.cc == KH_CC_DIGIT) {
            p += c.len;
            continue;
        }
        if (is_number_sep(c.cp)) {
            cpinfo d = peek(t, p + c.len);
            if (d.cc == KH_CC_DIGIT && kh_digit_value(d.cp) >= 0) {
                p += c.len;
                continue;
            }
        }
        if (c.cp == '%' || c.cp == KH_CP_ARABIC_PERCENT) p += c.len;
        return p;
    }
}

/* Words: letters of one script family with marks, tatweel, joiners and
** invisible controls inside; a hyphen or apostrophe between word characters
** (كوفيد-19, O'Brien) keeps the word whole; Latin words take digits (G20). */
static size_t scan_word(const kh_tokenizer *t, size_t pos, int arabic)
{
    size_t p = pos;
    if (arabic) { /* hot loop: two-byte Arabic letters, marks and tatweel */
        const uint8_t *s = t->s;
        while (p + 1 < t->n && s[p] >= 0xD8 && s[p] <= 0xDB && (s[p + 1] & 0xC0) == 0x80) {
            uint32_t cp = ((uint32_t)(s[p] & 0x1F) << 6) | (s[p + 1] & 0x3F);
            kh_cc cc = (kh_cc)kh_cc_arabic_table[cp - 0x0600];
            if (cc != KH_CC_ARLETTER && cc != KH_CC_MARK && cc != KH_CC_TATWEEL) break;
            p += 2;
        }
    }
    for (;;) {
        cpinfo c = peek(t, p);
        if (c.len == 0) return p;
        int ok;
        if (arabic)
            ok = c.cc == KH_CC_ARLETTER || c.cc == KH_CC_MARK || c.cc == KH_CC_TATWEEL ||
                 c.cc == KH_CC_JOINER;
        else
            ok = c.cc == KH_CC_LETTER || c.cc == KH_CC_MARK || c.cc == KH_CC_JOINER ||
                 (c.cc == KH_CC_DIGIT && c.cp < 0x80);
        if (ok) {
            p += c.len;
            continue;
        }
        if (c.cc == KH_CC_INVIS || c.cp == '-' || (!arabic && (c.cp == '\'' || c.cp == 0x2019))) {
            /* inside the word only if a word character follows */
            size_t q = p + c.len;
            cpinfo d = peek(t, q);
            while (d.cc == KH_CC_INVIS && d.len) {
                q += d.len;
                d = peek(t, q);
            }
            if (c.cp == '-' && d.cc == KH_CC_DIGIT) return scan_number(t, q); /* كوفيد-19 */
            if (d.cc == (arabic ? KH_CC_ARLETTER : KH_CC_LETTER)) {
                p = q;
                continue;
            }
        }
        return p;
    }
}

/* Single-letter Arabic abbreviations chained by dots: د. أ.د. أ.ف.ب ق.م.
** Returns the end of the chain, or 0 when the letter at pos is not one. */
static size_t scan_abbrev(const kh_tokenizer *t, size_t pos)
{
    size_t p = pos, end = 0;
    int letters = 0;
    for (;;) {
        cpinfo c = peek(t, p);
        if (c.cc != KH_CC_ARLETTER) break;
        size_t q = p + c.len;
        cpinfo d = peek(t, q);
        while (d.cc == KH_CC_MARK) {
            q += d.len;
            d = peek(t, q);
        }
        if (d.cp != '.') {
            /* a final letter without its dot closes a chain: أ.ف.ب */
            if (letters >= 2 && !is_word_cc(d.cc)) end = q;
            break;
        }
        letters++;
        p = q + 1;
        end = p;
        cpinfo e = peek(t, p);
        if (e.cc != KH_CC_ARLETTER) break;
        /* the next letter must itself be a one-letter unit */
        cpinfo f = peek(t, p + e.len);
        if (f.cc == KH_CC_ARLETTER || f.cc == KH_CC_TATWEEL) break;
    }
    return letters ? end : 0;
}

int kh_tok_is_terminator(const uint8_t *s, size_t n)
{
    if (n == 1) return s[0] == '.' || s[0] == '!' || s[0] == '?';
    if (n == 2) return s[0] == 0xD8 && s[1] == 0x9F; /* U+061F ؟ */
    return 0;
}

int kh_tok_next(kh_tokenizer *t, kh_rawtok *out)
{
    uint32_t flags = 0;
    /* Skip what belongs to no token. */
    for (;;) {
        if (t->pos >= t->n) return 0;
        cpinfo c = peek(t, t->pos);
        if (c.cc == KH_CC_NEWLINE)
            flags |= KH_RAW_NL_BEFORE;
        else if (c.cc != KH_CC_SPACE && c.cc != KH_CC_INVIS && c.cc != KH_CC_JOINER)
            break;
        t->pos += c.len;
    }
    size_t pos = t->pos, end;
    cpinfo c = peek(t, pos);
    uint32_t kind;
    if (c.cp == KH_CP_INVALID) {
        kind = KH_TOK_SYMBOL;
        flags |= KH_TOKF_INVALID;
        end = pos + 1;
    } else if (c.cc == KH_CC_LETTER && c.cp < 0x80 &&
               (has_prefix(t, pos, "http://") || has_prefix(t, pos, "https://") ||
                has_prefix(t, pos, "www."))) {
        kind = KH_TOK_URL;
        end = scan_url(t, pos);
    } else if (c.cp < 0x80 && is_ascii_alnum(c.cp) && (end = scan_email(t, pos)) != 0) {
        kind = KH_TOK_EMAIL;
    } else if ((c.cp == '#' || c.cp == '@') && is_word_cc(peek(t, pos + 1).cc)) {
        kind = c.cp == '#' ? KH_TOK_HASHTAG : KH_TOK_MENTION;
        end = scan_tagbody(t, pos + 1);
    } else if (c.cc == KH_CC_DIGIT) {
        kind = KH_TOK_NUMBER;
        end = scan_number(t, pos);
    } else if ((c.cp == '%' || c.cp == KH_CP_ARABIC_PERCENT) &&
               peek(t, pos + c.len).cc == KH_CC_DIGIT) {
        kind = KH_TOK_NUMBER; /* ٪٥٠ */
        end = scan_number(t, pos + c.len);
    } else if (c.cc == KH_CC_ARLETTER || c.cc == KH_CC_MARK || c.cc == KH_CC_TATWEEL) {
        size_t ab = c.cc == KH_CC_ARLETTER ? scan_abbrev(t, pos) : 0;
        if (ab) {
            kind = KH_TOK_ABBREV;
            end = ab;
        } else {
            kind = KH_TOK_ARABIC;
            end = scan_word(t, pos, 1);
        }
    } else if (c.cc == KH_CC_LETTER) {
        kind = KH_TOK_LATIN;
        end = scan_word(t, pos, 0);
    } else if (c.cc == KH_CC_QUOTE) {
        kind = KH_TOK_QUOTE;
        end = pos + c.len;
    } else if (c.cp == '.' || c.cp == KH_CP_ELLIPSIS) {
        kind = KH_TOK_PUNCT;
        end = pos + c.len;
        while (c.cp == '.' && end < t->n && t->s[end] == '.')
            end++; /* "..." is one token */
    } else {
        kind = c.cc == KH_CC_PUNCT ? KH_TOK_PUNCT : KH_TOK_SYMBOL;
        end = pos + c.len;
    }
    if (end <= pos) end = pos + (c.len ? c.len : 1); /* always progress */
    out->start = (uint32_t)pos;
    out->end = (uint32_t)end;
    out->kind = kind;
    out->flags = flags;
    t->pos = end;
    return 1;
}
