/*
** query.c - parses the query language of query.h into clauses of keys.
**
** One pass over the bytes finds the syntax (quotes, '-', '*', source:);
** each word or phrase in between goes through the analyzer, so a query
** word matches exactly the documents' keys. Everything is checked before
** any key is looked up, and every error names a byte offset.
*/
#include "index/query.h"

#include <stdarg.h>
#include <stdio.h>

void kh_query_init(kh_query *q, const kh_mem *m)
{
    memset(q, 0, sizeof *q);
    q->mem = m;
    kh_buf_init(&q->keys, m);
}

void kh_query_free(kh_query *q)
{
    kh_mem_free(q->mem, q->clauses, q->capclauses * sizeof *q->clauses);
    kh_mem_free(q->mem, q->words, q->capwords * sizeof *q->words);
    kh_buf_free(&q->keys);
    q->clauses = NULL;
    q->words = NULL;
    q->nclauses = q->nwords = q->capclauses = q->capwords = 0;
}

static kh_status fail(kh_error *err, kh_status st, size_t off, const char *fmt, ...)
{
    err->status = st;
    err->offset = off;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return st;
}

/* Length of the space at s[i] (ASCII blank or U+00A0), or 0. */
static size_t space_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) return 2;
    return 0;
}

static int add_word(kh_query *q, const char *key, size_t len, uint32_t rel)
{
    if (kh_mem_grow(q->mem, (void **)&q->words, &q->capwords, q->nwords + 1, sizeof *q->words))
        return -1;
    q->words[q->nwords++] = (kh_qword){(uint32_t)q->keys.n, (uint32_t)len, rel};
    return kh_buf_put(&q->keys, key, len) || kh_buf_byte(&q->keys, 0);
}

static kh_status add_clause(kh_query *q, kh_error *err, kh_qkind kind, int neg, size_t start,
                            size_t end, size_t first)
{
    if (q->nclauses >= KH_QUERY_MAX_CLAUSES)
        return fail(err, KH_ELIMIT, start, "more than %d clauses", KH_QUERY_MAX_CLAUSES);
    if (kh_mem_grow(q->mem, (void **)&q->clauses, &q->capclauses, q->nclauses + 1,
                    sizeof *q->clauses))
        return fail(err, KH_ENOMEM, UINT64_MAX, "out of memory");
    q->clauses[q->nclauses++] = (kh_qclause){
        kind, neg, (uint32_t)start, (uint32_t)end, (uint32_t)first, (uint32_t)(q->nwords - first)};
    if (!neg && !kh_qkind_is_filter(kind)) q->npositive++;
    if (!neg && kind == KH_Q_ENTITY) q->nentity++;
    return KH_OK;
}

/* Analyzes text[start, end) and adds its keys as a term, phrase or prefix. */
static kh_status add_text(kh_query *q, kh_analyzer *a, const char *text, size_t start, size_t end,
                          int neg, int prefix, kh_error *err)
{
    const kh_analysis *an;
    kh_status s = kh_analyze(a, (const uint8_t *)text + start, end - start, &an);
    if (s) return fail(err, s, start, "%s", kh_strerror(s));
    size_t first = q->nwords, lead = 0;
    for (size_t i = 0; i < an->ntokens; i++) {
        const kh_token *t = &an->tokens[i];
        if (!t->key_len) continue;
        if (q->nwords == first) lead = i;
        if (add_word(q, t->key, t->key_len, (uint32_t)(i - lead)))
            return fail(err, KH_ENOMEM, UINT64_MAX, "out of memory");
    }
    size_t n = q->nwords - first;
    if (prefix) {
        if (n != 1) return fail(err, KH_ESYNTAX, start, "a prefix* must be a single word");
        const char *k = kh_qword_key(q, &q->words[first]);
        size_t cps = 0;
        for (size_t i = 0; i < q->words[first].key_len; i++)
            cps += ((unsigned char)k[i] & 0xC0) != 0x80;
        if (cps < 2) return fail(err, KH_ESYNTAX, start, "a prefix* needs at least 2 letters");
        return add_clause(q, err, KH_Q_PREFIX, neg, start, end + 1, first);
    }
    if (n == 0) return KH_OK; /* punctuation only: nothing to look for */
    return add_clause(q, err, n == 1 ? KH_Q_TERM : KH_Q_PHRASE, neg, start, end, first);
}

