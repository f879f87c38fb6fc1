/*
** cmd_search.c - `khabar search`: one query, or a file of queries.
**
** One query prints its hits as text (color only on a terminal) or JSON.
** With --queries, every line qid<TAB>query of a file is run and printed as
** qid<TAB>rank<TAB>id<TAB>score, with latency percentiles on stderr, in the
** format of the peers in ../shared/peers, so runs compare line for line.
*/
#include "cli.h"

#include "khabar.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void help(FILE *f)
{
    fputs(
        "usage: khabar search --db FILE [OPTIONS] QUERY...\n"
        "       khabar search --db FILE --queries FILE.tsv [OPTIONS]\n"
        "\n"
        "Finds the documents that match QUERY (several arguments are joined by spaces),\n"
        "best first, ranked by BM25 over title and body (k1 1.2, b 0.75; a title word\n"
        "counts twice) with a bonus for query words close together.\n"
        "\n"
        "query syntax:\n"
        "  word word      documents with every word (Arabic words match all their\n"
        "                 forms with clitics: والمدرسة finds مدرسة, للمدرسة ...)\n"
        "  \"two words\"    an exact phrase, in this order\n"
        "  -word          documents without the word (also -\"a phrase\")\n"
        "  prefix*        every word starting so (at least 2 letters)\n"
        "  source:NAME    only documents from that source; -source:NAME none from it\n"
        "  entity:NAME    only documents that mention that entity, written any way:\n"
        "                 entity:الناتو finds حلف شمال الأطلسي, entity:وانج finds وانغ يي,\n"
        "                 a surname finds the full name; entity:\"two words\"; -entity:\n"
        "                 drops them; entity: alone ranks by mentions. Needs an index\n"
        "                 built with 'khabar index --extract'\n"
        "\n"
        "options:\n"
        "  --db FILE          the index (required)\n"
        "  --any              any word may match (OR) instead of all (AND)\n"
        "  --limit N          hits to show (default 10)\n"
        "  --offset N         hits to skip first, for the next page\n"
        "  --from DATE        only documents dated on or after DATE (YYYY[-MM[-DD]])\n"
        "  --to DATE          only documents dated on or before DATE\n"
        "  --format text|json text (default) or one JSON object:\n"
        "                     {\"total\", \"took_ms\", \"hits\": [{\"id\", \"score\", \"title\",\n"
        "                     \"source\", \"date\", \"url\", \"snippet\", \"snippet_start\",\n"
        "                     \"highlights\": [[start, end], ...]}]}; highlights are byte\n"
        "                     offsets into the stored body, like snippet_start\n"
        "  --facets[=N]       also list the N (default 10) entities the best results\n"
        "                     mention most (canonical name, type, documents, mentions),\n"
        "                     counted over the best max(100, offset + limit) results;\n"
        "                     JSON: \"facets\": [{\"name\", \"type\", \"docs\", \"mentions\"}].\n"
        "                     Needs an index built with 'khabar index --extract'\n"
        "  --no-total         stop counting matches once the best are known (faster;\n"
        "                     total is then a lower bound)\n"
        "  --color WHEN       auto (default: on a terminal), always or never\n"
        "  --queries FILE     run every qid<TAB>query line of FILE (blank lines and #\n"
        "                     comments skipped); print qid<TAB>rank<TAB>id<TAB>score and\n"
        "                     latency percentiles on stderr\n"
        "  --warmup N         with --queries: first run N queries untimed\n"
        "  -h, --help         this help\n"
        "\n"
        "Exit status: 0 (also when nothing matches), 1 error, 2 usage or query syntax.\n"
        "\n"
        "examples:\n"
        "  khabar search --db news.db وزير الخارجية\n"
        "  khabar search --db news.db '\"مجلس الأمن\" -سوريا source:okaz' --from 2015-08\n"
        "  khabar search --db news.db --format json --limit 5 'اقتصاد*'\n"
        "  khabar search --db news.db --facets 'entity:الناتو' روسيا\n",
        f);
}

typedef struct sopts {
    const char *db, *queries;
    kh_search_opts so;
    int json, color, warmup;
} sopts;

/* ---- one query ----------------------------------------------------------------- */

