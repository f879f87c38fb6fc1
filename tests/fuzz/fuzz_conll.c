/*
** fuzz_conll.c - libFuzzer target for the CoNLL reader of `khabar ner
** --conll` and `khabar train-ner` (src/cli/conll.c), and for tagging the
** pre-tokenized words it produces with the built-in model.
**
** The first byte chooses whether tags are required. A parse that succeeds
** must give words in order, inside the text, with the first word starting a
** sentence, and documents that start sentences, in order; tagging each
** document must give one tag per word. A parse that fails must
** say why. Anything else abort()s.
*/
#include "khabar.h"

#include "cli/conll.c"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what)
{
    fprintf(stderr, "fuzz_conll: %s\n", what);
    abort();
}

/* One analyzer and recognizer for the whole run: loading the model for
** every input would measure the loader, which has its own target. */
static kh_analyzer *an_handle;
static kh_ner *ner;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > (1u << 16)) return 0;
    if (!an_handle && (kh_analyzer_new(NULL, &an_handle) != KH_OK ||
                       (kh_ner_has_builtin() && kh_ner_new(NULL, &ner, NULL) != KH_OK)))
        die("setup failed");
    int want_tags = data[0] & 1;
    cli_conll c;
    char err[200] = "";
    if (cli_conll_parse(data + 1, size - 1, want_tags, &c, err, sizeof err)) {
        if (!err[0]) die("a failed parse without a message");
        return 0;
    }
    for (size_t i = 0; i < c.nwords; i++) {
        const kh_word *w = &c.words[i];
        if (w->start > w->end || w->end > c.len || (i && w->start <= c.words[i - 1].end) ||
            c.tags[i] >= KH_NER_NTAGS)
            die("word out of range or order");
        if (i == 0 && !(w->flags & KH_WORD_SENTENCE_START))
            die("the first word does not start a sentence");
    }
    if ((c.nwords && (!c.ndocs || c.docs[0] != 0)) || (!c.nwords && c.ndocs))
        die("documents do not cover the words");
    for (size_t d = 1; d < c.ndocs; d++)
        if (c.docs[d] <= c.docs[d - 1] || c.docs[d] >= c.nwords ||
            !(c.words[c.docs[d]].flags & KH_WORD_SENTENCE_START))
            die("a document out of order or not starting a sentence");
    /* each document tagged on its own, as khabar ner --conll does */
    kh_word *w = NULL;
    size_t capw = 0;
    for (size_t d = 0; d < c.ndocs && ner; d++) {
        const uint8_t *text;
        size_t len, n;
        const kh_analysis *an;
        const kh_ner_result *r;
        if (cli_conll_doc(&c, d, &text, &len, &w, &capw, &n)) die("out of memory");
        if (!n || w[n - 1].end != len || w[0].start != 0)
            die("a document's words and text disagree");
        if (kh_analyze(an_handle, text, len, &an) != KH_OK) continue;
        if (kh_ner_tag(ner, text, len, an, w, n, &r) != KH_OK) die("tagging failed");
        if (r->nwords != n) die("not one tag per word");
    }
    free(w);
    cli_conll_free(&c);
    return 0;
}
