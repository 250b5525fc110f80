/* Variable-length arrays (C99): sized when the declaration runs, placed on the stack,
   sizeof at run time, 2-D indexing, one per loop pass, and one per recursive call. */
#include <stdio.h>

int triangle(void);

int sum(int n, int *a) {
    int s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s;
}

int main(void) {
    int n = 5;
    int a[n];
    for (int i = 0; i < n; i++) a[i] = i * i;
    printf("sizeof a = %zu, sum = %d\n", sizeof a, sum(n, a));
    int rows = 3, cols = 4;
    int m[rows][cols];
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) m[r][c] = r * 10 + c;
    printf("m[2][3] = %d, sizeof m = %zu, sizeof m[0] = %zu\n", m[2][3], sizeof m, sizeof m[0]);
    for (int k = 1; k <= 3; k++) {
        char buf[k * 8];
        snprintf(buf, sizeof buf, "k=%d", k);
        printf("%s (%zu bytes)\n", buf, sizeof buf);
    }
    int *p = &m[1][0];
    printf("%d %ld\n", p[5], (long)(&m[2][0] - &m[0][0]));
    printf("triangle %d\n", triangle());
    return 0;
}

/* A variable-length array in every frame of a recursion: each call's frame grows by it. */
int depth_sum(int n) {
    int a[n + 1];
    a[n] = n;
    if (n == 0) return a[0];
    return depth_sum(n - 1) + a[n];
}

int triangle(void) { return depth_sum(200); }
