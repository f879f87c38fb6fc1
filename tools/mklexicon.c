/*
** mklexicon.c - learns the clitic lexicon (data/lexicon.c) from raw text.
**
** usage: mklexicon CORPUS.txt > data/lexicon.c
**
** 1. Count every Arabic word of the corpus in lexicon form (norm.h).
** 2. For each word type, list the splits the grammar allows (seg.c).
** 3. Expectation-maximization over a unigram model in which a word is a
**    stem drawn from theta, with a proclitic chain drawn from pi and an
**    enclitic from rho, each independent. Each word type counts with
**    weight 1 + log(count): whole-word frequency alone would let frequent
**    forms such as وقال keep their own stem, while counting types lets a
**    stem shared by many forms (قال, وقال, فقال, قالها) win, and a tail
**    that no other word shares (انغ in وانغ) lose.
** 4. Write, for every type seen twice or more, its count and chosen split,
**    and for every stem its token mass, plus pi and rho for unseen words.
**
** The corpus text is never written out; only counts and decisions are.
*/
#include "analysis/lexicon.h"
#include "analysis/seg.h"
#include "khabar.h"
#include "text/norm.h"
#include "text/tok.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ITERATIONS      8
#define MIN_COUNT       2   /* types written to the table */
#define MIN_MASS        2.0 /* stems written to the table */
#define NAME_BOOST      20.0
#define PARADIGM_WEIGHT 3.0

/* ---- a growable string → index map ---------------------------------- */

typedef struct item {
    uint32_t off, len;
    double count;       /* whole-word occurrences */
    double mass;        /* token mass as a stem (final) */
    double theta;       /* stem weight in the current iteration */
    double next;        /* accumulator */
    uint32_t maks, yeh; /* final ى vs ي spellings */
    int name;           /* from the names list: never split */
    int32_t first_cand, ncand;
    uint16_t seg;
} item;

typedef struct map {
    char *blob;
    size_t bloblen, blobcap;
    item *items;
    size_t n, cap;
    uint32_t *slots;
    size_t nslots;
} map;

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q) {
        fprintf(stderr, "mklexicon: out of memory\n");
        exit(1);
    }
    return q;
}

static void map_rehash(map *m)
{
    size_t ns = m->nslots ? m->nslots * 2 : 1u << 16;
    uint32_t *s = calloc(ns, sizeof *s);
    if (!s) exit(1);
    for (size_t i = 0; i < m->n; i++) {
        uint32_t h = kh_lex_hash((uint8_t *)m->blob + m->items[i].off, m->items[i].len) & (ns - 1);
        while (s[h])
            h = (h + 1) & (ns - 1);
        s[h] = (uint32_t)i + 1;
    }
    free(m->slots);
    m->slots = s;
    m->nslots = ns;
}

static int32_t map_get(map *m, const uint8_t *k, size_t n, int create)
{
    if (m->n * 2 >= m->nslots) map_rehash(m);
    uint32_t h = kh_lex_hash(k, n) & (m->nslots - 1);
    while (m->slots[h]) {
        item *it = &m->items[m->slots[h] - 1];
        if (it->len == n && memcmp(m->blob + it->off, k, n) == 0) return (int32_t)m->slots[h] - 1;
        h = (h + 1) & (m->nslots - 1);
    }
    if (!create) return -1;
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 1 << 16;
        m->items = xrealloc(m->items, m->cap * sizeof *m->items);
    }
    if (m->bloblen + n > m->blobcap) {
        m->blobcap = (m->blobcap + n) * 2;
        m->blob = xrealloc(m->blob, m->blobcap);
    }
    memcpy(m->blob + m->bloblen, k, n);
    item *it = &m->items[m->n];
    memset(it, 0, sizeof *it);
    it->off = (uint32_t)m->bloblen;
    it->len = (uint32_t)n;
    it->first_cand = -1;
    m->bloblen += n;
    m->slots[h] = (uint32_t)m->n + 1;
    return (int32_t)m->n++;
}

/* ---- candidates of every type ----------------------------------------- */

typedef struct tcand {
    kh_cand c;
    int32_t stem; /* item index */
    double post;
    double ev; /* kh_seg_evidence() */
} tcand;

static tcand *cands;
static size_t ncands, capcands;

