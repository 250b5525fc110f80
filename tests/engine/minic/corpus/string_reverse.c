/* Reversing strings in place, palindromes, counting with a switch. */
#include <stdio.h>
#include <string.h>
#include <stdbool.h>

void reverse(char *s) {
    size_t n = strlen(s);
    for (size_t i = 0, j = n - 1; i < j; i++, j--) {
        char t = s[i];
        s[i] = s[j];
        s[j] = t;
    }
}

bool is_palindrome(const char *s) {
    int i = 0, j = (int)strlen(s) - 1;
    while (i < j)
        if (s[i++] != s[j--]) return false;
    return true;
}

int vowels(const char *s) {
    int count = 0;
    for (; *s; s++) {
        switch (*s) {
            case 'a': case 'e': case 'i': case 'o': case 'u':
            case 'A': case 'E': case 'I': case 'O': case 'U':
                count++;
                break;
            default:
                break;
        }
    }
    return count;
}

int main(void) {
    char word[32];
    strcpy(word, "Memory Simulator");
    reverse(word);
    printf("%s\n", word);
    const char *tests[] = {"level", "racecar", "memsim", "a", "abba"};
    for (int i = 0; i < 5; i++) printf("%s: %d %d\n", tests[i], is_palindrome(tests[i]), vowels(tests[i]));
    char greeting[] = "hello, world";
    reverse(greeting);
    puts(greeting);
    return 0;
}
