/*
** names.c - one canonical name per entity of a document (primer §7.5).
**
** The tagger finds mentions; this module decides which mentions are one
** entity and what to call it:
**   1. each mention's display text: its words as written, spaces made
**      single, a leading proclitic (و ب ل ك ف) left out - where the analyzer
**      split it off (unless the document writes a person's name whole with
**      it: بلاتيني, never لاتيني alone), or, for a word it left whole
**      (وبكين), where the rest is a name the document, the alias table or
**      the model's gazetteer knows while the whole is not;
**   2. organizations, places and others go through the alias table
**      (الناتو → حلف شمال الأطلسي), else merge when their name keys are equal
**      (namekey.c: أوكرانيا/اوكرانيا, بينغ/بينج);
**   3. a person's shorter mention joins a longer one whose first or last
**      words it is (وانغ → وانغ يي, بايدن → جو بايدن), but only when exactly one
**      longer name fits: two people who share a surname get no link,
**      because no link is better than a wrong one;
**   4. the canonical name is the alias table's name, else a person's
**      fullest mention, else the mention written most often (first wins).
** Titles and nisbas need no stripping here: the tagger, trained on
** ANERcorp, leaves them outside person mentions (primer §7.1).
*/
#include "ner/names.h"

#include "analysis/lexicon.h"
#include "text/chars.h"
#include "text/norm.h"
#include "text/utf8.h"

#include <stdlib.h>

typedef struct kh_mention {
    size_t disp, displen; /* display text: arena offsets */
    size_t key, keylen;   /* name key, words joined */
    size_t wkey, wkeylen; /* name key, words separated by '|' */
    uint32_t nw;          /* words */
    int32_t alias;        /* row of kh_names_canonical, or -1 */
    uint32_t group;
} kh_mention;

typedef struct kh_group {
    uint32_t type;
    int32_t alias;
    uint32_t first; /* first mention */
    uint32_t parent;
    uint32_t rep; /* mention whose display is the canonical name */
    uint32_t out; /* index in the names array */
} kh_group;

void kh_names_free(kh_names *nm)
{
    kh_mem_free(&nm->mem, nm->mm, nm->capmm * sizeof *nm->mm);
    kh_mem_free(&nm->mem, nm->gg, nm->capgg * sizeof *nm->gg);
    kh_mem_free(&nm->mem, nm->names, nm->capnames * sizeof *nm->names);
    kh_mem_free(&nm->mem, nm->arena, nm->caparena);
    nm->mm = NULL;
    nm->gg = NULL;
    nm->names = NULL;
    nm->arena = NULL;
    nm->capmm = nm->capgg = nm->capnames = nm->caparena = nm->used = 0;
}

/* ---- the alias table ------------------------------------------------------------------- */

static int cmp_alias(const void *k, const void *row)
{
    return strcmp(k, ((const kh_alias_row *)row)->key);
}

/* Row of kh_names_canonical for a name key, or -1. */
static int32_t alias_by_key(const char *key)
{
    const kh_alias_row *r =
        bsearch(key, kh_names_alias, kh_names_nalias, sizeof *kh_names_alias, cmp_alias);
    return r ? (int32_t)r->canonical : -1;
}

/* The alias row of a name (its key), kept only where the name is spelled
** close to one of the row's names (kh_name_close); or -1. */
static int32_t alias_of(const char *key, const uint8_t *name, size_t len)
{
    int32_t a = alias_by_key(key);
    if (a < 0) return -1;
    for (size_t i = 0; i < kh_names_nspelled; i++)
        if (kh_names_spelled[i].canonical == (uint16_t)a &&
            kh_name_close(name, len, (const uint8_t *)kh_names_spelled[i].key,
                          strlen(kh_names_spelled[i].key)))
            return a;
    return -1;
}

const char *kh_alias_find(const uint8_t *name, size_t len, uint32_t *type)
{
    char key[512];
    if (!name || kh_name_key(name, len, key, sizeof key, NULL) != KH_OK || !key[0]) return NULL;
    int32_t a = alias_of(key, name, len);
    if (a < 0) return NULL;
    if (type) *type = kh_names_type[a];
    return kh_names_canonical[a];
}

kh_status kh_name_key(const uint8_t *name, size_t len, char *out, size_t cap, size_t *outlen)
{
    return kh_name_key_list(&kh_names_native, name, len, 0, out, cap, outlen);
}

