/*
** facts.c - entities and quotations stored with their documents: writing
** them (KH_INDEX_EXTRACT), the lookups behind entity:NAME and search facets,
** and kh_quotes_find.
**
** Extraction is opt-in because it costs several times plain indexing (the
** entity tagger dominates); an index that has the tables keeps filling them
** (meta "facts"), so that facets never silently miss newer documents.
**
** TABLES (facts format 1: meta key "facts" = 1; an index without the key
** has none of them and opens as before)
**
**   entities(eid INTEGER PRIMARY KEY, type INTEGER NOT NULL, key TEXT NOT NULL,
**            name TEXT NOT NULL, words TEXT NOT NULL, UNIQUE(key, type))
**     one row per entity of the archive, found by the variant-insensitive
**     key of its canonical name (kh_name_key) and its type: سيرغي لافروف and
**     سيرجي لافروف are one row. name: the canonical name as the first document
**     wrote it. words: the name's per-word keys, each followed by '|' and the
**     whole preceded by one ("|سرگ|لفرف|"), so that a surname alone can be
**     matched against the end. Rows are never deleted: an entity that no live
**     document mentions any more is simply never counted.
**
**   doc_entities(docid INTEGER, eid INTEGER, mentions INTEGER,
**                PRIMARY KEY(docid, eid)) WITHOUT ROWID
**   index doc_entities_eid ON doc_entities(eid, docid)
**     which entities a document mentions (headline included), how often.
**
**   quotes(qid INTEGER PRIMARY KEY, docid INTEGER NOT NULL, n INTEGER NOT NULL,
**          kind INTEGER, tstart INTEGER, tend INTEGER, speaker TEXT,
**          canonical TEXT, sstart INTEGER, send INTEGER, cue TEXT,
**          confidence REAL, skey TEXT, ckey TEXT, swords TEXT, cwords TEXT,
**          words TEXT)
**   index quotes_doc ON quotes(docid DESC, n)
**     the document's quotations in the body, in text order (n): kind 1 direct,
**     2 reported; tstart/tend and sstart/send (the speaker's noun phrase, NULL
**     when carried or in the headline) are byte offsets into the stored body,
**     which holds the text itself (not copied here: quotations are a good
**     part of news text). speaker is the fullest name in the document,
**     canonical the entity's canonical name (kh_ner_canonical), NULL when it
**     is the speaker's own; skey/ckey their name keys and swords/cwords their
**     per-word keys as in entities; words: the search keys of the quotation,
**     each followed by a space and the whole preceded by one (" مفاوض جدي "),
**     for word matching. A rowid table: its rows are too wide for WITHOUT
**     ROWID (measured: a third larger).
**
** Guarantees: rows are written and deleted inside the caller's write
** transaction, with the document's own rows, so a kill -9 leaves both or
** neither; every value is a bound parameter; readers only count documents
** that are live (not in `deleted`, present in docs), so rows left by a
** writer that did not know the tables are harmless.
*/
#include "index/index.h"
#include "ner/names.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#define FACTS_FORMAT 1
#define KEYCAP       1100 /* kh_name_key of any name fits: 4 * 256 letters + 32 separators + 1 */

