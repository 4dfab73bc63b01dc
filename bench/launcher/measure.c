/*
 * measure: run one command and report its wall time, CPU time and peak RSS.
 *
 *   measure RESULT_FILE COMMAND [ARG...]
 *
 * Why a C launcher and not os.wait4() straight from Python: on Linux a child's
 * ru_maxrss starts at the high-water RSS of the process image it replaced at
 * exec, and fork (or vfork/posix_spawn) makes that image the parent's. Spawned
 * from the benchmark's Python process, every child would report at least the
 * harness's own peak RSS. This launcher is a tiny process: its child starts
 * from ~1 MB, so ru_maxrss is the command's own (GNU time works the same way).
 *
 * stdin/stdout/stderr are inherited. RESULT_FILE receives one line:
 *   status=exited|signaled code=N wall_s=F user_s=F sys_s=F maxrss_kib=N
 * Wall time is CLOCK_MONOTONIC from just before fork() to wait4() returning.
 * Exit status of measure itself: 0 if the line was written, 125 otherwise.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double tv_seconds(struct timeval tv) { return (double)tv.tv_sec + (double)tv.tv_usec / 1e6; }

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s RESULT_FILE COMMAND [ARG...]\n", argv[0]);
        return 125;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("measure: fork");
        return 125;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        fprintf(stderr, "measure: exec %s: %s\n", argv[2], strerror(errno));
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("measure: wait4");
            return 125;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

    FILE *out = fopen(argv[1], "w");
    if (out == NULL) {
        perror("measure: result file");
        return 125;
    }
    const char *kind = WIFEXITED(status) ? "exited" : "signaled";
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status);
    fprintf(out, "status=%s code=%d wall_s=%.6f user_s=%.6f sys_s=%.6f maxrss_kib=%ld\n", kind, code, wall,
            tv_seconds(ru.ru_utime), tv_seconds(ru.ru_stime), ru.ru_maxrss);
    if (fclose(out) != 0) return 125;
    return 0;
}
