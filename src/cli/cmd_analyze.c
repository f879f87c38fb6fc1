/*
** cmd_analyze.c - `khabar analyze`: who said what, per document.
**
** Reads plain text files (one article each, headline on the first line) or
** JSON lines (one record per line, the body in "body" or "content"), runs
** kh_extract() and prints one JSON object per document, or a report for
** people with quotes grouped under their speakers.
**
** Offsets are bytes of the document text khabar read: the file for plain
** text, the decoded body string for JSON lines (each object says which, in
** "offsets"). JSON lines in, JSON lines out, in the same order, so the
** command works as a streaming filter under batch engines.
*/
#include "cli.h"

#include "khabar.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void help(FILE *f)
{
    fputs("usage: khabar analyze [OPTIONS] [FILE...|-]\n"
          "\n"
          "Reads Arabic news articles and prints, per article, its structure and who\n"
          "said what: headline, subheadings, boilerplate lines, the dateline (place and\n"
          "agency), sentences, direct quotations and reported statements (\"قال إن ...\")\n"
          "with their speakers, source attributions (بحسب رويترز), dates and numbers.\n"
          "\n"
          "  speaker   the speaker's fullest name in the article: a quote after\n"
          "            'وقال لافروف' gets 'سيرغي لافروف' if the article names him so\n"
          "            anywhere; quotes whose subject is dropped ('وأضاف: ...') take the\n"
          "            previous statement's speaker (\"carried\": true); the entity\n"
          "            recognizer's person names complete it (هيليل نوير for نوير)\n"
          "  speaker_canonical  the entity's canonical name (one per entity, across\n"
          "            spellings and aliases: الناتو gives حلف شمال الأطلسي, وانج gives\n"
          "            وانغ يي when the article names him so); the speaker's text if no\n"
          "            entity matches\n"
          "  entities  every named entity (PER, ORG, LOC, MISC) with its canonical name\n"
          "  offsets   byte offsets [start, end) into the document text: the file for\n"
          "            --input txt, the decoded body string for --input jsonl, the\n"
          "            page's main text for --input html (given as \"body\")\n"
          "\n"
          "options:\n"
          "  --input txt|jsonl|html  txt (default): each FILE is one article, headline on\n"
          "                 its first line. jsonl: one JSON object per line with the body\n"
          "                 in \"body\" or \"content\" and optional \"title\", \"id\", \"date\"\n"
          "                 (YYYY-MM-DD..., resolves اليوم / الشهر الماضي); one output line\n"
          "                 per input line. html: each FILE is a web page; its title,\n"
          "                 date and main text are read as khabar index reads them\n"
          "  --format json|text  json (default): one object per line with the fields\n"
          "                 title, subheadings, boilerplate, dateline, sentences, quotes,\n"
          "                 sources, dates, numbers, entities.\n"
          "                 text: a report for reading, quotes grouped under speakers\n"
          "  --date YYYY-MM-DD  the article date for plain text input\n"
          "  --no-title     plain text input has no headline line\n"
          "  --no-entities  skip the entity recognizer (about 10x faster): entities\n"
          "                 stay empty, speakers are the rules' alone and\n"
          "                 speaker_canonical is only the alias table's\n"
          "  --strict       invalid UTF-8 is an error (default: replaced)\n"
          "  -h, --help     this help\n"
          "\n"
          "examples:\n"
          "  khabar analyze article.txt\n"
          "  khabar analyze --format text article.txt\n"
          "  jq -c '.[]' saudinewsnet/2015-07-21.json | khabar analyze --input jsonl\n"
          "  parallel --pipe -N1000 khabar analyze --input jsonl < articles.jsonl > out.jsonl\n",
          f);
}

enum { IN_TXT, IN_JSONL, IN_HTML };

typedef struct an_opts {
    int input; /* IN_TXT, IN_JSONL, IN_HTML */
    int text, strict, no_title, no_entities;
    int year, month, day;
} an_opts;

/* ---- input records ----------------------------------------------------------------- */

/* The fields of one JSON Lines record or HTML page, borrowed from the
** reader until its next call. */
typedef struct jrec {
    const char *body, *title, *id, *date;
    size_t body_len, title_len, id_len, date_len;
} jrec;

