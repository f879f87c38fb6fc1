/*
** lexicon.c - lookups in the generated lexicon (format in lexicon.h).
*/
#include "analysis/lexicon.h"

#include <string.h>

const kh_lex_entry *kh_lex_find(const kh_lexicon *lx, const uint8_t *s, size_t n)
{
    if (!lx || !lx->nslots || n > 255) return NULL;
    uint32_t mask = lx->nslots - 1;
    uint32_t h = kh_lex_hash(s, n);
    uint32_t i = h & mask;
    for (;;) {
        uint32_t v = lx->slots[2 * i];
        if (!v) return NULL;
        if (lx->slots[2 * i + 1] == h) {
            const kh_lex_entry *e = &lx->entries[v - 1];
            if (e->len == n && memcmp(lx->blob + e->off, s, n) == 0) return e;
        }
        i = (i + 1) & mask;
    }
}
