/* Counting lines, words and characters with a bool "inside a word" state. */
#include <stdio.h>
#include <stdbool.h>

#define TEXT "The quick brown fox\njumps over\tthe lazy dog.\n\nMemory is a big array.\n"

int main(void) {
    const char *text = TEXT;
    int lines = 0, words = 0, chars = 0;
    bool in_word = false;
    for (const char *p = text; *p; p++) {
        chars++;
        switch (*p) {
            case '\n':
                lines++;
                /* fall through */
            case ' ':
            case '\t':
                in_word = false;
                break;
            default:
                if (!in_word) {
                    words++;
                    in_word = true;
                }
        }
    }
    printf("%d %d %d\n", lines, words, chars);
    return 0;
}
