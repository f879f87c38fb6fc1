/*
** dates.c - dates and numbers (arabic-news-primer.md §3.1, §5.4–5.6).
**
** Dates: month names of both Gregorian systems, alone or paired
** (فبراير/شباط, مايو (أيار)), with a day before and a year after when the
** text gives them; Hijri months (ربيع الأول، ذو الحجة); numeric dates
** (22/3/2024, 2024-03-22); عام 2024; relative dates (اليوم، أمس، غدا، الشهر
** الماضي، العام المقبل), resolved against the article date when it is known.
** Month names that are also ordinary words (مارس، آب، تموز، نيسان) count only
** next to a day, a year, another month name or the word شهر.
**
** Numbers: number tokens in any digit set (144، ١٤٤، 1,000.5، ١٢٫٥، 50%)
** times a following scale word (3.5 مليار), and cardinal number words
** (ثلاثة وعشرون، خمسة آلاف). Tokens inside dates and boilerplate are left out.
*/
#include "extract/extract.h"

#include "text/utf8.h"

#include <string.h>

static const kh_token *tok(const kh_extractor *x, uint32_t i)
{
    return &x->A->tokens[i];
}

static int skip_line(const kh_extractor *x, uint32_t i)
{
    return x->lines[x->tk[i].line].kind == KX_LINE_BOILER;
}

static int norm_is(kh_extractor *x, uint32_t i, const char *lit)
{
    return kx_norm_is(x, i, lit);
}

/* Integer value of a plain number token (ASCII digits after folding), or -1. */
static long small_int(const kh_extractor *x, uint32_t i)
{
    if (i >= x->A->ntokens || tok(x, i)->kind != KH_TOK_NUMBER) return -1;
    const kh_token *t = tok(x, i);
    long v = 0;
    for (uint32_t k = 0; k < t->norm_len; k++) {
        char c = t->norm[k];
        if (c < '0' || c > '9' || v > 100000) return -1;
        v = v * 10 + (c - '0');
    }
    return t->norm_len ? v : -1;
}

static int is_slash(const kh_extractor *x, uint32_t i)
{
    return i < x->A->ntokens && tok(x, i)->end - tok(x, i)->start == 1 &&
           x->text[tok(x, i)->start] == '/';
}

/* Month of the Gregorian month name at i (1..12), consuming a second word
** for كانون/تشرين; 0 if none. */
static int month_at(kh_extractor *x, uint32_t i, uint32_t *end, int *ambiguous)
{
    if (!kx_is(x, i, KX_MONTH)) return 0;
    const kx_entry *e = x->tk[i].e;
    *end = i + 1;
    *ambiguous = e->needs_next;
    if (e->val) return e->val;
    /* كانون الثاني = 1, كانون الأول = 12, تشرين الأول = 10, تشرين الثاني = 11 */
    int kanun = norm_is(x, i, "كانون");
    if (norm_is(x, i + 1, "الأول")) {
        *end = i + 2;
        return kanun ? 12 : 10;
    }
    if (norm_is(x, i + 1, "الثاني")) {
        *end = i + 2;
        return kanun ? 1 : 11;
    }
    return 0;
}

static int hijri_at(kh_extractor *x, uint32_t i, uint32_t *end, int *ambiguous)
{
    if (!kx_is(x, i, KX_HIJRI)) return 0;
    const kx_entry *e = x->tk[i].e;
    *end = i + 1;
    *ambiguous = e->needs_next;
    static const struct {
        int base;
        const char *second;
        int month;
    } TWO[] = {{3, "الأول", 3},   {3, "الآخر", 4},    {3, "الثاني", 4},
               {5, "الأولى", 5},  {5, "الأول", 5},    {5, "الآخرة", 6},
               {5, "الثانية", 6}, {11, "القعدة", 11}, {11, "الحجة", 12}};
    for (size_t k = 0; k < sizeof TWO / sizeof TWO[0]; k++)
        if (TWO[k].base == e->val && (e->val == 3 || e->val == 5 || e->val == 11) &&
            norm_is(x, i + 1, TWO[k].second)) {
            *end = i + 2;
            *ambiguous = 0;
            return TWO[k].month;
        }
    if (e->val == 3 || e->val == 5 || e->val == 11)
        return 0; /* ربيع، جمادى، ذو need their second word */
    return e->val;
}

