/*
** cmd_tokens.c - `khabar tokens`: one token per line with its analysis.
**
** Long inputs are analyzed in pieces of about a megabyte cut at line
** breaks, so memory stays bounded whatever the file size; a line longer
** than 4 MB is cut at a space (a sentence boundary is then forced there).
** Offsets printed are always bytes of the whole input.
*/
#include "cli.h"

#include "khabar.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PIECE          (1u << 20)
#define MAX_LINE_PIECE (4u << 20)

static void help(FILE *f)
{
    fputs("usage: khabar tokens [OPTIONS] [FILE...|-]\n"
          "\n"
          "Splits Arabic (and any other) text into tokens and prints, one token per\n"
          "line:  surface<TAB>normalized<TAB>segmentation<TAB>key<TAB>start<TAB>end\n"
          "  surface       the token as written\n"
          "  normalized    folded for matching: no diacritics or tatweel, one alef,\n"
          "                ى→ي, ة→ه, one hamza, ASCII digits, lower case\n"
          "  segmentation  clitics and stem joined by '+': وللتواصل → و+ل+ال+تواصل,\n"
          "                حكومتها → حكومة+ها\n"
          "  key           the search key (empty: nothing to index)\n"
          "  start, end    byte offsets of the token in the input\n"
          "An empty line separates sentences. With no FILE, or FILE '-', reads stdin.\n"
          "\n"
          "options:\n"
          "  --format tsv|json  output format (default tsv); json prints one object per\n"
          "                     token with the fields surface, normalized, segmentation,\n"
          "                     key, start, end, sentence (and file with several files)\n"
          "  --stats            print only counts and throughput\n"
          "  --strict           invalid UTF-8 is an error (default: replaced, with a\n"
          "                     warning naming the file and byte offset)\n"
          "  -h, --help         this help\n"
          "\n"
          "examples:\n"
          "  echo 'وللتواصل مع حكومتها' | khabar tokens\n"
          "  khabar tokens --format json article.txt\n",
          f);
}

typedef struct tok_opts {
    int json, stats, strict, many;
    int progress; /* stderr is a terminal */
} tok_opts;

#define PROGRESS_MIN (8u << 20) /* inputs smaller than this finish too fast to need one */

typedef struct tok_totals {
    uint64_t bytes, tokens, words, sentences, invalid;
} tok_totals;

/* End of the next piece starting at from. */
static size_t next_cut(const uint8_t *s, size_t len, size_t from)
{
    if (len - from <= PIECE) return len;
    size_t lim = from + MAX_LINE_PIECE < len ? from + MAX_LINE_PIECE : len;
    const uint8_t *nl = memchr(s + from + PIECE, '\n', lim - (from + PIECE));
    if (nl) return (size_t)(nl - s) + 1;
    for (size_t i = from + PIECE; i > from; i--)
        if (s[i - 1] == ' ' || s[i - 1] == '\t') return i;
    size_t i = from + PIECE;
    while (i > from + 1 && (s[i] & 0xC0) == 0x80)
        i--; /* never cut inside a UTF-8 sequence */
    return i;
}

/* TSV output goes through this buffer: formatting every token with stdio
** calls costs more than analyzing it. */
typedef struct outbuf {
    char data[1 << 16];
    size_t len;
} outbuf;

static void ob_flush(outbuf *ob)
{
    fwrite(ob->data, 1, ob->len, stdout);
    ob->len = 0;
}

static void ob_put(outbuf *ob, const void *p, size_t n)
{
    if (ob->len + n > sizeof ob->data) {
        ob_flush(ob);
        if (n > sizeof ob->data) {
            fwrite(p, 1, n, stdout);
            return;
        }
    }
    memcpy(ob->data + ob->len, p, n);
    ob->len += n;
}

static void ob_char(outbuf *ob, char c)
{
    if (ob->len == sizeof ob->data) ob_flush(ob);
    ob->data[ob->len++] = c;
}

static void ob_u64(outbuf *ob, uint64_t v)
{
    char tmp[24];
    int i = 24;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    ob_put(ob, tmp + i, (size_t)(24 - i));
}

static void print_token(const tok_opts *o, outbuf *ob, const char *path, const uint8_t *s,
                        uint64_t base, const kh_token *t, uint64_t sentence)
{
    FILE *f = stdout;
    if (o->json) {
        ob_flush(ob);
        fputs("{", f);
        if (o->many) {
            fputs("\"file\":", f);
            cli_json_str(f, (const uint8_t *)path, strlen(path));
            fputs(",", f);
        }
        fputs("\"surface\":", f);
        cli_json_str(f, s + t->start, t->end - t->start);
        fputs(",\"normalized\":", f);
        cli_json_str(f, (const uint8_t *)t->norm, t->norm_len);
        fputs(",\"segmentation\":", f);
        cli_json_str(f, (const uint8_t *)t->seg, t->seg_len);
        fputs(",\"key\":", f);
        cli_json_str(f, (const uint8_t *)t->key, t->key_len);
        fprintf(f, ",\"start\":%llu,\"end\":%llu,\"sentence\":%llu}\n",
                (unsigned long long)(base + t->start), (unsigned long long)(base + t->end),
                (unsigned long long)sentence);
        return;
    }
    /* Words, numbers and marks are valid UTF-8 without tabs or line breaks:
    ** only invalid bytes and control characters (symbol tokens) need care. */
    if ((t->flags & KH_TOKF_INVALID) || t->kind == KH_TOK_SYMBOL) {
        ob_flush(ob);
        cli_tsv_field(f, s + t->start, t->end - t->start);
        putc('\t', f);
        cli_tsv_field(f, (const uint8_t *)t->norm, t->norm_len);
        putc('\t', f);
        cli_tsv_field(f, (const uint8_t *)t->seg, t->seg_len);
    } else {
        ob_put(ob, s + t->start, t->end - t->start);
        ob_char(ob, '\t');
        ob_put(ob, t->norm, t->norm_len);
        ob_char(ob, '\t');
        ob_put(ob, t->seg, t->seg_len);
    }
    ob_char(ob, '\t');
    ob_put(ob, t->key, t->key_len);
    ob_char(ob, '\t');
    ob_u64(ob, base + t->start);
    ob_char(ob, '\t');
    ob_u64(ob, base + t->end);
    ob_char(ob, '\n');
}

