/*
** canon.c - kh_ner_canonical: the canonical name of what a span of a
** tagged document names, so that quotation speakers, search facets and
** stored quotes all use the one name the recognizer gave the entity.
**
** The span usually comes from another module (a speaker found by the
** quotation extractor), so it need not coincide with a mention: it may
** carry a title (وزير الخارجية الروسي سيرغي لافروف) or be a spelling the
** tagger missed. Hence three tries, from the most to the least direct: a
** mention inside the span, the name key of the span's text, the alias table.
*/
#include "ner/ner.h"

const char *kh_ner_canonical(const kh_ner_result *r, const uint8_t *text, size_t len,
                             uint32_t start, uint32_t end, uint32_t *type)
{
    if (!text || start >= end || end > len) return NULL;
    if (r) {
        /* 1. the mention that overlaps the span most; on a tie the later one,
        ** since an Arabic noun phrase ends on its head name (متحدث باسم الناتو) */
        const kh_entity *best = NULL;
        uint32_t bestov = 0;
        for (size_t i = 0; i < r->nentities; i++) {
            const kh_entity *e = &r->entities[i];
            uint32_t s = e->start > start ? e->start : start, t = e->end < end ? e->end : end;
            if (s < t && t - s >= bestov && e->id < r->nnames) {
                best = e;
                bestov = t - s;
            }
        }
        if (best) {
            if (type) *type = r->names[best->id].type;
            return r->names[best->id].name;
        }
        /* 2. an entity of the document whose name key is the span's */
        char key[1024];
        size_t kl;
        if ((size_t)(end - start) * 4 + 1 <= sizeof key &&
            kh_name_key(text + start, end - start, key, sizeof key, &kl) == KH_OK && kl)
            for (size_t i = 0; i < r->nnames; i++)
                if (r->names[i].key_len == kl && !memcmp(r->names[i].key, key, kl)) {
                    if (type) *type = r->names[i].type;
                    return r->names[i].name;
                }
    }
    /* 3. an organization or country the alias table knows */
    return kh_alias_find(text + start, end - start, type);
}
