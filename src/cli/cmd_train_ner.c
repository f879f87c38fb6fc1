/*
** cmd_train_ner.c - `khabar train-ner`: learns an entity model from CoNLL files.
**
** Thin: reads the files, hands them to the library's trainer (kh_ner_trainer_*
** in khabar.h), prints one line per epoch on stderr, writes the model. Given
** the same files and options it writes the same bytes.
*/
#include "cli.h"

#include "khabar.h"

#include <stdlib.h>
#include <string.h>

static void help(FILE *f)
{
    fputs("usage: khabar train-ner --train FILE [--dev FILE] --model OUT [OPTIONS]\n"
          "\n"
          "Trains the entity recognizer (an averaged structured perceptron over\n"
          "khabar's analysis of each word, or with --loss crf a linear-chain CRF over\n"
          "the same features) and writes a model for khabar ner --model.\n"
          "FILE: one token per line, TAB, its IOB2 tag (B-PER, I-ORG, O ...; ANERcorp's\n"
          "PERS is read as PER); a blank line ends a sentence.\n"
          "\n"
          "options:\n"
          "  --train FILE         training data (required)\n"
          "  --dev FILE           held-out data: scored after each epoch, and the\n"
          "                       epoch with the best F1 on it is the one written\n"
          "  --model OUT          where to write the model (required)\n"
          "  --epochs N           passes over the training data (default 12)\n"
          "  --bits B             2^B weight rows (default 20; 10..24)\n"
          "  --seed S             shuffling seed (default 1)\n"
          "  --seeds K            train K models (seeds S .. S+K-1) and write their\n"
          "                       mean (default 1)\n"
          "  --prune X            drop weights smaller than X (default 0.05)\n"
          "  --recall-bias X      lower every word's score for O by X, for recall;\n"
          "                       'tune' chooses X on --dev each epoch (default 0)\n"
          "  --dropout X          leave out this share of a word's features in each\n"
          "                       training step (0 <= X < 1; default 0)\n"
          "  --loss L             perceptron (default) or crf: conditional\n"
          "                       log-likelihood, AdaGrad, averaged (features\n"
          "                       base, gaz, clusters only; no dropout)\n"
          "  --l2 X               crf: L2 strength (default 0.3)\n"
          "  --rate X             crf: AdaGrad step size (default 0.1)\n"
          "  --features LIST      feature groups, comma-separated: base, gaz,\n"
          "                       clusters, pairs, doc (default base,gaz,clusters)\n"
          "  --gazetteer TYPE=FILE  a list of names, one per line; TYPE is PER, ORG,\n"
          "                       LOC, MISC, or STOP for stopwords (repeatable)\n"
          "  --clusters FILE      word clusters, lines BITS<TAB>WORD[<TAB>COUNT]\n"
          "  -h, --help           this help\n"
          "\n"
          "example:\n"
          "  khabar train-ner --train train.conll --dev dev.conll --model ner.khm \\\n"
          "      --gazetteer LOC=places.txt --gazetteer STOP=stopwords.txt\n",
          f);
}

typedef struct gaz_arg {
    unsigned type;
    const char *path;
} gaz_arg;

static int parse_uint(const char *s, unsigned long max, unsigned long *out)
{
    char *end;
    if (!s || !*s) return -1;
    unsigned long v = strtoul(s, &end, 10);
    if (*end || v > max) return -1;
    *out = v;
    return 0;
}

static int parse_features(const char *s, uint32_t *out)
{
    /* must match KH_FEAT_* in src/ner/feat.h */
    static const struct {
        const char *name;
        uint32_t bit;
    } F[] = {{"base", 1}, {"gaz", 2}, {"clusters", 4}, {"pairs", 8}, {"doc", 16}};
    *out = 0;
    while (s && *s) {
        size_t n = strcspn(s, ",");
        int found = 0;
        for (size_t i = 0; i < sizeof F / sizeof *F; i++)
            if (strlen(F[i].name) == n && !memcmp(s, F[i].name, n)) {
                *out |= F[i].bit;
                found = 1;
            }
        if (!found) return -1;
        s += n + (s[n] == ',');
    }
    return *out ? 0 : -1;
}

