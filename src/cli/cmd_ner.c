/*
** cmd_ner.c - `khabar ner`: named entities of raw text or of a CoNLL file.
**
** Raw text: each file is one document (mentions are merged within it),
** analyzed and tagged whole; a file over 16 MB is cut into pieces of
** about that size at line breaks, each a document of its own, so memory
** stays bounded. Offsets printed are bytes of the whole file.
** CoNLL (--conll): the tokens are the file's, one tag per token line, so
** any gold file can be scored against the output.
*/
#include "cli.h"

#include "khabar.h"

#include <stdlib.h>
#include <string.h>

#define PIECE (16u << 20)

static void help(FILE *f)
{
    fputs("usage: khabar ner [OPTIONS] [FILE...|-]\n"
          "       khabar ner --conll FILE [OPTIONS]\n"
          "\n"
          "Finds people (PER), organizations (ORG), places (LOC) and other names\n"
          "(MISC) in Arabic text, and gives every entity one canonical name: the\n"
          "mentions لافروف and سيرغي لافروف of one article are one entity, and so\n"
          "are الناتو and حلف شمال الأطلسي.\n"
          "\n"
          "Output (default tsv): one token per line, token<TAB>tag, tags in IOB2\n"
          "(B-PER, I-PER, O ...); a blank line between sentences.\n"
          "With --format json: one object per file,\n"
          "  {\"file\", \"entities\": [{\"text\", \"type\", \"start\", \"end\", \"canonical\"}],\n"
          "   \"names\": [{\"name\", \"type\", \"key\", \"mentions\"}]}\n"
          "where start/end are byte offsets in the file (a leading proclitic such as\n"
          "و or ب is outside the span when it can be told apart), and key is the\n"
          "variant-insensitive name key that matches the entity across documents.\n"
          "\n"
          "options:\n"
          "  --conll FILE       pre-tokenized input: one token per line (first\n"
          "                     column), blank line between sentences; prints\n"
          "                     token<TAB>tag for the same tokens (json: entities\n"
          "                     with token indices first/last instead of bytes);\n"
          "                     a -DOCSTART- line starts a document, tagged on\n"
          "                     its own and left out of the output\n"
          "  --format tsv|json  output format (default tsv)\n"
          "  --model FILE       a model from khabar train-ner (default: built in)\n"
          "  --per-sentence     tag each sentence on its own (default: the file is\n"
          "                     tagged twice, the second time knowing how each word\n"
          "                     was tagged elsewhere, and a name found in one place\n"
          "                     is tagged where it recurs)\n"
          "  --tagger-only      only the tagger's own spans (default: names of the\n"
          "                     alias table written out in full are tagged whole,\n"
          "                     e.g. لحلف شمال الأطلسي; ANERcorp leaves many untagged)\n"
          "  -h, --help         this help\n"
          "\n"
          "examples:\n"
          "  echo 'وقال وزير الخارجية الروسي سيرغي لافروف في موسكو' | khabar ner\n"
          "  khabar ner --format json article.txt\n"
          "  khabar ner --conll test.conll > predicted.conll\n",
          f);
}

typedef struct ner_opts {
    int json, many;
} ner_opts;

static void print_entities(const uint8_t *s, uint64_t base, const kh_ner_result *r, int conll,
                           int *first)
{
    FILE *f = stdout;
    for (size_t i = 0; i < r->nentities; i++) {
        const kh_entity *e = &r->entities[i];
        fputs(*first ? "" : ",", f);
        *first = 0;
        fputs("{\"text\":", f);
        if (conll) {
            cli_json_str(f, s + e->start, e->end - e->start);
            fprintf(f, ",\"type\":\"%s\",\"first\":%llu,\"last\":%llu",
                    kh_entity_type_name(e->type), (unsigned long long)(base + e->first),
                    (unsigned long long)(base + e->first + e->nwords - 1));
        } else {
            cli_json_str(f, s + e->start, e->end - e->start);
            fprintf(f, ",\"type\":\"%s\",\"start\":%llu,\"end\":%llu", kh_entity_type_name(e->type),
                    (unsigned long long)(base + e->start), (unsigned long long)(base + e->end));
        }
        fputs(",\"canonical\":", f);
        cli_json_str(f, (const uint8_t *)e->canonical, strlen(e->canonical));
        fputs("}", f);
    }
}

