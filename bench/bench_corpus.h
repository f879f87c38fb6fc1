/*
** bench_corpus.h - what the single-file benchmark programs share: a corpus
** of non-empty lines read from files, a monotonic clock, peak memory and the
** --repeat argument. Header-only with static functions, because bench/common.sh
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

#endif /* KHABAR_BENCH_CORPUS_H */
