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

#define KH_VERSION_MAJOR  0
#define KH_VERSION_MINOR  1
#define KH_VERSION_PATCH  0
#define KH_VERSION_STRING "0.1.0"

/* The analyzer's own version. Keys made by different analyzer versions must
** not be mixed in one index; bump it whenever a key can change. */
#define KH_ANALYZER_VERSION 1

/* ---- errors ----------------------------------------------------------- */

typedef enum kh_status {
    KH_OK = 0,
    KH_ENOMEM,   /* an allocation failed */
    KH_EINVAL,   /* a caller passed an invalid argument */
    KH_EUTF8,    /* invalid UTF-8 in strict mode */
    KH_EIO,      /* a file could not be read or written */
    KH_ECORRUPT, /* stored data failed a consistency check */
    KH_ESQLITE,  /* SQLite reported an error */
    KH_ELIMIT,   /* input exceeds a documented limit (e.g. 4 GiB) */
    KH_ESYNTAX   /* malformed input such as a query */
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
    uint32_t flags;    /* KH_OPT_* */
    kh_alloc_fn alloc; /* NULL: libc */
    void *alloc_ud;    /* passed to alloc */
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
    KH_TOK_PUNCT,  /* one mark; an ellipsis "..." is one token */
    KH_TOK_QUOTE,  /* any quotation mark */
    KH_TOK_SYMBOL, /* anything else that is not a space */
    KH_TOK_ABBREV  /* letter-dot chains: أ.ف.ب, د. */
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
    uint32_t start, end; /* bytes in the input: the surface */
    uint32_t kind;       /* kh_token_kind */
    uint32_t flags;      /* KH_TOKF_* */
    uint32_t sentence;   /* index into kh_analysis.sentences */
    uint32_t nsegs;      /* segments, proclitics first; 1 for unsegmented tokens */
    const kh_segment *segs;
    const char *norm; /* the whole token normalized for matching (primer §2) */
    const char *seg;  /* segments' text joined with '+' (و+ل+ال+تواصل) */
    const char *key;  /* search key; "" means nothing to index */
    uint32_t norm_len, seg_len, key_len;
} kh_token;

typedef struct kh_sentence {
    uint32_t start, end; /* bytes: first token's start to last token's end */
    uint32_t first;      /* index of its first token */
    uint32_t ntokens;
} kh_sentence;

typedef struct kh_analysis {
    const kh_token *tokens;
    size_t ntokens;
    const kh_sentence *sentences;
    size_t nsentences;
    size_t ninvalid;        /* invalid UTF-8 sequences replaced (lenient mode) */
    uint64_t first_invalid; /* byte offset of the first one, if any */
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

/* A byte range [start, end) in some buffer the comment names; KH_NONE in
** both fields when absent. */
#define KH_NONE UINT32_MAX
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
    uint32_t flags; /* KH_READER_* */
} kh_reader_opts;

/* A JSON record without an id is read (with an empty id) instead of being
** a bad record: for reading articles that are not going into an index. */
#define KH_READER_ID_OPTIONAL 0x1u

typedef struct kh_reader kh_reader;

/* Creates a reader. opts may be NULL. OUT: *out, freed with kh_reader_free(). */
KH_API kh_status kh_reader_new(const kh_reader_opts *opts, kh_reader **out);
KH_API void kh_reader_free(kh_reader *r);

/* Starts on one input: len bytes, borrowed until the next kh_reader_start or
** kh_reader_free. name (a path, or "-") picks the format under KH_FMT_AUTO
** and is the id of text and HTML documents. OUT: *fmt_out (may be NULL), the
** format chosen. */
KH_API kh_status kh_reader_start(kh_reader *r, const uint8_t *buf, size_t len, const char *name,
                                 kh_format fmt, kh_format *fmt_out);

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
/* Also find the named entities and quotations of every document added, and
** store them with it (for facets, entity: and kh_quotes_find). Several
** times slower than indexing alone, hence opt-in. The file remembers it:
** once an index stores entities, every later kh_index_add extracts too, so
** that they cover every document added since; documents added before stay
** without until they are added again. While extracting, documents are
** analyzed in the caller's thread (threads is ignored). */
#define KH_INDEX_EXTRACT 0x2u

