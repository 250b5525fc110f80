/* argc and argv: the program's name and its arguments, converted with atoi and strtol. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[]) {
    printf("argc = %d, argv[0] = %s\n", argc, argv[0]);
    long sum = 0;
    for (int i = 1; i < argc; i++) {
        char *end;
        long v = strtol(argv[i], &end, 10);
        if (*end == '\0') {
            sum += v;
            printf("argv[%d] = %s is the number %ld\n", i, argv[i], v);
        } else {
            printf("argv[%d] = %s is a word of %zu letters\n", i, argv[i], strlen(argv[i]));
        }
    }
    printf("sum = %ld, argv[argc] is %s\n", sum, argv[argc] == NULL ? "NULL" : "set");
    return argc > 3 ? EXIT_SUCCESS : EXIT_FAILURE;
}
