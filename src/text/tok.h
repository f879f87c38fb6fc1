/*
** tok.h - the tokenizer: bytes in, raw tokens with byte spans out.
**
** A token is a maximal run of one class (primer §3.1): Arabic word, Latin
** word, number (1,000.5 ١٤٤٫٥ 50% 2024/03/22 10:30), URL, e-mail, hashtag,
** mention, abbreviation (أ.ف.ب, د.), one punctuation mark or quote. Clitics
** are not split here (see ../analysis/seg.c). Spaces, line breaks and
** invisible controls between tokens belong to no token; invisible controls
** and joiners inside a word stay inside its span.
**
** The tokenizer never allocates and never fails: invalid UTF-8 comes out as
** a one-byte symbol token flagged KH_TOKF_INVALID.
*/
#ifndef KH_TOK_H
#define KH_TOK_H

#include <stddef.h>
#include <stdint.h>

#define KH_RAW_NL_BEFORE 0x100u /* a line break separates this token from the previous one */

typedef struct kh_rawtok {
    uint32_t start, end; /* bytes */
    uint32_t kind;       /* kh_token_kind */
    uint32_t flags;      /* KH_TOKF_* | KH_RAW_* */
} kh_rawtok;

typedef struct kh_tokenizer {
    const uint8_t *s; /* input, never written */
    size_t n;         /* bytes */
    size_t pos;       /* next byte to read */
} kh_tokenizer;

static inline void kh_tok_init(kh_tokenizer *t, const uint8_t *s, size_t n)
{
    t->s = s;
    t->n = n;
    t->pos = 0;
}

/* Reads the next token. Returns 1 and fills *out, or 0 at the end. */
int kh_tok_next(kh_tokenizer *t, kh_rawtok *out);

/* 1 if the punctuation token s[0..n) ends a sentence (. ! ? ؟). */
int kh_tok_is_terminator(const uint8_t *s, size_t n);

#endif
