#include <stdio.h>

struct sample { char tag; double value; float weight; };

double average(const double *xs, int n) {
    double sum = 0.0;
    for (int i = 0; i < n; i++) sum += xs[i];
    return sum / n;
}

float scale(float x, float by) { return x * by; }

double g = 2.5e-3;
float gf = 1.0f / 3;
double table[] = {1, 2.5, -3.75, 1e10, 0x1.8p1};

int main(void) {
    double xs[5] = {1.5, 2.25, 3.0, 4.75, 10};
    double avg = average(xs, 5);
    printf("avg %f %.3f %g %e\n", avg, avg, avg, avg);
    float third = 1.0f / 3.0f;
    double dthird = 1.0 / 3.0;
    printf("%.17g %.17g %.9g\n", (double)third, dthird, third);
    printf("%.17g\n", gf);
    int i = (int)avg;
    long l = (long)-7.9;
    unsigned u = (unsigned)3.99;
    printf("%d %ld %u\n", i, l, u);
    struct sample s = {'a', 0.1, 0.2f};
    struct sample t = s;
    t.value *= 3;
    printf("%.17g %.17g %c\n", t.value, t.weight + 0.1, t.tag);
    printf("%d %d %d\n", 0.1 + 0.2 == 0.3, 0.1f + 0.2f == 0.3f, 1.0 / 1e-320 > 1e308);
    double z = -0.0;
    if (z) printf("nonzero\n"); else printf("zero\n");
    printf("%d\n", !z);
    double x = 0.0;
    for (int k = 0; k < 10; k++) x += 0.1;
    printf("%.17g %d\n", x, x == 1.0);
    x++;
    printf("%g\n", x);
    float f = 16777216.0f;
    f += 1.0f;
    printf("%.1f\n", f);
    printf("%g %g %g %g %g\n", g, table[1], table[2], table[3], table[4]);
    printf("%.2f\n", scale(2.5f, 4));
    int n = 7;
    double r = n / 2;
    double q = n / 2.0;
    printf("%g %g\n", r, q);
    char c = 'A';
    double dc = c;
    printf("%g %d\n", dc, (char)(dc + 1.9));
    unsigned long big = 18446744073709551615ul;
    printf("%.17g %.9g\n", (double)big, (float)big);
    long long neg = -9007199254740993LL;
    printf("%.17g\n", (double)neg);
    double d2 = 1e300 * 1e10;
    printf("%f %d\n", d2, d2 > 0);
    double m = xs[0] > xs[1] ? xs[0] : xs[1];
    printf("%g %g\n", m, -m);
    return (int)(avg * 10) % 256;
}
