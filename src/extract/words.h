/*
** words.h - the extractor's word lists: verbs of saying, titles, function
** words, months, number words, agencies, boilerplate cues.
**
** The lists are data (words.c), written in ordinary Arabic spelling and
** folded once, when an extractor is created, to the analyzer's matching form
** (no marks or tatweel, one alef, ى→ي, ة→ه, hamza seats to ء), so that a
** lookup is one hash probe on a token's folded stem. A word may be in several
** lists (عام: a year word and a noun); its entry holds every class.
**
** Guarantees: lookups never allocate; the table is read-only after
** kx_words_new(), so one table could serve several threads.
*/
#ifndef KX_WORDS_H
#define KX_WORDS_H

#include "khabar.h"

#include <stddef.h>
#include <stdint.h>

/* Word classes (bits of kx_entry.cls). */
enum {
    KX_SAY = 1u << 0,      /* a verb of saying or its participle */
    KX_TITLE = 1u << 1,    /* a title or a head noun before a name: وزير، منظمة */
    KX_STOP = 1u << 2,     /* function word: ends a noun phrase or a name */
    KX_TIME = 1u << 3,     /* time word that may sit between a verb and its clause */
    KX_MONTH = 1u << 4,    /* Gregorian month (either system); val = 1..12 */
    KX_HIJRI = 1u << 5,    /* Hijri month (first word); val = 1..12 */
    KX_WEEKDAY = 1u << 6,  /* val = 0 (Sunday) .. 6 */
    KX_NUMW = 1u << 7,     /* cardinal number word; num = value */
    KX_SCALE = 1u << 8,    /* ألف، مليون، مليار: multiplies what precedes */
    KX_NAMEHEAD = 1u << 9, /* a noun after which a short quote is a name: حملة “…” */
    KX_SOURCE = 1u << 10,  /* بحسب، وفقا، نقلا ... */
    KX_RELDATE = 1u << 11, /* اليوم، أمس، غدا ... (see rel fields) */
    KX_DUAL = 1u << 12,    /* الوزيران، الجانبان: a dual speaker */
    KX_SOCIAL = 1u << 13,  /* فيسبوك، تويتر: boilerplate when several share a line */
    KX_BOILER = 1u << 14,  /* a word that opens a boilerplate line: للمزيد، تابعونا */
    KX_AGENCY = 1u << 15,  /* news agency (first word of its name) */
    KX_PARTICLE = 1u << 16, /* إن / أن (from the segmentation, not from this table) */
    KX_ORG = 1u << 17, /* a body, not a person: الوزارة، الشرطة، المنظمة (also KX_TITLE) */
    KX_BARE = 1u << 18, /* a class only without ال: كبير المفاوضين is a title, الكبير a surname */
    KX_HONOR = 1u << 19 /* an honorific before a title or a name: معالي، سمو (also KX_TITLE) */
};

/* Properties of a verb of saying (kx_entry.say). */
enum {
    KX_SAY_PAST = 1u << 0,
    KX_SAY_PRESENT = 1u << 1,
    KX_SAY_PARTICIPLE = 1u << 2,
    KX_SAY_FEM = 1u << 3,
    KX_SAY_DUAL = 1u << 4,
    KX_SAY_PLURAL = 1u << 5,
    KX_SAY_STRONG = 1u << 6, /* cues a later quote anywhere in its sentence (قال، أضاف) */
    KX_SAY_OBJECT = 1u << 7, /* the noun after it is its object: وصف X بأنه، اتهم، دعا */
    KX_SAY_NOUN = 1u << 8, /* a verbal noun with the speaker's pronoun: قوله، قولها */
    KX_SAY_RELAY = 1u << 9 /* relays: نقلت الوكالة عن X أن, the phrase after عن spoke */
};

/* Relative date units (kx_entry.rel_unit); kh_date uses the same values. */
typedef struct kx_entry {
    const char *word; /* folded, NUL-terminated */
    uint32_t len;
    uint32_t cls;       /* KX_* */
    uint16_t say;       /* KX_SAY_* */
    int8_t val;         /* month 1..12, weekday 0..6 */
    int8_t rel;         /* relative offset for KX_RELDATE */
    uint8_t rel_unit;   /* KH_REL_* for KX_RELDATE */
    uint8_t needs_next; /* months: 1 = also a common word; only a day, year or pair confirms */
    double num;         /* KX_NUMW / KX_SCALE value */
} kx_entry;

typedef struct kx_words kx_words;

/* Builds the folded table with the caller's allocator. OUT: *out. */
kh_status kx_words_new(kh_alloc_fn alloc, void *ud, kx_words **out);
void kx_words_free(kx_words *w);

/* The Gregorian month (1..12) that the word s[0..n), written as in the
** list (أكتوبر، تشرين is not one: it needs its ordinal), names; else 0.
** For dates in page metadata, where there is no analysis to fold with. */
int kx_month_of(const char *s, size_t n);

/* The entry for the folded word s[0..n), or NULL. */
const kx_entry *kx_words_get(const kx_words *w, const char *s, size_t n);

/* Folds UTF-8 s[0..n) to the matching form into out (room for n bytes:
** folding never lengthens). Returns the folded length. */
size_t kx_fold(const char *s, size_t n, char *out);

#endif
