/*
** bench_extract.c - extraction throughput (issue 4): kh_extract over article
** bodies held in memory, measured like bench_extract so the two figures of
** one run compare directly.
**
**   bench_extract bench FILE... [--repeat N]
**   bench_extract version
**
** bench loads every FILE and indexes its lines (one article body per line,
** empty lines skipped), extracts every line once untimed (KH_XF_NO_TITLE:
** bodies carry no headline line), then N more times (default 3) timed, and
** prints name<TAB>value lines:
**
**   repeat        N
**   bytes         input bytes x N (whole files, newlines included)
**   seconds       wall time of the N timed passes (monotonic clock)
**   mb_per_s      bytes / 1e6 / seconds
**   direct        direct quotations found in the timed passes
**   reported      reported statements found in the timed passes
**   with_speaker  of those, statements with a speaker
**   peak_rss_kb   peak resident set of the process, input held in memory included
**
** Every pass reads every span of every result into a checksum. The
** extractor runs the analyzer itself, so the figure includes analysis.
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
    uint64_t direct, reported, with_speaker;
    uint64_t checksum; /* every result span folded in */
} pass_stats;


static uint64_t touch_span(kh_span sp)
{
    return (uint64_t)sp.start + sp.end;
}

/* Extracts every line of c once and adds what it saw to *ps. Returns 0, or
** -1 after printing the library's error with the line where it arose. */
static int run_pass(kh_extractor *x, const corpus *c, pass_stats *ps)
{
    static const kh_extract_opts body = {KH_XF_NO_TITLE, 0, 0, 0};
    size_t i, k;
    for (i = 0; i < c->nlines; i++) {
        const line *l = &c->lines[i];
        const kh_article *d;
        kh_status st = kh_extract(x, c->data + l->start, l->len, &body, &d);
        if (st != KH_OK) {
            fprintf(stderr, "line %zu: %s\n", i + 1, kh_strerror(st));
            return -1;
        }
        for (k = 0; k < d->nquotes; k++) {
            const kh_quote *q = &d->quotes[k];
            ps->checksum += touch_span(q->text) + touch_span(q->marks) + touch_span(q->speaker) +
                            touch_span(q->mention) + touch_span(q->cue) + q->flags;
            ps->direct += q->kind == KH_QUOTE_DIRECT;
            ps->reported += q->kind == KH_QUOTE_REPORTED;
            ps->with_speaker += q->speaker.start != KH_NONE;
        }
        for (k = 0; k < d->nsources; k++)
            ps->checksum += touch_span(d->sources[k].name);
        for (k = 0; k < d->ndates; k++)
            ps->checksum += touch_span(d->dates[k].span) + (uint64_t)d->dates[k].month;
        for (k = 0; k < d->nnumbers; k++)
            ps->checksum += touch_span(d->numbers[k].span);
        ps->checksum += d->nsubheadings + d->nboilerplate + touch_span(d->dateline.span);
    }
    return 0;
}

static int cmd_bench(int argc, char **argv)
{
    corpus c = {0};
    pass_stats warm = {0}, timed = {0};
    volatile uint64_t sink; /* the checksum must be stored, so no read is dead */
    kh_extractor *a = NULL;
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

    st = kh_extractor_new(NULL, &a);
    if (st != KH_OK) {
        fprintf(stderr, "kh_extractor_new: %s\n", kh_strerror(st));
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
    printf("direct\t%llu\n", (unsigned long long)timed.direct);
    printf("reported\t%llu\n", (unsigned long long)timed.reported);
    printf("with_speaker\t%llu\n", (unsigned long long)timed.with_speaker);
    printf("peak_rss_kb\t%ld\n", peak_rss_kb());
    rc = 0;
    goto cleanup;

usage:
    fputs("usage: bench_extract bench FILE... [--repeat N>=1]\n", stderr);
    rc = 2;
cleanup:
    kh_extractor_free(a);
    free(c.lines);
    free(c.data);
    return rc;
}

static void usage(FILE *f)
{
    fputs("usage: bench_extract bench FILE... [--repeat N]   throughput, after one warm-up pass\n"
          "       bench_extract version\n",
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
