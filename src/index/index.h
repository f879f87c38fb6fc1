/*
** index.h - the index handle shared by store.c, writer.c and search.c, and
** the layout of the database file.
**
** One SQLite file in WAL mode (16 KiB pages when khabar creates it) holds
** everything. Documents get an internal
** docid, assigned in increasing order and never reused. Added documents are
** buffered in memory (writer.c) and written as one immutable SEGMENT per
** commit: the postings of every key of the batch, and one small record per
** document. Too many segments are merged (log-structured: MERGE_FACTOR
** segments of one size class become one of the next). A deleted or replaced
** document leaves its docid in `deleted`; search skips it, and the merge that
** rewrites its segment drops it for good.
**
** Crash safety comes from SQLite: a commit is one transaction (documents,
** segment, statistics together), so a kill -9 loses at most the batch not
** yet committed, and readers in other processes see a commit whole or not
** at all (WAL snapshots).
**
** TABLES
**
**   meta(key TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID
**     format         KH_INDEX_FORMAT (1)
**     analyzer       KH_ANALYZER_VERSION of every key in the file
**     docs           live documents
**     title_tokens   keyed title tokens of live documents, for the average length
**     body_tokens    keyed body tokens of live documents
**     text_bytes     title + body bytes of live documents
**     next_docid     the docid the next document gets (starts at 1)
**     facts          format of the entity and quotation tables (facts.c);
**                    absent in an index that has none
**
**   docs(docid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source INTEGER,
**        date TEXT, url TEXT, title BLOB, tlen INTEGER, blen INTEGER,
**        bsize INTEGER, enc INTEGER, body BLOB)
**     one row per live document; title and body byte-exact as given (the
**     decoded JSON string, the TREC <TEXT>, the text of an HTML page);
**     tlen/blen are keyed token counts, bsize the body's size in bytes.
**     enc 0: body holds the bytes as they are; enc 1: a zlib stream (RFC
**     1950) of them, written Huffman-only (any deflate stream reads) -
**     Arabic news text shrinks to about 51 %, which keeps the file near the
**     corpus size. Body last, so that reading the other columns never
**     touches its overflow pages.
**
**   sources(sid INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)
**     source names; docs.source is a sid (NULL: none). sid <= 65535.
**
**   deleted(docid INTEGER PRIMARY KEY)
**     docids still present in some segment whose document is gone.
**
**   segments(seg INTEGER PRIMARY KEY, lo INTEGER, hi INTEGER, ndocs INTEGER,
**            nterms INTEGER, npostings INTEGER, docinfo BLOB)
**     segments cover disjoint docid ranges [lo, hi]; a merge replaces a run of
**     segments adjacent in lo order by one new segment (with a new seg number).
**     docinfo: (hi - lo + 1) records of 8 bytes, one per docid of the range
**     (all zero for a docid the segment does not hold):
**       offset size  field
**       0      1     title norm (postings.h)
**       1      1     body norm
**       2      2     sid, little-endian (0: none)
**       4      4     day: days since 1970-01-01, signed little-endian;
**                    INT32_MIN when the date is missing or unreadable
**
**   entities, doc_entities, quotes
**     only in an index built with KH_INDEX_EXTRACT (meta "facts"): the
**     named entities and quotations of each document; layout in facts.c.
**
**   terms(seg INTEGER, term BLOB, df INTEGER, docs BLOB, pos BLOB,
**         PRIMARY KEY(seg, term)) WITHOUT ROWID
**     one row per key per segment: term is the analyzer's key (UTF-8),
**     docs and pos the two blobs of postings.h.
*/
#ifndef KH_INDEX_INDEX_H
#define KH_INDEX_INDEX_H

#include "base/mem.h"
#include "khabar.h"

#include <sqlite3.h>
#include <stdint.h>

#define KH_INDEX_FORMAT 1
#define KH_DAY_NONE     INT32_MIN

/* One document's record in docinfo, unpacked. */
typedef struct kh_dinfo {
    uint8_t nt, nb; /* title and body norms */
    uint16_t sid;
    int32_t day;
} kh_dinfo;

typedef struct kh_seginfo {
    int64_t seg;
    uint32_t lo, hi, ndocs;
} kh_seginfo;

/* Statistics kept in meta. */
typedef struct kh_ixstats {
    int64_t docs, title_tokens, body_tokens, text_bytes, next_docid;
} kh_ixstats;

typedef struct kh_batch kh_batch;         /* writer.c */
typedef struct kh_facts kh_facts;         /* facts.c */
typedef struct kh_search kh_search_state; /* search.c */

enum {
    ST_BEGIN_READ,
    ST_BEGIN_WRITE,
    ST_COMMIT,
    ST_ROLLBACK,
    ST_DATA_VERSION,
    ST_META_GET,
    ST_META_SET,
    ST_DOC_FIND,
    ST_DOC_INSERT,
    ST_DOC_DELETE,
    ST_DELETED_ADD,
    ST_SOURCE_FIND,
    ST_SOURCE_ADD,
    ST_TERM_DOCS,
    ST_TERM_POS,
    ST_TERM_RANGE,
    ST_DOC_META,
    ST_DOC_BODY,
    ST_COUNT
};

