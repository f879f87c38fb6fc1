/*
** extract.h - the extractor's shared state, for the modules of src/extract/.
**
** kh_extract() (extract.c) analyzes the text, then runs the stages in this
** order over one kh_extractor:
**   1. kx_prepare   per-token word facts: folded stem, clitics, word lists
**   2. kx_structure lines: headline, subheadings, boilerplate, dateline
**   3. kx_pair      quotation marks paired by position (quotes.c)
**   4. kx_speech    verbs of saying, speakers, statements, sources (speakers.c)
**   5. kx_dates, kx_numbers (dates.c)
** After it, kh_extract_entities() (entities.c) may complete the article's
** speakers with the entity recognizer's mentions of the same text.
** Each stage appends to growable arrays on the handle. Allocation failure is
** sticky (x->nomem): a stage that cannot grow an array stops, later stages
** do nothing, and kh_extract() reports KH_ENOMEM once at the end.
**
** Token indexes (uint32_t) refer to x->A->tokens; every span is bytes of the
** caller's text.
*/
#ifndef KX_EXTRACT_H
#define KX_EXTRACT_H

#include "khabar.h"

#include "extract/words.h"

#include <stddef.h>
#include <stdint.h>

/* Proclitics seen in a token's segmentation (kx_tok.pro). */
enum {
    KX_P_W = 1u << 0,  /* و */
    KX_P_F = 1u << 1,  /* ف */
    KX_P_B = 1u << 2,  /* ب */
    KX_P_L = 1u << 3,  /* ل */
    KX_P_K = 1u << 4,  /* ك */
    KX_P_AL = 1u << 5, /* ال */
    KX_P_S = 1u << 6   /* س */
};

/* Token facts (kx_tok.flags). */
enum {
    KX_T_WORD = 1u << 0,     /* Arabic or Latin word */
    KX_T_PARTICLE = 1u << 1, /* stem إن or أن (إنه، بأن، وأنها) */
    KX_T_INNA = 1u << 2,     /* the particle is إن (kasra alef) */
    KX_T_ENC = 1u << 3,      /* carries an enclitic pronoun */
    KX_T_COLON = 1u << 4,
    KX_T_COMMA = 1u << 5,
    KX_T_TERM = 1u << 6,   /* . ! ? ؟ */
    KX_T_DASH = 1u << 7,   /* - – — */
    KX_T_QMARK = 1u << 8,  /* a quotation mark used for pairing */
    KX_T_OPENP = 1u << 9,  /* ( */
    KX_T_CLOSEP = 1u << 10 /* ) */
};

typedef struct kx_tok {
    const kx_entry *e;   /* the word lists' entry for this word, or NULL */
    uint32_t pro;        /* KX_P_* */
    uint32_t flags;      /* KX_T_* */
    uint32_t word_start; /* first byte after a و/ف proclitic (names start here) */
    uint32_t line;       /* index into x->lines */
    int32_t pair;        /* the quote pair whose marks or text hold this token, or -1 */
    uint32_t in_clause;  /* inside a reported clause */
} kx_tok;

enum { KX_LINE_BODY = 0, KX_LINE_TITLE, KX_LINE_SUBHEAD, KX_LINE_BOILER, KX_LINE_EMPTY };

typedef struct kx_line {
    uint32_t start, end;  /* bytes, without surrounding spaces */
    uint32_t first, last; /* tokens [first, last) */
    uint32_t kind;        /* KX_LINE_* */
} kx_line;

/* A paired quotation. */
typedef struct kx_pair {
    uint32_t open, close; /* mark tokens; close = UINT32_MAX when unclosed */
    kh_span text, marks;
    uint32_t nwords;
    int32_t cue;        /* governing cue (x->cues index), or -1 */
    int32_t follows;    /* the statement quote this one continues, or -1 */
    uint32_t statement; /* 1 = a statement, 0 = a name or term */
    uint32_t in_np;     /* part of a speaker's noun phrase (منظمة «…» قالت) */
    uint32_t owned; /* followed by وفق تعبيره، على حد قوله …: someone's words */
    uint32_t goes_on; /* unclosed at its paragraph's end, opened again in the next */
    float confidence;
    int32_t speaker; /* x->names index, or -1 */
    uint32_t carried;
} kx_pair;