/* ---- arena ----------------------------------------------------------------------------- */

/* Appends n bytes (and a NUL); returns the offset, or SIZE_MAX. */
static size_t put(kh_names *nm, const void *s, size_t n)
{
    if (kh_mem_grow(&nm->mem, (void **)&nm->arena, &nm->caparena, nm->used + n + 1, 1))
        return SIZE_MAX;
    size_t at = nm->used;
    memcpy(nm->arena + at, s, n);
    nm->arena[at + n] = 0;
    nm->used += n + 1;
    return at;
}

/* Appends the display form of text[b..e): whitespace runs and a hashtag's
** underscores become one space, edges trimmed, prefixed by pre. Returns
** the offset or SIZE_MAX; OUT: *len. */
static size_t put_display(kh_names *nm, const char *pre, const uint8_t *text, size_t b, size_t e,
                          size_t *len)
{
    size_t pl = strlen(pre);
    if (kh_mem_grow(&nm->mem, (void **)&nm->arena, &nm->caparena, nm->used + pl + (e - b) + 1, 1))
        return SIZE_MAX;
    size_t at = nm->used, o = at;
    memcpy(nm->arena + o, pre, pl);
    o += pl;
    int space = 0;
    for (size_t i = b; i < e; i++) {
        uint8_t c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '_') { /* #صندوق_النقد */
            space = o > at;
            continue;
        }
        if (space) nm->arena[o++] = ' ';
        space = 0;
        nm->arena[o++] = (char)c;
    }
    nm->arena[o] = 0;
    *len = o - at;
    nm->used = o + 1;
    return at;
}

/* Keys of the display text at disp. Returns 0 or -1 (no memory). */
static int put_keys(kh_names *nm, kh_mention *m)
{
    size_t cap = 4 * m->displen + 2;
    if (kh_mem_grow(&nm->mem, (void **)&nm->arena, &nm->caparena, nm->used + 2 * cap, 1)) return -1;
    const uint8_t *d = (const uint8_t *)nm->arena + m->disp;
    size_t kl, wl;
    char *k = nm->arena + nm->used;
    kh_name_key_list(&kh_names_native, d, m->displen, 0, k, cap, &kl);
    m->key = nm->used;
    m->keylen = kl;
    nm->used += kl + 1;
    char *w = nm->arena + nm->used;
    kh_name_key_list(&kh_names_native, d, m->displen, 1, w, cap, &wl);
    m->wkey = nm->used;
    m->wkeylen = wl;
    nm->used += wl + 1;
    m->nw = wl ? 1 : 0;
    for (size_t i = 0; i < wl; i++)
        m->nw += w[i] == '|';
    return 0;
}

/* ---- step 1: display text ----------------------------------------------------------------- */

static const kh_token *first_word_token(const kh_feat *fx, const kh_analysis *an, size_t word)
{
    size_t first = fx->firsts[2 * word], cnt = fx->firsts[2 * word + 1];
    for (size_t k = first; k < first + cnt; k++)
        if (an->tokens[k].kind == KH_TOK_ARABIC) return &an->tokens[k];
    return NULL;
}

static int is_al(const kh_segment *s)
{
    return s->len == 4 && !memcmp(s->text, "\xd8\xa7\xd9\x84", 4);
}

/* Where the mention starts once the proclitics the analyzer split off are
** left out. OUT: *pre: "ال" when the article shares its lam with the
** preposition (للأمم: the display must say الأمم, and the span keeps the
** ل, as the gold rules allow). */
static uint32_t cut_proclitics(const kh_token *t, uint32_t start, const char **pre)
{
    *pre = "";
    if (!t || t->start != start) return start;
    uint32_t k = 0;
    /* The future particle س only comes before a verb: in a name it is the
    ** name's own first letter, split off by the analyzer (سيرجي read as
    ** س + يرجي), so the cut stops there. */
    while (k < t->nsegs && t->segs[k].role == KH_SEG_PROCLITIC && !is_al(&t->segs[k]) &&
           !(t->segs[k].len == 2 && !memcmp(t->segs[k].text, "\xd8\xb3", 2)))
        k++;
    if (k == 0 || k >= t->nsegs) return start;
    const kh_segment *s = &t->segs[k];
    if (is_al(s) && s->end - s->start < 4) { /* ال written as one lam */
        *pre = "\xd8\xa7";                   /* ا, then the lam from the text */
        return s->start;
    }
    return s->start;
}