struct kh_index {
    kh_mem mem;
    sqlite3 *db;
    kh_analyzer *an;
    kh_error err;
    uint32_t flags;
    size_t batch_bytes;
    uint32_t threads;
    sqlite3_stmt *st[ST_COUNT];
    int in_write; /* a write transaction is open */

    kh_ixstats stats; /* as of the last refresh, plus pending changes while writing */
    kh_batch *batch;  /* documents added since the last commit */

    /* Reader cache: valid while `cached` and data_version is unchanged. */
    int cached;
    int64_t data_version;
    kh_seginfo *segs;
    size_t nsegs, capsegs;
    kh_dinfo *dinfo; /* indexed by docid, next_docid entries */
    size_t capdinfo;
    uint64_t *deleted; /* bitmap by docid */
    size_t capdeleted;
    uint64_t ndeleted;
    char **source_names; /* by sid */
    size_t nsources;

    kh_search_state *search; /* search.c scratch, reused between queries */

    int64_t facts_format; /* meta "facts": 0 when the entity tables are absent */
    kh_facts *facts;      /* facts.c statements, extractor and scratch; NULL until used */
};

/* ---- store.c ---------------------------------------------------------------- */

kh_status kh_ix_set_error(kh_index *ix, kh_status st, uint64_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Records SQLite's message for a failed call; returns KH_ESQLITE. */
kh_status kh_ix_sqlite_error(kh_index *ix, const char *what);
/* A prepared statement, reset and with its bindings cleared. */
sqlite3_stmt *kh_ix_stmt(kh_index *ix, int which);
/* Runs a statement that returns no rows (already bound). */
kh_status kh_ix_exec_stmt(kh_index *ix, sqlite3_stmt *st, const char *what);
kh_status kh_ix_exec(kh_index *ix, const char *sql);
kh_status kh_ix_begin_write(kh_index *ix);
/* Rolls back the open transaction after a failure, keeping the error that
** caused it (a failing ROLLBACK has nothing to add). */
void kh_ix_rollback(kh_index *ix);
kh_status kh_ix_meta_write(kh_index *ix);
kh_status kh_ix_meta_read(kh_index *ix);
/* Brings the reader cache up to date; call inside a read transaction. */
kh_status kh_ix_refresh(kh_index *ix);

static inline int kh_ix_is_deleted(const kh_index *ix, uint32_t docid)
{
    return (ix->deleted[docid >> 6] >> (docid & 63)) & 1;
}

/* Days since 1970-01-01 of a date written YYYY-MM-DD..., DD/MM/YYYY, RFC 822
** ("Mon, 26 Feb 2018 02:20:10 GMT") or with an Arabic month name ("07 أكتوبر
** 2020"); KH_DAY_NONE if none of these. */
int32_t kh_date_parse(const char *s, size_t n);
/* A query bound "YYYY", "YYYY-MM" or "YYYY-MM-DD": its first day (end = 0)
** or last day (end = 1). Returns 0, or -1 if malformed. */
int kh_date_bound(const char *s, int end, int32_t *day);

/* ---- writer.c ------------------------------------------------------------------ */

kh_status kh_ix_writer_add(kh_index *ix, const kh_doc *doc, int *replaced);
kh_status kh_ix_writer_delete(kh_index *ix, const char *id, size_t len, int *found);
/* Writes the batch as a segment (inside the open write transaction). */
kh_status kh_ix_writer_flush(kh_index *ix);
/* Merges segments as the policy wants (all of them if `all`), one
** transaction per merge. */
kh_status kh_ix_writer_merge(kh_index *ix, int all);
size_t kh_ix_writer_pending_bytes(const kh_index *ix);
void kh_ix_writer_free(kh_index *ix);

/* ---- facts.c: stored entities and quotations ---------------------------------- */

/* After meta is read: checks the facts format and, under KH_INDEX_EXTRACT,
** creates the tables. */
kh_status kh_ix_facts_open(kh_index *ix);
void kh_ix_facts_free(kh_index *ix);
/* Fills the entity and quotation figures of kh_index_stats (in a read
** transaction, after kh_ix_refresh). */
void kh_ix_facts_stats(kh_index *ix, kh_index_stats *out);
/* Deletes the entities and quotations of the live document with this id
** (inside the write transaction, before its row goes). */
kh_status kh_ix_facts_forget(kh_index *ix, const char *id, size_t len);
/* Extracts and stores the entities and quotations of d, just added as docid. */
kh_status kh_ix_facts_add(kh_index *ix, uint32_t docid, const kh_doc *d);

typedef void (*kh_entity_doc_fn)(void *ud, uint32_t id, uint32_t mentions);
/* Calls fn(ud, docid, mentions) for every document (live or not) that
** mentions an entity named name[0..len) (entity: rules in query.h).
** Errors: KH_EINVAL "no entities stored" when the index has none. */
kh_status kh_ix_entity_docs(kh_index *ix, const char *name, size_t len, kh_entity_doc_fn fn,
                            void *ud);
/* Calls fn(ud, eid, mentions) for every entity the document mentions. */
kh_status kh_ix_doc_entities(kh_index *ix, uint32_t docid, kh_entity_doc_fn fn, void *ud);
/* Appends the entity's name and a NUL to out. OUT: *type. */
kh_status kh_ix_entity_name(kh_index *ix, uint32_t eid, kh_buf *out, uint32_t *type);

/* ---- search.c ------------------------------------------------------------------ */

void kh_ix_search_free(kh_index *ix);

#endif
