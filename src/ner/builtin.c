/*
** builtin.c - the model kh_ner_new uses when given none.
**
** Empty until a trained model ships in models/ (see models/NOTICE).
*/
#include "ner/ner.h"

const uint8_t kh_ner_builtin_model[1] = {0};
const size_t kh_ner_builtin_size = 0;