static void print_snippet(const kh_hit *h, int color)
{
    const char *s = h->snippet.ptr;
    size_t n = h->snippet.len, at = 0;
    fputs("   ", stdout);
    if (h->snippet_start > 0) fputs("… ", stdout);
    for (size_t i = 0; i < h->nhighlights; i++) {
        size_t a = h->highlights[i].start - h->snippet_start;
        size_t b = h->highlights[i].end - h->snippet_start;
        if (a < at || b > n) continue;
        cli_tsv_field(stdout, (const uint8_t *)s + at, a - at);
        if (color) fputs("\033[1;33m", stdout);
        cli_tsv_field(stdout, (const uint8_t *)s + a, b - a);
        if (color) fputs("\033[0m", stdout);
        at = b;
    }
    cli_tsv_field(stdout, (const uint8_t *)s + at, n - at);
    fputs(" …\n", stdout);
}

static void print_text(const kh_results *r, const sopts *o)
{
    printf("%llu matching document%s (%.2f ms)\n\n", (unsigned long long)r->total,
           r->total == 1 ? "" : "s", r->took_ms);
    for (size_t i = 0; i < r->nhits; i++) {
        const kh_hit *h = &r->hits[i];
        printf("%zu. ", o->so.offset + i + 1);
        if (o->color) fputs("\033[1m", stdout);
        cli_tsv_field(stdout, (const uint8_t *)h->title.ptr, h->title.len);
        if (!h->title.len) fputs("(no title)", stdout);
        if (o->color) fputs("\033[0m", stdout);
        printf("  [%.3f]\n   ", h->score);
        const kh_text *meta[] = {&h->source, &h->date, &h->id};
        int first = 1;
        for (size_t k = 0; k < 3; k++) {
            if (!meta[k]->len) continue;
            fputs(first ? "" : " · ", stdout);
            cli_tsv_field(stdout, (const uint8_t *)meta[k]->ptr, meta[k]->len);
            first = 0;
        }
        fputc('\n', stdout);
        print_snippet(h, o->color);
        fputc('\n', stdout);
    }
    if (o->so.facets) {
        printf("entities of the best results:\n");
        for (size_t i = 0; i < r->nfacets; i++) {
            const kh_facet *f = &r->facets[i];
            printf("  %-4s ", kh_entity_type_name(f->type));
            cli_tsv_field(stdout, (const uint8_t *)f->name.ptr, f->name.len);
            printf("  %u document%s, %u mention%s\n", f->docs, f->docs == 1 ? "" : "s", f->mentions,
                   f->mentions == 1 ? "" : "s");
        }
    }
}

static void json_field(const char *name, const kh_text *t)
{
    printf(",\"%s\":", name);
    cli_json_str(stdout, (const uint8_t *)t->ptr, t->len);
}

static void print_json(const kh_results *r, int facets)
{
    printf("{\"total\":%llu,\"took_ms\":%.3f,\"hits\":[", (unsigned long long)r->total, r->took_ms);
    for (size_t i = 0; i < r->nhits; i++) {
        const kh_hit *h = &r->hits[i];
        fputs(i ? ",{\"id\":" : "{\"id\":", stdout);
        cli_json_str(stdout, (const uint8_t *)h->id.ptr, h->id.len);
        printf(",\"score\":%.6f", h->score);
        json_field("title", &h->title);
        json_field("source", &h->source);
        json_field("date", &h->date);
        json_field("url", &h->url);
        json_field("snippet", &h->snippet);
        printf(",\"snippet_start\":%u,\"highlights\":[", h->snippet_start);
        for (size_t k = 0; k < h->nhighlights; k++)
            printf("%s[%u,%u]", k ? "," : "", h->highlights[k].start, h->highlights[k].end);
        fputs("]}", stdout);
    }
    fputc(']', stdout);
    if (r->facets || facets) {
        fputs(",\"facets\":[", stdout);
        for (size_t i = 0; i < r->nfacets; i++) {
            fputs(i ? ",{\"name\":" : "{\"name\":", stdout);
            cli_json_str(stdout, (const uint8_t *)r->facets[i].name.ptr, r->facets[i].name.len);
            printf(",\"type\":\"%s\",\"docs\":%u,\"mentions\":%u}",
                   kh_entity_type_name(r->facets[i].type), r->facets[i].docs,
                   r->facets[i].mentions);
        }
        fputc(']', stdout);
    }
    fputs("}\n", stdout);
}

static void print_error(kh_index *ix, const char *q, size_t len)
{
    const kh_error *e = kh_index_error(ix);
    fprintf(stderr, "khabar search: %s\n", e->message);
    if (e->status == KH_ESYNTAX && e->offset <= len) {
        fputs("  ", stderr);
        fwrite(q, 1, len, stderr);
        fprintf(stderr, "\n  %*s^ byte %llu\n", (int)e->offset, "", (unsigned long long)e->offset);
    }
}

