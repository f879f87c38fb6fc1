/*
** main.c - runs every TEST of the search tests; prints each failure and
** "N passed, N failed"; exits 1 on any failure. An argument runs only the
** tests whose name contains it.
*/
#include "check.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

struct kt_ctx {
    const kt_test *t;
    int failures;
};

static kt_test *tests; /* written by constructors before main(), then read only */

void kt_register(kt_test *t)
{
    t->next = tests;
    tests = t;
}

void kt_fail(kt_ctx *kt_, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "FAIL %s (%s:%d): ", kt_->t->name, file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    kt_->failures++;
}

static char tmp[4096], path[4096];

static void rm_rf(const char *p)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", p);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot clean %s\n", p);
}

const char *kt_tmpdir(const char *test)
{
    mkdir("build", 0777);
    mkdir("build/search-tests", 0777);
    snprintf(tmp, sizeof tmp, "build/search-tests/%s", test);
    rm_rf(tmp);
    if (mkdir(tmp, 0777) && errno != EEXIST)
        fprintf(stderr, "cannot create %s\n", tmp);
    return tmp;
}

const char *kt_path(const char *dir, const char *name)
{
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

int kt_write(const char *p, const char *text)
{
    FILE *f = fopen(p, "wb");
    if (!f)
        return -1;
    size_t n = strlen(text);
    int rc = fwrite(text, 1, n, f) == n ? 0 : -1;
    return fclose(f) || rc;
}

int main(int argc, char **argv)
{
    /* constructors push in reverse: restore file order */
    kt_test *rev = NULL;
    while (tests) {
        kt_test *n = tests->next;
        tests->next = rev;
        rev = tests;
        tests = n;
    }
    int passed = 0, failed = 0;
    for (const kt_test *t = rev; t; t = t->next) {
        if (argc > 1 && !strstr(t->name, argv[1]))
            continue;
        kt_ctx c = {t, 0};
        t->fn(&c);
        if (c.failures)
            failed++;
        else
            passed++;
    }
    printf("search tests: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
