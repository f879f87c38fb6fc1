/*
** test.h - the smallest test framework that does the job for khabar.
**
** A test is a function declared with TEST(name); it registers itself before
** main() through a constructor, so adding a test is adding a function, and no
** table elsewhere can fall out of step with the files. Name a test for the
** behaviour it pins down (tatweel_is_removed_from_key), because that name is
** all a failing run shows besides file:line.
**
** CHECK* records a failure and carries on, so one run shows every broken
** expectation of a test; REQUIRE* records it and returns, for when the rest of
** the test would only read garbage (a NULL result, a wrong token count).
**
** The registry is the only mutable global and is written before main() runs,
** single-threaded; tests themselves get their state through kt_ctx.
*/
#ifndef KHABAR_TEST_H
#define KHABAR_TEST_H

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

/* Called by the constructors TEST() generates; runner.c owns the list. */
void kt_register(kt_test *t);

/* Records one failed expectation of the running test, printf-style. */
void kt_fail(kt_ctx *kt_, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Runs fn(arg) after the running test returns, unless kt_undefer(kt_, arg)
** comes first; so a REQUIRE that returns early does not leak what the test
** holds and bury its own message under a leak report. */
void kt_defer(kt_ctx *kt_, void (*fn)(void *), void *arg);
void kt_undefer(kt_ctx *kt_, void *arg);

/* 1 while the running test has no failure yet. */
int kt_ok(const kt_ctx *kt_);

/* kt_ is marked unused because a test may call only API functions, no CHECK. */
#define TEST(name)                                                                                 \
    static void name(kt_ctx *kt_ __attribute__((unused)));                                         \
    static kt_test kt_reg_##name = {#name, __FILE__, __LINE__, name, NULL};                        \
    __attribute__((constructor)) static void kt_ctor_##name(void)                                  \
    {                                                                                              \
        kt_register(&kt_reg_##name);                                                               \
    }                                                                                              \
    static void name(kt_ctx *kt_ __attribute__((unused)))

/* The context variable, for helpers that take it as a parameter. */
#define KT kt_

#define FAIL(...) kt_fail(kt_, __FILE__, __LINE__, __VA_ARGS__)

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) FAIL("CHECK(%s)", #cond);                                                     \
    } while (0)

#define REQUIRE(cond)                                                                              \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            FAIL("REQUIRE(%s)", #cond);                                                            \
            return;                                                                                \
        }                                                                                          \
    } while (0)

/* Integers are compared as long long so that enums, uint32_t and size_t mix. */
#define CHECK_EQ_INT(a, b)                                                                         \
    do {                                                                                           \
        long long kt_a_ = (long long)(a), kt_b_ = (long long)(b);                                  \
        if (kt_a_ != kt_b_) FAIL("%s == %s: %lld != %lld", #a, #b, kt_a_, kt_b_);                  \
    } while (0)

#define REQUIRE_EQ_INT(a, b)                                                                       \
    do {                                                                                           \
        long long kt_a_ = (long long)(a), kt_b_ = (long long)(b);                                  \
        if (kt_a_ != kt_b_) {                                                                      \
            FAIL("%s == %s: %lld != %lld", #a, #b, kt_a_, kt_b_);                                  \
            return;                                                                                \
        }                                                                                          \
    } while (0)

/* Strings may be NULL; a NULL never equals anything, so it is reported, not crashed on. */
#define CHECK_EQ_STR(a, b)                                                                         \
    do {                                                                                           \
        const char *kt_a_ = (a), *kt_b_ = (b);                                                     \
        if (!kt_a_ || !kt_b_ || strcmp(kt_a_, kt_b_) != 0)                                         \
            FAIL("%s == %s: \"%s\" != \"%s\"", #a, #b, kt_a_ ? kt_a_ : "(null)",                   \
                 kt_b_ ? kt_b_ : "(null)");                                                        \
    } while (0)

#define CHECK_NE_STR(a, b)                                                                         \
    do {                                                                                           \
        const char *kt_a_ = (a), *kt_b_ = (b);                                                     \
        if (!kt_a_ || !kt_b_ || strcmp(kt_a_, kt_b_) == 0)                                         \
            FAIL("%s != %s: both \"%s\"", #a, #b, kt_a_ ? kt_a_ : "(null)");                       \
    } while (0)

#endif /* KHABAR_TEST_H */
