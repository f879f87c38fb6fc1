/*
** runner.c - runs every registered unit test and prints the tally.
**
** Usage: unit [-v] [SUBSTRING]
**   SUBSTRING  run only the tests whose name contains it
**   -v         print each test's name as it starts (useful when one crashes)
**
** Prints each failure as "file:line: test: message" and ends with exactly
** "N passed, N failed"; exits 1 if any test failed or none matched, so that a
** typo in the filter is not mistaken for a green run.
**
** Tests run in file then line order, not registration order, so the output
** does not depend on the order in which the linker ran the constructors.
*/
#include "test.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

enum { MAX_DEFERRED = 64 };

struct kt_ctx {
    const kt_test *test;
    int nfail;
    size_t ndefer;
    struct {
        void (*fn)(void *);
        void *arg;
    } defer[MAX_DEFERRED];
};

static kt_test *registry; /* written only by constructors, before main() */

void kt_register(kt_test *t)
{
    t->next = registry;
    registry = t;
}

void kt_fail(kt_ctx *kt_, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stdout, "%s:%d: %s: ", file, line, kt_->test->name);
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
    fflush(stdout);
    kt_->nfail++;
}

void kt_defer(kt_ctx *kt_, void (*fn)(void *), void *arg)
{
    if (kt_->ndefer == MAX_DEFERRED) {
        kt_fail(kt_, __FILE__, __LINE__, "more than %d deferred cleanups", MAX_DEFERRED);
        fn(arg);
        return;
    }
    kt_->defer[kt_->ndefer].fn = fn;
    kt_->defer[kt_->ndefer].arg = arg;
    kt_->ndefer++;
}

void kt_undefer(kt_ctx *kt_, void *arg)
{
    for (size_t i = kt_->ndefer; i-- > 0;)
        if (kt_->defer[i].arg == arg) {
            kt_->defer[i] = kt_->defer[--kt_->ndefer];
            return;
        }
}

int kt_ok(const kt_ctx *kt_)
{
    return kt_->nfail == 0;
}

static int by_file_then_line(const void *pa, const void *pb)
{
    const kt_test *a = *(const kt_test *const *)pa, *b = *(const kt_test *const *)pb;
    int c = strcmp(a->file, b->file);
    if (c) return c;
    return (a->line > b->line) - (a->line < b->line);
}

int main(int argc, char **argv)
{
    const char *filter = NULL;
    int verbose = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: %s [-v] [SUBSTRING]\n", argv[0]);
            return 2;
        } else
            filter = argv[i];
    }

    size_t n = 0;
    for (kt_test *t = registry; t; t = t->next)
        n++;
    kt_test **all = malloc((n ? n : 1) * sizeof *all);
    if (!all) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    n = 0;
    for (kt_test *t = registry; t; t = t->next)
        all[n++] = t;
    qsort(all, n, sizeof *all, by_file_then_line);

    int passed = 0, failed = 0;
    for (size_t i = 0; i < n; i++) {
        if (filter && !strstr(all[i]->name, filter)) continue;
        if (verbose) printf("-- %s\n", all[i]->name);
        fflush(stdout);
        kt_ctx ctx;
        memset(&ctx, 0, sizeof ctx);
        ctx.test = all[i];
        all[i]->fn(&ctx);
        while (ctx.ndefer > 0) { /* last deferred, first run */
            ctx.ndefer--;
            ctx.defer[ctx.ndefer].fn(ctx.defer[ctx.ndefer].arg);
        }
        if (ctx.nfail)
            failed++;
        else
            passed++;
    }
    free(all);

    if (passed + failed == 0 && filter) fprintf(stdout, "no test name contains \"%s\"\n", filter);
    printf("%d passed, %d failed\n", passed, failed);
    return (failed || passed + failed == 0) ? 1 : 0;
}
