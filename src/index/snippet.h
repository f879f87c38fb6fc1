/*
** snippet.h - the passage of a document shown under a hit.
**
** The body is analyzed again (offsets come from the analyzer, so they are
** byte offsets into the stored body) and the window of about `want` bytes
** that holds the most distinct query keys, then the most matches, is kept,
** widened to token boundaries, with a third of the spare room before the
** first match. Matches inside the window are the highlights. Without any
** match (a hit by title only) the snippet is the start of the body.
*/
#ifndef KH_INDEX_SNIPPET_H
#define KH_INDEX_SNIPPET_H

#include "base/mem.h"

typedef struct kh_snip_key {
    const char *key;
    uint32_t len;
    int prefix; /* matches every key that starts with it */
} kh_snip_key;

/* OUT: *start, *end (the window in body), and the highlights appended to
** *spans (grown with m; *nspans items, *cap allocated). Errors: KH_ENOMEM,
** or the analyzer's. */
kh_status kh_snippet(kh_analyzer *a, const kh_mem *m, const uint8_t *body, size_t len,
                     const kh_snip_key *keys, size_t nkeys, uint32_t want, uint32_t *start,
                     uint32_t *end, kh_span **spans, size_t *nspans, size_t *cap);

#endif
