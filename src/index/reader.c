/*
** reader.c - kh_reader: turns input files into kh_doc records.
**
** Formats (khabar.h, kh_format): plain text, JSON Lines, JSON arrays (or
** objects one after another), TREC-style <DOC> files, HTML pages. Field
** values point into the input wherever they can (a JSON string without
** escapes, a TREC element's text); decoded strings and HTML text live in the
** reader's buffers until the next call.
**
** A bad record never stops the input: the reader reports it (KH_ESYNTAX,
** the reason, the record's byte offset) and resumes after it - at the next
** line for JSON Lines, after the record's brackets for JSON, at the next
** <DOC> for TREC. Only input that cannot be resynchronized ends early.
*/
#include "base/mem.h"
#include "index/html.h"
#include "text/json.h"

#include <stdarg.h>
#include <stdio.h>

enum { F_ID, F_TITLE, F_BODY, F_SOURCE, F_URL, F_DATE, F_COUNT };

static const char *const DEFAULT_NAMES[F_COUNT] = {
    "id,docid,url", "title,headline", "body,content,text",
    "source,site",  "url,link",       "date,published,date_extracted,time"};

struct kh_reader {
    kh_mem mem;
    kh_error err;
    char *names[F_COUNT];
    const uint8_t *buf;
    size_t len, pos;
    kh_format fmt;
    int done, started;
    uint32_t flags; /* KH_READER_* */
    kh_buf name;
    kh_json_scratch sc;
    kh_html_text html;
    kh_doc doc;
};

static void *sc_grow(void *ctx, void *p, size_t ocap, size_t ncap)
{
    return kh_mem_realloc(ctx, p, ocap, ncap);
}

kh_status kh_reader_new(const kh_reader_opts *opts, kh_reader **out)
{
    if (!out) return KH_EINVAL;
    *out = NULL;
    kh_mem mem = {opts && opts->alloc ? opts->alloc : kh_mem_libc,
                  opts && opts->alloc ? opts->alloc_ud : NULL};
    kh_reader *r = kh_mem_alloc(&mem, sizeof *r);
    if (!r) return KH_ENOMEM;
    memset(r, 0, sizeof *r);
    r->mem = mem;
    kh_buf_init(&r->name, &r->mem);
    r->sc.grow = sc_grow;
    r->sc.ctx = &r->mem;
    kh_html_init(&r->html, &r->mem);
    const char *given[F_COUNT] = {0};
    if (opts) {
        r->flags = opts->flags;
        given[F_ID] = opts->id, given[F_TITLE] = opts->title, given[F_BODY] = opts->body;
        given[F_SOURCE] = opts->source, given[F_URL] = opts->url, given[F_DATE] = opts->date;
    }
    for (int i = 0; i < F_COUNT; i++) {
        const char *s = given[i] ? given[i] : DEFAULT_NAMES[i];
        size_t n = strlen(s) + 1;
        if (!(r->names[i] = kh_mem_alloc(&r->mem, n))) {
            kh_reader_free(r);
            return KH_ENOMEM;
        }
        memcpy(r->names[i], s, n);
    }
    *out = r;
    return KH_OK;
}

void kh_reader_free(kh_reader *r)
{
    if (!r) return;
    for (int i = 0; i < F_COUNT; i++)
        if (r->names[i]) kh_mem_free(&r->mem, r->names[i], strlen(r->names[i]) + 1);
    kh_buf_free(&r->name);
    kh_mem_free(&r->mem, r->sc.p, r->sc.cap);
    kh_html_free(&r->html);
    kh_mem mem = r->mem;
    kh_mem_free(&mem, r, sizeof *r);
}

const kh_error *kh_reader_error(const kh_reader *r)
{
    return r ? &r->err : NULL;
}

static kh_status bad(kh_reader *r, kh_status st, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static kh_status bad(kh_reader *r, kh_status st, size_t off, const char *fmt, ...)
{
    r->err.status = st;
    r->err.offset = off;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err.message, sizeof r->err.message, fmt, ap);
    va_end(ap);
    return st;
}

/* ---- format detection -------------------------------------------------------- */

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    if (n < m) return 0;
    for (size_t i = 0; i < m; i++) {
        char c = s[n - m + i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != suf[i]) return 0;
    }
    return 1;
}

