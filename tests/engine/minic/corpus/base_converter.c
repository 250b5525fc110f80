/* Numbers in any base: strtoul with base 0 and 2..36 and its end pointer, printed back
   with %o, %x, %#X and a hand-made binary form. */
#include <stdio.h>
#include <stdlib.h>

static void binary(unsigned long v, char *out) {
    char tmp[65];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + (v & 1));
        v >>= 1;
    } while (v != 0);
    for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

int main(void) {
    const char *inputs[] = {"255", "0377", "0xff", "11111111", "zz", "-1", "  42 rest", "9x"};
    int bases[] = {0, 0, 0, 2, 36, 10, 10, 10};
    for (int i = 0; i < 8; i++) {
        char *end;
        unsigned long v = strtoul(inputs[i], &end, bases[i]);
        char bits[65];
        binary(v & 0xffff, bits);
        printf("%-10s base %2d -> %lu = %lo (oct) = %lx = %#lX, low 16 bits %s, rest \"%s\"\n", inputs[i], bases[i], v, v, v, v,
               bits, end);
    }
    return 0;
}