typedef struct kh_index_opts {
    uint32_t flags;     /* KH_INDEX_* */
    size_t batch_bytes; /* commit after this much buffered posting data; 0: 64 MiB */
    uint32_t busy_ms;   /* wait this long for another writer's lock; 0: 5000 */
    kh_alloc_fn alloc;  /* NULL: libc (SQLite keeps its own allocator) */
    void *alloc_ud;
    uint32_t threads; /* threads that analyze and compress documents while the
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
    uint64_t docs;    /* live documents */
    uint64_t deleted; /* deleted, still in some segment until a merge */
    uint64_t terms;   /* distinct keys, summed over segments */
    uint64_t segments;
    uint64_t postings;    /* (term, document) pairs, summed over segments */
    uint64_t file_bytes;  /* the database file and its WAL */
    uint64_t doc_bytes;   /* pages of the document tables */
    uint64_t index_bytes; /* pages of the posting and segment tables */
    uint64_t text_bytes;  /* title + body bytes of live documents */
    uint32_t analyzer_version;
    uint32_t extract;     /* 1 if the index stores entities and quotations */
    uint64_t entities;    /* distinct entities live documents mention */
    uint64_t quotes;      /* quotations stored for live documents */
    uint64_t facts_bytes; /* pages of the entity and quotation tables */
} kh_index_stats;

KH_API kh_status kh_index_stats_get(kh_index *ix, kh_index_stats *out);

/* The last error on this handle (status KH_OK if none). Borrowed. */
KH_API const kh_error *kh_index_error(const kh_index *ix);

#define KH_SEARCH_ANY         0x1u /* any word may match (OR); default: all */
#define KH_SEARCH_NO_TOTAL    0x2u /* total is only a lower bound; faster */
#define KH_SEARCH_NO_SNIPPETS 0x4u /* hits carry id and score only */

typedef struct kh_search_opts {
    uint32_t flags;         /* KH_SEARCH_* */
    uint32_t limit;         /* hits to return; 0: 10 */
    uint32_t offset;        /* hits to skip first */
    const char *from, *to;  /* "YYYY", "YYYY-MM" or "YYYY-MM-DD", inclusive; NULL: open */
    uint32_t snippet_bytes; /* about this long; 0: 240 */
    uint32_t facets;        /* the top entities of the results to list (0: none); they
                            ** count the best max(100, offset + limit) hits. Needs an
                            ** index that stores entities (KH_INDEX_EXTRACT) */
} kh_search_opts;

typedef struct kh_hit {
    kh_text id, title, source, url, date;
    double score;
    kh_text snippet;           /* a slice of the stored body, at token boundaries */
    uint32_t snippet_start;    /* its byte offset in the body */
    const kh_span *highlights; /* matched words in the snippet, as body byte offsets */
    size_t nhighlights;
} kh_hit;

/* One entity of a search's facets. */
typedef struct kh_facet {
    kh_text name;      /* canonical name */
    uint32_t type;     /* kh_entity_type */
    uint32_t docs;     /* hits that mention it (among those counted) */
    uint32_t mentions; /* its mentions in them */
} kh_facet;

typedef struct kh_results {
    uint64_t total;     /* matching documents (a lower bound under KH_SEARCH_NO_TOTAL) */
    const kh_hit *hits; /* best first */
    size_t nhits;
    double took_ms;         /* parsing to the last hit in hand, snippets included */
    const kh_facet *facets; /* most documents first; opts->facets at most */
    size_t nfacets;
} kh_results;

/* Runs a query (syntax in src/index/query.h: words, "phrases", -word,
** prefix*, source:NAME, entity:NAME). OUT: *out, borrowed until the next search on ix.
** Errors: KH_ESYNTAX with the byte offset in kh_index_error, KH_EINVAL (bad
** date), KH_ELIMIT (a prefix matching too many keys), KH_ESQLITE, KH_ECORRUPT. */
KH_API kh_status kh_search(kh_index *ix, const char *query, size_t len, const kh_search_opts *opts,
                           const kh_results **out);

