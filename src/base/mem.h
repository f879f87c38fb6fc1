/*
** mem.h - allocation hooks and growable byte buffers, shared by the index
** and the entity recognizer.
**
** Every allocation of those modules goes through a kh_mem (the caller's
** kh_alloc hook, or libc), so tests can inject failures. A kh_buf is a byte vector
** that remembers its allocator; after a failed append it keeps its old
** contents and returns -1, so callers can test once at the end of a run of
** appends (kh_buf.oom is sticky).
*/
#ifndef KH_BASE_MEM_H
#define KH_BASE_MEM_H

#include "khabar.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct kh_mem {
    kh_alloc_fn fn;
    void *ud;
} kh_mem;

/* The default hook: libc realloc/free. */
void *kh_mem_libc(void *ud, void *ptr, size_t osize, size_t nsize);

/* fn, or libc's when fn is NULL (ud is then ignored). */
void kh_mem_init(kh_mem *m, kh_alloc_fn fn, void *ud);

/* The hook to hand on to another handle's options: NULL when it is libc's,
** so that handle knows it may use calloc's lazily mapped zero pages (the
** analyzer's 48 MiB word cache would otherwise be written through at once). */
static inline kh_alloc_fn kh_mem_user_fn(const kh_mem *m)
{
    return m->fn == kh_mem_libc ? NULL : m->fn;
}

static inline void *kh_mem_alloc(const kh_mem *m, size_t n)
{
    return m->fn(m->ud, NULL, 0, n ? n : 1);
}

static inline void *kh_mem_realloc(const kh_mem *m, void *p, size_t osize, size_t nsize)
{
    return m->fn(m->ud, p, osize, nsize ? nsize : 1);
}

static inline void kh_mem_free(const kh_mem *m, void *p, size_t osize)
{
    if (p) m->fn(m->ud, p, osize, 0);
}

/* Grows the array *pp of *cap items of elem bytes to hold at least need
** items (doubling). Returns 0, or -1 on overflow or allocation failure
** (*pp unchanged). */
int kh_mem_grow(const kh_mem *m, void **pp, size_t *cap, size_t need, size_t elem);

typedef struct kh_buf {
    uint8_t *p;
    size_t n, cap;
    int oom; /* sticky: an append failed */
    const kh_mem *mem;
} kh_buf;

static inline void kh_buf_init(kh_buf *b, const kh_mem *m)
{
    memset(b, 0, sizeof *b);
    b->mem = m;
}

void kh_buf_free(kh_buf *b);
int kh_buf_reserve(kh_buf *b, size_t extra);
int kh_buf_put(kh_buf *b, const void *p, size_t n);

static inline int kh_buf_byte(kh_buf *b, uint8_t c)
{
    if (b->n == b->cap && kh_buf_reserve(b, 1)) return -1;
    b->p[b->n++] = c;
    return 0;
}

/* ---- varints ------------------------------------------------------------ */
/*
** Unsigned LEB128: seven bits per byte, least significant group first, the
** high bit set on every byte but the last. 300 = 0xAC 0x02. A uint32_t takes
** at most 5 bytes, a uint64_t at most 10.
*/
static inline size_t kh_varint_put(uint8_t *out, uint64_t v)
{
    size_t i = 0;
    while (v >= 0x80) {
        out[i++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    out[i++] = (uint8_t)v;
    return i;
}

static inline int kh_buf_varint(kh_buf *b, uint64_t v)
{
    if (b->cap - b->n < 10 && kh_buf_reserve(b, 10)) return -1;
    b->n += kh_varint_put(b->p + b->n, v);
    return 0;
}

/* Reads a varint of at most 32 bits from [*p, end). Returns 0 and advances
** *p, or -1 if the bytes run out or the value does not fit. */
static inline int kh_varint_get32(const uint8_t **p, const uint8_t *end, uint32_t *v)
{
    const uint8_t *s = *p;
    if (s < end && s[0] < 0x80) { /* the common one-byte case */
        *v = s[0];
        *p = s + 1;
        return 0;
    }
    uint64_t r = 0;
    for (int shift = 0; shift < 35; shift += 7) {
        if (s >= end) return -1;
        uint8_t c = *s++;
        r |= (uint64_t)(c & 0x7F) << shift;
        if (c < 0x80) {
            if (r > UINT32_MAX) return -1;
            *v = (uint32_t)r;
            *p = s;
            return 0;
        }
    }
    return -1;
}

#endif