/* Analyzes one input. Returns 0, or 1 after printing an error. */
static int run_file(kh_analyzer *a, const tok_opts *o, outbuf *ob, const char *path, tok_totals *tt)
{
    cli_buf in;
    if (cli_read_file(path, &in)) return 1;
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    size_t bad;
    if (o->strict && !kh_utf8_valid(in.data, in.len, &bad)) {
        fprintf(stderr, "khabar: %s: byte %zu: invalid UTF-8\n", name, bad);
        free(in.data);
        return 1;
    }
    uint64_t invalid = 0, first_bad = 0;
    double t0 = cli_now();
    int have_prev = 0;
    for (size_t from = 0; from < in.len;) {
        size_t to = next_cut(in.data, in.len, from);
        const kh_analysis *r;
        kh_status st = kh_analyze(a, in.data + from, to - from, &r);
        if (st != KH_OK) {
            const kh_error *e = kh_analyzer_error(a);
            if (e->offset != UINT64_MAX)
                fprintf(stderr, "khabar: %s: byte %llu: %s\n", name,
                        (unsigned long long)(from + e->offset), e->message);
            else
                fprintf(stderr, "khabar: %s: %s\n", name, e->message);
            free(in.data);
            return 1;
        }
        if (r->ninvalid && !invalid) first_bad = from + r->first_invalid;
        invalid += r->ninvalid;
        for (size_t i = 0; i < r->ntokens; i++) {
            const kh_token *t = &r->tokens[i];
            int new_sentence = !have_prev || (i == 0) || t->sentence != r->tokens[i - 1].sentence;
            if (new_sentence) tt->sentences++;
            if (!o->stats) {
                if (new_sentence && have_prev) ob_char(ob, '\n');
                print_token(o, ob, name, in.data + from, from, t, tt->sentences - 1);
            }
            have_prev = 1;
            tt->tokens++;
            if (t->kind == KH_TOK_ARABIC || t->kind == KH_TOK_LATIN) tt->words++;
        }
        from = to;
        if (o->progress && in.len > PROGRESS_MIN) cli_progress(name, from, in.len, t0);
    }
    if (o->progress && in.len > PROGRESS_MIN) fputs("\n", stderr);
    ob_flush(ob);
    if (invalid)
        fprintf(stderr, "khabar: %s: byte %llu: invalid UTF-8 replaced (%llu sequence%s)\n", name,
                (unsigned long long)first_bad, (unsigned long long)invalid, invalid > 1 ? "s" : "");
    if (!o->stats && have_prev && o->many && !o->json) putc('\n', stdout);
    tt->invalid += invalid;
    tt->bytes += in.len;
    free(in.data);
    return 0;
}

int cmd_tokens(int argc, char **argv)
{
    tok_opts o = {0, 0, 0, 0, isatty(2)};
    int nfiles = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            help(stdout);
            free(files);
            return 0;
        } else if (!strcmp(a, "--stats")) {
            o.stats = 1;
        } else if (!strcmp(a, "--strict")) {
            o.strict = 1;
        } else if (!strcmp(a, "--format") || !strncmp(a, "--format=", 9)) {
            const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (v && !strcmp(v, "json"))
                o.json = 1;
            else if (v && !strcmp(v, "tsv"))
                o.json = 0;
            else {
                fprintf(stderr, "khabar tokens: --format takes tsv or json\n");
                free(files);
                return 2;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "khabar tokens: unknown option '%s' (see khabar tokens --help)\n", a);
            free(files);
            return 2;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (!nfiles) files[nfiles++] = "-";
    o.many = nfiles > 1;

    kh_analyzer_opts ao = {o.strict ? KH_OPT_STRICT_UTF8 : 0, NULL, NULL};
    kh_analyzer *an;
    if (kh_analyzer_new(&ao, &an) != KH_OK) {
        fprintf(stderr, "khabar tokens: out of memory\n");
        free(files);
        return 1;
    }
    static char stdio_buf[1 << 16];
    setvbuf(stdout, stdio_buf, _IOFBF, sizeof stdio_buf);
    tok_totals tt = {0, 0, 0, 0, 0};
    int rc = 0;
    double t0 = cli_now();
    static outbuf ob; /* CLI state, not library state: one per process */
    for (int i = 0; i < nfiles; i++)
        rc |= run_file(an, &o, &ob, files[i], &tt);
    double secs = cli_now() - t0;
    if (o.stats) {
        printf("files\t%d\nbytes\t%llu\ntokens\t%llu\nwords\t%llu\nsentences\t%llu\n"
               "invalid_utf8\t%llu\nseconds\t%.3f\nmb_per_s\t%.2f\n",
               nfiles, (unsigned long long)tt.bytes, (unsigned long long)tt.tokens,
               (unsigned long long)tt.words, (unsigned long long)tt.sentences,
               (unsigned long long)tt.invalid, secs,
               secs > 0 ? (double)tt.bytes / 1e6 / secs : 0.0);
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "khabar tokens: write error\n");
        rc = 1;
    }
    kh_analyzer_free(an);
    free(files);
    return rc;
}
