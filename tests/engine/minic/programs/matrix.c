#include <stdio.h>

int grid[3][4];

int main(void) {
    int r;
    int c;
    for (r = 0; r < 3; r++)
        for (c = 0; c < 4; c++)
            grid[r][c] = r * 10 + c;
    int *flat = &grid[0][0];
    printf("%d %d %d\n", flat[5], grid[2][3], *(flat + 11));
    int local[2][3] = {1, 2, 3, 4, 5, 6};
    printf("%d %lu\n", local[1][0], sizeof(local));
    return 0;
}
