/*
 * read_floor: the JSON floor of the gatecheck benchmark (and a reference row
 * for XML inputs). Reads the file in 256 KiB read() chunks and touches every
 * byte by summing them, so the cost is the kernel copy plus one pass over the
 * bytes: no parsing at all.
 *
 * Exit status: 0 ok, 2 usage or I/O error.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CHUNK (256 * 1024)

static unsigned char buffer[CHUNK];

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "read_floor: %s: %s\n", argv[1], strerror(errno));
        return 2;
    }
    uint64_t total = 0, sum = 0;
    for (;;) {
        ssize_t n = read(fd, buffer, CHUNK);
        if (n < 0) {
            if (errno == EINTR) continue;
            fprintf(stderr, "read_floor: read: %s\n", strerror(errno));
            return 2;
        }
        if (n == 0) break;
        for (ssize_t i = 0; i < n; i++) sum += buffer[i];
        total += (uint64_t)n;
    }
    close(fd);
    printf("{\"bytes\": %llu, \"byte_sum\": %llu}\n", (unsigned long long)total, (unsigned long long)sum);
    return 0;
}
