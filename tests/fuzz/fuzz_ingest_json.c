/*
** fuzz_ingest_json.c - libFuzzer target: the json reader on arbitrary bytes.
*/
#include "ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_ingest(data, size, KH_FMT_JSON, "input.json");
}
