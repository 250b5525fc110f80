#include <stdlib.h>

int main(void) {
    int *a = malloc(4 * sizeof(int));
    int i;
    for (i = 0; i <= 4; i++)
        a[i] = i;
    free(a);
    return a[0];
}