static int starts_nocase(const uint8_t *s, size_t len, const char *w)
{
    size_t n = strlen(w);
    if (len < n) return 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (c >= 'A' && c <= 'Z') c = (uint8_t)(c - 'A' + 'a');
        if (c != (uint8_t)w[i]) return 0;
    }
    return 1;
}

static kh_format sniff(const uint8_t *s, size_t len, const char *name)
{
    if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson")) return KH_FMT_JSONL;
    if (ends_with(name, ".json")) return KH_FMT_JSON;
    if (ends_with(name, ".html") || ends_with(name, ".htm") || ends_with(name, ".xhtml"))
        return KH_FMT_HTML;
    size_t i = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) i = 3;
    kh_json_ws(s, len, &i);
    if (starts_nocase(s + i, len - i, "<doc>")) return KH_FMT_TREC;
    if (starts_nocase(s + i, len - i, "<!doctype html") || starts_nocase(s + i, len - i, "<html"))
        return KH_FMT_HTML;
    if (!ends_with(name, ".txt") && i < len && s[i] == '[') return KH_FMT_JSON;
    if (!ends_with(name, ".txt") && i < len && s[i] == '{') return KH_FMT_JSONL;
    return KH_FMT_TEXT;
}

kh_status kh_reader_start(kh_reader *r, const uint8_t *buf, size_t len, const char *name,
                          kh_format fmt, kh_format *fmt_out)
{
    if (!r || (!buf && len) || !name || fmt > KH_FMT_HTML) return KH_EINVAL;
    r->err = (kh_error){KH_OK, UINT64_MAX, ""};
    r->buf = buf ? buf : (const uint8_t *)"";
    r->len = len;
    r->pos = 0;
    r->done = r->started = 0;
    r->name.n = 0;
    if (kh_buf_put(&r->name, name, strlen(name) + 1)) return bad(r, KH_ENOMEM, 0, "out of memory");
    r->fmt = fmt == KH_FMT_AUTO ? sniff(r->buf, len, name) : fmt;
    if (fmt_out) *fmt_out = r->fmt;
    return KH_OK;
}

/* ---- records ----------------------------------------------------------------------- */

static kh_text text_of(const uint8_t *p, size_t n)
{
    return (kh_text){(const char *)p, n};
}

static kh_status check_id(kh_reader *r, size_t off)
{
    if (!r->doc.id.len) {
        if (r->flags & KH_READER_ID_OPTIONAL) return KH_OK;
        return bad(r, KH_ESYNTAX, off, "no id (looked for: %s)", r->names[F_ID]);
    }
    size_t bad_at;
    if (!kh_utf8_valid((const uint8_t *)r->doc.id.ptr, r->doc.id.len, &bad_at))
        return bad(r, KH_EUTF8, off, "the id is not valid UTF-8");
    return KH_OK;
}

/* One JSON object at r->pos into r->doc. */
static kh_status json_record(kh_reader *r, size_t start)
{
    kh_json_field f[F_COUNT];
    for (int i = 0; i < F_COUNT; i++)
        f[i].names = r->names[i];
    r->sc.n = 0;
    const char *why;
    size_t at, pos = start;
    if (kh_json_object(r->buf, r->len, &pos, f, F_COUNT, &r->sc, &why, &at))
        return bad(r, KH_ESYNTAX, at, "%s", why);
    kh_json_fix(f, F_COUNT, &r->sc);
    r->pos = pos;
    kh_text *out[F_COUNT] = {&r->doc.id,     &r->doc.title, &r->doc.body,
                             &r->doc.source, &r->doc.url,   &r->doc.date};
    for (int i = 0; i < F_COUNT; i++)
        *out[i] = f[i].rank >= 0 ? text_of(f[i].ptr, f[i].len) : (kh_text){"", 0};
    r->doc.start = start;
    r->doc.end = pos;
    return check_id(r, start);
}