/* Reads a CoNLL file and adds it to the trainer. Returns 0 or 1. */
static int add_file(kh_ner_trainer *t, const char *path, int dev)
{
    cli_buf in;
    if (cli_read_file(path, &in)) return 1;
    cli_conll c;
    char err[200];
    if (cli_conll_parse(in.data, in.len, 1, &c, err, sizeof err)) {
        fprintf(stderr, "khabar train-ner: %s: %s\n", path, err);
        free(in.data);
        return 1;
    }
    free(in.data);
    kh_status st = kh_ner_trainer_add(t, c.text, c.len, c.words, c.tags, c.nwords, dev);
    size_t sentences = 0;
    for (size_t i = 0; i < c.nwords; i++)
        sentences += (c.words[i].flags & KH_WORD_SENTENCE_START) != 0;
    if (!st)
        fprintf(stderr, "khabar train-ner: %s: %zu tokens, %zu sentences%s\n", path, c.nwords,
                sentences, dev ? " (dev)" : "");
    cli_conll_free(&c);
    if (st) {
        fprintf(stderr, "khabar train-ner: %s: %s\n", path, kh_ner_trainer_error(t)->message);
        return 1;
    }
    return 0;
}

static int add_list(kh_ner_trainer *t, const char *path, int clusters, unsigned type)
{
    cli_buf in;
    if (cli_read_file(path, &in)) return 1;
    kh_status st = clusters ? kh_ner_trainer_clusters(t, in.data, in.len)
                            : kh_ner_trainer_gazetteer(t, type, in.data, in.len);
    free(in.data);
    if (st) {
        fprintf(stderr, "khabar train-ner: %s: %s\n", path, kh_ner_trainer_error(t)->message);
        return 1;
    }
    return 0;
}

static int write_model(const char *path, const uint8_t *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(p, 1, n, f) != n || fclose(f) != 0) {
        perror(path);
        return 1;
    }
    return 0;
}

/* Trains one model with options o on the lists and files given, printing
** one line per epoch. Returns the trainer, or NULL after printing why. */
static kh_ner_trainer *train_one(const kh_ner_train_opts *o, const gaz_arg *gaz, size_t ngaz,
                                 const char *clusters, const char *train, const char *dev)
{
    kh_ner_trainer *t;
    if (kh_ner_trainer_new(o, &t) != KH_OK) {
        fprintf(stderr, "khabar train-ner: cannot create the trainer\n");
        return NULL;
    }
    for (size_t k = 0; k < ngaz; k++)
        if (add_list(t, gaz[k].path, 0, gaz[k].type)) goto fail;
    if ((clusters && add_list(t, clusters, 1, 0)) || add_file(t, train, 0) ||
        (dev && add_file(t, dev, 1)))
        goto fail;
    uint32_t epochs = o->epochs ? o->epochs : 12;
    double t0 = cli_now();
    for (uint32_t e = 0; e < epochs; e++) {
        kh_ner_epoch ep;
        if (kh_ner_trainer_epoch(t, &ep) != KH_OK) {
            fprintf(stderr, "khabar train-ner: %s\n", kh_ner_trainer_error(t)->message);
            goto fail;
        }
        if (dev)
            fprintf(stderr,
                    "epoch %2u  mistakes %6llu  dev P %.4f R %.4f F1 %.4f  bias %g%s  (%.1fs)\n",
                    ep.epoch, (unsigned long long)ep.mistakes, ep.dev_precision, ep.dev_recall,
                    ep.dev_f1, ep.recall_bias, ep.best ? "  *" : "", cli_now() - t0);
        else
            fprintf(stderr, "epoch %2u  mistakes %6llu  (%.1fs)\n", ep.epoch,
                    (unsigned long long)ep.mistakes, cli_now() - t0);
        if (o->loss == KH_NER_LOSS_CRF) /* a line of its own: scripts read the one above */
            fprintf(stderr, "         negative log-likelihood %.1f\n", ep.loss);
    }
    return t;
fail:
    kh_ner_trainer_free(t);
    return NULL;
}

