/* Rolls two dice 3600 times with a fixed seed and draws the histogram of the sums with
   printf's '*' width: the same seed gives the same picture on every run. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int counts[13] = {0};
    srand(2024);
    for (int i = 0; i < 3600; i++) counts[rand() % 6 + 1 + rand() % 6 + 1]++;
    for (int sum = 2; sum <= 12; sum++) {
        printf("%2d %4d |%-*s|\n", sum, counts[sum], 30, "");
        printf("        |%.*s\n", counts[sum] / 20, "**************************************************");
    }
    int r = rand();
    printf("next: %d, %d in [0,99], RAND_MAX/r = %d\n", r, r % 100, RAND_MAX / (r == 0 ? 1 : r));
    return 0;
}
