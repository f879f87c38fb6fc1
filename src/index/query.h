/*
** query.h - the query language and its parser.
**
**   query    := clause (space clause)*
**   clause   := ['-'] (word | word '*' | '"' words '"' | 'source:' name | 'entity:' name)
**   name     := a run of non-space bytes, or '"' any bytes but '"' '"'
**
** A word is a run of bytes up to a space (ASCII space, tab, CR, LF, U+00A0)
** or a '"'. Words go through the analyzer like document text; a word that
** yields several keys (كوفيد-19) is a phrase of them, one that yields none
** (punctuation) adds nothing. Words are all required unless the search asks
** for any (KH_SEARCH_ANY); '-' excludes documents that match its clause;
** "..." matches the keys at consecutive positions of one field; word* matches
** every key that starts with the word's key (at least 2 characters, at most
** KH_QUERY_MAX_EXPANSION keys); source:NAME keeps documents from that source
** (several source: clauses: any of them), -source:NAME drops them.
** entity:NAME keeps documents that mention that entity (several: all of
** them), -entity:NAME drops them; NAME is matched through the stored
** entities (facts.c) by name key, so any spelling variant (وانج = وانغ)
** and any alias (الناتو = حلف شمال الأطلسي) finds the entity, and a
** person's surname alone finds the full name. A query of positive entity:
** clauses alone is valid: its documents rank by mentions.
** AND, OR and NOT are ordinary words.
**
** Errors are KH_ESYNTAX with the byte offset of the offending character:
** an unclosed quote, a lone '-', a '*' that does not end a word, an empty
** source name, a query of only exclusions or filters, control bytes and
** invalid UTF-8; KH_ELIMIT for more than KH_QUERY_MAX_CLAUSES clauses or a
** query over KH_QUERY_MAX_BYTES. The parser never builds SQL: its output is
** keys, which search.c binds as parameters.
*/
#ifndef KH_INDEX_QUERY_H
#define KH_INDEX_QUERY_H

#include "base/mem.h"

#include <stdint.h>

#define KH_QUERY_MAX_BYTES     8192
#define KH_QUERY_MAX_CLAUSES   256
#define KH_QUERY_MAX_EXPANSION 1024

typedef enum kh_qkind {
    KH_Q_TERM = 1,
    KH_Q_PHRASE,
    KH_Q_PREFIX,
    KH_Q_SOURCE,
    KH_Q_ENTITY
} kh_qkind;

/* Filters rather than words: they match no key and never score. */
static inline int kh_qkind_is_filter(kh_qkind k)
{
    return k == KH_Q_SOURCE || k == KH_Q_ENTITY;
}

/* One key of a clause. */
typedef struct kh_qword {
    uint32_t key_off, key_len; /* in kh_query.keys */
    uint32_t rel;              /* token position relative to the clause's first key */
} kh_qword;

typedef struct kh_qclause {
    kh_qkind kind;
    int neg;
    uint32_t start, end; /* bytes of the query text */
    uint32_t first, n;   /* words[first .. first + n); a source or entity name is words[first] */
} kh_qclause;

typedef struct kh_query {
    const kh_mem *mem;
    kh_qclause *clauses;
    size_t nclauses, capclauses;
    kh_qword *words;
    size_t nwords, capwords;
    kh_buf keys;
    int npositive;      /* positive word, phrase and prefix clauses */
    int typed_positive; /* positive words typed, even those without a key */
    int nentity;        /* positive entity: clauses */
} kh_query;

void kh_query_init(kh_query *q, const kh_mem *m);
void kh_query_free(kh_query *q);

/* Parses text[0..len) with the analyzer a. OUT: q (init'ed by the caller),
** *err filled on failure. */
kh_status kh_query_parse(kh_query *q, kh_analyzer *a, const char *text, size_t len, kh_error *err);

static inline const char *kh_qword_key(const kh_query *q, const kh_qword *w)
{
    return (const char *)q->keys.p + w->key_off;
}

#endif
