/* Gaussian elimination with partial pivoting on a 4x4 system of doubles, then the
   determinant and a check of the solution. */
#include <stdio.h>
#include <math.h>

#define N 4

void print_matrix(double m[N][N + 1]) {
    for (int i = 0; i < N; i++) {
        for (int j = 0; j <= N; j++) printf("%9.4f", m[i][j]);
        printf("\n");
    }
}

int main(void) {
    double a[N][N + 1] = {
        {2, 1, -1, 3, 5},
        {-3, -1, 2, 1, -2},
        {-2, 1, 2, -4, 1},
        {1, 2, 3, 4, 10},
    };
    double original[N][N + 1];
    for (int i = 0; i < N; i++)
        for (int j = 0; j <= N; j++) original[i][j] = a[i][j];
    double det = 1;
    for (int col = 0; col < N; col++) {
        int pivot = col;
        for (int r = col + 1; r < N; r++)
            if (fabs(a[r][col]) > fabs(a[pivot][col])) pivot = r;
        if (pivot != col) {
            for (int j = 0; j <= N; j++) {
                double t = a[col][j];
                a[col][j] = a[pivot][j];
                a[pivot][j] = t;
            }
            det = -det;
        }
        det *= a[col][col];
        for (int r = col + 1; r < N; r++) {
            double factor = a[r][col] / a[col][col];
            for (int j = col; j <= N; j++) a[r][j] -= factor * a[col][j];
        }
    }
    print_matrix(a);
    double x[N];
    for (int i = N - 1; i >= 0; i--) {
        double s = a[i][N];
        for (int j = i + 1; j < N; j++) s -= a[i][j] * x[j];
        x[i] = s / a[i][i];
    }
    for (int i = 0; i < N; i++) printf("x%d = %.17g\n", i, x[i]);
    printf("det = %.10g\n", det);
    double worst = 0;
    for (int i = 0; i < N; i++) {
        double s = 0;
        for (int j = 0; j < N; j++) s += original[i][j] * x[j];
        double residual = fabs(s - original[i][N]);
        if (residual > worst) worst = residual;
    }
    printf("largest residual below 1e-12: %d\n", worst < 1e-12);
    return 0;
}
