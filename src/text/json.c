/*
** json.c - a small, strict JSON reader (see json.h). RFC 8259 grammar; the
** input is never written.
*/
#include "text/json.h"

#include <string.h>

typedef struct jp {
    const uint8_t *s;
    size_t len, i;
    const char *why;
    size_t at;
    kh_json_scratch *sc;
} jp;

static int err(jp *p, const char *why)
{
    if (!p->why) {
        p->why = why;
        p->at = p->i;
    }
    return -1;
}

void kh_json_ws(const uint8_t *s, size_t len, size_t *pos)
{
    size_t i = *pos;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    *pos = i;
}

static int sc_put(jp *p, const void *b, size_t n)
{
    kh_json_scratch *sc = p->sc;
    if (n == 0) return 0;
    if (sc->cap - sc->n < n) {
        size_t nc = sc->cap ? sc->cap : 4096;
        while (nc - sc->n < n) {
            if (nc > SIZE_MAX / 2) return err(p, "string too long");
            nc *= 2;
        }
        uint8_t *np = sc->grow(sc->ctx, sc->p, sc->cap, nc);
        if (!np) return err(p, "out of memory");
        sc->p = np;
        sc->cap = nc;
    }
    memcpy(sc->p + sc->n, b, n);
    sc->n += n;
    return 0;
}

static int hex4(jp *p, uint32_t *v)
{
    uint32_t r = 0;
    if (p->len - p->i < 4) return err(p, "truncated \\u escape");
    for (int k = 0; k < 4; k++) {
        uint8_t c = p->s[p->i + k];
        r <<= 4;
        if (c >= '0' && c <= '9')
            r |= c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            r |= (c | 0x20) - 'a' + 10;
        else
            return err(p, "bad \\u escape");
    }
    p->i += 4;
    *v = r;
    return 0;
}

static int put_cp(jp *p, uint32_t cp)
{
    uint8_t b[4];
    size_t n;
    if (cp < 0x80)
        b[0] = (uint8_t)cp, n = 1;
    else if (cp < 0x800)
        b[0] = (uint8_t)(0xC0 | cp >> 6), b[1] = (uint8_t)(0x80 | (cp & 0x3F)), n = 2;
    else if (cp < 0x10000)
        b[0] = (uint8_t)(0xE0 | cp >> 12), b[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F)),
        b[2] = (uint8_t)(0x80 | (cp & 0x3F)), n = 3;
    else
        b[0] = (uint8_t)(0xF0 | cp >> 18), b[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F)),
        b[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F)), b[3] = (uint8_t)(0x80 | (cp & 0x3F)), n = 4;
    return sc_put(p, b, n);
}

/* One escape after the backslash. */
static int escape(jp *p)
{
    if (p->i >= p->len) return err(p, "truncated escape");
    uint8_t c = p->s[p->i++];
    static const char IN[] = "\"\\/bfnrt", OUT[] = "\"\\/\b\f\n\r\t";
    const char *k = c ? memchr(IN, c, 8) : NULL;
    if (k) return sc_put(p, &OUT[k - IN], 1);
    if (c != 'u') return p->i--, err(p, "bad escape");
    uint32_t cp;
    if (hex4(p, &cp)) return -1;
    if (cp >= 0xD800 && cp < 0xDC00 && p->len - p->i >= 6 && p->s[p->i] == '\\' &&
        p->s[p->i + 1] == 'u') {
        size_t save = p->i;
        uint32_t lo;
        p->i += 2;
        if (hex4(p, &lo)) return -1;
        if (lo >= 0xDC00 && lo < 0xE000)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        else
            p->i = save, cp = 0xFFFD;
    } else if (cp >= 0xD800 && cp < 0xE000)
        cp = 0xFFFD;
    return put_cp(p, cp);
}