static kh_status next_jsonl(kh_reader *r)
{
    for (;;) {
        size_t b = r->pos;
        while (b < r->len &&
               (r->buf[b] == ' ' || r->buf[b] == '\t' || r->buf[b] == '\r' || r->buf[b] == '\n'))
            b++;
        if (b >= r->len) {
            r->done = 1;
            return KH_OK;
        }
        const uint8_t *nl = memchr(r->buf + b, '\n', r->len - b);
        size_t eol = nl ? (size_t)(nl - r->buf) : r->len;
        size_t line_len = eol;
        kh_status s = KH_OK;
        /* parse within the line only: a JSON Lines record never spans lines */
        size_t save = r->len;
        r->len = line_len;
        s = json_record(r, b);
        size_t after = r->pos;
        r->len = save;
        if (!s) {
            size_t i = after;
            kh_json_ws(r->buf, eol, &i);
            if (i < eol) s = bad(r, KH_ESYNTAX, i, "text after the object on its line");
        }
        r->pos = eol < r->len ? eol + 1 : r->len;
        if (s) r->err.offset = r->err.offset < b ? b : r->err.offset;
        if (!s) r->doc.end = eol;
        return s;
    }
}

static kh_status next_json(kh_reader *r)
{
    size_t i = r->pos;
    if (!r->started) {
        r->started = 1;
        if (r->len >= 3 && r->buf[0] == 0xEF && r->buf[1] == 0xBB && r->buf[2] == 0xBF) i = 3;
        kh_json_ws(r->buf, r->len, &i);
        if (i < r->len && r->buf[i] == '[') {
            r->started = 2; /* inside an array */
            i++;
        }
    }
    kh_json_ws(r->buf, r->len, &i);
    if (r->started == 2) {
        if (i < r->len && r->buf[i] == ',') i++, kh_json_ws(r->buf, r->len, &i);
        if (i < r->len && r->buf[i] == ']') {
            r->done = 1;
            return KH_OK;
        }
    }
    if (i >= r->len) {
        r->done = 1;
        return r->started == 2 ? bad(r, KH_ESYNTAX, i, "unterminated array: no ']'") : KH_OK;
    }
    kh_status s = json_record(r, i);
    if (s) {
        size_t j = i;
        if (kh_json_skip_loose(r->buf, r->len, &j)) {
            r->done = 1; /* nothing to resynchronize on */
        }
        r->pos = j;
        return s;
    }
    size_t k = r->pos;
    kh_json_ws(r->buf, r->len, &k);
    if (r->started == 2 && k < r->len && r->buf[k] != ',' && r->buf[k] != ']') {
        r->done = 1;
        return bad(r, KH_ESYNTAX, k, "expected ',' or ']' after an array element");
    }
    return KH_OK;
}

static kh_status next_text(kh_reader *r)
{
    r->done = 1;
    const uint8_t *s = r->buf;
    size_t n = r->len, b = 0;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) b = 3;
    const uint8_t *nl = memchr(s + b, '\n', n - b);
    size_t te = nl ? (size_t)(nl - s) : n;
    size_t tl = te;
    if (tl > b && s[tl - 1] == '\r') tl--;
    r->doc = (kh_doc){0};
    r->doc.id = text_of(r->name.p, r->name.n - 1);
    r->doc.title = text_of(s + b, tl - b);
    r->doc.body = nl ? text_of(s + te + 1, n - te - 1) : (kh_text){"", 0};
    r->doc.start = 0;
    r->doc.end = n;
    size_t k = 0;
    kh_json_ws(s, n, &k);
    if (k == n) return bad(r, KH_ESYNTAX, 0, "empty document");
    return check_id(r, 0);
}

/* Finds needle in s[from, to). */
static size_t find(const uint8_t *s, size_t from, size_t to, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = from; i + n <= to; i++) {
        const uint8_t *p = memchr(s + i, needle[0], to - i - n + 1);
        if (!p) return SIZE_MAX;
        i = (size_t)(p - s);
        if (!memcmp(p, needle, n)) return i;
    }
    return SIZE_MAX;
}

