/*
** fuzz_postings.c - libFuzzer target: arbitrary bytes as a stored posting
** list (DOCS blob, and the same bytes as its POS blob), decoded block by
** block as a search would. Corrupt input must be refused, never read past.
*/
#include "index/postings.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const kh_mem mem = {kh_mem_libc, NULL};
    kh_pblock *b;
    uint32_t nb, df;
    if (kh_post_parse(data, size, SIZE_MAX, &mem, &b, &nb, &df)) return 0;
    for (uint32_t i = 0; i < nb; i++) {
        uint32_t id[KH_BLOCK_DOCS], tt[KH_BLOCK_DOCS], tb[KH_BLOCK_DOCS], off;
        if (kh_post_block_ids(data, &b[i], id, &off) || kh_post_block_tfs(data, &b[i], off, tt, tb))
            continue;
        for (unsigned k = 0; k < b[i].nimp; k++) {
            uint32_t tf;
            uint8_t norm;
            kh_post_impact(data, &b[i], k, &tf, &norm);
        }
        /* positions: only when the directory's POS sizes fit in these bytes */
        if ((uint64_t)b[i].pos_off + b[i].pos_len > size) continue;
        uint64_t n = 0;
        for (unsigned k = 0; k < b[i].count; k++)
            n += (uint64_t)tt[k] + tb[k];
        uint32_t *pos = malloc((n ? n : 1) * sizeof *pos), start[KH_BLOCK_DOCS + 1];
        if (pos) (void)kh_post_block_pos(data, &b[i], tt, tb, pos, start);
        free(pos);
    }
    free(b);
    return 0;
}