/* A verb of saying (or a colon after a name) in the text. */
typedef struct kx_cue {
    uint32_t tok;                   /* the verb (or ':') */
    uint16_t say;                   /* KX_SAY_* */
    uint16_t active;                /* introduces a statement (quote or clause) */
    uint32_t np_first, np_last;     /* explicit subject tokens [first, last); equal = dropped */
    uint32_t name_first, name_last; /* the name inside the subject */
    kh_span np_span;                /* bytes of the subject */
    uint32_t clause_tok;            /* the إن/أن token opening its clause, or UINT32_MAX */
    kh_span clause;
    uint32_t relay;     /* a relaying verb's عن before whom it quotes, or UINT32_MAX */
    uint32_t relay_end; /* the end of that phrase (tokens relay + 1 .. relay_end) */
    int32_t speaker;    /* x->names index, or -1 */
    uint32_t carried;
    int32_t members[2];   /* dual subject: x->names indexes */
    int32_t rule_speaker; /* the rules' choice, before the learned chooser (attrib.c) */
    uint32_t cand_first;  /* its candidates: x->cands[cand_first, cand_first + ncand) */
    uint32_t ncand;
} kx_cue;

/* Where a candidate speaker of a statement came from (kx_cand.src). */
enum {
    KX_CS_RULE = 1u << 0,    /* the rules' choice */
    KX_CS_HISTORY = 1u << 1, /* one of the recent speakers (kx_cand.hist_rank) */
    KX_CS_CARRY = 1u << 2,   /* the recent speaker the rules would carry (gender agrees) */
    KX_CS_LEFT = 1u << 3,    /* the noun phrase right before the verb */
    KX_CS_SUBJECT = 1u << 4, /* the subject written after another verb nearby */
    KX_CS_TITLED = 1u << 5   /* a titled name nearby (الوزير X) */
};

/* Facts about a candidate (kx_cand.facts). */
enum {
    KX_CF_DROPPED = 1u << 0,   /* the statement's verb has no subject of its own */
    KX_CF_CARRIED = 1u << 1,   /* the rules carried their choice from earlier text */
    KX_CF_AFTER = 1u << 2,     /* the mention lies after the verb */
    KX_CF_SPEECH = 1u << 3,    /* another verb of saying with its own subject intervenes */
    KX_CF_SUBHEAD = 1u << 4,   /* a subheading lies between mention and verb */
    KX_CF_AGREE = 1u << 5,     /* its gender is known and agrees with the verb's */
    KX_CF_CLASH = 1u << 6,     /* its gender is known and differs */
    KX_CF_PERSON = 1u << 7,    /* opens with a bare name word (a person's name) */
    KX_CF_ORG = 1u << 8,       /* opens with a body's noun (الوزارة، الشرطة) */
    KX_CF_DOCUMENT = 1u << 9,  /* a document (البيان، التقرير) */
    KX_CF_DEFINITE = 1u << 10, /* opens with ال: a description */
    KX_CF_LONGER = 1u << 11,   /* a longer form of the rules' choice (ends in its words) */
    KX_CF_PLURAL = 1u << 12    /* the verb is dual or plural */
};

/* A candidate speaker of one statement, for the learned chooser (attrib.c). */
typedef struct kx_cand {
    int32_t name;         /* x->names index, or -1: only tokens, registered if chosen */
    uint32_t first, last; /* the name's tokens (its mention nearest the verb) */
    uint32_t src;         /* KX_CS_* */
    uint32_t facts;       /* KX_CF_* */
    uint32_t hist_rank;   /* 0 = the last speaker; UINT32_MAX when not a recent one */
    uint32_t tok_dist;    /* tokens between the mention and the verb */
    uint32_t sent_dist;   /* sentence ends between them (capped) */
    uint32_t para_dist;   /* lines between them (capped) */
    uint32_t named;       /* times named as an explicit subject before the verb */
    float score;
} kx_cand;

