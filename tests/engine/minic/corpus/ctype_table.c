/* ctype.h in the C locale: glibc's class bits for every ASCII character, and the case maps. */
#include <ctype.h>
#include <stdio.h>

int main(void) {
    for (int c = 0; c < 128; c++) {
        printf("%3d %5d %5d %5d %5d %5d %5d %5d %5d %5d %5d %5d %5d %3d %3d\n", c, isalpha(c), isdigit(c), isalnum(c),
               isspace(c), isupper(c), islower(c), isxdigit(c), ispunct(c), isprint(c), isgraph(c), iscntrl(c),
               isblank(c), toupper(c), tolower(c));
    }
    printf("EOF: %d %d %d\n", isalpha(EOF), toupper(EOF), tolower(EOF));
    printf("200: %d %d %d\n", isalpha(200), toupper(200), isprint(200));
    int letters = 0, digits = 0, spaces = 0;
    const char *text = "Hello, World 2024!\n";
    for (const char *p = text; *p; p++) {
        if (isalpha((unsigned char)*p)) letters++;
        if (isdigit((unsigned char)*p)) digits++;
        if (isspace((unsigned char)*p)) spaces++;
        putchar(toupper((unsigned char)*p));
    }
    printf("%d letters, %d digits, %d spaces\n", letters, digits, spaces);
    return 0;
}
