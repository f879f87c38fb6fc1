/*
** check.h - the test macros of tests/unit/test.h (TEST, CHECK, REQUIRE,
** CHECK_EQ_INT, CHECK_EQ_STR), in a standalone form for the search tests,
** which run as their own program (main.c) until they move under tests/unit/.
** A test registers itself before main() through a constructor; CHECK records
** a failure and goes on, REQUIRE records it and returns.
*/
#ifndef KH_SEARCH_CHECK_H
#define KH_SEARCH_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct kt_ctx kt_ctx;

typedef struct kt_test {
    const char *name;
    const char *file;
    int line;
    void (*fn)(kt_ctx *kt_);
    struct kt_test *next;
} kt_test;

void kt_register(kt_test *t);
void kt_fail(kt_ctx *kt_, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#define TEST(name)                                                                                 \
    static void name(kt_ctx *kt_ __attribute__((unused)));                                         \
    static kt_test kt_reg_##name = {#name, __FILE__, __LINE__, name, NULL};                       \
    __attribute__((constructor)) static void kt_ctor_##name(void)                                  \
    {                                                                                              \
        kt_register(&kt_reg_##name);                                                               \
    }                                                                                              \
    static void name(kt_ctx *kt_ __attribute__((unused)))

#define KT kt_
#define FAIL(...) kt_fail(kt_, __FILE__, __LINE__, __VA_ARGS__)

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            FAIL("CHECK(%s)", #cond);                                                              \
    } while (0)

#define REQUIRE(cond)                                                                              \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            FAIL("REQUIRE(%s)", #cond);                                                            \
            return;                                                                                \
        }                                                                                          \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                                         \
    do {                                                                                           \
        long long kt_a_ = (long long)(a), kt_b_ = (long long)(b);                                  \
        if (kt_a_ != kt_b_)                                                                        \
            FAIL("%s == %s: %lld != %lld", #a, #b, kt_a_, kt_b_);                                  \
    } while (0)

#define REQUIRE_EQ_INT(a, b)                                                                       \
    do {                                                                                           \
        long long kt_a_ = (long long)(a), kt_b_ = (long long)(b);                                  \
        if (kt_a_ != kt_b_) {                                                                      \
            FAIL("%s == %s: %lld != %lld", #a, #b, kt_a_, kt_b_);                                  \
            return;                                                                                \
        }                                                                                          \
    } while (0)

#define CHECK_EQ_STR(a, b)                                                                         \
    do {                                                                                           \
        const char *kt_a_ = (a), *kt_b_ = (b);                                                     \
        if (!kt_a_ || !kt_b_ || strcmp(kt_a_, kt_b_) != 0)                                         \
            FAIL("%s == %s: \"%s\" != \"%s\"", #a, #b, kt_a_ ? kt_a_ : "(null)",                   \
                 kt_b_ ? kt_b_ : "(null)");                                                        \
    } while (0)

/* ---- helpers shared by the search tests (helpers.c) ---- */

/* A fresh empty folder under build/search-tests/ for this test; the path is
** static storage of the test program, valid until the next call. */
const char *kt_tmpdir(const char *test);
/* path + "/" + name, in a buffer valid until the next call. */
const char *kt_path(const char *dir, const char *name);
/* Writes a file; returns 0 or -1. */
int kt_write(const char *path, const char *text);

#endif