/* ---- a file of queries --------------------------------------------------------------- */

typedef struct qline {
    char *qid, *text;
} qline;

static int read_queries(const char *path, qline **out, size_t *n)
{
    cli_buf b;
    if (cli_read_file(path, &b)) return -1;
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    char *s = (char *)b.data;
    size_t lineno = 0;
    for (size_t i = 0; i < b.len;) {
        char *nl = memchr(s + i, '\n', b.len - i);
        size_t e = nl ? (size_t)(nl - s) : b.len;
        size_t l = e;
        lineno++;
        if (l > i && s[l - 1] == '\r') l--;
        if (l > i && s[i] != '#') {
            char *tab = memchr(s + i, '\t', l - i);
            if (!tab) {
                fprintf(stderr, "khabar search: %s:%zu: expected qid<TAB>query\n", path, lineno);
                free(b.data);
                return -1;
            }
            if (*n == cap) {
                cap = cap ? cap * 2 : 256;
                qline *nq = realloc(*out, cap * sizeof *nq);
                if (!nq) {
                    free(b.data);
                    return -1;
                }
                *out = nq;
            }
            size_t ql = (size_t)(tab - (s + i)), tl = l - (size_t)(tab - s) - 1;
            char *qid = malloc(ql + 1), *text = malloc(tl + 1);
            if (!qid || !text) {
                free(qid);
                free(text);
                free(b.data);
                return -1;
            }
            memcpy(qid, s + i, ql);
            qid[ql] = 0;
            memcpy(text, tab + 1, tl);
            text[tl] = 0;
            (*out)[(*n)++] = (qline){qid, text};
        }
        i = e + 1;
    }
    free(b.data);
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double pct(const double *v, size_t n, double p)
{
    size_t r = (size_t)(p / 100.0 * (double)n + 0.999999999);
    if (r < 1) r = 1;
    if (r > n) r = n;
    return v[r - 1];
}

static int run_file(kh_index *ix, const sopts *o)
{
    qline *q;
    size_t n;
    if (read_queries(o->queries, &q, &n)) return 1;
    kh_search_opts so = o->so;
    so.flags |= KH_SEARCH_NO_SNIPPETS;
    const kh_results *r;
    for (int w = 0; w < o->warmup && n; w++) {
        const char *t = q[(size_t)w % n].text;
        kh_search(ix, t, strlen(t), &so, &r);
    }
    double *ms = calloc(n ? n : 1, sizeof *ms);
    size_t errors = 0;
    for (size_t i = 0; i < n; i++) {
        double t0 = cli_now();
        kh_status s = kh_search(ix, q[i].text, strlen(q[i].text), &so, &r);
        ms[i] = (cli_now() - t0) * 1e3;
        if (s) {
            errors++;
            fprintf(stderr, "khabar search: query %s: %s\n", q[i].qid, kh_index_error(ix)->message);
            continue;
        }
        for (size_t k = 0; k < r->nhits; k++) {
            printf("%s\t%zu\t", q[i].qid, so.offset + k + 1);
            cli_tsv_field(stdout, (const uint8_t *)r->hits[k].id.ptr, r->hits[k].id.len);
            printf("\t%.6f\n", r->hits[k].score);
        }
    }
    qsort(ms, n, sizeof *ms, cmp_double);
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += ms[i];
    fprintf(stderr, "queries\t%zu\n", n);
    if (n) {
        fprintf(stderr, "latency_ms p50\t%.4f\n", pct(ms, n, 50));
        fprintf(stderr, "latency_ms p95\t%.4f\n", pct(ms, n, 95));
        fprintf(stderr, "latency_ms p99\t%.4f\n", pct(ms, n, 99));
        fprintf(stderr, "latency_ms mean\t%.4f\n", sum / (double)n);
        fprintf(stderr, "latency_ms max\t%.4f\n", ms[n - 1]);
    }
    if (errors) fprintf(stderr, "query_errors\t%zu\n", errors);
    free(ms);
    for (size_t i = 0; i < n; i++)
        free(q[i].qid), free(q[i].text);
    free(q);
    return 0;
}

/* ---- options --------------------------------------------------------------------------- */

static int number(const char *opt, const char *v, long max, long *out)
{
    char *end;
    long x = strtol(v, &end, 10);
    if (!*v || *end || x < 0 || x > max) {
        fprintf(stderr, "khabar search: %s wants a number from 0 to %ld\n", opt, max);
        return -1;
    }
    *out = x;
    return 0;
}

static int parse_opts(int argc, char **argv, sopts *o, int *first)
{
    const char *color = "auto";
    int i = 1, nq = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        int takes = !strcmp(a, "--db") || !strcmp(a, "--limit") || !strcmp(a, "--offset") ||
                    !strcmp(a, "--from") || !strcmp(a, "--to") || !strcmp(a, "--format") ||
                    !strcmp(a, "--queries") || !strcmp(a, "--warmup") || !strcmp(a, "--color");
        long v;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            help(stdout);
            return 1;
        } else if (!strcmp(a, "--")) {
            i++;
            break;
        } else if (takes && i + 1 >= argc) {
            fprintf(stderr, "khabar search: %s needs a value\n", a);
            return 2;
        } else if (!strcmp(a, "--db")) {
            o->db = argv[++i];
        } else if (!strcmp(a, "--queries")) {
            o->queries = argv[++i];
        } else if (!strcmp(a, "--from")) {
            o->so.from = argv[++i];
        } else if (!strcmp(a, "--to")) {
            o->so.to = argv[++i];
        } else if (!strcmp(a, "--color")) {
            color = argv[++i];
        } else if (!strcmp(a, "--limit") || !strcmp(a, "--offset") || !strcmp(a, "--warmup")) {
            if (number(a, argv[++i], 1000000, &v)) return 2;
            if (a[2] == 'l')
                o->so.limit = v ? (uint32_t)v : 10;
            else if (a[2] == 'o')
                o->so.offset = (uint32_t)v;
            else
                o->warmup = (int)v;
        } else if (!strcmp(a, "--format")) {
            const char *f = argv[++i];
            if (strcmp(f, "text") && strcmp(f, "json")) {
                fprintf(stderr, "khabar search: --format is text or json\n");
                return 2;
            }
            o->json = !strcmp(f, "json");
        } else if (!strcmp(a, "--any")) {
            o->so.flags |= KH_SEARCH_ANY;
        } else if (!strcmp(a, "--facets")) {
            o->so.facets = 10;
        } else if (!strncmp(a, "--facets=", 9)) {
            if (number("--facets", a + 9, 1000, &v)) return 2;
            o->so.facets = (uint32_t)v;
        } else if (!strcmp(a, "--no-total")) {
            o->so.flags |= KH_SEARCH_NO_TOTAL;
        } else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "khabar search: unknown option '%s' (see --help)\n", a);
            return 2;
        } else {
            argv[nq++] = argv[i]; /* a query word ('-word' is one too); options may follow */
        }
    }
    while (i < argc) /* after "--": all query words */
        argv[nq++] = argv[i++];
    if (strcmp(color, "auto") && strcmp(color, "always") && strcmp(color, "never")) {
        fprintf(stderr, "khabar search: --color is auto, always or never\n");
        return 2;
    }
    o->color = !strcmp(color, "always") || (!strcmp(color, "auto") && isatty(1));
    *first = nq; /* query words were moved to argv[1 .. nq) */
    return 0;
}

