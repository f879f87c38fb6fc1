/*
** test_postings.c - posting blocks: round trips, bounds, corrupt blobs.
*/
#include "index/postings.h"
#include "kt_files.h"

#include <stdlib.h>

static const kh_mem MEM = {kh_mem_libc, NULL};

/* A deterministic generator, so that a failure repeats. */
static uint32_t rnd(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

typedef struct plist {
    uint32_t n, id[700], tt[700], tb[700];
    uint8_t nt[700], nb[700];
    uint32_t pos[700][8];
} plist;

static void make_list(plist *l, uint32_t seed, uint32_t n)
{
    uint32_t id = 0;
    l->n = n;
    for (uint32_t i = 0; i < n; i++) {
        id += 1 + rnd(&seed) % (i % 50 == 0 ? 100000 : 7);
        l->id[i] = id;
        l->tt[i] = rnd(&seed) % 3 == 0 ? 1 + rnd(&seed) % 2 : 0;
        l->tb[i] = l->tt[i] && rnd(&seed) % 2 ? 0 : 1 + rnd(&seed) % 5;
        l->nt[i] = (uint8_t)(rnd(&seed) % 20);
        l->nb[i] = (uint8_t)(rnd(&seed) % 256);
        uint32_t p = rnd(&seed) % 10;
        for (uint32_t k = 0; k < l->tt[i]; k++)
            l->pos[i][k] = p += 1 + rnd(&seed) % 3;
        p = rnd(&seed) % 1000;
        for (uint32_t k = 0; k < l->tb[i]; k++)
            l->pos[i][l->tt[i] + k] = p += 1 + rnd(&seed) % 9;
    }
}

/* Encodes l. OUT: docs, pos (caller frees with kh_buf_free / free). */
static int encode(const plist *l, kh_buf *docs, uint8_t **pos, size_t *pos_len)
{
    kh_post_writer w;
    kh_post_init(&w, &MEM);
    for (uint32_t i = 0; i < l->n; i++) {
        uint8_t pb[80];
        size_t k = 0;
        for (uint32_t j = 0; j < l->tt[i] + l->tb[i]; j++) {
            int first = j == 0 || j == l->tt[i];
            k += kh_varint_put(pb + k, first ? l->pos[i][j] : l->pos[i][j] - l->pos[i][j - 1]);
        }
        if (kh_post_add(&w, l->id[i], l->tt[i], l->tb[i], l->nt[i], l->nb[i], pb, k)) return -1;
    }
    const uint8_t *p;
    int rc = kh_post_finish(&w, docs, &p, pos_len);
    *pos = malloc(*pos_len + 1);
    memcpy(*pos, p, *pos_len);
    kh_post_free(&w);
    return rc;
}

TEST(posting_lists_round_trip_ids_tfs_and_positions)
{
    static plist l;
    uint32_t sizes[] = {1, 2, 127, 128, 129, 300, 700};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        make_list(&l, (uint32_t)s + 7, sizes[s]);
        kh_buf docs;
        kh_buf_init(&docs, &MEM);
        uint8_t *pos;
        size_t pl;
        REQUIRE(encode(&l, &docs, &pos, &pl) == 0);
        kh_pblock *b;
        uint32_t nb, df;
        REQUIRE(kh_post_parse(docs.p, docs.n, pl, &MEM, &b, &nb, &df) == 0);
        CHECK_EQ_INT(df, l.n);
        CHECK_EQ_INT(nb, (l.n + 127) / 128);
        uint32_t k = 0;
        for (uint32_t i = 0; i < nb; i++) {
            uint32_t id[128], tt[128], tb[128], off, out[1024], start[129];
            REQUIRE(kh_post_block_ids(docs.p, &b[i], id, &off) == 0);
            REQUIRE(kh_post_block_tfs(docs.p, &b[i], off, tt, tb) == 0);
            REQUIRE(kh_post_block_pos(pos, &b[i], tt, tb, out, start) == 0);
            for (uint32_t j = 0; j < b[i].count; j++, k++) {
                CHECK_EQ_INT(id[j], l.id[k]);
                CHECK_EQ_INT(tt[j], l.tt[k]);
                CHECK_EQ_INT(tb[j], l.tb[k]);
                for (uint32_t p = 0; p < tt[j] + tb[j]; p++)
                    CHECK_EQ_INT(out[start[j] + p], l.pos[k][p]);
            }
        }
        CHECK_EQ_INT(k, l.n);
        free(b);
        free(pos);
        kh_buf_free(&docs);
    }
}