static void count_corpus(map *m, const uint8_t *text, size_t len)
{
    kh_tokenizer t;
    kh_tok_init(&t, text, len);
    kh_rawtok rt;
    kh_letter *L = NULL;
    size_t capL = 0;
    uint8_t buf[1024];
    while (kh_tok_next(&t, &rt)) {
        if (rt.kind != KH_TOK_ARABIC) continue;
        size_t n = rt.end - rt.start;
        if (n > 200) continue;
        if (kh_norm_letters_cap(n) > capL) {
            capL = kh_norm_letters_cap(n);
            L = xrealloc(L, capL * sizeof *L);
        }
        size_t nl = kh_norm_letters(text + rt.start, n, L);
        if (nl < 1 || nl > 60) continue;
        uint32_t lex[64];
        for (size_t i = 0; i < nl; i++)
            lex[i] = L[i].lex;
        size_t bl = kh_seg_utf8(lex, 0, nl, buf);
        int32_t id = map_get(m, buf, bl, 1);
        m->items[id].count += 1;
        if (L[nl - 1].disp == 0x0649)
            m->items[id].maks++;
        else if (L[nl - 1].disp == 0x064A)
            m->items[id].yeh++;
    }
    free(L);
}

/* Decodes an item's UTF-8 back to code points. */
static size_t item_cps(const map *m, const item *it, uint32_t *out)
{
    const uint8_t *s = (const uint8_t *)m->blob + it->off;
    size_t n = 0;
    for (size_t i = 0; i < it->len;) {
        uint8_t c = s[i];
        uint32_t cp;
        if (c < 0x80) {
            cp = c;
            i += 1;
        } else if (c < 0xE0) {
            cp = ((uint32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
            i += 2;
        } else if (c < 0xF0) {
            cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) |
                 (s[i + 2] & 0x3F);
            i += 3;
        } else {
            cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[i + 1] & 0x3F) << 12) |
                 ((uint32_t)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
            i += 4;
        }
        out[n++] = cp;
    }
    return n;
}

/* Paradigm evidence for an enclitic split: a noun or verb stem shows up
** with several different pronouns (نظيره، نظيرها، نظيرهم), a word that
** merely ends in ه (وجه، مياه) does not. 1 + the number of other third-
** person pronouns attested on the same stem, capped. */
static double paradigm(map *m, size_t ntypes, const uint32_t *lex, size_t n, const kh_cand *c)
{
    static const uint8_t *const PRON[] = {
        (const uint8_t *)"\xd9\x87", (const uint8_t *)"\xd9\x87\xd8\xa7",
        (const uint8_t *)"\xd9\x87\xd9\x85", (const uint8_t *)"\xd9\x87\xd9\x85\xd8\xa7"};
    uint8_t buf[600];
    size_t sl = kh_seg_utf8(lex, c->np, n - c->ne, buf);
    if ((c->restore & KH_RESTORE_TM) && sl >= 2)
        buf[sl - 1] = 0xAA; /* the stem as written before a pronoun: ت */
    const char *own = kh_seg_enclitic(c->enc);
    int others = 0;
    for (size_t i = 0; i < sizeof PRON / sizeof PRON[0]; i++) {
        size_t pl = strlen((const char *)PRON[i]);
        if (own && strcmp(own, (const char *)PRON[i]) == 0) continue;
        memcpy(buf + sl, PRON[i], pl);
        int32_t id = map_get(m, buf, sl + pl, 0);
        if (id >= 0 && (size_t)id < ntypes && m->items[id].count >= 1) others++;
    }
    return 1.0 + PARADIGM_WEIGHT * others;
}

