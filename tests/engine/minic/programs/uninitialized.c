#include <stdio.h>

int main(void) {
    int x;
    int y = x + 1;
    printf("%d\n", y - y);
    return 0;
}
