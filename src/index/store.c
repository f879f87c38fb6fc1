/*
** store.c - the index handle: opening the SQLite file, its schema,
** transactions, statistics and the reader cache (layout in index.h).
**
** Guarantees: every statement is prepared once with bound parameters, so no
** byte a user supplies is ever part of SQL text; all writes of one commit
** happen in one transaction opened with BEGIN IMMEDIATE, so two writers
** queue on SQLite's lock instead of failing halfway.
** Does not: parse queries or rank (search.c), build postings (writer.c).
*/
#include "extract/words.h"
#include "index/index.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const SQL[ST_COUNT] = {
    [ST_BEGIN_READ] = "BEGIN",
    [ST_BEGIN_WRITE] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_DATA_VERSION] = "PRAGMA data_version",
    [ST_META_GET] = "SELECT key, value FROM meta",
    [ST_META_SET] = "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)",
    [ST_DOC_FIND] = "SELECT docid, tlen, blen, length(title) + bsize FROM docs WHERE id = ?1",
    [ST_DOC_INSERT] = "INSERT INTO docs(docid, id, source, date, url, title, tlen, blen, bsize, "
                      "enc, body) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [ST_DOC_DELETE] = "DELETE FROM docs WHERE docid = ?1",
    [ST_DELETED_ADD] = "INSERT OR IGNORE INTO deleted(docid) VALUES(?1)",
    [ST_SOURCE_FIND] = "SELECT sid FROM sources WHERE name = ?1",
    [ST_SOURCE_ADD] = "INSERT INTO sources(name) VALUES(?1)",
    [ST_TERM_DOCS] = "SELECT df, docs FROM terms WHERE seg = ?1 AND term = ?2",
    [ST_TERM_POS] = "SELECT pos FROM terms WHERE seg = ?1 AND term = ?2",
    [ST_TERM_RANGE] = "SELECT term FROM terms WHERE seg = ?1 AND term >= ?2 AND term < ?3",
    [ST_DOC_META] = "SELECT id, source, date, url, title FROM docs WHERE docid = ?1",
    [ST_DOC_BODY] =
        "SELECT id, source, date, url, title, bsize, enc, body FROM docs WHERE docid = ?1",
};

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS docs(docid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
    " source INTEGER, date TEXT, url TEXT, title BLOB, tlen INTEGER, blen INTEGER,"
    " bsize INTEGER, enc INTEGER, body BLOB);"
    "CREATE TABLE IF NOT EXISTS sources(sid INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE IF NOT EXISTS deleted(docid INTEGER PRIMARY KEY);"
    "CREATE TABLE IF NOT EXISTS segments(seg INTEGER PRIMARY KEY, lo INTEGER, hi INTEGER,"
    " ndocs INTEGER, nterms INTEGER, npostings INTEGER, docinfo BLOB);"
    "CREATE TABLE IF NOT EXISTS terms(seg INTEGER, term BLOB, df INTEGER, docs BLOB, pos BLOB,"
    " PRIMARY KEY(seg, term)) WITHOUT ROWID;";

/* ---- errors ------------------------------------------------------------------- */

kh_status kh_ix_set_error(kh_index *ix, kh_status st, uint64_t off, const char *fmt, ...)
{
    ix->err.status = st;
    ix->err.offset = off;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ix->err.message, sizeof ix->err.message, fmt, ap);
    va_end(ap);
    return st;
}

kh_status kh_ix_sqlite_error(kh_index *ix, const char *what)
{
    return kh_ix_set_error(ix, KH_ESQLITE, UINT64_MAX, "%s: %s", what,
                           ix->db ? sqlite3_errmsg(ix->db) : "cannot open");
}

const kh_error *kh_index_error(const kh_index *ix)
{
    return ix ? &ix->err : NULL;
}

static void clear_error(kh_index *ix)
{
    ix->err.status = KH_OK;
    ix->err.offset = UINT64_MAX;
    ix->err.message[0] = 0;
}

/* ---- statements ------------------------------------------------------------------ */