/* 1 if the index stores entities and quotations (KH_INDEX_EXTRACT). */
KH_API int kh_index_has_facts(kh_index *ix);

/* A stored quotation. Spans are byte offsets into the document's stored
** body, as kh_hit's highlights (a speaker named in the headline only has
** speaker KH_NONE). */
typedef struct kh_quote_hit {
    kh_text id, title;
    uint32_t kind;        /* kh_quote_kind */
    kh_text text;         /* a direct quote: what stands between its marks */
    kh_span span;         /* text's bytes in the body */
    kh_text speaker;      /* the speaker's fullest name in the document; len 0: unknown */
    kh_text canonical;    /* the entity's canonical name (or the speaker again) */
    kh_span speaker_span; /* the noun phrase naming the speaker at the quote */
    kh_text cue;          /* the verb of saying; len 0: none */
    float confidence;
} kh_quote_hit;

typedef struct kh_quote_results {
    uint64_t total; /* quotations that match (exact) */
    const kh_quote_hit *hits;
    size_t nhits;
    double took_ms;
} kh_quote_results;

/* Finds stored quotations (KH_INDEX_EXTRACT): those of a speaker, any
** spelling of the name (speaker[0..slen), matched by kh_name_key against the
** speaker's name and canonical name, a surname alone matching the full name;
** NULL: any speaker), with every word of query[0..qlen) in the quotation
** (matched as search keys, so كوفيد finds بكوفيد; NULL or empty: any). Newest
** documents first, then in text order; opts gives limit and offset only.
** OUT: *out, borrowed until the next call on ix. Errors: KH_EINVAL (the
** index stores no quotations, or no speaker and no word given), KH_ESYNTAX
** (bad UTF-8), KH_ESQLITE. */
KH_API kh_status kh_quotes_find(kh_index *ix, const char *speaker, size_t slen, const char *query,
                                size_t qlen, const kh_search_opts *opts,
                                const kh_quote_results **out);

/* ---- named entities --------------------------------------------------- */

/* Entity types, as ANERcorp uses them (primer §7.1). */
typedef enum kh_entity_type {
    KH_ENT_NONE = 0,
    KH_ENT_PER, /* people, a surname alone included */
    KH_ENT_ORG, /* bodies, parties, agencies, media, companies, clubs */
    KH_ENT_LOC, /* countries, cities, regions (countries are LOC) */
    KH_ENT_MISC /* currencies, religions, prizes, events, products */
} kh_entity_type;

/* "PER", "ORG", "LOC", "MISC"; "" for KH_ENT_NONE or an unknown value. */
KH_API const char *kh_entity_type_name(unsigned type);

/* BIO tags: 0 is O; type t has B = 2t-1 and I = 2t (KH_NER_NTAGS in all). */
#define KH_NER_NTAGS 9

/* "O", "B-PER", "I-PER", ... "I-MISC"; NULL past the last tag. */
KH_API const char *kh_ner_tag_name(unsigned tag);

/* The tag named s[0..n) ("B-PER"; "B-PERS" as ANERcorp spells it is
** accepted too), or -1. */
KH_API int kh_ner_tag_parse(const char *s, size_t n);

/* A word to tag, for pre-tokenized input: a byte span of the text given to
** kh_analyze. The analysis tokens that start inside it are its tokens. */
typedef struct kh_word {
    uint32_t start, end;
    uint32_t flags; /* KH_WORD_* */
} kh_word;

#define KH_WORD_SENTENCE_START 0x1u /* the word starts a sentence */

/* One mention of an entity. */
typedef struct kh_entity {
    uint32_t start, end;    /* bytes in the input; a leading proclitic (و ب ل ك ف)
                            ** is left out when it can be told apart */
    uint32_t type;          /* kh_entity_type */
    uint32_t first, nwords; /* the words (or analysis tokens) it covers */
    uint32_t id;            /* index into kh_ner_result.names: mentions of one
                            ** entity share it */
    const char *canonical;  /* = names[id].name, borrowed */
} kh_entity;

