/*
** bench_analyzer.c - analyzer throughput, measured the way the peer drivers
** measure theirs, so that the three figures of one run can stand side by side.
**
**   bench_analyzer bench FILE... [--repeat N]
**   bench_analyzer version
**
** bench loads every FILE into memory and indexes its lines (one article body
** per line; empty lines are skipped, as the Lucene driver does). It analyzes
** every line with kh_analyze once untimed, then N more times (default 3)
** timed, and prints name<TAB>value lines in the peers' format:
**
**   repeat        N
**   bytes         input bytes x N (whole files, newlines included, as the peers count)
**   seconds       wall time of the N timed passes (monotonic clock)
**   mb_per_s      bytes / 1e6 / seconds
**   tokens        tokens produced in the timed passes (every kind, punctuation included)
**   tokens_keyed  of those, tokens with a non-empty search key
**   peak_rss_kb   peak resident set of the process, input held in memory included
**
** Every pass reads every field of every token (offsets, kind, flags,
** sentence, norm, seg, key and each segment) into a checksum, so the figure
** is the cost of producing what a caller of kh_analyze gets, and the compiler
** cannot drop any of it. What is measured and why: bench/README.md and the
** "Throughput" protocol in the shared docs.
**
** Uses only the public header: the benchmark sees the library as a user does.
*/
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#endif

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "khabar.h"
#include "bench_corpus.h"

/* One line of the input: a byte range in corpus.data. Offsets rather than
** pointers, because data moves while later files are appended. */
/* What one pass saw. */
typedef struct pass_stats {
    uint64_t tokens;
    uint64_t keyed;    /* tokens with a non-empty key */
    uint64_t checksum; /* every token field folded in; see touch_token() */
} pass_stats;


/* The first byte of a returned string. The header promises NUL-terminated
** strings; a NULL is tolerated so that a contract slip shows up in the tests,
** not as a crash in the middle of a timing run. */
static unsigned first_byte(const char *s)
{
    return s ? (unsigned char)s[0] : 0u;
}

/* Folds every field of t, and of each of its segments, into one number. The
** lengths stand for the strings' work; one byte of each string proves that the
** pointer is live and costs what a caller's first look at the string costs. */
static uint64_t touch_token(const kh_token *t)
{
    uint64_t sum = (uint64_t)t->start + t->end + t->kind + t->flags + t->sentence;
    uint32_t j;
    sum += (uint64_t)t->norm_len + t->seg_len + t->key_len;
    sum += first_byte(t->norm) + first_byte(t->seg) + first_byte(t->key);
    for (j = 0; j < t->nsegs; j++) {
        const kh_segment *s = &t->segs[j];
        sum += (uint64_t)s->start + s->end + s->len + s->role + first_byte(s->text);
    }
    return sum;
}

/* Analyzes every line of c once and adds what it saw to *ps. Returns 0, or -1
** after printing the library's error with the line and byte where it arose. */
static int run_pass(kh_analyzer *a, const corpus *c, pass_stats *ps)
{
    size_t i, k;
    for (i = 0; i < c->nlines; i++) {
        const line *l = &c->lines[i];
        const kh_analysis *an;
        kh_status st = kh_analyze(a, c->data + l->start, l->len, &an);
        if (st != KH_OK) {
            const kh_error *e = kh_analyzer_error(a);
            fprintf(stderr, "line %zu: %s", i + 1, kh_strerror(st));
            if (e && e->offset != UINT64_MAX)
                fprintf(stderr, " at byte %llu", (unsigned long long)e->offset);
            if (e && e->message[0]) fprintf(stderr, ": %s", e->message);
            fputc('\n', stderr);
            return -1;
        }
        for (k = 0; k < an->ntokens; k++) {
            ps->checksum += touch_token(&an->tokens[k]);
            ps->keyed += an->tokens[k].key_len != 0;
        }
        ps->tokens += an->ntokens;
    }
    return 0;
}

static int cmd_bench(int argc, char **argv)
{
    corpus c = {0};
    pass_stats warm = {0}, timed = {0};
    volatile uint64_t sink; /* the checksum must be stored, so no read is dead */
    kh_analyzer *a = NULL;
    long repeat = 3, r;
    int i, nfiles = 0, rc = 1;
    double t0, secs;
    kh_status st;

    for (i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--repeat") == 0) {
            if (i + 1 == argc || (repeat = parse_repeat(argv[++i])) == 0) goto usage;
            continue;
        }
        if (load_file(&c, argv[i]) != 0) goto cleanup;
        nfiles++;
    }
    if (nfiles == 0) goto usage;

    st = kh_analyzer_new(NULL, &a);
    if (st != KH_OK) {
        fprintf(stderr, "kh_analyzer_new: %s\n", kh_strerror(st));
        goto cleanup;
    }
    if (run_pass(a, &c, &warm) != 0) goto cleanup;
    t0 = now_s();
    for (r = 0; r < repeat; r++)
        if (run_pass(a, &c, &timed) != 0) goto cleanup;
    secs = now_s() - t0;
    sink = warm.checksum + timed.checksum;
    (void)sink;

    printf("repeat\t%ld\n", repeat);
    printf("bytes\t%llu\n", (unsigned long long)c.size * (unsigned long long)repeat);
    printf("seconds\t%.4f\n", secs);
    printf("mb_per_s\t%.2f\n", (double)c.size * (double)repeat / 1e6 / secs);
    printf("tokens\t%llu\n", (unsigned long long)timed.tokens);
    printf("tokens_keyed\t%llu\n", (unsigned long long)timed.keyed);
    printf("peak_rss_kb\t%ld\n", peak_rss_kb());
    rc = 0;
    goto cleanup;

usage:
    fputs("usage: bench_analyzer bench FILE... [--repeat N>=1]\n", stderr);
    rc = 2;
cleanup:
    kh_analyzer_free(a);
    free(c.lines);
    free(c.data);
    return rc;
}

static void usage(FILE *f)
{
    fputs("usage: bench_analyzer bench FILE... [--repeat N]   throughput, after one warm-up pass\n"
          "       bench_analyzer version\n",
          f);
}

int main(int argc, char **argv)
{
    int rc;
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
        /* Both versions: a key change bumps only the analyzer's. */
        printf("khabar\tkhabar %s, analyzer version %d\n", kh_version(), KH_ANALYZER_VERSION);
        return 0;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "bench") == 0) {
        rc = cmd_bench(argc - 2, argv + 2);
    } else {
        usage(stderr);
        rc = 2;
    }
    if (fflush(stdout) != 0) rc = 1;
    return rc;
}
