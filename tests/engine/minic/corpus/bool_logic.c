/* bool and _Bool: any non-zero value stored is 1. */
#include <stdio.h>
#include <stdbool.h>

bool is_prime(int n) {
    if (n < 2) return false;
    for (int d = 2; d * d <= n; d++)
        if (n % d == 0) return false;
    return true;
}

int main(void) {
    bool flags[20];
    int count = 0;
    for (int i = 0; i < 20; i++) {
        flags[i] = is_prime(i);
        count += flags[i];
    }
    printf("%d primes below 20:", count);
    for (int i = 0; i < 20; i++)
        if (flags[i]) printf(" %d", i);
    printf("\n");
    _Bool b = 42;
    bool c = (bool)256;
    int *p = &count;
    bool has = p;
    printf("b=%d c=%d has=%d size=%d\n", b, c, has, (int)sizeof(bool));
    printf("true+true=%d !false=%d\n", true + true, !false);
    return 0;
}
