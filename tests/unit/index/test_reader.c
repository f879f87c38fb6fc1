/*
** test_reader.c - every input format, on small inputs written here.
*/
#include "khabar.h"
#include "kt_files.h"

#include <stdio.h>

typedef struct got {
    int ndocs, nbad;
    char id[8][64], title[8][128], body[8][512], source[8][32], date[8][40];
    uint64_t bad_off[8];
    char bad_msg[8][200];
} got;

static void copy(char *dst, size_t cap, kh_text t)
{
    size_t n = t.len < cap - 1 ? t.len : cap - 1;
    if (!t.ptr) {
        strcpy(dst, "(null)");
        return;
    }
    memcpy(dst, t.ptr, n);
    dst[n] = 0;
}

static void read_all(const char *text, size_t len, const char *name, kh_format fmt, got *g,
                     const kh_reader_opts *o)
{
    memset(g, 0, sizeof *g);
    kh_reader *r;
    if (kh_reader_new(o, &r)) return;
    kh_reader_start(r, (const uint8_t *)text, len, name, fmt, NULL);
    for (int guard = 0; guard < 100; guard++) {
        const kh_doc *d;
        kh_status s = kh_reader_next(r, &d);
        if (s) {
            if (g->nbad < 8) {
                g->bad_off[g->nbad] = kh_reader_error(r)->offset;
                snprintf(g->bad_msg[g->nbad], 200, "%s", kh_reader_error(r)->message);
            }
            g->nbad++;
            continue;
        }
        if (!d) break;
        if (g->ndocs < 8) {
            copy(g->id[g->ndocs], 64, d->id);
            copy(g->title[g->ndocs], 128, d->title);
            copy(g->body[g->ndocs], 512, d->body);
            copy(g->source[g->ndocs], 32, d->source);
            copy(g->date[g->ndocs], 40, d->date);
        }
        g->ndocs++;
    }
    kh_reader_free(r);
}

TEST(text_files_have_the_title_on_the_first_line)
{
    got g;
    const char *t = "Headline here\r\nFirst paragraph.\n\nSecond.\n";
    read_all(t, strlen(t), "news/a.txt", KH_FMT_AUTO, &g, NULL);
    REQUIRE_EQ_INT(g.ndocs, 1);
    CHECK_EQ_STR(g.id[0], "news/a.txt");
    CHECK_EQ_STR(g.title[0], "Headline here");
    CHECK_EQ_STR(g.body[0], "First paragraph.\n\nSecond.\n");
    read_all("  \n ", 4, "empty.txt", KH_FMT_AUTO, &g, NULL);
    CHECK_EQ_INT(g.ndocs, 0);
    CHECK_EQ_INT(g.nbad, 1);
}

TEST(json_lines_decode_escapes_and_skip_bad_lines_with_their_offsets)
{
    got g;
    const char *t =
        "{\"id\":\"1\",\"title\":\"T\\u00e9\",\"body\":\"a\\nb \\\"q\\\" \\ud83d\\ude00\","
        "\"source\":\"okaz\",\"date\":\"2015-07-21\",\"extra\":{\"x\":[1,2,{}]}}\n"
        "\n"
        "{\"id\":2,\"content\":\"numeric id\"}\n"
        "{\"id\":\"3\",\"body\":\"unterminated}\n"
        "{\"title\":\"no id\"}\n"
        "{\"id\":\"4\"} trailing\n"
        "[1,2]\n"
        "{\"id\":\"5\",\"body\":\"last, no newline\"}";
    read_all(t, strlen(t), "x.jsonl", KH_FMT_AUTO, &g, NULL);
    REQUIRE_EQ_INT(g.ndocs, 3);
    CHECK_EQ_STR(g.title[0], "T\xc3\xa9");
    CHECK_EQ_STR(g.body[0], "a\nb \"q\" \xf0\x9f\x98\x80");
    CHECK_EQ_STR(g.source[0], "okaz");
    CHECK_EQ_STR(g.id[1], "2");
    CHECK_EQ_STR(g.body[1], "numeric id");
    CHECK_EQ_STR(g.id[2], "5");
    CHECK_EQ_INT(g.nbad, 4);
    const char *line4 = strstr(t, "{\"id\":\"3\"");
    CHECK(g.bad_off[0] >= (uint64_t)(line4 - t)); /* inside the bad line */
    CHECK(g.bad_off[0] < (uint64_t)(strstr(t, "{\"title\":\"no id") - t));
}

