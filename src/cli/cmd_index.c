/*
** cmd_index.c - `khabar index`: files and folders of news into an index.
**
** Every input is read whole, split into documents by kh_reader and added
** with kh_index_add; the library commits in batches, and once more at the
** end. A bad document is reported as FILE:LINE: reason and counted by
** reason; --strict stops at the first one (what was indexed before it stays).
** On a terminal, stderr shows a progress bar; a summary always ends the run.
*/
#include "cli.h"

#include "khabar.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void help(FILE *f)
{
    fputs("usage: khabar index --db FILE [OPTIONS] INPUT...\n"
          "\n"
          "Adds news documents to the index FILE (one SQLite file, created if missing).\n"
          "A document whose id is already indexed is replaced.\n"
          "\n"
          "INPUT is a file, a folder (read recursively, files in name order, hidden ones\n"
          "skipped) or '-' for JSON Lines on stdin. The format comes from the file name\n"
          "and its first bytes:\n"
          "  .txt            plain text: the first line is the title, the rest the body,\n"
          "                  the path is the id (a .txt starting with <DOC> is TREC)\n"
          "  .jsonl .ndjson  JSON Lines: one object per line\n"
          "  .json           a JSON array of objects, or objects one after another\n"
          "  <DOC> files     TREC style: <DOCNO> id, <TITLE>, <TEXT>, <SRC>, <URL>, <TIME>\n"
          "  .html .htm      a web page: title, site, date and main text are extracted\n"
          "JSON fields (each option takes a comma-separated list; the first found wins):\n"
          "  --id-field NAMES      default id,docid,url\n"
          "  --title-field NAMES   default title,headline\n"
          "  --body-field NAMES    default body,content,text\n"
          "  --source-field NAMES  default source,site\n"
          "  --url-field NAMES     default url,link\n"
          "  --date-field NAMES    default date,published,date_extracted,time\n"
          "\n"
          "options:\n"
          "  --db FILE          the index (required)\n"
          "  --format F         force a format: text, jsonl, json, trec or html\n"
          "  --strict           stop at the first bad document (exit 1)\n"
          "  --batch-mb N       commit after about N MB of buffered postings (default 64);\n"
          "                     a crash loses at most the batch being built\n"
          "  --threads N        threads that analyze and compress documents while this one\n"
          "                     builds the index (default: one per CPU, at most 8; 1: none)\n"
          "  --optimize         merge the index into one segment at the end (for archives)\n"
          "  --extract          also find the named entities and the quotations with their\n"
          "                     speakers of every document (as khabar analyze) and store\n"
          "                     them, for 'khabar search --facets', 'entity:NAME' and\n"
          "                     'khabar quotes'. Several times slower (single-threaded).\n"
          "                     The database remembers it: later runs extract too\n"
          "  --tsv              print figures as name<TAB>value lines on stdout\n"
          "  --no-progress      no progress bar even on a terminal\n"
          "  -h, --help         this help\n"
          "\n"
          "A bad document is skipped with 'FILE:LINE: reason' on stderr and counted; the\n"
          "summary gives the counts by reason. Exit status: 0 done (even with skipped\n"
          "documents), 1 an error or a bad document under --strict, 2 usage.\n"
          "\n"
          "examples:\n"
          "  khabar index --db news.db articles/\n"
          "  khabar index --db news.db --extract articles/\n"
          "  khabar index --db news.db --id-field url --body-field content 2015-07-21.json\n"
          "  jq -c '.[]' feed.json | khabar index --db news.db -\n",
          f);
}

typedef struct input {
    char *path;
    uint64_t size;
} input;

typedef struct inputs {
    input *v;
    size_t n, cap;
    uint64_t bytes;
} inputs;

typedef struct reason {
    char text[200];
    uint64_t count;
} reason;

typedef struct run {
    kh_index *ix;
    kh_reader *rd;
    int strict, progress;
    kh_format fmt;
    uint64_t docs, replaced, skipped, bytes_in, record_bytes, files_done;
    uint64_t total_bytes;
    reason *reasons;
    size_t nreasons;
    double t0, last_draw;
} run;