sqlite3_stmt *kh_ix_stmt(kh_index *ix, int which)
{
    sqlite3_stmt *st = ix->st[which];
    if (!st) {
        if (sqlite3_prepare_v3(ix->db, SQL[which], -1, SQLITE_PREPARE_PERSISTENT, &ix->st[which],
                               NULL) != SQLITE_OK)
            return NULL;
        return ix->st[which];
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}

kh_status kh_ix_exec_stmt(kh_index *ix, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return kh_ix_sqlite_error(ix, what);
    return KH_OK;
}

static kh_status run(kh_index *ix, int which)
{
    sqlite3_stmt *st = kh_ix_stmt(ix, which);
    if (!st) return kh_ix_sqlite_error(ix, SQL[which]);
    return kh_ix_exec_stmt(ix, st, SQL[which]);
}

kh_status kh_ix_exec(kh_index *ix, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(ix->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        kh_ix_set_error(ix, KH_ESQLITE, UINT64_MAX, "%s", msg ? msg : sqlite3_errmsg(ix->db));
        sqlite3_free(msg);
        return KH_ESQLITE;
    }
    return KH_OK;
}

/* ---- meta ---------------------------------------------------------------------------- */

static const struct {
    const char *key;
    size_t off;
} META[] = {
    {"docs", offsetof(kh_ixstats, docs)},
    {"title_tokens", offsetof(kh_ixstats, title_tokens)},
    {"body_tokens", offsetof(kh_ixstats, body_tokens)},
    {"text_bytes", offsetof(kh_ixstats, text_bytes)},
    {"next_docid", offsetof(kh_ixstats, next_docid)},
};

static kh_status meta_set(kh_index *ix, const char *key, int64_t v)
{
    sqlite3_stmt *st = kh_ix_stmt(ix, ST_META_SET);
    if (!st) return kh_ix_sqlite_error(ix, "meta");
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, v);
    return kh_ix_exec_stmt(ix, st, "meta");
}

kh_status kh_ix_meta_write(kh_index *ix)
{
    kh_status s = KH_OK;
    for (size_t i = 0; i < sizeof META / sizeof META[0] && !s; i++)
        s = meta_set(ix, META[i].key, *(int64_t *)((char *)&ix->stats + META[i].off));
    return s;
}

kh_status kh_ix_meta_read(kh_index *ix)
{
    sqlite3_stmt *st = kh_ix_stmt(ix, ST_META_GET);
    if (!st) return kh_ix_sqlite_error(ix, "meta");
    memset(&ix->stats, 0, sizeof ix->stats);
    ix->stats.next_docid = 1;
    ix->facts_format = 0;
    int64_t format = -1, analyzer = -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        int64_t v = sqlite3_column_int64(st, 1);
        if (!k) continue;
        if (!strcmp(k, "format"))
            format = v;
        else if (!strcmp(k, "analyzer"))
            analyzer = v;
        else if (!strcmp(k, "facts"))
            ix->facts_format = v; /* checked by kh_ix_facts_open */
        for (size_t i = 0; i < sizeof META / sizeof META[0]; i++)
            if (!strcmp(k, META[i].key)) *(int64_t *)((char *)&ix->stats + META[i].off) = v;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return kh_ix_sqlite_error(ix, "meta");
    if (format != KH_INDEX_FORMAT)
        return kh_ix_set_error(ix, KH_ECORRUPT, UINT64_MAX,
                               "not a khabar index, or index format %lld (this khabar reads %d)",
                               (long long)format, KH_INDEX_FORMAT);
    if (analyzer != KH_ANALYZER_VERSION)
        return kh_ix_set_error(ix, KH_ECORRUPT, UINT64_MAX,
                               "index built with analyzer version %lld, this khabar has %d: "
                               "rebuild it",
                               (long long)analyzer, KH_ANALYZER_VERSION);
    if (ix->stats.next_docid < 1 || ix->stats.next_docid > UINT32_MAX - 1 || ix->stats.docs < 0)
        return kh_ix_set_error(ix, KH_ECORRUPT, UINT64_MAX, "bad statistics in meta");
    return KH_OK;
}

/* ---- transactions --------------------------------------------------------------------- */

