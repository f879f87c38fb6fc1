/*
** namekey.c - the variant-insensitive key of a name (primer §7.6).
**
** A search key (text/norm.c) already merges alef and hamza forms, ى/ي and
** ة/ه. A name key goes further, because foreign names have no fixed Arabic
** spelling: بوتين/بوتن, وانغ/وانج, زابوريجيا/زابوروجيا, أمريكي/أميركي. After
** the search-key folding:
**   1. in each word, the letters foreign g is written with (غ ج ق ك گ)
**      become one, and ڤ → ف, پ → ب, چ → ج - unless the word is in the
**      native list, where these letters tell words apart (جمال and كمال
**      are two names);
**   2. the words are joined (عبد الله = عبدالله, أبو ظبي = أبوظبي);
**   3. after the first letter, ا و ي and the hamza are dropped (long vowels
**      are written or not);
**   4. a final ه (ة) is dropped (سوريا/سورية) when 3+ letters precede it;
**   5. a letter written twice in a row is kept once (transcriptions double
**      a consonant or not: هيلاري/هيللاري).
** Latin letters are lower-cased; digits kept. The per-word form (sep = 1)
** applies 3-5 to each word and separates the words with '|', for matching
** a surname against a full name.
**
** The key is deliberately lossy: it says "may be the same name". Callers
** that merge across documents confirm with context (type, co-occurring
** entities), as the primer asks.
*/
#include "ner/names.h"

#include "text/chars.h"
#include "text/utf8.h"

#include <stdlib.h>

#define CP_GAF   0x06AF
#define CP_PEH   0x067E
#define CP_VEH   0x06A4
#define CP_TCHEH 0x0686
#define CP_GHAIN 0x063A
#define CP_JEEM  0x062C
#define CP_QAF   0x0642
/* The letter that stands for all spellings of g. Gaf is the one letter of
** the class that folded native words never hold, so a native جمال and a
** foreign name written كمال cannot end up with one key. */
#define G_CLASS CP_GAF

static int is_sep(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == 0x00A0 ||
           c == KH_CP_ZWNJ;
}

/* Search-key folding of one code point (0: dropped). */
static uint32_t fold(uint32_t c)
{
    if (c == KH_CP_INVALID) return KH_CP_REPLACEMENT;
    c = kh_fold(c);
    if (c == KH_CP_TEH_MARBUTA) return KH_CP_HEH;
    if (c >= 'A' && c <= 'Z') return c + 32;
    return c;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_native(const kh_native_list *nl, const char *w)
{
    if (!nl || !nl->n) return 0;
    return bsearch(&w, nl->words, nl->n, sizeof *nl->words, cmp_str) != NULL;
}

/* Folds one word into fw (NUL-terminated UTF-8, room for 4 * n + 1).
** Returns its code point count. */
static size_t fold_word(const uint8_t *s, size_t n, char *fw, uint32_t *cps)
{
    size_t k = 0, o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t l;
        uint32_t c = fold(kh_utf8_decode(s + i, n - i, &l));
        i += l;
        if (!c) continue;
        cps[k++] = c;
        o += kh_utf8_encode(c, (uint8_t *)fw + o);
    }
    fw[o] = 0;
    return k;
}

/* Folds the g, v and p letters of a foreign word in place (step 1). */
static void fold_foreign(uint32_t *cps, size_t k)
{
    for (size_t i = 0; i < k; i++) {
        uint32_t c = cps[i];
        if (c == CP_GHAIN || c == CP_JEEM || c == CP_QAF || c == KH_CP_KAF || c == CP_GAF ||
            c == CP_TCHEH)
            cps[i] = G_CLASS;
        else if (c == CP_VEH)
            cps[i] = KH_CP_FEH;
        else if (c == CP_PEH)
            cps[i] = KH_CP_BEH;
    }
}

/* Writes the key of a letter sequence (steps 2-4). */
static size_t key_letters(const uint32_t *cps, size_t k, uint8_t *out)
{
    size_t o = 0;
    uint32_t prev = 0;
    size_t last = k;
    if (k >= 3 && cps[k - 1] == KH_CP_HEH) last = k - 1;
    for (size_t i = 0; i < last; i++) {
        uint32_t c = cps[i];
        int repeat = c == prev;
        prev = c;
        if (i > 0 && (c == KH_CP_ALEF || c == KH_CP_WAW || c == KH_CP_YEH || c == KH_CP_HAMZA))
            continue;
        if (repeat) continue;
        o += kh_utf8_encode(c, out + o);
    }
    return o;
}

/* A name's words split and folded: all letters in one array (words joined,
** or at most max_words of them), with the foreign letters folded word by
** word. OUT: starts[w] the first letter of word w; returns the letter
** count, *nw the words. */
#define MAX_LETTERS 256
#define MAX_WORDS   32