static void jrec_of(const kh_doc *d, jrec *r)
{
    *r = (jrec){d->body.ptr,
                d->title.len ? d->title.ptr : NULL,
                d->id.len ? d->id.ptr : NULL,
                d->date.len ? d->date.ptr : NULL,
                d->body.len,
                d->title.len,
                d->id.len,
                d->date.len};
}

/* YYYY-MM-DD at the start of s. */
static void parse_date(const char *s, size_t n, int *y, int *m, int *d)
{
    *y = *m = *d = 0;
    if (n < 10 || s[4] != '-' || s[7] != '-') return;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return;
    *y = atoi(s);
    *m = atoi(s + 5);
    *d = atoi(s + 8);
}

/* ---- JSON output ------------------------------------------------------------------- */

/* With a JSON record's title, khabar reads "title\nbody" so that names in
** the headline count, and prints offsets into the body: base is the
** title's length plus one, and what lies in the title is left out. */
static int in_body(kh_span sp, uint32_t base)
{
    return sp.start != KH_NONE && sp.start >= base;
}

static void span_obj(FILE *f, const uint8_t *s, kh_span sp, uint32_t base)
{
    if (!in_body(sp, base)) {
        fputs("null", f);
        return;
    }
    fputs("{\"text\":", f);
    cli_json_str(f, s + sp.start, sp.end - sp.start);
    fprintf(f, ",\"start\":%u,\"end\":%u}", sp.start - base, sp.end - base);
}

static void span_list(FILE *f, const uint8_t *s, const kh_span *a, size_t n, uint32_t base)
{
    putc('[', f);
    int first = 1;
    for (size_t i = 0; i < n; i++) {
        if (!in_body(a[i], base)) continue;
        if (!first) putc(',', f);
        first = 0;
        span_obj(f, s, a[i], base);
    }
    putc(']', f);
}

static void opt_int(FILE *f, const char *name, int32_t v)
{
    if (v)
        fprintf(f, ",\"%s\":%d", name, v);
    else
        fprintf(f, ",\"%s\":null", name);
}

/* A speaker's name as a JSON string: a hashtag in it (#سعد_الحريري، وزارة
** #الخارجية_التركية) is written as the words it stands for, without # and
** with spaces for _. */
static void name_str(FILE *f, const uint8_t *s, size_t n)
{
    if (!memchr(s, '#', n)) {
        cli_json_str(f, s, n);
        return;
    }
    uint8_t buf[512];
    size_t m = 0;
    for (size_t i = 0; i < n && m < sizeof buf; i++) {
        if (s[i] == '#') continue;
        buf[m++] = s[i] == '_' ? ' ' : s[i];
    }
    cli_json_str(f, buf, m);
}

/* The canonical name of a quote's speaker: the entity it names, or the
** speaker's own text when no entity matches (a speaker the recognizer did
** not tag is still a speaker). OUT: *n. NULL if the quote has no speaker. */
static const uint8_t *speaker_canonical(const uint8_t *s, size_t len, const kh_quote *q,
                                        const kh_ner_result *nr, size_t *n)
{
    if (q->speaker.start == KH_NONE) return NULL;
    const char *c = kh_ner_canonical(nr, s, len, q->speaker.start, q->speaker.end, NULL);
    if (c) {
        *n = strlen(c);
        return (const uint8_t *)c;
    }
    *n = q->speaker.end - q->speaker.start;
    return s + q->speaker.start;
}