kh_status kh_ix_begin_write(kh_index *ix)
{
    if (ix->in_write) return KH_OK;
    if (ix->flags & KH_INDEX_READONLY)
        return kh_ix_set_error(ix, KH_EINVAL, UINT64_MAX, "index opened read-only");
    kh_status s = run(ix, ST_BEGIN_WRITE);
    if (s) return s;
    ix->in_write = 1;
    /* Another writer may have committed since we last looked. */
    if ((s = kh_ix_meta_read(ix))) {
        run(ix, ST_ROLLBACK);
        ix->in_write = 0;
    }
    return s;
}

void kh_ix_rollback(kh_index *ix)
{
    sqlite3_exec(ix->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Flushes the batch, writes meta and commits; then merges if needed. */
static kh_status commit(kh_index *ix, int merge)
{
    if (!ix->in_write) return KH_OK;
    kh_status s = kh_ix_writer_flush(ix);
    if (!s) s = kh_ix_meta_write(ix);
    if (!s) s = run(ix, ST_COMMIT);
    if (s) kh_ix_rollback(ix);
    ix->in_write = 0;
    ix->cached = 0; /* data_version does not change for our own commits */
    if (!s && merge) s = kh_ix_writer_merge(ix, 0);
    return s;
}

/* ---- lifecycle ---------------------------------------------------------------------------- */

static kh_status init_schema(kh_index *ix)
{
    kh_status s = kh_ix_exec(ix, "BEGIN IMMEDIATE");
    if (s) return s;
    sqlite3_stmt *st = NULL;
    int fresh = 0;
    if (sqlite3_prepare_v2(ix->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        fresh = sqlite3_column_int(st, 0) == 0;
    sqlite3_finalize(st);
    if (fresh) {
        s = kh_ix_exec(ix, SCHEMA);
        if (!s) s = meta_set(ix, "format", KH_INDEX_FORMAT);
        if (!s) s = meta_set(ix, "analyzer", KH_ANALYZER_VERSION);
        if (!s) {
            memset(&ix->stats, 0, sizeof ix->stats);
            ix->stats.next_docid = 1;
            s = kh_ix_meta_write(ix);
        }
    }
    if (!s) s = kh_ix_exec(ix, "COMMIT");
    if (s) kh_ix_rollback(ix);
    return s;
}

kh_status kh_index_open(const char *path, const kh_index_opts *opts, kh_index **out)
{
    if (!out || !path) return KH_EINVAL;
    *out = NULL;
    kh_mem mem = {opts && opts->alloc ? opts->alloc : kh_mem_libc,
                  opts && opts->alloc ? opts->alloc_ud : NULL};
    kh_index *ix = kh_mem_alloc(&mem, sizeof *ix);
    if (!ix) return KH_ENOMEM;
    memset(ix, 0, sizeof *ix);
    ix->mem = mem;
    ix->flags = opts ? opts->flags : 0;
    ix->batch_bytes = opts && opts->batch_bytes ? opts->batch_bytes : (size_t)64 << 20;
    ix->threads = opts && opts->threads > 1 ? (opts->threads > 64 ? 64 : opts->threads) : 0;
    clear_error(ix);
    *out = ix;

    kh_analyzer_opts ao = {0, kh_mem_user_fn(&mem), mem.ud};
    if (kh_analyzer_new(&ao, &ix->an))
        return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    int ro = ix->flags & KH_INDEX_READONLY;
    int fl = (ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
             SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &ix->db, fl, NULL) != SQLITE_OK)
        return kh_ix_set_error(ix, KH_ESQLITE, UINT64_MAX, "%s: %s", path,
                               ix->db ? sqlite3_errmsg(ix->db) : "cannot open");
    sqlite3_busy_timeout(ix->db, opts && opts->busy_ms ? (int)opts->busy_ms : 5000);
    sqlite3_extended_result_codes(ix->db, 1);
    /* WAL: readers keep working while a writer commits. synchronous=NORMAL
    ** keeps every commit across a process crash (kill -9); only a power cut
    ** may lose the last commits, never the file's consistency. 16 KiB pages
    ** (a new file only; an existing one keeps its size): posting lists and
    ** bodies are blobs of kilobytes, which at 4 KiB spill into chains of
    ** overflow pages; bigger pages made single-thread indexing ~10 % cheaper
    ** in CPU and the file 5 % smaller, with the same search latency. */
    kh_status s = ro ? KH_OK
                     : kh_ix_exec(ix, "PRAGMA page_size=16384; PRAGMA journal_mode=WAL;"
                                      "PRAGMA synchronous=NORMAL; PRAGMA secure_delete=OFF;");
    if (!s) s = kh_ix_exec(ix, "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
    if (!s && !ro) s = init_schema(ix);
    if (!s) {
        s = run(ix, ST_BEGIN_READ);
        if (!s) {
            s = kh_ix_meta_read(ix);
            run(ix, ST_COMMIT);
        }
    }
    if (!s) s = kh_ix_facts_open(ix);
    if (s && ix->err.status == KH_ESQLITE && strstr(ix->err.message, "not a database"))
        kh_ix_set_error(ix, KH_ECORRUPT, UINT64_MAX, "%s: not a khabar index", path);
    return s ? ix->err.status : KH_OK;
}

kh_status kh_index_close(kh_index *ix)
{
    if (!ix) return KH_OK;
    kh_status s = KH_OK;
    if (ix->db && ix->in_write) s = commit(ix, 1);
    kh_ix_writer_free(ix);
    kh_ix_search_free(ix);
    kh_ix_facts_free(ix);
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(ix->st[i]);
    sqlite3_close(ix->db);
    kh_analyzer_free(ix->an);
    kh_mem_free(&ix->mem, ix->segs, ix->capsegs * sizeof *ix->segs);
    kh_mem_free(&ix->mem, ix->dinfo, ix->capdinfo * sizeof *ix->dinfo);
    kh_mem_free(&ix->mem, ix->deleted, ix->capdeleted * sizeof *ix->deleted);
    for (size_t i = 0; i < ix->nsources; i++)
        if (ix->source_names[i])
            kh_mem_free(&ix->mem, ix->source_names[i], strlen(ix->source_names[i]) + 1);
    kh_mem_free(&ix->mem, ix->source_names, ix->nsources * sizeof *ix->source_names);
    kh_mem mem = ix->mem;
    kh_mem_free(&mem, ix, sizeof *ix);
    return s;
}

/* ---- writing ----------------------------------------------------------------------------- */

kh_status kh_index_add(kh_index *ix, const kh_doc *doc, int *replaced)
{
    if (!ix || !doc) return KH_EINVAL;
    clear_error(ix);
    kh_status s = kh_ix_begin_write(ix);
    /* Entities and quotations go with their document, in its transaction:
    ** the old version's before its row is deleted, the new ones once its
    ** docid is known (the writer adds at once when it has no threads). */
    int facts = !s && ix->facts_format;
    if (facts && doc->id.ptr) s = kh_ix_facts_forget(ix, doc->id.ptr, doc->id.len);
    if (!s) s = kh_ix_writer_add(ix, doc, replaced);
    if (!s && facts && ix->threads <= 1)
        s = kh_ix_facts_add(ix, (uint32_t)(ix->stats.next_docid - 1), doc);
    if (!s && kh_ix_writer_pending_bytes(ix) >= ix->batch_bytes) s = commit(ix, 1);
    return s;
}

kh_status kh_index_delete(kh_index *ix, const char *id, size_t len, int *found)
{
    if (!ix || (!id && len)) return KH_EINVAL;
    clear_error(ix);
    kh_status s = kh_ix_begin_write(ix);
    if (!s && ix->facts_format && id) s = kh_ix_facts_forget(ix, id, len);
    if (!s) s = kh_ix_writer_delete(ix, id, len, found);
    return s;
}

kh_status kh_index_commit(kh_index *ix)
{
    if (!ix) return KH_EINVAL;
    clear_error(ix);
    return commit(ix, 1);
}

kh_status kh_index_optimize(kh_index *ix)
{
    if (!ix) return KH_EINVAL;
    clear_error(ix);
    kh_status s = commit(ix, 0);
    if (!s) s = kh_ix_writer_merge(ix, 1);
    return s;
}

/* ---- reader cache ------------------------------------------------------------------------- */

static kh_status load_segments(kh_index *ix)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(ix->db, "SELECT seg, lo, hi, ndocs, docinfo FROM segments ORDER BY lo",
                           -1, &st, NULL) != SQLITE_OK)
        return kh_ix_sqlite_error(ix, "segments");
    size_t n = (size_t)ix->stats.next_docid;
    kh_status s = KH_OK;
    if (kh_mem_grow(&ix->mem, (void **)&ix->dinfo, &ix->capdinfo, n, sizeof *ix->dinfo)) {
        sqlite3_finalize(st);
        return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    }
    memset(ix->dinfo, 0, n * sizeof *ix->dinfo);
    ix->nsegs = 0;
    uint32_t prev_hi = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t lo = sqlite3_column_int64(st, 1), hi = sqlite3_column_int64(st, 2);
        const uint8_t *di = sqlite3_column_blob(st, 4);
        size_t dl = (size_t)sqlite3_column_bytes(st, 4);
        if (lo < 1 || hi < lo || hi >= (int64_t)n || lo <= prev_hi ||
            dl != (size_t)(hi - lo + 1) * 8) {
            s = kh_ix_set_error(ix, KH_ECORRUPT, UINT64_MAX, "segment %lld: bad docid range",
                                (long long)sqlite3_column_int64(st, 0));
            break;
        }
        if (kh_mem_grow(&ix->mem, (void **)&ix->segs, &ix->capsegs, ix->nsegs + 1,
                        sizeof *ix->segs)) {
            s = kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
            break;
        }
        ix->segs[ix->nsegs++] = (kh_seginfo){sqlite3_column_int64(st, 0), (uint32_t)lo,
                                             (uint32_t)hi, (uint32_t)sqlite3_column_int(st, 3)};
        for (int64_t d = lo; d <= hi; d++, di += 8)
            ix->dinfo[d] = (kh_dinfo){di[0], di[1], (uint16_t)(di[2] | di[3] << 8),
                                      (int32_t)((uint32_t)di[4] | (uint32_t)di[5] << 8 |
                                                (uint32_t)di[6] << 16 | (uint32_t)di[7] << 24)};
        prev_hi = (uint32_t)hi;
    }
    if (!s && rc != SQLITE_DONE) s = kh_ix_sqlite_error(ix, "segments");
    sqlite3_finalize(st);
    return s;
}

static kh_status load_deleted(kh_index *ix)
{
    size_t words = (size_t)(ix->stats.next_docid + 63) / 64;
    if (kh_mem_grow(&ix->mem, (void **)&ix->deleted, &ix->capdeleted, words, sizeof *ix->deleted))
        return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    memset(ix->deleted, 0, words * sizeof *ix->deleted);
    ix->ndeleted = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(ix->db, "SELECT docid FROM deleted", -1, &st, NULL) != SQLITE_OK)
        return kh_ix_sqlite_error(ix, "deleted");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t d = sqlite3_column_int64(st, 0);
        if (d > 0 && d < ix->stats.next_docid) {
            ix->deleted[d >> 6] |= (uint64_t)1 << (d & 63);
            ix->ndeleted++;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? KH_OK : kh_ix_sqlite_error(ix, "deleted");
}

static kh_status load_sources(kh_index *ix)
{
    for (size_t i = 0; i < ix->nsources; i++)
        if (ix->source_names[i])
            kh_mem_free(&ix->mem, ix->source_names[i], strlen(ix->source_names[i]) + 1);
    kh_mem_free(&ix->mem, ix->source_names, ix->nsources * sizeof *ix->source_names);
    ix->source_names = NULL;
    ix->nsources = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(ix->db, "SELECT max(sid) FROM sources", -1, &st, NULL) != SQLITE_OK)
        return kh_ix_sqlite_error(ix, "sources");
    int64_t max = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (max < 0 || max > 65535)
        return kh_ix_set_error(ix, KH_ECORRUPT, UINT64_MAX, "bad source id");
    size_t n = (size_t)max + 1;
    ix->source_names = kh_mem_alloc(&ix->mem, n * sizeof *ix->source_names);
    if (!ix->source_names) return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    memset(ix->source_names, 0, n * sizeof *ix->source_names);
    ix->nsources = n;
    if (sqlite3_prepare_v2(ix->db, "SELECT sid, name FROM sources", -1, &st, NULL) != SQLITE_OK)
        return kh_ix_sqlite_error(ix, "sources");
    kh_status s = KH_OK;
    while (!s && sqlite3_step(st) == SQLITE_ROW) {
        int64_t sid = sqlite3_column_int64(st, 0);
        const char *name = (const char *)sqlite3_column_text(st, 1);
        if (sid < 0 || sid > max || !name) continue;
        size_t l = strlen(name);
        char *c = kh_mem_alloc(&ix->mem, l + 1);
        if (!c)
            s = kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
        else
            memcpy(c, name, l + 1), ix->source_names[sid] = c;
    }
    sqlite3_finalize(st);
    return s;
}