static void print_names(FILE *f, const kh_ner_result *r, int *first)
{
    for (size_t i = 0; i < r->nnames; i++) {
        const kh_entity_name *n = &r->names[i];
        fputs(*first ? "" : ",", f);
        *first = 0;
        fputs("{\"name\":", f);
        cli_json_str(f, (const uint8_t *)n->name, n->name_len);
        fprintf(f, ",\"type\":\"%s\",\"key\":", kh_entity_type_name(n->type));
        cli_json_str(f, (const uint8_t *)n->key, n->key_len);
        fprintf(f, ",\"mentions\":%u}", n->nmentions);
    }
}

static size_t next_cut(const uint8_t *s, size_t len, size_t from)
{
    if (len - from <= PIECE) return len;
    const uint8_t *nl = memchr(s + from + PIECE, '\n', len - from - PIECE);
    return nl ? (size_t)(nl - s) + 1 : len;
}

static int fail_analysis(const char *name, kh_analyzer *a, uint64_t base)
{
    const kh_error *e = kh_analyzer_error(a);
    if (e->offset != UINT64_MAX)
        fprintf(stderr, "khabar ner: %s: byte %llu: %s\n", name,
                (unsigned long long)(base + e->offset), e->message);
    else
        fprintf(stderr, "khabar ner: %s: %s\n", name, e->message);
    return 1;
}

/* Tags one raw-text file. Returns 0 or 1. */
static int run_text(kh_analyzer *a, kh_ner *ner, const ner_opts *o, const char *path)
{
    cli_buf in;
    if (cli_read_file(path, &in)) return 1;
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    int first_ent = 1, first_name = 1, rc = 0;
    if (o->json) {
        fputs("{\"file\":", stdout);
        cli_json_str(stdout, (const uint8_t *)name, strlen(name));
        fputs(",\"entities\":[", stdout);
    }
    /* JSON lists the names after all entities: a file of several pieces is
    ** tagged twice rather than keeping every piece's result */
    for (int pass = 0; pass < (o->json ? 2 : 1) && !rc; pass++) {
        if (pass == 1) fputs("],\"names\":[", stdout);
        for (size_t from = 0; from < in.len;) {
            size_t to = next_cut(in.data, in.len, from);
            const kh_analysis *an;
            const kh_ner_result *r;
            if (kh_analyze(a, in.data + from, to - from, &an) != KH_OK) {
                rc = fail_analysis(name, a, from);
                break;
            }
            if (kh_ner_tag(ner, in.data + from, to - from, an, NULL, 0, &r) != KH_OK) {
                fprintf(stderr, "khabar ner: %s: out of memory\n", name);
                rc = 1;
                break;
            }
            if (o->json && pass == 0) {
                print_entities(in.data + from, from, r, 0, &first_ent);
            } else if (o->json) {
                print_names(stdout, r, &first_name);
            } else {
                for (size_t i = 0; i < an->ntokens; i++) {
                    const kh_token *t = &an->tokens[i];
                    if (i && t->sentence != an->tokens[i - 1].sentence) putc('\n', stdout);
                    cli_tsv_field(stdout, in.data + from + t->start, t->end - t->start);
                    printf("\t%s\n", kh_ner_tag_name(r->tags[i]));
                }
                if (an->ntokens) putc('\n', stdout);
            }
            from = to;
        }
    }
    if (o->json) fputs("]}\n", stdout);
    free(in.data);
    return rc;
}

