/* A Caesar cipher over standard input with getchar and putchar: the shift comes from argv. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

static int shift_letter(int c, int shift) {
    if (isupper(c)) return 'A' + (c - 'A' + shift + 26) % 26;
    if (islower(c)) return 'a' + (c - 'a' + shift + 26) % 26;
    return c;
}

int main(int argc, char *argv[]) {
    int shift = argc > 1 ? atoi(argv[1]) % 26 : 3;
    int c, letters = 0, others = 0;
    while ((c = getchar()) != EOF) {
        if (isalpha(c)) letters++;
        else if (!isspace(c)) others++;
        putchar(shift_letter(c, shift));
    }
    fprintf(stderr, "shifted %d letters by %d (%d other symbols)\n", letters, shift, others);
    return 0;
}
