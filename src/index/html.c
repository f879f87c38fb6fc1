/*
** html.c - main text of a news page with gumbo (see html.h).
**
** gumbo allocates through our kh_mem: a size header before each block lets
** the free hook report the size kh_alloc wants.
*/
#include "index/html.h"

#include <gumbo.h>

typedef struct walk {
    kh_html_text *h;
    int oom;
} walk;

/* ---- allocation --------------------------------------------------------------- */

static void *g_alloc(void *ud, size_t n)
{
    const kh_mem *m = ud;
    size_t *p = kh_mem_alloc(m, n + 16);
    if (!p) return NULL;
    p[0] = n + 16;
    return (char *)p + 16;
}

static void g_free(void *ud, void *ptr)
{
    if (!ptr) return;
    size_t *p = (size_t *)(void *)((char *)ptr - 16);
    kh_mem_free(ud, p, p[0]);
}

void kh_html_init(kh_html_text *h, const kh_mem *m)
{
    h->mem = m;
    kh_buf_init(&h->title, m);
    kh_buf_init(&h->body, m);
    kh_buf_init(&h->site, m);
    kh_buf_init(&h->url, m);
    kh_buf_init(&h->date, m);
}

void kh_html_free(kh_html_text *h)
{
    kh_buf_free(&h->title);
    kh_buf_free(&h->body);
    kh_buf_free(&h->site);
    kh_buf_free(&h->url);
    kh_buf_free(&h->date);
}

/* ---- what to drop ------------------------------------------------------------------ */

static int dropped_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_TEXTAREA:
        return 1;
    default:
        return 0;
    }
}

static int block_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_PRE:
        return 1;
    default:
        return 0;
    }
}

/* Boilerplate names, matched as substrings of class and id (ASCII, lower case). */
static const char *const JUNK[] = {
    "share",      "social",   "comment",   "related", "readalso",    "read-also",
    "read_also",  "more-",    "menu",      "sidebar", "widget",      "breadcrumb",
    "newsletter", "advert",   "banner",    "promo",   "cookie",      "footer",
    "header",     "navbar",   "subscribe", "popular", "trending",    "tags",
    "most-read",  "mostread", "login",     "signup",  "author-box",  "pagination",
    "nav-",       "-nav",     "ads-",      "-ads",    "adsbygoogle", "search"};

/* Names that mark the article's own text box: a class or id holding one of
** these is not dropped for a junk word beside it ("entry-content no-share").
** Bare "article" or "content" would also keep "related-articles". */
static const char *const KEEP[] = {
    "entry-content",   "article-body", "articlebody",  "article_body", "article-content",
    "article_content", "post-content", "post-body",    "story-body",   "main-content",
    "article-text",    "news-text",    "details_body", "details-body", "itemfulltext"};

/* 1 if a class or id value names boilerplate: one of its names (split at
** white space) holds a junk word, and no name marks the article's text. A
** name that negates ("no-share", "node-not-promoted", Drupal's and
** WordPress's markers of an article) is not junk. A form is judged the same
** way: ASP.NET pages wrap the whole page in one. */
static int has_junk(const char *v)
{
    char low[256];
    size_t n = 0;
    for (; v[n] && n < sizeof low - 1; n++)
        low[n] = v[n] >= 'A' && v[n] <= 'Z' ? (char)(v[n] - 'A' + 'a') : v[n];
    low[n] = 0;
    for (size_t i = 0; i < sizeof KEEP / sizeof KEEP[0]; i++)
        if (strstr(low, KEEP[i])) return 0;
    int junk = 0;
    for (char *name = low; *name && !junk;) {
        size_t len = strcspn(name, " \t\n\r\f");
        char save = name[len];
        name[len] = 0;
        int negated =
            !strncmp(name, "no-", 3) || !strncmp(name, "not-", 4) || strstr(name, "-not-");
        for (size_t i = 0; i < sizeof JUNK / sizeof JUNK[0] && !junk && !negated; i++)
            junk = strstr(name, JUNK[i]) != NULL;
        name[len] = save;
        name += len;
        name += strspn(name, " \t\n\r\f");
    }
    return junk;
}

static int dropped(const GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT) return 0;
    const GumboElement *e = &n->v.element;
    if (dropped_tag(e->tag)) return 1;
    const GumboAttribute *a = gumbo_get_attribute(&e->attributes, "class");
    if (a && has_junk(a->value)) return 1;
    a = gumbo_get_attribute(&e->attributes, "id");
    if (a && has_junk(a->value)) return 1;
    a = gumbo_get_attribute(&e->attributes, "hidden");
    return a != NULL;
}

/* ---- text ---------------------------------------------------------------------------- */

/* Appends s with runs of white space (ASCII and U+00A0) as one space. */
static void put_text(kh_buf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        int sp = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f' ||
                 (*p == 0xC2 && p[1] == 0xA0);
        if (sp) {
            if (*p == 0xC2) p++;
            if (b->n && b->p[b->n - 1] != ' ' && b->p[b->n - 1] != '\n') kh_buf_byte(b, ' ');
            continue;
        }
        kh_buf_byte(b, *p);
    }
}

