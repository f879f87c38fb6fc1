/*
** cmd_quotes.c - `khabar quotes`: quotations stored by `khabar index
** --extract`, found by speaker (any spelling of the name) and by words.
**
** The library does the matching (kh_quotes_find); this file reads options
** and prints hits as text for people or as one JSON object.
*/
#include "cli.h"

#include "khabar.h"

#include <stdlib.h>
#include <string.h>

static void help(FILE *f)
{
    fputs("usage: khabar quotes --db FILE [--speaker NAME] [OPTIONS] [QUERY...]\n"
          "\n"
          "Finds the quotations and reported statements stored in an index built with\n"
          "'khabar index --extract': those of a speaker, those containing every word of\n"
          "QUERY, or both. Newest documents first, then in text order.\n"
          "\n"
          "  --speaker NAME  any spelling of the speaker's name: سيرجي لافروف finds\n"
          "                  سيرغي لافروف, a surname alone (لافروف) finds the full name,\n"
          "                  an alias (الناتو) finds its entity (حلف شمال الأطلسي)\n"
          "  QUERY           words the quotation must hold, matched like search words\n"
          "                  (all their forms with clitics)\n"
          "\n"
          "options:\n"
          "  --db FILE          the index (required)\n"
          "  --limit N          hits to show (default 10)\n"
          "  --offset N         hits to skip first\n"
          "  --format text|json text (default) or one JSON object:\n"
          "                     {\"total\", \"took_ms\", \"hits\": [{\"id\", \"title\", \"kind\",\n"
          "                     \"text\", \"start\", \"end\", \"speaker\", \"speaker_canonical\",\n"
          "                     \"speaker_start\", \"speaker_end\", \"cue\", \"confidence\"}]};\n"
          "                     offsets are bytes of the stored body, as in khabar search\n"
          "  -h, --help         this help\n"
          "\n"
          "Exit status: 0 (also when nothing matches), 1 error, 2 usage, or an index\n"
          "without stored quotations.\n"
          "\n"
          "examples:\n"
          "  khabar quotes --db news.db --speaker لافروف\n"
          "  khabar quotes --db news.db --speaker 'وانج يي' --format json الحوار\n",
          f);
}

static void json_text(const char *name, const kh_text *t)
{
    printf(",\"%s\":", name);
    if (t->len)
        cli_json_str(stdout, (const uint8_t *)t->ptr, t->len);
    else
        fputs("null", stdout);
}

static void json_span(const char *a, const char *b, kh_span s)
{
    if (s.start == KH_NONE)
        printf(",\"%s\":null,\"%s\":null", a, b);
    else
        printf(",\"%s\":%u,\"%s\":%u", a, s.start, b, s.end);
}

static void print_json(const kh_quote_results *r)
{
    printf("{\"total\":%llu,\"took_ms\":%.3f,\"hits\":[", (unsigned long long)r->total, r->took_ms);
    for (size_t i = 0; i < r->nhits; i++) {
        const kh_quote_hit *h = &r->hits[i];
        fputs(i ? ",{\"id\":" : "{\"id\":", stdout);
        cli_json_str(stdout, (const uint8_t *)h->id.ptr, h->id.len);
        fputs(",\"title\":", stdout);
        cli_json_str(stdout, (const uint8_t *)h->title.ptr, h->title.len);
        printf(",\"kind\":\"%s\"", h->kind == KH_QUOTE_DIRECT ? "direct" : "reported");
        fputs(",\"text\":", stdout);
        cli_json_str(stdout, (const uint8_t *)h->text.ptr, h->text.len);
        json_span("start", "end", h->span);
        json_text("speaker", &h->speaker);
        json_text("speaker_canonical", &h->canonical);
        json_span("speaker_start", "speaker_end", h->speaker_span);
        json_text("cue", &h->cue);
        printf(",\"confidence\":%.2f}", h->confidence);
    }
    fputs("]}\n", stdout);
}

