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

/* ---- extraction: structure, quotations, speakers, dates, numbers ------- */

/* A byte range [start, end) in the caller's input; KH_NONE in both fields
** when absent. */
#define KH_NONE UINT32_MAX
typedef struct kh_span {
    uint32_t start, end;
} kh_span;

typedef struct kh_extractor kh_extractor;

/* Flags for kh_extract_opts.flags. */
#define KH_XF_NO_TITLE 0x1u /* the text is a body without its headline line
                            ** (the title came separately, as in JSON records) */

typedef struct kh_extract_opts {
    uint32_t flags;           /* KH_XF_* */
    int32_t year, month, day; /* the article's date, to resolve اليوم / الشهر الماضي;
                              ** 0 = unknown */
} kh_extract_opts;

typedef enum kh_quote_kind { KH_QUOTE_DIRECT = 1, KH_QUOTE_REPORTED } kh_quote_kind;

/* Quote flags. */
#define KH_QF_CARRIED 0x1u  /* speaker carried from an earlier statement (dropped subject) */
#define KH_QF_UNCLOSED 0x2u /* direct quote whose closing mark is missing: ends at the paragraph */

/* One statement. A direct quote's text is what stands between its marks; a
** reported statement's text is the إن/أن clause up to the end of its
** sentence. speaker is a mention of the speaker's fullest name in the
** document (سيرغي لافروف if the article gives it anywhere); mention is the
** noun phrase that names the speaker at this statement (with its title:
** الرئيس الأمريكي جو بايدن), KH_NONE when the subject is dropped. */
typedef struct kh_quote {
    uint32_t kind;       /* kh_quote_kind */
    uint32_t flags;      /* KH_QF_* */
    kh_span text;        /* direct: between the marks; reported: the clause */
    kh_span marks;       /* direct: with the marks; reported: same as text */
    kh_span speaker;     /* the fullest name; KH_NONE if unknown */
    kh_span mention;     /* the speaker's noun phrase here; KH_NONE if carried or unknown */
    kh_span cue;         /* the verb of saying (or ':' for X: “…”); KH_NONE if none */
    kh_span members[2];  /* for a dual speaker (الوزيران): who it stands for, or KH_NONE */
    float confidence;    /* 0..1 */
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

typedef struct kh_doc {
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
} kh_doc;

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
                            const kh_extract_opts *opts, const kh_doc **out);

/* The last error on this handle (status KH_OK if none). Borrowed. */
KH_API const kh_error *kh_extractor_error(const kh_extractor *x);

#ifdef __cplusplus
}
#endif
#endif /* KHABAR_H */
