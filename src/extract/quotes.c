/*
** quotes.c - quotation marks paired by position, whatever their shape
** (arabic-news-primer.md §3.2, §6.8).
**
** Writers of right-to-left text choose “ and ” by the shape they want to
** see, so a mark's role comes from its context, not its code point: it opens
** when a boundary precedes it (line start, space, bracket, colon, or a
** one-letter proclitic such as the و of و”أي) and a word follows; it closes in
** the mirror case. A mark spaced on both sides toggles, whatever its shape
** (writers type « for both ends); only when the context says nothing else
** does the shape decide (“ « „ open, ” » close, " toggles).
**
** Pairing runs per paragraph with a small stack; marks of different families
** (" / “” / «») may nest. A quote still open at the end of a paragraph
** continues into the next one only if that paragraph starts with an opening
** mark (the convention of multi-paragraph quotes); otherwise it is
** unclosed (KH_QF_UNCLOSED, its mark reported as unpaired) and ends where
** the reporter speaks again: before the cue of the next quote, a verb of
** saying that opens a clause, or the paragraph's end (lost_closer_end).
** Whether a pair is a statement is decided later (speakers.c).
*/
#include "extract/extract.h"

#include "text/chars.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

enum { ROLE_OPEN = 1, ROLE_CLOSE, ROLE_EITHER };
enum { FAM_ASCII = 0, FAM_CURLY, FAM_GUILLEMET };
#define STACK_MAX 8

typedef struct open_mark {
    uint32_t tok;
    uint32_t fam;
    uint32_t reopened; /* a mark of its family opened inside it */
    uint32_t turned;   /* closing by its look, an opener only as the particle's next */
} open_mark;

/* Code point before byte offset pos (0 at the start of the text). */
static uint32_t cp_before(const uint8_t *s, size_t pos, size_t *at)
{
    size_t i = pos;
    if (i == 0) {
        *at = 0;
        return 0;
    }
    i--;
    while (i > 0 && (s[i] & 0xC0) == 0x80 && pos - i < 4)
        i--;
    uint32_t len;
    uint32_t cp = kh_utf8_decode(s + i, pos - i, &len);
    *at = i;
    return cp == KH_CP_INVALID ? 0xFFFD : cp;
}

static int is_boundary_cp(uint32_t cp)
{
    return cp == 0 || cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == 0xA0 ||
           cp == '(' || cp == '[' || cp == ':' || cp == KH_CP_ARABIC_COMMA || cp == ',' ||
           cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == KH_CP_TATWEEL || cp == '/' ||
           kh_is_quote(cp);
}

/* One-letter proclitics that may be glued to an opening mark (و”أي). */
static int is_proclitic_cp(uint32_t cp)
{
    return cp == KH_CP_WAW || cp == KH_CP_FEH || cp == KH_CP_BEH || cp == KH_CP_LAM ||
           cp == KH_CP_KAF;
}

static uint32_t family(const uint8_t *s)
{
    if (s[0] == '"') return FAM_ASCII;
    if (s[0] == 0xC2) return FAM_GUILLEMET;
    return FAM_CURLY;
}

/* Shape default: 1 opens, 0 closes, -1 symmetric. */
static int shape_opens(const uint8_t *s)
{
    if (s[0] == '"') return -1;
    if (s[0] == 0xC2) return s[1] == 0xAB; /* « */
    return s[2] == 0x9C || s[2] == 0x9E;   /* “ „ */
}

static int role_of(kh_extractor *x, uint32_t ti)
{
    const kh_token *t = &x->A->tokens[ti];
    size_t at;
    uint32_t prev = cp_before(x->text, t->start, &at);
    int prev_b = is_boundary_cp(prev);
    if (!prev_b && is_proclitic_cp(prev)) {
        size_t at2;
        prev_b = is_boundary_cp(cp_before(x->text, at, &at2));
    }
    uint32_t next = 0;
    if (t->end < x->len) {
        uint32_t len;
        next = kh_utf8_decode(x->text + t->end, x->len - t->end, &len);
    }
    kh_cc c = next == KH_CP_INVALID ? KH_CC_SYMBOL : kh_cc_of(next);
    int next_w = t->end < x->len && (c == KH_CC_ARLETTER || c == KH_CC_LETTER || c == KH_CC_DIGIT ||
                                     c == KH_CC_MARK || next == '(' || next == '#' || next == '@');
    if (prev_b && next_w) return ROLE_OPEN;
    if (!prev_b && !next_w) return ROLE_CLOSE;
    if (prev_b && (next == ' ' || next == 0xA0) && t->end < x->len)
        return ROLE_EITHER; /* فريق «8 مارس « وقام: spaced on both sides, a mark
                            ** closes what is open whatever its shape */
    int sh = shape_opens(x->text + t->start);
    return sh < 0 ? ROLE_EITHER : sh ? ROLE_OPEN : ROLE_CLOSE;
}