/* A distinct speaker name: its token range and the fullest form found. */
typedef struct kx_name {
    uint32_t first, last; /* the name's tokens at its first mention */
    kh_span full;         /* the fullest name in the document */
    uint32_t dual;
    uint32_t fem;   /* introduced by a feminine verb (قالت): a woman or a feminine noun */
    uint32_t named; /* statements so far whose verb names it as its subject */
} kx_name;

/* A titled phrase read for the candidate speakers (speakers.c). */
#define KX_TITLED_MEMO 16
typedef struct kx_titled {
    uint32_t tok, end;              /* the phrase: tokens [tok, end) */
    uint32_t name_first, name_last; /* the name read in it */
} kx_titled;

/* The folded form of a word literal of the stages (بعد، كانون، في), kept
** on the handle: the same literals are compared millions of times. The
** stages use a few hundred literals; a full table folds on every call
** (kx_lit), so it is sized well above that. */
#define KX_LIT_SLOTS 512
#define KX_LIT_MAX   48
typedef struct kx_lit_slot {
    const char *lit; /* the literal's address; NULL when free */
    uint32_t len;
    char folded[KX_LIT_MAX];
} kx_lit_slot;

struct kh_extractor {
    kh_alloc_fn alloc;
    void *ud;
    kh_analyzer *an;
    kx_words *w;
    kh_error err;
    int nomem; /* sticky allocation failure */

    /* the document being read */
    const uint8_t *text;
    size_t len;
    const kh_analysis *A;
    kh_extract_opts opts;

    kx_tok *tk;
    size_t captk;
    char *fold; /* scratch for folding one token */
    size_t capfold;
    kh_entity *ents; /* the recognizer's entities as entities.c reads them */
    size_t capents;
    kx_line *lines;
    size_t nlines, caplines;
    kx_pair *pairs;
    size_t npairs, cappairs;
    float *stmtx; /* statement features, KX_STMT_NF per pair (stmt.h) */
    size_t capstmtx;
    int stmt_full; /* fill every column, even those the weights ignore (tools/stmt-features) */
    kx_cue *cues;
    size_t ncues, capcues;
    kx_name *names;
    size_t nnames, capnames;
    kx_cand *cands;
    size_t ncands, capcands;
    uint8_t *np_saved; /* kx_pair.in_np of every pair, kept while candidates are listed */
    size_t capnpsaved;
    kx_titled titled[KX_TITLED_MEMO]; /* the last titled phrases read for candidates */
    size_t ntitled;
    int want_cands; /* 1 = list every statement's candidate speakers (x->cands) and
                    ** keep the rules' speakers: what the chooser is trained on */

    /* results */
    kh_span *subheads;
    size_t nsubheads, capsubheads;
    kh_span *boiler;
    size_t nboiler, capboiler;
    kh_quote *quotes;
    size_t nquotes, capquotes;
    kh_source *sources;
    size_t nsources, capsources;
    kh_date *dates;
    size_t ndates, capdates;
    kh_number *numbers;
    size_t nnumbers, capnumbers;
    uint32_t *unpaired;
    size_t nunpaired, capunpaired;
    kh_article doc;

    kx_lit_slot lits[KX_LIT_SLOTS]; /* folded forms of the word literals in the code */
};

/* Grows *pp (elements of elem bytes, *cap of them) to hold need; on failure
** sets x->nomem and returns -1. */
int kx_grow(kh_extractor *x, void **pp, size_t *cap, size_t need, size_t elem);

#define KX_PUSH(x, arr, n, cap, val)                                                               \
    (kx_grow((x), (void **)&(arr), &(cap), (n) + 1, sizeof *(arr)) ? -1 : ((arr)[(n)++] = (val), 0))

