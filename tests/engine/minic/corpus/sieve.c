/* The sieve of Eratosthenes with a bool array and a #define limit. */
#include <stdio.h>
#include <stdbool.h>
#include <string.h>

#define LIMIT 100

static bool composite[LIMIT + 1];

int main(void) {
    memset(composite, 0, sizeof composite);
    int count = 0;
    for (int i = 2; i <= LIMIT; i++) {
        if (composite[i]) continue;
        count++;
        printf("%d%c", i, count % 10 == 0 ? '\n' : ' ');
        for (int j = i * i; j <= LIMIT; j += i) composite[j] = true;
    }
    printf("\n%d primes up to %d\n", count, LIMIT);
    return 0;
}
