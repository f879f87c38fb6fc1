/*
** khabar.h - the whole public API of khabar, a library that reads Arabic news.
**
** One header, opaque handles, errors as values, byte offsets everywhere.
** Every [start, end) pair below is a byte range in the caller's original
** input buffer, which the library never writes. Strings the library hands
** back are UTF-8, NUL-terminated, and borrowed: they stay valid until the
** next call on the same handle unless a comment says otherwise.
**
** Threads: a handle is used by one thread at a time; different handles share
** no writable memory, so two analyzers in two threads need no locking.
*/
#ifndef KHABAR_H
#define KHABAR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(KH_BUILDING) && defined(__GNUC__)
#define KH_API __attribute__((visibility("default")))
#else
#define KH_API
#endif

#define KH_VERSION_MAJOR 0
#define KH_VERSION_MINOR 1
#define KH_VERSION_PATCH 0
#define KH_VERSION_STRING "0.1.0"

/* The analyzer's own version. Keys made by different analyzer versions must
** not be mixed in one index; bump it whenever a key can change. */
#define KH_ANALYZER_VERSION 1

/* ---- errors ----------------------------------------------------------- */

typedef enum kh_status {
    KH_OK = 0,
    KH_ENOMEM,    /* an allocation failed */
    KH_EINVAL,    /* a caller passed an invalid argument */
    KH_EUTF8,     /* invalid UTF-8 in strict mode */
    KH_EIO,       /* a file could not be read or written */
    KH_ECORRUPT,  /* stored data failed a consistency check */
    KH_ESQLITE,   /* SQLite reported an error */
    KH_ELIMIT,    /* input exceeds a documented limit (e.g. 4 GiB) */
    KH_ESYNTAX    /* malformed input such as a query */
} kh_status;

/* Static text for a status code; never NULL. */
KH_API const char *kh_strerror(kh_status st);

/* Details of the last failure on a handle: what went wrong and where. */
typedef struct kh_error {
    kh_status status;
    uint64_t offset;   /* byte offset in the input, or UINT64_MAX if none */
    char message[200]; /* human-readable, NUL-terminated */
} kh_error;

/* "0.1.0": the library's version, for comparing with KH_VERSION_STRING. */
KH_API const char *kh_version(void);

/* ---- memory ----------------------------------------------------------- */

/* Allocation hook in the manner of lua_Alloc: nsize == 0 frees ptr and
** returns NULL; otherwise (re)allocates ptr from osize to nsize bytes and
** returns the block, or NULL on failure (ptr then stays valid). */
typedef void *(*kh_alloc_fn)(void *ud, void *ptr, size_t osize, size_t nsize);

/* ---- analyzer --------------------------------------------------------- */

typedef struct kh_analyzer kh_analyzer;

/* Option flags for kh_analyzer_opts.flags. */
#define KH_OPT_STRICT_UTF8 0x1u /* invalid UTF-8 fails with KH_EUTF8 (default: replaced) */

typedef struct kh_analyzer_opts {
    uint32_t flags;        /* KH_OPT_* */
    kh_alloc_fn alloc;     /* NULL: libc */
    void *alloc_ud;        /* passed to alloc */
} kh_analyzer_opts;

/* Token classes. */
typedef enum kh_token_kind {
    KH_TOK_ARABIC = 1, /* Arabic word (may carry clitics) */
    KH_TOK_LATIN,      /* Latin-script or other alphabetic word */
    KH_TOK_NUMBER,     /* 144, 1,000.5, ١٤٤٫٥, 50%, 2024/03/22, 10:30 */
    KH_TOK_URL,
    KH_TOK_EMAIL,
    KH_TOK_HASHTAG,
    KH_TOK_MENTION,
    KH_TOK_PUNCT,      /* one mark; an ellipsis "..." is one token */
    KH_TOK_QUOTE,      /* any quotation mark */
    KH_TOK_SYMBOL,     /* anything else that is not a space */
    KH_TOK_ABBREV      /* letter-dot chains: أ.ف.ب, د. */
} kh_token_kind;

