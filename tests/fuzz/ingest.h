/*
** ingest.h - the body shared by the ingest fuzz targets: read every document
** of the input in one format and touch every field, so that ASan sees any
** byte read outside the input or the reader's buffers.
*/
#ifndef KH_FUZZ_INGEST_H
#define KH_FUZZ_INGEST_H

#include "khabar.h"

#include <stddef.h>
#include <stdint.h>

static void touch(kh_text t, volatile uint8_t *sink)
{
    for (size_t i = 0; i < t.len; i++)
        *sink ^= (uint8_t)t.ptr[i];
}

static int fuzz_ingest(const uint8_t *data, size_t size, kh_format fmt, const char *name)
{
    kh_reader *r;
    volatile uint8_t sink = 0;
    if (kh_reader_new(NULL, &r))
        return 0;
    if (kh_reader_start(r, data, size, name, fmt, NULL) == KH_OK)
        for (int n = 0; n < 100000; n++) {
            const kh_doc *d;
            kh_status s = kh_reader_next(r, &d);
            if (s) {
                if (!kh_reader_error(r)->message[0])
                    __builtin_trap(); /* every failure explains itself */
                continue;
            }
            if (!d)
                break;
            touch(d->id, &sink), touch(d->title, &sink), touch(d->body, &sink);
            touch(d->source, &sink), touch(d->url, &sink), touch(d->date, &sink);
            if (d->start > d->end || d->end > size)
                __builtin_trap();
        }
    kh_reader_free(r);
    return 0;
}

#endif
