/*
** docin.h - the documents tools/train-stmt.py and tools/train-attrib.py feed
** the extraction dumpers (tools/stmt-features.c, tools/attrib-dump.c).
**
** Per document a line "TITLE_BYTES BODY_BYTES\n", then those bytes, title
** first. The document is extracted as `khabar analyze --input jsonl` reads
** a record: the title (newlines made spaces) as line 1, then the body; with
** no title, the body alone. Offsets the dumpers print are relative to the
** body (base), so that they compare with the gold's.
*/
#ifndef KHABAR_TOOLS_DOCIN_H
#define KHABAR_TOOLS_DOCIN_H

#include "extract/extract.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct docin {
    uint8_t *buf;
    size_t cap;
    const uint8_t *text; /* what was extracted */
    size_t base;         /* the body's first byte in text */
} docin;

/* Reads the next document and extracts it with x. Returns 1 with *d set,
** 0 at the end of the input, -1 on malformed input or an extraction error. */
static int docin_next(docin *in, kh_extractor *x, const kh_article **d)
{
    size_t tlen, blen;
    if (scanf("%zu %zu", &tlen, &blen) != 2) return 0;
    if (getchar() != '\n') return -1;
    size_t need = tlen + 1 + blen + 1;
    if (need > in->cap) {
        uint8_t *nb = realloc(in->buf, need);
        if (!nb) return -1;
        in->buf = nb;
        in->cap = need;
    }
    uint8_t *b = in->buf;
    if (fread(b, 1, tlen, stdin) != tlen) return -1;
    for (size_t i = 0; i < tlen; i++)
        if (b[i] == '\n' || b[i] == '\r') b[i] = ' ';
    b[tlen] = '\n';
    if (fread(b + tlen + 1, 1, blen, stdin) != blen) return -1;
    kh_extract_opts o = {tlen ? 0 : KH_XF_NO_TITLE, 0, 0, 0};
    in->base = tlen ? tlen + 1 : 0;
    in->text = tlen ? b : b + 1;
    return kh_extract(x, in->text, blen + in->base, &o, d) == KH_OK ? 1 : -1;
}

#endif
