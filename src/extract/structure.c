/*
** structure.c - lines of an article: headline, subheadings, boilerplate and
** the dateline (arabic-news-primer.md §5.1–5.3).
**
** A line is the unit here because news bodies are one paragraph per line and
** headlines and subheadings end at a line break, not at punctuation. The
** rules, in order:
**   headline     the first non-empty line (unless KH_XF_NO_TITLE);
**   boilerplate  a line opened by a promotion word (للمزيد، تابعونا، اقرأ
**                أيضا ...) within its length limit, a rights line (الحقوق
**                محفوظة, ©), or a short line naming two social networks;
**   subheading   a short line (1–8 words) with no final punctuation, with a
**                non-empty line before and after it;
**   dateline     CITY - (AGENCY) - / CITY (AGENCY) - / CITY - AGENCY: at the
**                start of the first body line.
*/
#include "extract/extract.h"

#include <string.h>

#define SUBHEAD_MAX_WORDS 8
#define TITLE_MAX_TOKENS  40

static int is_space(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

#define TAGS_MAX_TOKENS 16 /* as the line opener سمات may open */

/* Where the page's tags (سمات, then a few words to the line's end) start
** on line L right after a sentence's end, or 0. سمات is also a word
** ("features": من سمات المرحلة); after a full stop it opens no sentence. */
static uint32_t trailing_tags(kh_extractor *x, const kx_line *L)
{
    if (L->last - L->first < 3) return 0;
    uint32_t from = L->last > L->first + TAGS_MAX_TOKENS ? L->last - TAGS_MAX_TOKENS : L->first + 1;
    for (uint32_t k = from; k + 1 < L->last; k++)
        if ((x->tk[k - 1].flags & (KX_T_TERM | KX_T_QMARK)) && !x->tk[k].pro &&
            kx_norm_is(x, k, "سمات"))
            return k;
    return 0;
}

static void split_lines(kh_extractor *x)
{
    const kh_analysis *A = x->A;
    size_t ti = 0;
    for (size_t pos = 0; pos <= x->len;) {
        const uint8_t *nl = pos < x->len ? memchr(x->text + pos, '\n', x->len - pos) : NULL;
        size_t end = nl ? (size_t)(nl - x->text) : x->len;
        size_t s = pos, e = end;
        while (s < e && is_space(x->text[s]))
            s++;
        while (e > s && is_space(x->text[e - 1]))
            e--;
        kx_line L = {(uint32_t)s, (uint32_t)e, (uint32_t)ti, (uint32_t)ti, KX_LINE_EMPTY};
        while (ti < A->ntokens && A->tokens[ti].start < end) {
            x->tk[ti].line = (uint32_t)x->nlines;
            ti++;
        }
        L.last = (uint32_t)ti;
        if (L.last > L.first) L.kind = KX_LINE_BODY;
        uint32_t tags = trailing_tags(x, &L);
        if (tags) {
            /* … والتفرغ لعائلتي». سمات تجميل عمر غادة عبدالرزاق: the page's tags
            ** run on after the last sentence; they are a line of their own */
            kx_line T = {A->tokens[tags].start, L.end, tags, L.last, KX_LINE_BODY};
            L.last = tags;
            L.end = A->tokens[tags - 1].end;
            if (KX_PUSH(x, x->lines, x->nlines, x->caplines, L)) return;
            for (uint32_t k = tags; k < T.last; k++)
                x->tk[k].line = (uint32_t)x->nlines;
            L = T;
        }
        if (KX_PUSH(x, x->lines, x->nlines, x->caplines, L)) return;
        if (!nl) break;
        pos = end + 1;
    }
}

/* Boilerplate openers and the longest line (in tokens) each may open. */
static const struct {
    const char *word;
    uint32_t max_tokens;
} OPENERS[] = {
    {"للمزيد", 40}, {"تابعونا", 40}, {"تابعنا", 40}, {"اقرأ", 30},    {"اقرا", 30}, {"لمتابعة", 30},
    {"شارك", 8},    {"شاركوا", 12},  {"اشترك", 15},  {"اشتركوا", 15}, {"حمل", 10},  {"حمّل", 10},
    {"مواضيع", 6},  {"أخبار", 4},    {"رابط", 8},    {"انقر", 15},    {"اضغط", 15}, {"المصدر", 8},
    {"الآراء", 30}, {"سمات", 16}, /* سمات جهاد خلف الحربي داعش: the page's tags, a run of names */
};

static const char RIGHTS[] = "محفوظة"; /* جميع الحقوق محفوظة */

static int word_is(kh_extractor *x, size_t i, const char *lit)
{
    return kx_norm_is(x, i, lit);
}

static uint32_t count_words(kh_extractor *x, const kx_line *L);

static int is_boilerplate(kh_extractor *x, const kx_line *L)
{
    uint32_t ntok = L->last - L->first;
    uint32_t first = L->first;
    while (first < L->last && !(x->tk[first].flags & KX_T_WORD) && !x->tk[first].e)
        first++;
    if (first == L->last) return 0;
    for (size_t k = 0; k < sizeof OPENERS / sizeof OPENERS[0]; k++)
        if (ntok <= OPENERS[k].max_tokens && word_is(x, first, OPENERS[k].word)) return 1;
    uint32_t social = 0, says = 0;
    for (uint32_t i = L->first; i < L->last; i++) {
        if (kx_is(x, i, KX_BOILER) && x->A->tokens[i].kind == KH_TOK_SYMBOL) return 1; /* © */
        if (word_is(x, i, RIGHTS) && i > L->first) return 1;
        if (kx_is(x, i, KX_SOCIAL)) social++;
        if (x->tk[i].flags & KX_T_PARTICLE) says = 1;
    }
    /* تابعونا على فيسبوك وتويتر; but تقول شركتا فيسبوك وتويتر إنهما …: a
    ** line that reports a statement is news about the networks, and so is
    ** one where the networks are a few words of many (واستجاب انستغرام،
    ** المملوك لشركة فيسبوك، لطلب من سلطة الرقابة … : 2 of 27) */
    return social >= 2 && ntok <= 30 && !says && social * 5 >= count_words(x, L);
}

static int ends_open(kh_extractor *x, const kx_line *L)
{
    const kh_token *t = &x->A->tokens[L->last - 1];
    return t->kind == KH_TOK_ARABIC || t->kind == KH_TOK_LATIN || t->kind == KH_TOK_NUMBER;
}

static uint32_t count_words(kh_extractor *x, const kx_line *L)
{
    uint32_t n = 0;
    for (uint32_t i = L->first; i < L->last; i++)
        n += (x->tk[i].flags & KX_T_WORD) != 0;
    return n;
}

static int is_subheading(kh_extractor *x, size_t li)
{
    const kx_line *L = &x->lines[li];
    uint32_t words = count_words(x, L);
    if (words == 0 || words > SUBHEAD_MAX_WORDS || !ends_open(x, L)) return 0;
    for (uint32_t i = L->first; i < L->last; i++)
        if (x->tk[i].flags & (KX_T_TERM | KX_T_COLON | KX_T_QMARK)) return 0;
    int before = 0, after = 0;
    for (size_t j = li; j-- > 0;)
        if (x->lines[j].kind != KX_LINE_EMPTY) {
            before = 1;
            break;
        }
    for (size_t j = li + 1; j < x->nlines; j++)
        if (x->lines[j].kind != KX_LINE_EMPTY) {
            after = x->lines[j].kind == KX_LINE_BODY;
            break;
        }
    return before && after;
}

/* Tokens [i, j) are 1-3 words of a place name. */
static int place_words(kh_extractor *x, uint32_t i, uint32_t j)
{
    if (j <= i || j - i > 3) return 0;
    for (uint32_t k = i; k < j; k++)
        if (!(x->tk[k].flags & KX_T_WORD) || kx_is(x, k, KX_STOP | KX_SAY)) return 0;
    return 1;
}

/* The dateline at the start of line L, if any. */
static void find_dateline(kh_extractor *x, const kx_line *L)
{
    const kh_token *T = x->A->tokens;
    uint32_t i = L->first, end = L->last < L->first + 16 ? L->last : L->first + 16;
    uint32_t p = i;
    while (p < end && (x->tk[p].flags & KX_T_WORD))
        p++;
    if (p == end || !place_words(x, i, p)) return;
    if ((x->tk[p].flags & KX_T_COMMA) && p + 1 < end) {
        /* واشنطن، الولايات المتحدة (CNN) --: the city, then its country */
        uint32_t q = p + 1;
        while (q < end && (x->tk[q].flags & KX_T_WORD))
            q++;
        if (q < end && place_words(x, p + 1, q) && (x->tk[q].flags & KX_T_OPENP)) p = q;
    }
    if (!(x->tk[p].flags & (KX_T_DASH | KX_T_OPENP))) return;
    kh_span place = kx_span(T[i].start, T[p - 1].end);
    uint32_t a = p + ((x->tk[p].flags & KX_T_DASH) != 0);
    int paren = 0;
    if (a < end && (x->tk[a].flags & (KX_T_OPENP | KX_T_QMARK))) {
        paren = 1;
        a++;
    }
    uint32_t b = a;
    while (b < end && !(x->tk[b].flags & (KX_T_DASH | KX_T_COLON | KX_T_CLOSEP | KX_T_QMARK |
                                          KX_T_COMMA | KX_T_TERM)))
        b++;
    kh_dateline *d = &x->doc.dateline;
    uint32_t last = b;
    if (b < end && b > a && b - a <= 5 &&
        (paren || kx_is(x, a, KX_AGENCY) || (x->tk[b].flags & (KX_T_DASH | KX_T_COLON)))) {
        d->agency = kx_span(T[a].start, T[b - 1].end);
        if (paren && (x->tk[b].flags & (KX_T_CLOSEP | KX_T_QMARK))) b++;
        if (b < end && (x->tk[b].flags & (KX_T_DASH | KX_T_COLON))) {
            last = b;
            while (last + 1 < end && (x->tk[last + 1].flags & KX_T_DASH))
                last++; /* (CNN) -- */
        } else if (paren)
            last = b - 1;
        else
            return;
    } else if (x->tk[p].flags & KX_T_DASH) {
        last = p; /* CITY - text: the place alone */
    } else {
        return;
    }
    d->place = place;
    d->span = kx_span(T[i].start, T[last].end);
}

void kx_structure(kh_extractor *x)
{
    x->doc.title = kx_none();
    x->doc.dateline.span = x->doc.dateline.place = x->doc.dateline.agency = kx_none();
    if (x->nomem) return;
    split_lines(x);
    if (x->nomem) return;
    int have_title = (x->opts.flags & KH_XF_NO_TITLE) != 0;
    for (size_t li = 0; li < x->nlines; li++) {
        kx_line *L = &x->lines[li];
        if (L->kind == KX_LINE_EMPTY) continue;
        if (!have_title) {
            have_title = 1;
            if (L->last - L->first <= TITLE_MAX_TOKENS) {
                L->kind = KX_LINE_TITLE;
                x->doc.title = kx_span(L->start, L->end);
                continue;
            }
        }
        if (is_boilerplate(x, L)) L->kind = KX_LINE_BOILER;
    }
    int first_body = 1;
    for (size_t li = 0; li < x->nlines; li++) {
        kx_line *L = &x->lines[li];
        if (L->kind == KX_LINE_BOILER) {
            KX_PUSH(x, x->boiler, x->nboiler, x->capboiler, kx_span(L->start, L->end));
            continue;
        }
        if (L->kind != KX_LINE_BODY) continue;
        if (!first_body && is_subheading(x, li)) {
            L->kind = KX_LINE_SUBHEAD;
            KX_PUSH(x, x->subheads, x->nsubheads, x->capsubheads, kx_span(L->start, L->end));
            continue;
        }
        if (first_body) find_dateline(x, L);
        first_body = 0;
    }
}
