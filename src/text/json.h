/*
** json.h - a small, strict JSON reader for ingesting documents.
**
** Reads one object at a time and keeps only the members asked for; every
** other value is checked and skipped. Strings are decoded (escapes, UTF-16
** surrogate pairs; a lone surrogate becomes U+FFFD) into a caller's buffer,
** and a string without escapes is returned in place, without a copy.
** Numbers are returned as their literal text; true, false and null count as
** absent. Nesting deeper than KH_JSON_MAX_DEPTH is an error, so hostile input
** cannot exhaust the stack.
*/
#ifndef KH_TEXT_JSON_H
#define KH_TEXT_JSON_H

#include <stddef.h>
#include <stdint.h>

#define KH_JSON_MAX_DEPTH 64

/* One wanted member: names is a comma-separated list ("body,content"); the
** earliest name present wins. OUT: value, rank (index of the name that
** matched, or -1). */
typedef struct kh_json_field {
    const char *names;
    const uint8_t *ptr;
    size_t len;
    int rank;
    int escaped; /* ptr points into the scratch buffer (see kh_json_object) */
} kh_json_field;

/* Growable scratch for decoded strings (grown with the caller's realloc-like
** function; see reader.c). */
typedef struct kh_json_scratch {
    uint8_t *p;
    size_t n, cap;
    void *(*grow)(void *ctx, void *p, size_t ocap, size_t ncap);
    void *ctx;
} kh_json_scratch;

/* Skips spaces (space, tab, CR, LF) from *pos. */
void kh_json_ws(const uint8_t *s, size_t len, size_t *pos);

/* Parses the object at *pos (after spaces) and fills fields. Values that
** were decoded live in scratch at offsets stored in ptr until
** kh_json_fix() turns them into pointers. Returns 0 and moves *pos past the
** object, or -1 with *why and *at (byte offset) describing the error. */
int kh_json_object(const uint8_t *s, size_t len, size_t *pos, kh_json_field *fields, size_t nf,
                   kh_json_scratch *scratch, const char **why, size_t *at);

/* Turns scratch offsets into pointers once the scratch no longer moves. */
void kh_json_fix(kh_json_field *fields, size_t nf, const kh_json_scratch *scratch);

/* Skips one value of any shape, without checking it, tracking only strings
** and brackets: used to resynchronize after a bad record. Returns 0, or -1
** if the input ends first. */
int kh_json_skip_loose(const uint8_t *s, size_t len, size_t *pos);

#endif