static const char FACTS_SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS entities(eid INTEGER PRIMARY KEY, type INTEGER NOT NULL,"
    " key TEXT NOT NULL, name TEXT NOT NULL, words TEXT NOT NULL, UNIQUE(key, type));"
    "CREATE TABLE IF NOT EXISTS doc_entities(docid INTEGER NOT NULL, eid INTEGER NOT NULL,"
    " mentions INTEGER NOT NULL, PRIMARY KEY(docid, eid)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS doc_entities_eid ON doc_entities(eid, docid);"
    "CREATE TABLE IF NOT EXISTS quotes(qid INTEGER PRIMARY KEY, docid INTEGER NOT NULL,"
    " n INTEGER NOT NULL, kind INTEGER, tstart INTEGER, tend INTEGER, speaker TEXT,"
    " canonical TEXT, sstart INTEGER, send INTEGER, cue TEXT, confidence REAL, skey TEXT,"
    " ckey TEXT, swords TEXT, cwords TEXT, words TEXT);"
    "CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(docid DESC, n);"
    "INSERT OR REPLACE INTO meta(key, value) VALUES('facts', 1);";

enum {
    FS_FORGET_ENTS,
    FS_FORGET_QUOTES,
    FS_ENT_FIND,
    FS_ENT_ADD,
    FS_DOCENT_ADD,
    FS_QUOTE_ADD,
    FS_ENT_MATCH,
    FS_ENT_DOCS,
    FS_DOC_ENTS,
    FS_ENT_NAME,
    FS_QUOTES_ALL,
    FS_DOC_TITLE,
    FS_COUNT
};

static const char *const FSQL[FS_COUNT] = {
    [FS_FORGET_ENTS] =
        "DELETE FROM doc_entities WHERE docid = (SELECT docid FROM docs WHERE id = ?1)",
    [FS_FORGET_QUOTES] = "DELETE FROM quotes WHERE docid = (SELECT docid FROM docs WHERE id = ?1)",
    [FS_ENT_FIND] = "SELECT eid FROM entities WHERE key = ?1 AND type = ?2",
    [FS_ENT_ADD] = "INSERT INTO entities(type, key, name, words) VALUES(?1, ?2, ?3, ?4)",
    [FS_DOCENT_ADD] =
        "INSERT INTO doc_entities(docid, eid, mentions) VALUES(?1, ?2, ?3) "
        "ON CONFLICT(docid, eid) DO UPDATE SET mentions = mentions + excluded.mentions",
    [FS_QUOTE_ADD] = "INSERT INTO quotes(docid, n, kind, tstart, tend, speaker, canonical,"
                     " sstart, send, cue, confidence, skey, ckey, swords, cwords, words)"
                     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                     " ?16)",
    /* ?1 the name's key, ?2 the key of its alias-table name (or NULL), ?3
    ** its per-word keys: equal keys, or a person whose name ends with the
    ** words typed (a surname alone finds the full name) or whose words are
    ** the end of those typed (the full name finds a surname-only entity) */
    [FS_ENT_MATCH] = "SELECT eid FROM entities WHERE key = ?1 OR key = ?2 OR (type = 1 AND"
                     " length(words) > 2 AND (substr(words, -length(?3)) = ?3 OR"
                     " substr(?3, -length(words)) = words))",
    [FS_ENT_DOCS] = "SELECT docid, mentions FROM doc_entities WHERE eid = ?1",
    [FS_DOC_ENTS] = "SELECT eid, mentions FROM doc_entities WHERE docid = ?1",
    [FS_ENT_NAME] = "SELECT name, type FROM entities WHERE eid = ?1",
    [FS_QUOTES_ALL] = "SELECT q.docid, q.kind, q.tstart, q.tend, NULL, q.speaker, q.canonical,"
                      " q.sstart, q.send, q.cue, q.confidence, q.skey, q.ckey, q.swords, q.cwords,"
                      " q.words FROM quotes q JOIN docs d ON d.docid = q.docid"
                      " ORDER BY q.docid DESC, q.n",
    [FS_DOC_TITLE] = "SELECT id, title, bsize, enc, body FROM docs WHERE docid = ?1",
};

struct kh_facts {
    sqlite3_stmt *st[FS_COUNT];
    kh_extractor *x; /* created at the first document extracted */
    kh_ner *ner;
    kh_buf text;  /* "title\nbody" of the document being extracted */
    kh_buf words; /* scratch for key lists */
    kh_buf words2;
    kh_buf keys;
    /* kh_quotes_find results */
    kh_quote_results res;
    kh_quote_hit *hits;
    size_t caphits;
    kh_buf strings;
};

/* ---- handle ----------------------------------------------------------------------- */

static kh_facts *facts_get(kh_index *ix)
{
    if (!ix->facts) {
        kh_facts *f = kh_mem_alloc(&ix->mem, sizeof *f);
        if (!f) return NULL;
        memset(f, 0, sizeof *f);
        kh_buf_init(&f->text, &ix->mem);
        kh_buf_init(&f->words, &ix->mem);
        kh_buf_init(&f->words2, &ix->mem);
        kh_buf_init(&f->keys, &ix->mem);
        kh_buf_init(&f->strings, &ix->mem);
        ix->facts = f;
    }
    return ix->facts;
}

void kh_ix_facts_free(kh_index *ix)
{
    kh_facts *f = ix->facts;
    if (!f) return;
    for (int i = 0; i < FS_COUNT; i++)
        sqlite3_finalize(f->st[i]);
    kh_extractor_free(f->x);
    kh_ner_free(f->ner);
    kh_buf_free(&f->text);
    kh_buf_free(&f->words);
    kh_buf_free(&f->words2);
    kh_buf_free(&f->keys);
    kh_buf_free(&f->strings);
    kh_mem_free(&ix->mem, f->hits, f->caphits * sizeof *f->hits);
    kh_mem_free(&ix->mem, f, sizeof *f);
    ix->facts = NULL;
}

static sqlite3_stmt *fstmt(kh_index *ix, int which)
{
    kh_facts *f = facts_get(ix);
    if (!f) {
        kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
        return NULL;
    }
    sqlite3_stmt *st = f->st[which];
    if (!st) {
        if (sqlite3_prepare_v3(ix->db, FSQL[which], -1, SQLITE_PREPARE_PERSISTENT, &f->st[which],
                               NULL) != SQLITE_OK) {
            kh_ix_sqlite_error(ix, "entity tables");
            return NULL;
        }
        return f->st[which];
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}

kh_status kh_ix_facts_open(kh_index *ix)
{
    if (ix->facts_format != 0 && ix->facts_format != FACTS_FORMAT)
        return kh_ix_set_error(ix, KH_ECORRUPT, UINT64_MAX,
                               "entity tables in format %lld (this khabar reads %d)",
                               (long long)ix->facts_format, FACTS_FORMAT);
    if ((ix->flags & KH_INDEX_EXTRACT) && !(ix->flags & KH_INDEX_READONLY) && !ix->facts_format) {
        kh_status s = kh_ix_exec(ix, "BEGIN IMMEDIATE");
        if (!s) s = kh_ix_exec(ix, FACTS_SCHEMA);
        if (!s) s = kh_ix_exec(ix, "COMMIT");
        if (s) {
            kh_ix_rollback(ix);
            return s;
        }
        ix->facts_format = FACTS_FORMAT;
    }
    /* Extraction needs the docid a document gets, which the analysis
    ** threads only settle later: extract in the caller's thread. */
    if (ix->facts_format && !(ix->flags & KH_INDEX_READONLY)) ix->threads = 0;
    return KH_OK;
}

int kh_index_has_facts(kh_index *ix)
{
    return ix && ix->facts_format == FACTS_FORMAT;
}

static int64_t scalar(kh_index *ix, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int64_t v = 0;
    if (sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v > 0 ? v : 0;
}

void kh_ix_facts_stats(kh_index *ix, kh_index_stats *out)
{
    if (!kh_index_has_facts(ix)) return;
    out->extract = 1;
    /* joined with docs: only live documents count (see the guarantees above) */
    out->entities = (uint64_t)scalar(ix, "SELECT count(DISTINCT e.eid) FROM doc_entities e"
                                         " JOIN docs d ON d.docid = e.docid");
    out->quotes = (uint64_t)scalar(ix, "SELECT count(*) FROM quotes q JOIN docs d"
                                       " ON d.docid = q.docid");
    out->facts_bytes = (uint64_t)scalar(
        ix, "SELECT total(pgsize) FROM dbstat WHERE name IN ('entities', 'doc_entities',"
            " 'doc_entities_eid', 'quotes', 'quotes_doc', 'sqlite_autoindex_entities_1')");
}

/* ---- writing ------------------------------------------------------------------------ */

kh_status kh_ix_facts_forget(kh_index *ix, const char *id, size_t len)
{
    if (len > INT32_MAX) /* no such id: the writer refuses it (and SQLite would read on) */
        return KH_OK;
    for (int w = FS_FORGET_ENTS; w <= FS_FORGET_QUOTES; w++) {
        sqlite3_stmt *st = fstmt(ix, w);
        if (!st) return ix->err.status;
        sqlite3_bind_text(st, 1, id, (int)len, SQLITE_STATIC);
        kh_status s = kh_ix_exec_stmt(ix, st, "entity tables");
        if (s) return s;
    }
    return KH_OK;
}

/* Appends the per-word name keys of s[0..n) to b as "|k1|k2|" (b holds
** "|" alone if the name has no letters). Returns 0, or -1 (no memory). */
static int put_words(kh_buf *b, const void *s, size_t n)
{
    char k[KEYCAP];
    size_t kl = 0;
    if (kh_name_key_list(&kh_names_native, s, n, 1, k, sizeof k, &kl) != KH_OK) kl = 0;
    kh_buf_byte(b, '|');
    kh_buf_put(b, k, kl);
    if (kl) kh_buf_byte(b, '|');
    return b->oom ? -1 : 0;
}

/* The name key of s[0..n) into k (KEYCAP bytes); "" if none. */
static size_t name_key(const void *s, size_t n, char *k)
{
    size_t kl = 0;
    if (kh_name_key(s, n, k, KEYCAP, &kl) != KH_OK) kl = 0;
    k[kl] = 0;
    return kl;
}

static kh_status entity_id(kh_index *ix, const kh_entity_name *nm, int64_t *eid)
{
    sqlite3_stmt *st = fstmt(ix, FS_ENT_FIND);
    if (!st) return ix->err.status;
    sqlite3_bind_text(st, 1, nm->key, (int)nm->key_len, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, (int)nm->type);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *eid = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        return KH_OK;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return kh_ix_sqlite_error(ix, "entities");
    kh_buf *w = &ix->facts->words;
    w->n = 0;
    if (put_words(w, nm->name, nm->name_len))
        return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    if (!(st = fstmt(ix, FS_ENT_ADD))) return ix->err.status;
    sqlite3_bind_int(st, 1, (int)nm->type);
    sqlite3_bind_text(st, 2, nm->key, (int)nm->key_len, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, nm->name, (int)nm->name_len, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, (const char *)w->p, (int)w->n, SQLITE_STATIC);
    kh_status s = kh_ix_exec_stmt(ix, st, "entities");
    *eid = sqlite3_last_insert_rowid(ix->db);
    return s;
}

/* The search keys of the tokens of an that start in [b, e), as " k1 k2 ". */
static int put_keys(kh_buf *out, const kh_analysis *an, uint32_t b, uint32_t e)
{
    out->n = 0;
    kh_buf_byte(out, ' ');
    for (size_t i = 0; i < an->ntokens; i++) {
        const kh_token *t = &an->tokens[i];
        if (t->start < b || t->start >= e || !t->key_len) continue;
        kh_buf_put(out, t->key, t->key_len);
        kh_buf_byte(out, ' ');
    }
    return out->oom ? -1 : 0;
}

static void bind_span_text(sqlite3_stmt *st, int col, const uint8_t *s, kh_span sp)
{
    if (sp.start != KH_NONE && sp.end >= sp.start)
        sqlite3_bind_text(st, col, (const char *)s + sp.start, (int)(sp.end - sp.start),
                          SQLITE_STATIC);
}

static kh_status add_quote(kh_index *ix, uint32_t docid, int n, const uint8_t *s, size_t len,
                           uint32_t base, const kh_quote *q, const kh_article *art,
                           const kh_ner_result *nr)
{
    kh_facts *f = ix->facts;
    sqlite3_stmt *st = fstmt(ix, FS_QUOTE_ADD);
    if (!st) return ix->err.status;
    sqlite3_bind_int64(st, 1, docid);
    sqlite3_bind_int(st, 2, n);
    sqlite3_bind_int(st, 3, (int)q->kind);
    sqlite3_bind_int64(st, 4, q->text.start - base);
    sqlite3_bind_int64(st, 5, q->text.end - base);
    char skey[KEYCAP], ckey[KEYCAP];
    skey[0] = ckey[0] = 0;
    f->words.n = f->words2.n = 0;
    if (q->speaker.start != KH_NONE) {
        const uint8_t *sp = s + q->speaker.start;
        size_t sl = q->speaker.end - q->speaker.start;
        const char *c = kh_ner_canonical(nr, s, len, q->speaker.start, q->speaker.end, NULL);
        const uint8_t *cp = c ? (const uint8_t *)c : sp;
        size_t cl = c ? strlen(c) : sl;
        int same = cl == sl && !memcmp(cp, sp, sl); /* stored once, as the speaker */
        bind_span_text(st, 6, s, q->speaker);
        size_t skl = name_key(sp, sl, skey);
        sqlite3_bind_text(st, 12, skey, (int)skl, SQLITE_STATIC);
        if (put_words(&f->words, sp, sl))
            return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
        sqlite3_bind_text(st, 14, (const char *)f->words.p, (int)f->words.n, SQLITE_STATIC);
        if (!same) {
            sqlite3_bind_text(st, 7, (const char *)cp, (int)cl, SQLITE_TRANSIENT);
            size_t ckl = name_key(cp, cl, ckey);
            sqlite3_bind_text(st, 13, ckey, (int)ckl, SQLITE_STATIC);
            if (put_words(&f->words2, cp, cl))
                return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
            sqlite3_bind_text(st, 15, (const char *)f->words2.p, (int)f->words2.n, SQLITE_STATIC);
        }
    }
    if (q->mention.start != KH_NONE && q->mention.start >= base) {
        sqlite3_bind_int64(st, 8, q->mention.start - base);
        sqlite3_bind_int64(st, 9, q->mention.end - base);
    }
    bind_span_text(st, 10, s, q->cue);
    sqlite3_bind_double(st, 11, q->confidence);
    if (put_keys(&f->keys, art->analysis, q->text.start, q->text.end))
        return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    sqlite3_bind_text(st, 16, (const char *)f->keys.p, (int)f->keys.n, SQLITE_STATIC);
    return kh_ix_exec_stmt(ix, st, "quotes");
}

kh_status kh_ix_facts_add(kh_index *ix, uint32_t docid, const kh_doc *d)
{
    kh_facts *f = facts_get(ix);
    if (!f) return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    /* libc's hook is handed on as NULL: the analyzer maps its word cache
    ** lazily only when it knows the memory comes from libc */
    kh_alloc_fn fn = kh_mem_user_fn(&ix->mem);
    kh_analyzer_opts ao = {0, fn, ix->mem.ud};
    if (!f->x && kh_extractor_new(&ao, &f->x))
        return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    if (!f->ner) {
        kh_ner_opts no = {0};
        no.alloc = fn;
        no.alloc_ud = ix->mem.ud;
        kh_error e;
        kh_status s = kh_ner_new(&no, &f->ner, &e); /* no model given: the built-in one */
        if (s) return kh_ix_set_error(ix, s, UINT64_MAX, "entity model: %s", e.message);
    }
    /* The headline as line 1, as khabar analyze reads a record: names in it
    ** count, and the extractor knows it for a headline. Offsets stored are
    ** into the body: base is where it starts. */
    kh_buf *t = &f->text;
    t->n = 0;
    t->oom = 0;
    uint32_t base = 0;
    kh_extract_opts eo = {0, 0, 0, 0};
    if (d->title.len && d->title.len + 1 + (uint64_t)d->body.len < UINT32_MAX) {
        for (size_t i = 0; i < d->title.len; i++) {
            char c = d->title.ptr[i];
            kh_buf_byte(t, (uint8_t)(c == '\n' || c == '\r' ? ' ' : c));
        }
        kh_buf_byte(t, '\n');
        base = (uint32_t)t->n;
    } else
        eo.flags |= KH_XF_NO_TITLE;
    kh_buf_put(t, d->body.ptr, d->body.len);
    if (t->oom) return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    const kh_article *art;
    kh_status s = kh_extract(f->x, t->p ? t->p : (const uint8_t *)"", t->n, &eo, &art);
    if (s) return kh_ix_set_error(ix, s, UINT64_MAX, "extraction: %s", kh_strerror(s));
    const kh_ner_result *nr;
    if ((s = kh_ner_tag(f->ner, t->p ? t->p : (const uint8_t *)"", t->n, art->analysis, NULL, 0,
                        &nr)))
        return kh_ix_set_error(ix, s, UINT64_MAX, "entities: %s", kh_strerror(s));
    kh_extract_entities(f->x, nr);
    for (size_t i = 0; i < nr->nnames && !s; i++) {
        const kh_entity_name *nm = &nr->names[i];
        if (!nm->key_len || !nm->type) continue;
        int64_t eid = 0;
        if ((s = entity_id(ix, nm, &eid))) break;
        sqlite3_stmt *st = fstmt(ix, FS_DOCENT_ADD);
        if (!st) return ix->err.status;
        sqlite3_bind_int64(st, 1, docid);
        sqlite3_bind_int64(st, 2, eid);
        sqlite3_bind_int(st, 3, (int)nm->nmentions);
        s = kh_ix_exec_stmt(ix, st, "doc_entities");
    }
    int n = 0;
    for (size_t i = 0; i < art->nquotes && !s; i++)
        if (art->quotes[i].text.start >= base)
            s = add_quote(ix, docid, n++, t->p, t->n, base, &art->quotes[i], art, nr);
    return s;
}

/* ---- entity lookups for search.c ---------------------------------------------------- */

static kh_status no_facts(kh_index *ix)
{
    return kh_ix_set_error(ix, KH_EINVAL, UINT64_MAX, "no entities stored: index with --extract");
}

kh_status kh_ix_entity_docs(kh_index *ix, const char *name, size_t len, kh_entity_doc_fn fn,
                            void *ud)
{
    if (!kh_index_has_facts(ix)) return no_facts(ix);
    char k1[KEYCAP], k2[KEYCAP];
    size_t l1 = name_key(name, len, k1), l2 = 0;
    const char *alias = kh_alias_find((const uint8_t *)name, len, NULL);
    if (alias) l2 = name_key(alias, strlen(alias), k2);
    kh_buf w;
    kh_buf_init(&w, &ix->mem);
    if (put_words(&w, name, len)) {
        kh_buf_free(&w);
        return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    }
    if (!l1) { /* no letters: match nothing rather than every entity */
        kh_buf_free(&w);
        return KH_OK;
    }
    sqlite3_stmt *st = fstmt(ix, FS_ENT_MATCH);
    if (!st) {
        kh_buf_free(&w);
        return ix->err.status;
    }
    sqlite3_bind_text(st, 1, k1, (int)l1, SQLITE_STATIC);
    if (l2) sqlite3_bind_text(st, 2, k2, (int)l2, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, (const char *)w.p, (int)w.n, SQLITE_STATIC);
    /* collect the eids first: the second statement must not run inside the first */
    int64_t *eids = NULL;
    size_t neids = 0, cap = 0;
    int rc;
    kh_status s = KH_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (kh_mem_grow(&ix->mem, (void **)&eids, &cap, neids + 1, sizeof *eids)) {
            s = kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
            break;
        }
        eids[neids++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    kh_buf_free(&w);
    if (!s && rc != SQLITE_DONE && rc != SQLITE_ROW) s = kh_ix_sqlite_error(ix, "entities");
    for (size_t i = 0; i < neids && !s; i++) {
        if (!(st = fstmt(ix, FS_ENT_DOCS))) {
            s = ix->err.status;
            break;
        }
        sqlite3_bind_int64(st, 1, eids[i]);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            int64_t d = sqlite3_column_int64(st, 0), m = sqlite3_column_int64(st, 1);
            if (d > 0 && d < ix->stats.next_docid)
                fn(ud, (uint32_t)d, m > 0 && m < UINT32_MAX ? (uint32_t)m : 1);
        }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) s = kh_ix_sqlite_error(ix, "doc_entities");
    }
    kh_mem_free(&ix->mem, eids, cap * sizeof *eids);
    return s;
}

kh_status kh_ix_doc_entities(kh_index *ix, uint32_t docid, kh_entity_doc_fn fn, void *ud)
{
    if (!kh_index_has_facts(ix)) return no_facts(ix);
    sqlite3_stmt *st = fstmt(ix, FS_DOC_ENTS);
    if (!st) return ix->err.status;
    sqlite3_bind_int64(st, 1, docid);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t e = sqlite3_column_int64(st, 0), m = sqlite3_column_int64(st, 1);
        if (e > 0 && e <= UINT32_MAX)
            fn(ud, (uint32_t)e, m > 0 && m < UINT32_MAX ? (uint32_t)m : 1);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? KH_OK : kh_ix_sqlite_error(ix, "doc_entities");
}

kh_status kh_ix_entity_name(kh_index *ix, uint32_t eid, kh_buf *out, uint32_t *type)
{
    sqlite3_stmt *st = fstmt(ix, FS_ENT_NAME);
    if (!st) return ix->err.status;
    sqlite3_bind_int64(st, 1, eid);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const void *p = sqlite3_column_text(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        int64_t t = sqlite3_column_int64(st, 1);
        *type = t >= 0 && t <= KH_ENT_MISC ? (uint32_t)t : 0;
        if (kh_buf_put(out, p ? p : "", n) || kh_buf_byte(out, 0)) {
            sqlite3_reset(st);
            return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return kh_ix_set_error(ix, rc == SQLITE_DONE ? KH_ECORRUPT : KH_ESQLITE, UINT64_MAX,
                               "entity %u: %s", eid,
                               rc == SQLITE_DONE ? "missing" : sqlite3_errmsg(ix->db));
    return KH_OK;
}

/* ---- kh_quotes_find ------------------------------------------------------------------------ */

/* Does the text column col of st end with w[0..n) ("|...|" lists)? */
static int col_ends_with(sqlite3_stmt *st, int col, const uint8_t *w, size_t n)
{
    const uint8_t *p = sqlite3_column_text(st, col);
    size_t l = (size_t)sqlite3_column_bytes(st, col);
    return p && n > 1 && l >= n && !memcmp(p + l - n, w, n);
}

static int col_eq(sqlite3_stmt *st, int col, const char *k, size_t n)
{
    const void *p = sqlite3_column_text(st, col);
    return p && n && (size_t)sqlite3_column_bytes(st, col) == n && !memcmp(p, k, n);
}

/* Is every " key " of keys[0..n) in the text column col? */
static int col_has_keys(sqlite3_stmt *st, int col, const kh_buf *keys)
{
    const char *p = (const char *)sqlite3_column_text(st, col);
    size_t l = (size_t)sqlite3_column_bytes(st, col);
    if (!p) return keys->n <= 1;
    /* keys->p holds " k1 k2 ": each " k " is checked on its own */
    const char *s = (const char *)keys->p, *e = s + keys->n;
    for (const char *a = s; a + 1 < e;) {
        const char *b = memchr(a + 1, ' ', (size_t)(e - a - 1));
        if (!b) break;
        size_t n = (size_t)(b - a) + 1;
        int found = 0;
        for (size_t i = 0; i + n <= l && !found; i++)
            found = p[i] == ' ' && !memcmp(p + i, a, n);
        if (!found) return 0;
        a = b;
    }
    return 1;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int64_t put_col(kh_buf *b, sqlite3_stmt *st, int col, kh_text *out)
{
    const void *p = sqlite3_column_text(st, col);
    size_t n = (size_t)sqlite3_column_bytes(st, col);
    int64_t off = (int64_t)b->n;
    if (kh_buf_put(b, p ? p : "", n) || kh_buf_byte(b, 0)) return -1;
    out->ptr = (const char *)(uintptr_t)off;
    out->len = n;
    return off;
}

static kh_span col_span(sqlite3_stmt *st, int a, int b)
{
    if (sqlite3_column_type(st, a) == SQLITE_NULL) return (kh_span){KH_NONE, KH_NONE};
    return (kh_span){(uint32_t)sqlite3_column_int64(st, a), (uint32_t)sqlite3_column_int64(st, b)};
}

/* The quotation's text: its bytes of the stored body (columns 2-4 of the
** document row: size, encoding, body; see index.h), into h->text. */
static kh_status quote_text(kh_index *ix, sqlite3_stmt *d, kh_quote_hit *h)
{
    int64_t size = sqlite3_column_int64(d, 2);
    int enc = sqlite3_column_int(d, 3);
    const uint8_t *raw = sqlite3_column_blob(d, 4);
    size_t rl = (size_t)sqlite3_column_bytes(d, 4);
    if (size < 0 || size > INT32_MAX || h->span.start == KH_NONE || h->span.start > h->span.end ||
        h->span.end > (uint64_t)size || (enc == 0 && rl != (size_t)size) || enc > 1)
        return kh_ix_set_error(ix, KH_ECORRUPT, UINT64_MAX,
                               "a quotation lies outside its stored body");
    const uint8_t *body = raw;
    uint8_t *out = NULL;
    if (enc == 1) { /* inflate the whole body: zlib streams have no random access */
        uLongf ol = (uLongf)size;
        if (!(out = kh_mem_alloc(&ix->mem, (size_t)size + 1)))
            return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
        if (uncompress(out, &ol, raw ? raw : (const uint8_t *)"", (uLong)rl) != Z_OK ||
            ol != (uLongf)size) {
            kh_mem_free(&ix->mem, out, (size_t)size + 1);
            return kh_ix_set_error(ix, KH_ECORRUPT, UINT64_MAX, "a stored body does not inflate");
        }
        body = out;
    }
    int64_t off = (int64_t)ix->facts->strings.n;
    size_t n = h->span.end - h->span.start;
    int bad =
        kh_buf_put(&ix->facts->strings, body ? body + h->span.start : (const uint8_t *)"", n) ||
        kh_buf_byte(&ix->facts->strings, 0);
    kh_mem_free(&ix->mem, out, (size_t)size + 1);
    if (bad) return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    h->text.ptr = (const char *)(uintptr_t)off;
    h->text.len = n;
    return KH_OK;
}

/* One matching row into hit i (strings as offsets, fixed up at the end). */
static kh_status fill_quote(kh_index *ix, sqlite3_stmt *st, kh_quote_hit *h)
{
    kh_facts *f = ix->facts;
    memset(h, 0, sizeof *h);
    int64_t docid = sqlite3_column_int64(st, 0);
    h->kind = (uint32_t)sqlite3_column_int(st, 1);
    h->span = col_span(st, 2, 3);
    h->speaker_span = col_span(st, 7, 8);
    h->confidence = (float)sqlite3_column_double(st, 10);
    int canon = sqlite3_column_type(st, 6) != SQLITE_NULL; /* NULL: the speaker's own name */
    if (put_col(&f->strings, st, 5, &h->speaker) < 0 ||
        put_col(&f->strings, st, canon ? 6 : 5, &h->canonical) < 0 ||
        put_col(&f->strings, st, 9, &h->cue) < 0)
        return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    /* id and title come from the document row; a second statement is fine
    ** here: it reads another table while the scan stands on its row */
    sqlite3_stmt *d = fstmt(ix, FS_DOC_TITLE);
    if (!d) return ix->err.status;
    sqlite3_bind_int64(d, 1, docid);
    int rc = sqlite3_step(d);
    kh_status s = KH_OK;
    if (rc == SQLITE_ROW) {
        if (put_col(&f->strings, d, 0, &h->id) < 0 || put_col(&f->strings, d, 1, &h->title) < 0)
            s = kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
        else
            s = quote_text(ix, d, h);
    } else
        s = kh_ix_set_error(ix, rc == SQLITE_DONE ? KH_ECORRUPT : KH_ESQLITE, UINT64_MAX,
                            "a quotation's document row is missing");
    sqlite3_reset(d);
    return s;
}

static kh_status quotes_in_txn(kh_index *ix, const char *speaker, size_t slen, const kh_buf *keys,
                               uint32_t offset, uint32_t limit)
{
    kh_facts *f = ix->facts;
    char k1[KEYCAP], k2[KEYCAP];
    size_t l1 = 0, l2 = 0;
    kh_buf w;
    kh_buf_init(&w, &ix->mem);
    if (speaker) {
        l1 = name_key(speaker, slen, k1);
        const char *alias = kh_alias_find((const uint8_t *)speaker, slen, NULL);
        if (alias) l2 = name_key(alias, strlen(alias), k2);
        if (put_words(&w, speaker, slen))
            return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
        if (!l1) {
            kh_buf_free(&w);
            return kh_ix_set_error(ix, KH_ESYNTAX, 0, "--speaker needs a name with letters");
        }
    }
    sqlite3_stmt *st = fstmt(ix, FS_QUOTES_ALL);
    if (!st) {
        kh_buf_free(&w);
        return ix->err.status;
    }
    kh_status s = KH_OK;
    int rc;
    uint64_t total = 0;
    while (!s && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        /* the join with docs keeps live documents only, a writer's pending
        ** ones included (the deleted bitmap does not cover those yet) */
        if (speaker && !(col_eq(st, 11, k1, l1) || col_eq(st, 12, k1, l1) ||
                         col_eq(st, 11, k2, l2) || col_eq(st, 12, k2, l2) ||
                         col_ends_with(st, 13, w.p, w.n) || col_ends_with(st, 14, w.p, w.n)))
            continue;
        if (!col_has_keys(st, 15, keys)) continue;
        total++;
        if (total <= offset || total > (uint64_t)offset + limit) continue;
        if (kh_mem_grow(&ix->mem, (void **)&f->hits, &f->caphits, f->res.nhits + 1,
                        sizeof *f->hits)) {
            s = kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
            break;
        }
        if (!(s = fill_quote(ix, st, &f->hits[f->res.nhits]))) f->res.nhits++;
    }
    if (!s && rc != SQLITE_DONE) s = kh_ix_sqlite_error(ix, "quotes");
    sqlite3_reset(st);
    kh_buf_free(&w);
    f->res.total = total;
    return s;
}

kh_status kh_quotes_find(kh_index *ix, const char *speaker, size_t slen, const char *query,
                         size_t qlen, const kh_search_opts *opts, const kh_quote_results **out)
{
    if (!ix || !out || (!speaker && slen) || (!query && qlen)) return KH_EINVAL;
    *out = NULL;
    double t0 = now_ms();
    ix->err = (kh_error){KH_OK, UINT64_MAX, ""};
    if (!kh_index_has_facts(ix))
        return kh_ix_set_error(ix, KH_EINVAL, UINT64_MAX,
                               "no quotations stored: index with --extract");
    size_t off;
    if ((speaker && !kh_utf8_valid((const uint8_t *)speaker, slen, &off)) ||
        (query && !kh_utf8_valid((const uint8_t *)query, qlen, &off)))
        return kh_ix_set_error(ix, KH_ESYNTAX, off, "invalid UTF-8 at byte %zu", off);
    kh_facts *f = facts_get(ix);
    if (!f) return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    f->strings.n = 0;
    f->strings.oom = 0;
    memset(&f->res, 0, sizeof f->res);
    /* the query's words as search keys: the analyzer makes them as it made
    ** the stored ones */
    kh_buf keys;
    kh_buf_init(&keys, &ix->mem);
    kh_status s = KH_OK;
    if (query && qlen) {
        const kh_analysis *an;
        if ((s = kh_analyze(ix->an, (const uint8_t *)query, qlen, &an)))
            return kh_ix_set_error(ix, s, UINT64_MAX, "%s", kh_strerror(s));
        if (put_keys(&keys, an, 0, UINT32_MAX)) {
            kh_buf_free(&keys);
            return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
        }
    }
    if ((!speaker || !slen) && keys.n <= 1) {
        kh_buf_free(&keys);
        return kh_ix_set_error(ix, KH_EINVAL, UINT64_MAX,
                               "give a speaker (--speaker NAME) or words to look for");
    }
    uint32_t limit = opts && opts->limit ? opts->limit : 10;
    uint32_t offset = opts ? opts->offset : 0;
    int own = !ix->in_write;
    if (own && kh_ix_exec(ix, "BEGIN")) s = ix->err.status;
    if (!s) {
        s = quotes_in_txn(ix, speaker && slen ? speaker : NULL, slen, &keys, offset, limit);
        if (own) sqlite3_exec(ix->db, "COMMIT", NULL, NULL, NULL);
    }
    kh_buf_free(&keys);
    if (s) return s;
    if (f->strings.oom) return kh_ix_set_error(ix, KH_ENOMEM, UINT64_MAX, "out of memory");
    const char *b = (const char *)f->strings.p;
    for (size_t i = 0; i < f->res.nhits; i++) {
        kh_quote_hit *h = &f->hits[i];
        kh_text *t[] = {&h->id, &h->title, &h->text, &h->speaker, &h->canonical, &h->cue};
        for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
            t[k]->ptr = b ? b + (uintptr_t)t[k]->ptr : "";
    }
    f->res.hits = f->hits;
    f->res.took_ms = now_ms() - t0;
    *out = &f->res;
    return KH_OK;
}