/* Token flags. */
#define KH_TOKF_INVALID 0x1u /* the token's bytes held invalid UTF-8 (replaced) */
#define KH_TOKF_PREFIX  0x2u /* a detached proclitic such as لـ before the next token */

/* Segment roles within a word. */
typedef enum kh_seg_role { KH_SEG_PROCLITIC = 1, KH_SEG_STEM, KH_SEG_ENCLITIC } kh_seg_role;

/* One clitic or stem. text is the segment as a word, with marks and tatweel
** removed and the spelling restored at the seam (حكومت+ها gives the stem
** text حكومة); [start, end) covers the segment's bytes in the input, and a
** token's segments tile it in order. After ل the article is written with
** one lam (للحكومة: ل + ال + حكومة): ال then spans the second lam; when the
** stem itself starts with ل (للغة: ل + ال + لغة) the article is not written
** at all and its span is empty, at the start of the stem. */
typedef struct kh_segment {
    uint32_t start, end; /* bytes in the input */
    const char *text;    /* borrowed */
    uint32_t len;        /* bytes of text */
    uint32_t role;       /* kh_seg_role */
} kh_segment;

typedef struct kh_token {
    uint32_t start, end;   /* bytes in the input: the surface */
    uint32_t kind;         /* kh_token_kind */
    uint32_t flags;        /* KH_TOKF_* */
    uint32_t sentence;     /* index into kh_analysis.sentences */
    uint32_t nsegs;        /* segments, proclitics first; 1 for unsegmented tokens */
    const kh_segment *segs;
    const char *norm;      /* the whole token normalized for matching (primer §2) */
    const char *seg;       /* segments' text joined with '+' (و+ل+ال+تواصل) */
    const char *key;       /* search key; "" means nothing to index */
    uint32_t norm_len, seg_len, key_len;
} kh_token;

typedef struct kh_sentence {
    uint32_t start, end;   /* bytes: first token's start to last token's end */
    uint32_t first;        /* index of its first token */
    uint32_t ntokens;
} kh_sentence;

typedef struct kh_analysis {
    const kh_token *tokens;
    size_t ntokens;
    const kh_sentence *sentences;
    size_t nsentences;
    size_t ninvalid;       /* invalid UTF-8 sequences replaced (lenient mode) */
    uint64_t first_invalid;/* byte offset of the first one, if any */
} kh_analysis;

/* Creates an analyzer. opts may be NULL for defaults (lenient UTF-8, libc).
** OUT: *out, freed with kh_analyzer_free(). */
KH_API kh_status kh_analyzer_new(const kh_analyzer_opts *opts, kh_analyzer **out);

/* Frees an analyzer and everything it returned; NULL is a no-op. */
KH_API void kh_analyzer_free(kh_analyzer *a);

/* Analyzes len bytes of UTF-8. Never writes text; text need not be
** NUL-terminated and may contain NUL bytes (they separate tokens).
** OUT: *out, borrowed, valid until the next kh_analyze or kh_analyzer_free
** on this handle. Errors: KH_EUTF8 (strict mode; kh_analyzer_error gives the
** byte offset), KH_ELIMIT (len >= 4 GiB), KH_ENOMEM. */
KH_API kh_status kh_analyze(kh_analyzer *a, const uint8_t *text, size_t len,
                            const kh_analysis **out);

/* The last error on this handle (status KH_OK if none). Borrowed. */
KH_API const kh_error *kh_analyzer_error(const kh_analyzer *a);

/* Checks UTF-8. Returns 1 if valid; else 0 and, if off is not NULL, the byte
** offset of the first invalid sequence. */
KH_API int kh_utf8_valid(const uint8_t *s, size_t len, size_t *off);

/* ---- documents and readers --------------------------------------------- */

/* A byte string that is not NUL-terminated. */
typedef struct kh_text {
    const char *ptr;
    size_t len;
} kh_text;

/* A byte range [start, end) in some buffer the comment names. */
typedef struct kh_span {
    uint32_t start, end;
} kh_span;