TEST(json_field_names_are_configurable)
{
    got g;
    kh_reader_opts o = {.id = "url", .body = "content", .title = "headline"};
    const char *t =
        "{\"url\":\"http://x/1\",\"headline\":\"H\",\"content\":\"C\",\"body\":\"B\"}\n";
    read_all(t, strlen(t), "-", KH_FMT_JSONL, &g, &o);
    REQUIRE_EQ_INT(g.ndocs, 1);
    CHECK_EQ_STR(g.id[0], "http://x/1");
    CHECK_EQ_STR(g.title[0], "H");
    CHECK_EQ_STR(g.body[0], "C");
}

TEST(json_records_without_an_id_are_bad_unless_ids_are_optional)
{
    const char *t = "{\"body\":\"نص بلا معرف\"}\n{\"id\":\"b\",\"body\":\"نص\"}\n";
    got g;
    read_all(t, strlen(t), "x.jsonl", KH_FMT_AUTO, &g, NULL);
    CHECK_EQ_INT(g.ndocs, 1);
    CHECK_EQ_INT(g.nbad, 1);
    CHECK(strstr(g.bad_msg[0], "no id") != NULL);
    kh_reader_opts o = {.flags = KH_READER_ID_OPTIONAL};
    read_all(t, strlen(t), "x.jsonl", KH_FMT_AUTO, &g, &o);
    CHECK_EQ_INT(g.ndocs, 2);
    CHECK_EQ_INT(g.nbad, 0);
    CHECK_EQ_STR(g.id[0], "");
    CHECK_EQ_STR(g.body[0], "نص بلا معرف");
}

TEST(json_arrays_like_saudinewsnet_resynchronize_after_a_bad_element)
{
    got g;
    const char *t = "[\n    {\n        \"source\": \"okaz\",\n        \"url\": \"u1\",\n"
                    "        \"date_extracted\": \"2015-07-21 02:16:13\",\n"
                    "        \"title\": \"A\",\n        \"content\": \"one\"\n    },\n"
                    "    {\"url\": \"u2\", \"content\": bad},\n"
                    "    {\"url\": \"u3\", \"content\": \"three\"}\n]\n";
    read_all(t, strlen(t), "2015-07-21.json", KH_FMT_AUTO, &g, NULL);
    REQUIRE_EQ_INT(g.ndocs, 2);
    CHECK_EQ_STR(g.id[0], "u1");
    CHECK_EQ_STR(g.date[0], "2015-07-21 02:16:13");
    CHECK_EQ_STR(g.id[1], "u3");
    CHECK_EQ_INT(g.nbad, 1);
    /* objects one after another, pretty-printed */
    const char *c = "{\"id\": \"a\",\n \"body\": \"x\"}\n{\"id\": \"b\"}";
    read_all(c, strlen(c), "c.json", KH_FMT_AUTO, &g, NULL);
    CHECK_EQ_INT(g.ndocs, 2);
    read_all("[{\"id\":\"a\"}", 11, "open.json", KH_FMT_AUTO, &g, NULL);
    CHECK_EQ_INT(g.ndocs, 1);
    CHECK_EQ_INT(g.nbad, 1);
}

TEST(deeply_nested_json_is_an_error_not_a_crash)
{
    static char t[100000];
    size_t n = 0;
    n += (size_t)snprintf(t, sizeof t, "{\"id\":\"1\",\"x\":");
    for (int i = 0; i < 20000; i++)
        t[n++] = '[';
    t[n] = 0;
    got g;
    read_all(t, n, "deep.jsonl", KH_FMT_AUTO, &g, NULL);
    CHECK_EQ_INT(g.ndocs, 0);
    CHECK_EQ_INT(g.nbad, 1);
}

