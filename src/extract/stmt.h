/*
** stmt.h - is a quoted span a statement? The features of one mark pair and
** the learned weights that turn them into a decision (stmt.c).
**
** speakers.c runs its rules over every mark pair (classify) and hands their
** answers to kx_stmt_features(), which adds what the span and its
** neighbours show; kx_stmt_prob() scores the row with the weights of
** models/stmt.c, trained by tools/train-stmt.py on the ANT training part of
** the quotation gold (articles no rule was written from). The rules'
** answers are features, not the decision: the rules were written from the
** first 32 articles' errors and transfer less well than their figures say.
*/
#ifndef KX_STMT_H
#define KX_STMT_H

#include "extract/extract.h"

/* Feature columns, in the order of the weights. KX_SF_BIAS is 1 for every
** pair the model decides and 0 for a pair it never sees (boilerplate,
** nested marks, a name inside a speaker's noun phrase), so an all-zero row
** means "not a candidate". Renumbering a column needs a retrained model. */
#define KX_STMT_FEATURES(F)                                                                             \
    F(BIAS)           /* 1: a candidate */                                                              \
    F(RULE_STMT)      /* the rules' verdict */                                                          \
    F(RULE_NAME)      /* looks_like_name(): a name or term by the rules */                              \
    F(RULE_SPKNAME)   /* the words end a speaker's name elsewhere */                                    \
    F(RULE_LISTED)    /* listed with و/أو after a quoted name */                                     \
    F(RULE_FOLLOWS)   /* continues the rules' last statement across punctuation */                      \
    F(COLON)          /* a colon right before the opening mark */                                       \
    F(CUE_BEFORE)     /* a cue earlier in the sentence governs it (cue_before) */                       \
    F(CUE_STRONG)     /* that cue is a verb like قال that governs a later quote */                   \
    F(CUE_OBJECT)     /* that cue takes the quote as object (وصف، دعا) */                        \
    F(CUE_CLAUSE)     /* that cue opened a reported clause */                                           \
    F(CUE_PARTICIPLE) /* that cue is a participle (قائلا، مضيفا) */                          \
    F(CUE_DIST)       /* log(1 + tokens from that cue to the mark) / 3 */                               \
    F(CUE_AFTER)      /* a verb of saying right after the closing mark */                               \
    F(STRONG_SENT)    /* a strong verb of saying earlier in the sentence, no quote between */           \
    F(IN_CLAUSE)      /* the mark lies inside a reported clause */                                      \
    F(TITLE_LINE)     /* the headline */                                                                \
    F(LINE_START)     /* the mark opens its paragraph */                                                \
    F(LINE_WHOLE)     /* the span runs to the paragraph's end (only punctuation after) */               \
    F(UNCLOSED)       /* no closing mark */                                                             \
    F(W1)             /* one word */                                                                    \
    F(W2_3)           /* two or three words */                                                          \
    F(W4_7)           /* four to seven words */                                                         \
    F(W8)             /* eight words or more */                                                         \
    F(LOG_WORDS)      /* log(1 + words) / 3 */                                                          \
    F(FIRST_PERSON)   /* أنا، نحن، -نا، -ني inside: someone speaks */                      \
    F(SECOND_PERSON)  /* أنت، أنتم، -ك، -كم inside: someone is addressed */                \
    F(SAY_INSIDE)     /* a verb of saying inside the span */                                            \
    F(PARTICLE_IN)    /* an إن/أن particle inside the span */                                       \
    F(FUTURE_IN)      /* the future س/سوف inside: a verbal sentence */                              \
    F(STOP_SHARE)     /* share of function words among the span's words */                              \
    F(PUNCT_IN)       /* a comma or full stop inside: a sentence, not a name */                         \
    F(FIRST_CLITIC)   /* the first word carries ب/ل/ك: the sentence's syntax goes on */              \
    F(FIRST_PARTICLE) /* the first word is إن/أن: the clause is quoted */                           \
    F(PREV_SAY)       /* the word before is a verb of saying */                                         \
    F(PREV_PREP)      /* the word before is a preposition or a detached بـ/لـ */                    \
    F(PREV_NAMEHEAD)  /* the word before is a naming noun (حملة، كتاب) */                      \
    F(PREV_TITLE)     /* the word before is a title (وزير، منظمة) */                          \
    F(PREV_PARTICLE)  /* the word before is إن/أن */                                                \
    F(PREV_DEFINITE)  /* the word before is another noun with ال */                                   \
    F(PREV_OTHER)     /* the word before is another word */                                             \
    F(PREV_COMMA)     /* a comma before */                                                              \
    F(PREV_NONE)      /* nothing before on the line */                                                  \
    F(GLUED)          /* the word before touches the mark (بـ"…"، الـ"…") */                  \
    F(NEXT_WORD)      /* a word right after the close: the sentence goes on */                          \
    F(NEXT_TERM)      /* a full stop, or the line's end, right after the close */                       \
    F(NEXT_COMMA)     /* a comma right after the close */                                               \
    F(REPEATED)       /* the same words stand elsewhere in the text: a name or term */                  \
    F(SENT_SAY)       /* a verb of saying anywhere in the sentence, outside the marks */                \
    F(NAME_SHAPE)   /* at most 4 words, none with ال, none a function word or verb of saying */       \
    F(ALL_DEFINITE) /* every word carries ال: a term or a nickname */                                 \
    F(LATIN_DIGIT)  /* a Latin word or a number inside */                                               \
    F(SHORT_NOCUE)  /* at most 3 words and no colon, no cue before or after */                          \
    F(SHORT_CLAUSE) /* at most 3 words inside a reported clause */                                      \
    F(SENT_QUOTES)  /* other mark pairs in the same sentence, at most 3, / 3 */                         \
    F(CUED)         /* governed: a colon, a cue before or a cue after */                                \
    F(CUE_ADJ)      /* the mark follows the cue's subject (or the verb, or its colon) at once */        \
    F(CUE_PREP)     /* only a preposition between them: the verb's object (شدد على "…") */      \
    F(VERB_I) /* a word shaped like a first-person verb (أ + 3 or 4 letters: أريد، أعتقد) */ \
    F(VERB_HE) /* a word shaped like a present verb (ي + 3 or 4 letters: يحفظ، يريد) */       \
    F(FAM_ASCII)     /* marks "…" */                                                                  \
    F(FAM_CURLY)     /* marks “…” */                                                              \
    F(FAM_GUILLEMET) /* marks «…» */                                                                \
    F(IDAFA)         /* a bare noun before, the span's first word with ال: a genitive, a term */      \
    F(LIST)          /* joined to another short pair by و/أو/a comma only: a list of names */        \
    F(PREV_ENC) /* the word before carries a pronoun suffix (دعمها "…"): a predicate follows */  \
    F(PREV_VERB) /* the word before is shaped like a present verb (يكون "…") */