static void build_candidates(map *m, size_t ntypes)
{
    uint32_t lex[64];
    uint8_t buf[512];
    kh_cand cs[KH_SEG_MAXCAND];
    for (size_t i = 0; i < ntypes; i++) {
        size_t n = item_cps(m, &m->items[i], lex);
        int nc = n >= 2 ? kh_seg_candidates(lex, n, cs) : 1;
        if (n < 2) cs[0] = (kh_cand){0, 0, 0, 0, 0, 0, (uint8_t)n, 0};
        int forced = -1;
        for (int k = 0; k < nc; k++)
            if (cs[k].forced) forced = k;
        m->items[i].first_cand = (int32_t)ncands;
        for (int k = 0; k < nc; k++) {
            if (forced >= 0 && k != forced) continue;
            /* ال + stem and ال + word, for the article test */
            uint8_t al[520] = {0xD8, 0xA7, 0xD9, 0x84};
            size_t sl = kh_seg_stem_key(lex, n, &cs[k], al + 4);
            int32_t a1 = map_get(m, al, sl + 4, 0);
            double as = a1 >= 0 && (size_t)a1 < ntypes ? m->items[a1].count : 0;
            int32_t s1 = map_get(m, al + 4, sl, 0);
            double sc = s1 >= 0 && (size_t)s1 < ntypes ? m->items[s1].count : 0;
            size_t wl = kh_seg_utf8(lex, 0, n, al + 4);
            int32_t a2 = map_get(m, al, wl + 4, 0);
            double aw = a2 >= 0 && (size_t)a2 < ntypes ? m->items[a2].count : 0;
            double vc = 0;
            size_t apos = kh_seg_alef_at(&cs[k]);
            if (apos != SIZE_MAX && n - cs[k].ne - apos >= 4 && lex[apos] == 0x0627) {
                uint8_t vb[520] = {0xD9, 0x8A}; /* ي + the rest after the alef */
                size_t vl = kh_seg_utf8(lex, apos + 1, n - cs[k].ne, vb + 2);
                int32_t v = map_get(m, vb, vl + 2, 0);
                vc = v >= 0 && (size_t)v < ntypes ? m->items[v].count : 0;
            }
            double ev = kh_seg_evidence(&cs[k], as, aw, sc, vc);
            if (cs[k].enc) ev *= paradigm(m, ntypes, lex, n, &cs[k]);
            if (m->items[i].name && !cs[k].np && !cs[k].ne)
                ev *= NAME_BOOST; /* a known name is likely one word, unless
                                  ** the corpus says otherwise (باسم = ب+اسم) */
            sl = kh_seg_stem_key(lex, n, &cs[k], buf);
            int32_t st = map_get(m, buf, sl, 1);
            if (ncands == capcands) {
                capcands = capcands ? capcands * 2 : 1 << 18;
                cands = xrealloc(cands, capcands * sizeof *cands);
            }
            cands[ncands++] = (tcand){cs[k], st, 0.0, ev};
        }
        m->items[i].ncand = (int32_t)(ncands - (size_t)m->items[i].first_cand);
    }
}

/* Marks every word of the names list (one per line, lexicon form is
** computed here) as a name that is never split. */
static void mark_names(map *m, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    char line[512];
    kh_letter L[4200];
    uint8_t buf[1100];
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n");
        if (n == 0 || n > 400) continue;
        size_t nl = kh_norm_letters((uint8_t *)line, n, L);
        if (nl < 3 || nl > 60) continue;
        uint32_t lex[64];
        for (size_t i = 0; i < nl; i++)
            lex[i] = L[i].lex;
        size_t bl = kh_seg_utf8(lex, 0, nl, buf);
        m->items[map_get(m, buf, bl, 1)].name = 1;
    }
    fclose(f);
}

static double type_weight(double count)
{
    return 1.0 + log(count);
}

/* Prior for a stem that no other word supports: ALPHA * BETA^letters. It
** stands in for "a new stem", so a split whose stem only this word uses is
** worth little more than keeping the word whole. */
#define ALPHA 1.0
#define BETA  0.5

static double new_stem(const item *it)
{
    return ALPHA * pow(BETA, it->len / 2.0); /* Arabic letters are 2 bytes */
}

/* Chain rates as a product of per-slot rates (conjunction, preposition or
** future, article): a rare chain such as و+ل+ال then keeps the rate its
** parts imply instead of one estimated from its own few words, which EM
** can drive to zero. */
static void factor_chains(const double *npi, double ztot, double *pi)
{
    double conj[3] = {0}, prep[5] = {0}, det[2] = {0};
    for (int k = 0; k < KH_LEX_NCHAIN; k++) {
        if (KH_CHAIN_CONJ(k) > 2 || KH_CHAIN_PREP(k) > 4) continue;
        conj[KH_CHAIN_CONJ(k)] += npi[k];
        prep[KH_CHAIN_PREP(k)] += npi[k];
        det[KH_CHAIN_DET(k)] += npi[k];
    }
    for (int k = 0; k < KH_LEX_NCHAIN; k++) {
        if (KH_CHAIN_CONJ(k) > 2 || KH_CHAIN_PREP(k) > 4) {
            pi[k] = 1e-6;
            continue;
        }
        pi[k] = (conj[KH_CHAIN_CONJ(k)] / ztot) * (prep[KH_CHAIN_PREP(k)] / ztot) *
                    (det[KH_CHAIN_DET(k)] / ztot) +
                1e-6;
    }
}

