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

#include "bench_corpus.h"
#include "khabar.h"

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

static void *open_handle(void)
{
    kh_extractor *h = NULL;
    kh_status st = kh_extractor_new(NULL, &h);
    if (st != KH_OK) {
        fprintf(stderr, "kh_extractor_new: %s\n", kh_strerror(st));
        return NULL;
    }
    return h;
}

static void close_handle(void *h)
{
    kh_extractor_free(h);
}

static int pass(void *h, const corpus *c, void *stats)
{
    return run_pass(h, c, stats);
}

static void print(const void *stats)
{
    const pass_stats *ps = stats;
    printf("direct\t%llu\n", (unsigned long long)ps->direct);
    printf("reported\t%llu\n", (unsigned long long)ps->reported);
    printf("with_speaker\t%llu\n", (unsigned long long)ps->with_speaker);
}

static uint64_t checksum(const void *stats)
{
    return ((const pass_stats *)stats)->checksum;
}

static const bench_ops OPS = {"bench_extract", open_handle, close_handle,      pass,
                              print,           checksum,    sizeof(pass_stats)};

int main(int argc, char **argv)
{
    return bench_main(&OPS, argc, argv);
}