TEST(block_impacts_dominate_every_document)
{
    static plist l;
    make_list(&l, 99, 700);
    kh_buf docs;
    kh_buf_init(&docs, &MEM);
    uint8_t *pos;
    size_t pl;
    REQUIRE(encode(&l, &docs, &pos, &pl) == 0);
    kh_pblock *b;
    uint32_t nb, df;
    REQUIRE(kh_post_parse(docs.p, docs.n, pl, &MEM, &b, &nb, &df) == 0);
    uint32_t k = 0;
    for (uint32_t i = 0; i < nb; i++)
        for (uint32_t j = 0; j < b[i].count; j++, k++) {
            int covered = l.tb[k] == 0;
            for (unsigned m = 0; m < b[i].nimp && !covered; m++) {
                uint32_t tf;
                uint8_t norm;
                kh_post_impact(docs.p, &b[i], m, &tf, &norm);
                covered = tf >= l.tb[k] && norm <= l.nb[k];
            }
            CHECK(covered);
            if (l.tt[k]) {
                CHECK(b[i].max_tt >= l.tt[k]);
                CHECK(b[i].min_nt <= l.nt[k]);
            }
        }
    free(b);
    free(pos);
    kh_buf_free(&docs);
}

TEST(norms_are_exact_below_128_and_monotonic)
{
    for (uint32_t n = 0; n < 128; n++)
        CHECK_EQ_INT(kh_norm_encode(n), n);
    uint8_t prev = 0;
    for (uint32_t n = 0; n < 200000; n += 7) {
        uint8_t b = kh_norm_encode(n);
        CHECK(b >= prev);
        CHECK(kh_norm_decode(b) <= (double)n);
        prev = b;
    }
}

TEST(corrupt_posting_blobs_are_rejected_not_read_past)
{
    static plist l;
    make_list(&l, 5, 300);
    kh_buf docs;
    kh_buf_init(&docs, &MEM);
    uint8_t *pos;
    size_t pl;
    REQUIRE(encode(&l, &docs, &pos, &pl) == 0);
    uint32_t seed = 1;
    for (int round = 0; round < 3000; round++) {
        /* a truncated or bit-flipped copy, in a buffer of exactly its size */
        size_t n = round % 3 == 0 ? rnd(&seed) % docs.n : docs.n;
        uint8_t *c = malloc(n ? n : 1);
        memcpy(c, docs.p, n);
        if (n && round % 3) c[rnd(&seed) % n] ^= (uint8_t)(1u << (rnd(&seed) % 8));
        kh_pblock *b;
        uint32_t nb, df;
        if (kh_post_parse(c, n, pl, &MEM, &b, &nb, &df) == 0) {
            for (uint32_t i = 0; i < nb; i++) {
                uint32_t id[128], tt[128], tb[128], off, out[128 * 64], start[129];
                if (kh_post_block_ids(c, &b[i], id, &off) ||
                    kh_post_block_tfs(c, &b[i], off, tt, tb))
                    continue;
                uint64_t sum = 0;
                for (uint32_t j = 0; j < b[i].count; j++)
                    sum += tt[j] + tb[j];
                if (sum <= sizeof out / sizeof out[0])
                    (void)kh_post_block_pos(pos, &b[i], tt, tb, out, start);
            }
            free(b);
        }
        free(c);
    }
    free(pos);
    kh_buf_free(&docs);
    CHECK(1); /* the test is that ASan saw no read out of bounds */
}
