/* Placeholder: replaced by `make data` (tools/mklexicon). An empty lexicon
** makes the analyzer split only on grammar and the article. */
#include "analysis/lexicon.h"

static const uint32_t slots[1] = {0};
static const kh_lexicon LEX = {(const uint8_t *)"", NULL, 0, slots, 1, NULL, NULL, 0};

const kh_lexicon *kh_lex_builtin(void)
{
    return &LEX;
}
