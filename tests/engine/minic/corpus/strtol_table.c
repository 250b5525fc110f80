/* atoi, atol, strtol, strtoul, strtoll, strtoull: bases, prefixes, signs, endptr and overflow. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const char *inputs[] = {"0", "42", "  -17xyz", "+8", "0x1A", "0X1a", "0x", "0xg", "017", "08", "z", "Z9",
                            "  \t\n 99", "-", "", "9223372036854775807", "9223372036854775808",
                            "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
                            "18446744073709551616", "-1", "4294967296", "2147483648", "1010", "777", "ffff"};
    int bases[] = {0, 2, 8, 10, 16, 36};
    for (int i = 0; i < (int)(sizeof inputs / sizeof inputs[0]); i++) {
        const char *s = inputs[i];
        printf("\"%s\": atoi=%d atol=%ld atoll=%lld\n", s, atoi(s), atol(s), atoll(s));
        for (int b = 0; b < 6; b++) {
            char *end;
            long v = strtol(s, &end, bases[b]);
            char *uend;
            unsigned long u = strtoul(s, &uend, bases[b]);
            long long ll = strtoll(s, NULL, bases[b]);
            unsigned long long ull = strtoull(s, NULL, bases[b]);
            printf("  base %2d: %ld (+%d) %lu (+%d) %lld %llu\n", bases[b], v, (int)(end - s), u, (int)(uend - s), ll, ull);
        }
    }
    printf("abs: %d %d %ld %lld\n", abs(-5), abs(5), labs(-70000L), llabs(-9000000000LL));
    return 0;
}
