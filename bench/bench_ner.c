/*
** bench_ner.c - entity recognizer speed: tagging throughput, model load time.
**
**   bench_ner bench FILE [--repeat N] [--mb M] [--model PATH]
**   bench_ner load [--model PATH] [--times N]
**
** bench reads the first M MB (default 10) of FILE, one article per line
** (empty lines skipped), analyzes and tags every line once untimed, then N
** more times (default 3) timed on one thread, and prints name<TAB>value:
**
**   tokens          tokens tagged in the timed passes
**   seconds         wall time of the timed passes: kh_analyze + kh_ner_tag
**   tokens_per_s    tokens / seconds: raw text to tags and canonical names
**   tag_seconds     the part of seconds spent in kh_ner_tag
**   tag_tokens_per_s  tokens / tag_seconds: the recognizer alone
**   entities        entities found in the timed passes
**   peak_rss_kb     peak resident set, input and model included
**
** load times N (default 7) kh_ner_new + kh_ner_free of the model (the
** built-in one unless --model) and prints model_bytes (the file's size;
** for the built-in model, that of models/ner.khm is reported by the script)
** and load_ms, the median.
**
** Uses only the public header.
*/
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "khabar.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *msg)
{
    fprintf(stderr, "bench_ner: %s\n", msg);
    exit(1);
}

static kh_ner *open_model(const char *path)
{
    kh_ner_opts o = {path, NULL, 0, NULL, NULL, 0};
    kh_error err;
    kh_ner *n;
    if (kh_ner_new(path ? &o : NULL, &n, &err) != KH_OK) {
        fprintf(stderr, "bench_ner: %s\n", err.message);
        exit(1);
    }
    return n;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int load(const char *model, int times)
{
    double t[64];
    if (times < 1 || times > 64) die("--times takes 1..64");
    for (int i = 0; i < times; i++) {
        double t0 = now();
        kh_ner *n = open_model(model);
        t[i] = now() - t0;
        kh_ner_free(n);
    }
    qsort(t, (size_t)times, sizeof *t, cmp_double);
    if (model) {
        FILE *f = fopen(model, "rb");
        if (!f) die("cannot open the model");
        fseek(f, 0, SEEK_END);
        printf("model_bytes\t%ld\n", ftell(f));
        fclose(f);
    }
    printf("load_ms\t%.3f\n", t[times / 2] * 1000);
    return 0;
}

typedef struct totals {
    uint64_t tokens, entities;
    double seconds, tag_seconds;
} totals;

static void pass(kh_analyzer *a, kh_ner *n, const uint8_t *data, const size_t *lines, size_t nl,
                 totals *t)
{
    for (size_t i = 0; i < nl; i++) {
        const uint8_t *s = data + lines[2 * i];
        size_t len = lines[2 * i + 1];
        const kh_analysis *an;
        const kh_ner_result *r;
        double t0 = now();
        if (kh_analyze(a, s, len, &an) != KH_OK) die("kh_analyze failed");
        double t1 = now();
        if (kh_ner_tag(n, s, len, an, NULL, 0, &r) != KH_OK) die("kh_ner_tag failed");
        double t2 = now();
        t->tokens += an->ntokens;
        t->entities += r->nentities;
        t->seconds += t2 - t0;
        t->tag_seconds += t2 - t1;
    }
}

static int bench(const char *path, int repeat, double mb, const char *model)
{
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open the corpus");
    size_t cap = (size_t)(mb * 1e6);
    uint8_t *data = malloc(cap + 1);
    if (!data) die("out of memory");
    size_t size = fread(data, 1, cap, f);
    fclose(f);
    while (size > 0 && data[size - 1] != '\n')
        size--; /* whole lines only */
    size_t *lines = malloc((size / 2 + 2) * 2 * sizeof *lines), nl = 0;
    if (!lines) die("out of memory");
    for (size_t i = 0; i < size;) {
        const uint8_t *e = memchr(data + i, '\n', size - i);
        size_t end = e ? (size_t)(e - data) : size;
        if (end > i) {
            lines[2 * nl] = i;
            lines[2 * nl + 1] = end - i;
            nl++;
        }
        i = end + 1;
    }
    kh_analyzer *a;
    if (kh_analyzer_new(NULL, &a) != KH_OK) die("no analyzer");
    kh_ner *n = open_model(model);
    totals warm = {0, 0, 0, 0}, t = {0, 0, 0, 0};
    pass(a, n, data, lines, nl, &warm);
    for (int r = 0; r < repeat; r++)
        pass(a, n, data, lines, nl, &t);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("repeat\t%d\ninput_bytes\t%zu\narticles\t%zu\n", repeat, size, nl);
    printf("tokens\t%llu\nseconds\t%.4f\ntokens_per_s\t%.0f\n", (unsigned long long)t.tokens,
           t.seconds, (double)t.tokens / t.seconds);
    printf("tag_seconds\t%.4f\ntag_tokens_per_s\t%.0f\n", t.tag_seconds,
           (double)t.tokens / t.tag_seconds);
    printf("entities\t%llu\npeak_rss_kb\t%ld\n", (unsigned long long)t.entities, ru.ru_maxrss);
    kh_ner_free(n);
    kh_analyzer_free(a);
    free(lines);
    free(data);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        die("usage: bench_ner bench FILE [--repeat N] [--mb M] [--model PATH] | load ...");
    const char *model = NULL, *file = NULL;
    int repeat = 3, times = 7;
    double mb = 10;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--mb") && i + 1 < argc)
            mb = atof(argv[++i]);
        else if (!strcmp(argv[i], "--model") && i + 1 < argc)
            model = argv[++i];
        else if (!strcmp(argv[i], "--times") && i + 1 < argc)
            times = atoi(argv[++i]);
        else
            file = argv[i];
    }
    if (!strcmp(argv[1], "load")) return load(model, times);
    if (!strcmp(argv[1], "bench") && file && repeat > 0 && mb > 0)
        return bench(file, repeat, mb, model);
    die("usage: bench_ner bench FILE [--repeat N] [--mb M] [--model PATH] | load ...");
    return 2;
}
