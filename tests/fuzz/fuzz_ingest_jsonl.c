/*
** fuzz_ingest_jsonl.c - libFuzzer target: the jsonl reader on arbitrary bytes.
*/
#include "ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_ingest(data, size, KH_FMT_JSONL, "input.jsonl");
}