/* One news document. Only id is required; body and title are indexed, the
** other fields are stored and shown (date is also parsed for date filters:
** YYYY-MM-DD[...], DD/MM/YYYY or an RFC 822 date). Text is UTF-8; invalid
** bytes are stored as they are and indexed as if replaced. */
typedef struct kh_doc {
    kh_text id, title, body, source, url, date;
    uint64_t start, end; /* the record's bytes in its input (readers set these) */
} kh_doc;

/* Input formats a reader understands. */
typedef enum kh_format {
    KH_FMT_AUTO = 0, /* from the name's extension, then from the first bytes */
    KH_FMT_TEXT,     /* one document; first line = title, the rest = body; id = name */
    KH_FMT_JSONL,    /* one JSON object per line */
    KH_FMT_JSON,     /* a JSON array of objects (or a single object) */
    KH_FMT_TREC,     /* <DOC><DOCNO>..<TITLE>..<TEXT>..</TEXT></DOC>, several per file */
    KH_FMT_HTML      /* one page; title and main text extracted; id = name */
} kh_format;

/* Field names for JSON input: each is a comma-separated list of names, the
** first present wins; NULL keeps the default shown. */
typedef struct kh_reader_opts {
    const char *id;     /* "id,docid,url" */
    const char *title;  /* "title,headline" */
    const char *body;   /* "body,content,text" */
    const char *source; /* "source,site" */
    const char *url;    /* "url,link" */
    const char *date;   /* "date,published,date_extracted,time" */
    kh_alloc_fn alloc;  /* NULL: libc */
    void *alloc_ud;
} kh_reader_opts;

typedef struct kh_reader kh_reader;

/* Creates a reader. opts may be NULL. OUT: *out, freed with kh_reader_free(). */
KH_API kh_status kh_reader_new(const kh_reader_opts *opts, kh_reader **out);
KH_API void kh_reader_free(kh_reader *r);

/* Starts on one input: len bytes, borrowed until the next kh_reader_start or
** kh_reader_free. name (a path, or "-") picks the format under KH_FMT_AUTO
** and is the id of text and HTML documents. OUT: *fmt_out (may be NULL), the
** format chosen. */
KH_API kh_status kh_reader_start(kh_reader *r, const uint8_t *buf, size_t len,
                                 const char *name, kh_format fmt, kh_format *fmt_out);

/* The next document. OUT: *out, borrowed until the next call on r, or NULL
** at the end of the input. A bad record returns KH_ESYNTAX (or KH_EUTF8 for
** an id that is not UTF-8) with kh_reader_error() giving the reason and the
** record's byte offset; the next call goes on after that record. */
KH_API kh_status kh_reader_next(kh_reader *r, const kh_doc **out);
KH_API const kh_error *kh_reader_error(const kh_reader *r);

/* ---- index and search ------------------------------------------------ */

/* An index is one SQLite file (WAL mode) holding the documents as given, their
** metadata and khabar's inverted index; see src/index/index.h for the format.
** One handle may add and search; other processes may search the same file
** while it indexes and see each commit once it is made. */
typedef struct kh_index kh_index;

#define KH_INDEX_READONLY 0x1u /* open for searching only; the file must exist */

typedef struct kh_index_opts {
    uint32_t flags;      /* KH_INDEX_* */
    size_t batch_bytes;  /* commit after this much buffered posting data; 0: 64 MiB */
    uint32_t busy_ms;    /* wait this long for another writer's lock; 0: 5000 */
    kh_alloc_fn alloc;   /* NULL: libc (SQLite keeps its own allocator) */
    void *alloc_ud;
    uint32_t threads;    /* threads that analyze and compress documents while the
                         ** caller's thread builds postings; 0 or 1: none. With
                         ** threads, alloc must be thread-safe, and an error in a
                         ** document may be reported by a later call. */
} kh_index_opts;