static void em(map *m, size_t ntypes, double *pi, double *rho)
{
    /* iteration 0: every split of a word is as likely as any other, so that
    ** a stem shared by many words gathers support from all of them */
    for (size_t i = 0; i < ntypes; i++) {
        item *w = &m->items[i];
        tcand *c = cands + w->first_cand;
        for (int k = 0; k < w->ncand; k++)
            c[k].post = 1.0 / w->ncand;
    }
    for (size_t i = 0; i < m->n; i++)
        m->items[i].theta = 0.0;
    for (size_t i = 0; i < ntypes; i++) {
        item *w = &m->items[i];
        tcand *c = cands + w->first_cand;
        for (int k = 0; k < w->ncand; k++)
            m->items[c[k].stem].theta += type_weight(w->count) * c[k].post;
    }
    for (int k = 0; k < KH_LEX_NCHAIN; k++)
        pi[k] = k == 0 ? 0.5 : 0.05;
    for (int k = 0; k < KH_LEX_NENC; k++)
        rho[k] = k == 0 ? 0.8 : 0.02;
    double npi[KH_LEX_NCHAIN], nrho[KH_LEX_NENC];
    for (int it = 0; it < ITERATIONS; it++) {
        memset(npi, 0, sizeof npi);
        memset(nrho, 0, sizeof nrho);
        for (size_t i = 0; i < m->n; i++)
            m->items[i].next = 0;
        double ztot = 0;
        for (size_t i = 0; i < ntypes; i++) {
            item *w = &m->items[i];
            tcand *c = cands + w->first_cand;
            double wt = type_weight(w->count), z = 0;
            double p[KH_SEG_MAXCAND];
            for (int k = 0; k < w->ncand; k++) {
                /* leave this type out of its stems' support */
                item *st = &m->items[c[k].stem];
                double th = st->theta - wt * c[k].post;
                if (th < 0) th = 0;
                p[k] = (th + new_stem(st)) * pi[c[k].c.chain] * rho[c[k].c.enc] * c[k].ev;
                z += p[k];
            }
            for (int k = 0; k < w->ncand; k++) {
                double q = z > 0 ? p[k] / z : (k == 0);
                c[k].post = q;
                m->items[c[k].stem].next += wt * q;
                npi[c[k].c.chain] += wt * q;
                nrho[c[k].c.enc] += wt * q;
            }
            ztot += wt;
        }
        for (size_t i = 0; i < m->n; i++)
            m->items[i].theta = m->items[i].next;
        factor_chains(npi, ztot, pi);
        /* a floor: EM can starve a rare pronoun (كم) to nothing */
        for (int k = 0; k < KH_LEX_NENC; k++)
            rho[k] = nrho[k] / ztot + 1e-3;
    }
}

static void decide(map *m, size_t ntypes)
{
    for (size_t i = 0; i < m->n; i++)
        m->items[i].mass = 0;
    for (size_t i = 0; i < ntypes; i++) {
        item *w = &m->items[i];
        tcand *c = cands + w->first_cand;
        int best = 0;
        for (int k = 1; k < w->ncand; k++)
            if (c[k].post > c[best].post) best = k;
        w->seg = KH_LEX_SEG_MAKE(c[best].c.np, c[best].c.ne, c[best].c.restore);
        for (int k = 0; k < w->ncand; k++)
            m->items[c[k].stem].mass += w->count * c[k].post;
    }
}

/* ---- output ------------------------------------------------------------ */

