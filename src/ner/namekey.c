/*
** namekey.c - the variant-insensitive key of a name (primer §7.6).
**
** A search key (text/norm.c) already merges alef and hamza forms, ى/ي and
** ة/ه. A name key goes further, because foreign names have no fixed Arabic
** spelling: بوتين/بوتن, وانغ/وانج, زابوريجيا/زابوروجيا, أمريكي/أميركي. Per
** word, after the search-key folding:
**   1. the letters foreign g is written with (غ ج ق ك گ) become one, and
**      ڤ → ف, پ → ب, چ → ج - unless the word is in the native list, where
**      these letters tell words apart (جمال and كمال are two names);
**   2. after the first letter, ا و ي and the hamza are dropped (long vowels
**      are written or not);
**   3. a final ه (ة) is dropped (سوريا/سورية) from words of 3+ letters;
**   4. a letter written twice in a row is kept once (transcriptions double
**      a consonant or not: هيلاري/هيللاري);
** and the words are joined without spaces (عبد الله = عبدالله, أبو ظبي =
** أبوظبي). Latin letters are lower-cased; digits kept.
**
** The key is deliberately lossy: it says "may be the same name". Callers
** that merge across documents confirm with context (type, co-occurring
** entities), as the primer asks.
*/
#include "ner/names.h"

#include "text/chars.h"
#include "text/utf8.h"

#include <stdlib.h>

#define CP_GAF 0x06AF
#define CP_PEH 0x067E
#define CP_VEH 0x06A4
#define CP_TCHEH 0x0686
#define CP_GHAIN 0x063A
#define CP_JEEM 0x062C
#define CP_QAF 0x0642
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
    if (c == KH_CP_INVALID)
        return KH_CP_REPLACEMENT;
    c = kh_fold(c);
    if (c == KH_CP_TEH_MARBUTA)
        return KH_CP_HEH;
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    return c;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_native(const kh_native_list *nl, const char *w)
{
    if (!nl || !nl->n)
        return 0;
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
        if (!c)
            continue;
        cps[k++] = c;
        o += kh_utf8_encode(c, (uint8_t *)fw + o);
    }
    fw[o] = 0;
    return k;
}

/* Appends the key of one folded word. */
static size_t key_word(const uint32_t *cps, size_t k, int native, uint8_t *out)
{
    size_t o = 0;
    uint32_t prev = 0;
    size_t last = k;
    if (k >= 3 && cps[k - 1] == KH_CP_HEH)
        last = k - 1;
    for (size_t i = 0; i < last; i++) {
        uint32_t c = cps[i];
        if (!native) {
            if (c == CP_GHAIN || c == CP_JEEM || c == CP_QAF || c == KH_CP_KAF || c == CP_GAF ||
                c == CP_TCHEH)
                c = G_CLASS;
            else if (c == CP_VEH)
                c = KH_CP_FEH;
            else if (c == CP_PEH)
                c = KH_CP_BEH;
        }
        int repeat = c == prev;
        prev = c;
        if (i > 0 && (c == KH_CP_ALEF || c == KH_CP_WAW || c == KH_CP_YEH || c == KH_CP_HAMZA))
            continue;
        if (repeat)
            continue;
        o += kh_utf8_encode(c, out + o);
    }
    return o;
}

kh_status kh_name_key_list(const kh_native_list *nl, const uint8_t *name, size_t len, int sep,
                           char *out, size_t cap, size_t *outlen)
{
    if ((!name && len) || !out || !cap)
        return KH_EINVAL;
    size_t o = 0;
    out[0] = 0;
    if (outlen)
        *outlen = 0;
    /* a word's folded form and code points live in small buffers; a longer
    ** word is keyed in pieces of 64 letters, which no real name reaches */
    char fw[4 * 64 + 1];
    uint32_t cps[64];
    uint8_t kw[4 * 64];
    int any = 0;
    for (size_t i = 0; i < len;) {
        uint32_t l;
        while (i < len && is_sep(kh_utf8_decode(name + i, len - i, &l)))
            i += l;
        size_t b = i, nl_cps = 0;
        while (i < len && !is_sep(kh_utf8_decode(name + i, len - i, &l)) && nl_cps < 64) {
            i += l;
            nl_cps++;
        }
        if (i == b)
            break;
        size_t k = fold_word(name + b, i - b, fw, cps);
        if (!k)
            continue;
        size_t kl = key_word(cps, k, is_native(nl, fw), kw);
        if (o + kl + (sep && any) + 1 > cap)
            return KH_ELIMIT;
        if (sep && any)
            out[o++] = '|';
        memcpy(out + o, kw, kl);
        o += kl;
        any = 1;
    }
    out[o] = 0;
    if (outlen)
        *outlen = o;
    return KH_OK;
}

size_t kh_name_fold(const uint8_t *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t l;
        uint32_t c = fold(kh_utf8_decode(s + i, n - i, &l));
        i += l;
        if (c)
            o += kh_utf8_encode(c, (uint8_t *)out + o);
    }
    out[o] = 0;
    return o;
}
