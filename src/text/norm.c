/*
** norm.c - search-key normalization for Arabic and Latin text (see norm.h).
**
** Order (primer §2.3): NFC → presentation forms to base letters → drop
** controls → drop harakat, U+0670 and Quranic marks → drop tatweel → alef
** variants → ى → (ة, in keys only) → hamza seats → Persian look-alikes →
** digits to ASCII → case folding. For Arabic the NFC step only matters for
** the hamza and madda marks (U+0653–0655), which we compose by hand onto the
** letter before them: everything else NFC could compose is later dropped.
**
** Guarantees: the input is never written; output depends only on the bytes.
*/
#include "text/norm.h"

#include "text/chars.h"
#include "text/utf8.h"

#include <utf8proc.h>

/* Composes a hamza/madda mark onto the previous letter (NFC for Arabic). */
static int compose_mark(kh_letter *prev, uint32_t mark)
{
    uint32_t c = prev->disp, r = 0;
    if (c == KH_CP_ALEF)
        r = mark == 0x0653   ? KH_CP_ALEF_MADDA
            : mark == 0x0654 ? KH_CP_ALEF_HAMZA_ABOVE
                             : KH_CP_ALEF_HAMZA_BELOW;
    else if (c == KH_CP_WAW && mark == 0x0654)
        r = KH_CP_WAW_HAMZA;
    else if (c == KH_CP_YEH && mark == 0x0654)
        r = KH_CP_YEH_HAMZA;
    else if (c == 0x06D5 && mark == 0x0654)
        r = 0x06C0;
    if (!r) return 0;
    prev->disp = r;
    prev->lex = kh_norm_lexfold(r, kh_fold(r));
    return 1;
}

size_t kh_norm_letters(const uint8_t *s, size_t n, kh_letter *out)
{
    size_t k = 0, i = 0;
    while (i < n) {
        uint32_t len;
        uint32_t cp = kh_utf8_decode(s + i, n - i, &len);
        uint32_t st = (uint32_t)i;
        i += len;
        if (cp == KH_CP_INVALID) {
            out[k++] = (kh_letter){KH_CP_REPLACEMENT, KH_CP_REPLACEMENT, st, (uint32_t)i};
            continue;
        }
        if (cp >= 0x0653 && cp <= 0x0655 && k > 0 && out[k - 1].end == st &&
            compose_mark(&out[k - 1], cp)) {
            out[k - 1].end = (uint32_t)i; /* the mark's bytes belong to the letter */
            continue;
        }
        uint32_t pf[KH_PF_MAX];
        int m = kh_presentation_expand(cp, pf);
        if (m >= 0) {
            for (int j = 0; j < m; j++)
                out[k++] =
                    (kh_letter){pf[j], kh_norm_lexfold(pf[j], kh_fold(pf[j])), st, (uint32_t)i};
            continue;
        }
        uint32_t f = kh_fold(cp);
        if (f == 0) continue; /* marks, tatweel, controls: gone from the key, bytes kept */
        if (f < 0x80 && f >= 'A' && f <= 'Z') f |= 0x20;
        out[k++] = (kh_letter){cp, kh_norm_lexfold(cp, f), st, (uint32_t)i};
    }
    return k;
}

size_t kh_norm_text(const uint8_t *s, size_t n, uint8_t *out, int32_t *tmp)
{
    size_t k = 0, i = 0;
    int slow = 0; /* non-ASCII outside the Arabic block: needs NFC + case folding */
    while (i < n) {
        uint32_t len;
        uint32_t cp = kh_utf8_decode(s + i, n - i, &len);
        i += len;
        if (cp == KH_CP_INVALID) {
            tmp[k++] = KH_CP_REPLACEMENT;
            continue;
        }
        if (cp < 0x80) {
            tmp[k++] = (int32_t)((cp >= 'A' && cp <= 'Z') ? (cp | 0x20) : cp);
            continue;
        }
        uint32_t pf[KH_PF_MAX];
        int m = kh_presentation_expand(cp, pf);
        if (m >= 0) {
            for (int j = 0; j < m; j++)
                tmp[k++] = (int32_t)kh_norm_tm(kh_fold(pf[j]));
            continue;
        }
        if (cp == KH_CP_ARABIC_DECIMAL)
            cp = '.';
        else if (cp == KH_CP_ARABIC_THOUSANDS)
            cp = ',';
        else if (cp == KH_CP_ARABIC_PERCENT)
            cp = '%';
        uint32_t f = kh_norm_tm(kh_fold(cp));
        if (f == 0) continue;
        if (f >= 0x80 && !(f >= 0x0600 && f <= 0x06FF)) slow = 1;
        tmp[k++] = (int32_t)f;
    }
    if (slow) {
        /* NFC then case folding; utf8proc works in place on our buffer. */
        utf8proc_ssize_t r =
            utf8proc_normalize_utf32(tmp, (utf8proc_ssize_t)k, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (r >= 0) k = (size_t)r;
        size_t o = 0;
        for (size_t j = 0; j < k; j++) {
            utf8proc_int32_t lo = utf8proc_tolower(tmp[j]);
            o += kh_utf8_encode((uint32_t)lo, out + o);
        }
        out[o] = 0;
        return o;
    }
    size_t o = 0;
    for (size_t j = 0; j < k; j++)
        o += kh_utf8_encode((uint32_t)tmp[j], out + o);
    out[o] = 0;
    return o;
}
