/* scanf and sscanf with %f, %lf, %e and %g: a table of inputs read by sscanf (what is
   gathered, what strtod makes of it, what is left), then measurements read from standard
   input and averaged, as a lab exercise does. */
#include <stdio.h>

int main(void) {
    const char *inputs[] = {"3.25", "  -1.5e3x", "1e", "1e+", "1ex", ".5", ".", "-.", "+", "0x1.8p3",
                            "0x", "0xg", "0x.8", "0x1p", "inf", "INFINITY", "infin", "infx", "nan", "nanx",
                            "-inf", "1.2.3", "12e5e", "1e400", "1e-400", "0.1", "  7", "abc", "", "1,5",
                            "00012.50", "1.e2", "-0", "1p3", "0x1P-2", "i", "n", "3.4028235e38", "1e-45"};
    for (unsigned i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        double d = -99;
        float f = -99;
        int used = -1;
        char rest[16] = "";
        int r = sscanf(inputs[i], "%lf%n%15s", &d, &used, rest);
        int r2 = sscanf(inputs[i], "%f", &f);
        double w = -99;
        int used3 = -1;
        int r3 = sscanf(inputs[i], "%3le%n", &w, &used3);
        printf("[%s] %d %.17g used %d rest [%s] | %%f %d %.9g | %%3le %d %.17g used %d\n", inputs[i], r, d, used, rest,
               r2, f, r3, w, used3);
    }
    float g = 0;
    double skipped = 0;
    printf("%%*f then %%g: %d", sscanf("2.5 4.75", "%*f %g", &g));
    printf(" -> %g, skipped %g\n", g, skipped);

    char name[32];
    int count = 0;
    double sum = 0, value, lowest = 0, highest = 0;
    if (scanf("%31s", name) != 1) return 1;
    int r;
    while ((r = scanf("%lf", &value)) == 1) {
        if (count == 0 || value < lowest) lowest = value;
        if (count == 0 || value > highest) highest = value;
        sum += value;
        count++;
    }
    printf("%s: %d values (scanf ended with %d), mean %.4f, range %g .. %g\n", name, count, r, count ? sum / count : 0.0,
           lowest, highest);
    char unit[8];
    if (scanf("%7s", unit) == 1) printf("then the word '%s'\n", unit);
    float t1, t2;
    int got = scanf(" %e,%e", &t1, &t2);
    printf("temperatures: %d read, %.2f and %.2f\n", got, got > 0 ? t1 : 0.0f, got > 1 ? t2 : 0.0f);
    return count;
}
