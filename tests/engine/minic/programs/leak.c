#include <stdlib.h>

int main(void) {
    int *a = malloc(16);
    int *b = malloc(8);
    int *c = malloc(4);
    a[0] = 1;
    b[0] = 2;
    free(c);
    return 0;
}
