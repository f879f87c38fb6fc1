/*
** io.c - input reading and output escaping for the CLI (see cli.h).
*/
#include "cli.h"

#include "khabar.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

char *cli_join(char *const *words, int n)
{
    size_t len = 1;
    for (int i = 0; i < n; i++)
        len += strlen(words[i]) + 1;
    char *q = malloc(len), *o = q;
    if (!q) return NULL;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(words[i]);
        if (i) *o++ = ' ';
        memcpy(o, words[i], l);
        o += l;
    }
    *o = 0;
    return q;
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cli_read_file(const char *path, cli_buf *out)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    out->data = NULL;
    out->len = 0;
    if (!f) {
        fprintf(stderr, "khabar: %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t cap = 1 << 16, len = 0;
    uint8_t *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fprintf(stderr, "khabar: %s: out of memory\n", path);
            if (!is_stdin) fclose(f);
            return -1;
        }
        size_t r = fread(buf + len, 1, cap - len, f);
        len += r;
        if (r == 0) break;
        if (len == cap) {
            uint8_t *nb = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
            if (!nb) free(buf);
            buf = nb;
            cap *= 2;
        }
    }
    int err = ferror(f);
    if (!is_stdin) fclose(f);
    if (err) {
        fprintf(stderr, "khabar: %s: read error\n", path);
        free(buf);
        return -1;
    }
    out->data = buf;
    out->len = len;
    return 0;
}

/* Length of a valid UTF-8 sequence at s, or 0 if invalid. */
static size_t valid_seq(const uint8_t *s, size_t n)
{
    size_t off;
    size_t l = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    if (l > n) return 0;
    return kh_utf8_valid(s, l, &off) ? l : 0;
}

void cli_json_str(FILE *f, const uint8_t *s, size_t n)
{
    putc('"', f);
    for (size_t i = 0; i < n;) {
        uint8_t c = s[i];
        if (c < 0x80) {
            switch (c) {
            case '"':
                fputs("\\\"", f);
                break;
            case '\\':
                fputs("\\\\", f);
                break;
            case '\n':
                fputs("\\n", f);
                break;
            case '\r':
                fputs("\\r", f);
                break;
            case '\t':
                fputs("\\t", f);
                break;
            default:
                if (c < 0x20 || c == 0x7F)
                    fprintf(f, "\\u%04x", c);
                else
                    putc(c, f);
            }
            i++;
            continue;
        }
        size_t l = valid_seq(s + i, n - i);
        if (!l) {
            fputs("\xef\xbf\xbd", f);
            i++;
            continue;
        }
        fwrite(s + i, 1, l, f);
        i += l;
    }
    putc('"', f);
}

void cli_tsv_field(FILE *f, const uint8_t *s, size_t n)
{
    size_t i = 0, run = 0;
    while (i < n) {
        uint8_t c = s[i];
        if (c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        size_t l = c < 0x80 ? 0 : valid_seq(s + i, n - i);
        if (l) {
            i += l;
            continue;
        }
        fwrite(s + run, 1, i - run, f);
        fputs(c < 0x80 ? " " : "\xef\xbf\xbd", f); /* control bytes and invalid bytes */
        i++;
        run = i;
    }
    fwrite(s + run, 1, n - run, f);
}

void cli_progress(const char *name, size_t done, size_t total, double t0)
{
    double el = cli_now() - t0, rate = el > 0 ? (double)done / el : 0;
    double left = rate > 0 ? (double)(total - done) / rate : 0;
    int width = 30, fill = total ? (int)((double)width * (double)done / (double)total) : width;
    fprintf(stderr, "\r%s [%.*s%*s] %3d%% %6.1f MB/s %4.0fs left ", name, fill,
            "##############################", width - fill, "",
            total ? (int)(100.0 * (double)done / (double)total) : 100, rate / 1e6, left);
}
