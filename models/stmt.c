/* placeholder: the rules' verdict alone (replaced by tools/train-stmt.py) */
#include "extract/stmt.h"

const float kx_stmt_w[KX_STMT_NF] = {[KX_SF_BIAS] = -5.0f, [KX_SF_RULE_STMT] = 10.0f};