/* A string at p->i (on the quote). OUT: ptr and len (in place, or a scratch
** offset when *escaped). keep = 0 only validates. */
static int string(jp *p, int keep, const uint8_t **ptr, size_t *len, int *escaped)
{
    size_t b = ++p->i, run = b;
    size_t off = p->sc->n;
    int esc = 0;
    for (;;) {
        if (p->i >= p->len) return p->i = b - 1, err(p, "unterminated string");
        uint8_t c = p->s[p->i];
        if (c == '"') break;
        if (c < 0x20) return err(p, "control character in a string");
        if (c != '\\') {
            p->i++;
            continue;
        }
        if (keep && sc_put(p, p->s + run, p->i - run)) return -1;
        esc = 1;
        p->i++;
        if (keep ? escape(p) : (p->i < p->len ? (p->i++, 0) : err(p, "truncated escape")))
            return -1;
        run = p->i;
    }
    if (keep) {
        if (esc) {
            if (sc_put(p, p->s + run, p->i - run)) return -1;
            *ptr = (const uint8_t *)(uintptr_t)off;
            *len = p->sc->n - off;
        } else {
            *ptr = p->s + b;
            *len = p->i - b;
        }
        *escaped = esc;
    }
    p->i++;
    return 0;
}

static int number(jp *p)
{
    size_t b = p->i;
    if (p->i < p->len && p->s[p->i] == '-') p->i++;
    size_t d = p->i;
    while (p->i < p->len && p->s[p->i] >= '0' && p->s[p->i] <= '9')
        p->i++;
    if (p->i == d || (p->s[d] == '0' && p->i - d > 1)) return p->i = b, err(p, "bad number");
    if (p->i < p->len && p->s[p->i] == '.') {
        d = ++p->i;
        while (p->i < p->len && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++;
        if (p->i == d) return err(p, "bad number");
    }
    if (p->i < p->len && (p->s[p->i] | 0x20) == 'e') {
        p->i++;
        if (p->i < p->len && (p->s[p->i] == '+' || p->s[p->i] == '-')) p->i++;
        d = p->i;
        while (p->i < p->len && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++;
        if (p->i == d) return err(p, "bad number");
    }
    return 0;
}

static int value(jp *p, int depth);

static int container(jp *p, int depth, uint8_t close)
{
    if (depth >= KH_JSON_MAX_DEPTH) return err(p, "nesting too deep");
    p->i++;
    kh_json_ws(p->s, p->len, &p->i);
    if (p->i < p->len && p->s[p->i] == close) return p->i++, 0;
    for (;;) {
        if (close == '}') {
            if (p->i >= p->len || p->s[p->i] != '"') return err(p, "expected a member name");
            if (string(p, 0, NULL, NULL, NULL)) return -1;
            kh_json_ws(p->s, p->len, &p->i);
            if (p->i >= p->len || p->s[p->i] != ':') return err(p, "expected ':'");
            p->i++;
        }
        if (value(p, depth + 1)) return -1;
        kh_json_ws(p->s, p->len, &p->i);
        if (p->i < p->len && p->s[p->i] == ',') {
            p->i++;
            kh_json_ws(p->s, p->len, &p->i);
            continue;
        }
        if (p->i < p->len && p->s[p->i] == close) return p->i++, 0;
        return err(p, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static int literal(jp *p, const char *w)
{
    size_t n = strlen(w);
    if (p->len - p->i < n || memcmp(p->s + p->i, w, n)) return err(p, "unexpected character");
    p->i += n;
    return 0;
}

static int value(jp *p, int depth)
{
    kh_json_ws(p->s, p->len, &p->i);
    if (p->i >= p->len) return err(p, "unexpected end of input");
    switch (p->s[p->i]) {
    case '{':
        return container(p, depth, '}');
    case '[':
        return container(p, depth, ']');
    case '"':
        return string(p, 0, NULL, NULL, NULL);
    case 't':
        return literal(p, "true");
    case 'f':
        return literal(p, "false");
    case 'n':
        return literal(p, "null");
    default:
        return number(p);
    }
}

/* Rank of name (length n) in a comma-separated list, or -1. */
static int name_rank(const char *list, const uint8_t *name, size_t n)
{
    int r = 0;
    for (const char *s = list; *s; r++) {
        const char *e = strchr(s, ',');
        size_t l = e ? (size_t)(e - s) : strlen(s);
        if (l == n && !memcmp(s, name, n)) return r;
        if (!e) break;
        s = e + 1;
    }
    return -1;
}

/* A member's value for a wanted field: string or number text. */
static int member_value(jp *p, kh_json_field *f, int rank)
{
    kh_json_ws(p->s, p->len, &p->i);
    if (p->i < p->len && p->s[p->i] == '"') {
        const uint8_t *ptr;
        size_t len;
        int esc;
        if (string(p, 1, &ptr, &len, &esc)) return -1;
        if (f->rank < 0 || rank < f->rank)
            f->ptr = ptr, f->len = len, f->escaped = esc, f->rank = rank;
        return 0;
    }
    size_t b = p->i;
    if (p->i < p->len && (p->s[p->i] == '-' || (p->s[p->i] >= '0' && p->s[p->i] <= '9'))) {
        if (number(p)) return -1;
        if (f->rank < 0 || rank < f->rank)
            f->ptr = p->s + b, f->len = p->i - b, f->escaped = 0, f->rank = rank;
        return 0;
    }
    return value(p, 1); /* null, true, false, objects, arrays: not a value we keep */
}

int kh_json_object(const uint8_t *s, size_t len, size_t *pos, kh_json_field *fields, size_t nf,
                   kh_json_scratch *scratch, const char **why, size_t *at)
{
    jp p = {s, len, *pos, NULL, 0, scratch};
    for (size_t k = 0; k < nf; k++)
        fields[k].rank = -1, fields[k].ptr = NULL, fields[k].len = 0, fields[k].escaped = 0;
    kh_json_ws(s, len, &p.i);
    if (p.i >= len || s[p.i] != '{') {
        err(&p, "expected a JSON object");
        goto fail;
    }
    p.i++;
    kh_json_ws(s, len, &p.i);
    if (p.i < len && s[p.i] == '}') {
        *pos = p.i + 1;
        return 0;
    }
    for (;;) {
        if (p.i >= len || s[p.i] != '"') {
            err(&p, "expected a member name");
            goto fail;
        }
        size_t nb = p.i + 1;
        if (string(&p, 0, NULL, NULL, NULL)) goto fail;
        size_t nl = p.i - 1 - nb; /* names with escapes never match: fine */
        kh_json_ws(s, len, &p.i);
        if (p.i >= len || s[p.i] != ':') {
            err(&p, "expected ':'");
            goto fail;
        }
        p.i++;
        kh_json_field *f = NULL;
        int rank = -1;
        for (size_t k = 0; k < nf && !f; k++)
            if ((rank = name_rank(fields[k].names, s + nb, nl)) >= 0) f = &fields[k];
        if (f ? member_value(&p, f, rank) : value(&p, 1)) goto fail;
        kh_json_ws(s, len, &p.i);
        if (p.i < len && s[p.i] == ',') {
            p.i++;
            kh_json_ws(s, len, &p.i);
            continue;
        }
        if (p.i < len && s[p.i] == '}') break;
        err(&p, "expected ',' or '}'");
        goto fail;
    }
    *pos = p.i + 1;
    return 0;
fail:
    *why = p.why;
    *at = p.at;
    return -1;
}

void kh_json_fix(kh_json_field *fields, size_t nf, const kh_json_scratch *scratch)
{
    for (size_t k = 0; k < nf; k++)
        if (fields[k].rank >= 0 && fields[k].escaped)
            fields[k].ptr = scratch->p + (uintptr_t)fields[k].ptr;
}

int kh_json_skip_loose(const uint8_t *s, size_t len, size_t *pos)
{
    size_t i = *pos;
    long depth = 0;
    int in_str = 0;
    for (; i < len; i++) {
        uint8_t c = s[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = 0;
            continue;
        }
        if (c == '"')
            in_str = 1;
        else if (c == '{' || c == '[')
            depth++;
        else if ((c == '}' || c == ']') && --depth <= 0) {
            *pos = i + 1;
            return 0;
        }
    }
    return -1;
}
