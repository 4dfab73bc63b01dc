/*
 * Exercises libGateCheckC through gatecheck.h only, for scripts/test-c-abi.sh:
 *
 *   check_samples check CONFIG|- TODAY FILE...     print the verdict on the files (names as given); exit its code
 *   check_samples error CASE                        print the verdict of a bad call; exit its code
 *   check_samples threads N CONFIG|- TODAY FILE...  N threads check the files at once; exit 0 if every verdict
 *                                                   equals the single-threaded one
 *   check_samples version                           print gatecheck_version()
 */
#include "gatecheck.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buffer {
    char *bytes;
    size_t length;
};

static struct buffer read_file(const char *path) {
    struct buffer result = {NULL, 0};
    FILE *file = fopen(path, "rb");
    if (!file) {
        perror(path);
        exit(70);
    }
    size_t capacity = 0;
    for (;;) {
        if (result.length == capacity) {
            capacity = capacity ? capacity * 2 : 65536;
            result.bytes = realloc(result.bytes, capacity);
            if (!result.bytes) exit(71);
        }
        size_t got = fread(result.bytes + result.length, 1, capacity - result.length, file);
        if (got == 0) break;
        result.length += got;
    }
    fclose(file);
    return result;
}

/* One check's arguments, read from the command line: CONFIG|- TODAY FILE... */
struct call {
    struct buffer config;
    const char *today;
    size_t count;
    const char **names;
    const uint8_t **bodies;
    size_t *lengths;
};

static struct call parse_call(int argc, char **argv) {
    struct call call = {{NULL, 0}, argv[1], (size_t)(argc - 2), NULL, NULL, NULL};
    if (strcmp(argv[0], "-") != 0) call.config = read_file(argv[0]);
    call.names = calloc(call.count + 1, sizeof *call.names);
    call.bodies = calloc(call.count + 1, sizeof *call.bodies);
    call.lengths = calloc(call.count + 1, sizeof *call.lengths);
    for (size_t i = 0; i < call.count; i++) {
        struct buffer body = read_file(argv[i + 2]);
        call.names[i] = argv[i + 2];
        call.bodies[i] = (const uint8_t *)body.bytes;
        call.lengths[i] = body.length;
    }
    return call;
}

static char *run(const struct call *call, int *exit_code) {
    return gatecheck_check(call->config.bytes, call->config.length, call->count, call->names, call->bodies,
                           call->lengths, call->today, exit_code);
}

struct worker {
    pthread_t thread;
    const struct call *call;
    const char *expected;
    int mismatches;
};

static void *work(void *argument) {
    struct worker *worker = argument;
    for (int round = 0; round < 5; round++) {
        int code = -1;
        char *verdict = run(worker->call, &code);
        if (!verdict || strcmp(verdict, worker->expected) != 0) worker->mismatches++;
        gatecheck_free(verdict);
    }
    return NULL;
}

static int threads(int count, const struct call *call) {
    int code = -1;
    char *expected = run(call, &code);
    struct worker *workers = calloc((size_t)count, sizeof *workers);
    for (int i = 0; i < count; i++) {
        workers[i] = (struct worker){.call = call, .expected = expected};
        if (pthread_create(&workers[i].thread, NULL, work, &workers[i]) != 0) return 72;
    }
    int mismatches = 0;
    for (int i = 0; i < count; i++) {
        pthread_join(workers[i].thread, NULL);
        mismatches += workers[i].mismatches;
    }
    printf("%d threads x 5 calls: %d verdict(s) differ from the single-threaded one (exit %d)\n", count, mismatches,
           code);
    gatecheck_free(expected);
    return mismatches == 0 ? 0 : 1;
}

/* The bad calls the header promises to answer with an exit-2 verdict. */
static char *error_case(const char *name, int *code) {
    static const char report[] = "<testsuite tests=\"1\"><testcase name=\"t\"/></testsuite>";
    const char *names[] = {"junit.xml"};
    const char *null_names[] = {NULL};
    const char *bad_names[] = {"junit-\xff.xml"};
    const uint8_t *bodies[] = {(const uint8_t *)report};
    const uint8_t *null_bodies[] = {NULL};
    size_t lengths[] = {sizeof report - 1};
    static const char bad_config[] = "{\"version\": 1, \"gates\": [{\"id\": \"x\", \"metric\": \"no.such\"}]}";
    const char *day = "2026-12-03";
    if (strcmp(name, "null-config-no-reports") == 0) return gatecheck_check(NULL, 0, 0, NULL, NULL, NULL, day, code);
    if (strcmp(name, "bad-config") == 0)
        return gatecheck_check(bad_config, sizeof bad_config - 1, 1, names, bodies, lengths, day, code);
    if (strcmp(name, "bad-date") == 0) return gatecheck_check(NULL, 0, 1, names, bodies, lengths, "2026-02-30", code);
    if (strcmp(name, "null-date") == 0) return gatecheck_check(NULL, 0, 1, names, bodies, lengths, NULL, code);
    if (strcmp(name, "null-name") == 0) return gatecheck_check(NULL, 0, 1, null_names, bodies, lengths, day, code);
    if (strcmp(name, "null-arrays") == 0) return gatecheck_check(NULL, 0, 1, NULL, NULL, NULL, day, code);
    if (strcmp(name, "null-body") == 0) return gatecheck_check(NULL, 0, 1, names, null_bodies, lengths, day, code);
    if (strcmp(name, "non-utf8-name") == 0) return gatecheck_check(NULL, 0, 1, bad_names, bodies, lengths, day, code);
    if (strcmp(name, "huge-config-length") == 0)
        return gatecheck_check(bad_config, SIZE_MAX, 1, names, bodies, lengths, day, code);
    if (strcmp(name, "huge-count") == 0) return gatecheck_check(NULL, 0, SIZE_MAX, names, bodies, lengths, day, code);
    fprintf(stderr, "unknown case %s\n", name);
    exit(64);
}

int main(int argc, char **argv) {
    if (argc >= 4 && strcmp(argv[1], "check") == 0) {
        struct call call = parse_call(argc - 2, argv + 2);
        int code = -1;
        char *verdict = run(&call, &code);
        fputs(verdict, stdout);
        gatecheck_free(verdict);
        return code;
    }
    if (argc == 3 && strcmp(argv[1], "error") == 0) {
        int code = -1;
        char *verdict = error_case(argv[2], &code);
        fputs(verdict, stdout);
        gatecheck_free(verdict);
        return code;
    }
    if (argc >= 5 && strcmp(argv[1], "threads") == 0) {
        struct call call = parse_call(argc - 3, argv + 3);
        return threads(atoi(argv[2]), &call);
    }
    if (argc == 2 && strcmp(argv[1], "version") == 0) {
        puts(gatecheck_version());
        return 0;
    }
    fprintf(stderr, "usage: see the comment at the top of check_samples.c\n");
    return 64;
}
