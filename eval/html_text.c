/*
** html_text.c - prints what khabar's HTML reader extracts from each page
** given: one JSON object per line, {"file","title","date","day","source",
** "body"} (or {"file","error"}), where day is the date as the index reads it
** for --from/--to (days since 1970-01-01, or null). eval/html.py scores it against the pages' gold;
** eval/html.sh compiles this against build/libkhabar.a.
*/
#include "index/index.h" /* kh_date_parse: the date the index files the page under */
#include "khabar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_json(const char *s, size_t n)
{
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c == '\r')
            fputs("\\r", stdout);
        else if (c == '\t')
            fputs("\\t", stdout);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    kh_reader *r = NULL;
    if (kh_reader_new(NULL, &r) != KH_OK) {
        fprintf(stderr, "html_text: cannot create a reader\n");
        return 1;
    }
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        size_t len = 0;
        char *buf = slurp(argv[i], &len);
        const kh_doc *d = NULL;
        fputs("{\"file\":", stdout);
        put_json(argv[i], strlen(argv[i]));
        if (!buf || kh_reader_start(r, (const uint8_t *)buf, len, argv[i], KH_FMT_HTML, NULL) ||
            kh_reader_next(r, &d) != KH_OK || !d) {
            const char *why = buf ? kh_reader_error(r)->message : "cannot read the file";
            fputs(",\"error\":", stdout);
            put_json(why, strlen(why));
            rc = 1;
        } else {
            fputs(",\"title\":", stdout);
            put_json(d->title.ptr, d->title.len);
            fputs(",\"date\":", stdout);
            put_json(d->date.ptr, d->date.len);
            int32_t day = kh_date_parse(d->date.ptr, d->date.len);
            if (day == KH_DAY_NONE)
                fputs(",\"day\":null", stdout);
            else
                printf(",\"day\":%ld", (long)day);
            fputs(",\"source\":", stdout);
            put_json(d->source.ptr, d->source.len);
            fputs(",\"body\":", stdout);
            put_json(d->body.ptr, d->body.len);
        }
        fputs("}\n", stdout);
        free(buf);
    }
    kh_reader_free(r);
    return rc;
}