static void quote_json(FILE *f, const uint8_t *s, size_t len, const kh_quote *q, uint32_t base,
                       const kh_ner_result *nr)
{
    fprintf(f, "{\"kind\":\"%s\",\"text\":", q->kind == KH_QUOTE_DIRECT ? "direct" : "reported");
    cli_json_str(f, s + q->text.start, q->text.end - q->text.start);
    fprintf(f, ",\"start\":%u,\"end\":%u", q->text.start - base, q->text.end - base);
    if (q->kind == KH_QUOTE_DIRECT)
        fprintf(f, ",\"mark_start\":%u,\"mark_end\":%u", q->marks.start - base,
                q->marks.end - base);
    fputs(",\"speaker\":", f);
    if (q->speaker.start != KH_NONE)
        name_str(f, s + q->speaker.start, q->speaker.end - q->speaker.start);
    else
        fputs("null", f);
    size_t cn;
    const uint8_t *cs = speaker_canonical(s, len, q, nr, &cn);
    fputs(",\"speaker_canonical\":", f);
    if (cs)
        name_str(f, cs, cn);
    else
        fputs("null", f);
    if (in_body(q->mention, base))
        fprintf(f, ",\"speaker_start\":%u,\"speaker_end\":%u", q->mention.start - base,
                q->mention.end - base);
    else
        fputs(",\"speaker_start\":null,\"speaker_end\":null", f);
    if (q->members[0].start != KH_NONE) {
        fputs(",\"speaker_members\":[", f);
        for (int k = 0; k < 2 && q->members[k].start != KH_NONE; k++) {
            if (k) putc(',', f);
            cli_json_str(f, s + q->members[k].start, q->members[k].end - q->members[k].start);
        }
        putc(']', f);
    }
    fputs(",\"cue\":", f);
    if (in_body(q->cue, base)) {
        cli_json_str(f, s + q->cue.start, q->cue.end - q->cue.start);
        fprintf(f, ",\"cue_start\":%u,\"cue_end\":%u", q->cue.start - base, q->cue.end - base);
    } else {
        fputs("null", f);
    }
    fprintf(f, ",\"carried\":%s", (q->flags & KH_QF_CARRIED) ? "true" : "false");
    if (q->flags & KH_QF_UNCLOSED) fputs(",\"unclosed\":true", f);
    fprintf(f, ",\"confidence\":%.2f}", q->confidence);
}

static const char *const REL_UNITS[] = {"", "day", "week", "month", "year"};

static void doc_json(FILE *f, const uint8_t *s, size_t len, const kh_article *d, const jrec *r,
                     const char *file, uint32_t base, const kh_ner_result *nr, int with_body)
{
    putc('{', f);
    if (r && r->id) {
        fputs("\"id\":", f);
        cli_json_str(f, (const uint8_t *)r->id, r->id_len);
        putc(',', f);
    }
    if (file) {
        fputs("\"file\":", f);
        cli_json_str(f, (const uint8_t *)file, strlen(file));
        putc(',', f);
    }
    fprintf(f, "\"offsets\":\"%s\",", r ? "body" : "file");
    if (with_body) { /* the page's main text, which the offsets count into */
        fputs("\"body\":", f);
        cli_json_str(f, s + base, len - base);
        putc(',', f);
    }
    fputs("\"title\":", f);
    if (r && r->title) {
        fputs("{\"text\":", f);
        cli_json_str(f, (const uint8_t *)r->title, r->title_len);
        fputs(",\"start\":null,\"end\":null,\"from\":\"title\"}", f);
    } else {
        span_obj(f, s, d->title, base);
    }
    fputs(",\"subheadings\":", f);
    span_list(f, s, d->subheadings, d->nsubheadings, base);
    fputs(",\"boilerplate\":", f);
    span_list(f, s, d->boilerplate, d->nboilerplate, base);
    fputs(",\"dateline\":", f);
    if (!in_body(d->dateline.span, base)) {
        fputs("null", f);
    } else {
        fputs("{\"text\":", f);
        cli_json_str(f, s + d->dateline.span.start, d->dateline.span.end - d->dateline.span.start);
        fprintf(f, ",\"start\":%u,\"end\":%u,\"place\":", d->dateline.span.start - base,
                d->dateline.span.end - base);
        span_obj(f, s, d->dateline.place, base);
        fputs(",\"agency\":", f);
        span_obj(f, s, d->dateline.agency, base);
        putc('}', f);
    }
    const char *sep = "";
    fputs(",\"sentences\":[", f);
    for (size_t i = 0; i < d->analysis->nsentences; i++) {
        const kh_sentence *se = &d->analysis->sentences[i];
        if (se->start < base) continue;
        fprintf(f, "%s{\"start\":%u,\"end\":%u}", sep, se->start - base, se->end - base);
        sep = ",";
    }
    fputs("],\"quotes\":[", f);
    sep = "";
    for (size_t i = 0; i < d->nquotes; i++) {
        if (!in_body(d->quotes[i].text, base)) continue;
        fputs(sep, f);
        sep = ",";
        quote_json(f, s, len, &d->quotes[i], base, nr);
    }
    fputs("],\"sources\":[", f);
    sep = "";
    for (size_t i = 0; i < d->nsources; i++) {
        const kh_source *src = &d->sources[i];
        if (!in_body(src->name, base)) continue;
        fprintf(f, "%s{\"name\":", sep);
        sep = ",";
        cli_json_str(f, s + src->name.start, src->name.end - src->name.start);
        fprintf(f, ",\"start\":%u,\"end\":%u,\"cue\":", src->name.start - base,
                src->name.end - base);
        cli_json_str(f, s + src->cue.start, src->cue.end - src->cue.start);
        putc('}', f);
    }
    fputs("],\"dates\":[", f);
    sep = "";
    for (size_t i = 0; i < d->ndates; i++) {
        const kh_date *dt = &d->dates[i];
        if (!in_body(dt->span, base)) continue;
        fprintf(f, "%s{\"text\":", sep);
        sep = ",";
        cli_json_str(f, s + dt->span.start, dt->span.end - dt->span.start);
        fprintf(f, ",\"start\":%u,\"end\":%u", dt->span.start - base, dt->span.end - base);
        opt_int(f, "year", dt->year);
        opt_int(f, "month", dt->month);
        opt_int(f, "day", dt->day);
        if (dt->rel_unit && dt->rel_unit < 5)
            fprintf(f, ",\"relative\":\"%s %d\"", REL_UNITS[dt->rel_unit], dt->rel);
        if (dt->hijri) fputs(",\"calendar\":\"hijri\"", f);
        putc('}', f);
    }
    fputs("],\"numbers\":[", f);
    sep = "";
    for (size_t i = 0; i < d->nnumbers; i++) {
        const kh_number *nb = &d->numbers[i];
        if (!in_body(nb->span, base)) continue;
        fprintf(f, "%s{\"text\":", sep);
        sep = ",";
        cli_json_str(f, s + nb->span.start, nb->span.end - nb->span.start);
        fprintf(f, ",\"start\":%u,\"end\":%u,\"value\":%.15g}", nb->span.start - base,
                nb->span.end - base, nb->value);
    }
    fputs("],\"entities\":[", f);
    sep = "";
    for (size_t i = 0; nr && i < nr->nentities; i++) {
        const kh_entity *e = &nr->entities[i];
        if (e->start < base) continue;
        fprintf(f, "%s{\"text\":", sep);
        sep = ",";
        cli_json_str(f, s + e->start, e->end - e->start);
        fprintf(f, ",\"type\":\"%s\",\"start\":%u,\"end\":%u,\"canonical\":",
                kh_entity_type_name(e->type), e->start - base, e->end - base);
        cli_json_str(f, (const uint8_t *)e->canonical, strlen(e->canonical));
        putc('}', f);
    }
    fputs("],\"unpaired_marks\":[", f);
    sep = "";
    for (size_t i = 0; i < d->nunpaired; i++) {
        if (d->unpaired[i] < base) continue;
        fprintf(f, "%s%u", sep, d->unpaired[i] - base);
        sep = ",";
    }
    fputs("]}\n", f);
}