static int add_input(inputs *in, const char *path, uint64_t size)
{
    if (in->n == in->cap) {
        size_t nc = in->cap ? in->cap * 2 : 64;
        input *nv = realloc(in->v, nc * sizeof *nv);
        if (!nv) return -1;
        in->v = nv;
        in->cap = nc;
    }
    char *p = strdup(path);
    if (!p) return -1;
    in->v[in->n++] = (input){p, size};
    in->bytes += size;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int wanted_ext(const char *name)
{
    static const char *const EXT[] = {".txt", ".json",  ".jsonl", ".ndjson", ".html",
                                      ".htm", ".xhtml", ".trec",  ".sgml"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof EXT / sizeof EXT[0]; i++) {
        size_t m = strlen(EXT[i]);
        if (n > m && !strcmp(name + n - m, EXT[i])) return 1;
    }
    return 0;
}

/* Adds a file, or a folder's files recursively in name order. */
static int collect(inputs *in, const char *path, int explicit, int depth)
{
    struct stat sb;
    if (stat(path, &sb)) {
        fprintf(stderr, "khabar: %s: no such file or folder\n", path);
        return -1;
    }
    if (!S_ISDIR(sb.st_mode))
        return explicit || wanted_ext(path) ? add_input(in, path, (uint64_t)sb.st_size) : 0;
    if (depth > 64) return 0;
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "khabar: %s: cannot read the folder\n", path);
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                rc = -1;
                break;
            }
            names = nn;
        }
        size_t l = strlen(path) + strlen(e->d_name) + 2;
        if (!(names[n] = malloc(l))) {
            rc = -1;
            break;
        }
        snprintf(names[n++], l, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
                 e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (!rc) rc = collect(in, names[i], 0, depth + 1);
        free(names[i]);
    }
    free(names);
    return rc;
}

/* ---- progress and summary ---------------------------------------------------- */