#define KX_SF_ENUM(n) KX_SF_##n,
enum { KX_STMT_FEATURES(KX_SF_ENUM) KX_STMT_NF };
#undef KX_SF_ENUM

/* What the rules found for one pair (speakers.c), the part of the row that
** needs their helpers. cue_before and cue_after are x->cues indexes or -1. */
typedef struct kx_stmt_facts {
    int rule_stmt, rule_name, rule_spkname, rule_listed, rule_follows;
    int colon, strong_sentence;
    int32_t cue_before, cue_after;
} kx_stmt_facts;

/* Fills row (KX_STMT_NF floats) for pair pi from the rules' facts and the
** text around the pair. Reads x only; never allocates. Unless full, only
** the columns decide() reads whatever the weights (BIAS, RULE_STMT,
** LINE_START) are filled: the rest cost several percent of kh_extract. */
void kx_stmt_features(const kh_extractor *x, size_t pi, const kx_stmt_facts *f, int full,
                      float *row);

/* Whether the built-in weights read no column but BIAS and RULE_STMT (the
** rules' verdict), so that the other columns need not be computed. */
int kx_stmt_rules_only(void);

/* The probability that the row is a statement, by the built-in weights. */
float kx_stmt_prob(const float *row);

/* Whether only و, أو or commas stand between tokens [from, to), and at
** least one token: the gap between two items of a list of quotes. */
int kx_list_gap(const kh_extractor *x, uint32_t from, uint32_t to);

/* The column names (BIAS, RULE_STMT, …), for the training tool. */
extern const char *const kx_stmt_names[KX_STMT_NF];

/* The weights, generated into models/stmt.c: kx_stmt_w[KX_SF_BIAS] is the
** intercept, and the decision threshold is folded into it (p >= 0.5). */
extern const float kx_stmt_w[KX_STMT_NF];

#endif
