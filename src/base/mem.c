/*
** mem.c - allocation hooks and byte buffers (see mem.h).
*/
#include "base/mem.h"

#include <stdlib.h>

void *kh_mem_libc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, nsize);
}

void kh_mem_init(kh_mem *m, kh_alloc_fn fn, void *ud)
{
    m->fn = fn ? fn : kh_mem_libc;
    m->ud = fn ? ud : NULL;
}

int kh_mem_grow(const kh_mem *m, void **pp, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap : 16;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elem) return -1; /* nc * 2 * elem would wrap */
        nc *= 2;
    }
    void *np = kh_mem_realloc(m, *pp, *cap * elem, nc * elem);
    if (!np) return -1;
    *pp = np;
    *cap = nc;
    return 0;
}

void kh_buf_free(kh_buf *b)
{
    kh_mem_free(b->mem, b->p, b->cap);
    b->p = NULL;
    b->n = b->cap = 0;
}

int kh_buf_reserve(kh_buf *b, size_t extra)
{
    if (b->oom) return -1;
    if (extra > SIZE_MAX - b->n || kh_mem_grow(b->mem, (void **)&b->p, &b->cap, b->n + extra, 1)) {
        b->oom = 1;
        return -1;
    }
    return 0;
}

int kh_buf_put(kh_buf *b, const void *p, size_t n)
{
    if (b->cap - b->n < n && kh_buf_reserve(b, n)) return -1;
    if (n) memcpy(b->p + b->n, p, n);
    b->n += n;
    return 0;
}