/* Ends the current paragraph: trims a trailing space, adds a blank line. */
static void break_para(kh_buf *b)
{
    while (b->n && b->p[b->n - 1] == ' ')
        b->n--;
    if (b->n && b->p[b->n - 1] != '\n') kh_buf_put(b, "\n\n", 2);
}

static void text_len(const GumboNode *n, size_t *all, size_t *linked, int in_a, int depth);

/* A list or box whose text is mostly links. */
static int link_list(const GumboNode *n)
{
    GumboTag t = n->v.element.tag;
    if (t != GUMBO_TAG_UL && t != GUMBO_TAG_OL && t != GUMBO_TAG_DIV && t != GUMBO_TAG_SECTION &&
        t != GUMBO_TAG_TABLE)
        return 0;
    size_t all = 0, linked = 0;
    text_len(n, &all, &linked, 0, 0);
    return all > 0 && linked * 2 > all;
}

static void collect(const GumboNode *n, kh_buf *b, int depth)
{
    if (depth > 200 || dropped(n)) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
        put_text(b, n->v.text.text);
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT) return;
    int blk = block_tag(n->v.element.tag);
    if (blk && depth > 0 && link_list(n))
        return; /* "read also" lists and tag clouds inside the article box */
    if (blk) break_para(b);
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++)
        collect(ch->data[i], b, depth + 1);
    if (blk) break_para(b);
}

/* Bytes of text under n (not dropped), and how many of them are inside links. */
static void text_len(const GumboNode *n, size_t *all, size_t *linked, int in_a, int depth)
{
    if (depth > 200 || dropped(n)) return;
    if (n->type == GUMBO_NODE_TEXT) {
        size_t l = strlen(n->v.text.text);
        *all += l;
        if (in_a) *linked += l;
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT) return;
    in_a |= n->v.element.tag == GUMBO_TAG_A;
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++)
        text_len(ch->data[i], all, linked, in_a, depth + 1);
}

typedef struct scored {
    const GumboNode *node;
    double score;
} scored;

typedef struct scoring {
    scored *s;
    size_t n, cap;
    const kh_mem *mem;
    int oom;
} scoring;

static void add_score(scoring *sc, const GumboNode *n, double v)
{
    for (size_t i = 0; i < sc->n; i++)
        if (sc->s[i].node == n) {
            sc->s[i].score += v;
            return;
        }
    if (kh_mem_grow(sc->mem, (void **)&sc->s, &sc->cap, sc->n + 1, sizeof *sc->s)) {
        sc->oom = 1;
        return;
    }
    sc->s[sc->n++] = (scored){n, v};
}

/* Every paragraph of enough text, mostly not links, scores its parent (and
** half for the grandparent): the article is where paragraphs cluster. */
static void score_paragraphs(const GumboNode *n, scoring *sc, int depth)
{
    if (depth > 200 || dropped(n) || n->type != GUMBO_NODE_ELEMENT) return;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_BLOCKQUOTE) {
        size_t all = 0, linked = 0;
        text_len(n, &all, &linked, 0, 0);
        if (all >= 60 && linked * 2 < all && n->parent) {
            double v = (double)(all - linked);
            add_score(sc, n->parent, v);
            if (n->parent->parent) add_score(sc, n->parent->parent, v / 2);
        }
        return;
    }
    const GumboVector *ch = &n->v.element.children;
    if (t == GUMBO_TAG_DIV || t == GUMBO_TAG_TD) {
        /* Text written straight into a div with <br> between lines (common
        ** on Arabic sites) is a paragraph too: its own text, not its blocks'. */
        size_t all = 0, linked = 0;
        for (unsigned i = 0; i < ch->length; i++) {
            const GumboNode *c = ch->data[i];
            if (c->type == GUMBO_NODE_TEXT)
                all += strlen(c->v.text.text);
            else if (c->type == GUMBO_NODE_ELEMENT && !block_tag(c->v.element.tag))
                text_len(c, &all, &linked, 0, depth + 1);
        }
        if (all >= 60 && linked * 2 < all && n->parent) {
            double v = (double)(all - linked);
            add_score(sc, n->parent, v);
            if (n->parent->parent) add_score(sc, n->parent->parent, v / 2);
        }
    }
    for (unsigned i = 0; i < ch->length; i++)
        score_paragraphs(ch->data[i], sc, depth + 1);
}

/* The first element marked itemprop="articleBody" (schema.org), which
** publishers set on exactly the article's text; NULL if none. */
static const GumboNode *article_body(const GumboNode *n, int depth)
{
    if (depth > 200 || n->type != GUMBO_NODE_ELEMENT || dropped_tag(n->v.element.tag)) return NULL;
    const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, "itemprop");
    if (a && !strcmp(a->value, "articleBody")) return n;
    const GumboVector *ch = &n->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *f = article_body(ch->data[i], depth + 1);
        if (f) return f;
    }
    return NULL;
}

/* ---- metadata ------------------------------------------------------------------------- */