TEST(trec_files_like_ant_give_docno_title_text_source_and_time)
{
    got g;
    const char *t =
        "<DOC>\n<DOCNO>JA-economy-1-20170125</DOCNO>\n<URL>http://x</URL>\n"
        "<SRC>Jawhara FM</SRC>\n<CAT>economy</CAT>\n<TITLE>Title one</TITLE>\n"
        "<TIME>2017-01-25T14:36:00+01:00</TIME>\n<AUTHOR></AUTHOR>\n"
        "<ABSTRACT>\nlead\n</ABSTRACT>\n<TEXT>\nBody a < b & c\nline 2\n</TEXT>\n</DOC>\n"
        "<DOC>\n<TITLE>no docno</TITLE>\n</DOC>\n"
        "<DOC>\n<DOCNO>d3</DOCNO>\n<ABSTRACT>only lead</ABSTRACT>\n</DOC>\n"
        "<DOC>\n<DOCNO>d4</DOCNO>\n";
    read_all(t, strlen(t), "ant/x.txt", KH_FMT_AUTO, &g, NULL);
    REQUIRE_EQ_INT(g.ndocs, 2);
    CHECK_EQ_STR(g.id[0], "JA-economy-1-20170125");
    CHECK_EQ_STR(g.title[0], "Title one");
    CHECK_EQ_STR(g.body[0], "Body a < b & c\nline 2");
    CHECK_EQ_STR(g.source[0], "Jawhara FM");
    CHECK_EQ_STR(g.date[0], "2017-01-25T14:36:00+01:00");
    CHECK_EQ_STR(g.id[1], "d3");
    CHECK_EQ_STR(g.body[1], "only lead");
    CHECK_EQ_INT(g.nbad, 2);
}

TEST(html_pages_keep_the_article_and_drop_the_page_around_it)
{
    const char *t =
        "<!DOCTYPE html><html lang=ar><head><title>Page title | Site</title>"
        "<meta property=\"og:title\" content=\"The headline\">"
        "<meta property=\"og:site_name\" content=\"Example News\">"
        "<meta property=\"article:published_time\" content=\"2020-03-17T10:00:00Z\">"
        "<script>var x = 'script text';</script><style>p{}</style></head><body>"
        "<nav><a href=/>Home</a> <a href=/w>World</a></nav>"
        "<header class=site-header>Breaking bar</header>"
        "<div class=share-buttons>Share on X</div>"
        "<article><h1>The headline</h1>"
        "<p>First paragraph of the story, long enough to count as real article text here.</p>"
        "<p>Second paragraph, also long enough to count, with a <a href=#>link</a> &amp; "
        "an entity.</p>"
        "<div class=related-posts><p>Read also: another story that is a long headline "
        "in a list</p></div></article>"
        "<aside>Most read</aside><div id=comments><p>A comment that is long enough to be "
        "mistaken for a paragraph of text.</p></div>"
        "<footer>Copyright</footer></body></html>";
    got g;
    read_all(t, strlen(t), "page.html", KH_FMT_AUTO, &g, NULL);
    REQUIRE_EQ_INT(g.ndocs, 1);
    CHECK_EQ_STR(g.id[0], "page.html");
    CHECK_EQ_STR(g.title[0], "The headline");
    CHECK_EQ_STR(g.source[0], "Example News");
    CHECK_EQ_STR(g.date[0], "2020-03-17T10:00:00Z");
    CHECK(strstr(g.body[0], "First paragraph of the story") != NULL);
    CHECK(strstr(g.body[0], "with a link & an entity.") != NULL);
    CHECK(strstr(g.body[0], "\n\nSecond paragraph") != NULL);
    const char *junk[] = {"script text", "Home",      "Share on X",   "Read also", "Most read",
                          "A comment",   "Copyright", "Breaking bar", "p{}"};
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
        if (strstr(g.body[0], junk[i]))
            FAIL("boilerplate '%s' in the body: %s", junk[i], g.body[0]);
}