/* One entity of the document, with its canonical name. */
typedef struct kh_entity_name {
    const char *name; /* the fullest mention, or the alias table's name
                      ** (الناتو → حلف شمال الأطلسي); borrowed */
    const char *key;  /* variant-insensitive name key (see kh_name_key) */
    uint32_t name_len, key_len;
    uint32_t type; /* kh_entity_type */
    uint32_t nmentions;
} kh_entity_name;

typedef struct kh_ner_result {
    const uint8_t *tags; /* one per word (or token), 0..KH_NER_NTAGS-1 */
    size_t nwords;
    const kh_entity *entities; /* in text order */
    size_t nentities;
    const kh_entity_name *names;
    size_t nnames;
} kh_ner_result;

typedef struct kh_ner kh_ner;

typedef struct kh_ner_opts {
    const char *model_path; /* a model file; NULL: model_data, else the built-in model */
    const void *model_data; /* a model image in memory (copied) */
    size_t model_len;
    kh_alloc_fn alloc; /* NULL: libc */
    void *alloc_ud;
    uint32_t flags; /* KH_NER_* */
} kh_ner_opts;

/* Flags of kh_ner_opts. By default a name found in one place of a document
** is also tagged where it recurs untagged (same words, a third of its
** occurrences tagged, single words of 4+ letters), and a model with
** document features tags twice, the second time knowing how each word was
** tagged elsewhere; this turns both off, so each sentence is tagged on its
** own. */
#define KH_NER_PER_SENTENCE 0x1u
/* By default a name of the alias table (tools/ner-names.txt) written out in
** full, of three words or more (two where the tagger saw a name), is tagged
** whole with the table's type: منظمة الأمن والتعاون في أوروبا, لحلف شمال
** الأطلسي. This keeps only the tagger's own spans, as the training corpus
** (ANERcorp) annotates them: it leaves many such names untagged. */
#define KH_NER_TAGGER_ONLY 0x2u

/* Loads a model (opts NULL: the built-in one) into a new recognizer.
** OUT: *out, freed with kh_ner_free(). Errors: KH_EIO (file), KH_ECORRUPT
** (the model failed a check; err->offset is the byte where), KH_ENOMEM.
** err may be NULL; when given it receives the details of a failure. */
KH_API kh_status kh_ner_new(const kh_ner_opts *opts, kh_ner **out, kh_error *err);

/* Frees a recognizer and everything it returned; NULL is a no-op. */
KH_API void kh_ner_free(kh_ner *n);

/* 1 if the library was built with a model inside (kh_ner_new(NULL) works). */
KH_API int kh_ner_has_builtin(void);

/* Tags the analysis an of text[0..len) (the same bytes given to kh_analyze)
** and merges the mentions into entities. words NULL: the words are an's
** tokens; otherwise nwords words whose spans lie inside text, in order.
** OUT: *out, borrowed, valid until the next kh_ner_tag or kh_ner_free on
** this handle. Errors: KH_EINVAL (words out of order or past len, or an
** analysis longer than len), KH_ENOMEM. */
KH_API kh_status kh_ner_tag(kh_ner *n, const uint8_t *text, size_t len, const kh_analysis *an,
                            const kh_word *words, size_t nwords, const kh_ner_result **out);

/* Variant-insensitive key of a name (primer §7.6), for matching one entity
** across documents: letters folded as in search keys, then the sounds that
** foreign names spell several ways (g as غ ج ق ك گ, v as ف ڤ, p as ب پ) made
** one (except in words of the native-name list, where جمال and كمال differ),
** long vowels after the first letter dropped, word-final ة/ه dropped,
** doubled letters made single, and spaces removed (عبد الله = عبدالله).
** Examples: بوتين and بوتن, وانغ يي and وانج يي, أمريكي and أميركي give one key.
** OUT: out (cap bytes; NUL-terminated), *outlen its length. Errors:
** KH_ELIMIT when cap is too small (4 * len + 1 always suffices). */
KH_API kh_status kh_name_key(const uint8_t *name, size_t len, char *out, size_t cap,
                             size_t *outlen);