kh_status kh_ix_refresh(kh_index *ix)
{
    sqlite3_stmt *st = kh_ix_stmt(ix, ST_DATA_VERSION);
    if (!st || sqlite3_step(st) != SQLITE_ROW) return kh_ix_sqlite_error(ix, "data_version");
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (ix->cached && v == ix->data_version) return KH_OK;
    ix->cached = 0;
    /* A writer's statistics in memory include its pending documents: the
    ** committed ones in meta are older. */
    kh_status s = ix->in_write ? KH_OK : kh_ix_meta_read(ix);
    if (!s) s = load_segments(ix);
    if (!s) s = load_deleted(ix);
    if (!s) s = load_sources(ix);
    if (!s) {
        ix->cached = 1;
        ix->data_version = v;
    }
    return s;
}

/* ---- stats -------------------------------------------------------------------------------------
 */

static int64_t scalar(kh_index *ix, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static uint64_t file_size(const char *path)
{
    struct stat sb;
    return path && stat(path, &sb) == 0 ? (uint64_t)sb.st_size : 0;
}

kh_status kh_index_stats_get(kh_index *ix, kh_index_stats *out)
{
    if (!ix || !out) return KH_EINVAL;
    clear_error(ix);
    memset(out, 0, sizeof *out);
    int own = !ix->in_write;
    kh_status s = own ? run(ix, ST_BEGIN_READ) : KH_OK;
    if (s) return s;
    s = kh_ix_refresh(ix);
    if (!s) {
        out->docs = (uint64_t)ix->stats.docs;
        out->deleted = ix->ndeleted;
        out->segments = ix->nsegs;
        out->text_bytes = (uint64_t)ix->stats.text_bytes;
        out->terms = (uint64_t)scalar(ix, "SELECT total(nterms) FROM segments");
        out->postings = (uint64_t)scalar(ix, "SELECT total(npostings) FROM segments");
        int64_t d =
            scalar(ix, "SELECT total(pgsize) FROM dbstat WHERE name IN "
                       "('docs','sources','deleted') OR name LIKE 'sqlite_autoindex_docs%'");
        int64_t i = scalar(ix, "SELECT total(pgsize) FROM dbstat WHERE name IN "
                               "('terms','segments','meta') OR name LIKE 'sqlite_autoindex_meta%'");
        out->doc_bytes = d > 0 ? (uint64_t)d : 0;
        out->index_bytes = i > 0 ? (uint64_t)i : 0;
        const char *path = sqlite3_db_filename(ix->db, "main");
        out->file_bytes = file_size(path);
        if (path) {
            char wal[4096];
            if (snprintf(wal, sizeof wal, "%s-wal", path) < (int)sizeof wal)
                out->file_bytes += file_size(wal);
        }
        out->analyzer_version = KH_ANALYZER_VERSION;
        kh_ix_facts_stats(ix, out);
    }
    if (own) run(ix, ST_COMMIT);
    return s;
}

/* ---- dates
 * --------------------------------------------------------------------------------------- */

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; Howard Hinnant's algorithm). */
static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int days_in_month(int y, int m)
{
    static const int D[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : D[m - 1];
}

/* Reads exactly n ASCII digits at s[*i]. */
static int digits(const char *s, size_t len, size_t *i, int n, int *v)
{
    int r = 0;
    for (int k = 0; k < n; k++, (*i)++) {
        if (*i >= len || s[*i] < '0' || s[*i] > '9') return -1;
        r = r * 10 + (s[*i] - '0');
    }
    *v = r;
    return 0;
}

static int32_t civil_or_none(int y, int m, int d)
{
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return KH_DAY_NONE;
    return days_from_civil(y, m, d);
}

/* "DD MONTH YYYY" anywhere in s, the month in Arabic (أكتوبر, شباط ...), as
** news sites write it even in their metadata: الأربعاء، 07 أكتوبر 2020 - 12:09 م. */
static int32_t arabic_date(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9' || (i && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
        size_t j = i;
        int d, m, y;
        if (digits(s, n, &j, 2, &d)) {
            j = i;
            if (digits(s, n, &j, 1, &d)) continue;
        }
        if (j >= n || s[j] != ' ') continue;
        size_t w = ++j;
        while (j < n && s[j] != ' ')
            j++;
        if (j >= n || !(m = kx_month_of(s + w, j - w))) continue;
        j++;
        if (!digits(s, n, &j, 4, &y) && (j == n || s[j] < '0' || s[j] > '9'))
            return civil_or_none(y, m, d);
    }
    return KH_DAY_NONE;
}

int32_t kh_date_parse(const char *s, size_t n)
{
    if (!s || !n) /* a document without a date may leave the field NULL */
        return KH_DAY_NONE;
    size_t i = 0;
    int y, m, d;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t b = i;
    if (!digits(s, n, &i, 4, &y) && i < n && s[i] == '-' && (i++, !digits(s, n, &i, 2, &m)) &&
        i < n && s[i] == '-' && (i++, !digits(s, n, &i, 2, &d)))
        return civil_or_none(y, m, d);
    i = b;
    if (!digits(s, n, &i, 2, &d) && i < n && s[i] == '/' && (i++, !digits(s, n, &i, 2, &m)) &&
        i < n && s[i] == '/' && (i++, !digits(s, n, &i, 4, &y)))
        return civil_or_none(y, m, d);
    /* RFC 822: optional "Mon, ", then "26 Feb 2018" */
    i = b;
    const char *comma = memchr(s + b, ',', n - b);
    if (comma && comma - (s + b) <= 4) i = (size_t)(comma - s) + 1;
    while (i < n && s[i] == ' ')
        i++;
    size_t ds = i;
    if (digits(s, n, &i, 2, &d)) {
        i = ds;
        if (digits(s, n, &i, 1, &d)) return arabic_date(s + b, n - b);
    }
    if (i + 5 > n || s[i] != ' ') return arabic_date(s + b, n - b);
    static const char MON[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    for (m = 0; m < 12; m++)
        if (!memcmp(s + i + 1, MON + 3 * m, 3)) break;
    i += 4;
    if (m == 12 || i >= n || s[i] != ' ') return arabic_date(s + b, n - b);
    i++;
    if (digits(s, n, &i, 4, &y)) return KH_DAY_NONE;
    return civil_or_none(y, m + 1, d);
}

int kh_date_bound(const char *s, int end, int32_t *day)
{
    size_t n = strlen(s), i = 0;
    int y, m = end ? 12 : 1, d = 1;
    if (digits(s, n, &i, 4, &y)) return -1;
    if (i < n) {
        if (s[i++] != '-' || digits(s, n, &i, 2, &m)) return -1;
        if (i < n && (s[i++] != '-' || digits(s, n, &i, 2, &d))) return -1;
    }
    if (i != n || y < 1 || m < 1 || m > 12) return -1;
    if (n <= 7 && end) d = days_in_month(y, m);
    int32_t v = civil_or_none(y, m, d);
    if (v == KH_DAY_NONE) return -1;
    *day = v;
    return 0;
}