static inline kh_span kx_span(uint32_t s, uint32_t e)
{
    kh_span r = {s, e};
    return r;
}

static inline kh_span kx_none(void)
{
    return kx_span(KH_NONE, KH_NONE);
}

/* Word-list entry of token i, or NULL; class test. */
static inline int kx_is(const kh_extractor *x, size_t i, uint32_t cls)
{
    return i < x->A->ntokens && x->tk[i].e && (x->tk[i].e->cls & cls);
}

static inline const kh_token *kx_token(const kh_extractor *x, uint32_t i)
{
    return &x->A->tokens[i];
}

static inline int kx_same_line(const kh_extractor *x, uint32_t a, uint32_t b)
{
    return x->tk[a].line == x->tk[b].line;
}

/* The tokens [*a, *b) that span s covers; 0 if none. */
int kx_span_tokens(const kh_extractor *x, kh_span s, uint32_t *a, uint32_t *b);

/* Folded form of the literal lit (its address is the key). OUT: *n bytes.
** A literal too long to cache is folded into the caller's buf (KX_LIT_MAX). */
const char *kx_lit(kh_extractor *x, const char *lit, size_t *n, char *buf);

/* Whether token i's normalized form equals the literal. */
int kx_norm_is(kh_extractor *x, size_t i, const char *lit);

/* The learned speaker chooser (attrib.c). */
#define KX_AF_N 32 /* features per candidate */

/* The feature vector of candidate c. OUT: f[KX_AF_N]. */
void kx_attrib_features(const kx_cand *c, float *f);

/* Whether the shipped model is on (models/attrib.c): its training script
** turns it on only when cross-validation says it beats the rules. */
int kx_attrib_on(void);

/* Scores cands[0, n) with the shipped weights and returns the index of the
** best one; the first candidate (the rules' choice) wins ties. n > 0. */
size_t kx_attrib_choose(kx_cand *cands, size_t n);

/* The fullest form of the name of tokens [first, last) in the document,
** as a speaker's name is resolved (speakers.c). */
kh_span kx_fullest_range(kh_extractor *x, uint32_t first, uint32_t last);

/* The words of the speaker rules (speakers.c) that entities.c reads too. */
#define KX_NAME_MAX_TOKENS 4                                       /* words of a person's name */
int kx_name_word(const kh_extractor *x, uint32_t i);               /* may be part of a name */
int kx_name_tok_eq(const kh_extractor *x, uint32_t a, uint32_t b); /* spellings of one name word */
int kx_name_seq_eq(const kh_extractor *x, uint32_t a, uint32_t b, uint32_t n);
int kx_name_link(kh_extractor *x, uint32_t i); /* بن، عبد، أبو … */
int kx_al_name(const kh_extractor *x, uint32_t i); /* البرت، الكسندر: a given name with ال */
int kx_age_word(kh_extractor *x, uint32_t i); /* البالغ (من العمر): no part of a name */
uint32_t kx_sentence_first(const kh_extractor *x, uint32_t i); /* on token i's line */
int kx_construct_plural(const kh_extractor *x, size_t i); /* موظفي: a plural in construct */
void kx_stem_norm(const kh_extractor *x, uint32_t i, const char **s, size_t *n);
int kx_same_stem(const kh_extractor *x, uint32_t a, uint32_t b); /* one stem, proclitics aside */
int kx_stem_is(kh_extractor *x, uint32_t i, const char *lit);
int kx_stem_in(kh_extractor *x, uint32_t i, const char *const *list, size_t n);
int kx_norm_in(kh_extractor *x, uint32_t i, const char *const *list, size_t n);

/* The stages. */
void kx_prepare(kh_extractor *x);
void kx_structure(kh_extractor *x);
void kx_pair_marks(kh_extractor *x);
void kx_speech(kh_extractor *x);
void kx_dates(kh_extractor *x);
void kx_numbers(kh_extractor *x);

#endif