/* ---- text output ---------------------------------------------------------------------- */

static void put_span(FILE *f, const uint8_t *s, kh_span sp)
{
    cli_tsv_field(f, s + sp.start, sp.end - sp.start);
}

static int same_text(const uint8_t *s, kh_span a, kh_span b)
{
    if (a.start == KH_NONE || b.start == KH_NONE) return a.start == b.start;
    return a.end - a.start == b.end - b.start && !memcmp(s + a.start, s + b.start, a.end - a.start);
}

static void doc_text(FILE *f, const uint8_t *s, size_t len, const kh_article *d, const jrec *r,
                     const char *name, uint32_t base, const kh_ner_result *nr)
{
    fprintf(f, "== %s ==\n", r && r->id ? r->id : name);
    if (r && r->title) {
        fputs("headline: ", f);
        cli_tsv_field(f, (const uint8_t *)r->title, r->title_len);
        putc('\n', f);
    } else if (d->title.start != KH_NONE) {
        fputs("headline: ", f);
        put_span(f, s, d->title);
        putc('\n', f);
    }
    if (d->dateline.span.start != KH_NONE) {
        fputs("dateline: ", f);
        if (d->dateline.place.start != KH_NONE) put_span(f, s, d->dateline.place);
        if (d->dateline.agency.start != KH_NONE) {
            fputs(" / ", f);
            put_span(f, s, d->dateline.agency);
        }
        putc('\n', f);
    }
    for (size_t i = 0; i < d->nsubheadings; i++) {
        fputs("subheading: ", f);
        put_span(f, s, d->subheadings[i]);
        putc('\n', f);
    }
    /* quotes grouped under speakers, speakers in order of first statement */
    for (size_t i = 0; i < d->nquotes; i++) {
        if (d->quotes[i].text.start < base) continue;
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = same_text(s, d->quotes[j].speaker, d->quotes[i].speaker);
        if (seen) continue;
        putc('\n', f);
        if (d->quotes[i].speaker.start != KH_NONE) {
            put_span(f, s, d->quotes[i].speaker);
            fputc(':', f);
            size_t cn;
            const uint8_t *cs = speaker_canonical(s, len, &d->quotes[i], nr, &cn);
            kh_span sp = d->quotes[i].speaker;
            if (cs && (cn != sp.end - sp.start || memcmp(cs, s + sp.start, cn))) {
                fputs(" (= ", f);
                cli_tsv_field(f, cs, cn);
                putc(')', f);
            }
        } else
            fputs("(speaker unknown):", f);
        putc('\n', f);
        for (size_t j = i; j < d->nquotes; j++) {
            const kh_quote *q = &d->quotes[j];
            if (q->text.start < base || !same_text(s, q->speaker, d->quotes[i].speaker)) continue;
            fprintf(f, "  %s ", q->kind == KH_QUOTE_DIRECT ? "\xe2\x80\x9c" : "  >");
            put_span(f, s, q->text);
            fprintf(f, "%s  [", q->kind == KH_QUOTE_DIRECT ? "\xe2\x80\x9d" : "");
            if (q->cue.start != KH_NONE) put_span(f, s, q->cue);
            fprintf(f, "%s, %u-%u]\n", (q->flags & KH_QF_CARRIED) ? ", carried" : "",
                    q->text.start - base, q->text.end - base);
        }
    }
    if (nr && nr->nnames) {
        fputs("\nentities:", f);
        for (size_t i = 0; i < nr->nnames; i++) {
            fprintf(f, " %s ", kh_entity_type_name(nr->names[i].type));
            cli_tsv_field(f, (const uint8_t *)nr->names[i].name, nr->names[i].name_len);
            fprintf(f, " (%u)%s", nr->names[i].nmentions, i + 1 < nr->nnames ? ";" : "");
        }
        putc('\n', f);
    }
    if (d->nsources) {
        fputs("\nsources:", f);
        for (size_t i = 0; i < d->nsources; i++) {
            putc(' ', f);
            put_span(f, s, d->sources[i].cue);
            putc(' ', f);
            put_span(f, s, d->sources[i].name);
            if (i + 1 < d->nsources) putc(';', f);
        }
        putc('\n', f);
    }
    if (d->ndates) {
        fputs("dates:", f);
        for (size_t i = 0; i < d->ndates; i++) {
            putc(' ', f);
            put_span(f, s, d->dates[i].span);
            if (i + 1 < d->ndates) putc(';', f);
        }
        putc('\n', f);
    }
    if (d->nnumbers) {
        fputs("numbers:", f);
        for (size_t i = 0; i < d->nnumbers; i++)
            fprintf(f, " %.15g%s", d->numbers[i].value, i + 1 < d->nnumbers ? ";" : "");
        putc('\n', f);
    }
    putc('\n', f);
}