/* A mark right after a colon, an إن/أن particle or a verb of saying can only
** open a quote, whichever side it is glued to. */
static int opens_after(const kh_extractor *x, uint32_t i)
{
    if (i == 0 || x->tk[i - 1].line != x->tk[i].line) return 0;
    const kx_tok *p = &x->tk[i - 1];
    return (p->flags & (KX_T_COLON | KX_T_PARTICLE)) || (p->e && (p->e->cls & KX_SAY));
}

/* A closing-looking mark with nothing open, when the next mark of its family
** in the paragraph can close: the writer glued the opener to the word before
** it (أعمال" الإرهاب والنزاع المسلح" التي). Marks come in pairs, so the
** first of two closers is an opener; a stray closer is followed by an
** opener (or by nothing) and stays unpaired. */
static int closer_follows(kh_extractor *x, uint32_t i, uint32_t last)
{
    uint32_t fam = family(x->text + x->A->tokens[i].start);
    for (uint32_t j = i + 1; j < last; j++) {
        if (!(x->tk[j].flags & KX_T_QMARK)) continue;
        if (family(x->text + x->A->tokens[j].start) != fam) continue;
        return role_of(x, j) != ROLE_OPEN && !opens_after(x, j); /* not وقال:» لا … */
    }
    return 0;
}

static uint32_t count_words(kh_extractor *x, uint32_t from, uint32_t to)
{
    uint32_t n = 0;
    for (uint32_t i = from; i < to; i++)
        n += (x->tk[i].flags & KX_T_WORD) != 0;
    return n;
}

/* Whether token c is a closing bracket whose opener stands after token o:
** "… شرق خان يونس (جنوب القطاع) with no closing mark keeps its bracket. */
static int paren_closes(const kh_extractor *x, uint32_t o, uint32_t c)
{
    if (!(x->tk[c].flags & KX_T_CLOSEP)) return 0;
    for (uint32_t k = c; k-- > o + 1;) {
        if (x->tk[k].flags & KX_T_CLOSEP) return 0;
        if (x->tk[k].flags & KX_T_OPENP) return 1;
    }
    return 0;
}

/* Records the quote opened at token open and closed at close (UINT32_MAX:
** unclosed, its words to token end_tok); an unclosed mark is listed as
** unpaired unless it goes on into the next paragraph (goes_on). */
static void add_pair(kh_extractor *x, uint32_t open, uint32_t close, uint32_t end_tok,
                     uint32_t goes_on)
{
    const kh_token *T = x->A->tokens;
    kx_pair p;
    memset(&p, 0, sizeof p);
    p.open = open;
    p.close = close;
    p.cue = p.follows = p.speaker = -1;
    p.goes_on = goes_on;
    if (close != UINT32_MAX) {
        p.text = kx_span(T[open].end, T[close].start);
        p.marks = kx_span(T[open].start, T[close].end);
        end_tok = close + 1;
    } else {
        /* unclosed: to the paragraph's last word (final punctuation left out) */
        uint32_t last = end_tok;
        while (last > open + 1 && !(x->tk[last - 1].flags & KX_T_WORD) &&
               x->A->tokens[last - 1].kind != KH_TOK_NUMBER && !paren_closes(x, open, last - 1))
            last--;
        uint32_t e = last > open + 1 ? T[last - 1].end : T[open].end;
        p.text = kx_span(T[open].end, e);
        p.marks = kx_span(T[open].start, e);
        if (!goes_on) /* a mark that goes on has its partner in the next paragraph */
            KX_PUSH(x, x->unpaired, x->nunpaired, x->capunpaired, T[open].start);
    }
    p.nwords = count_words(x, open + 1, end_tok);
    int32_t idx = (int32_t)x->npairs;
    if (KX_PUSH(x, x->pairs, x->npairs, x->cappairs, p)) return;
    for (uint32_t i = open; i < end_tok && i < x->A->ntokens; i++)
        if (x->tk[i].pair < 0) x->tk[i].pair = idx;
}

/* The first token of the next non-empty line after line li, or UINT32_MAX. */
static uint32_t next_line_first(kh_extractor *x, size_t li, size_t *lj)
{
    for (size_t j = li + 1; j < x->nlines; j++)
        if (x->lines[j].kind != KX_LINE_EMPTY) {
            *lj = j;
            return x->lines[j].first;
        }
    return UINT32_MAX;
}