/* Tags a CoNLL file, each document (-DOCSTART-) on its own: the
** recognizer's document-wide steps (one type per name in a document)
** should not carry a name's type from one article into the next. In JSON,
** "first" and "last" count the file's tokens and "names" lists each
** document's names in turn. Returns 0 or 1. */
static int run_conll(kh_analyzer *a, kh_ner *ner, const ner_opts *o, const char *path)
{
    cli_buf in;
    if (cli_read_file(path, &in)) return 1;
    cli_conll c;
    char err[200];
    int rc = cli_conll_parse(in.data, in.len, 0, &c, err, sizeof err);
    free(in.data);
    if (rc) {
        fprintf(stderr, "khabar ner: %s: %s\n", path, err);
        return 1;
    }
    kh_word *w = NULL;
    size_t capw = 0;
    uint8_t *tags = c.nwords ? malloc(c.nwords) : NULL;
    if (c.nwords && !tags) {
        fprintf(stderr, "khabar ner: %s: out of memory\n", path);
        rc = 1;
    }
    int first = 1, firstname = 1;
    if (o->json) {
        fputs("{\"file\":", stdout);
        cli_json_str(stdout, (const uint8_t *)path, strlen(path));
        fputs(",\"entities\":[", stdout);
    }
    cli_buf names = {0}; /* JSON: the names, written after every document's entities */
    FILE *nf = o->json ? open_memstream((char **)&names.data, &names.len) : NULL;
    if (o->json && !nf) {
        fprintf(stderr, "khabar ner: %s: out of memory\n", path);
        rc = 1;
    }
    for (size_t d = 0; d < c.ndocs && !rc; d++) {
        const uint8_t *text;
        size_t len, n;
        const kh_analysis *an;
        const kh_ner_result *r;
        if (cli_conll_doc(&c, d, &text, &len, &w, &capw, &n)) {
            fprintf(stderr, "khabar ner: %s: out of memory\n", path);
            rc = 1;
        } else if (kh_analyze(a, text, len, &an) != KH_OK) {
            rc = fail_analysis(path, a, 0);
        } else if (kh_ner_tag(ner, text, len, an, w, n, &r) != KH_OK) {
            fprintf(stderr, "khabar ner: %s: out of memory\n", path);
            rc = 1;
        } else {
            memcpy(tags + c.docs[d], r->tags, n);
            if (o->json) {
                print_entities(text, c.docs[d], r, 1, &first);
                print_names(nf, r, &firstname);
            }
        }
    }
    if (o->json) {
        if (nf) fclose(nf);
        fputs("],\"names\":[", stdout);
        if (names.data) fwrite(names.data, 1, names.len, stdout);
        fputs("]}\n", stdout);
        free(names.data);
    } else if (!rc) {
        for (size_t i = 0; i < c.nwords; i++) {
            if (i && (c.words[i].flags & KH_WORD_SENTENCE_START)) putc('\n', stdout);
            cli_tsv_field(stdout, c.text + c.words[i].start, c.words[i].end - c.words[i].start);
            printf("\t%s\n", kh_ner_tag_name(tags[i]));
        }
        if (c.nwords) putc('\n', stdout);
    }
    free(w);
    free(tags);
    cli_conll_free(&c);
    return rc;
}

int cmd_ner(int argc, char **argv)
{
    ner_opts o = {0, 0};
    const char *conll = NULL, *model = NULL;
    int nfiles = 0, per_sentence = 0, tagger_only = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            help(stdout);
            free(files);
            return 0;
        } else if (!strcmp(a, "--conll") && i + 1 < argc) {
            conll = argv[++i];
        } else if (!strcmp(a, "--model") && i + 1 < argc) {
            model = argv[++i];
        } else if (!strcmp(a, "--per-sentence")) {
            per_sentence = 1;
        } else if (!strcmp(a, "--tagger-only")) {
            tagger_only = 1;
        } else if (!strcmp(a, "--format") || !strncmp(a, "--format=", 9)) {
            const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (v && (!strcmp(v, "json") || !strcmp(v, "tsv"))) {
                o.json = !strcmp(v, "json");
            } else {
                fprintf(stderr, "khabar ner: --format takes tsv or json\n");
                free(files);
                return 2;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "khabar ner: unknown option or missing value '%s' (see --help)\n", a);
            free(files);
            return 2;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (conll && nfiles) {
        fprintf(stderr, "khabar ner: --conll reads one file; give no other FILE\n");
        free(files);
        return 2;
    }
    if (!nfiles) files[nfiles++] = "-";
    o.many = nfiles > 1;

    kh_ner_opts no = {
        model, NULL,
        0,     NULL,
        NULL,  (per_sentence ? KH_NER_PER_SENTENCE : 0) | (tagger_only ? KH_NER_TAGGER_ONLY : 0)};
    kh_error err;
    kh_ner *ner;
    if (kh_ner_new(&no, &ner, &err) != KH_OK) {
        if (err.offset != UINT64_MAX)
            fprintf(stderr, "khabar ner: %s: byte %llu: %s\n", model ? model : "built-in model",
                    (unsigned long long)err.offset, err.message);
        else
            fprintf(stderr, "khabar ner: %s\n", err.message);
        free(files);
        return 1;
    }
    kh_analyzer *a;
    if (kh_analyzer_new(NULL, &a) != KH_OK) {
        fprintf(stderr, "khabar ner: out of memory\n");
        kh_ner_free(ner);
        free(files);
        return 1;
    }
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    int rc = 0;
    if (conll)
        rc = run_conll(a, ner, &o, conll);
    else
        for (int i = 0; i < nfiles; i++)
            rc |= run_text(a, ner, &o, files[i]);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "khabar ner: write error\n");
        rc = 1;
    }
    kh_analyzer_free(a);
    kh_ner_free(ner);
    free(files);
    return rc;
}
