/*
** bench_corpus.h - what the single-file benchmark programs share: a corpus
** of non-empty lines read from files, a monotonic clock, peak memory, and
** the whole "bench FILE... [--repeat N]" / "version" command around a pass
** over the corpus (bench_main), so a program only says what one pass does. Header-only with static functions, because bench/common.sh
** compiles each benchmark from its one .c file.
*/
#ifndef KHABAR_BENCH_CORPUS_H
#define KHABAR_BENCH_CORPUS_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "khabar.h"

typedef struct line {
    size_t start, len;
} line;

typedef struct corpus {
    uint8_t *data; /* every file, back to back */
    size_t size, cap;
    line *lines; /* non-empty lines, in input order */
    size_t nlines, lcap;
} corpus;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0) return -1;
    return ru.ru_maxrss; /* kilobytes on Linux */
}

/* Grows c->data so that at least `want` more bytes fit. Returns 0, or -1 when
** out of memory (c->data is then unchanged). */
static int reserve_data(corpus *c, size_t want)
{
    size_t cap = c->cap ? c->cap : (size_t)1 << 24;
    uint8_t *grown;
    if (c->cap - c->size >= want) return 0;
    while (cap - c->size < want) {
        if (cap > SIZE_MAX / 2) return -1;
        cap *= 2;
    }
    grown = realloc(c->data, cap);
    if (!grown) return -1;
    c->data = grown;
    c->cap = cap;
    return 0;
}

static int add_line(corpus *c, size_t start, size_t len)
{
    if (c->nlines == c->lcap) {
        size_t cap = c->lcap ? c->lcap * 2 : 4096;
        line *grown;
        if (cap > SIZE_MAX / sizeof *grown) return -1;
        grown = realloc(c->lines, cap * sizeof *grown);
        if (!grown) return -1;
        c->lines = grown;
        c->lcap = cap;
    }
    c->lines[c->nlines].start = start;
    c->lines[c->nlines].len = len;
    c->nlines++;
    return 0;
}

/* Appends the file at path to c and indexes its lines. Lines never run from
** one file into the next, even when a file does not end with a newline.
** Returns 0, or -1 after printing why. */
static int load_file(corpus *c, const char *path)
{
    FILE *f = fopen(path, "rb");
    size_t first = c->size, got, i, start;
    if (!f) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    do {
        if (reserve_data(c, (size_t)1 << 20) != 0) {
            fprintf(stderr, "%s: out of memory\n", path);
            fclose(f);
            return -1;
        }
        got = fread(c->data + c->size, 1, c->cap - c->size, f);
        c->size += got;
    } while (got > 0);
    if (ferror(f)) {
        fprintf(stderr, "%s: read error\n", path);
        fclose(f);
        return -1;
    }
    fclose(f);
    for (start = i = first; i <= c->size; i++) {
        if (i < c->size && c->data[i] != '\n') continue;
        if (i > start && add_line(c, start, i - start) != 0) {
            fprintf(stderr, "%s: out of memory\n", path);
            return -1;
        }
        start = i + 1;
    }
    return 0;
}

/* Parses N of --repeat N: a whole number from 1 up. Returns it, or 0. */
static long parse_repeat(const char *s)
{
    char *end;
    long n;
    errno = 0;
    n = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || n < 1) return 0;
    return n;
}

/* What a benchmark program times. pass() handles every line of c once,
** adds what it saw to stats (stats_size bytes, zeroed before the warm-up
** and before the timed passes) and returns 0, or -1 after printing why. */
typedef struct bench_ops {
    const char *prog;                      /* for usage lines */
    void *(*open)(void);                   /* the handle, or NULL after a message */
    void (*close)(void *h);
    int (*pass)(void *h, const corpus *c, void *stats);
    void (*print)(const void *stats);      /* figures of the timed passes */
    uint64_t (*checksum)(const void *stats); /* kept, so no read is dead */
    size_t stats_size;
} bench_ops;

/* bench FILE... [--repeat N]: one untimed pass, then N timed ones (default
** 3); prints repeat, bytes, seconds, mb_per_s, the program's figures and
** peak_rss_kb as name<TAB>value lines. */
static int bench_run(const bench_ops *ops, int argc, char **argv)
{
    corpus c = {0};
    volatile uint64_t sink;
    void *h = NULL, *warm = calloc(1, ops->stats_size), *timed = calloc(1, ops->stats_size);
    long repeat = 3, r;
    int i, nfiles = 0, rc = 1;
    double t0, secs;

    if (!warm || !timed) {
        fprintf(stderr, "%s: out of memory\n", ops->prog);
        goto cleanup;
    }
    for (i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--repeat") == 0) {
            if (i + 1 == argc || (repeat = parse_repeat(argv[++i])) == 0) goto usage;
            continue;
        }
        if (load_file(&c, argv[i]) != 0) goto cleanup;
        nfiles++;
    }
    if (nfiles == 0) goto usage;
    if (!(h = ops->open())) goto cleanup;
    if (ops->pass(h, &c, warm) != 0) goto cleanup;
    t0 = now_s();
    for (r = 0; r < repeat; r++)
        if (ops->pass(h, &c, timed) != 0) goto cleanup;
    secs = now_s() - t0;
    sink = ops->checksum(warm) + ops->checksum(timed);
    (void)sink;

    printf("repeat\t%ld\n", repeat);
    printf("bytes\t%llu\n", (unsigned long long)c.size * (unsigned long long)repeat);
    printf("seconds\t%.4f\n", secs);
    printf("mb_per_s\t%.2f\n", (double)c.size * (double)repeat / 1e6 / secs);
    ops->print(timed);
    printf("peak_rss_kb\t%ld\n", peak_rss_kb());
    rc = 0;
    goto cleanup;

usage:
    fprintf(stderr, "usage: %s bench FILE... [--repeat N>=1]\n", ops->prog);
    rc = 2;
cleanup:
    if (h) ops->close(h);
    free(warm);
    free(timed);
    free(c.lines);
    free(c.data);
    return rc;
}

static void bench_usage(const bench_ops *ops, FILE *f)
{
    fprintf(f,
            "usage: %s bench FILE... [--repeat N]   throughput, after one warm-up pass\n"
            "       %s version\n",
            ops->prog, ops->prog);
}

/* The program's main: bench, version, --help. */
static int bench_main(const bench_ops *ops, int argc, char **argv)
{
    int rc;
    if (argc < 2) {
        bench_usage(ops, stderr);
        return 2;
    }
    if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
        /* Both versions: a key change bumps only the analyzer's. */
        printf("khabar\tkhabar %s, analyzer version %d\n", kh_version(), KH_ANALYZER_VERSION);
        return 0;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        bench_usage(ops, stdout);
        return 0;
    }
    if (strcmp(argv[1], "bench") == 0) {
        rc = bench_run(ops, argc - 2, argv + 2);
    } else {
        bench_usage(ops, stderr);
        rc = 2;
    }
    if (fflush(stdout) != 0) rc = 1;
    return rc;
}

#endif /* KHABAR_BENCH_CORPUS_H */
