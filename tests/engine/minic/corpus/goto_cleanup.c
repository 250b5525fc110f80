/* goto as C programmers use it: leaving nested loops, and one cleanup path that frees
   what was allocated when a step fails. */
#include <stdio.h>
#include <stdlib.h>

int find_pair(int grid[4][4], int target, int *row, int *col) {
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
            if (grid[i][j] == target) {
                *row = i;
                *col = j;
                goto found;
            }
        }
    }
    return 0;
found:
    return 1;
}

int build(int fail_at) {
    int status = -1;
    int *a = NULL, *b = NULL, *c = NULL;
    a = malloc(4 * sizeof *a);
    if (a == NULL || fail_at == 1) goto cleanup;
    b = malloc(8 * sizeof *b);
    if (b == NULL || fail_at == 2) goto cleanup;
    c = malloc(16 * sizeof *c);
    if (c == NULL || fail_at == 3) goto cleanup;
    status = 0;
cleanup:
    free(c);
    free(b);
    free(a);
    printf("build(%d) -> %d\n", fail_at, status);
    return status;
}

int main(void) {
    int grid[4][4] = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}};
    int r = -1, c = -1;
    if (find_pair(grid, 11, &r, &c)) printf("11 at (%d, %d)\n", r, c);
    if (!find_pair(grid, 99, &r, &c)) printf("99 not found\n");
    for (int k = 0; k <= 3; k++) build(k);
    int n = 0;
again:
    n++;
    if (n < 5) goto again;
    printf("n = %d\n", n);
    return n;
}
