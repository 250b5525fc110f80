/* div, ldiv and lldiv: quotient and remainder in one call, truncated toward zero as C99
   says (the remainder takes the sign of the dividend), used to split seconds into a clock
   and to convert numbers to other bases. */
#include <stdio.h>
#include <stdlib.h>

void clock_of(long seconds) {
    ldiv_t hours = ldiv(seconds, 3600L);
    div_t minutes = div((int)hours.rem, 60);
    printf("%ld s = %ld h %d min %d s\n", seconds, hours.quot, minutes.quot, minutes.rem);
}

void in_base(int n, int base) {
    char digits[40];
    int count = 0;
    div_t step = {n, 0};
    do {
        step = div(step.quot, base);
        digits[count++] = "0123456789abcdef"[step.rem];
    } while (step.quot != 0);
    printf("%d in base %d: ", n, base);
    while (count > 0) putchar(digits[--count]);
    putchar('\n');
}

int main(void) {
    int pairs[][2] = {{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {2147483647, 10}};
    for (int i = 0; i < 6; i++) {
        div_t r = div(pairs[i][0], pairs[i][1]);
        printf("div(%d, %d) = {%d, %d}\n", pairs[i][0], pairs[i][1], r.quot, r.rem);
    }
    lldiv_t big = lldiv(9000000000000000007LL, 1000000007LL);
    printf("lldiv: %lld rem %lld\n", big.quot, big.rem);
    printf("div(17, 5).rem = %d, sizeof(div_t) = %zu, sizeof(ldiv_t) = %zu\n", div(17, 5).rem, sizeof(div_t), sizeof(ldiv_t));
    clock_of(0);
    clock_of(3725);
    clock_of(86399);
    in_base(255, 2);
    in_base(255, 16);
    in_base(1000, 7);
    return div(100, 7).rem;
}
