/*
** html.h - the title, main text and metadata of an HTML news page.
**
** Parsing is gumbo's (an HTML5 parser: the same tree a browser builds, so
** broken markup, unquoted attributes and stray tags are handled as browsers
** do). On that tree: scripts, styles, navigation, headers, footers, asides,
** forms and every element whose class or id names boilerplate (share,
** comment, related, "read also", menu, sidebar, ad...) are dropped; the
** container whose paragraphs hold the most text, with little of it in
** links, is the article (the idea of Readability's scoring); its text is
** kept, one paragraph per block element, separated by blank lines, with
** runs of spaces collapsed. Without such a container, all remaining text of
** <body> is used.
**
** Metadata: title from og:title, else <title>, else the first <h1>; site
** from og:site_name; url from og:url or <link rel=canonical>; date from
** article:published_time, else <meta name=date|pubdate|publishdate>, else
** the first <time datetime>.
**
** Offsets of anything found in this text refer to the extracted text, which
** is what the index stores as the document's body.
*/
#ifndef KH_INDEX_HTML_H
#define KH_INDEX_HTML_H

#include "base/mem.h"

typedef struct kh_html_text {
    const kh_mem *mem;
    kh_buf title, body, site, url, date;
} kh_html_text;

void kh_html_init(kh_html_text *h, const kh_mem *m);
void kh_html_free(kh_html_text *h);

/* Extracts from html[0..len). Returns 0, or -1 if memory ran out. */
int kh_html_extract(kh_html_text *h, const uint8_t *html, size_t len);

#endif