/* The first letter of the token, when it may be an attached proclitic of
** a word the analyzer did not split: its byte length, else 0. */
static uint32_t attached_proclitic(const kh_token *t, uint32_t start, const uint8_t *text)
{
    if (!t || t->start != start || t->nsegs != 1 || t->norm_len < 8) return 0;
    uint32_t l;
    uint32_t c = kh_utf8_decode(text + t->start, t->end - t->start, &l);
    if (c == KH_CP_WAW || c == KH_CP_FEH || c == KH_CP_BEH || c == KH_CP_LAM || c == KH_CP_KAF)
        return l;
    return 0;
}

/* ---- known names --------------------------------------------------------------------------- */

/* The most words and bytes a known name is looked for in. */
#define KNOWN_WORDS 7
#define KNOWN_BYTES 240

/* Is word w a word (its first token Arabic or Latin)? */
static int is_word(const kh_feat *fx, const kh_analysis *an, size_t w)
{
    if (!fx->firsts[2 * w + 1]) return 0;
    uint32_t k = an->tokens[fx->firsts[2 * w]].kind;
    return k == KH_TOK_ARABIC || k == KH_TOK_LATIN;
}

/* The alias row spelled exactly as words [i, end) (a proclitic of the
** first one left out), or -1. OUT: *len, the spelled length; *more (may
** be NULL), whether some row's spelling begins with it, so that a longer
** span may still be a name: without that test every word was spelled with
** up to six words after it and looked up each time, a fifth of tagging. */
static int32_t spelled_row(const kh_feat *fx, const kh_analysis *an, const uint8_t *text, size_t i,
                           size_t end, size_t *len, int *more)
{
    uint8_t buf[KNOWN_BYTES + 8];
    char sp[4 * KNOWN_BYTES + 40];
    const kh_token *t = &an->tokens[fx->firsts[2 * i]];
    const char *pre;
    uint32_t s = cut_proclitics(t, t->start, &pre);
    size_t pl = strlen(pre), fl = fx->firsts[2 * (end - 1)] + fx->firsts[2 * (end - 1) + 1];
    uint32_t e = an->tokens[fl - 1].end;
    *len = 0;
    if (more) *more = 0;
    if (e < s || e - s + pl > KNOWN_BYTES) return -1;
    memcpy(buf, pre, pl);
    memcpy(buf + pl, text + s, e - s);
    *len = kh_name_spelled(buf, pl + e - s, sp);
    /* the first row not before sp: sp itself, or the first that extends it */
    size_t lo = 0, hi = kh_names_nspelled;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(kh_names_spelled[mid].key, sp) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == kh_names_nspelled || strncmp(kh_names_spelled[lo].key, sp, *len)) return -1;
    if (more) *more = 1;
    return strcmp(kh_names_spelled[lo].key, sp) ? -1 : (int32_t)kh_names_spelled[lo].canonical;
}

/* Folded letters of word w (its tokens' text), at most cap - 1 bytes worth;
** 0 when longer. OUT: out. */
static size_t word_folded(const kh_feat *fx, const kh_analysis *an, const uint8_t *text, size_t w,
                          char *out, size_t cap)
{
    uint32_t s = an->tokens[fx->firsts[2 * w]].start;
    uint32_t e = an->tokens[fx->firsts[2 * w] + fx->firsts[2 * w + 1] - 1].end;
    if (e < s || 4 * (size_t)(e - s) + 1 > cap) return 0;
    return kh_name_fold(text + s, e - s, out);
}

/* Whether the match [i, end) ends in the particle أن/إن after a longer
** word: طالب أن spells طالبان, but a name's last word is never أن; a name
** spelled out letter by letter (سي إن إن) has a short word before it. */
static int particle_tail(const kh_feat *fx, const kh_analysis *an, const uint8_t *text, size_t i,
                         size_t end)
{
    char a[64], b[64];
    if (end < i + 2) return 0;
    size_t la = word_folded(fx, an, text, end - 1, a, sizeof a);
    size_t lb = word_folded(fx, an, text, end - 2, b, sizeof b);
    size_t letters = 0;
    for (size_t k = 0; k < lb; k++)
        letters += ((uint8_t)b[k] & 0xC0) != 0x80;
    return la == strlen("ان") && !memcmp(a, "ان", la) && letters >= 3;
}

