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

double cli_now(void);

int cmd_tokens(int argc, char **argv);
int cmd_analyze(int argc, char **argv);

#endif