int cmd_search(int argc, char **argv)
{
    sopts o = {0};
    int first;
    int rc = parse_opts(argc, argv, &o, &first);
    if (rc) return rc == 1 ? 0 : rc;
    if (!o.db || (!o.queries && first == 1)) {
        fprintf(stderr, "khabar search: %s (see --help)\n",
                !o.db ? "--db FILE is required" : "give a QUERY");
        return 2;
    }
    kh_index_opts io = {.flags = KH_INDEX_READONLY};
    kh_index *ix;
    if (kh_index_open(o.db, &io, &ix)) {
        fprintf(stderr, "khabar search: %s\n", ix ? kh_index_error(ix)->message : "out of memory");
        kh_index_close(ix);
        return 1;
    }
    if (o.queries) {
        rc = run_file(ix, &o);
        kh_index_close(ix);
        return rc;
    }
    char *q = cli_join(argv + 1, first - 1);
    if (!q) {
        kh_index_close(ix);
        return 1;
    }
    const kh_results *r;
    kh_status s = kh_search(ix, q, strlen(q), &o.so, &r);
    if (s) {
        print_error(ix, q, strlen(q));
        rc = s == KH_ESYNTAX || s == KH_EINVAL ? 2 : 1;
    } else if (o.json) {
        print_json(r, o.so.facets != 0);
    } else {
        print_text(r, &o);
    }
    free(q);
    kh_index_close(ix);
    return rc;
}