/* ---- driving ---------------------------------------------------------------------------- */

static int extract_one(kh_extractor *x, kh_ner *ner, const an_opts *o, const uint8_t *s, size_t n,
                       const jrec *r, const char *name)
{
    kh_extract_opts eo = {0, o->year, o->month, o->day};
    uint8_t *joined = NULL;
    uint32_t base = 0;
    if (r) {
        eo.flags |= KH_XF_NO_TITLE;
        if (r->date) parse_date(r->date, r->date_len, &eo.year, &eo.month, &eo.day);
        if (r->title && r->title_len && n < UINT32_MAX - r->title_len - 1 &&
            (joined = malloc(r->title_len + 1 + n + 1))) {
            /* the headline as line 1, as in a plain text article */
            for (size_t i = 0; i < r->title_len; i++) {
                char c = r->title[i];
                joined[i] = (uint8_t)(c == '\n' || c == '\r' ? ' ' : c);
            }
            joined[r->title_len] = '\n';
            if (n) memcpy(joined + r->title_len + 1, s, n);
            base = (uint32_t)r->title_len + 1;
            s = joined;
            n += base;
            eo.flags &= ~KH_XF_NO_TITLE;
        }
    } else if (o->no_title) {
        eo.flags |= KH_XF_NO_TITLE;
    }
    const kh_article *d;
    kh_status st = kh_extract(x, s, n, &eo, &d);
    if (st != KH_OK) {
        const kh_error *e = kh_extractor_error(x);
        if (e->offset != UINT64_MAX)
            fprintf(stderr, "khabar analyze: %s: byte %llu: %s\n", name,
                    (unsigned long long)(e->offset >= base ? e->offset - base : e->offset),
                    e->message);
        else
            fprintf(stderr, "khabar analyze: %s: %s\n", name, kh_strerror(st));
        free(joined);
        return 1;
    }
    /* entities on the extractor's own analysis of the same bytes */
    const kh_ner_result *nr = NULL;
    if (ner && (st = kh_ner_tag(ner, s, n, d->analysis, NULL, 0, &nr)) != KH_OK) {
        fprintf(stderr, "khabar analyze: %s: entities: %s\n", name, kh_strerror(st));
        free(joined);
        return 1;
    }
    if (nr) kh_extract_entities(x, nr);
    if (o->text)
        doc_text(stdout, s, n, d, r, name, base, nr);
    else
        doc_json(stdout, s, n, d, r, o->input == IN_JSONL ? NULL : name, base, nr,
                 o->input == IN_HTML);
    free(joined);
    return 0;
}

