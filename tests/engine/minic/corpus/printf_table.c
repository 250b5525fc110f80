/* printf's integer, character, string and pointer conversions: a table of formats and values. */
#include <stdio.h>
#include <stddef.h>

int main(void) {
    const char *int_formats[] = {"%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "%.3d", "%8.3d", "%-8.3d|",
                                 "%.0d", "%u", "%o", "%#o", "%x", "%#x", "%X", "%#X", "%#8x", "%-#8x|", "%#08x", "%hhd",
                                 "%hhu", "%hd", "%hu", "%hhx", "%+.0d", "% 7.4d", "%#.3o", "%#.0x"};
    int values[] = {0, 1, -1, 7, 42, -42, 255, 256, 1000, -32768, 65535, 2147483647, -2147483647 - 1};
    int nf = (int)(sizeof int_formats / sizeof int_formats[0]);
    int nv = (int)(sizeof values / sizeof values[0]);
    for (int f = 0; f < nf; f++) {
        printf("%-8s", int_formats[f]);
        for (int v = 0; v < nv; v++) {
            putchar('[');
            printf(int_formats[f], values[v]);
            putchar(']');
        }
        putchar('\n');
    }
    long big = 9223372036854775807L;
    long long small = -9223372036854775807LL - 1;
    unsigned long ul = 18446744073709551615UL;
    size_t size = sizeof(long);
    printf("%ld %lld %lu %zu %zd %lx %llX %#lo\n", big, small, ul, size, (ptrdiff_t)-5, big, small, ul);
    printf("%jd %td %20ld| %-20lld|\n", (long long)-3, (ptrdiff_t)12, big, small);
    printf("[%c][%3c][%-3c][%c%c%c]\n", 'a', 'b', 'c', 72, 105, 33);
    const char *s = "string";
    printf("[%s][%10s][%-10s][%.3s][%10.2s][%-10.4s][%.0s][%.10s]\n", s, s, s, s, s, s, s, s);
    printf("[%*d][%-*d][%*d][%.*d][%*.*s][%.*s]\n", 6, 42, 6, 42, -6, 42, 4, 7, 8, 3, s, -1, s);
    printf("[%p][%p][%20p][%-20p]\n", (void *)0, (void *)0x1234, (void *)0, (void *)0xabcdef);
    printf("100%% [%5%] done\n");
    int n1 = 0, n2 = 0;
    printf("count%n this%n\n", &n1, &n2);
    printf("%d %d\n", n1, n2);
    int printed = printf("%s=%d\n", "answer", 42);
    printf("printed %d bytes\n", printed);
    return 0;
}