/* source:NAME or source:"NAME" at text[i] (after "source:"), or the same
** after "entity:" (kind). OUT: *next. */
static kh_status parse_source(kh_query *q, const char *text, size_t len, size_t start, size_t i,
                              int neg, size_t *next, kh_error *err, kh_qkind kind)
{
    const char *what = kind == KH_Q_ENTITY ? "entity" : "source";
    size_t b = i, e;
    if (i < len && text[i] == '"') {
        b = ++i;
        while (i < len && text[i] != '"')
            i++;
        if (i == len) return fail(err, KH_ESYNTAX, b - 1, "unclosed quote in %s:\"...\"", what);
        e = i++;
    } else {
        while (i < len && !space_at(text, len, i))
            i++;
        e = i;
    }
    if (e == b)
        return fail(err, KH_ESYNTAX, b, "%s: needs a name, as in %s", what,
                    kind == KH_Q_ENTITY ? "entity:الناتو" : "source:okaz");
    size_t first = q->nwords;
    if (add_word(q, text + b, e - b, 0)) return fail(err, KH_ENOMEM, UINT64_MAX, "out of memory");
    *next = i;
    return add_clause(q, err, kind, neg, start, i, first);
}

/* Rejects bytes no query should hold, before anything else looks at them. */
static kh_status check_bytes(const char *text, size_t len, kh_error *err)
{
    size_t off;
    if (!kh_utf8_valid((const uint8_t *)text, len, &off))
        return fail(err, KH_ESYNTAX, off, "invalid UTF-8 at byte %zu", off);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            return fail(err, KH_ESYNTAX, i, "control character 0x%02X at byte %zu", c, i);
    }
    return KH_OK;
}

/* Does s[i..) start with the keyword KW (7 ASCII bytes: "source:",
** "entity:"), in any case? */
static int is_kw(const char *s, size_t len, size_t i, const char *KW)
{
    if (len - i < 7) return 0;
    for (size_t k = 0; k < 7; k++) {
        char c = s[i + k];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != KW[k]) return 0;
    }
    return 1;
}

/* One clause starting at text[i]. OUT: *next, the byte after it. */
static kh_status parse_clause(kh_query *q, kh_analyzer *a, const char *text, size_t len, size_t i,
                              size_t *next, kh_error *err)
{
    size_t start = i;
    int neg = text[i] == '-';
    if (neg) {
        i++;
        if (i == len || space_at(text, len, i) || text[i] == '-')
            return fail(err, KH_ESYNTAX, start, "'-' must be followed by the word to exclude");
    }
    if (text[i] == '"') {
        size_t j = i + 1;
        while (j < len && text[j] != '"')
            j++;
        if (j == len)
            return fail(err, KH_ESYNTAX, i, "unclosed quote: a phrase needs a closing '\"'");
        if (j + 1 < len && text[j + 1] == '*')
            return fail(err, KH_ESYNTAX, j + 1, "'*' cannot follow a phrase");
        *next = j + 1;
        q->typed_positive += !neg;
        return add_text(q, a, text, i + 1, j, neg, 0, err);
    }
    if (is_kw(text, len, i, "source:"))
        return parse_source(q, text, len, start, i + 7, neg, next, err, KH_Q_SOURCE);
    if (is_kw(text, len, i, "entity:"))
        return parse_source(q, text, len, start, i + 7, neg, next, err, KH_Q_ENTITY);
    q->typed_positive += !neg;
    size_t j = i;
    while (j < len && !space_at(text, len, j) && text[j] != '"')
        j++;
    *next = j;
    for (size_t k = i; k < j; k++)
        if (text[k] == '*' && (k + 1 != j || k == i))
            return fail(err, KH_ESYNTAX, k, "'*' can only end a word, as in prefix*");
    int prefix = text[j - 1] == '*';
    return add_text(q, a, text, i, prefix ? j - 1 : j, neg, prefix, err);
}

kh_status kh_query_parse(kh_query *q, kh_analyzer *a, const char *text, size_t len, kh_error *err)
{
    if (len > KH_QUERY_MAX_BYTES)
        return fail(err, KH_ELIMIT, KH_QUERY_MAX_BYTES, "query longer than %d bytes",
                    KH_QUERY_MAX_BYTES);
    kh_status s = check_bytes(text, len, err);
    size_t i = 0, typed = 0;
    while (!s) {
        size_t sp;
        while (i < len && (sp = space_at(text, len, i)))
            i += sp;
        if (i == len) break;
        typed++;
        s = parse_clause(q, a, text, len, i, &i, err);
    }
    if (s) return s;
    if (typed == 0) return fail(err, KH_ESYNTAX, 0, "empty query");
    if (q->typed_positive == 0 && q->nentity == 0)
        return fail(err, KH_ESYNTAX, 0,
                    "a query needs a word or an entity: to search for, not only exclusions or "
                    "source:");
    return KH_OK;
}
