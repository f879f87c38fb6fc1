/*
** stmt-features.c - prints the statement model's feature rows (stmt.h) of
** every mark pair of the documents on stdin, for tools/train-stmt.py.
**
** Input: framed documents (docin.h), read as `khabar analyze --input
** jsonl` reads a record, so the rows are those the library computes.
** Output: a header line, then per body pair "DOC START END f0 f1 …" with
** START/END the bytes between the marks, relative to the body. Pairs in
** the title are left out, as the CLI leaves out the title's quotes.
**
** Built by make build/tools/stmt-features (tools/train-stmt.py runs it); not
** installed.
*/
#include "extract/stmt.h"

#include "docin.h"

int main(void)
{
    kh_extractor *x;
    if (kh_extractor_new(NULL, &x) != KH_OK) return 1;
    x->stmt_full = 1; /* every column, whatever the built-in weights read */
    printf("doc\tstart\tend");
    for (size_t k = 0; k < KX_STMT_NF; k++)
        printf("\t%s", kx_stmt_names[k]);
    printf("\n");
    docin in = {NULL, 0, NULL, 0};
    const kh_article *d;
    int r;
    for (int doc = 0; (r = docin_next(&in, x, &d)) == 1; doc++) {
        size_t base = in.base;
        for (size_t pi = 0; pi < x->npairs; pi++) {
            const kx_pair *p = &x->pairs[pi];
            if (p->text.start < base) continue;
            printf("%d\t%zu\t%zu", doc, p->text.start - base, p->text.end - base);
            for (size_t k = 0; k < KX_STMT_NF; k++)
                printf("\t%.6g", x->stmtx[pi * KX_STMT_NF + k]);
            printf("\n");
        }
    }
    free(in.buf);
    kh_extractor_free(x);
    return r < 0;
}
