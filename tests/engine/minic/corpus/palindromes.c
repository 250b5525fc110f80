/* Which lines of standard input are palindromes, ignoring case, spaces and punctuation:
   fgets, isalnum, tolower and two indexes walking inwards. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static int is_palindrome(const char *s) {
    int i = 0, j = (int)strlen(s) - 1;
    while (i < j) {
        if (!isalnum((unsigned char)s[i])) { i++; continue; }
        if (!isalnum((unsigned char)s[j])) { j--; continue; }
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)s[j])) return 0;
        i++;
        j--;
    }
    return 1;
}

int main(void) {
    char line[80];
    int yes = 0, total = 0;
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        int p = is_palindrome(line);
        yes += p;
        total++;
        printf("%-32s %s\n", line, p ? "palindrome" : "-");
    }
    printf("%d of %d\n", yes, total);
    return 0;
}
