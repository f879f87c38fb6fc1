/*
** kt_files.c - scratch folders and files for tests (kt_files.h).
** The buffers are static: tests run one at a time, in one thread.
*/
#include "kt_files.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char tmp[4096], path[4096];

static void rm_rf(const char *p)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", p);
    if (system(cmd) != 0) fprintf(stderr, "cannot clean %s\n", p);
}

const char *kt_tmpdir(const char *test)
{
    mkdir("build", 0777);
    mkdir("build/unit-files", 0777);
    snprintf(tmp, sizeof tmp, "build/unit-files/%s", test);
    rm_rf(tmp);
    if (mkdir(tmp, 0777) && errno != EEXIST) fprintf(stderr, "cannot create %s\n", tmp);
    return tmp;
}

const char *kt_path(const char *dir, const char *name)
{
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

int kt_write(const char *p, const char *text)
{
    FILE *f = fopen(p, "wb");
    if (!f) return -1;
    size_t n = strlen(text);
    int rc = fwrite(text, 1, n, f) == n ? 0 : -1;
    return fclose(f) || rc;
}

void kt_report(int fd, int n)
{
    if (write(fd, &n, sizeof n) != sizeof n) _exit(1);
}

int kt_kill9(void (*writer)(void *arg, int fd), void *arg, int want, long pause_us)
{
    int fd[2];
    if (pipe(fd)) return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        return -1;
    }
    if (pid == 0) {
        close(fd[0]);
        writer(arg, fd[1]);
        _exit(1); /* a writer that returns has failed */
    }
    close(fd[1]);
    int committed = 0, n;
    while (committed < want && read(fd[0], &n, sizeof n) == sizeof n)
        committed = n;
    struct timespec ts = {pause_us / 1000000, (pause_us % 1000000) * 1000};
    nanosleep(&ts, NULL);
    kill(pid, SIGKILL);
    int status;
    waitpid(pid, &status, 0);
    while (read(fd[0], &n, sizeof n) == sizeof n)
        committed = n; /* commits reported before the kill */
    close(fd[0]);
    return committed;
}