void kh_names_mark_known(const kh_feat *fx, const kh_analysis *an, const uint8_t *text,
                         uint8_t *tags)
{
    size_t nw = fx->nwords;
    for (size_t i = 0; i < nw; i++) {
        if (!is_word(fx, an, i)) continue;
        size_t best = 0, len, prev;
        int32_t row = -1;
        int more;
        spelled_row(fx, an, text, i, i + 1, &prev, &more);
        for (size_t j = i + 1;
             more && j < nw && j - i < KNOWN_WORDS && !fx->sent[j] && is_word(fx, an, j); j++) {
            int32_t r = spelled_row(fx, an, text, i, j + 1, &len, &more);
            if (len <= prev) break; /* a word that spells nothing (a lone tatweel) ends it */
            prev = len;
            if (r >= 0) best = j - i + 1, row = r;
        }
        if (!best || particle_tail(fx, an, text, i, i + best)) continue;
        uint32_t type = kh_names_type[row];
        size_t end = i + best; /* words [i, end) */
        int tagged = 0, inner_alias = 0;
        for (size_t k = i; k < end; k++)
            tagged |= tags[k] != 0;
        if (best < 3 && !tagged) continue; /* two words may be a common phrase: مجلس الأمن */
        int last_open = end < nw && !fx->sent[end] && KH_TAG_IS_I(tags[end]);
        int exact = tags[i] && !KH_TAG_IS_I(tags[i]) && !last_open;
        for (size_t k = i + 1; k < end && exact; k++)
            exact = tags[k] == tags[i] + 1;
        if (exact) continue; /* the tagger found this very span: its type stands */
        /* A name the tagger found inside this one that is itself a name of
        ** the same entity is the training data's way of leaving out a head
        ** noun or an adjective (وكالة [فرانس برس], [حزب الله] اللبناني). */
        for (size_t k = i; k < end && !inner_alias; k++) {
            if (!tags[k] || KH_TAG_IS_I(tags[k])) continue;
            size_t c = k + 1;
            while (c < end && tags[c] == tags[k] + 1)
                c++;
            inner_alias = (c - k < best) && spelled_row(fx, an, text, k, c, &len, NULL) == row;
        }
        if (inner_alias) continue;
        tags[i] = (uint8_t)KH_TAG_B(type);
        for (size_t k = i + 1; k < end; k++)
            tags[k] = (uint8_t)KH_TAG_I(type);
        /* what the tagger ran on past the name starts a name of its own */
        if (last_open) tags[end]--;
        i = end - 1;
    }
}

/* Is the phrase made of words [w, w + n) (the first without its first
** `skip` bytes of match form) an entry of the model's gazetteer? */
static int in_gazetteer(const kh_model *m, const kh_feat *fx, const kh_analysis *an, size_t w,
                        size_t n, size_t skip)
{
    uint8_t form[256];
    uint64_t h = 0;
    for (size_t i = 0; i < n; i++) {
        size_t fl = kh_feat_match_form(an, fx->firsts[2 * (w + i)], fx->firsts[2 * (w + i) + 1],
                                       form, sizeof form);
        if (i == 0) {
            if (fl <= skip) return 0;
            memmove(form, form + skip, fl - skip);
            fl -= skip;
        }
        if (!fl) return 0;
        uint64_t wh = kh_hash_bytes(form, fl);
        h = i ? kh_hash_join(h, wh) : wh;
    }
    const kh_gaz_entry *g = kh_gaz_find(m, h);
    return g && (g->flags & KH_GAZ_TYPES);
}

static int same_key(const kh_names *nm, const kh_mention *a, const kh_mention *b)
{
    return a->keylen == b->keylen && !memcmp(nm->arena + a->key, nm->arena + b->key, a->keylen);
}

/* One name: the same key, and spelled close (kh_name_close; الجزائر and
** الجزيرة share a key). */
static int same_name(const kh_names *nm, const kh_mention *a, const kh_mention *b)
{
    return same_key(nm, a, b) && kh_name_close((const uint8_t *)nm->arena + a->disp, a->displen,
                                               (const uint8_t *)nm->arena + b->disp, b->displen);
}