static void set_once(kh_buf *b, const char *v)
{
    if (b->n || !v) return;
    put_text(b, v);
    while (b->n && b->p[b->n - 1] == ' ')
        b->n--;
}

static void meta_walk(const GumboNode *n, kh_html_text *h, kh_buf *title_tag, kh_buf *h1, int depth)
{
    if (depth > 200 || n->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement *e = &n->v.element;
    const GumboAttribute *a;
    if (e->tag == GUMBO_TAG_META) {
        const GumboAttribute *c = gumbo_get_attribute(&e->attributes, "content");
        a = gumbo_get_attribute(&e->attributes, "property");
        if (!a) a = gumbo_get_attribute(&e->attributes, "name");
        if (a && c) {
            const char *k = a->value;
            if (!strcmp(k, "og:title"))
                set_once(&h->title, c->value);
            else if (!strcmp(k, "og:site_name"))
                set_once(&h->site, c->value);
            else if (!strcmp(k, "og:url"))
                set_once(&h->url, c->value);
            else if (!strcmp(k, "article:published_time") || !strcmp(k, "date") ||
                     !strcmp(k, "pubdate") || !strcmp(k, "publishdate"))
                set_once(&h->date, c->value);
        }
        a = gumbo_get_attribute(&e->attributes, "itemprop");
        if (a && c && !strcmp(a->value, "datePublished")) set_once(&h->date, c->value);
    } else if (e->tag == GUMBO_TAG_LINK) {
        a = gumbo_get_attribute(&e->attributes, "rel");
        const GumboAttribute *href = gumbo_get_attribute(&e->attributes, "href");
        if (a && href && !strcmp(a->value, "canonical")) set_once(&h->url, href->value);
    } else if (e->tag == GUMBO_TAG_TITLE && !title_tag->n) {
        collect(n, title_tag, 0);
    } else if (e->tag == GUMBO_TAG_H1 && !h1->n) {
        collect(n, h1, 0);
    } else if (e->tag == GUMBO_TAG_TIME && !h->date.n) {
        a = gumbo_get_attribute(&e->attributes, "datetime");
        if (a) set_once(&h->date, a->value);
    }
    for (unsigned i = 0; i < e->children.length; i++)
        meta_walk(e->children.data[i], h, title_tag, h1, depth + 1);
}

static void trim(kh_buf *b)
{
    size_t s = 0;
    while (s < b->n && (b->p[s] == ' ' || b->p[s] == '\n'))
        s++;
    while (b->n > s && (b->p[b->n - 1] == ' ' || b->p[b->n - 1] == '\n'))
        b->n--;
    if (s) {
        memmove(b->p, b->p + s, b->n - s);
        b->n -= s;
    }
}

static const GumboNode *find_body(const GumboNode *root)
{
    if (root->type != GUMBO_NODE_ELEMENT) return NULL;
    const GumboVector *ch = &root->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_BODY) return c;
    }
    return root;
}

int kh_html_extract(kh_html_text *h, const uint8_t *html, size_t len)
{
    kh_buf *all[] = {&h->title, &h->body, &h->site, &h->url, &h->date};
    for (size_t i = 0; i < 5; i++)
        all[i]->n = 0, all[i]->oom = 0;
    GumboOptions opt = kGumboDefaultOptions;
    opt.allocator = g_alloc;
    opt.deallocator = g_free;
    opt.userdata = (void *)h->mem;
    opt.max_errors = 0; /* we do not read gumbo's error list: do not build it */
    GumboOutput *out = gumbo_parse_with_options(&opt, (const char *)html, len);
    if (!out) return -1;
    kh_buf title_tag, h1;
    kh_buf_init(&title_tag, h->mem);
    kh_buf_init(&h1, h->mem);
    meta_walk(out->root, h, &title_tag, &h1, 0);
    trim(&title_tag);
    trim(&h1);
    if (!h->title.n) kh_buf_put(&h->title, title_tag.p, title_tag.n);
    if (!h->title.n) kh_buf_put(&h->title, h1.p, h1.n);
    kh_buf_free(&title_tag);
    kh_buf_free(&h1);

    const GumboNode *body = find_body(out->root);
    scoring sc = {NULL, 0, 0, h->mem, 0};
    if (body) score_paragraphs(body, &sc, 0);
    const GumboNode *best = NULL;
    double bs = 0;
    for (size_t i = 0; i < sc.n; i++)
        if (sc.s[i].score > bs) bs = sc.s[i].score, best = sc.s[i].node;
    /* The publisher's own mark wins when it holds real text. */
    const GumboNode *ab = body ? article_body(body, 0) : NULL;
    if (ab) {
        size_t chars = 0, linked = 0;
        text_len(ab, &chars, &linked, 0, 0);
        if (chars >= 200) best = ab;
    }
    kh_mem_free(h->mem, sc.s, sc.cap * sizeof *sc.s);
    if (best || body) collect(best ? best : body, &h->body, 0);
    trim(&h->body);
    gumbo_destroy_output(&opt, out);
    int oom = sc.oom;
    for (size_t i = 0; i < 5; i++)
        oom |= all[i]->oom;
    return oom ? -1 : 0;
}