/* The trimmed text of <TAG>...</TAG> inside [from, to), or empty. */
static kh_text trec_field(const uint8_t *s, size_t from, size_t to, const char *tag)
{
    char open[32], close[32];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    size_t a = find(s, from, to, open);
    if (a == SIZE_MAX) return (kh_text){"", 0};
    a += strlen(open);
    size_t b = find(s, a, to, close);
    if (b == SIZE_MAX) return (kh_text){"", 0};
    while (a < b && (s[a] == ' ' || s[a] == '\n' || s[a] == '\r' || s[a] == '\t'))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n' || s[b - 1] == '\r' || s[b - 1] == '\t'))
        b--;
    return text_of(s + a, b - a);
}

static kh_status next_trec(kh_reader *r)
{
    size_t a = find(r->buf, r->pos, r->len, "<DOC>");
    if (a == SIZE_MAX) {
        r->done = 1;
        return KH_OK;
    }
    size_t b = find(r->buf, a + 5, r->len, "</DOC>");
    size_t nexta = find(r->buf, a + 5, r->len, "<DOC>");
    if (b == SIZE_MAX || (nexta != SIZE_MAX && nexta < b)) {
        r->pos = nexta == SIZE_MAX ? r->len : nexta;
        return bad(r, KH_ESYNTAX, a, "<DOC> without </DOC>");
    }
    r->pos = b + 6;
    const uint8_t *s = r->buf;
    r->doc = (kh_doc){0};
    r->doc.id = trec_field(s, a, b, "DOCNO");
    r->doc.title = trec_field(s, a, b, "TITLE");
    if (!r->doc.title.len) r->doc.title = trec_field(s, a, b, "HEADLINE");
    r->doc.body = trec_field(s, a, b, "TEXT");
    if (!r->doc.body.len) /* some collections put the lead there only */
        r->doc.body = trec_field(s, a, b, "ABSTRACT");
    r->doc.source = trec_field(s, a, b, "SRC");
    r->doc.url = trec_field(s, a, b, "URL");
    r->doc.date = trec_field(s, a, b, "TIME");
    if (!r->doc.date.len) r->doc.date = trec_field(s, a, b, "DATE");
    r->doc.start = a;
    r->doc.end = b + 6;
    if (!r->doc.id.len) return bad(r, KH_ESYNTAX, a, "no <DOCNO> in this <DOC>");
    return check_id(r, a);
}

static kh_status next_html(kh_reader *r)
{
    r->done = 1;
    if (kh_html_extract(&r->html, r->buf, r->len)) return bad(r, KH_ENOMEM, 0, "out of memory");
    r->doc = (kh_doc){0};
    r->doc.id = text_of(r->name.p, r->name.n - 1);
    r->doc.title = text_of(r->html.title.p, r->html.title.n);
    r->doc.body = text_of(r->html.body.p, r->html.body.n);
    r->doc.source = text_of(r->html.site.p, r->html.site.n);
    r->doc.url = text_of(r->html.url.p, r->html.url.n);
    r->doc.date = text_of(r->html.date.p, r->html.date.n);
    r->doc.start = 0;
    r->doc.end = r->len;
    if (!r->doc.body.len && !r->doc.title.len)
        return bad(r, KH_ESYNTAX, 0, "no text found in the page");
    return check_id(r, 0);
}

kh_status kh_reader_next(kh_reader *r, const kh_doc **out)
{
    if (!r || !out) return KH_EINVAL;
    *out = NULL;
    r->err = (kh_error){KH_OK, UINT64_MAX, ""};
    if (r->done || !r->buf) return KH_OK;
    kh_status s;
    switch (r->fmt) {
    case KH_FMT_JSONL:
        s = next_jsonl(r);
        break;
    case KH_FMT_JSON:
        s = next_json(r);
        break;
    case KH_FMT_TREC:
        s = next_trec(r);
        break;
    case KH_FMT_HTML:
        s = next_html(r);
        break;
    default:
        s = next_text(r);
        break;
    }
    int have = !s && (!r->done || r->fmt == KH_FMT_TEXT || r->fmt == KH_FMT_HTML);
    if (have) {
        /* a field that is absent is "", never NULL */
        kh_text *f[] = {&r->doc.id,     &r->doc.title, &r->doc.body,
                        &r->doc.source, &r->doc.url,   &r->doc.date};
        for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
            if (!f[i]->ptr) *f[i] = (kh_text){"", 0};
        *out = &r->doc;
    }
    return s;
}
