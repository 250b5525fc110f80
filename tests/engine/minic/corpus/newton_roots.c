/* Root finding: Newton's method and bisection on functions passed as pointers,
   compared with sqrt and cbrt-by-pow. */
#include <stdio.h>
#include <math.h>

typedef double (*Function)(double);

double square_minus_two(double x) { return x * x - 2; }
double square_minus_two_slope(double x) { return 2 * x; }
double cubic(double x) { return x * x * x - x - 1; }
double cubic_slope(double x) { return 3 * x * x - 1; }
double cosine_minus_x(double x) { return cos(x) - x; }
double cosine_minus_x_slope(double x) { return -sin(x) - 1; }

double newton(Function f, Function slope, double x, int *steps) {
    for (*steps = 0; *steps < 50; (*steps)++) {
        double step = f(x) / slope(x);
        x -= step;
        if (fabs(step) < 1e-15) break;
    }
    return x;
}

double bisect(Function f, double lo, double hi, int *steps) {
    *steps = 0;
    while (hi - lo > 1e-12 && *steps < 200) {
        double mid = (lo + hi) / 2;
        if ((f(lo) < 0) == (f(mid) < 0)) lo = mid;
        else hi = mid;
        (*steps)++;
    }
    return (lo + hi) / 2;
}

int main(void) {
    Function fs[] = {square_minus_two, cubic, cosine_minus_x};
    Function slopes[] = {square_minus_two_slope, cubic_slope, cosine_minus_x_slope};
    const char *names[] = {"x^2 - 2", "x^3 - x - 1", "cos x - x"};
    for (int i = 0; i < 3; i++) {
        int n1, n2;
        double r1 = newton(fs[i], slopes[i], 1.0, &n1);
        double r2 = bisect(fs[i], 0.0, 2.0, &n2);
        printf("%-12s newton %.17g (%d steps)  bisection %.12f (%d steps)\n", names[i], r1, n1, r2, n2);
    }
    printf("sqrt(2) = %.17g\n", sqrt(2));
    printf("cube root of 10 = %.17g\n", pow(10, 1.0 / 3));
    return 0;
}
