/*
** stem.h - the search key: a light stem on top of the segmentation.
**
** key = light-stem(stem segment), in lexicon form, then ة folded to ه
** (primer §4.7). The light stem folds a small set of inflectional endings —
** feminine ة, sound plurals ات ون ين, dual ان, nisba feminine ية, past
** feminine ت — and only when the lexicon says the shorter form is a word
** in its own right, so لبنان keeps its ان and فلسطين its ين.
** Queries and documents go through this same function.
*/
#ifndef KH_STEM_H
#define KH_STEM_H

#include "analysis/lexicon.h"

#include <stddef.h>
#include <stdint.h>

/* Light-stems lex[0..n) in place. Returns the new length. scratch needs
** 4 * n + 8 bytes. */
size_t kh_stem_light(const kh_lexicon *lx, uint32_t *lex, size_t n, uint8_t *scratch);

#endif
