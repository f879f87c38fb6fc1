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

/* The kill -9 tests. Runs writer(arg, fd) in a child process: it indexes
** for ever and, after each commit, writes the number of documents committed
** so far to fd (kt_report). Once the child has reported at least `want`,
** waits about pause_us (into the middle of its next batch) and kills it
** with SIGKILL. Returns the last count the child reported before it died,
** or -1 if the child could not be started. */
int kt_kill9(void (*writer)(void *arg, int fd), void *arg, int want, long pause_us);
/* For writers: reports n committed documents on fd; exits the child if the
** parent is gone. */
void kt_report(int fd, int n);

#endif /* KHABAR_TEST_KT_FILES_H */