static void draw(run *r, int final)
{
    double now = cli_now();
    if (!r->progress || (!final && now - r->last_draw < 0.2)) return;
    r->last_draw = now;
    double el = now - r->t0, mbs = el > 0 ? (double)r->bytes_in / 1e6 / el : 0;
    char eta[32] = "";
    if (r->total_bytes && r->bytes_in && r->bytes_in < r->total_bytes) {
        double left = el * (double)(r->total_bytes - r->bytes_in) / (double)r->bytes_in;
        snprintf(eta, sizeof eta, "  ETA %d:%02d", (int)left / 60, (int)left % 60);
    }
    int width = 30,
        fill = r->total_bytes ? (int)(width * (double)r->bytes_in / (double)r->total_bytes) : 0;
    char bar[64];
    for (int i = 0; i < width; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[width] = 0;
    fprintf(stderr, "\r[%s] %llu docs  %.1f MB/s%s   ", bar, (unsigned long long)r->docs, mbs, eta);
    if (final) fputc('\n', stderr);
}

static void count_reason(run *r, const char *why)
{
    for (size_t i = 0; i < r->nreasons; i++)
        if (!strcmp(r->reasons[i].text, why)) {
            r->reasons[i].count++;
            return;
        }
    reason *nr = realloc(r->reasons, (r->nreasons + 1) * sizeof *nr);
    if (!nr) return;
    r->reasons = nr;
    snprintf(r->reasons[r->nreasons].text, sizeof r->reasons[0].text, "%s", why);
    r->reasons[r->nreasons++].count = 1;
}

/* Line number (1-based) of byte off, counting on from a previous position. */
static uint64_t line_of(const cli_buf *b, uint64_t off, uint64_t *at, uint64_t *line)
{
    if (off < *at) {
        *at = 0;
        *line = 1;
    }
    if (off > b->len) off = b->len;
    for (uint64_t i = *at; i < off; i++)
        *line += b->data[i] == '\n';
    *at = off;
    return *line;
}

/* ---- indexing ---------------------------------------------------------------------- */

/* A bad document: 'FILE:LINE: reason' (on a line of its own under a
** progress bar), counted by reason. Returns 1 when --strict makes it fatal. */
static int skip(run *r, const char *name, uint64_t line, const char *why)
{
    fprintf(stderr, "%s%s:%llu: %s\n", r->progress ? "\r" : "", name, (unsigned long long)line,
            why);
    r->skipped++;
    count_reason(r, why);
    return r->strict;
}

/* Indexes one input. Returns 0, or 1 on a fatal error. */
static int index_one(run *r, const char *path)
{
    cli_buf b;
    if (cli_read_file(path, &b)) return 1;
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    kh_format fmt = strcmp(path, "-") ? r->fmt : KH_FMT_JSONL;
    if (kh_reader_start(r->rd, b.data, b.len, path, fmt, NULL)) {
        free(b.data);
        return 1;
    }
    uint64_t at = 0, line = 1, done_bytes = 0;
    int rc = 0;
    for (;;) {
        const kh_doc *d;
        kh_status s = kh_reader_next(r->rd, &d);
        if (s) {
            const kh_error *e = kh_reader_error(r->rd);
            if (skip(r, name, line_of(&b, e->offset, &at, &line), e->message)) {
                rc = 1;
                break;
            }
            continue;
        }
        if (!d) break;
        int replaced;
        s = kh_index_add(r->ix, d, &replaced);
        if (s == KH_EINVAL || s == KH_ELIMIT) {
            if (skip(r, name, line_of(&b, d->start, &at, &line), kh_index_error(r->ix)->message)) {
                rc = 1;
                break;
            }
            continue;
        }
        if (s) {
            fprintf(stderr, "khabar: %s: %s\n", name, kh_index_error(r->ix)->message);
            rc = 1;
            break;
        }
        r->docs++;
        r->replaced += (uint64_t)replaced;
        r->record_bytes += d->end - d->start;
        if (d->end > done_bytes) { /* records end in increasing order */
            r->bytes_in += d->end - done_bytes;
            done_bytes = d->end;
        }
        draw(r, 0);
    }
    r->bytes_in += b.len > done_bytes ? b.len - done_bytes : 0;
    r->files_done++;
    free(b.data);
    return rc;
}

static void summary(run *r, int tsv, const char *db)
{
    double el = cli_now() - r->t0;
    double mbs = el > 0 ? (double)r->bytes_in / 1e6 / el : 0;
    fprintf(stderr,
            "indexed %llu documents (%llu replaced), skipped %llu, from %llu inputs, "
            "%.1f MB in %.2f s (%.1f MB/s, %.0f docs/s)\n",
            (unsigned long long)r->docs, (unsigned long long)r->replaced,
            (unsigned long long)r->skipped, (unsigned long long)r->files_done,
            (double)r->bytes_in / 1e6, el, mbs, el > 0 ? (double)r->docs / el : 0);
    for (size_t i = 0; i < r->nreasons; i++)
        fprintf(stderr, "  skipped %llu: %s\n", (unsigned long long)r->reasons[i].count,
                r->reasons[i].text);
    if (!tsv) return;
    kh_index_stats st;
    printf("docs\t%llu\nreplaced\t%llu\nskipped\t%llu\nseconds\t%.3f\n",
           (unsigned long long)r->docs, (unsigned long long)r->replaced,
           (unsigned long long)r->skipped, el);
    printf("docs_per_s\t%.1f\nmb_per_s\t%.2f\ninput_bytes\t%llu\nrecord_bytes\t%llu\n",
           el > 0 ? (double)r->docs / el : 0, mbs, (unsigned long long)r->bytes_in,
           (unsigned long long)r->record_bytes);
    if (!kh_index_stats_get(r->ix, &st))
        printf("db_bytes\t%llu\n", (unsigned long long)st.file_bytes);
    (void)db;
}

static int parse_format(const char *s, kh_format *f)
{
    static const char *const N[] = {"auto", "text", "jsonl", "json", "trec", "html"};
    for (int i = 0; i < 6; i++)
        if (!strcmp(s, N[i])) {
            *f = (kh_format)i;
            return 0;
        }
    return -1;
}

int cmd_index(int argc, char **argv)
{
    const char *db = NULL;
    kh_reader_opts ro = {0};
    kh_index_opts io = {0};
    run r = {0};
    int tsv = 0, optimize = 0, no_progress = 0;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    uint32_t threads = ncpu < 1 ? 1 : ncpu > 8 ? 8 : (uint32_t)ncpu;
    inputs in = {0};
    int rc = 0, i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        const char **field = !strcmp(a, "--id-field")       ? &ro.id
                             : !strcmp(a, "--title-field")  ? &ro.title
                             : !strcmp(a, "--body-field")   ? &ro.body
                             : !strcmp(a, "--source-field") ? &ro.source
                             : !strcmp(a, "--url-field")    ? &ro.url
                             : !strcmp(a, "--date-field")   ? &ro.date
                                                            : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            help(stdout);
            return 0;
        } else if ((field || !strcmp(a, "--db") || !strcmp(a, "--format") ||
                    !strcmp(a, "--batch-mb") || !strcmp(a, "--threads")) &&
                   i + 1 >= argc) {
            fprintf(stderr, "khabar index: %s needs a value\n", a);
            return 2;
        } else if (field) {
            *field = argv[++i];
        } else if (!strcmp(a, "--db")) {
            db = argv[++i];
        } else if (!strcmp(a, "--format")) {
            if (parse_format(argv[++i], &r.fmt)) {
                fprintf(stderr, "khabar index: unknown format '%s'\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--batch-mb")) {
            long mb = strtol(argv[++i], NULL, 10);
            if (mb < 1 || mb > 1 << 20) {
                fprintf(stderr, "khabar index: --batch-mb wants 1..1048576\n");
                return 2;
            }
            io.batch_bytes = (size_t)mb << 20;
        } else if (!strcmp(a, "--threads")) {
            long t = strtol(argv[++i], NULL, 10);
            if (t < 1 || t > 64) {
                fprintf(stderr, "khabar index: --threads wants 1..64\n");
                return 2;
            }
            threads = (uint32_t)t;
        } else if (!strcmp(a, "--strict")) {
            r.strict = 1;
        } else if (!strcmp(a, "--optimize")) {
            optimize = 1;
        } else if (!strcmp(a, "--extract")) {
            io.flags |= KH_INDEX_EXTRACT;
        } else if (!strcmp(a, "--tsv")) {
            tsv = 1;
        } else if (!strcmp(a, "--no-progress")) {
            no_progress = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "khabar index: unknown option '%s' (see --help)\n", a);
            return 2;
        } else {
            break;
        }
    }
    if (!db || i >= argc) {
        fprintf(stderr, "khabar index: %s (see --help)\n",
                !db ? "--db FILE is required" : "give at least one INPUT");
        return 2;
    }
    for (; i < argc && !rc; i++)
        rc = !strcmp(argv[i], "-") ? add_input(&in, "-", 0) : collect(&in, argv[i], 1, 0);
    if (rc) {
        rc = 1;
        goto out;
    }
    io.threads = threads;
    if (kh_index_open(db, &io, &r.ix) || kh_reader_new(&ro, &r.rd)) {
        fprintf(stderr, "khabar index: %s\n",
                r.ix ? kh_index_error(r.ix)->message : "out of memory");
        rc = 1;
        goto out;
    }
    r.progress = !no_progress && isatty(2);
    r.total_bytes = in.bytes;
    r.t0 = cli_now();
    for (size_t k = 0; k < in.n && !rc; k++)
        rc = index_one(&r, in.v[k].path);
    kh_status s = kh_index_commit(r.ix);
    if (!s && optimize) s = kh_index_optimize(r.ix);
    if (s) {
        fprintf(stderr, "khabar index: %s\n", kh_index_error(r.ix)->message);
        rc = 1;
    }
    draw(&r, 1);
    summary(&r, tsv, db);
out:
    if (kh_index_close(r.ix) && !rc) rc = 1;
    kh_reader_free(r.rd);
    for (size_t k = 0; k < in.n; k++)
        free(in.v[k].path);
    free(in.v);
    free(r.reasons);
    return rc;
}