static int days_in_month(int y, int m)
{
    static const int D[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return D[(m - 1) % 12];
}

/* Resolves a relative date against the article date, if known. */
static void resolve(const kh_extractor *x, kh_date *d)
{
    const kh_extract_opts *o = &x->opts;
    if (!o->year) return;
    int y = o->year, m = o->month, day = o->day;
    switch (d->rel_unit) {
    case KH_REL_DAY:
        if (!m || !day) return;
        day += d->rel;
        while (day < 1) {
            if (--m < 1) {
                m = 12;
                y--;
            }
            day += days_in_month(y, m);
        }
        while (day > days_in_month(y, m)) {
            day -= days_in_month(y, m);
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
        d->year = y, d->month = m, d->day = day;
        break;
    case KH_REL_MONTH:
        if (!m) return;
        m += d->rel;
        while (m < 1) {
            m += 12;
            y--;
        }
        while (m > 12) {
            m -= 12;
            y++;
        }
        d->year = y, d->month = m;
        break;
    case KH_REL_YEAR:
        d->year = y + d->rel;
        break;
    default:
        break;
    }
}

static void push_date(kh_extractor *x, uint32_t a, uint32_t b, int y, int m, int day)
{
    kh_date d;
    memset(&d, 0, sizeof d);
    d.span = kx_span(tok(x, a)->start, tok(x, b - 1)->end);
    d.year = y, d.month = m, d.day = day;
    KX_PUSH(x, x->dates, x->ndates, x->capdates, d);
}

/* A Gregorian or Hijri month at i, with its day, pair and year. Returns the
** token after the date, or i if there is none. */
static uint32_t month_date(kh_extractor *x, uint32_t i)
{
    uint32_t end;
    int amb = 0, hijri = 0;
    int m = month_at(x, i, &end, &amb);
    if (!m) {
        m = hijri_at(x, i, &end, &amb);
        hijri = m != 0;
    }
    if (!m) return i;
    uint32_t a = i, b = end;
    int paired = 0;
    /* فبراير/شباط or مايو (أيار) */
    uint32_t e2;
    int amb2;
    if (!hijri && is_slash(x, b) && month_at(x, b + 1, &e2, &amb2)) {
        b = e2;
        paired = 1;
    } else if (!hijri && b + 2 < x->A->ntokens && (x->tk[b].flags & KX_T_OPENP) &&
               month_at(x, b + 1, &e2, &amb2) && (x->tk[e2].flags & KX_T_CLOSEP)) {
        b = e2 + 1;
        paired = 1;
    }
    long day = a > 0 ? small_int(x, a - 1) : -1;
    int y = 0;
    long yr = small_int(x, b);
    if (yr >= 1000 && yr <= 2200) {
        y = (int)yr;
        b++;
        if (b < x->A->ntokens && (norm_is(x, b, "م") || norm_is(x, b, "هـ")) &&
            tok(x, b)->start == tok(x, b - 1)->end)
            b++;
    }
    int d = 0;
    if (day >= 1 && day <= 31 && tok(x, a - 1)->end + 2 >= tok(x, a)->start) {
        d = (int)day;
        a--;
    }
    int shahr = i > 0 && (norm_is(x, i - 1, "شهر") || norm_is(x, i - 1, "الشهر"));
    if (amb && !paired && !d && !y && !shahr) return i;
    kh_date dt;
    memset(&dt, 0, sizeof dt);
    dt.span = kx_span(tok(x, a)->start, tok(x, b - 1)->end);
    dt.year = y, dt.month = m, dt.day = d;
    dt.hijri = (uint32_t)hijri;
    KX_PUSH(x, x->dates, x->ndates, x->capdates, dt);
    return b;
}

/* 22/3/2024, 2024-03-22: parts of a number token. */
static int numeric_date(kh_extractor *x, uint32_t i)
{
    const kh_token *t = tok(x, i);
    long part[3] = {0, 0, 0};
    int np = 0, digits = 0;
    char sep = 0;
    for (uint32_t k = 0; k < t->norm_len; k++) {
        char c = t->norm[k];
        if (c >= '0' && c <= '9') {
            if (part[np] > 10000) return 0;
            part[np] = part[np] * 10 + (c - '0');
            digits++;
        } else if ((c == '/' || c == '-') && (!sep || c == sep) && np < 2 && digits) {
            sep = c;
            np++;
            digits = 0;
        } else {
            return 0;
        }
    }
    if (np != 2 || !digits) return 0;
    long y, m, d;
    if (part[0] >= 1000) {
        y = part[0], m = part[1], d = part[2];
    } else {
        d = part[0], m = part[1], y = part[2];
    }
    if (y < 1000 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
    push_date(x, i, i + 1, (int)y, (int)m, (int)d);
    return 1;
}

static int relative_date(kh_extractor *x, uint32_t i, uint32_t *next)
{
    kh_date d;
    memset(&d, 0, sizeof d);
    if (kx_is(x, i, KX_RELDATE)) {
        d.rel_unit = x->tk[i].e->rel_unit;
        d.rel = x->tk[i].e->rel;
        d.span = kx_span(x->tk[i].word_start, tok(x, i)->end);
        *next = i + 1;
    } else {
        if (!kx_is(x, i, KX_TIME)) return 0; /* الشهر، الأسبوع، العام، السنة are time words */
        static const struct {
            const char *word;
            uint32_t unit;
        } UNITS[] = {{"الشهر", KH_REL_MONTH},
                     {"الأسبوع", KH_REL_WEEK},
                     {"العام", KH_REL_YEAR},
                     {"السنة", KH_REL_YEAR}};
        static const struct {
            const char *word;
            int rel;
        } WHEN[] = {{"الماضي", -1}, {"الماضية", -1}, {"المقبل", 1}, {"المقبلة", 1},
                    {"القادم", 1},  {"القادمة", 1},  {"الجاري", 0}, {"الحالي", 0}};
        int unit = 0, rel = 0, found = 0;
        for (size_t k = 0; k < sizeof UNITS / sizeof UNITS[0] && !unit; k++)
            if (norm_is(x, i, UNITS[k].word)) unit = (int)UNITS[k].unit;
        if (!unit) return 0;
        for (size_t k = 0; k < sizeof WHEN / sizeof WHEN[0] && !found; k++)
            if (norm_is(x, i + 1, WHEN[k].word)) {
                rel = WHEN[k].rel;
                found = 1;
            }
        if (!found) return 0;
        d.rel_unit = (uint32_t)unit;
        d.rel = rel;
        d.span = kx_span(tok(x, i)->start, tok(x, i + 1)->end);
        *next = i + 2;
    }
    resolve(x, &d);
    KX_PUSH(x, x->dates, x->ndates, x->capdates, d);
    return 1;
}

void kx_dates(kh_extractor *x)
{
    if (x->nomem) return;
    for (uint32_t i = 0; i < x->A->ntokens && !x->nomem; i++) {
        if (skip_line(x, i)) continue;
        uint32_t next = month_date(x, i);
        if (next != i) {
            i = next - 1;
            continue;
        }
        if (tok(x, i)->kind == KH_TOK_NUMBER) {
            if (numeric_date(x, i)) continue;
            long y = small_int(x, i);
            if (y >= 1000 && y <= 2200 && i > 0 &&
                (norm_is(x, i - 1, "عام") || norm_is(x, i - 1, "العام") ||
                 norm_is(x, i - 1, "سنة"))) {
                push_date(x, i - 1, i + 1, (int)y, 0, 0);
                continue;
            }
        }
        if (relative_date(x, i, &next)) i = next - 1;
    }
}

/* ---- numbers ---------------------------------------------------------------------- */

/* Value of a number token: digits of any set (already ASCII in norm), with
** thousands separators and one decimal mark. A comma followed by exactly
** three digits separates thousands; otherwise it is a decimal comma. */
static int number_value(const kh_token *t, double *out)
{
    double v = 0, scale = 0;
    int seen = 0;
    const char *s = t->norm;
    uint32_t n = t->norm_len;
    for (uint32_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c >= '0' && c <= '9') {
            if (scale) {
                v += (c - '0') * scale;
                scale /= 10;
            } else {
                v = v * 10 + (c - '0');
            }
            seen = 1;
            continue;
        }
        uint32_t len;
        uint32_t cp = kh_utf8_decode((const uint8_t *)s + k, n - k, &len);
        int comma = c == ',' || cp == 0x066C || cp == 0x060C;
        int dot = c == '.' || cp == 0x066B;
        if (comma && !scale) {
            uint32_t d = 0;
            for (uint32_t j = k + len; j < n && s[j] >= '0' && s[j] <= '9'; j++)
                d++;
            if (d != 3) scale = 0.1;
        } else if (dot && !scale) {
            scale = 0.1;
        } else if (c == '%' || cp == 0x066A) {
            /* a percentage: the value is the number */
        } else {
            return 0; /* times, dates, ranges */
        }
        k += len - 1;
    }
    *out = v;
    return seen;
}

static int in_date(const kh_extractor *x, uint32_t start)
{
    for (size_t k = 0; k < x->ndates; k++)
        if (start >= x->dates[k].span.start && start < x->dates[k].span.end) return 1;
    return 0;
}

static int number_word(const kh_extractor *x, uint32_t i)
{
    return kx_is(x, i, KX_NUMW | KX_SCALE) && !(x->tk[i].pro & (KX_P_AL | KX_P_B | KX_P_L));
}

void kx_numbers(kh_extractor *x)
{
    if (x->nomem) return;
    for (uint32_t i = 0; i < x->A->ntokens && !x->nomem; i++) {
        const kh_token *t = tok(x, i);
        if (skip_line(x, i) || in_date(x, t->start)) continue;
        double v;
        uint32_t a = i, b = i + 1;
        if (t->kind == KH_TOK_NUMBER) {
            if (!number_value(t, &v)) continue;
            if (kx_is(x, b, KX_SCALE) && !(x->tk[b].pro & KX_P_AL)) {
                v *= x->tk[b].e->num;
                b++;
            }
        } else if (number_word(x, i) && !(x->tk[i].pro & KX_P_W)) {
            double total = 0, cur = 0;
            uint32_t k = i;
            while (k < x->A->ntokens && number_word(x, k) && x->tk[k].line == x->tk[i].line) {
                const kx_entry *e = x->tk[k].e;
                if (e->cls & KX_NUMW) {
                    cur += e->num;
                } else if (e->num >= 1000) {
                    total += (cur ? cur : 1) * e->num; /* خمسة آلاف */
                    cur = 0;
                } else {
                    cur = (cur ? cur : 1) * e->num; /* ثلاث مئة */
                }
                k++;
            }
            b = k;
            v = total + cur;
        } else {
            continue;
        }
        kh_number nb = {kx_span(tok(x, a)->start, tok(x, b - 1)->end), v};
        KX_PUSH(x, x->numbers, x->nnumbers, x->capnumbers, nb);
        i = b - 1;
    }
}