static void write_table(const map *m, size_t ntypes, const double *pi, const double *rho,
                        double total)
{
    /* keep: frequent types and stems with mass */
    uint32_t *keep = calloc(m->n, sizeof *keep);
    size_t nk = 0;
    for (size_t i = 0; i < m->n; i++) {
        const item *it = &m->items[i];
        if ((i < ntypes && it->count >= MIN_COUNT) || it->mass >= MIN_MASS || it->name)
            keep[nk++] = (uint32_t)i;
    }
    size_t nslots = 1;
    while (nslots < nk + nk / 2) /* at most two thirds full: probes stay short */
        nslots <<= 1;
    uint32_t *slots = calloc(2 * nslots, sizeof *slots);
    printf("/* Generated by tools/mklexicon (make data) from ANT v1.1, ARCD, XQuAD-ar and\n"
           "** WikiFANE text; see data/NOTICE. Do not edit. %zu entries. */\n"
           "#include \"analysis/lexicon.h\"\n\nstatic const uint8_t BLOB[] =\n",
           nk);
    size_t off = 0;
    uint32_t *offs = calloc(nk, sizeof *offs);
    for (size_t j = 0; j < nk; j++) {
        const item *it = &m->items[keep[j]];
        if (j % 8 == 0) printf("%s\"", j ? "\"\n" : "");
        fwrite(m->blob + it->off, 1, it->len, stdout);
        offs[j] = (uint32_t)off;
        off += it->len;
    }
    printf("\";\n\nstatic const kh_lex_entry ENTRIES[] = {\n");
    for (size_t j = 0; j < nk; j++) {
        const item *it = &m->items[keep[j]];
        int is_type = keep[j] < ntypes && it->count >= MIN_COUNT;
        unsigned flags = (it->maks > it->yeh) ? KH_LEXF_MAKSURA : 0;
        unsigned seg = is_type ? (unsigned)it->seg : 0u;
        if (it->name) {
            flags |= KH_LEXF_NAME;
            if (!is_type) /* a name the corpus never saw: keep it whole */
                seg = KH_LEX_SEG_MAKE(0, 0, 0);
        }
        printf("{%u,%u,%u,%u,%u,%u},\n", offs[j], is_type ? (unsigned)it->count : 0u,
               (unsigned)(it->mass + 0.5), seg, it->len, flags);
        uint32_t full = kh_lex_hash((uint8_t *)m->blob + it->off, it->len);
        uint32_t h = full & (uint32_t)(nslots - 1);
        while (slots[2 * h])
            h = (h + 1) & (uint32_t)(nslots - 1);
        slots[2 * h] = (uint32_t)j + 1;
        slots[2 * h + 1] = full;
    }
    printf("};\n\nstatic const uint32_t SLOTS[%zu] = {\n", 2 * nslots);
    for (size_t i = 0; i < 2 * nslots; i++)
        printf("%u,%s", slots[i], i % 8 == 7 ? "\n" : "");
    printf("};\n\nstatic const float CHAIN[%d] = {", KH_LEX_NCHAIN);
    for (int k = 0; k < KH_LEX_NCHAIN; k++)
        printf("%.6gf,", pi[k]);
    printf("};\nstatic const float ENC[%d] = {", KH_LEX_NENC);
    for (int k = 0; k < KH_LEX_NENC; k++)
        printf("%.6gf,", rho[k]);
    printf("};\n\nstatic const kh_lexicon LEX = {BLOB, ENTRIES, %zu, SLOTS, %zu, CHAIN, ENC, "
           "%.0fu};\n\n"
           "const kh_lexicon *kh_lex_builtin(void)\n{\n    return &LEX;\n}\n",
           nk, nslots, total);
    free(keep);
    free(slots);
    free(offs);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: mklexicon CORPUS.txt NAMES.txt > data/lexicon.c\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    map m;
    memset(&m, 0, sizeof m);
    static uint8_t chunk[1 << 20];
    size_t carry = 0, r;
    double total = 0;
    /* read line-aligned chunks so that no word is cut */
    while ((r = fread(chunk + carry, 1, sizeof chunk - carry, f)) > 0 || carry) {
        size_t len = carry + r, cut = len;
        if (r > 0)
            while (cut > 0 && chunk[cut - 1] != '\n')
                cut--;
        if (cut == 0) cut = len;
        count_corpus(&m, chunk, cut);
        memmove(chunk, chunk + cut, len - cut);
        carry = len - cut;
        if (r == 0) break;
    }
    fclose(f);
    size_t ntypes = m.n;
    for (size_t i = 0; i < ntypes; i++)
        total += m.items[i].count;
    mark_names(&m, argv[2]);
    build_candidates(&m, ntypes);
    double pi[KH_LEX_NCHAIN], rho[KH_LEX_NENC];
    em(&m, ntypes, pi, rho);
    decide(&m, ntypes);
    fprintf(stderr, "mklexicon: %.0f words, %zu types, %zu stems and types, %zu candidates\n",
            total, ntypes, m.n, ncands);
    if (getenv("MKLEXICON_DEBUG")) { /* print the posteriors of the listed words */
        char *list = strdup(getenv("MKLEXICON_DEBUG")), *save = NULL;
        for (char *w = strtok_r(list, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
            int32_t id = map_get(&m, (uint8_t *)w, strlen(w), 0);
            if (id < 0 || (size_t)id >= ntypes) {
                fprintf(stderr, "%s: not a type\n", w);
                continue;
            }
            item *it = &m.items[id];
            for (int k = 0; k < it->ncand; k++) {
                tcand *c = cands + it->first_cand + k;
                item *st = &m.items[c->stem];
                fprintf(
                    stderr,
                    "%s count %.0f: np %d ne %d chain %d enc %d stem %.*s theta %.2f post %.3f\n",
                    w, it->count, c->c.np, c->c.ne, c->c.chain, c->c.enc, (int)st->len,
                    m.blob + st->off, st->theta, c->post);
            }
        }
        free(list);
    }
    write_table(&m, ntypes, pi, rho, total);
    return 0;
}