#define TERM_WORDS 4 /* a quoted term inside a quotation: نظام "فصل عنصري" */

/* Where the words of an opener at token o that lost its closer end (its
** family opened again inside it, and nothing closed it in the paragraph):
** at the paragraph's end when what opened inside it is a short term that
** closed and no mark follows (… اتفاق "تسهيل الصندوق الممدد" وهي … تونس.);
** else where a verb of saying opens a clause (… الاقتصادي | وأوضح) or at
** the next mark, less the cue or link words that introduce the next quote
** (… هذا العمل | مضيفا "كيف، … الوقائي | وذلك "قبل). Token index, exclusive. */
static uint32_t lost_closer_end(kh_extractor *x, uint32_t o, uint32_t last)
{
    static const char *const LINKS[] = {"كما", "لكن"}; /* … الوقائي | كما أعلنت "… */
    uint32_t r = o + 1;
    while (r < last && !(x->tk[r].flags & KX_T_QMARK))
        r++;
    int32_t pi = r < last ? x->tk[r].pair : -1;
    int cued = 0; /* وأضاف "سنبدأ غدا": a quote of its own, not a term inside */
    for (uint32_t k = r; k > o + 1 && r - k < 2; k--)
        cued |= kx_is(x, k - 1, KX_SAY) || (x->tk[k - 1].flags & (KX_T_COMMA | KX_T_COLON));
    if (!cued && pi >= 0 && x->pairs[pi].open == r && x->pairs[pi].close != UINT32_MAX &&
        x->pairs[pi].nwords <= TERM_WORDS) {
        uint32_t c = x->pairs[pi].close + 1;
        while (c < last && !(x->tk[c].flags & KX_T_QMARK))
            c++;
        if (c == last) return last;
    }
    uint32_t e = o + 2 < r ? o + 2 : r; /* never past the next mark or the line */
    while (e < r &&
           !(kx_is(x, e, KX_SAY) &&
             ((x->tk[e].pro & KX_P_W) || (x->tk[e - 1].flags & (KX_T_COMMA | KX_T_TERM)) ||
              (x->tk[e].e->say & KX_SAY_PARTICIPLE))) &&
           !((x->tk[e - 1].flags & KX_T_TERM) && (x->tk[e].pro & KX_P_W)))
        e++; /* … الاقتصادي | وأوضح المتحدث, … بالتزاماتها. | وكرر, … عن السياسة |
             ** مضيفا أنه: the reporter speaks again (a quoted sentence rarely
             ** opens with و, nor holds the reporter's participle of saying) */
    uint32_t f = e;
    while (e > o + 1 && f - e < 3 &&
           ((x->tk[e - 1].flags & (KX_T_COMMA | KX_T_TERM)) || kx_is(x, e - 1, KX_SAY) ||
            (kx_is(x, e - 1, KX_STOP) && (x->tk[e - 1].pro & KX_P_W)) ||
            kx_stem_in(x, e - 1, LINKS, sizeof LINKS / sizeof LINKS[0])))
        e--;
    return e;
}

static int by_open(const void *a, const void *b)
{
    const kx_pair *p = a, *q = b;
    return (p->open > q->open) - (p->open < q->open);
}

