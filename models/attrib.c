/*
** attrib.c - the learned speaker chooser's model (src/extract/attrib.c).
**
** Placeholder until tools/train-attrib.sh writes this file: the chooser is
** off, the rules' features weigh 1 and the others 0.
*/
#include "extract/extract.h"

const int kx_attrib_enabled = 0;

const float kx_attrib_weights[KX_AF_N] = {1.0f, 1.0f, 1.0f, 1.0f};