/* Shapes of real news pages that a naive reading of class names gets wrong. */
TEST(html_article_found_inside_forms_and_negated_or_mixed_class_names)
{
    static const char *const pages[] = {
        /* ASP.NET: the whole page inside one form */
        "<html><body><form method=post id=aspnetForm><div class=menu>Menu links</div>"
        "<div class=story><p>The story inside the page form is long enough to be the "
        "article text of this page.</p><p>A second paragraph of the same story, long "
        "enough as well.</p></div></form></body></html>",
        /* WordPress: the article box also says it has no share bar */
        "<html><body><div class=\"entry-content no-share\"><p>The story inside the page "
        "form is long enough to be the article text of this page.</p><p>A second "
        "paragraph of the same story, long enough as well.</p></div>"
        "<div class=footer-widgets><p>Footer widget text that is long enough to be a "
        "paragraph somewhere.</p></div></body></html>",
        /* Drupal: node-not-promoted holds "promo" */
        "<html><body><article class=\"node node-not-promoted\"><div class=content>"
        "<p>The story inside the page form is long enough to be the article text of this "
        "page.</p><p>A second paragraph of the same story, long enough as well.</p></div>"
        "</article></body></html>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        got g;
        read_all(pages[i], strlen(pages[i]), "p.html", KH_FMT_HTML, &g, NULL);
        REQUIRE_EQ_INT(g.ndocs, 1);
        if (!strstr(g.body[0], "The story inside the page form") ||
            !strstr(g.body[0], "A second paragraph"))
            FAIL("page %zu: article missing from the body: '%s'", i, g.body[0]);
        if (strstr(g.body[0], "Menu links") || strstr(g.body[0], "Footer widget"))
            FAIL("page %zu: boilerplate in the body: '%s'", i, g.body[0]);
    }
}

TEST(html_itemprop_article_body_wins_and_its_link_lists_are_dropped)
{
    /* Lines in a div with <br> between them (no <p>), a bigger box of other
    ** paragraphs elsewhere, and a list of links inside the article box. */
    const char *t =
        "<html><head><meta itemprop=datePublished content=\"2026-01-08T11:42:50Z\"></head>"
        "<body><div class=teasers><p>Teaser one is a paragraph long enough to score in the "
        "page.</p><p>Teaser two is a paragraph long enough to score in the page.</p>"
        "<p>Teaser three is a paragraph long enough to score in the page.</p></div>"
        "<div itemprop=articleBody><div>First line of the real article, written straight "
        "into a div.<br>Second line of the real article, after a line break, long enough."
        "<br>Third line of the real article closes the text of this page for good.</div>"
        "<ul><li><a href=/1>Next story</a></li><li><a href=/2>Previous story</a></li></ul>"
        "</div></body></html>";
    got g;
    read_all(t, strlen(t), "p.html", KH_FMT_HTML, &g, NULL);
    REQUIRE_EQ_INT(g.ndocs, 1);
    CHECK(strstr(g.body[0], "First line of the real article") != NULL);
    CHECK(strstr(g.body[0], "Third line of the real article") != NULL);
    CHECK(strstr(g.body[0], "Teaser") == NULL);
    CHECK(strstr(g.body[0], "Next story") == NULL);
    CHECK_EQ_STR(g.date[0], "2026-01-08T11:42:50Z");
}

TEST(broken_html_still_gives_its_text)
{
    const char *t = "<html><body><div><p>unclosed <b>bold <i>text that goes on and on and "
                    "on and on and on and on and on</div></table>";
    got g;
    read_all(t, strlen(t), "broken.htm", KH_FMT_AUTO, &g, NULL);
    REQUIRE_EQ_INT(g.ndocs, 1);
    CHECK(strstr(g.body[0], "unclosed bold text that goes on") != NULL);
    read_all("<html></html>", 13, "empty.html", KH_FMT_AUTO, &g, NULL);
    CHECK_EQ_INT(g.ndocs, 0);
    CHECK_EQ_INT(g.nbad, 1);
}

TEST(formats_are_sniffed_from_names_and_first_bytes)
{
    kh_reader *r;
    REQUIRE(kh_reader_new(NULL, &r) == KH_OK);
    struct {
        const char *name, *text;
        kh_format want;
    } cases[] = {
        {"a.txt", "hello\nworld", KH_FMT_TEXT},
        {"a.txt", "\n <DOC>", KH_FMT_TREC},
        {"a.jsonl", "{}", KH_FMT_JSONL},
        {"a.json", "{}", KH_FMT_JSON},
        {"a", "[{}]", KH_FMT_JSON},
        {"-", "{\"id\":1}", KH_FMT_JSONL},
        {"a.HTM", "x", KH_FMT_HTML},
        {"b", "<!doctype html><p>", KH_FMT_HTML},
        {"c", "plain words", KH_FMT_TEXT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kh_format f;
        kh_reader_start(r, (const uint8_t *)cases[i].text, strlen(cases[i].text), cases[i].name,
                        KH_FMT_AUTO, &f);
        if (f != cases[i].want)
            FAIL("%s [%s]: format %d, expected %d", cases[i].name, cases[i].text, f, cases[i].want);
    }
    kh_reader_free(r);
}