/* Opens or creates an index. OUT: *out, closed with kh_index_close() (even
** on failure *out may be set, so that kh_index_error can explain it). */
KH_API kh_status kh_index_open(const char *path, const kh_index_opts *opts, kh_index **out);

/* Commits pending documents, then closes; NULL is a no-op. Returns the
** status of that last commit. */
KH_API kh_status kh_index_close(kh_index *ix);

/* Adds a document; an existing document with the same id is replaced.
** Pending until the batch fills or kh_index_commit(). OUT: *replaced (may be
** NULL) = 1 if the id existed. Errors: KH_EINVAL (empty id), KH_ELIMIT
** (a field over 4 GiB or over 65,535 distinct sources), KH_ESQLITE, KH_ENOMEM. */
KH_API kh_status kh_index_add(kh_index *ix, const kh_doc *doc, int *replaced);

/* Deletes the document with this id. OUT: *found (may be NULL). Pending
** like kh_index_add. */
KH_API kh_status kh_index_delete(kh_index *ix, const char *id, size_t len, int *found);

/* Makes everything added or deleted so far durable, in one transaction. */
KH_API kh_status kh_index_commit(kh_index *ix);

/* Merges every segment into one and drops deleted documents for good. */
KH_API kh_status kh_index_optimize(kh_index *ix);

typedef struct kh_index_stats {
    uint64_t docs;         /* live documents */
    uint64_t deleted;      /* deleted, still in some segment until a merge */
    uint64_t terms;        /* distinct keys, summed over segments */
    uint64_t segments;
    uint64_t postings;     /* (term, document) pairs, summed over segments */
    uint64_t file_bytes;   /* the database file and its WAL */
    uint64_t doc_bytes;    /* pages of the document tables */
    uint64_t index_bytes;  /* pages of the posting and segment tables */
    uint64_t text_bytes;   /* title + body bytes of live documents */
    uint32_t analyzer_version;
} kh_index_stats;

KH_API kh_status kh_index_stats_get(kh_index *ix, kh_index_stats *out);

/* The last error on this handle (status KH_OK if none). Borrowed. */
KH_API const kh_error *kh_index_error(const kh_index *ix);

#define KH_SEARCH_ANY 0x1u         /* any word may match (OR); default: all */
#define KH_SEARCH_NO_TOTAL 0x2u    /* total is only a lower bound; faster */
#define KH_SEARCH_NO_SNIPPETS 0x4u /* hits carry id and score only */

typedef struct kh_search_opts {
    uint32_t flags;         /* KH_SEARCH_* */
    uint32_t limit;         /* hits to return; 0: 10 */
    uint32_t offset;        /* hits to skip first */
    const char *from, *to;  /* "YYYY", "YYYY-MM" or "YYYY-MM-DD", inclusive; NULL: open */
    uint32_t snippet_bytes; /* about this long; 0: 240 */
} kh_search_opts;

typedef struct kh_hit {
    kh_text id, title, source, url, date;
    double score;
    kh_text snippet;           /* a slice of the stored body, at token boundaries */
    uint32_t snippet_start;    /* its byte offset in the body */
    const kh_span *highlights; /* matched words in the snippet, as body byte offsets */
    size_t nhighlights;
} kh_hit;

typedef struct kh_results {
    uint64_t total;     /* matching documents (a lower bound under KH_SEARCH_NO_TOTAL) */
    const kh_hit *hits; /* best first */
    size_t nhits;
    double took_ms;     /* parsing to the last hit in hand, snippets included */
} kh_results;

/* Runs a query (syntax in src/index/query.h: words, "phrases", -word,
** prefix*, source:NAME). OUT: *out, borrowed until the next search on ix.
** Errors: KH_ESYNTAX with the byte offset in kh_index_error, KH_EINVAL (bad
** date), KH_ELIMIT (a prefix matching too many keys), KH_ESQLITE, KH_ECORRUPT. */
KH_API kh_status kh_search(kh_index *ix, const char *query, size_t len,
                           const kh_search_opts *opts, const kh_results **out);

#ifdef __cplusplus
}
#endif
#endif /* KHABAR_H */
