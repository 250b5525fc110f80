/* Matrices with #define sizes and a function-like macro for indexing. */
#include <stdio.h>

#define ROWS 3
#define COLS 4
#define AT(m, r, c) ((m)[(r) * COLS + (c)])

void fill(int *m) {
    for (int r = 0; r < ROWS; r++)
        for (int c = 0; c < COLS; c++) AT(m, r, c) = r * 10 + c;
}

int main(void) {
    int m[ROWS * COLS];
    int t[COLS][ROWS];
    fill(m);
    for (int r = 0; r < ROWS; r++)
        for (int c = 0; c < COLS; c++) t[c][r] = AT(m, r, c);
    for (int c = 0; c < COLS; c++) {
        for (int r = 0; r < ROWS; r++) printf("%3d", t[c][r]);
        printf("\n");
    }
    long trace = 0;
    for (int i = 0; i < ROWS && i < COLS; i++) trace += AT(m, i, i);
    printf("trace %ld\n", trace);
    return 0;
}