static void print_text(const kh_quote_results *r, uint32_t offset)
{
    printf("%llu quotation%s (%.2f ms)\n", (unsigned long long)r->total, r->total == 1 ? "" : "s",
           r->took_ms);
    for (size_t i = 0; i < r->nhits; i++) {
        const kh_quote_hit *h = &r->hits[i];
        printf("\n%zu. ", offset + i + 1);
        if (h->speaker.len) {
            cli_tsv_field(stdout, (const uint8_t *)h->speaker.ptr, h->speaker.len);
            if (h->canonical.len && (h->canonical.len != h->speaker.len ||
                                     memcmp(h->canonical.ptr, h->speaker.ptr, h->speaker.len))) {
                fputs(" (= ", stdout);
                cli_tsv_field(stdout, (const uint8_t *)h->canonical.ptr, h->canonical.len);
                fputc(')', stdout);
            }
        } else
            fputs("(speaker unknown)", stdout);
        fputs(h->kind == KH_QUOTE_DIRECT ? ": \xe2\x80\x9c" : ": > ", stdout);
        cli_tsv_field(stdout, (const uint8_t *)h->text.ptr, h->text.len);
        fputs(h->kind == KH_QUOTE_DIRECT ? "\xe2\x80\x9d\n   " : "\n   ", stdout);
        cli_tsv_field(stdout, (const uint8_t *)h->title.ptr, h->title.len);
        fputs(" · ", stdout);
        cli_tsv_field(stdout, (const uint8_t *)h->id.ptr, h->id.len);
        printf(" · bytes %u-%u\n", h->span.start, h->span.end);
    }
}

static int number(const char *opt, const char *v, long *out)
{
    char *end;
    long x = strtol(v, &end, 10);
    if (!*v || *end || x < 0 || x > 1000000) {
        fprintf(stderr, "khabar quotes: %s wants a number from 0 to 1000000\n", opt);
        return -1;
    }
    *out = x;
    return 0;
}

int cmd_quotes(int argc, char **argv)
{
    const char *db = NULL, *speaker = NULL;
    kh_search_opts so = {0};
    int json = 0, nq = 0;
    char **words = calloc((size_t)argc + 1, sizeof *words);
    if (!words) return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int takes = !strcmp(a, "--db") || !strcmp(a, "--speaker") || !strcmp(a, "--limit") ||
                    !strcmp(a, "--offset") || !strcmp(a, "--format");
        long v;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            help(stdout);
            free(words);
            return 0;
        } else if (takes && i + 1 >= argc) {
            fprintf(stderr, "khabar quotes: %s needs a value\n", a);
            free(words);
            return 2;
        } else if (!strcmp(a, "--db")) {
            db = argv[++i];
        } else if (!strcmp(a, "--speaker")) {
            speaker = argv[++i];
        } else if (!strcmp(a, "--limit") || !strcmp(a, "--offset")) {
            if (number(a, argv[++i], &v)) {
                free(words);
                return 2;
            }
            if (a[2] == 'l')
                so.limit = v ? (uint32_t)v : 10;
            else
                so.offset = (uint32_t)v;
        } else if (!strcmp(a, "--format")) {
            const char *f = argv[++i];
            if (strcmp(f, "text") && strcmp(f, "json")) {
                fprintf(stderr, "khabar quotes: --format is text or json\n");
                free(words);
                return 2;
            }
            json = !strcmp(f, "json");
        } else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "khabar quotes: unknown option '%s' (see --help)\n", a);
            free(words);
            return 2;
        } else {
            words[nq++] = argv[i];
        }
    }
    if (!db || (!speaker && !nq)) {
        fprintf(stderr, "khabar quotes: %s (see --help)\n",
                !db ? "--db FILE is required" : "give --speaker NAME or words to look for");
        free(words);
        return 2;
    }
    char *q = cli_join(words, nq);
    free(words);
    if (!q) return 1;
    kh_index_opts io = {.flags = KH_INDEX_READONLY};
    kh_index *ix;
    int rc = 0;
    if (kh_index_open(db, &io, &ix)) {
        fprintf(stderr, "khabar quotes: %s\n", ix ? kh_index_error(ix)->message : "out of memory");
        kh_index_close(ix);
        free(q);
        return 1;
    }
    const kh_quote_results *r;
    kh_status s = kh_quotes_find(ix, speaker, speaker ? strlen(speaker) : 0, q, strlen(q), &so, &r);
    if (s) {
        fprintf(stderr, "khabar quotes: %s\n", kh_index_error(ix)->message);
        rc = s == KH_EINVAL || s == KH_ESYNTAX ? 2 : 1;
    } else if (json) {
        print_json(r);
    } else {
        print_text(r, so.offset);
    }
    free(q);
    kh_index_close(ix);
    return rc;
}
