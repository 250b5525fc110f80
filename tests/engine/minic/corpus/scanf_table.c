/* scanf from standard input and sscanf from strings: conversions, widths, sets, %n and return values. */
#include <stdio.h>

static void table(void) {
    const char *inputs[] = {"42", "  -17 rest", "0x1f", "017", "+5", "abc", "", "   ", "12abc", "2147483648",
                            "99999999999999999999", "-1", "7 8 9"};
    for (int i = 0; i < (int)(sizeof inputs / sizeof inputs[0]); i++) {
        int d = -99, n = -99, i1 = -99;
        unsigned u = 99, x = 99, o = 99;
        int r1 = sscanf(inputs[i], "%d%n", &d, &n);
        int r2 = sscanf(inputs[i], "%i", &i1);
        int r3 = sscanf(inputs[i], "%u", &u);
        int r4 = sscanf(inputs[i], "%x", &x);
        int r5 = sscanf(inputs[i], "%o", &o);
        printf("\"%s\": %%d %d,%d,n=%d %%i %d,%d %%u %d,%u %%x %d,%u %%o %d,%u\n", inputs[i], r1, d, n, r2, i1, r3, u, r4, x, r5, o);
    }
}

int main(void) {
    table();
    char word[16], rest[32], set[16];
    int a = 0, b = 0, count = 0;
    long l = 0;
    long long ll = 0;
    short h = 0;
    signed char hh = 0;
    char c1 = 0, c2 = 0;
    int r = sscanf("name: Ada, 36 years", "name: %15[^,], %d years%n", word, &a, &count);
    printf("%d [%s] %d %d\n", r, word, a, count);
    r = sscanf("hello world", "%3s%s", word, rest);
    printf("%d [%s] [%s]\n", r, word, rest);
    r = sscanf("x y", "%c %c", &c1, &c2);
    printf("%d [%c][%c]\n", r, c1, c2);
    r = sscanf("x y", "%c%c", &c1, &c2);
    printf("%d [%c][%c]\n", r, c1, c2);
    r = sscanf("123456", "%2d%3d", &a, &b);
    printf("%d %d %d\n", r, a, b);
    r = sscanf("9000000000 -9000000000000 70000 300", "%ld %lld %hd %hhd", &l, &ll, &h, &hh);
    printf("%d %ld %lld %d %d\n", r, l, ll, h, hh);
    r = sscanf("abc123def", "%[a-z]%d%[a-z]", word, &a, set);
    printf("%d [%s] %d [%s]\n", r, word, a, set);
    r = sscanf("]]x", "%[]]", set);
    printf("%d [%s]\n", r, set);
    r = sscanf("skip 5", "%*s %d", &a);
    printf("%d %d\n", r, a);
    r = sscanf("100%", "%d%%", &a);
    printf("%d %d\n", r, a);
    r = sscanf("7-8", "%d-%d", &a, &b);
    printf("%d %d %d\n", r, a, b);
    r = sscanf("7:8", "%d-%d", &a, &b);
    printf("%d %d\n", r, a);
    /* standard input: numbers until EOF, then a line and characters */
    int total = 0, value = 0, numbers = 0;
    while ((r = scanf("%d", &value)) == 1) {
        total += value;
        numbers++;
    }
    printf("read %d numbers, total %d, last scanf %d\n", numbers, total, r);
    r = scanf("%15s", word);
    printf("word: %d [%s]\n", r, word);
    r = scanf(" %c", &c1);
    printf("char: %d [%c]\n", r, c1);
    r = scanf("%d", &value);
    printf("at end: %d\n", r);
    return 0;
}
