#include <stdio.h>
#include <stdlib.h>

static int classify(int n) {
    if (n < 0) {
        return -1;
    } else if (n == 0) {
        return 0;
    }
    return 1;
}

static int sum_to(int n) {
    int total = 0;
    for (int i = 1; i <= n; i++) {
        total += i;
    }
    return total;
}

static void never_called(void) {
    printf("unreachable\n");
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 3;
    printf("%d %d\n", classify(n), sum_to(n));
    if (argc > 2) {
        never_called();
    }
    return 0;
}
