/*
** fuzz_extract.c - libFuzzer target for kh_extract, the extractor's input
** surface (lines, quotation marks of every shape, verbs of saying, names,
** dates, numbers over arbitrary bytes).
**
** Each input is extracted twice on one long-lived handle, once as an
** article with a headline and once as a body (KH_XF_NO_TITLE, with an
** article date so relative dates resolve), and must satisfy:
**   - every span is empty-or-ordered and inside the input;
**   - a direct quote's text lies within its marks; a reported statement's
**     marks equal its text; quotes are in order of text start;
**   - speaker, mention, cue, member, source, date and number spans are valid;
**   - unpaired mark offsets are inside the input;
**   - a second extraction on the same handle gives the same result;
**   - after kh_extract_entities with the built-in recognizer's entities the
**     article still holds all of the above (and no new quote).
** Any violation prints what broke and abort()s.
*/
#include "khabar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what)
{
    fprintf(stderr, "fuzz_extract: %s\n", what);
    abort();
}

static void check_span(kh_span s, size_t size, int may_be_none, const char *what)
{
    if (s.start == KH_NONE && s.end == KH_NONE) {
        if (!may_be_none) die(what);
        return;
    }
    if (s.start > s.end || s.end > size) die(what);
}

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211u;
    return h;
}

static uint64_t check_doc(const kh_article *d, size_t size)
{
    uint64_t h = 14695981039346656037u;
    check_span(d->title, size, 1, "title");
    check_span(d->dateline.span, size, 1, "dateline");
    check_span(d->dateline.place, size, 1, "dateline place");
    check_span(d->dateline.agency, size, 1, "dateline agency");
    for (size_t i = 0; i < d->nsubheadings; i++)
        check_span(d->subheadings[i], size, 0, "subheading");
    for (size_t i = 0; i < d->nboilerplate; i++)
        check_span(d->boilerplate[i], size, 0, "boilerplate");
    uint32_t prev = 0;
    for (size_t i = 0; i < d->nquotes; i++) {
        const kh_quote *q = &d->quotes[i];
        check_span(q->text, size, 0, "quote text");
        check_span(q->marks, size, 0, "quote marks");
        check_span(q->speaker, size, 1, "speaker");
        check_span(q->mention, size, 1, "mention");
        check_span(q->cue, size, 1, "cue");
        check_span(q->members[0], size, 1, "member");
        check_span(q->members[1], size, 1, "member");
        if (q->kind != KH_QUOTE_DIRECT && q->kind != KH_QUOTE_REPORTED) die("quote kind");
        if (q->marks.start > q->text.start || q->marks.end < q->text.end)
            die("quote text outside its marks");
        if (q->kind == KH_QUOTE_REPORTED &&
            (q->marks.start != q->text.start || q->marks.end != q->text.end))
            die("reported marks differ from text");
        if (q->text.start < prev) die("quotes out of order");
        if (!(q->confidence >= 0.0f && q->confidence <= 1.0f)) die("confidence out of range");
        prev = q->text.start;
        h = mix(h, q, offsetof(kh_quote, confidence));
    }
    for (size_t i = 0; i < d->nsources; i++) {
        check_span(d->sources[i].name, size, 0, "source name");
        check_span(d->sources[i].cue, size, 0, "source cue");
        h = mix(h, &d->sources[i], sizeof d->sources[i]);
    }
    for (size_t i = 0; i < d->ndates; i++) {
        check_span(d->dates[i].span, size, 0, "date");
        h = mix(h, &d->dates[i], sizeof d->dates[i]);
    }
    for (size_t i = 0; i < d->nnumbers; i++) {
        check_span(d->numbers[i].span, size, 0, "number");
        h = mix(h, &d->numbers[i].span, sizeof d->numbers[i].span);
    }
    for (size_t i = 0; i < d->nunpaired; i++)
        if (d->unpaired[i] >= size) die("unpaired mark outside the input");
    h = mix(h, &d->title, sizeof d->title);
    h = mix(h, &d->dateline, sizeof d->dateline);
    return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static kh_extractor *x; /* one handle for the run, as a long-lived indexer keeps it */
    static kh_ner *ner;     /* the built-in recognizer, when the library has one */
    if (!x && kh_extractor_new(NULL, &x) != KH_OK) die("kh_extractor_new failed");
    if (!ner && kh_ner_has_builtin() && kh_ner_new(NULL, &ner, NULL) != KH_OK)
        die("kh_ner_new failed");
    static const kh_extract_opts body = {KH_XF_NO_TITLE, 2024, 2, 29};
    const kh_extract_opts *opts[2] = {NULL, &body};
    for (int k = 0; k < 2; k++) {
        const kh_article *d = NULL;
        if (kh_extract(x, data, size, opts[k], &d) != KH_OK || !d) die("kh_extract failed");
        uint64_t h = check_doc(d, size);
        if (kh_extract(x, data, size, opts[k], &d) != KH_OK || check_doc(d, size) != h)
            die("a second extraction on the same handle differs");
        /* the recognizer's entities complete the speakers in place: the
        ** article must stay as valid as before */
        const kh_ner_result *nr = NULL;
        if (ner && kh_ner_tag(ner, data, size, d->analysis, NULL, 0, &nr) != KH_OK)
            die("kh_ner_tag failed");
        if (nr) {
            size_t n = d->nquotes;
            kh_extract_entities(x, nr);
            check_doc(d, size);
            if (d->nquotes > n) die("entities added quotes");
        }
    }
    return 0;
}