/* One JSON object per line, read by the library's reader (field names as
** khabar index takes them), one output line per input line. */
static int run_jsonl(kh_extractor *x, kh_ner *ner, kh_reader *rd, const an_opts *o,
                     const char *name, const cli_buf *in)
{
    int rc = 0;
    size_t lineno = 0;
    /* analysis with entities runs at a few MB/s: show progress on a terminal */
    int bar = in->len > ((size_t)2 << 20) && isatty(2);
    double t0 = cli_now(), drawn = 0;
    for (size_t pos = 0; pos < in->len;) {
        if (bar && cli_now() - drawn > 0.2) {
            cli_progress(name, pos, in->len, t0);
            drawn = cli_now();
        }
        const uint8_t *nl = memchr(in->data + pos, '\n', in->len - pos);
        size_t end = nl ? (size_t)(nl - in->data) : in->len;
        lineno++;
        const uint8_t *line = in->data + pos;
        size_t n = end - pos, at = pos;
        pos = end + 1;
        size_t k = 0;
        while (k < n && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r'))
            k++;
        if (k == n) continue;
        const kh_doc *d = NULL;
        kh_status st = kh_reader_start(rd, line, n, name, KH_FMT_JSONL, NULL);
        if (st == KH_OK) st = kh_reader_next(rd, &d);
        if (st != KH_OK || !d || !d->body.ptr) {
            const kh_error *e = kh_reader_error(rd);
            fprintf(stderr, "khabar analyze: %s: line %zu (byte %zu): %s\n", name, lineno,
                    at + (e->offset != UINT64_MAX ? (size_t)e->offset : 0),
                    st != KH_OK ? e->message : "no \"body\" or \"content\" string");
            /* keep one output line per input line, so outputs stay aligned */
            fputs("{\"error\":\"unreadable record\"}\n", stdout);
            rc = 1;
            continue;
        }
        jrec r;
        jrec_of(d, &r);
        char where[64];
        snprintf(where, sizeof where, "line %zu", lineno);
        if (extract_one(x, ner, o, (const uint8_t *)r.body, r.body_len, &r, where)) {
            fputs("{\"error\":\"extraction failed\"}\n", stdout);
            rc = 1;
        }
    }
    if (bar) {
        cli_progress(name, in->len, in->len, t0);
        fputc('\n', stderr);
    }
    return rc;
}

/* One HTML page: its title, date and main text as khabar index reads them;
** offsets are into that main text, which the JSON output carries ("body"). */
static int run_html(kh_extractor *x, kh_ner *ner, kh_reader *rd, const an_opts *o, const char *name,
                    const cli_buf *in)
{
    const kh_doc *d = NULL;
    kh_status st = kh_reader_start(rd, in->data, in->len, name, KH_FMT_HTML, NULL);
    if (st == KH_OK) st = kh_reader_next(rd, &d);
    if (st != KH_OK || !d) {
        const kh_error *e = kh_reader_error(rd);
        if (e->offset != UINT64_MAX)
            fprintf(stderr, "khabar analyze: %s: byte %llu: %s\n", name,
                    (unsigned long long)e->offset, e->message);
        else
            fprintf(stderr, "khabar analyze: %s: %s\n", name,
                    st != KH_OK ? e->message : "no text in the page");
        return 1;
    }
    jrec r;
    jrec_of(d, &r);
    return extract_one(x, ner, o, (const uint8_t *)r.body, r.body_len, &r, name);
}

int cmd_analyze(int argc, char **argv)
{
    an_opts o;
    memset(&o, 0, sizeof o);
    int nfiles = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) return 1;
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            help(stdout);
            free(files);
            return 0;
        } else if (!strcmp(a, "--strict")) {
            o.strict = 1;
        } else if (!strcmp(a, "--no-title")) {
            o.no_title = 1;
        } else if (!strcmp(a, "--no-entities")) {
            o.no_entities = 1;
        } else if (!strncmp(a, "--input", 7) && (a[7] == 0 || a[7] == '=')) {
            v = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
            if (v && !strcmp(v, "jsonl"))
                o.input = IN_JSONL;
            else if (v && !strcmp(v, "txt"))
                o.input = IN_TXT;
            else if (v && !strcmp(v, "html"))
                o.input = IN_HTML;
            else {
                fprintf(stderr, "khabar analyze: --input takes txt, jsonl or html\n");
                free(files);
                return 2;
            }
        } else if (!strncmp(a, "--format", 8) && (a[8] == 0 || a[8] == '=')) {
            v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (v && (!strcmp(v, "json") || !strcmp(v, "text")))
                o.text = v[0] == 't';
            else {
                fprintf(stderr, "khabar analyze: --format takes json or text\n");
                free(files);
                return 2;
            }
        } else if (!strncmp(a, "--date", 6) && (a[6] == 0 || a[6] == '=')) {
            v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (v) parse_date(v, strlen(v), &o.year, &o.month, &o.day);
            if (!v || !o.year) {
                fprintf(stderr, "khabar analyze: --date takes YYYY-MM-DD\n");
                free(files);
                return 2;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "khabar analyze: unknown option '%s' (see khabar analyze --help)\n", a);
            free(files);
            return 2;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (!nfiles) files[nfiles++] = "-";
    kh_analyzer_opts ao = {o.strict ? KH_OPT_STRICT_UTF8 : 0, NULL, NULL};
    kh_extractor *x;
    if (kh_extractor_new(&ao, &x) != KH_OK) {
        fprintf(stderr, "khabar analyze: out of memory\n");
        free(files);
        return 1;
    }
    kh_ner *ner = NULL;
    if (!o.no_entities && kh_ner_has_builtin()) {
        kh_error e;
        if (kh_ner_new(NULL, &ner, &e) != KH_OK) {
            fprintf(stderr, "khabar analyze: entity model: %s\n", e.message);
            kh_extractor_free(x);
            free(files);
            return 1;
        }
    }
    kh_reader *rd = NULL;
    /* articles need no id here: nothing is indexed */
    kh_reader_opts ropts = {.flags = KH_READER_ID_OPTIONAL};
    if (o.input != IN_TXT && kh_reader_new(&ropts, &rd) != KH_OK) {
        fprintf(stderr, "khabar analyze: out of memory\n");
        kh_ner_free(ner);
        kh_extractor_free(x);
        free(files);
        return 1;
    }
    for (int i = 0; i < nfiles; i++) {
        cli_buf in;
        if (cli_read_file(files[i], &in)) {
            rc = 1;
            continue;
        }
        const char *name = strcmp(files[i], "-") ? files[i] : "<stdin>";
        size_t bad;
        if (o.strict && o.input != IN_JSONL && !kh_utf8_valid(in.data, in.len, &bad)) {
            fprintf(stderr, "khabar analyze: %s: byte %zu: invalid UTF-8\n", name, bad);
            rc = 1;
        } else if (o.input == IN_JSONL) {
            rc |= run_jsonl(x, ner, rd, &o, name, &in);
        } else if (o.input == IN_HTML) {
            rc |= run_html(x, ner, rd, &o, name, &in);
        } else {
            rc |= extract_one(x, ner, &o, in.data, in.len, NULL, name);
        }
        free(in.data);
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "khabar analyze: write error\n");
        rc = 1;
    }
    kh_reader_free(rd);
    kh_ner_free(ner);
    kh_extractor_free(x);
    free(files);
    return rc;
}