static size_t split_fold(const kh_native_list *nl, const uint8_t *name, size_t len, uint32_t *cps,
                         size_t *starts, size_t *nw)
{
    char fw[4 * MAX_LETTERS + 1];
    size_t k = 0;
    *nw = 0;
    for (size_t i = 0; i < len && *nw < MAX_WORDS;) {
        uint32_t l;
        while (i < len && is_sep(kh_utf8_decode(name + i, len - i, &l)))
            i += l;
        size_t b = i;
        while (i < len && !is_sep(kh_utf8_decode(name + i, len - i, &l)))
            i += l;
        if (i == b) break;
        /* a word longer than the room left is keyed by its first letters */
        size_t room = MAX_LETTERS - k, e = b, n = 0;
        while (e < i && n < room) {
            kh_utf8_decode(name + e, i - e, &l);
            e += l;
            n++;
        }
        size_t wk = fold_word(name + b, e - b, fw, cps + k);
        if (!wk) continue;
        if (!is_native(nl, fw)) fold_foreign(cps + k, wk);
        starts[(*nw)++] = k;
        k += wk;
        if (k == MAX_LETTERS) break;
    }
    return k;
}

kh_status kh_name_key_list(const kh_native_list *nl, const uint8_t *name, size_t len, int sep,
                           char *out, size_t cap, size_t *outlen)
{
    if ((!name && len) || !out || !cap) return KH_EINVAL;
    out[0] = 0;
    if (outlen) *outlen = 0;
    uint32_t cps[MAX_LETTERS];
    size_t starts[MAX_WORDS + 1], nw;
    size_t k = split_fold(nl, name, len, cps, starts, &nw);
    starts[nw] = k;
    uint8_t kw[4 * MAX_LETTERS + MAX_WORDS];
    size_t o = 0;
    if (!sep) {
        /* the words joined first: عبد الله keys as عبدالله */
        o = key_letters(cps, k, kw);
    } else {
        for (size_t w = 0; w < nw; w++) {
            if (w) kw[o++] = '|';
            o += key_letters(cps + starts[w], starts[w + 1] - starts[w], kw + o);
        }
    }
    if (o + 1 > cap) return KH_ELIMIT;
    memcpy(out, kw, o);
    out[o] = 0;
    if (outlen) *outlen = o;
    return KH_OK;
}

size_t kh_name_fold(const uint8_t *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t l;
        uint32_t c = fold(kh_utf8_decode(s + i, n - i, &l));
        i += l;
        if (c) o += kh_utf8_encode(c, (uint8_t *)out + o);
    }
    out[o] = 0;
    return o;
}

size_t kh_name_spelled(const uint8_t *s, size_t n, char *out)
{
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            i++;
        size_t b = i;
        while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            i++;
        if (i > b) o += kh_name_fold(s + b, i - b, out + o);
    }
    return o;
}

/* Folded letters of a name, words joined, separators dropped; at most
** MAX_LETTERS. Returns the count. */
static size_t joined_letters(const uint8_t *s, size_t n, uint32_t *cps)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < MAX_LETTERS;) {
        uint32_t l;
        uint32_t c = kh_utf8_decode(s + i, n - i, &l);
        i += l;
        if (is_sep(c) || !(c = fold(c))) continue;
        cps[k++] = c;
    }
    return k;
}

static int weak_letter(uint32_t c)
{
    return c == KH_CP_ALEF || c == KH_CP_WAW || c == KH_CP_YEH || c == KH_CP_HAMZA;
}

/* The weak letters (ا و ي ء) after the first letter, in order. */
static size_t weak_seq(const uint32_t *cps, size_t k, uint32_t *out)
{
    size_t o = 0;
    for (size_t i = 1; i < k; i++)
        if (weak_letter(cps[i])) out[o++] = cps[i];
    return o;
}

/* Edit distance of a and b, when it is at most 1; else 2. */
static int within_one(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    if (na > nb + 1 || nb > na + 1) return 2;
    size_t i = 0;
    while (i < na && i < nb && a[i] == b[i])
        i++;
    if (i == na && i == nb) return 0;
    if (na == nb) return memcmp(a + i + 1, b + i + 1, (na - i - 1) * sizeof *a) ? 2 : 1;
    if (na > nb) return memcmp(a + i + 1, b + i, (nb - i) * sizeof *a) ? 2 : 1;
    return memcmp(a + i, b + i + 1, (na - i) * sizeof *a) ? 2 : 1;
}

int kh_name_close(const uint8_t *a, size_t na, const uint8_t *b, size_t nb)
{
    uint32_t ca[MAX_LETTERS], cb[MAX_LETTERS], wa[MAX_LETTERS], wb[MAX_LETTERS];
    size_t ka = joined_letters(a, na, ca), kb = joined_letters(b, nb, cb);
    int ha = ka >= 3 && ca[ka - 1] == KH_CP_HEH, hb = kb >= 3 && cb[kb - 1] == KH_CP_HEH;
    if (ha != hb) {
        /* سوريا/سورية: a final ة stands for the other's final ا only */
        const uint32_t *o = ha ? cb : ca;
        size_t ko = ha ? kb : ka;
        if (!ko || o[ko - 1] != KH_CP_ALEF) return 0;
        if (ha)
            ka--;
        else
            kb--;
    }
    size_t sa = weak_seq(ca, ka, wa), sb = weak_seq(cb, kb, wb);
    return within_one(wa, sa, wb, sb) <= 1;
}
