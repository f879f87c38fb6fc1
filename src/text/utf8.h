/*
** utf8.h - strict UTF-8 decoding for the analyzer.
**
** kh_utf8_decode() reads one code point and says how many bytes it took.
** Invalid input (overlongs, surrogates, > U+10FFFF, truncated sequences,
** stray continuation bytes) decodes as one byte of KH_CP_INVALID, so a
** caller can replace it and keep every later offset exact.
*/
#ifndef KH_UTF8_H
#define KH_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define KH_CP_INVALID     0xFFFFFFFFu
#define KH_CP_REPLACEMENT 0xFFFDu

/* Decodes the code point at s[0..n) (n >= 1). OUT: *len bytes consumed
** (1 for an invalid byte). Returns the code point or KH_CP_INVALID. */
static inline uint32_t kh_utf8_decode(const uint8_t *s, size_t n, uint32_t *len)
{
    uint8_t c = s[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    *len = 1;
    if (c < 0xC2 || c > 0xF4)
        return KH_CP_INVALID; /* continuation byte, overlong lead, or beyond U+10FFFF */
    if (c < 0xE0) {
        if (n < 2 || (s[1] & 0xC0) != 0x80) return KH_CP_INVALID;
        *len = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return KH_CP_INVALID;
        uint32_t cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
            return KH_CP_INVALID; /* overlong or surrogate */
        *len = 3;
        return cp;
    }
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
        return KH_CP_INVALID;
    uint32_t cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
                  ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return KH_CP_INVALID;
    *len = 4;
    return cp;
}

/* Appends cp as UTF-8 to out (room for 4 bytes assumed). Returns bytes written. */
static inline uint32_t kh_utf8_encode(uint32_t cp, uint8_t *out)
{
    if (cp < 0x80) {
        out[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (uint8_t)(0xC0 | (cp >> 6));
        out[1] = (uint8_t)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (uint8_t)(0xE0 | (cp >> 12));
        out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (uint8_t)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | (cp >> 18));
    out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (uint8_t)(0x80 | (cp & 0x3F));
    return 4;
}

#endif
