/*
** consist.h - one name, one type within a document (see consist.c).
*/
#ifndef KH_NER_CONSIST_H
#define KH_NER_CONSIST_H

#include "ner/feat.h"

typedef struct kh_consist {
    kh_mem mem;
    struct kh_phrase *tab; /* open addressing, power-of-two size */
    size_t cap;
} kh_consist;

void kh_consist_free(kh_consist *c);

/* Tags again, as entities, the untagged occurrences of names the tagger
** found elsewhere in the document (fx: its words; tags: the tagger's,
** changed in place). Errors: KH_ENOMEM (tags are then unchanged). */
kh_status kh_consist_apply(kh_consist *c, const kh_feat *fx, uint8_t *tags);

#endif