int cmd_train_ner(int argc, char **argv)
{
    const char *train = NULL, *dev = NULL, *model = NULL, *clusters = NULL;
    kh_ner_train_opts o;
    memset(&o, 0, sizeof o);
    gaz_arg *gaz = calloc((size_t)argc + 1, sizeof *gaz);
    size_t ngaz = 0;
    unsigned long seeds = 1;
    int rc = 2;
    if (!gaz) return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        unsigned long x;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            help(stdout);
            free(gaz);
            return 0;
        } else if (!strcmp(a, "--train") && v) {
            train = argv[++i];
        } else if (!strcmp(a, "--dev") && v) {
            dev = argv[++i];
        } else if (!strcmp(a, "--model") && v) {
            model = argv[++i];
        } else if (!strcmp(a, "--clusters") && v) {
            clusters = argv[++i];
        } else if (!strcmp(a, "--epochs") && !parse_uint(v, 1000, &x) && x) {
            o.epochs = (uint32_t)x;
            i++;
        } else if (!strcmp(a, "--bits") && !parse_uint(v, 24, &x) && x >= 10) {
            o.hash_bits = (uint32_t)x;
            i++;
        } else if (!strcmp(a, "--seeds") && !parse_uint(v, 16, &x) && x) {
            seeds = x;
            i++;
        } else if (!strcmp(a, "--seed") && !parse_uint(v, UINT32_MAX, &x) && x) {
            o.seed = (uint32_t)x;
            i++;
        } else if (!strcmp(a, "--prune") && v) {
            char *end;
            double p = strtod(v, &end);
            if (*end || p < 0) {
                fprintf(stderr, "khabar train-ner: --prune takes a number >= 0\n");
                goto out;
            }
            o.prune = p > 0 ? (float)p : -1.0f;
            i++;
        } else if (!strcmp(a, "--recall-bias") && v) {
            char *end;
            double rb = strtod(v, &end);
            if (!strcmp(v, "tune")) {
                o.recall_bias = -1;
            } else if (*end || rb < 0) {
                fprintf(stderr, "khabar train-ner: --recall-bias takes a number >= 0 or tune\n");
                goto out;
            } else {
                o.recall_bias = (float)rb;
            }
            i++;
        } else if (!strcmp(a, "--dropout") && v) {
            char *end;
            double p = strtod(v, &end);
            if (*end || !(p >= 0 && p < 1)) {
                fprintf(stderr, "khabar train-ner: --dropout takes a number from 0 up to 1\n");
                goto out;
            }
            o.dropout = (float)p;
            i++;
        } else if (!strcmp(a, "--loss") && v) {
            if (!strcmp(v, "perceptron")) {
                o.loss = KH_NER_LOSS_PERCEPTRON;
            } else if (!strcmp(v, "crf")) {
                o.loss = KH_NER_LOSS_CRF;
            } else {
                fprintf(stderr, "khabar train-ner: --loss takes perceptron or crf\n");
                goto out;
            }
            i++;
        } else if ((!strcmp(a, "--l2") || !strcmp(a, "--rate")) && v) {
            char *end;
            double p = strtod(v, &end);
            int l2 = a[2] == 'l';
            if (*end || !(l2 ? p >= 0 : p > 0) || !(p < 1e6)) {
                fprintf(stderr, "khabar train-ner: %s takes a number %s\n", a, l2 ? ">= 0" : "> 0");
                goto out;
            }
            if (l2)
                o.l2 = p > 0 ? (float)p : 1e-30f; /* 0 means the default: nearly none */
            else
                o.rate = (float)p;
            i++;
        } else if (!strcmp(a, "--features") && v) {
            if (parse_features(v, &o.features)) {
                fprintf(stderr, "khabar train-ner: --features takes base,gaz,clusters,pairs,doc\n");
                goto out;
            }
            i++;
        } else if (!strcmp(a, "--gazetteer") && v) {
            const char *eq = strchr(v, '=');
            static const char *const T[] = {"STOP", "PER", "ORG", "LOC", "MISC"};
            unsigned type = 99;
            for (unsigned k = 0; eq && k < 5; k++)
                if (strlen(T[k]) == (size_t)(eq - v) && !memcmp(v, T[k], (size_t)(eq - v)))
                    type = k;
            if (type == 99 || !eq[1]) {
                fprintf(stderr, "khabar train-ner: --gazetteer takes TYPE=FILE, TYPE one of "
                                "PER ORG LOC MISC STOP\n");
                goto out;
            }
            gaz[ngaz++] = (gaz_arg){type, eq + 1};
            i++;
        } else {
            fprintf(stderr, "khabar train-ner: bad option or value '%s' (see --help)\n", a);
            goto out;
        }
    }
    if (!train || !model) {
        fprintf(stderr, "khabar train-ner: --train and --model are required (see --help)\n");
        goto out;
    }
    kh_ner_trainer *t = NULL;
    rc = 1;
    for (unsigned long k = 0; k < seeds; k++) {
        kh_ner_train_opts ok = o;
        ok.seed = (o.seed ? o.seed : 1) + (uint32_t)k;
        kh_ner_trainer *one = train_one(&ok, gaz, ngaz, clusters, train, dev);
        if (!one) goto done;
        if (!t) {
            t = one;
            continue;
        }
        kh_status st = kh_ner_trainer_merge(t, one);
        kh_ner_trainer_free(one);
        if (st) {
            fprintf(stderr, "khabar train-ner: merging the seeds' models failed\n");
            goto done;
        }
    }
    const uint8_t *img;
    size_t n;
    if (kh_ner_trainer_model(t, &img, &n) != KH_OK) {
        fprintf(stderr, "khabar train-ner: %s\n", kh_ner_trainer_error(t)->message);
        goto done;
    }
    if (write_model(model, img, n)) goto done;
    fprintf(stderr, "khabar train-ner: wrote %s (%zu bytes)\n", model, n);
    rc = 0;
done:
    kh_ner_trainer_free(t);
out:
    free(gaz);
    return rc;
}