/* The alias table (data/ner_names.c): the canonical name and type of an
** organization or place written name[0..len) (الناتو → حلف شمال الأطلسي,
** ORG), or NULL. Matching uses kh_name_key, so spelling variants of an alias
** match too. OUT: *type (may be NULL). The string is static. */
KH_API const char *kh_alias_find(const uint8_t *name, size_t len, uint32_t *type);

/* The canonical name of what text[start, end) names, for a span that comes
** from elsewhere (a quotation's speaker, with or without a title): the
** entity of r with the mention that overlaps the span most, else the one
** whose name key equals the span's, else the alias table's name (as
** kh_alias_find), else NULL. r (may be NULL: alias table only) is the
** result of kh_ner_tag on the same text. OUT: *type (may be NULL). The
** string is borrowed from r (or static). */
KH_API const char *kh_ner_canonical(const kh_ner_result *r, const uint8_t *text, size_t len,
                                    uint32_t start, uint32_t end, uint32_t *type);

/* ---- training a recognizer ------------------------------------------- */

typedef struct kh_ner_trainer kh_ner_trainer;

typedef struct kh_ner_train_opts {
    uint32_t hash_bits; /* log2 of the weight rows (default 20) */
    uint32_t epochs;    /* passes over the training data (default 12) */
    uint32_t seed;      /* shuffling seed (default 1): same data, same model */
    uint32_t features;  /* feature groups (khabar train-ner --features); 0: base,
                        ** gaz and clusters */
    float prune;        /* drop weights whose size is below this (0: default
                        ** 0.05; negative: keep all) */
    float recall_bias;  /* subtracted from every word's score for O, which trades
                        ** precision for recall (0: none; negative: the value
                        ** with the best dev F1 is chosen each epoch) */
    kh_alloc_fn alloc;
    void *alloc_ud;
    float dropout; /* share of a word's features left out of each training
                   ** step, drawn anew per step (0: none; below 1), which
                   ** makes the model rely on several features at once */
    uint32_t loss; /* KH_NER_LOSS_PERCEPTRON (0) or KH_NER_LOSS_CRF */
    float l2;      /* CRF: L2 strength, the C of C/2 |w|^2 added to the
                   ** training data's negative log-likelihood (0: 0.3;
                   ** in cross-validation 0.1 and 0.3 tie, 1 and 3 lose) */
    float rate;    /* CRF: AdaGrad's base step size (0: 0.1) */
} kh_ner_train_opts;

/* How the trainer learns its weights (kh_ner_train_opts.loss). Both give
** the same kind of model: tagging does not know which one made it. */
/* KH_NER_LOSS_CRF: linear-chain CRF (log-likelihood, AdaGrad, averaged);
** feature groups base, gaz and clusters only */
#define KH_NER_LOSS_PERCEPTRON 0u /* averaged structured perceptron */
#define KH_NER_LOSS_CRF        1u

typedef struct kh_ner_epoch {
    uint32_t epoch;       /* 1-based */
    uint64_t mistakes;    /* training sentences decoded wrongly in this pass (CRF:
                          ** those whose gold tags had probability 1/2 or less) */
    double dev_precision; /* exact-span micro scores on the dev data (conlleval
                          ** rules); 0 without dev data */
    double dev_recall, dev_f1;
    int best;           /* 1 if this epoch is the best on dev so far (kept) */
    double recall_bias; /* the recall bias the scores were measured with */
    double loss;        /* CRF: the training sentences' negative log-likelihood
                        ** summed over this pass, each taken before its step;
                        ** 0 for the perceptron */
} kh_ner_epoch;

/* Creates a trainer. opts may be NULL for defaults. OUT: *out. */
KH_API kh_status kh_ner_trainer_new(const kh_ner_train_opts *opts, kh_ner_trainer **out);
KH_API void kh_ner_trainer_free(kh_ner_trainer *t);

/* The last error on this trainer (status KH_OK if none). Borrowed. */
KH_API const kh_error *kh_ner_trainer_error(const kh_ner_trainer *t);