/* The letter a segment of exactly one letter is, else 0. */
static uint32_t lone_letter(const kh_segment *s)
{
    uint32_t l, c = kh_utf8_decode((const uint8_t *)s->text, s->len, &l);
    return l == s->len ? c : 0;
}

/* The token's bytes after its leading و/ف, the conjunctions a word of any
** kind may carry. */
static uint32_t after_conjunction(const kh_token *u)
{
    uint32_t s = u->start;
    for (uint32_t k = 0; k + 1 < u->nsegs && u->segs[k].role == KH_SEG_PROCLITIC; k++) {
        uint32_t c = lone_letter(&u->segs[k]);
        if (c != KH_CP_WAW && c != KH_CP_FEH) break;
        s = u->segs[k + 1].start;
    }
    return s;
}

/* A rest the lexicon saw this often as a word of its own is one (لشخصية، بمحمد):
** names cut so (لاتيني 3, ديا 0, اري 6) are rarer; a one-letter rest (لي، بي) is
** no word at all. */
#define COMMON_REST 20

/* How often the lexicon saw rest[0..n) as a whole word (0 if never). */
static uint32_t rest_count(const uint8_t *rest, size_t n)
{
    kh_letter L[64 * 8 + 32];
    uint8_t buf[64 * 4];
    size_t nl = kh_norm_letters(rest, n, L), o = 0;
    for (size_t i = 0; i < nl && o + 4 <= sizeof buf; i++)
        o += kh_utf8_encode(L[i].lex, buf + o);
    const kh_lex_entry *e = kh_lex_find(kh_lex_builtin(), buf, o);
    return e ? e->count : 0;
}

/* Where a person's mention starts when its first word keeps the ب/ل/ك the
** analyzer split off (بلاتيني read as ب + لاتيني, لميس as ل + ميس): the
** proclitic's start, else cut, where the proclitics end. The document
** settles it: the whole word stands at least twice (after a و at most) and
** the rest never stands alone, as it would after a real preposition
** (لرونالدو beside رونالدو); and the rest is no common word (COMMON_REST). */
static uint32_t kept_proclitic(const kh_analysis *an, const uint8_t *text, const kh_token *t,
                               uint32_t cut)
{
    uint32_t k = 0;
    while (k < t->nsegs && t->segs[k].start < cut)
        k++;
    if (k == 0 || k >= t->nsegs) return cut;
    const kh_segment *p = &t->segs[k - 1];
    uint32_t c = lone_letter(p);
    if (c != KH_CP_BEH && c != KH_CP_LAM && c != KH_CP_KAF)
        return cut; /* only ب ل ك: a whole word's first letter */
    const uint8_t *whole = text + p->start, *rest = text + cut;
    size_t wn = t->end - p->start, rn = t->end - cut;
    if (rn > 64 || (rn > 4 && !memcmp(rest, "\xd8\xa7\xd9\x84", 4)))
        return cut; /* بالتوفيق: ب before the article is a preposition */
    if (rn > 2 && rest_count(rest, rn) >= COMMON_REST)
        return cut; /* بمحمد، لشخصية، بخميس مشيط: the rest is a common word on its own */
    int seen = 0;
    for (size_t i = 0; i < an->ntokens; i++) {
        const kh_token *u = &an->tokens[i];
        if (u->kind != KH_TOK_ARABIC) continue;
        uint32_t s = after_conjunction(u);
        if (u->end - s == wn && !memcmp(text + s, whole, wn)) seen++;
        if (u->end - s == rn && !memcmp(text + s, rest, rn)) return cut;
    }
    return seen >= 2 ? p->start : cut; /* a و before the ب/ل/ك is still cut */
}

