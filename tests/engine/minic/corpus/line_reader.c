/* fgets, getchar and getc on standard input: lines, a short buffer, characters to EOF. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char line[16];
    int lines = 0;
    while (lines < 3 && fgets(line, sizeof line, stdin) != NULL) {
        size_t len = strlen(line);
        printf("line %d (%zu bytes, newline %s): %s", ++lines, len, len > 0 && line[len - 1] == '\n' ? "yes" : "no", line);
        if (len > 0 && line[len - 1] != '\n') printf("\n");
    }
    char tiny[4];
    if (fgets(tiny, sizeof tiny, stdin) != NULL) printf("tiny: [%s]\n", tiny);
    int c, letters = 0, newlines = 0;
    while ((c = getchar()) != EOF) {
        if (c == '\n') newlines++;
        else letters++;
        if (letters == 5) {
            int d = getc(stdin);
            printf("getc after 5: %d\n", d);
        }
    }
    printf("%d other bytes, %d newlines, then EOF = %d, again %d\n", letters, newlines, c, getchar());
    printf("fgets at EOF: %s\n", fgets(line, sizeof line, stdin) == NULL ? "NULL" : "text");
    return 0;
}
