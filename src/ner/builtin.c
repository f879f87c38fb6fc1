/*
** builtin.c - the model kh_ner_new uses when given none: models/ner.khm,
** linked into the library as read-only data.
**
** The file is pulled in by the assembler's .incbin rather than turned into
** a C array, so the repository keeps one copy of the model (the binary
** file tools/train-ner.sh writes) and nothing generated from it; the
** Makefile rebuilds this object when the model changes. The path is
** relative to the repository root, where every build runs. The symbols are
** hidden: only the library sees them.
*/
#include "ner/ner.h"

#if __SIZEOF_SIZE_T__ == 8
#define KH_SIZE_DIRECTIVE ".quad"
#else
#define KH_SIZE_DIRECTIVE ".long"
#endif

__asm__(".section .rodata\n"
        ".balign 16\n"
        ".globl kh_ner_builtin_model\n"
        ".hidden kh_ner_builtin_model\n"
        "kh_ner_builtin_model:\n"
        ".incbin \"models/ner.khm\"\n"
        "kh_ner_builtin_end:\n"
        ".balign 8\n"
        ".globl kh_ner_builtin_size\n"
        ".hidden kh_ner_builtin_size\n"
        "kh_ner_builtin_size:\n" KH_SIZE_DIRECTIVE " kh_ner_builtin_end - kh_ner_builtin_model\n"
        ".previous\n");
