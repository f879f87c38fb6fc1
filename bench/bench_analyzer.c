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

#include "bench_corpus.h"
#include "khabar.h"

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

static void *open_handle(void)
{
    kh_analyzer *h = NULL;
    kh_status st = kh_analyzer_new(NULL, &h);
    if (st != KH_OK) {
        fprintf(stderr, "kh_analyzer_new: %s\n", kh_strerror(st));
        return NULL;
    }
    return h;
}

static void close_handle(void *h)
{
    kh_analyzer_free(h);
}

static int pass(void *h, const corpus *c, void *stats)
{
    return run_pass(h, c, stats);
}

static void print(const void *stats)
{
    const pass_stats *ps = stats;
    printf("tokens\t%llu\n", (unsigned long long)ps->tokens);
    printf("tokens_keyed\t%llu\n", (unsigned long long)ps->keyed);
}

static uint64_t checksum(const void *stats)
{
    return ((const pass_stats *)stats)->checksum;
}

static const bench_ops OPS = {"bench_analyzer", open_handle,       close_handle, pass, print,
                              checksum,         sizeof(pass_stats)};

int main(int argc, char **argv)
{
    return bench_main(&OPS, argc, argv);
}
