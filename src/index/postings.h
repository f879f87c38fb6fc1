/*
** postings.h - posting lists in blocks of 128 documents: encoder and decoder.
**
** One term's postings within one segment are two blobs, stored in the
** `terms` table (see index.h): DOCS (a block directory, then the document
** ids and term frequencies of every block) and POS (the positions of every
** block, read only for phrases and proximity). Every directory entry carries
** what BM25 needs to bound the score of any document in its block, so a
** top-k search skips whole blocks without decoding them (block-max pruning).
**
** All integers are varints (mem.h: unsigned LEB128) unless the table says u8.
** Document ids are positive, increase strictly within a list, and are stored
** as gaps; the first gap of block 0 is the id itself (the id before it is 0).
**
** DOCS blob
**   size     field
**   varint   nblocks                 >= 1
**   varint   df                      documents in the list, sum of the counts
**   nblocks directory entries:
**     varint last_gap                last id of the block - last id of the previous block
**     varint doc_bytes               size of the block's doc section
**     varint pos_bytes               size of the block's section of POS
**     u8     count - 1               documents in the block, 1..128
**     u8     nimp                    impact pairs that follow, 1..8
**     nimp x (varint tf_body, u8 norm_body)
**                                    a set that dominates every document of the
**                                    block with the term in its body: for each such
**                                    document some pair has tf_body >= its tf and
**                                    norm_body <= its norm (tf 0, norm 255 if none)
**     varint max_tf_title            largest title tf in the block (0: none)
**     u8     min_norm_title          smallest title norm among those; only if max_tf_title > 0
**   then nblocks doc sections, back to back, each:
**     count x varint  id gap          >= 1
**     count x varint  tf_body << 1 | (tf_title > 0)
**     k x varint      tf_title        for the k documents flagged above, in order
**
** POS blob: nblocks sections back to back; a section holds, for each document
** of its block in order, tf_title title positions then tf_body body positions,
** each run written as its first position and then gaps >= 1. A position is
** the token's index among all tokens of that field (title and body count
** separately), so a phrase never spans the two.
**
** Example: ids 3 and 7, the term twice in the body of 3 (positions 4, 9) and
** once in the title of 7 (position 0), one block:
**   DOCS = 01 02 | 07 05 03 01 01 02 NB 01 NT | 03 04 04 01 01
**          (NB, NT: the norms of 3's body and 7's title)
**   POS  = 04 05 00
**
** Norms: a field length (tokens with a key) in one byte; exact below 128,
** then steps of 5 % (lengths past about 63,000 share byte 255).
**
** The decoder trusts nothing: every count, gap and length is checked against
** the bytes present, and a bad blob gives -1 (KH_ECORRUPT to the caller).
*/
#ifndef KH_INDEX_POSTINGS_H
#define KH_INDEX_POSTINGS_H

#include "base/mem.h"

#include <stdint.h>

#define KH_BLOCK_DOCS  128
#define KH_MAX_IMPACTS 8

uint8_t kh_norm_encode(uint32_t len);
/* The length a norm byte stands for (the smallest length that encodes to it). */
double kh_norm_decode(uint8_t b);

/* ---- encoder ------------------------------------------------------------- */

typedef struct kh_post_writer {
    const kh_mem *mem;
    kh_buf dir, docs, pos; /* directory entries, doc sections, POS */
    uint32_t nblocks, df, prev_last;
    /* the block being filled */
    uint32_t n;
    uint32_t id[KH_BLOCK_DOCS], tt[KH_BLOCK_DOCS], tb[KH_BLOCK_DOCS];
    uint8_t nt[KH_BLOCK_DOCS], nb[KH_BLOCK_DOCS];
    size_t block_pos_start; /* where this block's positions begin in pos */
} kh_post_writer;

void kh_post_init(kh_post_writer *w, const kh_mem *m);
void kh_post_free(kh_post_writer *w);
/* Starts a new list (keeps the buffers). */
void kh_post_reset(kh_post_writer *w);

/* Appends one document: id greater than the last one, tf_title + tf_body >= 1,
** the norms of its two fields, and its positions already encoded as POS
** holds them (title run, then body run). Returns 0 or -1 (out of memory). */
int kh_post_add(kh_post_writer *w, uint32_t id, uint32_t tf_title, uint32_t tf_body,
                uint8_t norm_title, uint8_t norm_body, const uint8_t *pos, size_t pos_len);

/* Ends the list. OUT: *docs, *pos point into the writer's buffers, valid
** until the next reset. Returns 0 or -1 (out of memory, or an empty list). */
int kh_post_finish(kh_post_writer *w, kh_buf *docs_out, const uint8_t **pos, size_t *pos_len);

/* ---- decoder ------------------------------------------------------------- */

typedef struct kh_pblock {
    uint32_t last;    /* last document id of the block */
    uint32_t prev;    /* last id of the previous block (0 for the first) */
    uint32_t doc_off; /* the doc section: offset and size in DOCS */
    uint32_t doc_len;
    uint32_t pos_off; /* the position section: offset and size in POS */
    uint32_t pos_len;
    uint32_t imp_off; /* offset of the impact pairs in DOCS */
    uint32_t max_tt;
    uint16_t count;
    uint8_t nimp;
    uint8_t min_nt;
} kh_pblock;

/* Parses the header and directory of a DOCS blob. OUT: *blocks (allocated
** with m, *nblocks entries; caller frees nblocks * sizeof(kh_pblock)), *df.
** pos_len is the size of the matching POS blob (checked against the
** directory), or SIZE_MAX when POS is not known yet. Returns 0, -1 corrupt,
** -2 out of memory. */
int kh_post_parse(const uint8_t *docs, size_t len, size_t pos_len, const kh_mem *m,
                  kh_pblock **blocks, uint32_t *nblocks, uint32_t *df);

/* Decodes a block's ids. OUT: id[count]; *tf_off, where the tfs start
** (for kh_post_block_tfs). Returns 0 or -1 (corrupt). */
int kh_post_block_ids(const uint8_t *docs, const kh_pblock *b, uint32_t *id, uint32_t *tf_off);

/* Decodes a block's term frequencies. OUT: tt[count], tb[count]. */
int kh_post_block_tfs(const uint8_t *docs, const kh_pblock *b, uint32_t tf_off, uint32_t *tt,
                      uint32_t *tb);

/* Reads impact pair i of a block. */
void kh_post_impact(const uint8_t *docs, const kh_pblock *b, unsigned i, uint32_t *tf,
                    uint8_t *norm);

/* Decodes a block's positions, given its tfs. OUT: pos[] (absolute, title
** runs and body runs in document order; room for sum of tt + tb needed),
** start[count + 1] (where each document's positions begin in pos; start[i] +
** tt[i] is where its body run begins). Returns 0 or -1 (corrupt). */
int kh_post_block_pos(const uint8_t *pos, const kh_pblock *b, const uint32_t *tt,
                      const uint32_t *tb, uint32_t *out, uint32_t *start);

#endif