/* Builds the mentions' display texts and keys, proclitics left out. */
static int build_mentions(kh_names *nm, const kh_model *m, const kh_feat *fx, const uint8_t *text,
                          const kh_analysis *an, kh_entity *ents, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        kh_entity *e = &ents[i];
        kh_mention *mm = &nm->mm[i];
        const kh_token *t = first_word_token(fx, an, e->first);
        const char *pre;
        uint32_t cut = cut_proclitics(t, e->start, &pre);
        if (!*pre && cut > e->start && e->type == KH_ENT_PER)
            cut = kept_proclitic(an, text, t, cut);
        if (!*pre && cut < e->end && text[cut] == '#') cut++; /* #لاغارد is لاغارد */
        e->start = *pre ? e->start : cut;
        mm->disp = put_display(nm, pre, text, cut, e->end, &mm->displen);
        if (mm->disp == SIZE_MAX || put_keys(nm, mm)) return -1;
        mm->alias = -1;
    }
    /* words the analyzer left whole: strip a proclitic letter when the rest
    ** is known and the whole is not */
    for (size_t i = 0; i < n; i++) {
        kh_entity *e = &ents[i];
        const kh_token *t = first_word_token(fx, an, e->first);
        uint32_t l = attached_proclitic(t, e->start, text);
        if (!l) continue;
        kh_mention *mm = &nm->mm[i], cand;
        size_t used = nm->used;
        cand.disp = put_display(nm, "", text, e->start + l, e->end, &cand.displen);
        if (cand.disp == SIZE_MAX || put_keys(nm, &cand)) return -1;
        int rest_known = alias_by_key(nm->arena + cand.key) >= 0 ||
                         in_gazetteer(m, fx, an, e->first, e->nwords, l);
        for (size_t j = 0; j < n && !rest_known; j++)
            rest_known = j != i && same_key(nm, &cand, &nm->mm[j]);
        int whole_known = alias_by_key(nm->arena + mm->key) >= 0 ||
                          in_gazetteer(m, fx, an, e->first, e->nwords, 0);
        if (rest_known && !whole_known) {
            *mm = cand;
            mm->alias = -1;
            e->start += l;
        } else {
            nm->used = used; /* drop the candidate's strings */
        }
    }
    return 0;
}

/* ---- steps 2-4: grouping -------------------------------------------------------------------- */

static uint32_t root(kh_group *g, uint32_t x)
{
    while (g[x].parent != x) {
        g[x].parent = g[g[x].parent].parent;
        x = g[x].parent;
    }
    return x;
}

/* Is a's word-key sequence the first or the last words of b's? */
static int part_of(const kh_names *nm, const kh_mention *a, const kh_mention *b)
{
    if (a->nw >= b->nw || !a->wkeylen) return 0;
    const char *x = nm->arena + a->wkey, *y = nm->arena + b->wkey;
    size_t xl = a->wkeylen, yl = b->wkeylen;
    if (xl < yl && !memcmp(x, y, xl) && y[xl] == '|') return 1;
    if (xl < yl && !memcmp(x, y + yl - xl, xl) && y[yl - xl - 1] == '|') return 1;
    return 0;
}

static int same_display(const kh_names *nm, const kh_mention *a, const kh_mention *b)
{
    return a->displen == b->displen &&
           !memcmp(nm->arena + a->disp, nm->arena + b->disp, a->displen);
}

/* Chooses each group's representative mention (see the file comment). */
static void choose_reps(kh_names *nm, const kh_entity *ents, size_t n, size_t ng)
{
    kh_group *g = nm->gg;
    for (size_t x = 0; x < ng; x++) {
        if (g[x].parent != x) continue;
        uint32_t best = UINT32_MAX, best_count = 0;
        for (size_t i = 0; i < n; i++) {
            if (root(g, nm->mm[i].group) != x) continue;
            uint32_t count = 0;
            for (size_t j = 0; j < n; j++)
                count += root(g, nm->mm[j].group) == x && same_display(nm, &nm->mm[i], &nm->mm[j]);
            int better;
            if (best == UINT32_MAX)
                better = 1;
            else if (ents[i].type == KH_ENT_PER && nm->mm[i].nw != nm->mm[best].nw)
                better = nm->mm[i].nw > nm->mm[best].nw;
            else
                better = count > best_count;
            if (better) {
                best = (uint32_t)i;
                best_count = count;
            }
        }
        g[x].rep = best;
    }
}

