/* Matrix multiplication with nested initializers and #define sizes. */
#include <stdio.h>

#define R 2
#define K 3
#define C 2

void multiply(int a[R][K], int b[K][C], int out[R][C]) {
    for (int i = 0; i < R; i++)
        for (int j = 0; j < C; j++) {
            out[i][j] = 0;
            for (int k = 0; k < K; k++) out[i][j] += a[i][k] * b[k][j];
        }
}

int main(void) {
    int a[R][K] = {{1, 2, 3}, {4, 5, 6}};
    int b[K][C] = {{7, 8}, {9, 10}, {11, 12}};
    int c[R][C];
    multiply(a, b, c);
    for (int i = 0; i < R; i++) printf("%4d %4d\n", c[i][0], c[i][1]);
    return 0;
}