void kx_pair_marks(kh_extractor *x)
{
    if (x->nomem) return;
    open_mark st[STACK_MAX];
    size_t n = 0;
    uint32_t skip = UINT32_MAX; /* a continuation mark opening a paragraph */
    for (size_t li = 0; li < x->nlines && !x->nomem; li++) {
        const kx_line *L = &x->lines[li];
        if (L->kind == KX_LINE_EMPTY) continue;
        for (uint32_t i = L->first; i < L->last; i++) {
            if (!(x->tk[i].flags & KX_T_QMARK) || i == skip) continue;
            const uint8_t *m = x->text + x->A->tokens[i].start;
            uint32_t fam = family(m);
            int role = role_of(x, i);
            size_t live = 0; /* open marks not already doubted */
            for (size_t j = 0; j < n; j++)
                live += !st[j].reopened;
            if (role == ROLE_EITHER) role = live && !opens_after(x, i) ? ROLE_CLOSE : ROLE_OPEN;
            uint32_t turned = 0;
            if (role == ROLE_CLOSE && !n && (opens_after(x, i) || closer_follows(x, i, L->last)))
                role = ROLE_OPEN, turned = i > 0 && (x->tk[i - 1].flags & KX_T_PARTICLE);
            /* وقال:" ان …، بانه" ليس …، إن» بارزاني: glued to the cue. After
            ** the particle, the mark may also close a name (سي إن إن” عن) */
            if (role == ROLE_OPEN) {
                if (n && st[n - 1].fam == fam) {
                    /* same family opened again: either the earlier one lost
                    ** its closer, or a term is quoted inside a quotation
                    ** ("… وشعاره "التضامن". … أيضا"). Keep both; the earlier
                    ** one pairs only with a closer after the inner pair's,
                    ** else it is unclosed at the paragraph's end (below). */
                    st[n - 1].reopened = 1;
                }
                if (n < STACK_MAX) st[n++] = (open_mark){i, fam, 0, turned};
                continue;
            }
            if (!n) {
                KX_PUSH(x, x->unpaired, x->nunpaired, x->capunpaired, x->A->tokens[i].start);
                continue;
            }
            size_t k = n;
            while (k > 0 && st[k - 1].fam != fam)
                k--;
            if (k == 0) k = n; /* mixed shapes (« … ”): pair with the innermost */
            for (size_t j = k; j < n; j++)
                KX_PUSH(x, x->unpaired, x->nunpaired, x->capunpaired,
                        x->A->tokens[st[j].tok].start);
            add_pair(x, st[k - 1].tok, i, 0, 0);
            n = k - 1;
        }
        uint32_t glued = UINT32_MAX; /* a mark read as the closer of the quote before it */
        while (n && (st[0].reopened || st[0].tok == glued)) { /* lost their closers:
                                                               ** unclosed, from the bottom */
            uint32_t o = st[0].tok, e = lost_closer_end(x, o, L->last);
            if (st[0].turned || o == glued || !count_words(x, o + 1, e)) {
                /* a stray mark: nothing quoted, a closer read as an opener only
                ** for the particle before it, or the last quote's closer */
                KX_PUSH(x, x->unpaired, x->nunpaired, x->capunpaired, x->A->tokens[o].start);
                memmove(st, st + 1, (n - 1) * sizeof st[0]);
                n--;
                continue;
            }
            add_pair(x, o, UINT32_MAX, e, 0);
            if (e < L->last && (x->tk[e].flags & KX_T_QMARK) &&
                family(x->text + x->A->tokens[e].start) == st[0].fam && x->npairs) {
                /* … أصلا "من خلال: the mark it runs up to is its closer glued to
                ** the next word; its words are all that stands before it */
                x->pairs[x->npairs - 1].text.end = x->A->tokens[e].start;
                x->pairs[x->npairs - 1].marks.end = x->A->tokens[e].end;
                glued = e;
            }
            memmove(st, st + 1, (n - 1) * sizeof st[0]);
            n--;
        }
        if (!n) continue;
        size_t lj = li;
        uint32_t nf = next_line_first(x, li, &lj);
        if (nf != UINT32_MAX && (x->tk[nf].flags & KX_T_QMARK) && role_of(x, nf) == ROLE_OPEN &&
            x->lines[lj].kind == KX_LINE_BODY) {
            /* the quote goes on in the next paragraph, which opens again */
            if (n == 1 && !st[0].reopened) {
                /* “… المرابحة. ¶ “هذا يجعل …”: one quote per paragraph, this one
                ** unclosed to its end, the next opened by its own mark */
                add_pair(x, st[0].tok, UINT32_MAX, L->last, 1);
                n = 0;
            } else {
                skip = nf;
            }
            continue;
        }
        for (size_t j = 1; j < n; j++)
            KX_PUSH(x, x->unpaired, x->nunpaired, x->capunpaired, x->A->tokens[st[j].tok].start);
        add_pair(x, st[0].tok, UINT32_MAX, lost_closer_end(x, st[0].tok, L->last), 0);
        n = 0;
    }
    /* pairs were appended in closing order; statements want opening order */
    if (x->npairs > 1) qsort(x->pairs, x->npairs, sizeof *x->pairs, by_open);
    for (size_t i = 0; i < x->A->ntokens; i++)
        x->tk[i].pair = -1;
    for (size_t pi = 0; pi < x->npairs; pi++) {
        const kx_pair *p = &x->pairs[pi];
        uint32_t end = p->close != UINT32_MAX ? p->close + 1 : p->open + 1;
        if (p->close == UINT32_MAX) {
            end = p->open + 1;
            while (end < x->A->ntokens && x->A->tokens[end].start < p->marks.end)
                end++;
        }
        for (uint32_t i = p->open; i < end; i++)
            if (x->tk[i].pair < 0) x->tk[i].pair = (int32_t)pi;
    }
}
