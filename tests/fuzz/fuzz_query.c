/*
** fuzz_query.c - libFuzzer target: arbitrary bytes as a query, parsed and
** run against a small in-memory index (all-words and any-word modes, with
** and without the exact total, with and without entity facets). The index
** stores entities (KH_INDEX_EXTRACT), so entity: clauses are resolved for
** real. A query may fail, but only with a status and a message; it may
** never crash, leak or read out of bounds.
*/
#include "khabar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static kh_index *ix; /* built once per fuzzing process */

static void build(void)
{
    static const char *const B[] = {
        "central bank rates oil prices market", "football final goal keeper central",
        "\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1 \xd8\xa7\xd9\x84\xd8\xae\xd8\xa7\xd8\xb1\xd8\xac\xd9\x8a"
        "\xd8\xa9 \xd9\x8a\xd8\xb2\xd9\x88\xd8\xb1 \xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1"
        "\xd8\xa9",
        "rates rates rates bank bank u.s. covid-19 2020/03/22"};
    /* an invented article naming people, an alias and places */
    static const char E[] =
        "\xd9\x82\xd8\xa7\xd9\x84 \xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1 "
        "\xd8\xa7\xd9\x84\xd8\xae\xd8\xa7\xd8\xb1\xd8\xac\xd9\x8a\xd8\xa9 "
        "\xd8\xb3\xd9\x8a\xd8\xb1\xd8\xba\xd9\x8a \xd9\x84\xd8\xa7\xd9\x81\xd8\xb1"
        "\xd9\x88\xd9\x81 \xd8\xa5\xd9\x86 \xd8\xa7\xd9\x84\xd9\x86\xd8\xa7\xd8\xaa"
        "\xd9\x88 \xd9\x81\xd9\x8a \xd9\x85\xd9\x88\xd8\xb3\xd9\x83\xd9\x88. "
        "\xd9\x88\xd8\xa3\xd8\xb6\xd8\xa7\xd9\x81 \xd9\x88\xd8\xa7\xd9\x86\xd8\xba "
        "\xd9\x8a\xd9\x8a: \"\xd8\xa7\xd9\x84\xd8\xad\xd9\x88\xd8\xa7\xd8\xb1 "
        "\xd9\x85\xd9\x87\xd9\x85\".";
    kh_index_opts o = {.flags = KH_INDEX_EXTRACT};
    if (kh_index_open(":memory:", &o, &ix)) abort();
    for (int i = 0; i < 200; i++) {
        char id[16];
        int n = snprintf(id, sizeof id, "d%d", i);
        const char *b = i % 5 == 4 ? E : B[i % 4];
        kh_doc d = {.id = {id, (size_t)n},
                    .title = {B[(i + 1) % 4], strlen(B[(i + 1) % 4])},
                    .body = {b, strlen(b)},
                    .source = {i % 2 ? "odd" : "even", i % 2 ? 3 : 4},
                    .date = {"2020-01-02", 10}};
        if (kh_index_add(ix, &d, NULL)) abort();
        if (i % 50 == 49 && kh_index_commit(ix)) abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ix) build();
    if (size < 1) return 0;
    kh_search_opts o = {.flags = data[0] & 7,
                        .limit = 1 + data[0] % 20,
                        .offset = data[0] % 3,
                        .facets = data[0] & 8 ? 5 : 0};
    const kh_results *r;
    kh_status s = kh_search(ix, (const char *)data + 1, size - 1, &o, &r);
    if (s) {
        if (!kh_index_error(ix)->message[0]) __builtin_trap();
        return 0;
    }
    for (size_t i = 0; i < r->nhits; i++)
        for (size_t k = 0; k < r->hits[i].nhighlights; k++)
            if (r->hits[i].highlights[k].start < r->hits[i].snippet_start ||
                r->hits[i].highlights[k].end > r->hits[i].snippet_start + r->hits[i].snippet.len)
                __builtin_trap(); /* highlights lie inside their snippet */
    for (size_t i = 0; i < r->nfacets; i++)
        if (!r->facets[i].docs || r->facets[i].docs > 200 || !r->facets[i].name.ptr)
            __builtin_trap(); /* a facet counts documents among the hits */
    return 0;
}
