#include <stdio.h>

int main(int argc, char *argv[]) {
    int sum = 0, value = 0;
    while (scanf("%d", &value) == 1) sum += value;
    printf("sum %d, argc %d:", sum, argc);
    for (int i = 1; i < argc; i++) printf(" %s", argv[i]);
    printf("\n");
    return 0;
}