/* Adds a gazetteer: one entry per line of list[0..len), words separated by
** spaces; lines starting with '=' or '*' or '#' and empty lines are
** skipped. type is a kh_entity_type, or 0 for a stopword list. Gazetteers
** and clusters must come before the first kh_ner_trainer_add (KH_EINVAL). */
KH_API kh_status kh_ner_trainer_gazetteer(kh_ner_trainer *t, unsigned type, const uint8_t *list,
                                          size_t len);

/* Adds word clusters: lines "WORD<TAB>C1[<TAB>C2[<TAB>C3]]", the word in
** its normalized form (kh_token.norm) and its class number (0..65534) at
** up to three granularities, coarse to fine, as tools/mkclusters writes
** them. Errors: KH_ESYNTAX with the byte offset of the bad line. */
KH_API kh_status kh_ner_trainer_clusters(kh_ner_trainer *t, const uint8_t *list, size_t len);

/* Adds tagged words: nwords words of text with one tag each (as
** kh_ner_tag_parse gives); sentences start where KH_WORD_SENTENCE_START is
** set. dev 1: held-out data, only scored after each epoch to choose the
** epoch kept. The text is analyzed here and may be freed afterwards. */
KH_API kh_status kh_ner_trainer_add(kh_ner_trainer *t, const uint8_t *text, size_t len,
                                    const kh_word *words, const uint8_t *tags, size_t nwords,
                                    int dev);

/* Runs one epoch. OUT: *ep (may be NULL). */
KH_API kh_status kh_ner_trainer_epoch(kh_ner_trainer *t, kh_ner_epoch *ep);

/* Adds other's kept weights to t's, so that t's model becomes the mean of
** both (and of any merged into them before): models trained with other
** seeds, averaged, generalize a little better than any one of them. The
** two must share hash bits and feature groups, and have run an epoch;
** merge before kh_ner_trainer_model, which folds the sum into the mean.
** other is unchanged. Errors: KH_EINVAL. */
KH_API kh_status kh_ner_trainer_merge(kh_ner_trainer *t, const kh_ner_trainer *other);

/* Encodes the model: the averaged weights of the best dev epoch, or of the
** last epoch without dev data, with the gazetteers and clusters given.
** OUT: *out, *outlen: the file image, borrowed, valid until the next call
** on this trainer. */
KH_API kh_status kh_ner_trainer_model(kh_ner_trainer *t, const uint8_t **out, size_t *outlen);

/* ---- extraction: structure, quotations, speakers, dates, numbers ------- */

typedef struct kh_extractor kh_extractor;

/* Flags for kh_extract_opts.flags. */
#define KH_XF_NO_TITLE                                                                             \
    0x1u /* the text is a body without its headline line                                           \
         ** (the title came separately, as in JSON records) */

typedef struct kh_extract_opts {
    uint32_t flags;           /* KH_XF_* */
    int32_t year, month, day; /* the article's date, to resolve اليوم / الشهر الماضي;
                              ** 0 = unknown */
} kh_extract_opts;

typedef enum kh_quote_kind { KH_QUOTE_DIRECT = 1, KH_QUOTE_REPORTED } kh_quote_kind;

/* Quote flags. */
#define KH_QF_CARRIED  0x1u /* speaker carried from an earlier statement (dropped subject) */
#define KH_QF_UNCLOSED 0x2u /* direct quote without a closing mark: ends with its paragraph */

/* One statement. A direct quote's text is what stands between its marks; a
** reported statement's text is the إن/أن clause up to the end of its
** sentence. speaker is a mention of the speaker's fullest name in the
** document (سيرغي لافروف if the article gives it anywhere); mention is the
** noun phrase that names the speaker at this statement (with its title:
** الرئيس الأمريكي جو بايدن), KH_NONE when the subject is dropped. */
typedef struct kh_quote {
    uint32_t kind;      /* kh_quote_kind */
    uint32_t flags;     /* KH_QF_* */
    kh_span text;       /* direct: between the marks; reported: the clause */
    kh_span marks;      /* direct: with the marks; reported: same as text */
    kh_span speaker;    /* the fullest name; KH_NONE if unknown */
    kh_span mention;    /* the speaker's noun phrase here; KH_NONE if carried or unknown */
    kh_span cue;        /* the verb of saying (or ':' for X: “…”); KH_NONE if none */
    kh_span members[2]; /* for a dual speaker (الوزيران): who it stands for, or KH_NONE */
    float confidence;   /* 0..1 */
} kh_quote;

