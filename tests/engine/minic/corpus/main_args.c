/* int main(int argc, char *argv[]): one argument, the program's name, then NULL. */
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    printf("argc %d\n", argc);
    printf("argv[argc] is NULL: %d\n", argv[argc] == NULL);
    printf("argv[0] has a name: %d\n", strlen(argv[0]) > 0);
    for (int i = 1; i < argc; i++) printf("arg %s\n", argv[i]);
    return argc == 1 ? 0 : 3;
}
