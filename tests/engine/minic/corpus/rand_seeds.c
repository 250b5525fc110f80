/* rand and srand: glibc's sequence for several seeds, unseeded first. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("unseeded:");
    for (int i = 0; i < 5; i++) printf(" %d", rand());
    printf("\n");
    unsigned seeds[] = {0u, 1u, 2u, 42u, 12345u, 2147483647u, 2147483648u, 4000000000u, 4294967295u};
    for (int s = 0; s < (int)(sizeof seeds / sizeof seeds[0]); s++) {
        srand(seeds[s]);
        printf("seed %u:", seeds[s]);
        for (int i = 0; i < 8; i++) printf(" %d", rand());
        printf("\n");
    }
    srand(7);
    int counts[6] = {0};
    for (int i = 0; i < 6000; i++) counts[rand() % 6]++;
    printf("dice:");
    for (int i = 0; i < 6; i++) printf(" %d", counts[i]);
    printf("\nRAND_MAX = %d\n", RAND_MAX);
    return 0;
}
