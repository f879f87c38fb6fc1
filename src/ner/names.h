/*
** names.h - canonical names: mentions of one entity merged within a
** document, a name key for matching across documents, the alias table.
*/
#ifndef KH_NER_NAMES_H
#define KH_NER_NAMES_H

#include "ner/feat.h"

/* ---- name keys (namekey.c) ----------------------------------------------------- */

/* A sorted list of native words (folded forms, strcmp order) in which
** غ ج ق ك stay apart: جمال is not كمال. */
typedef struct kh_native_list {
    const char *const *words;
    size_t n;
} kh_native_list;

/* kh_name_key with an explicit native list (the generator of the alias
** table uses it before the built-in list exists). Words are separated by
** '|' in out when sep is 1 (per-word keys), by nothing when 0. */
kh_status kh_name_key_list(const kh_native_list *nl, const uint8_t *name, size_t len, int sep,
                           char *out, size_t cap, size_t *outlen);

/* The folding a name key starts from, of s[0..n) as one word: search-key
** folding, Latin lower case. The native list holds words in this form.
** OUT: out (room for 4 * n + 1; NUL-terminated). Returns the length. */
size_t kh_name_fold(const uint8_t *s, size_t n, char *out);

/* A name as it is spelled: kh_name_fold of each word, joined without
** spaces. Unlike the name key it keeps vowels and g-letters apart, so two
** different phrases (رئيس الاتحاد, روسيا الاتحادية) never meet. OUT: out
** (room for 4 * n + 1; NUL-terminated). Returns the length. */
size_t kh_name_spelled(const uint8_t *s, size_t n, char *out);

/* Whether two names of one key (kh_name_key) are spelled alike enough to
** be one name: their weak letters (ا و ي ء after the first letter) differ
** by at most one letter added, dropped or changed (أمريكا/أميركا،
** بوتين/بوتن، زابوريجيا/زابوروجيا), and a final ة stands only for a final
** ا (سورية/سوريا). The key alone also joins ألمانيا and اليمن, سيناء and
** سانا, النصر and النصرة, which an alias table must not. */
int kh_name_close(const uint8_t *a, size_t na, const uint8_t *b, size_t nb);

/* ---- the generated tables (data/ner_names.c) --------------------------------------- */

typedef struct kh_alias_row {
    const char *key;    /* kh_name_key of the alias, sorted by strcmp */
    uint16_t canonical; /* index into kh_names_canonical */
} kh_alias_row;

extern const kh_native_list kh_names_native;
extern const kh_alias_row kh_names_alias[];
extern const size_t kh_names_nalias;
/* The same names by kh_name_spelled, sorted: for finding them in text. */
extern const kh_alias_row kh_names_spelled[];
extern const size_t kh_names_nspelled;
extern const char *const kh_names_canonical[];
extern const uint8_t kh_names_type[];

/* ---- merging mentions (names.c) --------------------------------------------------------- */

typedef struct kh_names {
    kh_mem mem;
    struct kh_mention *mm;
    size_t capmm;
    struct kh_group *gg;
    size_t capgg;
    kh_entity_name *names;
    size_t capnames;
    char *arena;
    size_t used, caparena;
} kh_names;

void kh_names_free(kh_names *nm);

/* Names of the alias table written out in full, of two words or more, are
** entities of the table's type, whole: the tagger often stops inside a long
** name (منظمة الأمن | والتعاون في أوروبا) or misses one behind a proclitic
** (لحلف شمال الأطلسي). A name of three words or more is marked wherever it
** stands; one of two words only where the tagger saw some name, since two
** words may also be a common phrase. tags: one BIO tag per word of fx,
** rewritten in place. */
void kh_names_mark_known(const kh_feat *fx, const kh_analysis *an, const uint8_t *text,
                         uint8_t *tags);

/* Finds display text, starts and canonical names for the entities ents[0..n)
** (first, nwords, type, start, end set by the tagger: start/end span the
** words whole). Strips a leading proclitic from each mention's start where
** it can be told apart, merges mentions into entities (id, canonical) and
** fills *names. fx: the features of the same document (its word-to-token
** map, and the model for gazetteer lookups). Errors: KH_ENOMEM. */
kh_status kh_names_resolve(kh_names *nm, const kh_model *m, const kh_feat *fx, const uint8_t *text,
                           const kh_analysis *an, kh_entity *ents, size_t n,
                           const kh_entity_name **names, size_t *nnames);

#endif