kh_status kh_names_resolve(kh_names *nm, const kh_model *m, const kh_feat *fx, const uint8_t *text,
                           const kh_analysis *an, kh_entity *ents, size_t n,
                           const kh_entity_name **names, size_t *nnames)
{
    const kh_mem *mem = &nm->mem;
    nm->used = 0;
    *names = NULL;
    *nnames = 0;
    if (kh_mem_grow(mem, (void **)&nm->mm, &nm->capmm, n + 1, sizeof *nm->mm) ||
        kh_mem_grow(mem, (void **)&nm->gg, &nm->capgg, n + 1, sizeof *nm->gg) ||
        kh_mem_grow(mem, (void **)&nm->names, &nm->capnames, n + 1, sizeof *nm->names) ||
        build_mentions(nm, m, fx, text, an, ents, n))
        return KH_ENOMEM;

    /* step 2: aliases and equal keys */
    kh_group *g = nm->gg;
    size_t ng = 0;
    for (size_t i = 0; i < n; i++) {
        kh_mention *mm = &nm->mm[i];
        if (ents[i].type != KH_ENT_PER)
            mm->alias =
                alias_of(nm->arena + mm->key, (const uint8_t *)nm->arena + mm->disp, mm->displen);
        size_t x = 0;
        for (; x < ng; x++) {
            const kh_mention *f = &nm->mm[g[x].first];
            if (mm->alias >= 0
                    ? g[x].alias == mm->alias
                    : g[x].alias < 0 && g[x].type == ents[i].type && same_name(nm, mm, f))
                break;
        }
        if (x == ng) g[ng++] = (kh_group){ents[i].type, mm->alias, (uint32_t)i, (uint32_t)x, 0, 0};
        mm->group = (uint32_t)x;
    }

    /* step 3: a person's short mention joins the one longer name it fits;
    ** longer groups are linked first, so chains (X → X Y → W X Y) resolve */
    for (uint32_t len = 8; len >= 1; len--) {
        for (size_t x = 0; x < ng; x++) {
            const kh_mention *a = &nm->mm[g[x].first];
            if (g[x].type != KH_ENT_PER || a->nw != len || g[x].parent != x) continue;
            uint32_t target = UINT32_MAX;
            int ambiguous = 0;
            for (size_t y = 0; y < ng; y++) {
                if (y == x || g[y].type != KH_ENT_PER || !part_of(nm, a, &nm->mm[g[y].first]))
                    continue;
                uint32_t r = root(g, (uint32_t)y);
                if (target != UINT32_MAX && target != r) ambiguous = 1;
                target = r;
            }
            if (target != UINT32_MAX && !ambiguous && target != x) g[x].parent = target;
        }
    }

    /* step 4: canonical names, in order of first mention */
    choose_reps(nm, ents, n, ng);
    size_t nn = 0;
    for (size_t x = 0; x < ng; x++)
        g[x].out = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        uint32_t r = root(g, nm->mm[i].group);
        if (g[r].out == UINT32_MAX) {
            g[r].out = (uint32_t)nn;
            kh_entity_name *en = &nm->names[nn++];
            memset(en, 0, sizeof *en);
            const kh_mention *rep = &nm->mm[g[r].rep];
            if (g[r].alias >= 0) {
                const char *c = kh_names_canonical[g[r].alias];
                size_t at = put(nm, c, strlen(c)), kl;
                if (at == SIZE_MAX) return KH_ENOMEM;
                en->name = (const char *)(uintptr_t)at;
                en->name_len = (uint32_t)strlen(c);
                size_t cap = 4 * strlen(c) + 2;
                if (kh_mem_grow(mem, (void **)&nm->arena, &nm->caparena, nm->used + cap, 1))
                    return KH_ENOMEM;
                kh_name_key_list(&kh_names_native, (const uint8_t *)c, strlen(c), 0,
                                 nm->arena + nm->used, cap, &kl);
                en->key = (const char *)(uintptr_t)nm->used;
                en->key_len = (uint32_t)kl;
                nm->used += kl + 1;
            } else {
                en->name = (const char *)(uintptr_t)rep->disp;
                en->name_len = (uint32_t)rep->displen;
                en->key = (const char *)(uintptr_t)rep->key;
                en->key_len = (uint32_t)rep->keylen;
            }
            en->type = g[r].type;
        }
        nm->names[g[r].out].nmentions++;
        ents[i].id = g[r].out;
    }
    /* the arena has stopped moving: offsets become pointers */
    for (size_t k = 0; k < nn; k++) {
        nm->names[k].name = nm->arena + (uintptr_t)nm->names[k].name;
        nm->names[k].key = nm->arena + (uintptr_t)nm->names[k].key;
    }
    for (size_t i = 0; i < n; i++)
        ents[i].canonical = nm->names[ents[i].id].name;
    *names = nm->names;
    *nnames = nn;
    return KH_OK;
}
