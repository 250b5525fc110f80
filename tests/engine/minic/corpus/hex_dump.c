/* A hex dump of standard input, 8 bytes a row: offsets with %08lx, bytes with %02x, the
   printable ones with isprint, as xxd does. */
#include <ctype.h>
#include <stdio.h>

int main(void) {
    unsigned char row[8];
    unsigned long offset = 0;
    int n = 0, c;
    do {
        c = getchar();
        if (c != EOF) row[n++] = (unsigned char)c;
        if (n == 8 || (c == EOF && n > 0)) {
            printf("%08lx: ", offset);
            for (int i = 0; i < 8; i++) {
                if (i < n) printf("%02x ", row[i]);
                else printf("   ");
            }
            printf(" |");
            for (int i = 0; i < n; i++) putchar(isprint(row[i]) ? row[i] : '.');
            printf("|\n");
            offset += (unsigned long)n;
            n = 0;
        }
    } while (c != EOF);
    printf("%lu bytes (%#lx)\n", offset, offset);
    return 0;
}
