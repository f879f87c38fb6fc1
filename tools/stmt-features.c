/*
** stmt-features.c - prints the statement model's feature rows (stmt.h) of
** every mark pair of the documents on stdin, for tools/train-stmt.py.
**
** Input: per document a line "TITLE_BYTES BODY_BYTES\n" and then those
** bytes, title first. The document is read as `khabar analyze --input
** jsonl` reads a record: the title (newlines made spaces) as line 1, then
** the body, so the rows are those the library computes at run time.
** Output: a header line, then per body pair "DOC START END f0 f1 …" with
** START/END the bytes between the marks, relative to the body. Pairs in
** the title are left out, as the CLI leaves out the title's quotes.
**
** Built against the static library by tools/train-stmt.py; not installed.
*/
#include "extract/stmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int read_doc(uint8_t **buf, size_t *cap, size_t *tlen, size_t *blen)
{
    if (scanf("%zu %zu", tlen, blen) != 2 || getchar() != '\n') return 0;
    size_t need = *tlen + 1 + *blen + 1;
    if (need > *cap) {
        uint8_t *nb = realloc(*buf, need);
        if (!nb) return 0;
        *buf = nb;
        *cap = need;
    }
    if (fread(*buf, 1, *tlen, stdin) != *tlen) return 0;
    for (size_t i = 0; i < *tlen; i++)
        if ((*buf)[i] == '\n' || (*buf)[i] == '\r') (*buf)[i] = ' ';
    (*buf)[*tlen] = '\n';
    return fread(*buf + *tlen + 1, 1, *blen, stdin) == *blen;
}

int main(void)
{
    kh_extractor *x;
    if (kh_extractor_new(NULL, &x) != KH_OK) return 1;
    x->stmt_full = 1; /* every column, whatever the built-in weights read */
    printf("doc\tstart\tend");
    for (size_t k = 0; k < KX_STMT_NF; k++)
        printf("\t%s", kx_stmt_names[k]);
    printf("\n");
    uint8_t *buf = NULL;
    size_t cap = 0, tlen, blen;
    for (int doc = 0; read_doc(&buf, &cap, &tlen, &blen); doc++) {
        kh_extract_opts o = {tlen ? 0 : KH_XF_NO_TITLE, 0, 0, 0};
        size_t base = tlen ? tlen + 1 : 0;
        const kh_article *d;
        if (kh_extract(x, tlen ? buf : buf + 1, blen + base, &o, &d) != KH_OK) return 1;
        for (size_t pi = 0; pi < x->npairs; pi++) {
            const kx_pair *p = &x->pairs[pi];
            if (p->text.start < base) continue;
            printf("%d\t%zu\t%zu", doc, p->text.start - base, p->text.end - base);
            for (size_t k = 0; k < KX_STMT_NF; k++)
                printf("\t%.6g", x->stmtx[pi * KX_STMT_NF + k]);
            printf("\n");
        }
    }
    free(buf);
    kh_extractor_free(x);
    return 0;
}
