/*
** fuzz_ingest_text.c - libFuzzer target: the text reader on arbitrary bytes.
*/
#include "ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_ingest(data, size, KH_FMT_TEXT, "input.txt");
}