/* An attribution such as بحسب رويترز: who relayed, not who said. */
typedef struct kh_source {
    kh_span name, cue;
} kh_source;

/* Units of a relative date (kh_date.rel_unit). */
enum { KH_REL_NONE = 0, KH_REL_DAY, KH_REL_WEEK, KH_REL_MONTH, KH_REL_YEAR };

/* A date: fields are 0 where the text (and the article date) do not say.
** Hijri dates set hijri = 1 and give the Hijri month and year. */
typedef struct kh_date {
    kh_span span;
    int32_t year, month, day;
    uint32_t rel_unit; /* KH_REL_*: a relative date such as الشهر الماضي */
    int32_t rel;       /* offset in rel_unit: -1 for الشهر الماضي, 0 for اليوم */
    uint32_t hijri;
} kh_date;

typedef struct kh_number {
    kh_span span;
    double value;
} kh_number;

/* A dateline such as موسكو - (رويترز) -: place and agency, either may be
** KH_NONE. */
typedef struct kh_dateline {
    kh_span span, place, agency;
} kh_dateline;

typedef struct kh_article {
    const kh_analysis *analysis; /* tokens and sentences of the same text */
    kh_span title;               /* the headline line; KH_NONE with KH_XF_NO_TITLE */
    const kh_span *subheadings;
    size_t nsubheadings;
    const kh_span *boilerplate;
    size_t nboilerplate;
    kh_dateline dateline;
    const kh_quote *quotes; /* direct and reported, in order of text.start */
    size_t nquotes;
    const kh_source *sources;
    size_t nsources;
    const kh_date *dates;
    size_t ndates;
    const kh_number *numbers;
    size_t nnumbers;
    const uint32_t *unpaired; /* byte offsets of quote marks left without a partner */
    size_t nunpaired;
} kh_article;

/* Creates an extractor (it owns its own analyzer). opts as for
** kh_analyzer_new, may be NULL. OUT: *out, freed with kh_extractor_free(). */
KH_API kh_status kh_extractor_new(const kh_analyzer_opts *opts, kh_extractor **out);

/* Frees an extractor and everything it returned; NULL is a no-op. */
KH_API void kh_extractor_free(kh_extractor *x);

/* Reads one article: headline, subheadings, boilerplate, dateline,
** quotations with their speakers, reported statements, sources, dates and
** numbers. opts may be NULL (text starts with its headline; date unknown).
** OUT: *out, borrowed, valid until the next kh_extract or kh_extractor_free
** on this handle. Errors as kh_analyze. */
KH_API kh_status kh_extract(kh_extractor *x, const uint8_t *text, size_t len,
                            const kh_extract_opts *opts, const kh_article **out);

/* Completes the article kh_extract just read with the recognizer's
** entities: a speaker whose name a longer person entity holds (نوير where
** the article also says هيليل نوير, a first name the rules do not know
** for one) takes that entity's mention, a speaker that runs on past one
** ends with it, a title alone takes the person named with it elsewhere,
** a dropped subject nobody carries is guessed as the last person named
** (at half the confidence), and a direct quote whose text is exactly one
** person, body or place ("جبهة الانقاذ") is dropped as a quoted name. nr: kh_ner_tag's result
** on the same text and the article's analysis (words NULL). Changes the
** article in place (nquotes may shrink); NULL arguments are a no-op. */
KH_API void kh_extract_entities(kh_extractor *x, const kh_ner_result *nr);

/* The last error on this handle (status KH_OK if none). Borrowed. */
KH_API const kh_error *kh_extractor_error(const kh_extractor *x);

#ifdef __cplusplus
}
#endif
#endif /* KHABAR_H */
