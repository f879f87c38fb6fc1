/*
** conll.c - reading CoNLL-style token files for `khabar ner --conll` and
** `khabar train-ner` (see cli.h).
**
** Input: one token per line, its text in the first column; columns are
** separated by TABs, or, on a line without a TAB, by spaces (CoNLL-2003
** and ANERcorp write "token tag"). A line holding only whitespace ends a
** sentence; a "-DOCSTART-" line too, and is skipped: it starts a new
** document, which khabar ner tags on its own (the recognizer's
** document-wide steps stay inside one article). A UTF-8 BOM at the
** start and CRs before line feeds are ignored. The tag, when asked for, is
** the last column.
**
** Output: the tokens laid out as text the analyzer can read - the words of
** a sentence separated by one space, sentences by a line feed - with each
** token's byte span in that text, so that tags come back per input token
** whatever the analyzer does inside a token ("(د" is two analyzer tokens
** and one word).
*/
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static int is_space(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

void cli_conll_free(cli_conll *c)
{
    free(c->text);
    free(c->words);
    free(c->tags);
    free(c->docs);
    memset(c, 0, sizeof *c);
}

/* Grows *p (elem-sized items, *cap of them) to hold need; 0 or -1. */
static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap : 256;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elem) return -1;
        nc *= 2;
    }
    void *np = realloc(*p, nc * elem);
    if (!np) return -1;
    *p = np;
    *cap = nc;
    return 0;
}

int cli_conll_parse(const uint8_t *s, size_t len, int want_tags, cli_conll *c, char *err,
                    size_t errcap)
{
    memset(c, 0, sizeof *c);
    size_t captext = 0, capw = 0, capt = 0, capd = 0;
    size_t i = 0, line = 0;
    int sentence_open = 0, doc_open = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) i = 3;
    while (i < len) {
        const uint8_t *nl = memchr(s + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - s) : len, b = i;
        i = nl ? e + 1 : len;
        line++;
        while (e > b && s[e - 1] == '\r')
            e--;
        size_t k = b;
        while (k < e && is_space(s[k]))
            k++;
        if (k == e || (e - b >= 10 && !memcmp(s + b, "-DOCSTART-", 10))) {
            sentence_open = 0;
            if (k != e) doc_open = 0;
            continue;
        }
        /* first column and last column */
        int tabbed = memchr(s + b, '\t', e - b) != NULL;
        size_t te = b;
        if (tabbed)
            while (te < e && s[te] != '\t')
                te++;
        else {
            te = k;
            while (te < e && !is_space(s[te]))
                te++;
        }
        size_t tb = tabbed ? b : k; /* a TAB-separated token keeps its spaces... */
        while (tb < te && is_space(s[tb]))
            tb++; /* ...except at its edges */
        size_t tend = te;
        while (tend > tb && is_space(s[tend - 1]))
            tend--;
        /* the last column: after the line's last separator, trimmed */
        size_t le = e;
        while (le > te && is_space(s[le - 1]))
            le--;
        size_t lb = le;
        while (lb > te && (tabbed ? s[lb - 1] != '\t' : !is_space(s[lb - 1])))
            lb--;
        while (lb < le && is_space(s[lb]))
            lb++;
        int tag = 0;
        if (want_tags) {
            if (lb >= le || lb < te) {
                snprintf(err, errcap, "line %zu: no tag column", line);
                goto fail;
            }
            tag = kh_ner_tag_parse((const char *)s + lb, le - lb);
            if (tag < 0) {
                snprintf(err, errcap, "line %zu: unknown tag '%.*s'", line,
                         (int)(le - lb > 40 ? 40 : le - lb), (const char *)s + lb);
                goto fail;
            }
        }
        /* append the token to the text: a space before it inside a sentence,
        ** a line feed before a new sentence */
        size_t tl = tend - tb;
        if (c->len + tl + 2 >= UINT32_MAX) {
            snprintf(err, errcap, "line %zu: input exceeds 4 GiB", line);
            goto fail;
        }
        if (grow((void **)&c->text, &captext, c->len + tl + 2, 1) ||
            grow((void **)&c->words, &capw, c->nwords + 1, sizeof *c->words) ||
            grow((void **)&c->tags, &capt, c->nwords + 1, 1) ||
            grow((void **)&c->docs, &capd, c->ndocs + 1, sizeof *c->docs)) {
            snprintf(err, errcap, "out of memory");
            goto fail;
        }
        if (c->nwords) c->text[c->len++] = sentence_open ? ' ' : '\n';
        kh_word *w = &c->words[c->nwords];
        w->start = (uint32_t)c->len;
        memcpy(c->text + c->len, s + tb, tl);
        c->len += tl;
        w->end = (uint32_t)c->len;
        w->flags = sentence_open ? 0 : KH_WORD_SENTENCE_START;
        c->tags[c->nwords] = (uint8_t)tag;
        if (!doc_open) c->docs[c->ndocs++] = c->nwords;
        c->nwords++;
        sentence_open = doc_open = 1;
    }
    return 0;
fail:
    cli_conll_free(c);
    return -1;
}

int cli_conll_doc(const cli_conll *c, size_t d, const uint8_t **text, size_t *len, kh_word **w,
                  size_t *cap, size_t *n)
{
    size_t first = c->docs[d], end = d + 1 < c->ndocs ? c->docs[d + 1] : c->nwords;
    *n = end - first;
    if (grow((void **)w, cap, *n ? *n : 1, sizeof **w)) return -1;
    uint32_t base = c->words[first].start;
    for (size_t i = 0; i < *n; i++) {
        (*w)[i] = c->words[first + i];
        (*w)[i].start -= base;
        (*w)[i].end -= base;
    }
    *text = c->text + base;
    *len = c->words[end - 1].end - base;
    return 0;
}
