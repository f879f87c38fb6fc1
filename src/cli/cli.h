/*
** cli.h - shared helpers of the khabar command-line tool.
**
** The CLI uses only the public API (khabar.h); this header holds its own
** plumbing: reading inputs whole, JSON string escaping, usage errors.
** Exit codes: 0 success, 1 failure (bad input, I/O), 2 usage error.
*/
#ifndef KH_CLI_H
#define KH_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "khabar.h"

typedef struct cli_buf {
    uint8_t *data;
    size_t len;
} cli_buf;

/* Reads a whole file ("-" = stdin). Returns 0, or -1 after printing
** "khabar: PATH: reason" to stderr. */
int cli_read_file(const char *path, cli_buf *out);

/* Writes s[0..n) as a JSON string (with quotes); invalid UTF-8 becomes U+FFFD. */
void cli_json_str(FILE *f, const uint8_t *s, size_t n);

/* Writes s[0..n) with invalid UTF-8 replaced by U+FFFD and tabs/newlines
** as spaces, for one TSV field. */
void cli_tsv_field(FILE *f, const uint8_t *s, size_t n);

/* The n words joined by single spaces, malloc'd (the caller frees); NULL
** when out of memory. A query typed as several shell words is one query. */
char *cli_join(char *const *words, int n);

double cli_now(void);

/* One line on stderr, rewritten in place: file, a bar, percent, MB/s, time
** left. For long work on a terminal; the caller ends it with a newline. */
void cli_progress(const char *name, size_t done, size_t total, double t0);

/* Pre-tokenized input (conll.c): the tokens of a CoNLL-style file laid out
** as text for the analyzer, one sentence per line, with each token's span
** in that text and, when asked for, its tag. */
typedef struct cli_conll {
    uint8_t *text;
    size_t len;
    kh_word *words; /* one per token line; KH_WORD_SENTENCE_START marks sentences */
    uint8_t *tags;  /* one per token (0 = O when tags were not asked for) */
    size_t nwords;
    size_t *docs; /* the first word of each document (a -DOCSTART- line starts one) */
    size_t ndocs;
} cli_conll;

/* Parses s[0..len). want_tags: the last column must be a tag
** (kh_ner_tag_parse). Returns 0, or -1 with a message ("line N: ...") in
** err. */
int cli_conll_parse(const uint8_t *s, size_t len, int want_tags, cli_conll *out, char *err,
                    size_t errcap);
void cli_conll_free(cli_conll *c);

/* Document d of c: *text and *len, its span of c->text; its words with
** offsets into that span, written to *w (an array of *cap words, grown with
** realloc); *n, how many. Returns 0, or -1 when out of memory. */
int cli_conll_doc(const cli_conll *c, size_t d, const uint8_t **text, size_t *len, kh_word **w,
                  size_t *cap, size_t *n);

int cmd_tokens(int argc, char **argv);
int cmd_index(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_delete(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_quotes(int argc, char **argv);

int cmd_ner(int argc, char **argv);
int cmd_train_ner(int argc, char **argv);

int cmd_analyze(int argc, char **argv);

#endif
