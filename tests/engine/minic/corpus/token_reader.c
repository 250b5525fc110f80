/* A tokenizer reading standard input one character at a time: when a number or a word
   ends, the character after it is pushed back with ungetc and read again as the start of
   the next token, as course tokenizers do. */
#include <ctype.h>
#include <stdio.h>

int read_number(void) {
    int value = 0, c;
    while ((c = getchar()) != EOF && isdigit(c)) value = value * 10 + (c - '0');
    if (c != EOF) ungetc(c, stdin);
    return value;
}

int read_word(char *word, int size) {
    int n = 0, c;
    while ((c = getchar()) != EOF && isalpha(c)) {
        if (n < size - 1) word[n++] = (char)c;
    }
    word[n] = '\0';
    if (c != EOF) ungetc(c, stdin);
    return n;
}

int main(void) {
    int c, numbers = 0, words = 0;
    long total = 0;
    char word[32];
    while ((c = getchar()) != EOF) {
        if (isdigit(c)) {
            ungetc(c, stdin);
            int n = read_number();
            total += n;
            numbers++;
            printf("number %d\n", n);
        } else if (isalpha(c)) {
            printf("ungetc gives back '%c'\n", ungetc(c, stdin));
            read_word(word, sizeof word);
            words++;
            printf("word %s\n", word);
        } else if (!isspace(c)) {
            printf("symbol %c\n", c);
        }
    }
    printf("ungetc(EOF) = %d\n", ungetc(EOF, stdin));
    ungetc('x', stdin);
    int first = getchar();
    int second = getchar();
    printf("after EOF, ungetc('x') then getchar() = %c, then %d\n", first, second);
    char line[16];
    ungetc('q', stdin);
    printf("fgets sees \"%s\"\n", fgets(line, sizeof line, stdin) ? line : "(null)");
    int parsed = 0;
    ungetc('7', stdin);
    ungetc('4', stdin);
    int assigned = scanf("%d", &parsed);
    printf("scanf reads %d: %d\n", assigned, parsed);
    printf("%d numbers (total %ld), %d words\n", numbers, total, words);
    return numbers;
}
