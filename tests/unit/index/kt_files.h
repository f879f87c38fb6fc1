/*
** kt_files.h - scratch files for the tests that need a database or input
** files on disk (the index, reader and ingest tests).
*/
#ifndef KHABAR_TEST_KT_FILES_H
#define KHABAR_TEST_KT_FILES_H

#include "../test.h"

/* A fresh empty folder build/unit-files/TEST for this test; the path is
** static storage of the test program, valid until the next call. */
const char *kt_tmpdir(const char *test);
/* dir + "/" + name, in a buffer valid until the next call. */
const char *kt_path(const char *dir, const char *name);
/* Writes a file; returns 0 or -1. */
int kt_write(const char *path, const char *text);

#endif /* KHABAR_TEST_KT_FILES_H */
