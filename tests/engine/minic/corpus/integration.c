/* Numerical integration: the trapezoid rule and Simpson's rule for a few functions,
   with the number of intervals doubling. */
#define _DEFAULT_SOURCE /* M_PI and M_E under gcc -std=c99 */
#include <stdio.h>
#include <math.h>

double f_sin(double x) { return sin(x); }
double f_exp(double x) { return exp(-x * x); }
double f_poly(double x) { return 3 * x * x + 2 * x + 1; }
double f_recip(double x) { return 1 / x; }

double trapezoid(double (*f)(double), double a, double b, int n) {
    double h = (b - a) / n, sum = (f(a) + f(b)) / 2;
    for (int i = 1; i < n; i++) sum += f(a + i * h);
    return sum * h;
}

double simpson(double (*f)(double), double a, double b, int n) {
    double h = (b - a) / n, sum = f(a) + f(b);
    for (int i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(a + i * h);
    return sum * h / 3;
}

int main(void) {
    struct { const char *name; double (*f)(double); double a, b; } cases[] = {
        {"sin 0..pi", f_sin, 0, M_PI}, {"exp(-x^2) 0..1", f_exp, 0, 1},
        {"3x^2+2x+1 0..2", f_poly, 0, 2}, {"1/x 1..e", f_recip, 1, M_E},
    };
    for (int c = 0; c < 4; c++) {
        printf("%s\n", cases[c].name);
        for (int n = 4; n <= 64; n *= 2) {
            printf("  n=%2d trapezoid %.12f simpson %.15f\n", n, trapezoid(cases[c].f, cases[c].a, cases[c].b, n),
                   simpson(cases[c].f, cases[c].a, cases[c].b, n));
        }
    }
    return 0;
}
